"""What an indicator applies to: one definition of an indicator's scope, read by `govopen check` and the view.

A computable leaf is scored over catalog items (coverage, timeliness, channels, completeness) or over the
ledger's 解读/回应 rows (interpretation, response); a `manual` leaf over neither. A catalog item is *in scope*
of an item-level leaf when it has every element the leaf names in `elements` (a blank element counts as
absent, and `channels` means at least one required ■ channel). Each metric names the element it cannot do
without (timeliness reads the deadline, channels the required channels, completeness the content), so every
leaf of that metric lists it. A domain's 考核评价 *covers* the domain's items when each item is in scope of at
least one item-level leaf of that domain's system (rule C457).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from govopen_std.model.deadline import Deadline
from govopen_std.model.indicators import Indicator
from govopen_std.model.item import Channels, ContentElement, Item

# The element names an indicator may name: the item's fields of the catalog (gen-03, gen-10), without 备注.
ITEM_ELEMENTS: tuple[str, ...] = ("code", "category", "name", "area", "content", "basis", "subject", "deadline",
                                  "method", "channels", "audience", "level", "openness")
# Metrics scored per catalog item; interpretation and response are scored over ledger rows, manual by hand.
ITEM_METRICS: tuple[str, ...] = ("coverage", "timeliness", "channels", "completeness")
# The element each metric cannot be computed without.
METRIC_ELEMENTS: dict[str, str] = {"timeliness": "deadline", "channels": "channels", "completeness": "content"}
# Which metrics read which parameter (days: 回应 within N working days of the event it answers).
PARAM_METRICS: dict[str, tuple[str, ...]] = {"days": ("response",)}
# Where an indicator's evidence comes from, as the text's 计算方式/数据来源 column names it.
METRIC_SOURCES: dict[str, str] = {
    "coverage": "公开覆盖率（公开台账）",
    "timeliness": "公开及时率（公开台账，按工作日计）",
    "channels": "必选渠道使用率（公开台账）",
    "completeness": "要素完整率（第三方抽查）",
    "interpretation": "解读率（公开台账的解读记录）",
    "response": "回应及时率（公开台账的回应记录）",
    "manual": "人工评分（佐证材料、测评结果）",
}


def walk(indicators: Sequence[Indicator], path: tuple[int, ...] = ()) -> Iterator[tuple[tuple[int, ...], Indicator]]:
    """Every indicator with its index path (0, 2, 1 = indicators[0].children[2].children[1]), depth first."""
    for i, indicator in enumerate(indicators):
        here = (*path, i)
        yield here, indicator
        yield from walk(indicator.children, here)


def leaves(indicators: Sequence[Indicator]) -> list[Indicator]:
    return [indicator for _, indicator in walk(indicators) if not indicator.children]


def points(indicators: Sequence[Indicator], path: tuple[int, ...]) -> float:
    """An indicator's share of the total 100: its weight times its ancestors' weights, each out of 100."""
    share, level = 100.0, list(indicators)
    for i in path:
        share = share * level[i].weight / 100
        level = list(level[i].children)
    return share


def _present(value: object) -> bool:
    if value is None:
        return False
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, Deadline):
        return bool(value.text.strip())
    if isinstance(value, ContentElement):
        return bool(value.text.strip())
    if isinstance(value, Channels):
        return bool(value.required)  # a channel rule checks the ■ channels; □ ones are never missing
    if isinstance(value, list):
        return any(_present(v) for v in value)
    return True


def item_elements(item: Item) -> frozenset[str]:
    """The element names the item has (non-blank)."""
    present = {name for name in ITEM_ELEMENTS if _present(getattr(item, name))}
    if item.category:
        present.add("name")  # the name defaults to the last category
    return frozenset(present)


def in_scope(leaf: Indicator, present: frozenset[str]) -> bool:
    """Whether an item with the elements `present` is scored by the leaf."""
    return leaf.metric in ITEM_METRICS and not leaf.children and set(leaf.elements) <= present


def covering(indicators: Sequence[Indicator], item: Item) -> list[Indicator]:
    """The item-level leaves the item is in scope of, in tree order."""
    present = item_elements(item)
    return [leaf for leaf in leaves(indicators) if in_scope(leaf, present)]
