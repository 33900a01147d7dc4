"""Checks a DOCX against checkable rules of GB/T 1.1—2020, GB/T 9704—2012 and GB/T 15834—2011 (the numbers in
the rule names are the team's rule list; each rule's docstring cites the clause of the standard it checks).

Each finding carries the rule's confidence grade: A and B are requirements (tests fail on them), C and U
are best effort (tests print them as warnings). `check_docx(path)` runs every rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from docx_reader import CJK, DocxFile, Para, Table, q, text_of, wval
from lxml import etree

DRAFTING_BASIS = "本文件按照GB/T1.1—2020《标准化工作导则第1部分：标准化文件的结构和起草规则》的规定起草。"
PATENT_NOTICE = "请注意本文件的某些内容可能涉及专利。本文件的发布机构不承担识别专利的责任。"
REFS_LEAD = ("下列文件中的内容通过文中的规范性引用而构成本文件必不可少的条款。其中，注日期的引用文件，"
             "仅该日期对应的版本适用于本文件；不注日期的引用文件，其最新版本（包括所有的修改单）适用于本文件。")
REFS_NONE = "本文件没有规范性引用文件。"
TERMS_FORMS = (r"^下列术语和定义适用于本文件。$", r"^.+界定的术语和定义适用于本文件。$",
               r"^.+界定的以及下列术语和定义适用于本文件。$", r"^本文件没有需要界定的术语和定义。$")
ORDER = ("目次", "前言", "引言", "范围", "规范性引用文件", "术语和定义", "技术", "附录", "参考文献", "索引")
ONCE = {"目次", "前言", "引言", "范围", "规范性引用文件", "术语和定义", "参考文献", "索引"}
STAGES = ("工作组讨论稿", "征求意见稿", "送审稿", "报批稿")
NUMBER = re.compile(r"^DB33(/T)? \d+(\.\d+)?—(19|20)\d{2}$")
# gen-03 5.2 and gen-10 DE01: the item code column follows 序号 (issue 15)
CATALOG_COLUMNS = ["序号", "事项编码", "一级事项", "二级事项", "公开内容", "公开依据", "公开时限", "公开主体",
                   "公开渠道和载体", "公开对象", "公开方式", "公开层级"]
A4 = (11906, 16838)


@dataclass(frozen=True)
class Finding:
    rule: str
    grade: str  # A B C U
    message: str

    @property
    def required(self) -> bool:
        return self.grade in ("A", "B")

    def __str__(self) -> str:
        return f"[{self.grade}] {self.rule}: {self.message}"


def squash(text: str) -> str:
    return re.sub(r"\s", "", text)


def is_song(face: str | None) -> bool:
    return bool(face) and any(k in face for k in ("宋", "SimSun", "Song"))  # type: ignore[operator]


def is_hei(face: str | None) -> bool:
    return bool(face) and any(k in face for k in ("黑", "SimHei", "Hei"))  # type: ignore[operator]


# --- the document's skeleton --------------------------------------------------------------------------


def classify(text: str) -> str:
    t = squash(text)
    fixed = {"目次": "目次", "前言": "前言", "引言": "引言", "1范围": "范围", "2规范性引用文件": "规范性引用文件",
             "3术语和定义": "术语和定义", "参考文献": "参考文献", "索引": "索引"}
    if t in fixed:
        return fixed[t]
    if re.fullmatch(r"附录[A-Z]", t):
        return "附录"
    if re.match(r"^\d+\D", t):
        return "技术"
    return "其他"


@dataclass
class Skeleton:
    doc: DocxFile
    headings: list[tuple[str, Para]]  # (kind, paragraph) for every outline-level-0 paragraph

    @classmethod
    def of(cls, doc: DocxFile) -> Skeleton:
        return cls(doc, [(classify(p.text), p) for p in doc.paragraphs if doc.outline(p.element) == 0])

    def first(self, kind: str) -> Para | None:
        return next((p for k, p in self.headings if k == kind), None)

    def between(self, start: Para, stop_kinds: tuple[str, ...] | None = None) -> list[Para | Table]:
        """Blocks after `start` up to the next outline-level-0 heading."""
        out: list[Para | Table] = []
        for block in self.doc.body:
            if block.index <= start.index:
                continue
            if isinstance(block, Para) and self.doc.outline(block.element) == 0:
                break
            out.append(block)
        return out

    def paras_after(self, start: Para) -> list[Para]:
        return [b for b in self.between(start) if isinstance(b, Para) and b.text.strip()]

    def annex_start(self) -> int:
        annex = self.first("附录")
        return annex.index if annex else 10**9

    def starts_page(self, p: Para) -> bool:
        doc = self.doc
        if doc.page_break_before(p.element) or doc.first_in_section(p):
            sect = doc.sections[p.section] if p.section < len(doc.sections) else None
            kind = wval(sect.find(q("w:type"))) if sect is not None else None
            return doc.page_break_before(p.element) or kind in (None, "nextPage", "oddPage", "evenPage")
        before = [b for b in doc.body if b.index < p.index]
        prev = before[-1] if before else None
        return isinstance(prev, Para) and any(wval(br, "type") == "page" for br in prev.element.iter(q("w:br")))


Rule = Callable[[DocxFile, Skeleton], Iterator[Finding]]
RULES: list[Rule] = []


def rule(fn: Rule) -> Rule:
    RULES.append(fn)
    return fn


# --- 1. structure -------------------------------------------------------------------------------------


@rule
def r01_order(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    kinds = [k for k, _p in sk.headings if k != "其他"]
    ranks = [ORDER.index(k) for k in kinds]
    if ranks != sorted(ranks):
        yield Finding("1 element order", "A", " → ".join(kinds))
    for kind in ONCE:
        if kinds.count(kind) > 1:
            yield Finding("1 element order", "A", f"{kind} appears {kinds.count(kind)} times")


@rule
def r02_mandatory(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    kinds = {k for k, _p in sk.headings}
    for kind in ("前言", "范围", "规范性引用文件", "术语和定义"):
        if kind not in kinds:
            yield Finding("2 mandatory elements", "B", f"no {kind}")
    if "技术" not in kinds:
        yield Finding("2 mandatory elements", "C", "no technical chapter")
    if "目次" not in kinds:
        yield Finding("2 mandatory elements", "C", "no 目次")
    if not any(p.section == 0 and squash(p.text) == "DB33" for p in doc.paragraphs):
        yield Finding("2 mandatory elements", "B", "no cover (DB33 mark in the first section)")


@rule
def r03_fixed_chapters(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    chapters = [p.text for k, p in sk.headings if k in ("范围", "规范性引用文件", "术语和定义", "技术")]
    for i, pattern in enumerate((r"^1\s*范围$", r"^2\s*规范性引用文件$", r"^3\s*术语和定义$")):
        if i >= len(chapters) or not re.match(pattern, chapters[i]):
            yield Finding("3 fixed chapter numbers", "A", f"chapter {i + 1} is {chapters[i:i + 1]}")
    refs = sk.first("规范性引用文件")
    if refs is None:
        return
    for block in sk.between(refs):
        if isinstance(block, Para) and doc.outline(block.element) is not None:
            yield Finding("3 fixed chapter numbers", "A", f"clause inside chapter 2: {block.text}")
    entries = sk.paras_after(refs)[1:]
    for p in entries:
        if not re.match(r"^(GB|GB/T|GB/Z|DB\d\d(/T)?|[A-Z]+(/T)?)\s\d[\d.]*(—\d{4})?[\s　]+\S.*[^。；，]$", p.text):
            yield Finding("3 normative reference entry", "C", p.text)


@rule
def r05_annex_content(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    start = sk.annex_start()
    for kind, p in sk.headings:
        if p.index > start and kind in ("范围", "规范性引用文件", "术语和定义", "技术", "前言", "引言"):
            yield Finding("5 annex content", "C", f"{kind} after the first annex: {p.text}")


def _toc_expected(doc: DocxFile, sk: Skeleton) -> tuple[list[str], set[str]]:
    """Entries the 目次 must list (in order) and those it may list (clause titles)."""
    required, optional = [], set()
    paras = doc.paragraphs
    for i, p in enumerate(paras):
        level = doc.outline(p.element)
        kind = classify(p.text)
        if level == 0 and kind in ("前言", "引言", "范围", "规范性引用文件", "术语和定义", "技术", "参考文献", "索引"):
            required.append(squash(p.text))
        elif level == 0 and kind == "附录" and i + 2 < len(paras):
            required.append(squash(p.text + paras[i + 1].text + paras[i + 2].text))
        elif level is not None and level >= 1 and re.match(r"^\d", p.text):
            optional.add(squash(p.text))
    return required, optional


@rule
def r06_toc(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    toc = sk.first("目次")
    if toc is None:
        return
    entries = sk.paras_after(toc)
    labels = [squash(p.text.split("\t")[0]) for p in entries]
    required, optional = _toc_expected(doc, sk)
    if [x for x in labels if x not in optional] != required:
        yield Finding("6 目次 entries", "A", f"目次 {labels} but headings {required}")
    marks = {m.get(q("w:name")): m.getparent() for m in doc.document.iter(q("w:bookmarkStart"))}
    for p, label in zip(entries, labels, strict=True):
        instr = " ".join(t.text or "" for t in p.element.iter(q("w:instrText")))
        page = p.text.split("\t")[1] if "\t" in p.text else ""
        if "PAGEREF" in instr:
            target = instr.split()[1]
            heading = marks.get(target)
            if heading is None or (squash(text_of(heading)) not in label and not label.startswith(
                    squash(text_of(heading)))):
                yield Finding("6 目次 page reference", "A", f"{label}: PAGEREF {target} is not its heading")
        elif not re.fullmatch(r"[IVXLC]+|\d+", page.strip()):
            yield Finding("6 目次 page number", "B", f"{label}: no page number or PAGEREF field")


@rule
def r07_front_titles(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    for kind, p in sk.headings:
        if kind in ("目次", "前言", "引言") and doc.align(p.element) != "center":
            yield Finding("7 front titles centred", "B", kind)


@rule
def r08_page_breaks(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    for kind, p in sk.headings:
        if kind in ("目次", "前言", "引言", "附录", "参考文献") and not sk.starts_page(p):
            grade = "A" if kind == "附录" else "B"
            yield Finding("8 page breaks", grade, f"{p.text} does not start a page")
    scope = sk.first("范围")
    if scope is not None:
        body_start = next(b for b in doc.body if b.section == scope.section)
        if not (isinstance(body_start, Para) and sk.starts_page(body_start)):
            yield Finding("8 page breaks", "B", "the body does not start a page")


@rule
def r09_annex_lines(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    paras = doc.paragraphs
    for i, p in enumerate(paras):
        if re.fullmatch(r"附录[A-Z]", p.text.strip()) and doc.outline(p.element) == 0:
            lines = paras[i:i + 3]
            ok = (len(lines) == 3 and re.fullmatch(r"（(规范性|资料性)）", lines[1].text.strip())
                  and lines[2].text.strip() and all(doc.align(x.element) == "center" for x in lines))
            if not ok:
                yield Finding("9 annex heading lines", "A", " / ".join(x.text for x in lines))


@rule
def r10_annex_letters(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    letters = [squash(p.text)[-1] for k, p in sk.headings if k == "附录"]
    if letters != [chr(ord("A") + i) for i in range(len(letters))]:
        yield Finding("10 annex lettering", "B", "".join(letters))


@rule
def r10_annex_mentions(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    """Every annex is referred to in the body or an earlier annex, and lettered in order of first mention."""
    scope = sk.first("范围")
    letters = [squash(p.text)[-1] for k, p in sk.headings if k == "附录"]
    if scope is None or not letters:
        return
    first: dict[str, int] = {}
    current = None
    for p in doc.paragraphs:
        if p.index <= scope.index:
            continue
        if re.fullmatch(r"附录[A-Z]", squash(p.text)) and doc.outline(p.element) == 0:
            current = squash(p.text)[-1]
            continue
        for m in re.finditer(r"附录([A-Z])", p.text):
            if m.group(1) != current:
                first.setdefault(m.group(1), p.index)
    for letter in letters:
        if letter not in first:
            yield Finding("10 annex referred to", "C", f"附录{letter} is never referred to")
    mentioned = [x for x in sorted(first, key=first.__getitem__) if x in letters]
    if mentioned != sorted(mentioned):
        yield Finding("10 annex mention order", "C", "first mentions in the order " + "".join(mentioned))


@rule
def r11_end_line(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    last = doc.paragraphs[-1].element if doc.paragraphs else None
    if last is None or doc.align(last) != "center" or last.find(f"{q('w:pPr')}/{q('w:pBdr')}") is None:
        yield Finding("11 终结线", "C", "the last paragraph is not a centred rule")


# --- 2. fixed sentences -------------------------------------------------------------------------------


@rule
def r12_16_foreword(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    fw = sk.first("前言")
    if fw is None:
        return
    lines = [p.text for p in sk.paras_after(fw)]
    if not lines or squash(lines[0]) != DRAFTING_BASIS:
        yield Finding("12 drafting basis", "B", lines[0] if lines else "empty 前言")
    if PATENT_NOTICE not in lines:
        yield Finding("13 patent notice", "B", "missing")
    if any("这些专利" in x for x in lines):
        yield Finding("13 patent notice", "B", "2009 wording")
    for line in lines:
        if line.startswith("本文件由") and not re.match(r"^本文件由.+(提出|归口|提出并归口)。$", line):
            yield Finding("14 proposer/owner", "B", line)
        if line.startswith("本文件起草单位") and not re.match(r"^本文件起草单位：[^、]+(、[^、]+)*。$", line):
            yield Finding("14 drafting units", "B", line)
        if line.startswith("本文件主要起草人") and not re.match(r"^本文件主要起草人：[^、]+(、[^、]+)*。$", line):
            yield Finding("14 drafters", "B", line)
        if re.search(r"[应宜](?!用|急|对)", line) and not line.startswith(("本文件按照", "请注意")):
            yield Finding("32 no provisions in 前言", "C", line)


@rule
def r17_references_lead(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    refs = sk.first("规范性引用文件")
    if refs is None:
        return
    lines = sk.paras_after(refs)
    first = lines[0].text if lines else ""
    if first not in (REFS_LEAD, REFS_NONE):
        yield Finding("17 规范性引用文件 lead-in", "A", first)
    if first == REFS_NONE and len(lines) > 1:
        yield Finding("17 规范性引用文件 lead-in", "A", "entries after the 'none' sentence")


@rule
def r18_21_terms(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    terms = sk.first("术语和定义")
    if terms is None:
        return
    lines = sk.paras_after(terms)
    first = lines[0].text if lines else ""
    if not any(re.match(f, first) for f in TERMS_FORMS):
        yield Finding("18 术语和定义 lead-in", "B", first)
    numbers = [i for i, p in enumerate(lines) if re.fullmatch(r"3\.\d+", p.text.strip())]
    if first.startswith("本文件没有") and numbers:
        yield Finding("18 术语和定义 lead-in", "B", "term entries after the 'none' sentence")
    if first.startswith("下列") and not numbers:
        yield Finding("18 术语和定义 lead-in", "B", "no term entries")
    for i in numbers:
        if i + 2 >= len(lines) or re.fullmatch(r"\d.*", lines[i + 1].text):
            yield Finding("21 term entry", "B", f"{lines[i].text} lacks its term line")
        elif re.match(r"^(是指|系指|是|指)", lines[i + 2].text):
            yield Finding("21 term entry", "B", f"definition starts with 是/指: {lines[i + 2].text}")
        if doc.size(lines[i].element) != 21 or not is_hei(doc.east_asia(lines[i].element)):
            yield Finding("21 term entry", "B", f"{lines[i].text} not 五号黑体")


@rule
def r20_scope(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    scope = sk.first("范围")
    if scope is None:
        return
    lines = [p.text for p in sk.paras_after(scope)]
    # GB/T 1.1—2020 8.5 also has 提供了……的指导 for guidance documents (指南).
    if not lines or not re.match(r"^本文件(规定|确立|给出|描述|界定|提供)了", lines[0]):
        yield Finding("20 范围 sentences", "B", lines[0] if lines else "empty")
    if not any(x.startswith("本文件适用于") for x in lines):
        yield Finding("20 范围 sentences", "B", "no 本文件适用于")
    for p in doc.paragraphs:
        if re.search(r"本标准(?!体系)", p.text):  # 本标准体系 names the standard system
            yield Finding("20 本标准", "B", p.text)


# --- 3. numbering ---------------------------------------------------------------------------------------


def _numbered(doc: DocxFile, sk: Skeleton) -> Iterator[tuple[str, Para]]:
    """Numbered chapters and clauses of the body and annexes (titled, or untitled with their text)."""
    scope = sk.first("范围")
    start = scope.index if scope else 10**9
    for p in doc.paragraphs:
        m = re.match(r"^((?:\d+|[A-Z])(?:\.\d+)*)[ 　]\S", p.text)
        if p.index >= start and m:
            yield m.group(1), p


@rule
def r22_clause_numbers(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    last: dict[tuple[str, ...], int] = {}  # parent number -> last child seen
    for number, _p in _numbered(doc, sk):
        parts = tuple(number.split("."))
        if len(parts) == 1 and not parts[0].isdigit():
            continue
        parent, value = parts[:-1], int(parts[-1])
        expected = last.get(parent, 0) + 1
        if value != expected:
            yield Finding("22 clause numbers", "B", f"{number} where {'.'.join((*parent, str(expected)))} was due")
        last[parent] = value
        for key in [k for k in last if k[:len(parts)] == parts]:
            del last[key]
    for p in doc.paragraphs:
        level = doc.outline(p.element)
        if level is not None and level >= 1 and not re.match(r"^[\dA-Z]+(\.\d+){0,5}[ 　]\S", p.text):
            yield Finding("22 clause numbers", "B", f"clause heading without number: {p.text}")


@rule
def r23_literal_numbers(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    if next(doc.document.iter(q("w:numPr")), None) is not None:
        yield Finding("23 literal numbering", "B", "w:numPr auto-numbering in the body")


# --- tables ---------------------------------------------------------------------------------------------


def _caption(doc: DocxFile, table: Table) -> Para | None:
    before = [b for b in doc.body if b.index == table.index - 1]
    return before[0] if before and isinstance(before[0], Para) else None


CONTINUED = re.compile(r"^表((?:[A-Z]\.)?\d+)（续）$")


def continued(table: Table) -> str | None:
    """The table number when `table` continues a table on a new page (its first, repeated row is the caption
    "表A.1（续）" of `govopen build -f pdf`), else None."""
    rows = table.rows()
    match = CONTINUED.match(rows[0][0]) if rows and len(rows[0]) == 1 else None
    return match.group(1) if match else None


def table_groups(doc: DocxFile) -> list[list[Table]]:
    """The tables, each with its continuation parts."""
    groups: list[list[Table]] = []
    for table in doc.tables:
        if continued(table) and groups:
            groups[-1].append(table)
        else:
            groups.append([table])
    return groups


@rule
def r24_26_captions(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    annex_of = {p.index: squash(p.text)[-1] for k, p in sk.headings if k == "附录"}
    body_count, annex_counts, current = 0, {}, None
    for block in doc.body:
        if isinstance(block, Para) and block.index in annex_of:
            current = annex_of[block.index]
        if not isinstance(block, Table):
            continue
        number = continued(block)
        if number is not None:  # a continuation: its caption is its first row and repeats the table's number
            last = (f"{current}.{annex_counts.get(current, 0)}" if current else str(body_count))
            if number != last:
                yield Finding("26 continued table number", "A", f"表{number}（续） after 表{last}")
            continue
        cap = _caption(doc, block)
        text = cap.text if cap else ""
        m = re.match(r"^表([A-Z])?\.?(\d+)　\S", text)
        if not m or doc.align(cap.element) != "center":  # type: ignore[union-attr]
            yield Finding("26 table caption above, centred", "A", text or "no caption")
            continue
        if current is None:
            body_count += 1
            if m.group(1) or int(m.group(2)) != body_count:
                yield Finding("25 table numbers", "A", f"{text} (expected 表{body_count})")
        else:
            annex_counts[current] = annex_counts.get(current, 0) + 1
            if m.group(1) != current or int(m.group(2)) != annex_counts[current]:
                yield Finding("24 annex table numbers", "A", f"{text} in 附录{current}")
        if doc.size(cap.element) != 21 or not is_hei(doc.east_asia(cap.element)):  # type: ignore[union-attr]
            yield Finding("37 caption font", "B", text)


@rule
def r27_table_format(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    for table in doc.tables:
        for row in table.rows():
            for cell in row:
                if not cell.strip():
                    yield Finding("27 empty cell", "A", f"empty cell in a row starting {row[0]!r}")
                if cell.strip() in ("同上", "同左"):
                    yield Finding("27 同上/同左", "A", cell)
        borders = table.element.find(f"{q('w:tblPr')}/{q('w:tblBorders')}")
        sizes = {child.tag.split("}")[1]: int(child.get(q("w:sz"), "0")) for child in borders} if borders is not None \
            else {}
        if not sizes or min(sizes.get(s, 0) for s in ("top", "left", "bottom", "right")) <= max(
                sizes.get("insideH", 0), sizes.get("insideV", 0)):
            yield Finding("27 outer frame thicker", "A", str(sizes))
        rows = list(table.element.iterfind(q("w:tr")))
        if rows and rows[0].find(f"{q('w:trPr')}/{q('w:tblHeader')}") is None:
            yield Finding("table header repeat", "B", f"{table.rows()[0]} has no tblHeader")
        if any(r.find(f"{q('w:trPr')}/{q('w:cantSplit')}") is None for r in rows):
            yield Finding("table rows cantSplit", "C", "a row may split across pages")
        cells = list(table.element.iter(q("w:tc")))
        for tc in cells[1:] if continued(table) else cells:  # the 表X（续） caption row is set like a caption
            for p in tc.iterfind(q("w:p")):
                if text_of(p).strip() and doc.size(p) != 18:
                    yield Finding("37 table text 小五", "B", text_of(p)[:20])
                    break


@rule
def catalog_table(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    """The disclosure catalog: national columns, landscape section, ■/□ channels."""
    for group in table_groups(doc):
        table = group[0]
        # the parts of a table split at page breaks (-f pdf) count as one: 序号 run on, the 注 ends the last part
        rows = table.rows() + [r for part in group[1:] for r in part.rows()[2:]]
        if not rows or rows[0][:1] != ["序号"] or "公开渠道和载体" not in rows[0]:
            continue
        if rows[0] != CATALOG_COLUMNS:
            yield Finding("catalog columns with 事项编码", "A", " ".join(rows[0]))
            continue
        sect = doc.sections[table.section]
        size = sect.find(q("w:pgSz"))
        if wval(size, "orient") != "landscape":
            yield Finding("catalog landscape", "B", "catalog table in a portrait section")
        col = CATALOG_COLUMNS.index("公开渠道和载体")
        data = [r for r in rows[1:] if not is_note_row(r)]
        for row in data:
            for line in row[col].split("\n"):
                if line != "—" and not re.match(r"^[■□]\S", line):
                    yield Finding("catalog channels ■/□", "B", line)
            if [seq_number(r[0]) for r in data] != list(range(1, len(data) + 1)):
                yield Finding("catalog 序号", "B", "序号 not 1..n")
                break
        if not rows[-1:] or not is_note_row(rows[-1]):
            yield Finding("table note inside the table", "B", "the catalog's 注 is not the table's last row")


def seq_number(cell: str) -> int:
    """The number of a 序号 cell; a county catalog marks 本县增补 / 本县细化 rows after it (3▲, 1△)."""
    found = re.match(r"\d+", cell)
    return int(found.group(0)) if found else -1


def is_note_row(row: list[str]) -> bool:
    """A table note (GB/T 1.1—2020 表注) is the table's last row: one cell over every column, 注： or 注1：…."""
    return len(row) == 1 and re.match(r"^注\d*：", row[0]) is not None


