"""The quarterly progress report (季度进展报告) as a DOCX on a GB/T 9704 page, read from `report_records`.

Its tables span the 156 mm type area, set in 五号: every column is as wide as its widest unbreakable
piece (a number, a month, a unit's name) and one column per table takes the rest, its text broken only
between pieces (between two bodies of today, never inside a name). Overdue standards are listed under
a heading row per group, as the responsibility list groups them.
The report closes with the reporting body and the as-of date, placed as GB/T 9704—2012 7.3.5.2 places the
signature of a document without a seal.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from govopen_std.progress import stages
from govopen_std.render import official_doc as od
from govopen_std.render.reproducible import save_document, set_core_properties
from govopen_std.view.model import display_name
from govopen_std.view.responsibility import month_label, units_text

TALLY_HEAD = ["计划", "应完成", "已完成", "逾期", "已发布"]
TALLY_KEYS = ["planned", "due", "done", "overdue", "published"]
LEFT, CENTER = WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER
CELL_SIZE = od.SIZE_5
MM_PER_EM = CELL_SIZE * 25.4 / 72
PAD_MM = 2.6  # the two 1 mm cell margins and a little slack for the office suite's metrics

Cell = tuple[str, ...]  # a cell's atoms: pieces packed into lines, a line never breaking inside one
Row = list[Cell] | str  # a str is a heading row over the whole table (the group of the rows below it)


@dataclass(frozen=True)
class Column:
    head: str
    flex: bool = False  # takes the width the other columns leave; its atoms are packed into lines
    left: bool = False


def _widths(columns: list[Column], rows: list[Row]) -> list[float]:
    """Each column as wide as its widest atom (so it never breaks). The flexible column may grow to its
    longest whole line; width still left over is shared by every column in proportion to its width, so a
    short first column does not take 60 % of the page (issue 15)."""
    cells = [r for r in rows if not isinstance(r, str)]
    need = [max([od.text_ems(c.head)] + [od.text_ems(atom) for row in cells for atom in row[i]]) * MM_PER_EM + PAD_MM
            for i, c in enumerate(columns)]
    flex = next(i for i, c in enumerate(columns) if c.flex)
    rest = od.TYPE_WIDTH_MM - sum(w for i, w in enumerate(need) if i != flex)
    longest = max([od.text_ems("".join(row[flex])) for row in cells], default=0.0) * MM_PER_EM + PAD_MM
    need[flex] = min(rest, max(need[flex], longest))  # never wider than what the others leave
    spare = od.TYPE_WIDTH_MM - sum(need)
    widths = [w + spare * w / sum(need) for w in need]
    return [round(w, 2) for w in widths]


def _pack(atoms: Cell, width_mm: float) -> str:
    """The atoms as lines: as many whole atoms on a line as fit the column."""
    per_line = (width_mm - PAD_MM) / MM_PER_EM
    lines: list[str] = []
    for atom in atoms:
        if lines and od.text_ems(lines[-1] + atom) <= per_line:
            lines[-1] += atom
        else:
            lines.append(atom)
    return "\n".join(lines)


def caption(document: Any, number: int, text: str) -> None:
    """The table's number and title above it, centred in 黑体 (as GB/T 1.1 captions its tables)."""
    paragraph = od.centered(document, f"表{number}\u3000{text}", face=od.HEITI, size=CELL_SIZE)
    paragraph.paragraph_format.keep_with_next = True


def _table(document: Any, columns: list[Column], rows: list[Row]) -> None:
    widths = _widths(columns, rows)
    tbl = od.table(document, widths, 1 + len(rows))
    od.narrow_margins(tbl)
    od.repeat_header(tbl.rows[0])
    for cell, column in zip(tbl.rows[0].cells, columns, strict=True):
        od.cell_text(cell, column.head, face=od.HEITI, size=CELL_SIZE)
    for r, row in enumerate(rows, 1):
        od.keep_row_together(tbl.rows[r])
        cells = tbl.rows[r].cells
        if isinstance(row, str):
            od.cell_text(cells[0].merge(cells[-1]), row, face=od.HEITI, size=CELL_SIZE, align=LEFT)
            tbl.rows[r].cells[0].paragraphs[0].paragraph_format.keep_with_next = True
            continue
        for cell, atoms, column, width in zip(cells, row, columns, widths, strict=True):
            od.cell_text(cell, _pack(atoms, width), size=CELL_SIZE, align=LEFT if column.left else CENTER)


def _bodies(text: str) -> Cell:
    """Today's bodies as atoms: 浙江省民政厅； / 浙江省应急管理厅 / （救灾职责）."""
    return tuple(re.findall(r"[^；（]+；?|（[^）]*）；?", text))


