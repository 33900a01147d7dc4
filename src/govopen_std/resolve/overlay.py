"""Apply a county profile to the provincial base catalog: one small pure step per operation.

    adopt_domains → substitute_subjects → add_local_items → amend_items → mark_not_applicable

Each step takes the resolved items and returns new ones; nothing is mutated. Every field a step sets
records its provenance in `ResolvedItem.origins` (layer "county", file:line:col of the profile), so the
renderers can say 本县增补 / 本县细化 / 不适用 and where that was decided. The steps assume the profile
passed `county_rules` (the build stops before resolving when it did not); a reference they cannot
apply is skipped rather than guessed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from govopen_std.diagnostics import Diagnostic, Diagnostics, SourceLocation
from govopen_std.load.sources import Located, Sources
from govopen_std.load.yaml_source import Loc, SourceFile
from govopen_std.model.base import alias_table
from govopen_std.model.county import Amendment, LocalItem
from govopen_std.model.item import Channels, Citation, ContentElement, Item
from govopen_std.resolve.catalog import ITEM_FIELDS, Catalog, CountyInfo, Origin, ResolvedItem
from govopen_std.resolve.profile import Profile, read_profiles

REASON = "reason"  # the origins key of a not-applicable reason (not an item field)


def origin_at(location: SourceLocation) -> Origin:
    return Origin("county", location.path, location.line, location.col)


def _raw_at(source: SourceFile, loc: Loc) -> Any:
    node: Any = source.data
    for part in loc:
        in_map = isinstance(node, dict) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if not (in_map or in_list):
            return None
        node = node[part]
    return node


def written_keys(located: Located[Any], model: type[Any]) -> dict[str, str]:
    """Field name -> the key the author wrote for it (the field name or one of its Chinese aliases)."""
    raw = _raw_at(located.source, located.loc)
    table = alias_table(model)
    return {table[k]: k for k in raw if k in table} if isinstance(raw, dict) else {}


def field_origin(located: Located[Any], model: type[Any], name: str) -> Origin:
    key = written_keys(located, model).get(name, name)
    return origin_at(located.location(key))


# --- step 1: adopt domains ------------------------------------------------------------------------

def adopt_domains(items: list[ResolvedItem], profile: Profile) -> list[ResolvedItem]:
    """Items of a domain the county does not adopt stay in the catalog, marked not applicable with
    the domain's reason: a base item is never silently removed."""
    adopted = profile.value.domains
    if adopted is None:
        return list(items)
    reasons = profile.value.not_applicable
    result = []
    for resolved in items:
        if resolved.group_id in adopted or resolved.group_id not in reasons:
            result.append(resolved)
            continue
        origin = origin_at(profile.at("not_applicable", resolved.group_id))
        result.append(replace(resolved, status="not_applicable", reason=reasons[resolved.group_id],
                              origins={**resolved.origins, REASON: origin}))
    return result


# --- step 2: substitute subjects ------------------------------------------------------------------

def substitute(resolved: ResolvedItem, profile: Profile, mapping: dict[str, str] | None = None,
               found_at: dict[str, Origin] | None = None) -> ResolvedItem:
    """The item with each generic subject replaced by the county's local body. `mapping` (the profile's
    subject map) and `found_at` (subject -> where the profile maps it, filled as found) are passed by
    `substitute_subjects`, which makes them once for all the items of a county."""
    if mapping is None:
        mapping = profile.value.subject_map()
    subjects = resolved.item.subject
    mapped = next((s for s in subjects if s in mapping), None)
    if mapped is None:
        return resolved
    local = list(dict.fromkeys(mapping.get(s, s) for s in subjects))
    origin = found_at.get(mapped) if found_at is not None else None
    if origin is None:
        origin = origin_at(profile.at("subjects", mapped))
        if found_at is not None:
            found_at[mapped] = origin
    return replace(resolved, item=resolved.item.model_copy(update={"subject": local}),
                   origins={**resolved.origins, "subject": origin})


def substitute_subjects(items: list[ResolvedItem], profile: Profile) -> list[ResolvedItem]:
    mapping = profile.value.subject_map()
    if not mapping:
        return list(items)
    found_at: dict[str, Origin] = {}
    return [substitute(resolved, profile, mapping, found_at) for resolved in items]