# --- notes ------------------------------------------------------------------------------------------------


@rule
def r29_notes(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    groups: dict[str, list[str]] = {"注": [], "示例": []}

    def flush() -> Iterator[Finding]:
        for label, seen in groups.items():
            if len(seen) > 1 and seen != [str(i) for i in range(1, len(seen) + 1)]:
                yield Finding("29 note numbering", "B", f"{label}{seen}")
            if len(seen) == 1 and seen[0]:
                yield Finding("29 note numbering", "B", f"single {label}{seen[0]} is numbered")
            seen.clear()

    for p in doc.paragraphs:
        text = p.text
        if doc.outline(p.element) is not None or re.match(r"^[\dA-Z]+(\.\d+)*　", text):
            yield from flush()
        m = re.match(r"^(注|示例)(\d*)：", text)
        if not m:
            continue
        groups[m.group(1)].append(m.group(2))
        yield from _note_fonts(doc, p.element, text)
    yield from flush()
    for table in doc.tables:  # table notes sit in the table's last row
        last = table.element.findall(q("w:tr"))[-1:]
        for para in (x for tr in last for x in tr.iter(q("w:p"))):
            text = text_of(para)
            if re.match(r"^注\d*：", text):
                yield from _note_fonts(doc, para, text)


def _note_fonts(doc: DocxFile, p: etree._Element, text: str) -> Iterator[Finding]:
    """A note's label in 小五黑体, its text in 小五宋体."""
    runs = doc.text_runs(p)
    label, rest = runs[0], runs[1:]
    if doc.size(p, label) != 18 or not is_hei(doc.east_asia(p, label)):
        yield Finding("29 note label 小五黑体", "B", text[:12])
    if any(doc.size(p, r) != 18 or not is_song(doc.east_asia(p, r)) for r in rest):
        yield Finding("29 note text 小五宋体", "B", text[:12])


@rule
def r30_lists(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    run: list[str] = []
    for p in [*doc.paragraphs, None]:
        if p is not None and p.text.startswith("——"):
            run.append(p.text)
            continue
        if run and not run[-1].endswith(("。", "；", "：")):
            yield Finding("30 list punctuation", "C", run[-1])
        run = []


# --- 5. cover -------------------------------------------------------------------------------------------


@rule
def r33_36_cover(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    cover = [p for p in doc.paragraphs if p.section == 0 and p.text.strip()]
    texts = [p.text.strip() for p in cover]
    for needed in ("DB33", "浙江省地方标准"):
        if needed not in texts:
            yield Finding("33 cover elements", "A", f"no {needed}")
    numbers = [p for p in cover if p.text.startswith("DB33/")]
    stage = next((t for t in texts if re.fullmatch(r"（(" + "|".join(STAGES) + r")）", t)), None)
    if not numbers and stage is None:
        yield Finding("33 cover elements", "A", "neither a number nor a draft stage")
    if stage and [p.text.strip() for p in numbers] != ["DB33/T XXXX—XXXX"]:
        yield Finding("33 draft number on the cover", "A", "a draft cover without DB33/T XXXX—XXXX")
    for p in numbers:
        if not NUMBER.match(p.text) and not (stage and p.text.strip() == "DB33/T XXXX—XXXX"):
            yield Finding("34 number format", "A", p.text)
        if doc.size(p.element) != 28 or not is_hei(doc.east_asia(p.element)):
            yield Finding("36 cover number 四号黑体", "B", p.text)
    if stage and not any(re.fullmatch(r"（本稿完成日期：\d{4}-\d{2}-\d{2}）", t) for t in texts):
        yield Finding("33 draft date", "A", "a draft cover without its date")
    if stage in ("（征求意见稿）", "（送审稿）") and not any("专利" in t for t in texts):
        yield Finding("33 patent information on a draft", "A", stage)
    for p in cover:
        if p.text.startswith(("ICS", "CCS", "备案号")):
            ok = re.fullmatch(r"ICS \d{2}(\.\d{3}){0,2}(\.\d{2})?|CCS [A-Z] ?\d{2}|备案号：\S+", p.text)
            if not ok:
                yield Finding("33 ICS/CCS", "A", p.text)
            if doc.size(p.element) != 21 or not is_hei(doc.east_asia(p.element)):
                yield Finding("36 ICS/CCS 五号黑体", "B", p.text)
    yield from _cover_dates(texts, stage is not None)
    if not texts or not texts[-1].endswith("发布") or re.match(r"^[\dX]{4}-", texts[-1]):
        yield Finding("35 issuer line", "A", texts[-1] if texts else "empty cover")
    title = _doc_title(doc, sk)
    # A long title may be set on two cover lines, broken where its elements meet (引导要素 / 主体要素).
    hits = [p for p in cover if title and p.text.replace("\n", "\u3000") == title]
    if not hits:
        yield Finding("33 cover title", "A", f"no cover title equal to {title!r}")
    elif doc.size(hits[0].element) != 52 or not is_hei(doc.east_asia(hits[0].element)):
        yield Finding("36 cover title 一号黑体", "B", title)


def _cover_dates(texts: list[str], draft: bool) -> Iterator[Finding]:
    line = next((t for t in texts if "发布" in t and "实施" in t), None)
    if line is None:
        yield Finding("35 dates", "A", "no 发布/实施 line")
        return
    parts = [x.strip() for x in line.split("\t") if x.strip()]
    date = r"(\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])|XXXX-XX-XX)"
    if len(parts) != 2 or not re.fullmatch(date + r" ?发布", parts[0]) or not re.fullmatch(date + r" ?实施", parts[1]):
        yield Finding("35 dates", "A", line)
        return
    issued, implemented = parts[0][:10], parts[1][:10]
    if not draft and ("X" in issued or implemented < issued):
        yield Finding("35 dates", "A", f"{issued} → {implemented}")


def _doc_title(doc: DocxFile, sk: Skeleton) -> str | None:
    scope = sk.first("范围")
    if scope is None:
        return None
    before = [p for p in doc.paragraphs if p.index < scope.index and p.section == scope.section and p.text.strip()]
    return before[-1].text if before else None


# --- 6. layout --------------------------------------------------------------------------------------------


@rule
def r37_fonts(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    expectations = []
    for kind, p in sk.headings:
        if kind in ("目次", "前言", "引言"):
            expectations.append((p, 32, is_hei, "三号黑体"))
        elif kind in ("范围", "规范性引用文件", "术语和定义", "技术", "附录", "参考文献"):
            expectations.append((p, 21, is_hei, "五号黑体"))
    for p in doc.paragraphs:
        level = doc.outline(p.element)
        if level is not None and level >= 1:
            expectations.append((p, 21, is_hei, "五号黑体"))
        elif doc.style_id(p.element) == "Normal" and p.section > 0 and CJK.search(p.text):
            expectations.append((p, 21, is_song, "五号宋体"))
    for p, size, face_ok, label in expectations:
        for r in doc.text_runs(p.element) or [None]:
            if doc.size(p.element, r) != size or not face_ok(doc.east_asia(p.element, r)):
                yield Finding("37 fonts (Table F.1)", "B", f"{p.text[:16]} is not {label}")
                break


@rule
def r38_a4(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    for i, sect in enumerate(doc.sections):
        size = sect.find(q("w:pgSz"))
        w, h = int(wval(size, "w") or 0), int(wval(size, "h") or 0)
        landscape = wval(size, "orient") == "landscape"
        expected = (A4[1], A4[0]) if landscape else A4
        if abs(w - expected[0]) > 2 or abs(h - expected[1]) > 2:
            yield Finding("38 A4", "A", f"section {i}: {w}×{h}")
        if landscape and not any(t.section == i for t in doc.tables):
            yield Finding("38 A4", "A", f"section {i} is landscape without a table")


@rule
def r40_headers(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    if doc.settings.find(q("w:evenAndOddHeaders")) is None:
        yield Finding("40 odd/even headers", "B", "settings lack evenAndOddHeaders")
    if doc.sections and doc.sections[0].find(q("w:headerReference")) is not None:
        yield Finding("40 cover without header", "B", "the cover section has a header")
    number = _header_number(doc)
    for i in range(1, len(doc.sections)):
        for kind, ref_type, align in (("header", "default", "right"), ("header", "even", "left"),
                                      ("footer", "default", "right"), ("footer", "even", "left")):
            part = doc.header_footer(i, kind, ref_type)
            p = part.find(q("w:p")) if part is not None else None
            if p is None:
                yield Finding("40 headers and page numbers", "B", f"section {i} has no {ref_type} {kind}")
                continue
            jc = wval(p.find(f"{q('w:pPr')}/{q('w:jc')}"))
            if jc != align:
                yield Finding("40 headers and page numbers", "B", f"section {i} {ref_type} {kind} is {jc}")
            instr = " ".join(t.text or "" for t in p.iter(q("w:instrText")))
            if kind == "footer" and "PAGE" not in instr:
                yield Finding("40 page number field", "B", f"section {i} {ref_type} footer")
            if kind == "header" and text_of(p) != number:
                yield Finding("34 header number", "A", f"{text_of(p)!r} ≠ {number!r}")
    yield from _numbering(doc, sk)


def _header_number(doc: DocxFile) -> str:
    cover = [p.text for p in doc.paragraphs if p.section == 0 and p.text.startswith("DB33/")]
    return cover[0] if cover else "DB33/T XXXX—XXXX"


def _numbering(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    toc, scope = sk.first("目次"), sk.first("范围")
    for i, sect in enumerate(doc.sections):
        num = sect.find(q("w:pgNumType"))
        fmt, start = wval(num, "fmt"), wval(num, "start")
        if toc is not None and i == toc.section and (fmt, start) != ("upperRoman", "1"):
            yield Finding("40 front matter in Roman numerals", "B", f"section {i}: {fmt} from {start}")
        if scope is not None and i == scope.section and (fmt, start) != ("decimal", "1"):
            yield Finding("40 body restarts at 1", "B", f"section {i}: {fmt} from {start}")
        if scope is not None and i > scope.section and (fmt not in (None, "decimal") or start is not None):
            yield Finding("40 body numbering continues", "B", f"section {i}: {fmt} from {start}")


@rule
def r52_number_dashes(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    pattern = re.compile(r"(GB|GB/T|GB/Z|DB\d{2}(/T)?)\s?\d+(\.\d+)*[-–－~]\d{4}")
    for p in doc.paragraphs:
        if pattern.search(p.text):
            yield Finding("52 standard number dash", "B", p.text[:40])


@rule
def r56_east_asian_fonts(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    for name in ("word/styles.xml", "word/document.xml"):
        if re.search(rb"(asciiTheme|eastAsiaTheme|hAnsiTheme)=", doc.parts[name]):
            yield Finding("56 theme fonts", "A", f"theme font attributes in {name}")
    for p in doc.paragraphs:
        for r in doc.text_runs(p.element):
            text = "".join(t.text or "" for t in r.iter(q("w:t")))
            if CJK.search(text) and not doc.east_asia(p.element, r):
                yield Finding("56 eastAsia font", "A", text[:16])
                return


@rule
def r58_sectpr_order(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    order = ["headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc",
             "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote", "titlePg",
             "textDirection", "bidi", "rtlGutter", "docGrid"]
    for i, sect in enumerate(doc.sections):
        names = [c.tag.split("}")[1] for c in sect]
        ranks = [order.index(n) if n in order else 99 for n in names]
        if ranks != sorted(ranks):
            yield Finding("58 sectPr child order", "U", f"section {i}: {names}")


@rule
def r61_fields(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    instr = [t.text or "" for t in doc.document.iter(q("w:instrText"))]
    fields = any("PAGEREF" in x or "TOC" in x for x in instr)
    if fields and wval(doc.settings.find(q("w:updateFields"))) != "true" and not _results_stored(doc):
        yield Finding("61 updateFields", "A", "fields in the 目次 but no updateFields")


def _results_stored(doc: DocxFile) -> bool:
    """Every PAGEREF field has a stored result (a document finished from its layout by `-f pdf`), so it
    needs no update on opening."""
    stored, open_field, result = [], False, ""
    for r in doc.document.iter(q("w:r")):
        char = r.find(q("w:fldChar"))
        kind = wval(char, "fldCharType") if char is not None else None
        instr = "".join(t.text or "" for t in r.iterfind(q("w:instrText")))
        if "PAGEREF" in instr:
            open_field, result = True, ""
        elif kind == "end" and open_field:
            stored.append(bool(result.strip()))
            open_field = False
        elif open_field:
            result += "".join(t.text or "" for t in r.iterfind(q("w:t")))
    return bool(stored) and all(stored)


@rule
def r49_punctuation(doc: DocxFile, sk: Skeleton) -> Iterator[Finding]:
    pattern = re.compile(r"[\u4e00-\u9fff][,;:?!()\"]|[,;:?!()\"][\u4e00-\u9fff]")
    for p in doc.paragraphs:
        if pattern.search(p.text):
            yield Finding("49 full-width punctuation", "C", p.text[:40])
    for t in doc.tables:
        for row in t.rows():
            for cell in row:
                if pattern.search(cell):
                    yield Finding("49 full-width punctuation", "C", cell[:40])


def check_docx(path: Path) -> list[Finding]:
    doc = DocxFile.open(path)
    sk = Skeleton.of(doc)
    return [f for r in RULES for f in r(doc, sk)]


def check_catalog_docx(path: Path) -> list[Finding]:
    """A county's local catalog is not a standard text: only the layout rules apply to it."""
    doc = DocxFile.open(path)
    sk = Skeleton.of(doc)
    rules = (r06_toc, r24_26_captions, r27_table_format, catalog_table, r29_notes, r38_a4, r56_east_asian_fonts,
             r58_sectpr_order, r61_fields, r11_end_line)
    return [f for r in rules for f in r(doc, sk)]
