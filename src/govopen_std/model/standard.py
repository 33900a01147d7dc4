"""A standard's text (general/gen-NN.yaml, domains/<d>/<d>-NN.yaml): what a GB/T 1.1-2020 document needs.

Body blocks are deliberately few: a paragraph, a list (列项), a note (注), an example (示例) and a table.
Three general standards also carry machine-readable rule blocks that the checker executes
(`coding`, `catalog_rules`, `data_elements`), so the published text and the tool cannot disagree.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from govopen_std.model.base import StrictModel
from govopen_std.model.item import Item
from govopen_std.model.system import STANDARD_ID


class ListBlock(StrictModel):
    """列项; written `{list: [...]}` in YAML (the attribute is `entries` to keep the builtin name free)."""

    entries: list[str] = Field(validation_alias="list", serialization_alias="list", min_length=1)


class NoteBlock(StrictModel):
    note: str


class ExampleBlock(StrictModel):
    example: str


class Table(StrictModel):
    caption: str
    header: list[str] = Field(min_length=1)
    rows: list[list[str]]


class TableBlock(StrictModel):
    table: Table


Block = str | ListBlock | NoteBlock | ExampleBlock | TableBlock


class Clause(StrictModel):
    title: str | None = None
    body: list[Block] = []
    clauses: list[Clause] = []


class Annex(StrictModel):
    title: str
    normative: bool = False
    body: list[Block] = []
    clauses: list[Clause] = []


class NormativeReference(StrictModel):
    number: str
    title: str


class Term(StrictModel):
    term: str
    en: str | None = None
    definition: str
    note: str | None = None
    source: str | None = None


class Subject(StrictModel):
    name: str
    description: str | None = None


class Foreword(StrictModel):
    proposer: str
    owner: str
    drafting_units: list[str] = Field(min_length=1)
    drafters: list[str] = []


class CodingSegment(StrictModel):
    name: str
    field: Literal["domain", "primary", "secondary", "tertiary"]
    kind: Literal["letters", "digits"]
    length: int = Field(ge=1, le=8)


class CodeDomain(StrictModel):
    code: str
    name: str


class CodingRanges(StrictModel):
    provincial: tuple[int, int]
    local: tuple[int, int]


class CodingScheme(StrictModel):
    """gen-02: the item coding rule that `govopen check` enforces (rule C406)."""

    separator: str
    segments: list[CodingSegment] = Field(min_length=2)
    domains: list[CodeDomain]
    ranges: CodingRanges

    def pattern(self) -> str:
        parts = [f"[A-Z]{{{s.length}}}" if s.kind == "letters" else f"[0-9]{{{s.length}}}" for s in self.segments]
        return "^" + self.separator.join(parts) + "$"


class CatalogRules(StrictModel):
    """gen-03: which elements every item must have, the catalog columns and forbidden placeholder text."""

    required_elements: list[str] = Field(min_length=1)
    recommended_elements: list[str] = []
    columns: list[str] = Field(min_length=1)
    placeholder_terms: list[str] = []


class DataElement(StrictModel):
    """gen-10: one data element of the catalog."""

    id: str
    field: str
    name: str
    definition: str
    type: Literal["字符型", "数值型", "日期型", "枚举型", "复合型"]
    format: str | None = None
    value_domain: str
    obligation: Literal["必选", "可选", "条件必选"]


class StandardText(StrictModel):
    id: str = Field(pattern=STANDARD_ID)
    title_en: str | None = None
    foreword: Foreword | None = None
    introduction: list[str] = []
    scope: list[str] = Field(min_length=1)
    normative_references: list[NormativeReference] = []
    terms: list[Term] = []
    subjects: list[Subject] = []
    clauses: list[Clause] = []
    annexes: list[Annex] = []
    bibliography: list[str] = []
    items: list[Item] = []
    coding: CodingScheme | None = None
    catalog_rules: CatalogRules | None = None
    data_elements: list[DataElement] = []
