"""The prebuilt search index: one script file (`assets/search-index.js`) that the home page loads with
<script src>, because a fetch() of JSON is refused under file://.

Chinese has no word spaces, so the browser matches query terms as substrings of a normalized text
(NFKC, lower case) and falls back to character-bigram overlap for near matches; the bigram table is
built in the browser from these texts, which keeps the file small. Facet values sit beside each item
so filters need no second file.

Officials cite a law with its article as one phrase ("土地管理法第四十七条", "《中华人民共和国土地管理法》第四十七条"),
while the catalog prints the articles after the title (《…》第四十六条、第四十七条). Each entry therefore also
carries its law+article keys (`k`): every article under the full title and each short name, with and without
《》, so such a phrase is one substring of the entry.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from govopen_std.model.synonyms import fold
from govopen_std.view.model import BuildView, ItemRow, LawRef, LawView

INDEX_FILE = "assets/search-index.js"
GLOBAL_NAME = "GOVOPEN_SEARCH"
OTHER_CHANNEL = "其他"


@lru_cache(maxsize=1 << 15)
def pinyin_keys(name: str) -> str:
    """The name's full pinyin and its initials, space-separated (公共租赁住房 -> "gonggongzulinzhufang ggzlzf"), so a
    query typed in pinyin finds the item; letters only, no tones (pypinyin's default reading of each character)."""
    from pypinyin import lazy_pinyin  # loaded by the site build only

    hanzi = "".join(ch for ch in name if "\u4e00" <= ch <= "\u9fff")
    if not hanzi:
        return ""
    full = lazy_pinyin(hanzi)
    return f"{''.join(full)} {''.join(syllable[0] for syllable in full if syllable)}"


@lru_cache(maxsize=1 << 15)
def normalize(text: str) -> str:
    """The same normalization as search.js: NFKC (full-width to half-width) and lower case."""
    # cached: a worker indexes county after county, and most texts (names, contents, citation keys) recur
    return fold(text)


def normalize_lines(lines: list[str]) -> str:
    """normalize("\n".join(lines)), a line at a time: a line feed is a boundary that neither NFKC (it never
    combines) nor lower case (it ends a word, for the final sigma) looks across, so each line normalizes
    alone, and most lines are cached (the subjects line changes from county to county, the others do not)."""
    return "\n".join(normalize(line) for line in lines)


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
    status: tuple[tuple[str, str], ...] = ()  # (status, 本县细化/本县增补/不适用): a county's changes only


STATUS_OPTIONS = (("amended", "本县细化"), ("local", "本县增补"), ("not_applicable", "不适用"))


def audience_kind(row: ItemRow, kinds: tuple[str, ...]) -> str:
    return next((k for k in kinds if row.audience.startswith(k)), row.audience)


def levels_of(row: ItemRow) -> list[str]:
    return [part for part in row.level.split("、") if part and part != "—"]


def facet_channel(name: str) -> str:
    """The filter option of a channel: 其他：<名称> (gen-03) is filed under 其他."""
    return OTHER_CHANNEL if name.startswith(OTHER_CHANNEL + "：") else name


def facets(view: BuildView) -> Facets:
    items = view.items
    subjects = list(dict.fromkeys(s for row in items for s in row.subjects))
    used_channels = {facet_channel(c.name) for row in items for c in row.channels}
    # an option no item has always gives 0 results (公开层级 = 省级: the catalog is of grassroots items)
    used_levels = {level for row in items for level in levels_of(row)}
    statuses = {row.status for row in items}
    return Facets(
        domain=tuple((g.id, g.title) for g in view.domains),
        subject=tuple(subjects),
        method=view.vocabulary.get("methods", ()),
        channel=tuple(c for c in view.channels if c in used_channels),
        audience=view.vocabulary.get("audiences", ()),
        level=tuple(lv for lv in view.vocabulary.get("levels", ()) if lv in used_levels),
        openness=view.vocabulary.get("openness", ()),
        status=tuple(option for option in STATUS_OPTIONS if option[0] in statuses),
    )


def _law_text(row: ItemRow, laws: dict[str, LawView]) -> str:
    parts = []
    for ref in row.basis:
        law = laws.get(ref.law_id)
        parts.append(ref.display)
        if law is not None:
            parts += [*law.short, law.number or ""]
    return " ".join(p for p in parts if p)


def citation_keys(ref: LawRef, law: LawView | None) -> list[str]:
    """名称第N条 and 《名称》第N条 for each article, under the full title and every short name."""
    names = [law.title, *law.short] if law is not None else [ref.title.strip("《》")]
    articles = [a for a in ref.articles.split("、") if a]
    return [key for name in names for article in articles for key in (f"{name}{article}", f"《{name}》{article}")]


def _keys(row: ItemRow, laws: dict[str, LawView], body: str) -> str:
    """The keys not already a substring of the body or of a longer key (土地管理法第N条 is in 中华人民共和国土地管理法第N条)."""
    keys = sorted({normalize(key) for ref in row.basis for key in citation_keys(ref, laws.get(ref.law_id))},
                  key=lambda k: (-len(k), k))
    kept: list[str] = []
    for key in keys:
        if key not in body and not any(key in longer for longer in kept):
            kept.append(key)
    return "\n".join(kept)


def _entry(row: ItemRow, view: BuildView, laws: dict[str, LawView], titles: dict[str, str]) -> dict[str, object]:
    kinds = view.vocabulary.get("audiences", ())
    title = " ".join(p for p in (row.name, row.primary, row.secondary, row.tertiary, row.code) if p)
    body = normalize_lines([" ".join(t for t, _ in row.content), _law_text(row, laws), " ".join(row.subjects)])
    return {
        "c": row.code, "n": row.name, "p": row.primary, "g": titles.get(row.group_id, row.group_id),
        "t": normalize(title), "b": body, "k": _keys(row, laws, body),
        "d": row.group_id, "s": list(row.subjects), "m": row.method,
        "ch": list(dict.fromkeys(facet_channel(c.name) for c in row.channels)), "a": audience_kind(row, kinds), "l": levels_of(row), "o": row.openness,
        "st": row.provenance.label or "",
        **({"x": row.status} if row.status != "base" else {}),  # 不适用 ranks last; the status filter
        "py": pinyin_keys(row.name),
    }


def scope(view: BuildView) -> str:
    """What the catalog covers, for the hint of a search without result: 征地补偿、…等 8 个试点领域."""
    titles = [g.title for g in view.domains]
    return f"{'、'.join(titles)}等 {len(titles)} 个试点领域" if titles else "各试点领域"


def index_script(view: BuildView, item_path: dict[str, str]) -> str:
    """The JS file that sets window.GOVOPEN_SEARCH = {items: [...]}; deterministic (catalog order)."""
    laws = {law.id: law for law in view.laws}
    titles = {g.id: g.title for g in view.groups}
    entries = []
    for row in view.items:
        entry = _entry(row, view, laws, titles)
        entry["u"] = item_path[row.code]
        entries.append(entry)
    synonyms = [[normalize(word) for word in group] for group in view.synonyms]
    payload = json.dumps({"v": 1, "scope": scope(view), "syn": synonyms, "items": entries}, ensure_ascii=False,
                         separators=(",", ":"))
    # "</" cannot end a script here (this is a separate file), but escaping it costs nothing and keeps the
    # file safe should anyone ever inline it. U+2028/U+2029 are valid in JSON but ended a line in a JS
    # string before ES2019, and some tools still treat them as line breaks: written as escapes.
    payload = payload.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{GLOBAL_NAME} = {payload};\n"
