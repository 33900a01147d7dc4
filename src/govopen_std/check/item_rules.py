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
from typing import Any

from pydantic import BaseModel

from govopen_std.check.context import CheckContext
from govopen_std.diagnostics import Diagnostic, SourceLocation
from govopen_std.load.sources import Located
from govopen_std.messages import ELEMENT_NAMES
from govopen_std.model.base import alias_table
from govopen_std.model.item import Channels, Item
from govopen_std.model.vocabulary import OTHER_CHANNEL, other_channel

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
        yield from check_recommended(ctx, item)
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

    pattern, domains = _code_rule(ctx)
    if not pattern.match(code):
        yield Diagnostic.make("C406", where(), code=code, detail=f"应匹配 {pattern.pattern}",
                              detail_en=f"must match {pattern.pattern}")
        return
    parts = code.split(scheme.separator)
    fields = {seg.field: part for seg, part in zip(scheme.segments, parts, strict=False)}
    group = ctx.group_of(standard_id)
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


def _code_rule(ctx: CheckContext) -> tuple[re.Pattern[str], set[str]]:
    """gen-02's code pattern, compiled, and its domain codes: made once per check rather than once per item."""
    cached = ctx.extra.get("item_rules.code_rule")
    if not isinstance(cached, tuple):
        assert ctx.coding is not None
        cached = (re.compile(ctx.coding.pattern()), {d.code for d in ctx.coding.domains})
        ctx.extra["item_rules.code_rule"] = cached
    return cached


_TEXT_ATTRS = ("text", "law", "kind")  # ContentElement, Deadline / Citation / Audience
# model class -> the first of _TEXT_ATTRS that is one of its `str` fields (None: none is), found once per class:
# asking a pydantic model for an attribute it lacks raises and catches an AttributeError, ~1 µs per miss.
_TEXT_FIELD: dict[type, str | None] = {}


def _text_field(kind: type[BaseModel]) -> str | None:
    """The attribute `_blank` reads on instances of `kind`, when it is the same for all of them: the first of
    _TEXT_ATTRS, a field declared plain `str`, with no earlier one present (None: ask every instance)."""
    if kind not in _TEXT_FIELD:
        found: str | None = None
        for attr in _TEXT_ATTRS:
            if attr in kind.model_fields:
                found = attr if kind.model_fields[attr].annotation is str else None
                break
            if hasattr(kind, attr):  # a property or method of that name: leave it to the general case
                break
        _TEXT_FIELD[kind] = found
    return _TEXT_FIELD[kind]


def _blank(value: object) -> bool:
    """An entry written but empty: blank text, a content element or citation with blank text, a blank deadline."""
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, BaseModel):
        attr = _text_field(type(value))
        if attr is not None:  # a required `str` field: always set, always text
            inner: str = getattr(value, attr)
            return not inner.strip()
    for attr in _TEXT_ATTRS:
        inner_value = getattr(value, attr, None)
        if isinstance(inner_value, str):
            return not inner_value.strip()
    return False


def _is_empty(value: object) -> bool:
    """The element is missing: absent, blank, an empty list, or a list of blank entries only."""
    if isinstance(value, list):
        return all(_blank(v) for v in value)
    if isinstance(value, Channels):
        return not [c for c in value.all() if c.strip()]
    return _blank(value)


def written_key(item: Located[Item], name: str) -> str:
    """The key the author wrote for field `name` (the field name or one of its Chinese aliases)."""
    raw: Any = item.source.data
    for part in item.loc:
        if isinstance(raw, dict) and isinstance(part, str):
            raw = raw.get(part)
        elif isinstance(raw, list) and isinstance(part, int) and 0 <= part < len(raw):
            raw = raw[part]
        else:
            return name
    if isinstance(raw, dict) and name not in raw:
        return next((key for key, field in alias_table(Item).items() if field == name and key in raw), name)
    return name


def at(item: Located[Item], name: str, *sub: str | int) -> SourceLocation:
    """The position of field `name` of an item (alias-aware), or of `sub` inside it."""
    where: SourceLocation = item.location(written_key(item, name), *sub)
    return where


def _first_blank(entries: list[Any]) -> int | None:
    """The index of the first blank entry (`_blank`), or None; plain text, the common entry, is decided here."""
    for i, entry in enumerate(entries):
        if type(entry) is str:
            if not entry.strip():
                return i
        elif _blank(entry):
            return i
    return None


def _element_problem(item: Located[Item], element: str) -> Diagnostic | None:
    """C401 for a required element that is missing (located at the item), blank, or has a blank entry
    (located at the blank value)."""
    value = getattr(item.value, element, None)
    entries = value.all() if isinstance(value, Channels) else value if isinstance(value, list) else None
    if entries is not None:
        blank = _first_blank(entries)
        if not entries:
            where = item.location()
        elif blank is None:
            return None
        else:
            where = at(item, element, blank) if isinstance(value, list) else at(item, element)
    elif not _blank(value):
        return None
    else:
        where = item.location() if value is None else at(item, element)
    zh, en = ELEMENT_NAMES.get(element, (element, element))
    return Diagnostic.make("C401", where, code=item.value.code, element=zh, element_en=en, field=element)


def check_elements(ctx: CheckContext, item: Located[Item]) -> Iterator[Diagnostic]:
    """Every element that gen-03 `catalog_rules.required_elements` names is present and not blank (a blank
    deadline, method or subject entry is as missing as an absent one: the catalog would print "—")."""
    rules = ctx.catalog_rules
    required = rules.required_elements if rules else ["name", "basis", "content", "subject", "deadline", "method"]
    for element in required:
        problem = _element_problem(item, element)
        if problem is not None:
            yield problem


