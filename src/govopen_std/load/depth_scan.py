"""A cheap pre-scan of nesting depth, run on a file's text before any C parser or composer sees it.

ruamel's C composer recurses once per nesting level and crashes the process (a segfault, exit 139) somewhere
between 20,000 and 50,000 levels; libyaml's parser also takes quadratic time on deep flow collections. So a
file whose nesting is far beyond anything a standard needs never reaches them: `deep_position` estimates the
nesting from brackets and indentation alone and, when the estimate passes `GUARD_DEPTH`, returns the line
and column where the depth limit (`MAX_DEPTH`, the loader's own) is first crossed, for a Y106 there.

The estimate follows YAML's rules closely (quoted scalars, comments and block scalars are skipped; a bracket
counts only where a flow collection can start) but never needs to be exact: files nested between
`MAX_DEPTH` and `GUARD_DEPTH` levels go on to the composing path, which reports Y106 at the exact node as it
always has. The position returned is where the estimate crosses `MAX_DEPTH`, which for the brackets and
compact block entries of a hostile file is the node the composing path would name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

MAX_DEPTH = 64  # the loader's limit (yaml_source.MAX_DEPTH): a node deeper than this is a Y106
# Far below the ~20,000 levels where the C composer starts to crash, far above any real source (depth < 12).
GUARD_DEPTH = 1_000

# "\n" first lets the regex engine jump from line end to line end (several times faster than ^ with re.M).
_WIDE_PREFIX = re.compile(rf"\n[ \t\-?:]{{{GUARD_DEPTH // 4}}}")  # tabs may separate compact entries ("-\t-\tx")
_FLOW_SPECIAL = re.compile(r"[\[\]{}\"'#,:]")
_KEY = re.compile(r"""(?:[^\s#'"\[\]{},:][^#\n]*?|"(?:[^"\\]|\\.)*"|'(?:[^']|'')*')[ \t]*:(?=[ \t]|$)""")


class _Deep(Exception):
    """The estimate passed GUARD_DEPTH."""


@dataclass
class _Scan:
    """State of one scan: the open block containers (column, is a sequence), the flow depth and the first
    position (1-based line, column) where the estimated depth passed MAX_DEPTH."""

    blocks: list[tuple[int, bool]] = field(default_factory=list)
    flow: int = 0
    first: tuple[int, int] | None = None
    quote: str | None = None  # the quote of a quoted scalar that runs on over the next lines

    def node(self, depth: int, line: int, col: int) -> None:
        """A node starts at `depth` (the root is depth 0) at 0-based `col` of 1-based `line`."""
        if depth > MAX_DEPTH and self.first is None:
            self.first = (line, col + 1)
        if depth > GUARD_DEPTH:
            raise _Deep


def _gate(text: str) -> bool:
    """Whether the text could nest beyond GUARD_DEPTH at all (the counting runs in C, so a typical file costs
    microseconds): every level needs a bracket, or two more columns of line-start prefix. With at most
    GUARD_DEPTH / 2 brackets and no prefix of GUARD_DEPTH / 4 columns, the depth stays under the guard."""
    if text.count("[") + text.count("{") > GUARD_DEPTH // 2:
        return True
    return _WIDE_PREFIX.search("\n" + text) is not None


def deep_position(text: str) -> tuple[int, int] | None:
    """(line, column) where the nesting passes MAX_DEPTH, if the estimate passes GUARD_DEPTH; else None."""
    if not _gate(text):
        return None
    scan = _Scan()
    try:
        _scan_lines(text, scan)
    except _Deep:
        return scan.first
    return None


def _scan_lines(text: str, scan: _Scan) -> None:
    # An open block scalar (| or >): the column its parent sits at, and its content's indentation once known.
    block_scalar: tuple[int, int | None] | None = None
    for number, line in enumerate(text.split("\n"), 1):
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if block_scalar is not None:
            parent, content = block_scalar
            if not stripped.strip():
                continue
            if content is None and indent > parent:
                block_scalar = (parent, indent)  # the first content line sets the indentation
                continue
            if content is not None and indent >= content:
                continue
            block_scalar = None  # a line less indented ends the scalar: it is structure again
        if scan.quote is not None:  # inside a quoted scalar: nothing counts until it closes
            end = _quote_close(line, 0, scan.quote)
            if end < 0:
                continue
            scan.quote = None
            if scan.flow:
                _flow(line, end, number, scan)
            continue
        if scan.flow:
            _flow(line, 0, number, scan)
            continue
        if stripped.startswith(("---", "...")) and stripped[3:4] in ("", " ", "\t"):
            scan.blocks.clear()  # a new document; content on the marker's line is its root value
            rest = stripped[3:].lstrip(" \t")
            if rest[:1] in ("[", "{"):
                _flow(line, len(line) - len(rest), number, scan)
            continue
        if not stripped or stripped.startswith("#") or stripped.startswith("%"):
            continue
        owner = _block_line(line, indent, number, scan)
        block_scalar = None if owner is None else (owner, None)


def _block_line(line: str, indent: int, number: int, scan: _Scan) -> int | None:
    """One line in block context; when a block scalar (| or >) starts here, the column of its parent node
    (its content lines are indented further)."""
    blocks = scan.blocks
    while blocks and blocks[-1][0] > indent:
        blocks.pop()
    pos = indent
    while True:  # compact entries: "- - - x" opens a sequence per dash
        dash = line.startswith("-", pos) and (pos + 1 == len(line) or line[pos + 1] in " \t")
        question = line.startswith("?", pos) and (pos + 1 == len(line) or line[pos + 1] in " \t")
        key = None if dash or question else _KEY.match(line, pos)
        if not (dash or question or key):
            break
        _open_block(pos, dash, number, scan)
        if key:
            pos = key.end()
            break
        pos += 1
        while pos < len(line) and line[pos] in " \t":
            pos += 1
    rest = line[pos:].lstrip(" \t")
    start = len(line) - len(rest)
    if rest[:1] in ("|", ">"):
        return blocks[-1][0] if blocks else -1
    if rest[:1] in ("[", "{"):
        _flow(line, start, number, scan)
    elif rest and not rest.startswith("#"):
        scan.node(len(blocks), number, start)
        if rest[:1] in "\"'" and _quote_end(line, start) < 0:
            scan.quote = rest[0]  # a quoted scalar over several lines: skipped until it closes
    return None


def _open_block(col: int, is_seq: bool, number: int, scan: _Scan) -> None:
    """A block container entry (a "- " or a "key:") at `col`: continues the open container there or opens one."""
    blocks = scan.blocks
    while blocks and blocks[-1][0] > col:
        blocks.pop()
    if blocks and blocks[-1][0] == col:
        if blocks[-1][1] == is_seq:
            return  # the next entry of the same container
        if blocks[-1][1]:  # a key after a sequence at the same column: that sequence was a key's value
            blocks.pop()
            if blocks and blocks[-1][0] == col and not blocks[-1][1]:
                return
        # a sequence at the column of its mapping's keys ("key:\n- a") opens one level below the mapping
    scan.node(len(blocks), number, col)
    blocks.append((col, is_seq))


def _flow(line: str, start: int, number: int, scan: _Scan) -> None:
    """Brackets from `start` to the end of `line`; quoted scalars and comments are skipped."""
    base = len(scan.blocks)
    pos = start
    for match in _FLOW_SPECIAL.finditer(line, start):
        char, at = match.group(), match.start()
        if at < pos:
            continue  # inside a quoted scalar already skipped
        if char in "[{":
            scan.node(base + scan.flow, number, at)
            scan.flow += 1
        elif char in "]}":
            # back in block context the line goes on: a flow key can be followed by a value ("[a]: [[[…")
            scan.flow = max(0, scan.flow - 1)
        elif char == "#" and (at == 0 or line[at - 1] in " \t"):
            return
        elif char in "\"'" and (at == 0 or line[at - 1] in " \t[{,:"):
            pos = _quote_end(line, at)
            if pos < 0:
                scan.quote = char  # a quoted scalar running over lines: skipped until it closes
                return


_QUOTED_REST = {'"': re.compile(r'(?:[^"\\]|\\.)*"'), "'": re.compile(r"(?:[^']|'')*'(?!')")}


def _quote_end(line: str, at: int) -> int:
    """The index after the quoted scalar that starts at `at`, or -1 when it does not end on this line."""
    return _quote_close(line, at + 1, line[at])


def _quote_close(line: str, pos: int, quote: str) -> int:
    """The index after the quote that closes a quoted scalar whose text goes on at `pos`, or -1."""
    match = _QUOTED_REST[quote].match(line, pos)
    return match.end() if match else -1