# --- step 3: add local items ----------------------------------------------------------------------

def local_standard(item: LocalItem, group_id: str) -> str:
    """Where a local item is listed: its own `standard`, else the domain's 公开规范 (<d>-00)."""
    return item.standard or f"{group_id}-00"


def group_of_code(code: str, code_to_group: dict[str, str]) -> str:
    return code_to_group.get(code.split("-")[0], code.split("-")[0].lower())


def _local_resolved(located: Located[LocalItem], group_id: str, profile: Profile) -> ResolvedItem:
    keys = written_keys(located, LocalItem)
    origins = {name: origin_at(located.location(keys.get(name, name))) for name in ITEM_FIELDS}
    item = Item.model_validate(located.value.model_dump(exclude={"standard"}))
    resolved = ResolvedItem(item, local_standard(located.value, group_id), group_id, origins, status="local")
    return substitute(resolved, profile)


def add_local_items(items: list[ResolvedItem], profile: Profile,
                    code_to_group: dict[str, str]) -> list[ResolvedItem]:
    """Each local item goes after the last item of its domain (本县增补 follow the province's items)."""
    result = list(items)
    for located in profile.add:
        group_id = group_of_code(located.value.code, code_to_group)
        resolved = _local_resolved(located, group_id, profile)
        last = max((i for i, r in enumerate(result) if r.group_id == group_id), default=len(result) - 1)
        result.insert(last + 1, resolved)
    return result


# --- step 4: amend --------------------------------------------------------------------------------

def merged_content(base: list[ContentElement], extra: list[ContentElement]) -> list[ContentElement]:
    """Base elements first; a repeated element can only become required; new ones are appended."""
    result = list(base)
    for element in extra:
        index = next((i for i, e in enumerate(result) if e.text == element.text), None)
        if index is None:
            result.append(element)
        elif element.required and not result[index].required:
            result[index] = element
    return result


def merged_channels(base: Channels, extra: Channels) -> Channels:
    required = list(dict.fromkeys([*base.required, *extra.required]))
    optional = [c for c in dict.fromkeys([*base.optional, *extra.optional]) if c not in required]
    return Channels(required=required, optional=optional)


def merged_basis(base: list[Citation], extra: list[Citation]) -> list[Citation]:
    return [*base, *(c for c in extra if c not in base)]


def merged_levels(base: list[str], extra: list[str], order: list[str]) -> list[str]:
    levels = list(dict.fromkeys([*base, *extra]))
    rank = {name: i for i, name in enumerate(order)}
    return sorted(levels, key=lambda lv: rank.get(lv, len(rank)))


def amended_item(item: Item, amendment: Amendment, level_order: list[str]) -> Item:
    """The base item made stricter by `amendment` (lists are added to, never replaced)."""
    update: dict[str, Any] = {}
    touched = set(amendment.fields())
    if amendment.deadline is not None:
        update["deadline"] = amendment.deadline
    if "content" in touched:
        update["content"] = merged_content(item.content, amendment.content)
    if amendment.channels is not None:
        update["channels"] = merged_channels(item.channels, amendment.channels)
    if "basis" in touched:
        update["basis"] = merged_basis(item.basis, amendment.basis)
    if "level" in touched:
        update["level"] = merged_levels(item.level, amendment.level, level_order)
    if amendment.method is not None:
        update["method"] = amendment.method
    if amendment.note is not None:
        update["note"] = amendment.note
    return item.model_copy(update=update)


def amend_items(items: list[ResolvedItem], profile: Profile, level_order: list[str]) -> list[ResolvedItem]:
    amendments = dict(profile.amend)
    result = []
    for resolved in items:
        located = amendments.get(resolved.code)
        if located is None or resolved.status != "base":
            result.append(resolved)
            continue
        origins = dict(resolved.origins)
        for name in located.value.fields():
            origins[name] = field_origin(located, Amendment, name)
        item = amended_item(resolved.item, located.value, level_order)
        result.append(replace(resolved, item=item, origins=origins, status="amended",
                              amendment_note=located.value.note, base=resolved.item))
    return result


