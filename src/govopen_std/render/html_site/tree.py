"""The standard system structure diagram (Annex 2) as a layout of boxes and connectors for an inline SVG.

Top-down: the system at the top, one column per group below it, and each group's standards stacked
under it. The general group splits into its subgroups, laid out in two sub-columns so that its column
is not three times as tall as the domains'. Positions are computed here in plain numbers so the
template only draws; text is wrapped by character count because CJK glyphs are square.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from govopen_std.view.model import BuildView, GroupView, StandardView

FONT = 14  # px in SVG units; one CJK glyph is about FONT wide
LINE = 19
PAD = 6
COL_W = 116  # ten columns (the general group spans two) come to 1270 units, shown at the content
COL_GAP = 10  # column's 1168 px on a desktop: text stays at about 13 px
INDENT = 14
ROW_GAP = 7
TOP = 12
BUS_GAP = 26


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    w: int
    h: int
    lines: tuple[str, ...]
    kind: str  # root | group | subgroup | standard | spec
    href: str | None = None
    label: str = ""  # full accessible text (for <title>)

    @property
    def centered(self) -> bool:
        return self.kind in ("root", "group")

    @property
    def text_x(self) -> int:
        return self.x + self.w // 2 if self.centered else self.x + PAD

    @property
    def anchor(self) -> str:
        return "middle" if self.centered else "start"

    @property
    def first_baseline(self) -> int:
        return self.y + PAD + FONT - 1

    @property
    def bottom(self) -> int:
        return self.y + self.h


@dataclass
class Diagram:
    width: int
    height: int
    boxes: list[Box] = field(default_factory=list)
    lines: list[tuple[int, int, int, int]] = field(default_factory=list)  # x1, y1, x2, y2


def wrap(text: str, width: int) -> tuple[str, ...]:
    """Split `text` into as few lines as fit `width` (CJK: one glyph = FONT), of balanced length."""
    fits = max(1, (width - 2 * PAD) // FONT)
    count = -(-len(text) // fits)  # lines needed
    per_line = -(-len(text) // count) if count else fits  # balanced, so no line holds a lone character
    return tuple(text[i:i + per_line] for i in range(0, len(text), per_line)) or ("",)


def _box(x: int, y: int, w: int, text: str, kind: str, href: str | None = None, label: str = "") -> Box:
    lines = wrap(text, w)
    return Box(x, y, w, len(lines) * LINE + 2 * PAD - (LINE - FONT), lines, kind, href, label or text)


def _spine(diagram: Diagram, x: int, top: int, children: list[Box]) -> None:
    """A vertical line at `x` from `top` down to the last child, with a tick to each child's left edge."""
    if not children:
        return
    diagram.lines.append((x, top, x, children[-1].y + children[-1].h // 2))
    for child in children:
        mid = child.y + child.h // 2
        diagram.lines.append((x, mid, child.x, mid))


def _stack(diagram: Diagram, standards: tuple[StandardView, ...], x: int, y: int, w: int) -> list[Box]:
    """Standards as boxes one under the other, starting at (x, y)."""
    boxes = []
    for std in standards:
        kind = "spec" if std.is_domain_spec else "standard"
        box = _box(x, y, w, std.title, kind, f"standards/{std.id}.html", f"{std.id} {std.title}（{std.status}）")
        boxes.append(box)
        y = box.bottom + ROW_GAP
    diagram.boxes += boxes
    return boxes


def _subgroup(diagram: Diagram, title: str, members: tuple[StandardView, ...], x: int, y: int, w: int) -> Box:
    head = _box(x, y, w, title, "subgroup")
    diagram.boxes.append(head)
    kids = _stack(diagram, members, x + INDENT, head.bottom + ROW_GAP, w - INDENT)
    _spine(diagram, x + INDENT // 2, head.bottom, kids)
    return Box(head.x, head.y, head.w, (kids[-1].bottom if kids else head.bottom) - head.y, head.lines, "subgroup")


def _split(parts: list[tuple[str, tuple[StandardView, ...]]]) -> tuple[list[int], list[int]]:
    """Indexes of the parts for the left and right sub-columns, keeping order and balancing box counts."""
    sizes = [1 + len(members) for _, members in parts]
    half, running = sum(sizes) / 2, 0
    left: list[int] = []
    for i, size in enumerate(sizes):
        if running >= half and left:
            break
        left.append(i)
        running += size
    return left, [i for i in range(len(parts)) if i not in left]


def _general_column(diagram: Diagram, group: GroupView, head: Box) -> int:
    """Subgroups in two sub-columns under a head that spans both; standards without a subgroup come last."""
    titles = [title for _, title in group.subgroups]
    parts = [(t, tuple(s for s in group.standards if s.subgroup_title == t)) for t in titles]
    loose = tuple(s for s in group.standards if s.subgroup_title not in titles)
    if loose:
        parts.append(("其他", loose))
    bottom = head.bottom
    for column, indexes in enumerate(_split(parts)):
        x = head.x + column * (COL_W + COL_GAP)
        y, heads = head.bottom + ROW_GAP, []
        for i in indexes:
            block = _subgroup(diagram, parts[i][0], parts[i][1], x + INDENT, y, COL_W - INDENT)
            heads.append(block)
            y = block.bottom + ROW_GAP * 2
        _spine(diagram, x + INDENT // 2, head.bottom, heads)
        bottom = max([bottom, *(b.bottom for b in heads)])
    return bottom


def _span(group: GroupView) -> int:
    return 2 if len(group.subgroups) > 1 else 1


def _column(diagram: Diagram, group: GroupView, x: int, y: int) -> int:
    """Lay out one group column starting at (x, y); return its bottom y."""
    width = _span(group) * (COL_W + COL_GAP) - COL_GAP
    head = _box(x, y, width, f"{group.number}、{group.title}", "group")
    diagram.boxes.append(head)
    if _span(group) > 1:
        return _general_column(diagram, group, head)
    kids = _stack(diagram, group.standards, x + INDENT, head.bottom + ROW_GAP, COL_W - INDENT)
    _spine(diagram, x + INDENT // 2, head.bottom, kids)
    return kids[-1].bottom if kids else head.bottom


def build_diagram(view: BuildView) -> Diagram:
    """The whole tree: root, a bus line, then the group columns side by side."""
    spans = [_span(g) for g in view.groups]
    width = max(1, sum(spans)) * (COL_W + COL_GAP) + COL_GAP
    diagram = Diagram(width=width, height=0)
    root_w = min(width - 2 * COL_GAP, (len(view.title) + 4) * FONT + 2 * PAD)
    root = _box((width - root_w) // 2, TOP, root_w, view.title, "root")
    diagram.boxes.append(root)
    bus_y = root.bottom + BUS_GAP // 2
    top = root.bottom + BUS_GAP
    starts = [COL_GAP + sum(spans[:i]) * (COL_W + COL_GAP) for i in range(len(spans))]
    centers = [x + (span * (COL_W + COL_GAP) - COL_GAP) // 2 for x, span in zip(starts, spans, strict=True)]
    if centers:
        diagram.lines.append((width // 2, root.bottom, width // 2, bus_y))
        diagram.lines.append((min(centers), bus_y, max(centers), bus_y))
    bottom = top
    for group, x, center in zip(view.groups, starts, centers, strict=True):
        diagram.lines.append((center, bus_y, center, top))
        bottom = max(bottom, _column(diagram, group, x, top))
    diagram.height = bottom + TOP
    return diagram
