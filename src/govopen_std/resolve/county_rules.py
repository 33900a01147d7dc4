"""Rules on county profiles (standards/counties/*.yaml): an overlay may only make the base stricter.

- one profile per county, named after its 6-digit code inside the province (O501, O502, O503, O524);
- domains, generic subjects and item codes it names exist in the base (O504, O506, O508, R302);
- a base domain or item is never dropped: it is marked not applicable with a reason (O505, O514, O515);
- an amendment is stricter only: a shorter deadline (or a longer 公示期), more channels or a channel made
  required, more content or an element made required, 依申请 made 主动 (O509–O513, O519 for no change);
- local items carry all six elements, follow the local code range of gen-02 and use known values
  (C401, C406, R30x through `check.item_rules`), inside a standard of their domain (O518).

PASS::

    county: {code: "330105", name: 杭州市拱墅区, city: 杭州市}
    amend:
      ZDBC-01-01:
        deadline: 信息形成或者变更之日起10个工作日内     # base: 20个工作日内

FAIL (O509 weaker deadline; O508 unknown item; O515 no reason)::

    amend:
      ZDBC-01-01: {deadline: 信息形成或者变更之日起30个工作日内}
      ZDBC-77-01: {content: [本地补充内容]}
    not_applicable:
      ZDBC-02-02:
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from govopen_std.check.context import CheckContext
from govopen_std.check.item_rules import check_channel, check_code, check_elements, check_recommended, check_values
from govopen_std.diagnostics import Diagnostic, Diagnostics, SourceLocation
from govopen_std.load.sources import Located
from govopen_std.model.county import Amendment, County, LocalItem
from govopen_std.model.deadline import Deadline
from govopen_std.model.item import ITEM_CODE, Item
from govopen_std.resolve.overlay import field_origin, group_of_code, local_standard, written_keys
from govopen_std.resolve.profile import Profile, read_profiles

ID = "counties"
URL = re.compile(r"^https?://[^\s/]+\.[^\s]+$")
WEBSITE_CHANNELS = ("政府网站",)


@dataclass(frozen=True)
class Base:
    """What an overlay may refer to: the base's items by code, its domains and its vocabulary."""

    items: dict[str, tuple[str, Located[Item]]]  # code -> (standard id, item)
    group_of_item: dict[str, str]  # code -> group id
    domains: list[str]  # domain group ids in system order
    code_to_group: dict[str, str]  # domain code (ZDBC) -> group id
    subjects: set[str]  # every declared generic subject
    channels: list[str]
    methods: list[str]
    levels: list[str]
    # group id -> generic subject -> how many base items of the group name it (computed once, not per county)
    subject_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    # What the base could not tell because one of its own files is broken (reported there already): a rule
    # that would look a name up in a part that is not known stays silent instead of flooding every profile.
    domains_known: bool = True  # system.yaml was usable
    subjects_known: bool = True  # ... and every text that declares subjects was readable
    vocabulary_known: bool = True
    items_unknown: frozenset[str] = frozenset()  # groups some of whose items could not be read

    def item_known(self, code: str) -> bool:
        """Whether a code missing from the base is really unknown (its domain's items were all read)."""
        return group_of_code(code, self.code_to_group) not in self.items_unknown


def _subject_counts(items: dict[str, tuple[str, Located[Item]]], group_of_item: dict[str, str],
                    subjects: set[str]) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for code, (_, item) in items.items():
        group = counts.setdefault(group_of_item[code], {})
        for name in item.value.subject:
            if name in subjects:
                group[name] = group.get(name, 0) + 1
    return counts


def base_of(ctx: CheckContext) -> Base:
    items = {item.value.code: (sid, item) for sid, item in ctx.items()}
    group_of_item = {}
    for code, (sid, _) in items.items():
        group = ctx.group_of(sid)
        group_of_item[code] = group.id if group else sid.split("-")[0]
    domains = [g.id for g in ctx.groups.values() if g.code]
    vocab = ctx.sources.vocabulary.value if ctx.sources.vocabulary else None
    subjects: set[str] = set().union(*ctx.domain_subjects.values()) if ctx.domain_subjects else set()
    return Base(
        items=items, group_of_item=group_of_item, domains=domains,
        code_to_group={g.code: g.id for g in ctx.groups.values() if g.code},
        subjects=subjects,
        channels=vocab.channel_names() if vocab else [], methods=list(vocab.methods) if vocab else [],
        levels=list(vocab.levels) if vocab else [],
        subject_counts=_subject_counts(items, group_of_item, subjects),
        domains_known=ctx.sources.system is not None,
        subjects_known=ctx.sources.system is not None and not ctx.subjects_unknown,
        vocabulary_known=vocab is not None,
        items_unknown=frozenset(ctx.items_unknown),
    )


