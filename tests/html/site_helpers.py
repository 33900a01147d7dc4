"""Helpers for the HTML site tests (a module, not a conftest, so its name is unique on sys.path)."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

# Shared with the browser tests; the tests of this folder import them from here.
from helpers.site import (  # noqa: F401
    XSS_CONTENT,
    XSS_LAW,
    XSS_NAME,
    build_site,
    mini_with_county,
    xss_workspace,
)


class Page(HTMLParser):
    """The parts of a page the tests look at: tags with attributes, and the text of selected elements."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.data: list[str] = []
        self._stack: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.data.append(data)

    def all(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]

    @property
    def text(self) -> str:
        return "".join(self.data)


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def element_text(html: str, tag: str) -> list[str]:
    """Text of every <tag>…</tag> (no nesting of the same tag), entities decoded, tags stripped."""
    import html as html_lib

    found = re.findall(rf"<{tag}\b[^>]*>(.*?)</{tag}>", html, flags=re.S)
    return [html_lib.unescape(re.sub(r"<[^>]+>", "", part)).strip() for part in found]
