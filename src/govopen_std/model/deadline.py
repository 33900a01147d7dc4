"""Parse the free-text 公开时限 into a structured form where the wording allows.

Catalog deadlines are written as prose ("信息形成或者变更之日起20个工作日内", "公示期不少于7日",
"及时公开"). Overlays need to compare them (a county may only shorten a deadline), so we extract:
kind (within / at_least / before / timely / with_event), the number of days, working or calendar days, and the
trigger. Text we cannot parse keeps only its wording; that is allowed and never an error.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from pydantic import Field, model_validator

from govopen_std.model.base import StrictModel, doc, model_doc

DeadlineKind = Literal["within", "at_least", "before", "timely", "with_event"]

_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_FULLWIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_NUM = r"(\d+|[零一二两三四五六七八九十]{1,3})"
_WITHIN = re.compile(rf"(?P<trigger>[^，。；,;]*?)(?:之日)?(?:起|后)?\s*{_NUM}\s*个?(?P<kind>工作日|日|天)\s*内")
_AT_LEAST = re.compile(rf"不(?:少|短)于\s*{_NUM}\s*个?(?P<kind>工作日|日|天)")
_BEFORE = re.compile(rf"{_NUM}\s*个?(?P<kind>工作日|日|天)(?:前|以前)")
_TIMELY = re.compile(r"及时|实时|随时|即时")
_WITH_EVENT = re.compile(r"^(?:随|与|同时|在).{0,20}(?:同时|时|公开)")


def cn_number(text: str) -> int:
    """'20' -> 20, '十' -> 10, '十五' -> 15, '二十' -> 20, '三十' -> 30."""
    text = text.translate(_FULLWIDTH)
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (_CN_DIGITS.get(ones, 0) if ones else 0)
    return _CN_DIGITS.get(text, 0)


class Deadline(StrictModel):
    """公开时限: the wording as written plus what could be parsed from it."""

    model_config = model_doc(
        "公开时限", "公开时限原文；能解析时自动得到结构化形式。可直接写原文",
        "Time limit", "The time limit as written; parsed into a structured form where possible. May be written as plain text")

    text: str = Field(**doc("原文", "公开时限原文", "Text", "The time limit as written"))
    kind: DeadlineKind | None = Field(default=None, **doc(
        "类型", "within（之日起N日内）、at_least（不少于N日）、before（N日前）、timely（及时）、with_event（随…公开）",
        "Kind", "within, at_least, before, timely or with_event"))
    days: int | None = Field(default=None, **doc("天数", "时限的天数", "Days", "Number of days"))
    working_days: bool | None = Field(default=None, **doc(
        "工作日", "天数是否为工作日",
        "Working days", "Whether the days are working days"))
    trigger: str | None = Field(default=None, **doc(
        "起算事件", "时限起算的事件，如“信息形成”",
        "Trigger", "The event the time limit counts from"))

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: object) -> object:
        if isinstance(value, str):
            return {"text": value}
        return value

    @model_validator(mode="after")
    def _parse(self) -> Deadline:
        if self.kind is None:
            for key, val in _parsed(self.text):
                object.__setattr__(self, key, val)
        return self

    def stricter_or_equal(self, other: Deadline) -> bool | None:
        """True when self is at least as strict as `other`; None when they cannot be compared."""
        if self.kind != other.kind or self.days is None or other.days is None:
            return None if self.text != other.text else True
        if self.working_days != other.working_days:
            return None
        if self.kind == "within":
            return self.days <= other.days
        if self.kind in ("at_least", "before"):
            return self.days >= other.days
        return True


@lru_cache(maxsize=4096)
def _parsed(text: str) -> tuple[tuple[str, object], ...]:
    """`parse_deadline` as immutable pairs, cached: catalogs repeat a few dozen wordings thousands of times."""
    return tuple(parse_deadline(text).items())


# 自 that opens the trigger clause ("选房结果自选房结束之日起"), not the 自 of 自然资源, 自行, 自治 ...
_FROM = re.compile(r"自(?!然|行|治|主|愿|身|动|查)")


def _trigger(words: str) -> str | None:
    """The event a `within` deadline counts from: what follows the last clause-opening 自, else the words
    without a leading 从/于/在 ("在收到材料后" -> "收到材料"); the subject before 自 is not part of it."""
    openings = list(_FROM.finditer(words))
    event = words[openings[-1].end():] if openings else words.lstrip("从于在")
    return event or None


def parse_deadline(text: str) -> dict[str, object]:
    norm = text.translate(_FULLWIDTH).replace(" ", "")
    if m := _AT_LEAST.search(norm):
        return {"kind": "at_least", "days": cn_number(m.group(1)), "working_days": m.group("kind") == "工作日"}
    if m := _WITHIN.search(norm):
        return {"kind": "within", "days": cn_number(m.group(2)), "working_days": m.group("kind") == "工作日",
                "trigger": _trigger(m.group("trigger"))}
    if m := _BEFORE.search(norm):
        return {"kind": "before", "days": cn_number(m.group(1)), "working_days": m.group("kind") == "工作日",
                "trigger": norm[: m.start()] or None}
    if _TIMELY.search(norm):
        return {"kind": "timely"}
    if _WITH_EVENT.search(norm):
        return {"kind": "with_event"}
    return {}
