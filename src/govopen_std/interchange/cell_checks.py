"""Cell information the row reader would otherwise drop or invent (issue 14): levels written as text in a level
mark column, a 特定群体 mark that names no group, and a concrete body's name where a provincial standard needs a
generic subject. Each either keeps the cell's information or returns a problem for the caller to locate at
the cell.
"""

from __future__ import annotations

import difflib
import re

from govopen_std.interchange.cells import Problem, mark_state, parse_levels

# A body's own name rather than a role: 市住房和城乡建设局, 杭州市规划和自然资源局拱墅分局, 拱墅区各街道办事处. Generic
# subjects name a role and a level (县级住房城乡建设主管部门, 乡镇人民政府（街道办事处）, 村民委员会), so they start
# with a level word or end in 部门/机关/机构/单位/企业 and match neither branch.
_CONCRETE_BODY = re.compile(
    r"^(?:[市区县](?![级县（(])|[\u4e00-\u9fff]{2,}?[省市区县](?![级县（(]))"
    r".*(?:局|厅|委|办|办公室|办事处|人民政府|委员会)$")


# A subject this close to a declared one is a misspelling to fix (I809), not a new subject to declare.
NEAR_MISS = 0.6


def near_miss(name: str, known: list[str]) -> bool:
    return bool(difflib.get_close_matches(name, known, n=1, cutoff=NEAR_MISS))


def concrete_body(name: str) -> bool:
    """Whether `name` is a particular body's name (a city's or a county's), not a generic subject."""
    return bool(_CONCRETE_BODY.match(name.strip()))


def levels_from_mark(option: str, mark: str, levels: list[str]) -> tuple[list[str], Problem | None]:
    """The levels one mark cell of a 公开层级 column stands for: its column's level when ticked; every level its
    text names when it holds text ('乡、村级' under 乡级 → 乡级, 村级); its column's level and an I850 when the
    text names no level at all."""
    state = mark_state(mark)
    if state in ("required", "optional"):
        return [option], None
    if state != "text":
        return [], None
    named = [value for value in parse_levels(mark, levels)[0] if value in levels]
    if named:
        return named, None
    return [option], Problem("I850", {"text": mark.strip(), "option": option})


def in_order(values: list[str], order: list[str]) -> list[str]:
    """`values` without repeats, in vocabulary order (unknown ones last, as found)."""
    unique = list(dict.fromkeys(values))
    rank = {v: i for i, v in enumerate(order)}
    return sorted(unique, key=lambda v: rank.get(v, len(order)))
