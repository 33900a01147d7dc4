"""The catalog cells of an item row (状态标记, 公开内容, 公开依据, 公开渠道和载体), drawn once per site.

The same row's cells appear on its item page, in its domain's catalog table and (the badge) in its
standard's item list: the macros of macros.html draw them the first time a page asks, and every later
page reuses the drawn HTML. The markup stays in macros.html (a workspace may override it); the pages get
exactly what calling the macro in place gives.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from govopen_std.view.model import ItemRow


class Cells:
    """One row's drawn cells: `badge` (m.status_badge), `content`, `basis`, `channels` (m.*_cell)."""

    __slots__ = ("badge", "basis", "channels", "content")

    def __init__(self, macros: Any, row: ItemRow) -> None:
        self.badge: Markup = macros.status_badge(row)
        self.content: Markup = macros.content_cell(row)
        self.basis: Markup = macros.basis_cell(row)
        self.channels: Markup = macros.channels_cell(row)


class SiteCells(dict[str, Cells]):
    """Item code -> its cells, drawn on first use (inside a page's rendering, so a broken macros.html is
    reported like any template error of that page)."""

    def __init__(self, env: Environment, rows: dict[str, ItemRow]) -> None:
        super().__init__()
        # private (a leading underscore): a sandboxed template cannot reach the environment through them
        self._env = env
        self._rows = rows

    def __missing__(self, code: str) -> Cells:
        cells = self[code] = Cells(self._env.get_template("macros.html").module, self._rows[code])
        return cells
