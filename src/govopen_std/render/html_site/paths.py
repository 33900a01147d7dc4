"""Where each page lives inside the site folder (all links between pages are built from these)."""

from __future__ import annotations

import re
from functools import lru_cache

from govopen_std.view.model import GroupView, ItemRow, StandardView

# Device names Windows reserves with any extension (domains/con.html cannot be created or opened there).
_WINDOWS_RESERVED = re.compile(r"(?i)(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?")


@lru_cache(maxsize=1 << 16)  # pure; every item's path is asked for by several pages of each site
def slug(text: str) -> str:
    """A file-name-safe form of an id or code (they are validated already; this is belt and braces), never a
    name Windows reserves: a domain with the id `con` (allowed: three to eight letters) gets domains/con_.html."""
    safe = re.sub(r"[^A-Za-z0-9._-]", "_", text) or "_"
    return safe + "_" if _WINDOWS_RESERVED.fullmatch(safe) else safe


def item_path(row: ItemRow) -> str:
    return f"items/{slug(row.code)}.html"


def standard_path(std: StandardView) -> str:
    return f"standards/{slug(std.id)}.html"


def domain_path(group: GroupView) -> str:
    return f"domains/{slug(group.id)}.html"
