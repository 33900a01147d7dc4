"""Read county profiles from their loaded source files into `Profile`s, keeping every position.

A profile is validated piece by piece (the head, each local item, each amendment), so one bad local
item does not hide the problems of the rest, and each piece keeps the path it was written at (English
key or Chinese alias alike) for file:line:col in diagnostics and provenance.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from govopen_std.diagnostics import Diagnostic, Diagnostics, SourceLocation
from govopen_std.load.sources import Located, Sources
from govopen_std.load.validate import validate
from govopen_std.load.yaml_source import SourceFile
from govopen_std.model.base import alias_table
from govopen_std.model.county import Amendment, CountyProfile, LocalItem

# Keys an official might write to drop a base item; removal is never allowed (O514).
REMOVE_KEYS = frozenset({"remove", "delete", "removed", "drop", "删除", "删除事项", "取消", "取消事项"})
_PIECES = ("add", "amend")
# Sections whose entries may all be commented out (`channels:` with nothing under it): read as empty.
_SECTIONS = frozenset({"subjects", "channels", "not_applicable"})


@dataclass(frozen=True)
class Profile:
    """A validated county profile plus where each part of it was written."""

    value: CountyProfile
    source: SourceFile
    keys: dict[str, str] = field(default_factory=dict)  # field name -> key as written in the file
    add: tuple[Located[LocalItem], ...] = ()
    amend: tuple[tuple[str, Located[Amendment]], ...] = ()

    @property
    def code(self) -> str:
        return self.value.county.code

    def loc(self, name: str, *sub: str | int) -> tuple[str | int, ...]:
        return (self.keys.get(name, name), *sub)

    def at(self, name: str, *sub: str | int, key: bool = False) -> SourceLocation:
        """The position of field `name` (and of `sub` inside it)."""
        return self.source.locate(self.loc(name, *sub), key=key)


def _field_keys(data: dict[str, Any]) -> dict[str, str]:
    table = alias_table(CountyProfile)
    return {table[k]: k for k in data if k in table}


def _removals(source: SourceFile, data: dict[str, Any]) -> Iterator[Diagnostic]:
    for key in data:
        if key.lower() in REMOVE_KEYS:
            yield Diagnostic.make("O514", source.locate((key,), key=True), key=key)


def _local_items(source: SourceFile, key: str | None, raw: Any, diags: Diagnostics) -> list[Located[LocalItem]]:
    if key is None or raw is None:
        return []
    if not isinstance(raw, list):
        diags.add(Diagnostic.make("S203", source.locate((key,)), field=key, detail="应为列表", detail_en="must be a list"))
        return []
    items = []
    for i, entry in enumerate(raw):
        item = validate(LocalItem, entry, source, diags, prefix=(key, i))
        if item is not None:
            items.append(Located(item, source, (key, i)))
    return items


def _amendments(source: SourceFile, key: str | None, raw: Any,
                diags: Diagnostics) -> list[tuple[str, Located[Amendment]]]:
    if key is None or raw is None:
        return []
    if not isinstance(raw, dict):
        diags.add(Diagnostic.make("S203", source.locate((key,)), field=key, detail="应为映射（事项编码: 细化内容）",
                                  detail_en="must be a mapping (item code: amendment)"))
        return []
    result = []
    for code, entry in raw.items():
        amendment = validate(Amendment, entry, source, diags, prefix=(key, code))
        if amendment is not None:
            result.append((str(code), Located(amendment, source, (key, code))))
    return result


def read_profile(source: SourceFile, diags: Diagnostics) -> Profile | None:
    """Validate one profile; every problem goes to `diags`; None when its head is unusable."""
    data = source.data
    if not isinstance(data, dict):
        if data is not None:
            diags.add(Diagnostic.make("Y103", source.locate(()), expected="映射（键: 值）", expected_en="a mapping",
                                      actual="列表" if isinstance(data, list) else "文本",
                                      actual_en="a list" if isinstance(data, list) else "text"))
        return None
    diags.extend(list(_removals(source, data)))
    keys = _field_keys(data)
    piece_keys = {keys.get(name) for name in _PIECES}
    piece_keys |= {keys[name] for name in _SECTIONS if name in keys and data[keys[name]] is None}
    head = {k: v for k, v in data.items() if k not in piece_keys and k.lower() not in REMOVE_KEYS}
    add = _local_items(source, keys.get("add"), data.get(keys.get("add", "")), diags)
    amend = _amendments(source, keys.get("amend"), data.get(keys.get("amend", "")), diags)
    profile = validate(CountyProfile, head, source, diags)
    if profile is None:
        return None
    value = profile.model_copy(update={"add": [a.value for a in add], "amend": {c: a.value for c, a in amend}})
    return Profile(value, source, keys, tuple(add), tuple(amend))


def read_profiles(sources: Sources, diags: Diagnostics) -> list[Profile]:
    """Every county profile of the workspace that could be read, in file order."""
    profiles = []
    for source in sources.raw_counties:
        if source.data is None:
            continue
        profile = read_profile(source, diags)
        if profile is not None:
            profiles.append(profile)
    return profiles
