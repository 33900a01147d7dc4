"""The prebuilt search index: one script file (`assets/search-index.js`) that the home page loads with
<script src>, because a fetch() of JSON is refused under file://.

Chinese has no word spaces, so the browser matches query terms as substrings of a normalized text
(NFKC, lower case) and falls back to character-bigram overlap for near matches; the bigram table is
built in the browser from these texts, which keeps the file small. Facet values sit beside each item
so filters need no second file.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass

from govopen_std.view.model import BuildView, ItemRow, LawView

INDEX_FILE = "assets/search-index.js"
GLOBAL_NAME = "GOVOPEN_SEARCH"


def normalize(text: str) -> str:
    """The same normalization as search.js: NFKC (full-width to half-width) and lower case."""
    return unicodedata.normalize("NFKC", text).lower()


@dataclass(frozen=True)
class Facets:
    """The filter options, in vocabulary order (subjects and domains in catalog order)."""

    domain: tuple[tuple[str, str], ...]  # (group id, title)
    subject: tuple[str, ...]
    method: tuple[str, ...]
    channel: tuple[str, ...]
    audience: tuple[str, ...]
    level: tuple[str, ...]
    openness: tuple[str, ...]


def audience_kind(row: ItemRow, kinds: tuple[str, ...]) -> str:
    return next((k for k in kinds if row.audience.startswith(k)), row.audience)


def levels_of(row: ItemRow) -> list[str]:
    return [part for part in row.level.split("、") if part and part != "—"]


def facets(view: BuildView) -> Facets:
    items = view.items
    subjects = list(dict.fromkeys(s for row in items for s in row.subjects))
    used_channels = {c.name for row in items for c in row.channels}
    return Facets(
        domain=tuple((g.id, g.title) for g in view.domains),
        subject=tuple(subjects),
        method=view.vocabulary.get("methods", ()),
        channel=tuple(c for c in view.channels if c in used_channels),
        audience=view.vocabulary.get("audiences", ()),
        level=view.vocabulary.get("levels", ()),
        openness=view.vocabulary.get("openness", ()),
    )


def _law_text(row: ItemRow, laws: dict[str, LawView]) -> str:
    parts = []
    for ref in row.basis:
        law = laws.get(ref.law_id)
        parts.append(ref.display)
        if law is not None:
            parts += [*law.short, law.number or ""]
    return " ".join(p for p in parts if p)


def _entry(row: ItemRow, view: BuildView, laws: dict[str, LawView], titles: dict[str, str]) -> dict[str, object]:
    kinds = view.vocabulary.get("audiences", ())
    title = " ".join(p for p in (row.name, row.primary, row.secondary, row.tertiary, row.code) if p)
    body = "\n".join([" ".join(t for t, _ in row.content), _law_text(row, laws), " ".join(row.subjects)])
    return {
        "c": row.code, "n": row.name, "p": row.primary, "g": titles.get(row.group_id, row.group_id),
        "t": normalize(title), "b": normalize(body),
        "d": row.group_id, "s": list(row.subjects), "m": row.method,
        "ch": [c.name for c in row.channels], "a": audience_kind(row, kinds), "l": levels_of(row), "o": row.openness,
        "st": row.provenance.label or "",
    }


def index_script(view: BuildView, item_path: dict[str, str]) -> str:
    """The JS file that sets window.GOVOPEN_SEARCH = {items: [...]}; deterministic (catalog order)."""
    laws = {law.id: law for law in view.laws}
    titles = {g.id: g.title for g in view.groups}
    entries = []
    for row in view.items:
        entry = _entry(row, view, laws, titles)
        entry["u"] = item_path[row.code]
        entries.append(entry)
    payload = json.dumps({"v": 1, "items": entries}, ensure_ascii=False, separators=(",", ":"))
    # "</" cannot end a script here (this is a separate file), but escaping it costs nothing and keeps the
    # file safe should anyone ever inline it.
    payload = payload.replace("</", "<\\/")
    return f"window.{GLOBAL_NAME} = {payload};\n"
