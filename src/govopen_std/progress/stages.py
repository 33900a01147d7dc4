"""The rules of progress: the stage a standard is at on a date, when its planned month falls due, quarters.

The definitions (documented in the README, section "标准制定进度"):

- **Required stage.** A planned month (实施时间, e.g. 2017-12) requires the standard to be **发布**
  (published) by the end of that month: Annex 1 gives the month a standard is to be implemented, and a
  DB33/T local standard can only be implemented once it is issued. 废止 counts as having reached 发布
  (a standard is only withdrawn after it was issued).
- **Due.** A standard is due on the first day after its planned month (2017-12 → 2018-01-01). A report
  as of 2017-12-31 does not yet count a 2017-12 standard as due; a report as of 2018-01-01 does.
- **Stage on a date.** The last `status_history` entry dated on or before the date (the date itself
  counts). Without a history the current `status` is taken to hold on every date. The `issued` date is
  the stronger record: on or after it the standard is 发布 whatever the history says; before it a 发布
  recorded in the history does not count yet. With nothing recorded on or before the date the stage is
  未记录 (not done).
- **Quarters.** The report covers the calendar quarter that contains the as-of date.
"""

from __future__ import annotations

import datetime as dt

from govopen_std.model.system import StandardProject, StatusChange

ORDER: tuple[str, ...] = ("预研", "立项", "起草", "征求意见", "审查", "批准", "发布")
REQUIRED_STAGE = "发布"
DONE_STAGES = frozenset({"发布", "废止"})
UNRECORDED = "未记录"  # no stage recorded on or before the date
QUARTER_NAMES = ("第一季度", "第二季度", "第三季度", "第四季度")


def due_date(month: str) -> dt.date:
    """The first day on which a standard planned for `month` counts as due."""
    year, mon = (int(part) for part in month.split("-"))
    return dt.date(year + mon // 12, mon % 12 + 1, 1)


def is_due(month: str, as_of: dt.date) -> bool:
    return as_of >= due_date(month)


def stage_on(project: StandardProject, as_of: dt.date) -> str:
    """The stage the standard was at on `as_of` (see the module docstring for the rules)."""
    stage = _recorded_stage(project, as_of)
    if project.issued is None:
        return stage
    if project.issued <= as_of:
        return stage if stage in DONE_STAGES else REQUIRED_STAGE  # the issue date proves publication
    if stage in DONE_STAGES:  # recorded as published, but the issue date is still to come
        earlier = [h.status for h in _history(project) if h.date <= as_of and h.status not in DONE_STAGES]
        return earlier[-1] if earlier else UNRECORDED
    return stage


def _history(project: StandardProject) -> list[StatusChange]:
    # a stable sort: entries of the same day keep their file order
    return sorted(project.status_history, key=lambda h: h.date)


def _recorded_stage(project: StandardProject, as_of: dt.date) -> str:
    if not project.status_history:
        return project.status
    dated = [h for h in _history(project) if h.date <= as_of]
    return dated[-1].status if dated else UNRECORDED


def is_done(stage: str) -> bool:
    return stage in DONE_STAGES


def quarter_of(day: dt.date) -> tuple[int, int]:
    """(year, quarter 1–4) of a date."""
    return day.year, (day.month - 1) // 3 + 1


def quarter_label(day: dt.date) -> str:
    year, quarter = quarter_of(day)
    return f"{year}年{QUARTER_NAMES[quarter - 1]}"


def quarter_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of the quarter that contains `day`."""
    year, quarter = quarter_of(day)
    start = dt.date(year, 3 * quarter - 2, 1)
    end = due_date(f"{year}-{3 * quarter:02d}") - dt.timedelta(days=1)
    return start, end


def date_label(day: dt.date) -> str:
    """2018-01-01 → 2018年1月1日 (GB/T 9704: full year, no padding zeros)."""
    return f"{day.year}年{day.month}月{day.day}日"
