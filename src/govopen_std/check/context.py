"""What every rule reads: the loaded sources plus lookups computed once (rule blocks of gen-02/03/10)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from govopen_std.load.sources import Located, Sources
from govopen_std.model.item import Item
from govopen_std.model.standard import CatalogRules, CodingScheme, DataElement
from govopen_std.model.system import Group, StandardProject

CODING_STANDARD = "gen-02"
CATALOG_STANDARD = "gen-03"
DATA_ELEMENT_STANDARD = "gen-10"


@dataclass
class CheckContext:
    sources: Sources
    extra: dict[str, object] = field(default_factory=dict)

    @cached_property
    def projects(self) -> dict[str, StandardProject]:
        system = self.sources.system
        return {p.id: p for p in system.value.standards} if system else {}

    @cached_property
    def groups(self) -> dict[str, Group]:
        system = self.sources.system
        return {g.id: g for g in system.value.groups} if system else {}

    def group_of(self, standard_id: str) -> Group | None:
        project = self.projects.get(standard_id)
        if project is not None:
            return self.groups.get(project.group)
        return self.groups.get(standard_id.split("-")[0])

    @cached_property
    def coding(self) -> CodingScheme | None:
        text = self.sources.text(CODING_STANDARD)
        return text.value.coding if text else None

    @cached_property
    def catalog_rules(self) -> CatalogRules | None:
        text = self.sources.text(CATALOG_STANDARD)
        return text.value.catalog_rules if text else None

    @cached_property
    def data_elements(self) -> list[DataElement]:
        text = self.sources.text(DATA_ELEMENT_STANDARD)
        return list(text.value.data_elements) if text else []

    @cached_property
    def domain_subjects(self) -> dict[str, set[str]]:
        """Declared generic subjects per group id (from each text's `subjects`)."""
        result: dict[str, set[str]] = {}
        for text in self.sources.texts:
            group = self.group_of(text.value.id)
            if group is not None:
                result.setdefault(group.id, set()).update(s.name for s in text.value.subjects)
        return result

    def items(self) -> list[tuple[str, Located[Item]]]:
        return self.sources.all_items()