def _suggest(value: str, allowed: list[str] | set[str]) -> str:
    close = difflib.get_close_matches(value, sorted(allowed), n=1, cutoff=0.5)
    return close[0] if close else ""


def _suggest_code(value: str, base: Base) -> str:
    """A close base item code, never one that itself breaks the code pattern (it has its own C406)."""
    return _suggest(value, [code for code in base.items if re.fullmatch(ITEM_CODE, code)])


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    diags = Diagnostics()
    profiles = read_profiles(ctx.sources, diags)
    yield from diags.items
    yield from check_files(ctx, profiles)
    base = base_of(ctx)
    for profile in profiles:
        yield from check_profile(ctx, base, profile)


def check_profile(ctx: CheckContext, base: Base, profile: Profile) -> Iterator[Diagnostic]:
    if base.domains_known:
        yield from check_domains(base, profile)
    if base.subjects_known:
        yield from check_subjects(base, profile)
    if base.vocabulary_known:
        yield from check_channels(base, profile)
    yield from check_channel_values(profile)
    yield from check_not_applicable(base, profile)
    yield from check_amendments(base, profile)
    yield from check_local_items(ctx, base, profile)
    if base.domains_known and base.subjects_known:
        yield from check_unmapped(base, profile)


# --- files: one profile per county, named after its code ------------------------------------------

def check_files(ctx: CheckContext, profiles: list[Profile]) -> Iterator[Diagnostic]:
    first: dict[str, Profile] = {}
    province = ctx.sources.config.province if ctx.sources.config else None
    for profile in profiles:
        code = profile.code
        where = profile.at("county", _key(profile, "county", "code"))
        if profile.source.path.stem != code:
            yield Diagnostic.make("O501", where, stem=profile.source.path.stem, code=code)
        if province is not None and not code.startswith(province.code):
            yield Diagnostic.make("O503", where, county=code, province=province.name, prefix=province.code)
        if code in first:
            yield Diagnostic.make("O502", where, code=code, first=str(first[code].source.display))
        else:
            first[code] = profile


def _key(profile: Profile, outer: str, name: str) -> str:
    """The key written for field `name` inside the mapping at field `outer` (alias-aware)."""
    raw = profile.source.data.get(profile.keys.get(outer, outer)) if isinstance(profile.source.data, dict) else None
    located: Located[object] = Located(raw, profile.source, profile.loc(outer))
    return written_keys(located, County).get(name, name)


# --- domains --------------------------------------------------------------------------------------

def check_domains(base: Base, profile: Profile) -> Iterator[Diagnostic]:
    adopted = profile.value.domains
    reasons = profile.value.not_applicable
    if adopted is None:
        return
    for i, domain in enumerate(adopted):
        if domain not in base.domains:
            yield Diagnostic.make("O504", profile.at("domains", i), domain=domain,
                                  suggestion=_suggest(domain, base.domains))
        elif domain in reasons:
            yield Diagnostic.make("O520", profile.at("not_applicable", domain, key=True), domain=domain)
    for domain in base.domains:
        if domain not in adopted and domain not in reasons:
            yield Diagnostic.make("O505", profile.at("domains"), domain=domain)


def adopted_domains(base: Base, profile: Profile) -> set[str]:
    return set(base.domains if profile.value.domains is None else profile.value.domains)


# --- subjects and channels ------------------------------------------------------------------------

def check_subjects(base: Base, profile: Profile) -> Iterator[Diagnostic]:
    for subject in profile.value.subjects:
        if subject not in base.subjects:
            yield Diagnostic.make("O506", profile.at("subjects", subject, key=True), subject=subject,
                                  suggestion=_suggest(subject, base.subjects))


def check_channels(base: Base, profile: Profile) -> Iterator[Diagnostic]:
    for name, detail in profile.value.channels.items():
        problem = check_channel(name, base.channels, profile.at("channels", name, key=True))
        if problem is not None:
            yield problem
        if name in WEBSITE_CHANNELS:
            for i, value in enumerate(detail if isinstance(detail, list) else [detail]):
                if value.strip() and not URL.match(value):
                    sub = (name, i) if isinstance(detail, list) else (name,)
                    yield Diagnostic.make("O521", profile.at("channels", *sub), channel=name, value=value)


def check_channel_values(profile: Profile) -> Iterator[Diagnostic]:
    """A channel listed with no carrier (`政府网站: ""`, or an empty list or entry) is O526: the outputs would
    print the channel with nothing to find it by."""
    for name, detail in profile.value.channels.items():
        if isinstance(detail, list):
            empty = [profile.at("channels", name, i) for i, value in enumerate(detail) if not value.strip()]
            if not detail:
                empty.append(profile.at("channels", name))
        else:
            empty = [profile.at("channels", name)] if not detail.strip() else []
        for where in empty:
            yield Diagnostic.make("O526", where, channel=name)


