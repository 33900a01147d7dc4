"""The standard system structure diagram (Annex 2) as a layout of boxes and connectors for an inline SVG.

Top-down: the system at the top, one column per group below it, and each group's standards stacked
under it (the general group first splits into its subgroups). Positions are computed here in plain
numbers so the template only draws; text is wrapped by character count because CJK glyphs are square.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from govopen_std.view.model import BuildView, GroupView, StandardView

FONT = 14  # px in SVG units; one CJK glyph is about FONT wide
LINE = 19
PAD = 8
COL_W = 136
COL_GAP = 14
INDENT = 16
ROW_GAP = 8
TOP = 12
ROOT_H = 40
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
    def text_x(self) -> int:
        return self.x + self.w // 2 if self.kind in ("root", "group") else self.x + PAD

    @property
    def anchor(self) -> str:
        return "middle" if self.kind in ("root", "group") else "start"

    @property
    def first_baseline(self) -> int:
        return self.y + PAD + FONT - 1


@dataclass
class Diagram:
    width: int
    height: int
    boxes: list[Box] = field(default_factory=list)
    lines: list[tuple[int, int, int, int]] = field(default_factory=list)  # x1, y1, x2, y2


def wrap(text: str, width: int) -> tuple[str, ...]:
    """Split `text` into lines of at most the characters that fit `width` (CJK: one glyph = FONT)."""
    per_line = max(1, (width - 2 * PAD) // FONT)
    return tuple(text[i:i + per_line] for i in range(0, len(text), per_line)) or ("",)


def _box(x: int, y: int, w: int, text: str, kind: str, href: str | None = None, label: str = "") -> Box:
    lines = wrap(text, w)
    return Box(x, y, w, len(lines) * LINE + 2 * PAD - (LINE - FONT), lines, kind, href, label or text)


def _stack(diagram: Diagram, parent: Box, children: list[Box]) -> int:
    """Connect stacked children to `parent` with a spine on the left; return the bottom y."""
    if not children:
        return parent.y + parent.h
    spine_x = parent.x + INDENT // 2 if parent.kind != "root" else parent.x
    last_mid = children[-1].y + children[-1].h // 2
    diagram.lines.append((spine_x, parent.y + parent.h, spine_x, last_mid))
    for child in children:
        mid = child.y + child.h // 2
        diagram.lines.append((spine_x, mid, child.x, mid))
    return max(c.y + c.h for c in children)


def _standard_box(std: StandardView, x: int, y: int, w: int) -> Box:
    kind = "spec" if std.is_domain_spec else "standard"
    label = f"{std.id} {std.title}（{std.status}）"
    return _box(x, y, w, std.title, kind, f"standards/{std.id}.html", label)


def _column(diagram: Diagram, group: GroupView, x: int, y: int) -> int:
    """Lay out one group column starting at (x, y); return its bottom y."""
    head = _box(x, y, COL_W, f"{group.number}、{group.title}", "group", label=f"{group.number}、{group.title}")
    diagram.boxes.append(head)
    if group.subgroups:
        return _subgroups(diagram, group, head)
    children = _children(group.standards, x + INDENT, head.y + head.h + ROW_GAP, COL_W - INDENT)
    diagram.boxes += children
    return _stack(diagram, head, children)


def _children(standards: tuple[StandardView, ...], x: int, y: int, w: int) -> list[Box]:
    boxes = []
    for std in standards:
        box = _standard_box(std, x, y, w)
        boxes.append(box)
        y = box.y + box.h + ROW_GAP
    return boxes


def _subgroups(diagram: Diagram, group: GroupView, head: Box) -> int:
    """General standards: subgroup boxes under the group, standards under each; any without a subgroup last."""
    y = head.y + head.h + ROW_GAP
    heads = []
    titles = {title for _, title in group.subgroups}
    for _, sub_title in group.subgroups:
        sub = _box(head.x + INDENT, y, COL_W - INDENT, sub_title, "subgroup")
        heads.append(sub)
        diagram.boxes.append(sub)
        members = tuple(s for s in group.standards if s.subgroup_title == sub_title)
        kids = _children(members, sub.x + INDENT, sub.y + sub.h + ROW_GAP, sub.w - INDENT)
        diagram.boxes += kids
        y = _stack(diagram, sub, kids) + ROW_GAP
    loose = _children(tuple(s for s in group.standards if s.subgroup_title not in titles),
                      head.x + INDENT, y, COL_W - INDENT)
    diagram.boxes += loose
    return _stack(diagram, head, heads + loose)


def build_diagram(view: BuildView) -> Diagram:
    """The whole tree: root, a bus line, then the group columns side by side."""
    groups = view.groups
    width = max(1, len(groups)) * (COL_W + COL_GAP) + COL_GAP
    diagram = Diagram(width=width, height=0)
    root_w = min(width - 2 * COL_GAP, max(COL_W * 2, (len(view.title) + 2) * FONT + 2 * PAD))
    root = Box((width - root_w) // 2, TOP, root_w, ROOT_H, (view.title,), "root", label=view.title)
    diagram.boxes.append(root)
    bus_y = TOP + ROOT_H + BUS_GAP // 2
    top = TOP + ROOT_H + BUS_GAP
    centers = [COL_GAP + i * (COL_W + COL_GAP) + COL_W // 2 for i in range(len(groups))]
    if centers:
        diagram.lines.append((width // 2, TOP + ROOT_H, width // 2, bus_y))
        diagram.lines.append((min(centers), bus_y, max(centers), bus_y))
    bottom = top
    for i, group in enumerate(groups):
        diagram.lines.append((centers[i], bus_y, centers[i], top))
        bottom = max(bottom, _column(diagram, group, COL_GAP + i * (COL_W + COL_GAP), top))
    diagram.height = bottom + TOP
    return diagram
