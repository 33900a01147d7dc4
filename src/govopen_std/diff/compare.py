"""Compare two versions item by item.

Items are matched by code. An item whose code disappeared while an item of the same domain with the same
category and name appeared is one item recoded, not one removed and one added. A changed item lists
each change separately: for lists (content, basis, subjects, channels, levels) each element added,
removed or changed (an element that became optional, a law whose articles changed); for single values
the old and the new value.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from govopen_std.diagnostics import Diagnostic, Diagnostics
from govopen_std.diff.display import ELEMENT_NOUNS, LABELS, LABELS_EN, Display, note
from govopen_std.diff.model import DiffResult, FieldChange, ItemChange
from govopen_std.load.sources import Sources
from govopen_std.model.item import Item
from govopen_std.model.law import Law
from govopen_std.view.titles import full_title

SCALARS = ("category", "name", "area", "deadline", "method", "audience", "openness", "note")
FIELD_ORDER = ("category", "name", "area", "content", "basis", "subject", "deadline", "method", "channels",
               "audience", "level", "openness", "note")


@dataclass(frozen=True)
class Entry:
    item: Item
    standard_id: str
    group_id: str


@dataclass
class Version:
    """One side of the comparison: its items by code, in catalog order."""

    label: str
    entries: dict[str, Entry]
    laws: dict[str, Law]
    titles: dict[str, str]  # standard id -> title
    group_order: list[str]


def version_of(label: str, sources: Sources, diags: Diagnostics, domain: str | None = None,
               county: str | None = None) -> Version:
    """One side: the province's items, or with `county` that county's resolved catalog (`diff.county`)."""
    projects = sources.system.value.standards if sources.system else []
    groups = {g.id: g for g in sources.system.value.groups} if sources.system else {}
    titles = {p.id: full_title(p, groups.get(p.group)) for p in projects}  # 考核评价 alone names eight standards
    laws = {law.value.id: law.value for law in sources.laws}
    if county is not None:
        return Version(label, _county_entries(label, sources, county, diags, domain), laws, titles, list(groups))
    group_of = {p.id: p.group for p in projects}
    entries: dict[str, Entry] = {}
    order = [p.id for p in projects] + sorted(set(sources.items) - {p.id for p in projects})
    for sid in order:
        group = group_of.get(sid, sid.split("-")[0])
        if domain is not None and group != domain:
            continue
        for located in sources.items.get(sid, []):
            code = located.value.code
            if code in entries:
                diags.add(Diagnostic.make("D845", located.location("code"), label=label, code=code))
                continue
            entries[code] = Entry(located.value, sid, group)
    return Version(label, entries, laws, titles, list(groups))


def _county_entries(label: str, sources: Sources, county: str, diags: Diagnostics,
                    domain: str | None) -> dict[str, Entry]:
    from govopen_std.diff.county import county_items

    resolved = county_items(label, sources, county, diags) or []
    return {r.code: Entry(r.item, r.standard_id, r.group_id) for r in resolved if domain in (None, r.group_id)}


# --- one field ----------------------------------------------------------------------------------------

Comparator = Callable[[Item, Item, Display], list[FieldChange]]


def _change(name: str, old: str, new: str, action: str, noun: tuple[str, str] | None = None) -> FieldChange:
    """One change of field `name`; its 修改说明 (both languages) says `action` of `noun` (default: the field)."""
    zh, en = note(action, noun or (LABELS[name], LABELS_EN[name]))
    return FieldChange(name, LABELS[name], old, new, zh, action=action, label_en=LABELS_EN[name], note_en=en)


def _scalar(name: str) -> Comparator:
    def compare(old: Item, new: Item, show: Display) -> list[FieldChange]:
        before, after = show.field(old, name), show.field(new, name)
        if before == after:
            return []
        return [_change(name, before, after, "changed")]
    return compare


def _elements(name: str, old: dict[str, str], new: dict[str, str],
              changed_action: Callable[[str, str], str]) -> list[FieldChange]:
    """Element-wise changes of a list: `old`/`new` map an element's identity to its display."""
    noun = ELEMENT_NOUNS[name]
    changes = [_change(name, shown, "", "removed", noun) for k, shown in old.items() if k not in new]
    for k, shown in new.items():
        if k not in old:
            changes.append(_change(name, "", shown, "added", noun))
        elif old[k] != shown:
            changes.append(_change(name, old[k], shown, changed_action(old[k], shown), noun))
    if not changes and list(old) != list(new):
        changes.append(_change(name, "\n".join(old.values()), "\n".join(new.values()), "reordered", noun))
    return changes


def _content(old: Item, new: Item, show: Display) -> list[FieldChange]:
    def action(_before: str, after: str) -> str:
        return "optional" if after.endswith("（可选）") else "required"
    return _elements("content", {e.text: show.element(e) for e in old.content},
                     {e.text: show.element(e) for e in new.content}, action)


