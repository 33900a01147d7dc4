"""Rules on the law registry: unique ids across all registry files; every entry cited somewhere.

An entry counts as cited when an item's basis names it, or when a standard's text names it in 《》
(full title or a registered short name) or by its number (GB/T standards). An uncited entry is a
warning: the registry should list what the standards rely on, nothing else.
"""

from __future__ import annotations

from collections.abc import Iterator

from govopen_std.check.context import CheckContext
from govopen_std.diagnostics import Diagnostic

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
    corpus = "\n".join(_strings(text.value.model_dump(exclude={"items"})) for text in ctx.sources.texts)
    cited = set()
    for law in ctx.sources.laws:
        names = [f"《{n}》" for n in (law.value.title, *law.value.short)]
        if law.value.rank == "标准" and law.value.number:
            names.append(law.value.number)
        if any(name in corpus for name in names):
            cited.add(law.value.id)
    return cited


def _strings(data: object) -> str:
    if isinstance(data, str):
        return data
    if isinstance(data, dict):
        return "\n".join(_strings(v) for v in data.values())
    if isinstance(data, list | tuple):
        return "\n".join(_strings(v) for v in data)
    return ""
