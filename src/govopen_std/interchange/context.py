"""What reading a catalog sheet needs from the workspace: vocabulary, law registry, domains, standards,
the subjects each domain declares, the coding rule of gen-02, and (for a county) its local bodies."""

from __future__ import annotations

from dataclasses import dataclass, field

from govopen_std.check.context import CheckContext
from govopen_std.interchange.laws import LawMatcher
from govopen_std.interchange.text import key
from govopen_std.load.sources import Sources
from govopen_std.model.standard import CodingScheme


@dataclass(frozen=True)
class GroupInfo:
    id: str
    title: str
    code: str | None
    areas: tuple[str, ...]


@dataclass
class ImportContext:
    channels: list[str]
    audiences: list[str]
    methods: list[str]
    levels: list[str]
    openness: list[str]
    laws: LawMatcher
    groups: dict[str, GroupInfo]
    standards: dict[str, str]  # standard id -> group id
    titles: dict[str, str]  # standard id -> title
    subjects: dict[str, list[str]]  # group id -> declared generic subjects
    coding: CodingScheme | None
    local_bodies: dict[str, str] = field(default_factory=dict)  # county: local body -> generic subject

    def group_for(self, value: str) -> GroupInfo | None:
        """A domain written as its id (zdbc), code (ZDBC) or title (征地补偿)."""
        wanted = key(value)
        for group in self.groups.values():
            if wanted in (key(group.id), key(group.code or ""), key(group.title)):
                return group
        return None

    def group_of_standard(self, standard_id: str) -> GroupInfo | None:
        group_id = self.standards.get(standard_id)
        return self.groups.get(group_id) if group_id else None

    def group_of_code(self, code: str) -> GroupInfo | None:
        prefix = code.split(self.coding.separator if self.coding else "-")[0]
        return next((g for g in self.groups.values() if g.code and g.code == prefix), None)

    def known_subjects(self, group_id: str | None) -> list[str]:
        declared = self.subjects.get(group_id or "", [])
        return [*declared, *(b for b in self.local_bodies if b not in declared)]


def build_context(sources: Sources) -> ImportContext:
    check = CheckContext(sources)
    vocab = sources.vocabulary.value if sources.vocabulary else None
    groups = {g.id: GroupInfo(g.id, g.title, g.code, tuple(g.areas)) for g in check.groups.values()}
    subjects: dict[str, list[str]] = {}
    for text in sources.texts:
        group = check.group_of(text.value.id)
        if group is not None:
            names = subjects.setdefault(group.id, [])
            names += [s.name for s in text.value.subjects if s.name not in names]
    return ImportContext(
        channels=vocab.channel_names() if vocab else [],
        audiences=list(vocab.audiences) if vocab else [],
        methods=list(vocab.methods) if vocab else [],
        levels=list(vocab.levels) if vocab else [],
        openness=list(vocab.openness) if vocab else [],
        laws=LawMatcher([law.value for law in sources.laws]),
        groups=groups,
        standards={p.id: p.group for p in check.projects.values()},
        titles={p.id: p.title for p in check.projects.values()},
        subjects=subjects,
        coding=check.coding,
    )