def _basis(old: Item, new: Item, show: Display) -> list[FieldChange]:
    return _elements("basis", {c.law: show.citation(c) for c in old.basis},
                     {c.law: show.citation(c) for c in new.basis}, lambda _a, _b: "articles")


def _subject(old: Item, new: Item, show: Display) -> list[FieldChange]:
    return _elements("subject", {s: s for s in old.subject}, {s: s for s in new.subject},
                     lambda _a, _b: "changed")


def _channels(old: Item, new: Item, show: Display) -> list[FieldChange]:
    def marks(item: Item) -> dict[str, str]:
        found = {c: show.channel(c, True) for c in item.channels.required}
        found.update({c: show.channel(c, False) for c in item.channels.optional if c not in found})
        return found

    def action(_before: str, after: str) -> str:
        return "required" if after.startswith("■") else "optional"
    return _elements("channels", marks(old), marks(new), action)


def _level(old: Item, new: Item, show: Display) -> list[FieldChange]:
    return _elements("level", {lv: lv for lv in old.level}, {lv: lv for lv in new.level},
                     lambda _a, _b: "changed")


COMPARATORS: dict[str, Comparator] = {
    **{name: _scalar(name) for name in SCALARS},
    "content": _content, "basis": _basis, "subject": _subject, "channels": _channels, "level": _level,
}


def field_changes(old: Item, new: Item, show: Display) -> list[FieldChange]:
    changes: list[FieldChange] = []
    for name in FIELD_ORDER:
        changes += COMPARATORS[name](old, new, show)
    return changes


# --- whole versions -----------------------------------------------------------------------------------

def _identity(entry: Entry) -> tuple[str, tuple[str, ...], str]:
    return (entry.group_id, tuple(entry.item.category), entry.item.name or "")


def _recoded(old: Version, new: Version) -> dict[str, str]:
    """New code -> old code, for items that only changed their code."""
    gone = {_identity(e): code for code, e in old.entries.items() if code not in new.entries}
    pairs: dict[str, str] = {}
    for code, entry in new.entries.items():
        if code not in old.entries and _identity(entry) in gone:
            pairs[code] = gone.pop(_identity(entry))
    return pairs


def _changed(code: str, before: Entry, after: Entry, new: Version, show: Display,
             old_code: str | None) -> ItemChange | None:
    fields = field_changes(before.item, after.item, show)
    if old_code is not None:
        fields.insert(0, _change("code", old_code, code, "changed"))
    if before.standard_id != after.standard_id:
        fields.insert(0, _change("standard", before.standard_id, after.standard_id, "moved"))
    if not fields:
        return None
    return ItemChange("changed", code, after.item.name or after.item.category[-1], after.standard_id,
                      new.titles.get(after.standard_id, after.standard_id), after.group_id, fields=tuple(fields),
                      old_code=old_code)


def _whole(kind: str, code: str, entry: Entry, version: Version, show: Display) -> ItemChange:
    summary = show.summary(entry.item)
    return ItemChange("added" if kind == "added" else "removed", code, entry.item.name or entry.item.category[-1],
                      entry.standard_id, version.titles.get(entry.standard_id, entry.standard_id), entry.group_id,
                      old_text=summary if kind == "removed" else "", new_text=summary if kind == "added" else "",
                      text_en=show.summary(entry.item, "en"))


def compare_versions(old: Version, new: Version) -> list[ItemChange]:
    show = Display(new.laws, old.laws)
    recoded = _recoded(old, new)
    changes: list[ItemChange] = []
    for code, entry in new.entries.items():
        source = old.entries.get(code) or old.entries.get(recoded.get(code, ""))
        if source is None:
            changes.append(_whole("added", code, entry, new, show))
        elif (change := _changed(code, source, entry, new, show, recoded.get(code))) is not None:
            changes.append(change)
    for code, entry in old.entries.items():
        if code not in new.entries and code not in recoded.values():
            changes.append(_whole("removed", code, entry, old, show))
    order = {g: i for i, g in enumerate(new.group_order or old.group_order)}
    return sorted(changes, key=lambda c: (order.get(c.group_id, len(order)), c.code))


def diff_sources(old: tuple[str, Sources], new: tuple[str, Sources], *, domain: str | None = None,
                 county: str | None = None) -> DiffResult:
    """Compare two loaded versions (label, sources); `domain` limits it to one group; `county` compares that
    county's resolved catalogs instead of the province's items."""
    from govopen_std.view.builder import build_date

    result = DiffResult(old[0], new[0], domain=domain, date=build_date(new[1]), county=county)
    before = version_of(old[0], old[1], result.diagnostics, domain, county)
    after = version_of(new[0], new[1], result.diagnostics, domain, county)
    if county is not None and result.diagnostics.has_errors:  # a version without the county's profile (D850)
        result.compared = False
        return result
    result.changes = compare_versions(before, after)
    return result
