"""Rules on the law registry: unique ids across all registry files; every entry cited somewhere.

An entry counts as cited when an item's basis names it, or when a standard's text names it in 《》
(full title or a registered short name) or by its number (GB/T standards). An uncited entry is a
warning: the registry should list what the standards rely on, nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from typing import TYPE_CHECKING, cast

from govopen_std.check.context import CheckContext
from govopen_std.diagnostics import Diagnostic

if TYPE_CHECKING:
    from govopen_std.model.law import Law
    from govopen_std.model.standard import StandardText

ID = "laws"


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    seen: dict[str, str] = {}
    for law in ctx.sources.laws:
        if law.value.id in seen:
            yield Diagnostic.make("R305", law.location("id"), what="法规标识", what_en="law id", id=law.value.id,
                                  first=seen[law.value.id])
        else:
            seen[law.value.id] = str(law.location())
    if not ctx.items() or ctx.sources.incomplete:
        return  # nothing reliable to compare against: a broken file hides its citations
    cited = {cite.law for _, item in ctx.items() for cite in item.value.basis} | _cited_in_texts(ctx)
    for law in ctx.sources.laws:
        if law.value.id not in cited:
            yield Diagnostic.make("C405", law.location("id"), law=law.value.id)


def _cited_in_texts(ctx: CheckContext) -> set[str]:
    return cited_in(text_corpus([text.value for text in ctx.sources.texts]), [law.value for law in ctx.sources.laws])


def cited_in(corpus: str, laws: Iterable[Law]) -> set[str]:
    """The ids of the laws that `corpus` names: 《title》 or 《short name》, or the number of a standard."""
    bracketed = set(_BRACKETED.findall(corpus))
    cited = set()
    for law in laws:
        # `《t》 in corpus` is `t in bracketed` for a title without 《》 of its own (see `_BRACKETED`)
        found = any(t in bracketed if not _BRACKETS & set(t) else f"《{t}》" in corpus for t in (law.title, *law.short))
        if not found and law.rank == "标准" and law.number:
            found = law.number in corpus
        if found:
            cited.add(law.id)
    return cited


# Every 《…》 with no 《 or 》 inside. An occurrence of 《t》 (t free of brackets) is always one of these: a match
# that began at an earlier 《 would have to contain ours. So one scan replaces a search per law and name.
_BRACKETED = re.compile(r"《([^《》]*)》")
_BRACKETS = frozenset("《》")


def text_corpus(texts: list[StandardText]) -> str:
    """Every string of the texts' heads (all but `items`), one per line, in field order: the text a citation is
    looked for in. pydantic dumps the models (in Rust); `_flatten` lists their strings without building the
    nested joins a recursive join would, and one regular expression finds every 《…》 (`_cited_in_texts`)."""
    out: list[str] = []
    for text in texts:
        _flatten(text.model_dump(exclude={"items"}), out)
    return "\n".join(out)


def _flatten(value: object, out: list[str]) -> None:
    """Append the strings of `value` so that joining `out` with newlines gives what joining, level by level, the
    strings of each container's values gives (a value that is no string, or an empty container, is ""). The
    exact type is tested first, three times faster than `isinstance`: this runs for every value of every text."""
    kind = type(value)
    children: Collection[object]
    if kind is str:
        out.append(cast(str, value))
        return
    if kind is dict:
        children = cast(dict[str, object], value).values()
    elif kind is list or kind is tuple:
        children = cast(Collection[object], value)
    elif isinstance(value, str):  # a StrEnum member
        out.append(value)
        return
    elif isinstance(value, dict):
        children = value.values()
    elif isinstance(value, list | tuple):
        children = value
    else:
        out.append("")
        return
    if not children:
        out.append("")
        return
    for child in children:
        _flatten(child, out)
