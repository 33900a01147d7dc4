"""Where LibreOffice broke the lines of a table: the text of every line of every cell of a PDF, read with
`pdftotext -bbox-layout` and assigned to the table column its first word starts in.

A cell's text that LibreOffice had to wrap shows up as two lines of that column, so a test can say
"2017年12月 is one line" about the page as printed, not about the renderer's own width estimate.
"""

from __future__ import annotations

import subprocess
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path

from lxml import etree

POINTS_PER_MM = 72 / 25.4


def column_edges(left_mm: float, widths_mm: Sequence[float]) -> list[float]:
    """The x positions (points) where the columns start, from the page's left margin and the widths."""
    edges, x = [], left_mm
    for width in widths_mm:
        edges.append(x * POINTS_PER_MM)
        x += width
    return edges


def cell_lines(pdftotext: str, pdf: Path, edges: Sequence[float]) -> list[tuple[int, str]]:
    """(column, text) for each printed line of each cell, in page order; words in one column of one
    printed line are joined without spaces (pdftotext splits at the gaps around digits)."""
    out = pdf.with_suffix(".bbox.html")
    subprocess.run([pdftotext, "-bbox-layout", "-enc", "UTF-8", str(pdf), str(out)], check=True, timeout=120,
                   capture_output=True)
    tree = etree.parse(str(out), etree.HTMLParser(encoding="utf-8"))
    found: list[tuple[int, str]] = []
    for line in tree.iter("line"):
        parts: dict[int, str] = {}
        for word in line.iter("word"):
            column = bisect_right(list(edges), float(word.get("xmin")) + 1) - 1
            parts[column] = parts.get(column, "") + (word.text or "")
        found += sorted(parts.items())
    return found
