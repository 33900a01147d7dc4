"""Rules on the law registry: unique ids across all registry files; every entry cited by some item
(an uncited entry is a warning: the registry should list what the catalogs rely on)."""

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
    cited = {cite.law for _, item in ctx.items() for cite in item.value.basis}
    cited |= set(ctx.extra.get("cited_laws", set()))  # type: ignore[call-overload]
    if not ctx.items():
        return  # a workspace without items yet: nothing to compare against
    for law in ctx.sources.laws:
        if law.value.id not in cited:
            yield Diagnostic.make("C405", law.location("id"), law=law.value.id)
