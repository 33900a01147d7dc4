"""The block vocabulary of a DOCX outline: what a standard text is made of, before any XML.

An outline is a list of sections, each a list of blocks in reading order. All numbering (clauses 4.1,
tables 表1 / 表A.1, annex letters, notes 注1/注2) is already done when a block exists, so the XML writer
and the 目次 only copy it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

HeadingRole = Literal["front", "doc_title", "chapter", "clause", "biblio"]
SectionKind = Literal["cover", "front", "body", "landscape", "portrait"]


@dataclass(frozen=True)
class Heading:
    role: HeadingRole
    number: str  # "" for 前言, 目次, 参考文献 and the document title
    title: str
    level: int = 1
    bookmark: str | None = None  # set when the 目次 lists it

    @property
    def text(self) -> str:
        return f"{self.number}\u3000{self.title}" if self.number and self.title else self.number or self.title


@dataclass(frozen=True)
class AnnexHeading:
    """The three centred lines of an annex: 附录A / （规范性） / title."""

    letter: str
    normative: bool
    title: str
    bookmark: str | None = None

    @property
    def status(self) -> str:
        return "（规范性）" if self.normative else "（资料性）"


@dataclass(frozen=True)
class Para:
    text: str
    role: Literal["body", "ref_entry", "biblio_entry", "plain"] = "body"


@dataclass(frozen=True)
class NumberedPara:
    """An untitled clause: its number, a one-character gap, then the first paragraph of its text."""

    number: str
    text: str


@dataclass(frozen=True)
class ListItems:
    entries: tuple[str, ...]
    marker: str = "——"


@dataclass(frozen=True)
class Note:
    label: str  # 注： / 注1： / 示例： / 示例1：
    text: str


@dataclass(frozen=True)
class TermEntry:
    number: str
    term: str
    en: str | None
    definition: str
    note: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class TableBlock:
    number: str  # "1" or "A.1"
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]

    @property
    def caption_text(self) -> str:
        return f"表{self.number}\u3000{self.caption}"


@dataclass(frozen=True)
class CatalogBlock:
    """The disclosure catalog table (national columns), in a landscape section."""

    number: str
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    weights: tuple[float, ...]
    legend: str
    not_applicable: tuple[str, ...] = ()
    not_applicable_lead: str = ""
    notes: tuple[str, ...] = ()  # further table notes after the legend (marks, a county's 细化说明)

    @property
    def caption_text(self) -> str:
        return f"表{self.number}\u3000{self.caption}"


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Figure:
    """A picture with its caption (图1　…) below it, centred (GB/T 1.1—2020 10.4.3); `svg` is the same
    figure for the site."""

    number: str
    caption: str
    png: bytes
    svg: bytes
    key: str  # the figure file's name without extension (the domain id)


@dataclass(frozen=True)
class EndLine:
    """终结线: a short centred rule after the last element."""


@dataclass(frozen=True)
class TocEntry:
    text: str
    level: int
    bookmark: str
    page: str | None = None  # a fixed page label (front matter); None: a PAGEREF field to the bookmark


@dataclass(frozen=True)
class Toc:
    title: str
    entries: tuple[TocEntry, ...]


@dataclass(frozen=True)
class StandardCover:
    ics: str | None
    ccs: str | None
    record_no: str | None
    mark: str
    level_line: str
    number: str | None  # None for a draft
    replaces: str | None
    title: str
    title_en: str | None
    stage: str | None  # 征求意见稿 … for a draft
    stage_date: str | None
    patent_notice: str | None
    issued: str
    implemented: str
    issuer: str


@dataclass(frozen=True)
class CountyCover:
    title: str
    subtitle: str
    date_line: str
    issuer: str


Block = (Heading | AnnexHeading | Para | NumberedPara | ListItems | Note | TermEntry | TableBlock | CatalogBlock
         | PageBreak | EndLine | Toc | StandardCover | CountyCover | Figure)


@dataclass
class SectionSpec:
    kind: SectionKind
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Outline:
    """A whole document: its sections, the running-header text and its document properties."""

    sections: list[SectionSpec]
    header_text: str
    title: str
    description: str

    def blocks(self) -> list[Block]:
        return [b for s in self.sections for b in s.blocks]
