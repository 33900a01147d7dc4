"""Rules on where a build writes and what it may read (`load.confine`), reported by `check` before any build.

- govopen.yaml `out_dir` (relative to the workspace) may not be `/`, a system folder, the workspace itself or
  a folder above it, the standards or templates folder or a folder inside them, nor a link from the
  workspace to outside it: E920 at the value. (`build` checks the folder it really writes to again.)
- every entry of the workspace's own templates folder must really be inside it, as `build` reads them (an HTML
  template or asset inside templates/html/, the style template inside the templates folder; govopen's own
  package is allowed too): a symbolic link to elsewhere (`assets/env.txt -> /proc/self/environ`)
  is E921 and is never read; a FIFO, socket, device or link loop is E922, and so is a folder named like a
  template (`templates/docx/style.yaml/`), which would otherwise silently hide it.

FAIL (E920 at govopen.yaml:6:10)::

    out_dir: templates
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from govopen_std.check.context import CheckContext
from govopen_std.diagnostics import Diagnostic, SourceLocation, relpath
from govopen_std.load.confine import (
    IN_TEMPLATES,
    IN_WORKSPACE,
    Confinement,
    allowed_roots,
    forbidden_out,
    package_roots,
    real,
    special_kind,
)

ID = "confine"
SUBDIR = "html"  # render.html_site.templates.SUBDIR (the check does not import the renderer)
LOOP = ("形成循环或无法解析的符号链接", "a symbolic link loop or a link that cannot be followed")
FOLDER = ("目录", "a folder")
# names that are files in a templates folder (the style template, Jinja templates): never folders
FILE_SUFFIXES = (".yaml", ".yml", ".html", ".htm", ".svg", ".xml", ".txt", ".j2", ".jinja")


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    yield from check_out_dir(ctx)
    yield from check_templates(ctx)


def check_out_dir(ctx: CheckContext) -> Iterator[Diagnostic]:
    sources, config = ctx.sources, ctx.sources.config
    if config is None or sources.workspace.embedded:
        return
    root = sources.workspace.root
    reason = forbidden_out(root / config.out_dir, root, root / config.standards_dir, root / config.templates_dir)
    if reason is None:
        return
    source = next((f for f in sources.files if f.path == sources.paths.config), None)
    where = source.locate(("out_dir",)) if source is not None else SourceLocation(relpath(sources.paths.config, root))
    yield Diagnostic.make("E920", where, path=config.out_dir, what=reason[0], what_en=reason[1])


def check_templates(ctx: CheckContext) -> Iterator[Diagnostic]:
    sources = ctx.sources
    if sources.workspace.embedded:
        return
    root = sources.workspace.root
    folder = root / (sources.config.templates_dir if sources.config else "templates")
    if not os.path.lexists(folder):
        return
    problems = list(_entry_problems(folder, root, Confinement(allowed_roots(root)), IN_WORKSPACE))
    yield from problems
    if problems:  # the folder itself leads elsewhere (`templates_dir: /etc`): its contents are not looked at
        return
    # as `build` reads them: an HTML template or asset from within templates/html/, the style template from
    # within the templates folder (or, for either, from govopen's own package)
    html = folder / SUBDIR
    in_html, in_folder = Confinement((real(html), *package_roots())), Confinement((real(folder), *package_roots()))
    for path in _entries(folder):
        confined = in_html if path.is_relative_to(html) else in_folder
        yield from _entry_problems(path, root, confined, IN_TEMPLATES)


def _entries(folder: Path) -> list[Path]:
    """Everything under `folder`, links included but not followed (a linked folder is one entry), sorted."""
    if not real(folder).is_dir():
        return []
    found = []
    for base, dirs, files in os.walk(folder, followlinks=False):
        found += [Path(base) / name for name in (*dirs, *files)]
    return sorted(found)


def _entry_problems(path: Path, root: Path, confined: Confinement, where: tuple[str, str]) -> Iterator[Diagnostic]:
    display = Path(os.path.relpath(path, root)).as_posix()  # the link's own name, not where it leads
    outside = confined.escapes(path)
    if outside is not None:
        yield Diagnostic.make("E921", SourceLocation(display, 1, 1), path=display, target=str(outside),
                              where=where[0], where_en=where[1])
        return
    kind = special_kind(path)
    if kind is None and path.is_symlink() and not path.exists():
        kind = LOOP
    if kind is None and path.is_dir() and path.name.endswith(FILE_SUFFIXES):
        kind = FOLDER  # where a template is looked up by name, a folder would silently hide it
    if kind is not None:
        yield Diagnostic.make("E922", SourceLocation(display, 1, 1), path=display, kind=kind[0], kind_en=kind[1])