# --- step 5: mark not applicable ------------------------------------------------------------------

def mark_not_applicable(items: list[ResolvedItem], profile: Profile) -> list[ResolvedItem]:
    """Base items the county does not apply: kept, shown as 不适用 with the county's reason."""
    reasons = profile.value.not_applicable
    result = []
    for resolved in items:
        reason = reasons.get(resolved.code)
        if not reason or resolved.status == "local":
            result.append(resolved)
            continue
        origin = origin_at(profile.at("not_applicable", resolved.code))
        result.append(replace(resolved, status="not_applicable", reason=reason,
                              origins={**resolved.origins, REASON: origin}))
    return result


# --- the whole overlay ----------------------------------------------------------------------------

def apply_overlay(base: Catalog, profile: Profile, *, code_to_group: dict[str, str],
                  level_order: list[str]) -> Catalog:
    """The county's catalog: the province's items through the five steps, plus the county's metadata."""
    items = adopt_domains(base.items, profile)
    items = substitute_subjects(items, profile)
    items = add_local_items(items, profile, code_to_group)
    items = amend_items(items, profile, level_order)
    items = mark_not_applicable(items, profile)
    county = profile.value.county
    return Catalog(
        items=items,
        county=CountyInfo(county.code, county.name, county.city),
        adopted_groups=None,  # not-adopted domains stay visible, their items marked 不适用 with the reason
        subjects=profile.value.subject_map(),
        channel_details=profile.value.channel_details(),
        domain_reasons=domain_reasons(base, profile),
        **unverified_facts(profile),
    )


def unverified_facts(profile: Profile) -> dict[str, frozenset[str]]:
    """The local body names and channel names whose facts the profile records no source for; a body named by a
    verified mapping too counts as verified."""
    value = profile.value
    unverified, facts = value.unverified(), value.facts()
    verified_bodies = {facts[k] for k in value.verified if k.startswith("subjects.") and k in facts}
    return {
        "unverified_bodies": frozenset(v for k, v in unverified.items() if k.startswith("subjects.")) - verified_bodies,
        "unverified_channels": frozenset(k.removeprefix("channels.") for k in unverified if k.startswith("channels.")),
    }


def domain_reasons(base: Catalog, profile: Profile) -> dict[str, str]:
    """Domain id -> the county's reason for not adopting it (only for the base's domains it leaves out)."""
    adopted = profile.value.domains
    if adopted is None:
        return {}
    reasons = profile.value.not_applicable
    groups = dict.fromkeys(r.group_id for r in base.items)
    return {g: reason for g in groups if g not in adopted and (reason := reasons.get(g))}


def _code_to_group(sources: Sources) -> dict[str, str]:
    if sources.system is None:
        return {}
    return {g.code: g.id for g in sources.system.value.groups if g.code}


def select_profiles(profiles: list[Profile], codes: tuple[str, ...] | None, diags: Diagnostics) -> list[Profile]:
    """The profiles to build: all (first of each county) when `codes` is None, else those asked for."""
    first: dict[str, Profile] = {}
    for profile in profiles:
        first.setdefault(profile.code, profile)
    if codes is None:
        return [first[code] for code in sorted(first)]
    known = sorted(first)
    for code in codes:
        if code not in first:
            diags.add(Diagnostic.make("E904", None, county=code, known="、".join(known) or "无",
                                      known_en=", ".join(known) or "none"))
    return [first[code] for code in dict.fromkeys(codes) if code in first]


def resolve_counties(sources: Sources, base: Catalog, codes: tuple[str, ...] | None,
                     diags: Diagnostics) -> list[Catalog]:
    """One resolved catalog per requested county (every county when `codes` is None)."""
    # Profile problems were reported by `govopen check` (county_rules); only selection problems are new here.
    profiles = select_profiles(read_profiles(sources, Diagnostics()), codes, diags)
    levels = list(sources.vocabulary.value.levels) if sources.vocabulary else []
    groups = _code_to_group(sources)
    return [apply_overlay(base, p, code_to_group=groups, level_order=levels) for p in profiles]
