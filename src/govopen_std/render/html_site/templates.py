"""Where the HTML templates and assets come from: the workspace's templates/html/ first, then the embedded
copy (inside the wheel, or the checkout's templates/), so a workspace may override single files.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment

from govopen_std import __version__
from govopen_std.diagnostics import GovOpenError
from govopen_std.load.confine import IN_TEMPLATES, escapes, package_roots, real, special_kind
from govopen_std.load.discover import embedded_root
from govopen_std.render.html_site.links import url_links
from govopen_std.render.html_site.paths import slug

SUBDIR = "html"
ASSETS = "assets"


def template_dirs(workspace_templates: Path | None) -> tuple[Path, ...]:
    """The template folders in lookup order, without duplicates."""
    candidates = []
    if workspace_templates is not None:
        candidates.append(workspace_templates / SUBDIR)
    candidates.append(embedded_root() / "templates" / SUBDIR)
    seen: list[Path] = []
    for path in candidates:
        if path.is_dir() and path.resolve() not in seen:
            seen.append(path.resolve())
    return tuple(seen)


def month_zh(month: str) -> str:
    """2017-12 -> 2017年12月 (as Annex 1 prints it)."""
    year, _, mon = month.partition("-")
    return f"{year}年{int(mon)}月" if mon.isdigit() else month


def embedded_dir() -> Path:
    return (embedded_root() / "templates" / SUBDIR).resolve()


def template_files(dirs: tuple[Path, ...]) -> list[tuple[Path, str]]:
    """(folder, name) of every file a template could load, in lookup order (assets are not templates)."""
    found = []
    for base in dirs:
        for path in sorted(base.rglob("*")):
            rel = path.relative_to(base)
            if path.is_file() and rel.parts[0] != ASSETS:
                found.append((base, rel.as_posix()))
    return found


def trusted(dirs: tuple[Path, ...]) -> bool:
    """True when every template comes from the embedded folder (shipped with govopen): no other folder
    of the lookup path holds a file that a template could load."""
    embedded = embedded_dir()
    return all(base == embedded for base, _ in template_files(dirs))


def site_environment(dirs: tuple[Path, ...]) -> Environment:
    """The environment a site renders with: plain for the embedded templates alone, sandboxed otherwise."""
    if trusted(dirs):
        # loads from the embedded folder only: a template that appears in a workspace folder after this
        # check (`govopen serve` rebuilds while the author edits) can never render outside the sandbox
        return environment((embedded_dir(),), sandboxed=False)
    return environment(dirs, sandboxed=True)


def environment(dirs: tuple[Path, ...], *, sandboxed: bool = True) -> Environment:
    """One Jinja environment per lookup path and template contents; autoescape is always on (every value
    comes from YAML)."""
    # Looked at once per call (once per site a render writes), not per page: the environment does not
    # stat a template file at every get_template (auto_reload off); an edited template (`govopen serve`
    # rebuilds while the author edits) changes the fingerprint, so the next call builds a fresh environment.
    return _environment(dirs, sandboxed, fingerprint(template_files(dirs)))


def fingerprint(files: list[tuple[Path, str]]) -> str:
    """A digest of the template files' names and contents, in lookup order."""
    digest = hashlib.sha256()
    for base, name in files:
        data = (base / name).read_bytes()
        digest.update(f"{base}\0{name}\0{len(data)}\0".encode())
        digest.update(data)
    return digest.hexdigest()


@lru_cache(maxsize=8)
def _environment(dirs: tuple[Path, ...], sandboxed: bool, _fingerprint: str) -> Environment:
    # Sandboxed: a workspace may override any template, and an unsandboxed template can reach Python's
    # internals (run commands, write files anywhere); the sandbox keeps a template to rendering values.
    # The embedded templates alone are govopen's own code: they render in a plain environment (the
    # sandbox's check of every attribute read was a third of the site's time), same output.
    env = (SandboxedEnvironment if sandboxed else Environment)(
        loader=ChoiceLoader([ConfinedLoader(d) for d in dirs]),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["month_zh"] = month_zh
    env.filters["slug"] = slug
    env.filters["url_links"] = url_links
    env.globals["version"] = __version__
    return env


def asset_files(dirs: tuple[Path, ...]) -> dict[str, Path]:
    """assets/<name> -> the file that provides it (the first folder holding that name wins)."""
    found: dict[str, Path] = {}
    for base in dirs:
        root = base / ASSETS
        if not root.is_dir():
            continue
        for path in sorted(root.rglob("*")):
            rel = f"{ASSETS}/{path.relative_to(root).as_posix()}"
            if path.is_file() and rel not in found:
                found[rel] = path
    return dict(sorted(found.items()))


def confined_file(path: Path, folder: Path) -> None:
    """Raise E921 when `path` really lies outside `folder` (a real path) and govopen's package, E922 when it is a FIFO, a device or a
    socket: checked before the file is opened, so nothing from elsewhere is read into the site (`load.confine`)."""
    outside = escapes(path, (folder, *package_roots()))
    if outside is not None:
        raise GovOpenError("E921", path=str(path), target=str(outside), where=IN_TEMPLATES[0], where_en=IN_TEMPLATES[1])
    kind = special_kind(path)
    if kind is not None:
        raise GovOpenError("E922", path=str(path), kind=kind[0], kind_en=kind[1])


class ConfinedLoader(FileSystemLoader):
    """A FileSystemLoader that opens only regular files really inside its folder: `{% include %}`,
    `{% extends %}` and `{% import %}` of a link to /etc or /proc is E921, of a FIFO E922, never a read."""

    def __init__(self, folder: Path) -> None:
        super().__init__(str(folder))
        self.folder = real(folder)

    def get_source(self, environment: Environment, template: str) -> tuple[str, str, Callable[[], bool]]:
        path = self.folder.joinpath(*split_template_path(template))
        if os.path.lexists(path):
            confined_file(path, self.folder)
        return super().get_source(environment, template)

