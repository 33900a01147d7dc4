"""The renderer interface and the registry of renderers by name (imported lazily by name)."""

from __future__ import annotations

import re
from collections.abc import Callable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # `usage` and the no-op build answer read RENDERERS without loading the view models
    from govopen_std.view.model import BuildView

Advance = Callable[[str], None]


class Renderer(Protocol):
    """Writes one kind of output for one target into `out` (a staging folder)."""

    name: str

    def count(self, view: BuildView) -> int:
        """How many files `render` will write (for the progress bar)."""
        ...

    def render(self, view: BuildView, out: Path, advance: Advance) -> list[Path]:
        """Write the files and call `advance(name)` after each one."""
        ...


# name -> "module:Class"; importing python-docx or jinja2 only when that output is asked for.
RENDERERS: dict[str, str] = {
    "docx": "govopen_std.render.docx:DocxRenderer",
    "html": "govopen_std.render.html:HtmlRenderer",
    "xlsx": "govopen_std.render.xlsx:XlsxRenderer",
    "responsibility": "govopen_std.render.responsibility:ResponsibilityRenderer",
    "pdf": "govopen_std.render.pdf:PdfRenderer",
}
# Built only when asked for with --format: `pdf` needs LibreOffice and writes the (finished) DOCX itself.
OPT_IN = frozenset({"pdf"})
REPLACES = {"pdf": "docx"}


_SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")


def safe_name(name: str) -> str:
    """`name` when it can be one file or folder name inside an output folder (ASCII letters, digits, `.`, `_`,
    `-`; not `..`), else ValueError. Output names come from validated ids and codes only; this is the last
    guard, so that no source value can make a build write outside its output folder."""
    if not _SAFE_NAME.fullmatch(name) or ".." in name:
        raise ValueError(f"unsafe output name {name!r}")
    return name


def available() -> list[str]:
    """Every renderer's name, each module imported: a broken renderer is an error, never a silently missing output."""
    for target in RENDERERS.values():
        import_module(target.split(":")[0])
    return list(RENDERERS)


def load_renderer(name: str, **options: object) -> Renderer:
    module_name, cls_name = RENDERERS[name].split(":")
    cls = getattr(import_module(module_name), cls_name)
    renderer: Renderer = cls(**options)
    return renderer
