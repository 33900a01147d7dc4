"""The resolved catalog: items after overlays, each field tagged with the layer and source line that set it.

The province's catalog is the base resolved with no overlay (every field comes from the province);
`govopen_std.resolve.overlay` applies a county profile to it in small pure steps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

from govopen_std.load.sources import Located, Sources
from govopen_std.model.item import Item

Layer = Literal["province", "county"]
ItemStatus = Literal["base", "amended", "local", "not_applicable"]


@dataclass(frozen=True)
class Origin:
    """Where a field's value was written."""

    layer: Layer
    path: str
    line: int
    col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"

    @cached_property
    def label(self) -> str:
        """"<layer> <path:line:col>", as the view shows it; computed once, since the province's origins are
        shared by every county's catalog."""
        return f"{self.layer} {self}"


@dataclass(frozen=True)
class ResolvedItem:
    item: Item
    standard_id: str
    group_id: str
    origins: dict[str, Origin]
    status: ItemStatus = "base"
    reason: str | None = None  # why an item does not apply (不适用的理由)
    amendment_note: str | None = None  # the county's 细化说明 of an amended item (`amend: <code>: note:`)
    base: Item | None = None  # an amended item as the province's standard has it (the site shows both)

    @property
    def code(self) -> str:
        return self.item.code


@dataclass(frozen=True)
class CountyInfo:
    code: str
    name: str
    city: str


@dataclass
class Catalog:
    """One resolved catalog: the province's, or one county's."""

    items: list[ResolvedItem]
    county: CountyInfo | None = None
    adopted_groups: list[str] | None = None  # None: all groups
    subjects: dict[str, str] = field(default_factory=dict)  # generic subject -> local body
    channel_details: dict[str, str] = field(default_factory=dict)  # channel -> local address / URL
    domain_reasons: dict[str, str] = field(default_factory=dict)  # domain not adopted -> why (不适用本领域)
    # the county's facts no source is recorded for (profile `verified`): local body names and channel names
    unverified_bodies: frozenset[str] = frozenset()
    unverified_channels: frozenset[str] = frozenset()

    @property
    def key(self) -> str:
        return self.county.code if self.county else "province"


ITEM_FIELDS = tuple(Item.model_fields)


def origins_of(located: Located[Item], layer: Layer) -> dict[str, Origin]:
    result = {}
    for name in ITEM_FIELDS:
        loc = located.location(name)
        result[name] = Origin(layer, loc.path, loc.line, loc.col)
    return result


def resolve_province(sources: Sources, group_of: dict[str, str]) -> Catalog:
    """The base catalog: every item of every text, in system order then file order."""
    items: list[ResolvedItem] = []
    order = [p.id for p in sources.system.value.standards] if sources.system else sorted(sources.items)
    for sid in order:
        for located in sources.items.get(sid, []):
            items.append(ResolvedItem(located.value, sid, group_of.get(sid, sid.split("-")[0]),
                                      origins_of(located, "province")))
    return Catalog(items=items)
