"""Rules on disclosure items: the coding rule of gen-02, unique codes, the required elements of gen-03,
and the controlled values (channels, method, level, audience, 五公开, area, subject).

PASS::

    code: ZDBC-02-01        # in a zdbc text; 02 is within the provincial range 1..89

FAIL (C401: no deadline; C406: wrong domain code)::

    code: CQAZ-02-01        # in a zdbc text
    name: 拟征收土地告知     # ... and no `deadline`
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from govopen_std.check.context import CheckContext
from govopen_std.diagnostics import Diagnostic, SourceLocation
from govopen_std.load.sources import Located
from govopen_std.messages import ELEMENT_NAMES
from govopen_std.model.item import Item

ID = "items"


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    seen: dict[str, Located[Item]] = {}  # the first item of each code (located only when a code repeats)
    for standard_id, item in ctx.items():
        code = item.value.code
        if code in seen:
            yield Diagnostic.make("R305", item.location("code"), what="事项编码", what_en="item code", id=code,
                                  first=str(seen[code].location()))
        else:
            seen[code] = item
        yield from check_code(ctx, standard_id, item)
        yield from check_elements(ctx, item)
        yield from check_values(ctx, standard_id, item)


def code_regex(ctx: CheckContext) -> re.Pattern[str] | None:
    return re.compile(ctx.coding.pattern()) if ctx.coding else None


def check_code(ctx: CheckContext, standard_id: str, item: Located[Item], *, local: bool = False) -> Iterator[Diagnostic]:
    """The code follows gen-02: pattern, the domain's code, and the provincial (or local) number range."""
    scheme = ctx.coding
    if scheme is None:
        return
    code = item.value.code
    def where() -> SourceLocation:  # located only when reported: most files never need their position index
        location: SourceLocation = item.location("code")
        return location

    if not re.match(scheme.pattern(), code):
        yield Diagnostic.make("C406", where(), code=code, detail=f"应匹配 {scheme.pattern()}",
                              detail_en=f"must match {scheme.pattern()}")
        return
    parts = code.split(scheme.separator)
    fields = {seg.field: part for seg, part in zip(scheme.segments, parts, strict=False)}
    group = ctx.group_of(standard_id)
    domains = {d.code for d in scheme.domains}
    if fields.get("domain") not in domains:
        yield Diagnostic.make("C406", where(), code=code, detail=f"领域代码应为 {'、'.join(sorted(domains))} 之一",
                              detail_en="unknown domain code")
    elif group is not None and group.code and fields["domain"] != group.code:
        yield Diagnostic.make("C406", where(), code=code, detail=f"本领域的领域代码为 {group.code}",
                              detail_en=f"this domain's code is {group.code}")
    low, high = scheme.ranges.local if local else scheme.ranges.provincial
    primary = int(fields.get("primary", "0"))
    if not low <= primary <= high:
        kind = "县级增补" if local else "省级"
        yield Diagnostic.make("C406", where(), code=code, detail=f"{kind}事项的一级序号应在 {low:02d}–{high:02d} 之间",
                              detail_en=f"primary number must be within {low:02d}-{high:02d}")


def _is_empty(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, list):
        return not value
    if hasattr(value, "all"):
        return not value.all()
    return False


def check_elements(ctx: CheckContext, item: Located[Item]) -> Iterator[Diagnostic]:
    """Every element that gen-03 `catalog_rules.required_elements` names is present and non-empty."""
    rules = ctx.catalog_rules
    required = rules.required_elements if rules else ["name", "basis", "content", "subject", "deadline", "method"]
    for element in required:
        if _is_empty(getattr(item.value, element, None)):
            zh, en = ELEMENT_NAMES.get(element, (element, element))
            yield Diagnostic.make("C401", item.location(), code=item.value.code, element=zh, element_en=en,
                                  field=element)


def _suggest(value: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.5)
    return close[0] if close else ""


def _law_ids(ctx: CheckContext) -> list[str]:
    """The registry's ids, sorted once per check rather than once per item."""
    cached = ctx.extra.get("item_rules.law_ids")
    if not isinstance(cached, list):
        cached = sorted(ctx.sources.law_ids())
        ctx.extra["item_rules.law_ids"] = cached
    return cached


def check_values(ctx: CheckContext, standard_id: str, item: Located[Item]) -> Iterator[Diagnostic]:
    value = item.value
    law_ids = _law_ids(ctx)
    for i, cite in enumerate(value.basis):
        invalid = ctx.sources.invalid_law_ids
        if cite.law not in law_ids and cite.law not in invalid and "*" not in invalid:
            yield Diagnostic.make("R301", item.location("basis", i, "law"), law=cite.law,
                                  suggestion=_suggest(cite.law, law_ids))
    vocab = ctx.sources.vocabulary.value if ctx.sources.vocabulary else None
    if vocab is not None:
        yield from _check_vocab(item, vocab.channel_names(), vocab.methods, vocab.levels, vocab.openness,
                                vocab.audiences)
    group = ctx.group_of(standard_id)
    if group is not None:
        declared = ctx.domain_subjects.get(group.id, set())
        for i, subject in enumerate(value.subject):
            if declared and subject not in declared:
                yield Diagnostic.make("R303", item.location("subject", i), subject=subject,
                                      suggestion=_suggest(subject, sorted(declared)))
        if group.areas and value.area not in group.areas:
            yield Diagnostic.make("R309", item.location("area" if value.area else "code"), code=value.code,
                                  area=value.area or "—", allowed="、".join(group.areas))


def _check_vocab(item: Located[Item], channels: list[str], methods: list[str], levels: list[str],
                 openness: list[str], audiences: list[str]) -> Iterator[Diagnostic]:
    value = item.value
    for part in ("required", "optional"):
        for i, channel in enumerate(getattr(value.channels, part)):
            if channel not in channels:
                yield Diagnostic.make("R302", item.location("channels", part, i), channel=channel,
                                      suggestion=_suggest(channel, channels))
    checks: list[tuple[str, str | None, list[str], tuple[str | int, ...]]] = [
        ("公开方式（method）", value.method, methods, ("method",)),
        ("五公开（openness）", value.openness, openness, ("openness",)),
        ("公开对象（audience）", value.audience.kind if value.audience else None, audiences, ("audience",)),
    ]
    checks += [("公开层级（level）", lv, levels, ("level", i)) for i, lv in enumerate(value.level)]
    for label, actual, allowed, loc in checks:
        if actual is not None and actual not in allowed:
            yield Diagnostic.make("R307", item.location(*loc), field=label, value=actual, allowed="、".join(allowed))
