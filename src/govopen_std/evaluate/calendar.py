"""The official working-day calendar of the 国务院办公厅 holiday notices, and deadline arithmetic on it.

The days come from the maintained `chinesecalendar` package (statutory holidays and the 调休 make-up working
days). It was chosen over `holidays` by test (README, 测试): both get Qingming and Labour Day 2018, the extended
Spring Festival of 2020 and the make-up weekends of 2024 and 2025 right, but `holidays` answers for any year,
including years whose 调休 were never announced, while `chinesecalendar` states its range and refuses the rest,
so a date outside it is a located error (`CalendarRangeError`) and never a silent guess.

Counting follows 《中华人民共和国民法典》: the day the period starts is not counted (第二百零一条), and a period
whose last day is a 法定休假日 ends on the day after that holiday ends (第二百零三条).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import chinese_calendar

from govopen_std.model.deadline import Deadline


class CalendarRangeError(ValueError):
    """A date the official calendar does not cover."""

    def __init__(self, day: dt.date, first: dt.date, last: dt.date) -> None:
        super().__init__(f"{day.isoformat()} is outside {first.isoformat()}..{last.isoformat()}")
        self.day = day
        self.first = first
        self.last = last


@dataclass(frozen=True)
class RangeProblem:
    """A ledger date the official calendar does not cover: the row's provenance, its column and the date."""

    provenance: str
    column: str
    value: str


class WorkCalendar:
    """Working days between `first` and `last` (inclusive), indexed for O(1) counting."""

    def __init__(self, first: dt.date, last: dt.date, workdays: list[dt.date]) -> None:
        self.first = first
        self.last = last
        self._days = workdays                              # sorted working days
        self._ordinals = [d.toordinal() for d in workdays]
        self._set = frozenset(self._ordinals)

    def _check(self, day: dt.date) -> int:
        if not self.first <= day <= self.last:
            raise CalendarRangeError(day, self.first, self.last)
        return day.toordinal()

    def covers(self, day: dt.date) -> bool:
        return self.first <= day <= self.last

    def is_workday(self, day: dt.date) -> bool:
        return self._check(day) in self._set

    def count_after(self, start: dt.date, end: dt.date) -> int:
        """Working days in (start, end]: `start` itself is not counted (民法典 第二百零一条); 0 when end <= start."""
        a, b = self._check(start), self._check(end)
        if b <= a:
            return 0
        return bisect_right(self._ordinals, b) - bisect_right(self._ordinals, a)

    def nth_after(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after `start` (n >= 1): the last day of "n 个工作日内" counted from `start`."""
        index = bisect_right(self._ordinals, self._check(start)) + n - 1
        if index >= len(self._days):
            raise CalendarRangeError(self.last + dt.timedelta(days=1), self.first, self.last)
        return self._days[index]

    def next_workday_from(self, day: dt.date) -> dt.date:
        """`day` if it is a working day, else the day after the holiday it falls in ends (民法典 第二百零三条)."""
        index = bisect_right(self._ordinals, self._check(day) - 1)
        if index >= len(self._days):
            raise CalendarRangeError(day, self.first, self.last)
        return self._days[index]

    def last_day(self, deadline: Deadline, start: dt.date) -> dt.date | None:
        """The last day of a `within` deadline counted from `start`; None for other kinds (no last day)."""
        if deadline.kind != "within" or deadline.days is None:
            return None
        if deadline.working_days:
            return self.nth_after(start, max(deadline.days, 1))
        return self.next_workday_from(self._plus_days(start, deadline.days))

    def _plus_days(self, start: dt.date, days: int) -> dt.date:
        end = start + dt.timedelta(days=days)
        self._check(start)
        self._check(end)
        return end

    def days_late(self, last_day: dt.date, published: dt.date) -> int:
        """Working days after the last day up to and including the publication date (0 when on time)."""
        return self.count_after(last_day, published)

    def span(self, start: dt.date, end: dt.date, *, working: bool) -> int:
        """Length of the period from `start` (not counted) to `end` (counted), in working or calendar days."""
        if working:
            return self.count_after(start, end)
        self._check(start)
        self._check(end)
        return max((end - start).days, 0)


@lru_cache(maxsize=1)
def official_calendar() -> WorkCalendar:
    """The calendar the installed `chinesecalendar` covers (built once; about 8,000 days)."""
    years = sorted({d.year for d in chinese_calendar.holidays} | {d.year for d in chinese_calendar.workdays})
    first, last = dt.date(years[0], 1, 1), dt.date(years[-1], 12, 31)
    return WorkCalendar(first, last, chinese_calendar.get_workdays(first, last, include_weekends=True))