def check_recommended(ctx: CheckContext, item: Located[Item]) -> Iterator[Diagnostic]:
    """C414: elements that gen-03 `catalog_rules.recommended_elements` names (推荐要素，宜填写) are missing;
    one warning per item, naming all of them."""
    rules = ctx.catalog_rules
    if rules is None:
        return
    missing = [e for e in rules.recommended_elements if _is_empty(getattr(item.value, e, None))]
    if missing:
        names = [ELEMENT_NAMES.get(e, (e, e)) for e in missing]
        yield Diagnostic.make("C414", item.location(), code=item.value.code, elements="、".join(zh for zh, _ in names),
                              elements_en=", ".join(en for _, en in names), fields=", ".join(missing))


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


def _law_id_set(ctx: CheckContext) -> frozenset[str]:
    """The registry's ids as a set, for membership: made once per check."""
    cached = ctx.extra.get("item_rules.law_id_set")
    if not isinstance(cached, frozenset):
        cached = frozenset(_law_ids(ctx))
        ctx.extra["item_rules.law_id_set"] = cached
    return cached


def _law_names(ctx: CheckContext) -> dict[str, str]:
    """A law's full title and short names (with or without 《》) -> its registry id, built once per check."""
    cached = ctx.extra.get("item_rules.law_names")
    if isinstance(cached, dict):
        return cached
    names: dict[str, str] = {}
    for law in ctx.sources.laws:
        for name in (law.value.title, *law.value.short):
            names.setdefault(name, law.value.id)
    ctx.extra["item_rules.law_names"] = names
    return names


def suggest_law(ctx: CheckContext, value: str) -> str:
    """The registry id meant by `value`: the id of a law whose title or short name it is, else a close id."""
    by_name = _law_names(ctx).get(value.strip().removeprefix("《").removesuffix("》"))
    return by_name or _suggest(value, _law_ids(ctx))


def check_values(ctx: CheckContext, standard_id: str, item: Located[Item]) -> Iterator[Diagnostic]:
    value = item.value
    law_ids = _law_id_set(ctx)
    for i, cite in enumerate(value.basis):
        invalid = ctx.sources.invalid_law_ids
        if cite.law.strip() and cite.law not in law_ids and cite.law not in invalid and "*" not in invalid:
            yield Diagnostic.make("R301", at(item, "basis", i, "law"), law=cite.law, suggestion=suggest_law(ctx, cite.law))
    vocab = ctx.sources.vocabulary.value if ctx.sources.vocabulary else None
    if vocab is not None:
        yield from _check_vocab(item, vocab.channel_names(), vocab.methods, vocab.levels, vocab.openness,
                                vocab.audiences)
    group = ctx.group_of(standard_id)
    if group is not None:
        declared = ctx.domain_subjects.get(group.id, set())
        for i, subject in enumerate(value.subject):
            # a blank entry is C401; a domain with an unreadable text may declare the subject there
            if declared and subject.strip() and subject not in declared and group.id not in ctx.subjects_unknown:
                yield Diagnostic.make("R303", at(item, "subject", i), subject=subject,
                                      suggestion=_suggest(subject, sorted(declared)))
        if group.areas and value.area not in group.areas:
            yield Diagnostic.make("R309", item.location("area" if value.area else "code"), code=value.code,
                                  area=value.area or "—", allowed="、".join(group.areas))


def check_channel(name: str, channels: list[str], where: SourceLocation) -> Diagnostic | None:
    """A channel value: a vocabulary name, or 其他：<名称> (gen-03: 选用“其他”的，应写明具体渠道名称).
    A bare 其他 is C416; anything else unknown is R302 (其他:名称 with another separator is offered as 其他：名称)."""
    other = other_channel(name)
    if name == OTHER_CHANNEL or other == "":
        return Diagnostic.make("C416", where)
    if name in channels or (other is not None and OTHER_CHANNEL in channels):
        return None
    loose = re.fullmatch(OTHER_CHANNEL + r"\s*[:\-－—(（\s]\s*(.+?)\s*[)）]?", name)
    suggestion = f"{OTHER_CHANNEL}：{loose.group(1)}" if loose and OTHER_CHANNEL in channels else _suggest(name, channels)
    return Diagnostic.make("R302", where, channel=name, suggestion=suggestion)


def _check_vocab(item: Located[Item], channels: list[str], methods: list[str], levels: list[str],
                 openness: list[str], audiences: list[str]) -> Iterator[Diagnostic]:
    value = item.value
    for part in ("required", "optional"):
        for i, channel in enumerate(getattr(value.channels, part)):
            if channel in channels and channel != OTHER_CHANNEL:
                continue  # the common case, decided without locating anything
            problem = check_channel(channel, channels, at(item, "channels", part, i))
            if problem is not None:
                yield problem
    checks: list[tuple[str, str | None, list[str], tuple[str | int, ...]]] = [
        ("公开方式（method）", value.method, methods, ("method",)),
        ("五公开（openness）", value.openness, openness, ("openness",)),
        ("公开对象（audience）", value.audience.kind if value.audience else None, audiences, ("audience",)),
    ]
    checks += [("公开层级（level）", lv, levels, ("level", i)) for i, lv in enumerate(value.level)]
    for label, actual, allowed, loc in checks:
        # a blank method is C401 (a required element); a blank 五公开 or audience is C414
        if actual is not None and actual.strip() and actual not in allowed:
            yield Diagnostic.make("R307", at(item, str(loc[0]), *loc[1:]), field=label, value=actual, allowed="、".join(allowed))
