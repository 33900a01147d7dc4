"""The outline of a standard text (GB/T 1.1—2020 chapter 8) and of a county's local catalog, as blocks.

Order: 封面 → 目次 → 前言 → [引言] → 正文首页 (文件名称, 1 范围, 2 规范性引用文件, 3 术语和定义, technical
chapters from 4) → 附录A（规范性）公开事项目录 when the standard has items → the text's own annexes → the
rule-block annex of gen-02/03/10 → [参考文献] → 终结线. The fixed sentences are GB/T 1.1—2020's own.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from govopen_std.model.standard import Annex, Clause, ExampleBlock, ListBlock, NoteBlock, StandardText
from govopen_std.model.standard import Block as TextBlock
from govopen_std.model.standard import TableBlock as TextTable
from govopen_std.render.docx_std.blocks import (
    AnnexHeading,
    Block,
    EndLine,
    Heading,
    HeadingRole,
    ListItems,
    Note,
    NumberedPara,
    Outline,
    PageBreak,
    Para,
    SectionSpec,
    StandardCover,
    TableBlock,
    TermEntry,
    Toc,
    TocEntry,
)
from govopen_std.render.docx_std.catalog import catalog_block
from govopen_std.render.docx_std.figures import FlowFigure, flow_figure, with_figure
from govopen_std.render.docx_std.rules import RuleContent, RuleTable, rule_content
from govopen_std.render.docx_std.style import DocxStyle
from govopen_std.view.model import EMPTY, LawView, StandardView
from govopen_std.view.titles import ELEMENT_SEPARATOR

DRAFTING_BASIS = "本文件按照GB/T 1.1—2020《标准化工作导则\u3000第1部分：标准化文件的结构和起草规则》的规定起草。"
PATENT_NOTICE = "请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。"
REFERENCES_LEAD = ("下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，"
                   "仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。")
REFERENCES_NONE = "本文件没有规范性引用文件。"
TERMS_LEAD = "下列术语和定义适用于本文件。"
TERMS_NONE = "本文件没有需要界定的术语和定义。"
TOC_TITLE = "目\u3000次"
FOREWORD_TITLE = "前\u3000言"
INTRODUCTION_TITLE = "引\u3000言"
BIBLIOGRAPHY_TITLE = "参考文献"
CATALOG_ANNEX_TITLE = "公开事项目录"
PUBLISHED = ("发布", "废止")
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
# Rough layout figures for paging the front matter without a renderer: characters per line of 五号
# text in the A4 type area. The 目次 is kept to one page (toc_max_entries).
CHARS_PER_LINE = 40


def roman(n: int) -> str:
    """Upper-case Roman numerals as Word prints them for `upperRoman` page numbers."""
    out = ""
    for value, letters in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += letters
            n -= value
    return out


def is_published(std: StandardView) -> bool:
    return std.status in PUBLISHED and bool(std.number)


def header_text(std: StandardView, style: DocxStyle) -> str:
    """The running header: the standard number, or the draft designation."""
    return std.number if is_published(std) and std.number else style.draft_number


# --- numbering state ----------------------------------------------------------------------------------


@dataclass
class Counter:
    """Table numbers within the body (表1) or one annex (表A.1), and bookmark names for the 目次."""

    prefix: str = ""
    tables: int = 0

    def next_table(self) -> str:
        self.tables += 1
        return f"{self.prefix}.{self.tables}" if self.prefix else str(self.tables)


@dataclass
class Bookmarks:
    count: int = 0

    def next(self) -> str:
        self.count += 1
        return f"_Toc{self.count:04d}"


@dataclass
class RuleSlots:
    """Generated rule tables by header; a written table with the same header takes the generated rows."""

    tables: dict[tuple[str, ...], RuleTable] = field(default_factory=dict)
    used: set[tuple[str, ...]] = field(default_factory=set)

    def rows_for(self, header: tuple[str, ...]) -> tuple[tuple[str, ...], ...] | None:
        """The generated rows for a written table with the same header. A written table that has every
        column of a generated one and more (gen-02's 表2 adds 取值) stands for it too, with its own rows:
        the generated table is not printed again in an annex (issue 15)."""
        table = self.tables.get(header)
        if table is not None:
            self.used.add(header)
            return table.rows
        for generated in self.tables:
            if set(generated) < set(header):
                self.used.add(generated)
        return None

    def unused(self) -> list[RuleTable]:
        return [t for h, t in self.tables.items() if h not in self.used]


# --- body blocks ---------------------------------------------------------------------------------------


def _cells(row: Sequence[str], width: int) -> tuple[str, ...]:
    """A written row fitted to the header's width; an empty cell shows 一字线 (GB/T 1.1 10.4.2.2)."""
    cells = [str(c).strip() or EMPTY for c in row[:width]]
    return tuple(cells + [EMPTY] * (width - len(cells)))


def body_blocks(body: Sequence[TextBlock], counter: Counter, slots: RuleSlots) -> list[Block]:
    """A clause's text. Several notes (or examples) in one clause are numbered 注1、注2; a single one is 注."""
    notes = sum(isinstance(b, NoteBlock) for b in body)
    examples = sum(isinstance(b, ExampleBlock) for b in body)
    seen = {"note": 0, "example": 0}
    blocks: list[Block] = []
    for block in body:
        if isinstance(block, str):
            blocks.append(Para(block))
        elif isinstance(block, ListBlock):
            blocks.append(ListItems(tuple(block.entries)))
        elif isinstance(block, NoteBlock):
            seen["note"] += 1
            blocks.append(Note(f"注{seen['note'] if notes > 1 else ''}：", block.note))
        elif isinstance(block, TextTable):
            header = tuple(block.table.header)
            rows = slots.rows_for(header) or tuple(_cells(r, len(header)) for r in block.table.rows)
            blocks.append(TableBlock(counter.next_table(), block.table.caption, header, rows))
        elif isinstance(block, ExampleBlock):
            seen["example"] += 1
            blocks.append(Note(f"示例{seen['example'] if examples > 1 else ''}：", block.example))
    return blocks


def clause_blocks(clause: Clause, number: str, level: int, counter: Counter, slots: RuleSlots,
                  marks: Bookmarks, toc_depth: int) -> list[Block]:
    """A chapter or clause with its sub-clauses, numbered 4 / 4.1 / 4.1.1 (A.1 / A.1.1 in an annex)."""
    blocks: list[Block] = []
    body = list(clause.body)
    role: HeadingRole = "chapter" if level == 1 else "clause"
    first = body[0] if body else None
    if clause.title:
        mark = marks.next() if level <= toc_depth else None
        blocks.append(Heading(role, number, clause.title, level, mark))
    elif isinstance(first, str):
        blocks.append(NumberedPara(number, first))
        body = body[1:]
    else:
        blocks.append(Heading(role, number, "", level, marks.next() if level <= toc_depth else None))
    blocks += body_blocks(body, counter, slots)
    for i, child in enumerate(clause.clauses, 1):
        blocks += clause_blocks(child, f"{number}.{i}", level + 1, counter, slots, marks, toc_depth)
    return blocks


# --- fixed chapters ------------------------------------------------------------------------------------

_FAMILY = (("GB/T", 1), ("GB/Z", 2), ("GB", 0), ("DB", 4), ("ISO", 5), ("IEC", 5))


def _reference_key(number: str) -> tuple[int, str, tuple[int, ...]]:
    """GB, GB/T, GB/Z, industry, local, international, others; then by serial number (rule 4)."""
    code = re.match(r"[A-Z/]+", number)
    prefix = code.group(0) if code else ""
    rank = next((r for p, r in _FAMILY if prefix.startswith(p)), 3 if prefix else 6)
    serial = re.search(r"\d+(?:\.\d+)*", number)
    digits = tuple(int(x) for x in serial.group(0).split(".")) if serial else ()
    return rank, prefix, digits


def reference_blocks(text: StandardText) -> list[Block]:
    if not text.normative_references:
        return [Para(REFERENCES_NONE)]
    refs = sorted(text.normative_references, key=lambda r: _reference_key(r.number))
    return [Para(REFERENCES_LEAD), *(Para(f"{r.number}\u3000{r.title}", "ref_entry") for r in refs)]


def term_blocks(text: StandardText) -> list[Block]:
    if not text.terms:
        return [Para(TERMS_NONE)]
    blocks: list[Block] = [Para(TERMS_LEAD)]
    for i, term in enumerate(text.terms, 1):
        blocks.append(TermEntry(f"3.{i}", term.term, term.en, term.definition, term.note, term.source))
    return blocks


def foreword_blocks(text: StandardText, std: StandardView) -> list[Block]:
    blocks: list[Block] = [Para(DRAFTING_BASIS)]
    if std.replaces:
        blocks.append(Para(f"本文件代替{std.replaces}。"))
    blocks.append(Para(PATENT_NOTICE))
    fw = text.foreword
    if fw is not None:
        if fw.proposer == fw.owner:
            blocks.append(Para(f"本文件由{fw.proposer}提出并归口。"))
        else:
            blocks += [Para(f"本文件由{fw.proposer}提出。"), Para(f"本文件由{fw.owner}归口。")]
        blocks.append(Para("本文件起草单位：" + "、".join(fw.drafting_units) + "。"))
        if fw.drafters:
            blocks.append(Para("本文件主要起草人：" + "、".join(fw.drafters) + "。"))
    return blocks


def _strings(text: StandardText) -> Iterable[str]:
    """Every sentence of the text's body, for finding mentions of 附录A."""
    yield from text.scope
    yield from text.introduction

    def walk(clauses: Iterable[Clause]) -> Iterable[str]:
        for clause in clauses:
            for block in clause.body:
                if isinstance(block, str):
                    yield block
                elif isinstance(block, ListBlock):
                    yield from block.entries
                elif isinstance(block, NoteBlock):
                    yield block.note
            yield from walk(clause.clauses)

    yield from walk(text.clauses)


def skeleton_text(std: StandardView, style: DocxStyle) -> StandardText:
    """A framework text for a standard that has none yet (--all): the fixed chapters and its catalog."""
    return StandardText(id=std.id, scope=[s.format(title=std.title) for s in style.skeleton.scope])


def law_entry(law: LawView) -> str:
    return f"《{law.title}》" + (f"（{law.number}）" if law.number else "")


def bibliography_entries(text: StandardText, laws: Sequence[LawView]) -> list[str]:
    """The text's own entries, then every law its catalog cites (unless an entry already names it)."""
    entries = list(text.bibliography)
    entries += [law_entry(law) for law in laws if not any(law.title in e for e in text.bibliography)]
    return entries


# --- the standard ---------------------------------------------------------------------------------------


@dataclass
class StandardOutliner:
    std: StandardView
    style: DocxStyle
    build_date: dt.date
    marks: Bookmarks = field(default_factory=Bookmarks)
    rules: RuleContent | None = None
    flow: FlowFigure | None = None
    drawn: bool = False

    @property
    def text(self) -> StandardText:
        return self.std.text or skeleton_text(self.std, self.style)

    @property
    def title(self) -> str:
        """The full title (引导要素　主体要素) on the cover, the first body page and the properties."""
        return self.std.full_title or self.std.title

    def cover(self) -> StandardCover:
        std, style, text = self.std, self.style, self.text
        published = is_published(std)
        stage = None if published else style.stages.get(std.status, style.stages.get("起草", "征求意见稿"))
        return StandardCover(
            ics=std.ics, ccs=std.ccs, record_no=std.record_no, mark=style.code, level_line=style.level_line,
            number=std.number if published else style.draft_number, replaces=std.replaces,
            title=_cover_lines(self.title, style),
            title_en=text.title_en, stage=stage,
            stage_date=None if published else self.build_date.isoformat(),
            patent_notice=style.patent_notice if stage in style.patent_notice_stages else None,
            issued=(std.issued if published and std.issued else style.draft_date),
            implemented=(std.implemented if published and std.implemented else style.draft_date),
            issuer=style.issuer,
        )

    def technical_chapters(self, counter: Counter, slots: RuleSlots, toc_depth: int) -> list[Block]:
        """The text's chapters from 4, then the chapters that refer to generated annexes (a normative annex
        binds only through a reference to it): the catalog when the text never mentions 附录A, and the
        rule-block annex of gen-02/03/10."""
        text, blocks = self.text, []
        chapters = list(text.clauses)
        if self.std.items and not any("附录A" in s for s in _strings(text)):
            chapters.append(Clause(title=self.style.catalog.chapter_title, body=[self.style.catalog.chapter_text]))
        for i, clause in enumerate(chapters, 4):
            blocks += clause_blocks(clause, str(i), 1, counter, slots, self.marks, toc_depth)
        # The rule annex carries only tables the text does not print; its sentences restate the text's own
        # clauses, so without such a table there is no annex (and no chapter pointing to it).
        if self.rules and slots.unused():
            letter = LETTERS[(1 if self.std.items else 0) + len(text.annexes)]
            clause = Clause(title=self.rules.annex_title, body=[f"{self.rules.reference}应符合附录{letter}的规定。"])
            blocks += clause_blocks(clause, str(4 + len(chapters)), 1, counter, slots, self.marks, toc_depth)
        return blocks

    def body(self, slots: RuleSlots, toc_depth: int) -> list[Block]:
        text = self.text
        blocks: list[Block] = [Heading("doc_title", "", self.title)]
        blocks.append(Heading("chapter", "1", "范围", 1, self.marks.next()))
        blocks += [Para(s) for s in text.scope]
        blocks.append(Heading("chapter", "2", "规范性引用文件", 1, self.marks.next()))
        blocks += reference_blocks(text)
        blocks.append(Heading("chapter", "3", "术语和定义", 1, self.marks.next()))
        blocks += term_blocks(text)
        blocks += self.technical_chapters(Counter(), slots, toc_depth)
        return with_figure(blocks, self.figure(), self.std.group_id)

    def figure(self) -> FlowFigure | None:
        """图1 of a domain's 公开规范, drawn once per outline (the body may be laid out twice)."""
        if not self.drawn:
            self.drawn = True
            if self.std.is_domain_spec and self.std.text is not None:
                self.flow = flow_figure(self.std.text, self.std.group_title)
        return self.flow

    def annex(self, letter: str, annex: Annex, slots: RuleSlots) -> list[Block]:
        counter = Counter(letter)
        blocks: list[Block] = [AnnexHeading(letter, annex.normative, annex.title, self.marks.next())]
        blocks += body_blocks(annex.body, counter, slots)
        for i, clause in enumerate(annex.clauses, 1):
            blocks += clause_blocks(clause, f"{letter}.{i}", 2, counter, slots, self.marks, 0)
        return blocks

    def rule_annex(self, letter: str, content: RuleContent, tables: list[RuleTable]) -> list[Block]:
        counter = Counter(letter)
        numbered = [(counter.next_table(), t) for t in tables]
        lead = [f"{t.subject}应符合表{n}的规定。" for n, t in numbered]
        blocks: list[Block] = [AnnexHeading(letter, True, content.annex_title, self.marks.next())]
        blocks += [Para(s) for s in (*lead, *content.sentences)]
        blocks += [TableBlock(n, t.caption, t.header, t.rows) for n, t in numbered]
        return blocks

    def outline(self) -> Outline:
        text, std, style = self.text, self.std, self.style
        rules = self.rules = rule_content(text) if std.text is not None else None
        slots = RuleSlots({t.header: t for t in rules.tables} if rules else {})
        toc_depth = 2
        body = self.body(slots, toc_depth)
        if self._toc_lines(body) > style.toc_max_entries:
            # Too many entries for one 目次 page: list chapters only, so the 前言 stays on page II.
            self.marks = Bookmarks()
            slots.used.clear()
            toc_depth = 1
            body = self.body(slots, toc_depth)
        cover = self.cover()
        sections = [SectionSpec("cover", [cover]), SectionSpec("front"), SectionSpec("body", body)]
        letters = iter(LETTERS)
        if std.items:
            letter = next(letters)
            caption_title = f"{std.group_title}领域" if std.is_domain_spec else std.title
            sections.append(SectionSpec("landscape", [
                AnnexHeading(letter, True, CATALOG_ANNEX_TITLE, self.marks.next()),
                catalog_block(f"{letter}.1", style.catalog.caption.format(title=caption_title), std.items, style),
            ]))
        tail: list[Block] = []
        for annex in text.annexes:
            tail += [PageBreak(), *self.annex(next(letters), annex, slots)]
        if rules and slots.unused():
            tail += [PageBreak(), *self.rule_annex(next(letters), rules, slots.unused())]
        entries = bibliography_entries(text, std.laws)
        if entries:
            tail += [PageBreak(), Heading("biblio", "", BIBLIOGRAPHY_TITLE, 1, self.marks.next())]
            tail += [Para(f"[{i}]\u3000{e}", "biblio_entry") for i, e in enumerate(entries, 1)]
        self._place_tail(sections, tail)
        sections[1].blocks = self.front_matter(sections)
        return Outline(sections, header_text(std, style), self.title,
                       (std.number if is_published(std) else cover.stage) or "")

    @staticmethod
    def _place_tail(sections: list[SectionSpec], tail: list[Block]) -> None:
        """Annexes after the catalog need a portrait section; otherwise they follow the body."""
        if sections[-1].kind == "landscape" and tail:
            sections.append(SectionSpec("portrait", tail[1:]))  # the section break starts the page
        else:
            sections[-1].blocks += tail
        sections[-1].blocks.append(EndLine())

    def _toc_lines(self, body: Sequence[Block]) -> int:
        headings = [b for b in body if isinstance(b, Heading) and b.bookmark]
        return 4 + len(self.text.annexes) + sum(math.ceil(len(h.text) / CHARS_PER_LINE) for h in headings)

    def front_matter(self, sections: Sequence[SectionSpec]) -> list[Block]:
        text = self.text
        foreword = foreword_blocks(text, self.std)
        fw_mark, intro_mark = self.marks.next(), self.marks.next()
        # 前言 and 引言 are PAGEREF fields like every other entry: their roman numbers come from the layout
        entries = [TocEntry("前言", 1, fw_mark)]
        blocks: list[Block] = [PageBreak(), Heading("front", "", FOREWORD_TITLE, 1, fw_mark), *foreword]
        if text.introduction:
            entries.append(TocEntry("引言", 1, intro_mark))
            blocks += [PageBreak(), Heading("front", "", INTRODUCTION_TITLE, 1, intro_mark)]
            blocks += [Para(p) for p in text.introduction]
        entries += toc_entries(b for s in sections[2:] for b in s.blocks)
        return [Toc(TOC_TITLE, tuple(entries)), *blocks]


def toc_entries(blocks: Iterable[Block]) -> list[TocEntry]:
    entries = []
    for block in blocks:
        if isinstance(block, Heading) and block.bookmark:
            text = f"{block.number}\u3000{block.title}" if block.number else block.title
            entries.append(TocEntry(text, block.level, block.bookmark))
        elif isinstance(block, AnnexHeading) and block.bookmark:
            entries.append(TocEntry(f"附录{block.letter}{block.status}\u3000{block.title}", 1, block.bookmark))
    return entries


def standard_outline(std: StandardView, style: DocxStyle, build_date: dt.date) -> Outline:
    return StandardOutliner(std, style, build_date).outline()


# --- cover titles (the county's local catalog lives in render/docx_std/county.py) ------------------------


def _per_line(style: DocxStyle) -> int:
    """Characters of the cover title's size that fit on one line of the type area."""
    page = style.page
    return int((page.width_mm - page.margin_left_mm - page.margin_right_mm) / 25.4 * 72
               / style.element("cover_title").size)


def _cover_lines(title: str, style: DocxStyle) -> str:
    """A title too long for one cover line breaks between its elements (GB/T 1.1—2020 文件名称), not mid-word."""
    head, sep, tail = title.partition(ELEMENT_SEPARATOR)
    return f"{head}\n{tail}" if sep and len(title) > _per_line(style) else title