def used_subjects(base: Base, profile: Profile) -> dict[str, int]:
    """Generic subject -> how many applicable items of the adopted domains (base and local) name it."""
    adopted = adopted_domains(base, profile)
    counts: dict[str, int] = {}
    # The base's counts per adopted domain (computed once for all counties), less the items marked not
    # applicable, plus the local items: the same as counting the applicable items one by one.
    for group in adopted:
        for name, n in base.subject_counts.get(group, {}).items():
            counts[name] = counts.get(name, 0) + n
    changes = [(item.value.subject, 1) for item in profile.add]
    changes += [(base.items[code][1].value.subject, -1) for code in profile.value.not_applicable
                if code in base.items and base.group_of_item[code] in adopted]
    for names, step in changes:
        for name in names:
            if name in base.subjects:
                counts[name] = counts.get(name, 0) + step
    return {name: n for name, n in counts.items() if n > 0}


def check_unmapped(base: Base, profile: Profile) -> Iterator[Diagnostic]:
    mapping = profile.value.subject_map()
    where = profile.at("subjects", key=True) if "subjects" in profile.keys else profile.at("county", key=True)
    for subject, count in sorted(used_subjects(base, profile).items()):
        if subject not in mapping:
            # point at the empty entry when the author listed the subject but left it blank
            at = profile.at("subjects", subject, key=True) if subject in profile.value.subjects else where
            yield Diagnostic.make("O507", at, subject=subject, count=count)


# --- not applicable -------------------------------------------------------------------------------

def check_not_applicable(base: Base, profile: Profile) -> Iterator[Diagnostic]:
    adopted = adopted_domains(base, profile)
    for key, reason in profile.value.not_applicable.items():
        where = profile.at("not_applicable", key, key=True)
        if key in base.domains:
            pass  # a whole domain; O505/O520 cover how it relates to `domains`
        elif key not in base.items:
            yield from _unknown(key, where, base)
            continue
        elif base.domains_known and base.group_of_item[key] not in adopted:
            yield Diagnostic.make("O517", where, code=key, domain=base.group_of_item[key])
        if reason is None or not reason.strip():
            yield Diagnostic.make("O515", where, code=key)


def _unknown(key: str, where: SourceLocation, base: Base) -> Iterator[Diagnostic]:
    """O504/O508 for a key the base does not have, unless the base part it would be in is broken."""
    if re.fullmatch(r"[a-z]{3,8}", key):
        if base.domains_known:
            yield Diagnostic.make("O504", where, domain=key, suggestion=_suggest(key, base.domains))
    elif base.item_known(key):
        yield Diagnostic.make("O508", where, code=key, suggestion=_suggest_code(key, base))


# --- amendments: stricter only --------------------------------------------------------------------

def check_amendments(base: Base, profile: Profile) -> Iterator[Diagnostic]:
    adopted = adopted_domains(base, profile)
    for code, located in profile.amend:
        where = profile.at("amend", code, key=True)
        if code not in base.items:
            yield from _unknown(code, where, base)
            continue
        if base.domains_known and base.group_of_item[code] not in adopted:
            yield Diagnostic.make("O517", where, code=code, domain=base.group_of_item[code])
        if code in profile.value.not_applicable:
            yield Diagnostic.make("O516", where, code=code)
        yield from check_amendment(base, base.items[code][1].value, located)


def check_amendment(base: Base, item: Item, located: Located[Amendment]) -> Iterator[Diagnostic]:
    yield from check_deadline(item, located)
    yield from check_content(item, located)
    yield from check_channel_change(base, item, located)
    yield from check_method(base, item, located)
    yield from check_levels(base, item, located)


def _at(located: Located[Amendment], name: str, *sub: str | int) -> SourceLocation:
    key = written_keys(located, Amendment).get(name, name)
    where: SourceLocation = located.location(key, *sub)
    return where


def deadline_verdict(local: Deadline, base: Deadline) -> bool | None:
    """True: at least as strict; False: weaker; None: cannot be compared (different event or unit)."""
    if local.trigger and base.trigger and local.trigger != base.trigger:
        return None
    return local.stricter_or_equal(base)


def check_deadline(item: Item, located: Located[Amendment]) -> Iterator[Diagnostic]:
    local, base = located.value.deadline, item.deadline
    if local is None or base is None:
        return
    verdict = deadline_verdict(local, base)
    where = _at(located, "deadline")
    if verdict is None:
        yield Diagnostic.make("O510", where, code=item.code, local=local.text, base=base.text)
    elif not verdict:
        yield Diagnostic.make("O509", where, code=item.code, local=local.text, base=base.text)
    elif local.text == base.text or (local.days == base.days and local.kind == base.kind):
        yield Diagnostic.make("O519", where, code=item.code, field="公开时限")


