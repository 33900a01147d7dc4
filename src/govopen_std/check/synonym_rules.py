"""Rules on synonyms.yaml, the search vocabulary that standard writers edit: each word belongs to one group
(C490), a group names two or more words and no word is blank (C491), and a group finds something: at least one
of its words occurs in the catalog (item names and categories, content, subjects, law titles), else the
group can never widen a search (C492, a warning).

PASS::

    synonyms:
      - [房屋征收, 拆迁]
      - [公共租赁住房, 公租房]

FAIL (C490: 拆迁 in two groups; C491: a group of one word)::

    synonyms:
      - [房屋征收, 拆迁]
      - [拆迁, 动迁]
      - [低保]
"""

from __future__ import annotations

from collections.abc import Iterator

from govopen_std.check.context import CheckContext
from govopen_std.diagnostics import Diagnostic, Diagnostics
from govopen_std.load.sources import Located
from govopen_std.load.synonyms import load_synonyms
from govopen_std.model.synonyms import SynonymTable
from govopen_std.model.synonyms import fold as _norm

ID = "synonyms"


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    diags = Diagnostics()
    table = load_synonyms(ctx.sources, diags)
    yield from diags.items
    if table is None:
        return
    yield from _shapes(table)
    yield from _duplicates(table)
    if not ctx.sources.incomplete:  # with unusable files, "matches nothing" could only mean "not loaded"
        yield from _unmatched(ctx, table)


def _shapes(table: Located[SynonymTable]) -> Iterator[Diagnostic]:
    for i, group in enumerate(table.value.synonyms):
        for j, word in enumerate(group):
            if not word.strip():
                yield Diagnostic.make("C491", table.location("synonyms", i, j), group=i + 1,
                                      detail="空白词语", detail_en="a blank word")
        if len([w for w in group if w.strip()]) < 2:
            yield Diagnostic.make("C491", table.location("synonyms", i), group=i + 1,
                                  detail="少于两个词语", detail_en="fewer than two words")


def _duplicates(table: Located[SynonymTable]) -> Iterator[Diagnostic]:
    seen: dict[str, str] = {}
    for i, group in enumerate(table.value.synonyms):
        for j, word in enumerate(group):
            key = _norm(word.strip())
            if not key:
                continue
            where = table.location("synonyms", i, j)
            if key in seen:
                yield Diagnostic.make("C490", where, word=word.strip(), first=seen[key])
            else:
                seen[key] = str(where)


def _catalog_text(ctx: CheckContext) -> str:
    parts: list[str] = []
    for _sid, located in ctx.sources.all_items():
        item = located.value
        parts += [item.name or "", *item.category, *(e.text for e in item.content), *item.subject]
    parts += [law.value.title for law in ctx.sources.laws]
    parts += [short for law in ctx.sources.laws for short in law.value.short]
    return _norm("\n".join(parts))


def _unmatched(ctx: CheckContext, table: Located[SynonymTable]) -> Iterator[Diagnostic]:
    if not table.value.synonyms:
        return
    text = _catalog_text(ctx)
    for i, group in enumerate(table.value.synonyms):
        words = [w.strip() for w in group if w.strip()]
        if len(words) > 1 and not any(_norm(w) in text for w in words):  # a shorter group is C491 already
            yield Diagnostic.make("C492", table.location("synonyms", i), words="、".join(words))