def _units(units: list[str]) -> Cell:
    """Responsible units as atoms, each with the 、 or ， the list prints after it."""
    return tuple(re.findall(r"(?:[^、，（]|（[^）]*）)+[、，]?", units_text(units)))


def _tally_rows(tallies: list[dict[str, Any]], *, today: bool) -> list[Row]:
    rows: list[Row] = []
    for t in tallies:
        title = display_name(t["title"])
        named = t.get("then") or t["today"] or t["title"]
        lead: list[Cell] = [(title,), _bodies(display_name(named))] if today else [(title,)]
        rows.append(lead + [(str(t[k]),) for k in TALLY_KEYS])
    return rows


def _overdue_rows(records: dict[str, Any]) -> list[Row]:
    """The overdue standards under a heading row per group, as the responsibility list groups them."""
    rows: list[Row] = []
    overdue = [s for s in records["standards"] if s["overdue"]]
    for i, s in enumerate(overdue, 1):
        if i == 1 or s["group_title"] != overdue[i - 2]["group_title"]:
            rows.append(s["group_title"])
        rows.append([(str(i),), (s["title"],), (month_label(s["month"]),), (s["stage"],), _units(s["units"])])
    return rows


UNIT_BODIES = "统计日的机构名称"  # the bodies as named on the as-of date, not today's (issue 15)


def _sections(document: Any, records: dict[str, Any]) -> None:
    tally = [Column(h) for h in TALLY_HEAD]
    number = 0

    def table_with_caption(title: str, columns: list[Column], rows: list[Row]) -> None:
        nonlocal number
        number += 1
        caption(document, number, title)
        _table(document, columns, rows)

    od.heading(document, "一、各分组进展情况")
    table_with_caption("各分组进展情况", [Column("分组", flex=True, left=True), *tally],
                       _tally_rows(records["groups"], today=False) + _tally_rows([records["totals"]], today=False))
    od.heading(document, "二、各责任单位进展情况")
    table_with_caption("各责任单位进展情况", [Column("责任单位", left=True), Column(UNIT_BODIES, flex=True, left=True),
                                        *tally], _tally_rows(records["units"], today=True))
    od.heading(document, "三、逾期未发布的标准")
    overdue = _overdue_rows(records)
    if overdue:
        table_with_caption("逾期未发布的标准", [Column("序号"), Column("标准", flex=True, left=True), Column("计划时间"),
                                          Column("当前阶段"), Column("责任单位", left=True)], overdue)
    else:
        od.body(document, "无。")
    od.heading(document, "四、本季度状态变化")
    events = records["events"]
    if events:
        table_with_caption("本季度状态变化", [Column("日期"), Column("标准", flex=True, left=True), Column("状态")],
                           [[(e["date"],), (e["title"],), (e["status"],)] for e in events])
    else:
        od.body(document, "无。")  # the summary already says that no change was recorded


def _nominal_ems(text: str) -> float:
    """Width in characters of the 公文 faces (仿宋_GB2312: digits half a character), for placing lines."""
    return sum(0.5 if ord(ch) < 0x80 else 1.0 for ch in text)


def signature(document: Any, body: str, day: dt.date) -> None:
    """落款 without a seal (GB/T 9704—2012 7.3.5.2): one empty line after the text, the body two characters
    from the right margin, the date on the next line starting two characters right of the body's first
    character; a date longer than that is kept two characters from the margin and the body moves left."""
    date = stages.date_label(day)
    date_right = _nominal_ems(body) - _nominal_ems(date)  # in characters from the right margin
    body_right = 2.0
    if date_right < 2:
        body_right += 2 - date_right
        date_right = 2
    document.add_paragraph()
    for text, right in ((body, body_right), (date, date_right)):
        paragraph = od.right_date(document, text)
        paragraph.paragraph_format.right_indent = Pt(right * od.SIZE_3)


def _title_lines(title: str) -> list[str]:
    """Break before 季度进展报告 as a printed title would, rather than leaving 报告 alone on line two."""
    head, sep, tail = title.partition("季度")
    return [head, sep + tail] if sep and head else [title]


def write_report_docx(records: dict[str, Any], path: Path) -> Path:
    as_of = dt.date.fromisoformat(records["as_of"])
    document = od.new_document()
    set_core_properties(document, title=records["title"], author="govopen", day=as_of, subject=records["quarter"])
    od.title(document, _title_lines(records["title"]))
    od.centered(document, f"（{records['quarter']}，截至{stages.date_label(as_of)}）")
    od.body(document, records["summary"])
    _sections(document, records)
    signature(document, records.get("reporter") or "", as_of)
    return save_document(document, path, as_of)