def check_content(item: Item, located: Located[Amendment]) -> Iterator[Diagnostic]:
    base = {e.text: e.required for e in item.content}
    changed = weakened = False
    for i, element in enumerate(located.value.content):
        if element.text not in base or (element.required and not base[element.text]):
            changed = True
        elif base[element.text] and not element.required:
            weakened = True
            yield Diagnostic.make("O512", _at(located, "content", i), code=item.code, text=element.text)
    if located.value.content and not (changed or weakened):
        yield Diagnostic.make("O519", _at(located, "content"), code=item.code, field="公开内容")


def check_channel_change(base: Base, item: Item, located: Located[Amendment]) -> Iterator[Diagnostic]:
    extra = located.value.channels
    if extra is None:
        return
    problems = []
    for part in ("required", "optional"):
        for i, channel in enumerate(getattr(extra, part)):
            where = _at(located, "channels", part, i)
            problem = check_channel(channel, base.channels, where) if base.vocabulary_known else None
            if problem is not None:
                problems.append(problem)
            elif part == "optional" and channel in item.channels.required:
                problems.append(Diagnostic.make("O511", where, code=item.code, channel=channel))
    yield from problems
    adds = [c for c in extra.required if c not in item.channels.required]
    adds += [c for c in extra.optional if c not in item.channels.all()]
    if not adds and not problems:
        yield Diagnostic.make("O519", _at(located, "channels"), code=item.code, field="公开渠道和载体")


def check_method(base: Base, item: Item, located: Located[Amendment]) -> Iterator[Diagnostic]:
    local = located.value.method
    if local is None:
        return
    where = _at(located, "method")
    if local not in base.methods and base.vocabulary_known:
        yield Diagnostic.make("R307", where, field="公开方式（method）", value=local, allowed="、".join(base.methods))
    elif item.method == local:
        yield Diagnostic.make("O519", where, code=item.code, field="公开方式")
    elif not stricter_method(item.method, local):
        yield Diagnostic.make("O513", where, code=item.code, base=item.method or "—", local=local)


def stricter_method(base: str | None, local: str) -> bool:
    """The only change of 公开方式 an overlay may make: 依申请 (or none) becomes 主动."""
    return base != "主动" and local == "主动"


def check_levels(base: Base, item: Item, located: Located[Amendment]) -> Iterator[Diagnostic]:
    for i, level in enumerate(located.value.level):
        if level not in base.levels and base.vocabulary_known:
            yield Diagnostic.make("R307", _at(located, "level", i), field="公开层级（level）", value=level,
                                  allowed="、".join(base.levels))


# --- local items ----------------------------------------------------------------------------------

def check_local_items(ctx: CheckContext, base: Base, profile: Profile) -> Iterator[Diagnostic]:
    seen: dict[str, str] = {}
    adopted = adopted_domains(base, profile)
    local_bodies = set(profile.value.subject_map().values())
    for located in profile.add:
        code = located.value.code
        if code in seen or code in base.items:
            first = seen.get(code) or str(base.items[code][1].location())
            yield Diagnostic.make("R305", located.location("code"), what="事项编码", what_en="item code", id=code,
                                  first=first)
        seen.setdefault(code, str(located.location()))
        yield from check_local_item(ctx, base, located, adopted, local_bodies)


def check_local_item(ctx: CheckContext, base: Base, located: Located[LocalItem], adopted: set[str],
                     local_bodies: set[str]) -> Iterator[Diagnostic]:
    item = located.value
    group_id = group_of_code(item.code, base.code_to_group)
    standard_id = local_standard(item, group_id)
    as_item: Located[Item] = Located(item, located.source, located.loc)
    # the code is checked against its own domain; a `standard` elsewhere is O518, not a second C406
    yield from check_code(ctx, f"{group_id}-00", as_item, local=True)
    yield from check_elements(ctx, as_item)
    yield from check_recommended(ctx, as_item)
    for diag in check_values(ctx, standard_id, as_item):
        # a local item may name a local body directly (one the profile maps a generic subject to)
        if not (diag.code == "R303" and dict(diag.params).get("subject") in local_bodies):
            yield diag
    if group_id in base.domains:
        yield from check_local_placement(ctx, located, group_id, standard_id, adopted)


def check_local_placement(ctx: CheckContext, located: Located[LocalItem], group_id: str, standard_id: str,
                          adopted: set[str]) -> Iterator[Diagnostic]:
    group = ctx.group_of(standard_id)
    if standard_id not in ctx.projects or group is None or group.id != group_id:
        where = field_origin(located, LocalItem, "standard")
        yield Diagnostic.make("O518", SourceLocation(where.path, where.line, where.col), code=located.value.code,
                              standard=standard_id, domain=group_id)
    if group_id not in adopted:
        yield Diagnostic.make("O517", located.location("code"), code=located.value.code, domain=group_id)
