"""Rules on a workspace's own templates (govopen.yaml `templates_dir`, default templates/): what `build`
would stop at is reported by `check` first, with file and line.

- templates/docx/style.yaml is read by the DOCX renderer's own loader (`render.docx_std.style`): a YAML
  error, an unknown key, a wrong value or a missing element is B610;
- every Jinja template under templates/html/ (outside assets/) is compiled as `build` compiles it: a
  syntax error, or an unknown filter or test, is B621.

The embedded templates are govopen's own and tested with it, so a workspace without its own folder (or
the embedded workspace itself) costs nothing here: nothing is parsed and Jinja is not even imported.

FAIL (B621 at templates/html/item.html:3)::

    {% if item.code %}
      {{ item.code }
    {% endif %}
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from govopen_std.check.context import CheckContext
from govopen_std.diagnostics import Diagnostic, GovOpenError, SourceLocation, relpath

ID = "templates"
TEMPLATE_SUFFIXES = (".html", ".htm", ".svg", ".xml", ".txt", ".j2", ".jinja")


def own_templates(ctx: CheckContext) -> Path | None:
    """The workspace's own templates folder, or None (none, or it is the embedded one)."""
    from govopen_std.load.discover import embedded_root

    workspace = ctx.sources.workspace
    if workspace.embedded:
        return None
    folder = workspace.root / (ctx.sources.config.templates_dir if ctx.sources.config else "templates")
    if not folder.is_dir() or folder.resolve() == (embedded_root() / "templates").resolve():
        return None
    return folder


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    folder = own_templates(ctx)
    if folder is None:
        return
    root = ctx.sources.workspace.root
    yield from check_style(folder, root)
    yield from check_html(folder, root)


def check_style(folder: Path, root: Path) -> Iterator[Diagnostic]:
    from govopen_std.render.docx_std.style import STYLE_FILE, style_problems

    own = folder / STYLE_FILE
    if own.is_file() and _confined(own, root):
        yield from style_problems(own, relpath(own, root))


def _confined(path: Path, root: Path) -> bool:
    """True for a regular file really inside the workspace; anything else is `check.confine_rules`' to report
    (E921, E922) and is not read here."""
    from govopen_std.load.confine import allowed_roots, escapes, special_kind

    return escapes(path, allowed_roots(root)) is None and special_kind(path) is None


def html_templates(folder: Path) -> list[Path]:
    """The Jinja templates of a templates/html/ folder, sorted (assets are copied as they are, not rendered)."""
    html = folder / "html"
    if not html.is_dir():
        return []
    return sorted(p for p in html.rglob("*") if p.is_file() and p.suffix in TEMPLATE_SUFFIXES
                  and "assets" not in p.relative_to(html).parts[:1])


def check_html(folder: Path, root: Path) -> Iterator[Diagnostic]:
    templates = html_templates(folder)
    if not templates:
        return
    from jinja2 import TemplateSyntaxError

    from govopen_std.render.html_site.templates import SUBDIR, environment, template_dirs

    env = environment(template_dirs(folder))
    for path in templates:
        if not _confined(path, root):
            continue
        display = relpath(path, root)
        name = path.relative_to(folder / SUBDIR).as_posix()
        try:
            env.get_template(name)
        except TemplateSyntaxError as exc:
            yield Diagnostic.make("B621", SourceLocation(display, exc.lineno or 1, 1), path=display, line=exc.lineno,
                                  detail=f"模板语法错误（{exc.message or '?'}）", detail_en=exc.message or "syntax error")
        except (UnicodeDecodeError, OSError) as exc:
            yield Diagnostic.make("B621", SourceLocation(display, 1, 1), path=display, line=1,
                                  detail="无法读取（文件须为 UTF-8 编码）", detail_en=str(exc))
        except GovOpenError:  # the loader refused a link out of templates/html/ (E921): check.confine_rules reports it
            continue
