"""Tables at the XML level: one prepared row element, deep-copied and filled for every data row.

python-docx's `table.add_row()` re-reads the table for every row and `table.cell(r, c)` walks the whole
grid, so a catalog of a few hundred items took seconds to minutes that way (issue 10). Copying a
prepared `w:tr` costs the same for the 10th and the 10,000th row.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Sequence

from lxml import etree

from govopen_std.render.ooxml import paragraph, proportional, qn, table_grid, table_properties, table_row, text_element
from govopen_std.view.model import EMPTY

THICK = 12  # eighths of a point: the outer frame and the line under the header (GB/T 1.1 10.4.2.2)
THIN = 4


def _set_text(p: etree._Element, text: str) -> None:
    r = p.find(qn("w:r"))
    assert r is not None
    t = r.find(qn("w:t"))
    if t is None:
        r.append(text_element(text))
    else:
        t.text = text
        if text != text.strip() or "  " in text:
            t.set(qn("xml:space"), "preserve")


def _template_row(widths: Sequence[int], styles: Sequence[str]) -> etree._Element:
    cells = [[paragraph(style, "—")] for style in styles]
    return table_row(cells, widths)


def fill_row(template: etree._Element, values: Sequence[str]) -> etree._Element:
    """A copy of `template` with one value per cell; a value's lines become paragraphs of the cell."""
    row = copy.deepcopy(template)
    for tc, value in zip(row.iterfind(qn("w:tc")), values, strict=True):
        lines = [line for line in (value or "").split("\n") if line.strip()] or [EMPTY]
        p = tc.find(qn("w:p"))
        assert p is not None
        extra = [copy.deepcopy(p) for _ in lines[1:]]
        _set_text(p, lines[0])
        for q, line in zip(extra, lines[1:], strict=True):
            _set_text(q, line)
            tc.append(q)
    return row


def build_table(header: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[int],
                center: Sequence[bool]) -> etree._Element:
    """A full table: thick frame, header row repeated on every page, rows that never split."""
    tbl = etree.Element(qn("w:tbl"))
    tbl.append(table_properties(sum(widths), THICK, THIN))
    tbl.append(table_grid(widths))
    head = [[paragraph("GBTableHeader", h or EMPTY)] for h in header]
    tbl.append(table_row(head, widths, header=True, bottom_thick=THICK))
    template = _template_row(widths, ["GBTableCenter" if c else "GBTableText" for c in center])
    for values in rows:
        tbl.append(fill_row(template, values))
    return tbl


def _width(text: str, size: float) -> int:
    """Width in twips of `text` at `size` points: a CJK or full-width character is one em, Latin about 0.62."""
    em = size * 20
    return round(sum(em if ord(ch) > 0x2E7F else em * 0.62 for ch in text))


def _token_width(text: str, size: float) -> int:
    """The widest piece a line may not be broken in: a run of Latin letters, digits and ASCII signs."""
    return max((_width(t, size) for t in re.findall(r"[\x21-\x7e]+", text)), default=0)


def content_widths(header: Sequence[str], rows: Sequence[Sequence[str]], total: int,
                   size: float = 9, padding: int = 180) -> list[int]:
    """Column widths for a table of written content, in twips, adding up to `total`.

    Every column gets at least its widest unbreakable token (so `DE05` or `deadline` stays whole) and
    two characters; the remaining width goes to the columns in proportion to how much more their
    longest line wants (capped at 30 characters, so one long column cannot starve the others).
    `padding` covers the cell margins.
    """
    lowest, wanted = [], []
    for i, h in enumerate(header):
        cells = [h] + [r[i] for r in rows if i < len(r)]
        lines = [line for cell in cells for line in cell.split("\n")]
        lowest.append(max(_width("字字", size), max(_token_width(x, size) for x in lines)) + padding)
        wanted.append(max(lowest[-1], min(_width("字" * 30, size), max(_width(x, size) for x in lines)) + padding))
    if sum(lowest) >= total:
        return proportional(lowest, total)
    if sum(wanted) <= total:
        return proportional(wanted, total)
    extra = [w - m for w, m in zip(wanted, lowest, strict=True)]
    spare = total - sum(lowest)
    return proportional([m + spare * e / sum(extra) for m, e in zip(lowest, extra, strict=True)], total)


def short_columns(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[bool]:
    """Columns whose cells are all short (codes, numbers) are centred."""
    return [all(len(r[i]) <= 4 for r in rows if i < len(r)) and len(h) <= 4 for i, h in enumerate(header)]
