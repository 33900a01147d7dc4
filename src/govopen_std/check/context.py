"""What every rule reads: the loaded sources plus lookups computed once (rule blocks of gen-02/03/10)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from govopen_std.load.sources import Located, Sources
from govopen_std.model.item import ITEM_CODE, Item
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

    @cached_property
    def subjects_unknown(self) -> set[str]:
        """Groups with a text that could not be read: the subjects it declares are unknown."""
        return {group for path in self.sources.failed_texts for group in _groups_of_file(path)}

    @cached_property
    def items_unknown(self) -> set[str]:
        """Groups whose items are not all known: a text or an item that could not be read, or an item whose
        code breaks the code pattern. A lookup of an item code in such a group may fail only because of
        that error, which is reported already, so rules do not report the code as unknown."""
        groups = set(self.subjects_unknown)
        groups.update(group for path, _ in self.sources.failed_items for group in _groups_of_file(path))
        for standard_id, item in self.items():
            if not re.fullmatch(ITEM_CODE, item.value.code):
                group = self.group_of(standard_id)
                groups.add(group.id if group else standard_id.split("-")[0])
        return groups

    @cached_property
    def text_files(self) -> set[str]:
        """The stems of every text file found, whether or not it could be read (C408 is for missing texts)."""
        return {path.stem for path in self.sources.paths.texts}


def _groups_of_file(path: Path) -> set[str]:
    """The group a text file belongs to: its id's prefix (zdbc-02 -> zdbc), and its domain folder."""
    groups = {path.stem.split("-")[0]}
    if path.parent.parent.name == "domains":
        groups.add(path.parent.name)
    return groups
