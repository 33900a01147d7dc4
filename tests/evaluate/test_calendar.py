"""The official working-day calendar (evaluate/calendar.py): the holidays and 调休 days issue 19 lists, civil-law
counting (民法典 第二百零一条, 第二百零三条) and dates outside the library's range.

Expected days are written out from the 国务院办公厅 holiday notices, not computed from the library."""

from __future__ import annotations

import datetime as dt

import pytest

from govopen_std.evaluate.calendar import CalendarRangeError, WorkCalendar, official_calendar
from govopen_std.model.deadline import Deadline

D = dt.date

# (day, is a working day) from the notices of 2018 (清明、劳动节), 2020 (春节 extended to 2 February) and the
# make-up weekends of 2024 and 2025.
OFFICIAL_DAYS = [
    (D(2018, 4, 4), True), (D(2018, 4, 5), False), (D(2018, 4, 6), False), (D(2018, 4, 7), False),
    (D(2018, 4, 8), True),    # Sunday, make-up working day for 清明
    (D(2018, 4, 28), True),   # Saturday, make-up working day for 劳动节
    (D(2018, 4, 29), False), (D(2018, 4, 30), False), (D(2018, 5, 1), False), (D(2018, 5, 2), True),
    (D(2020, 1, 19), True),   # Sunday, make-up working day for 春节 2020
    (D(2020, 1, 24), False), (D(2020, 1, 31), False), (D(2020, 2, 1), False), (D(2020, 2, 2), False),
    (D(2020, 2, 3), True),
    (D(2024, 2, 4), True), (D(2024, 2, 16), False), (D(2024, 2, 18), True), (D(2024, 4, 7), True),
    (D(2024, 4, 28), True), (D(2024, 5, 11), True), (D(2024, 9, 14), True), (D(2024, 9, 29), True),
    (D(2024, 10, 12), True), (D(2024, 10, 7), False),
    (D(2025, 1, 26), True), (D(2025, 2, 4), False), (D(2025, 2, 8), True), (D(2025, 4, 27), True),
    (D(2025, 9, 28), True), (D(2025, 10, 8), False), (D(2025, 10, 11), True),
    (D(2018, 6, 16), False),  # an ordinary Saturday
]


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return official_calendar()


@pytest.mark.parametrize(("day", "working"), OFFICIAL_DAYS, ids=[d.isoformat() for d, _ in OFFICIAL_DAYS])
def test_official_working_days(cal: WorkCalendar, day: dt.date, working: bool) -> None:
    assert cal.is_workday(day) is working


@pytest.mark.parametrize(("start", "n", "last"), [
    (D(2018, 4, 2), 5, D(2018, 4, 10)),    # over 清明 2018, the Sunday 8 April counts
    (D(2018, 4, 27), 1, D(2018, 4, 28)),   # the make-up Saturday is the first working day
    (D(2018, 4, 27), 2, D(2018, 5, 2)),    # over 劳动节 2018
    (D(2020, 1, 23), 1, D(2020, 2, 3)),    # the extended Spring Festival of 2020 ends on 2 February
    (D(2024, 2, 8), 2, D(2024, 2, 18)),    # 春节 2024: the Sunday 18 February is a working day
    (D(2025, 9, 26), 1, D(2025, 9, 28)),   # the Sunday 28 September 2025 is a working day
    (D(2018, 6, 4), 20, D(2018, 7, 3)),    # "20 个工作日内" from a Monday, over 端午 (18 June 2018)
])
def test_nth_working_day_after_formation(cal: WorkCalendar, start: dt.date, n: int, last: dt.date) -> None:
    assert cal.nth_after(start, n) == last


def test_the_day_of_formation_is_not_counted(cal: WorkCalendar) -> None:
    # formed on a working day: the first of "1 个工作日内" is the next working day, not the same day
    assert cal.nth_after(D(2018, 3, 5), 1) == D(2018, 3, 6)
    assert cal.count_after(D(2018, 3, 5), D(2018, 3, 5)) == 0
    assert cal.count_after(D(2018, 3, 5), D(2018, 3, 6)) == 1


@pytest.mark.parametrize(("last", "published", "late"), [
    (D(2018, 7, 3), D(2018, 7, 3), 0),     # published on the last day: on time
    (D(2018, 7, 3), D(2018, 7, 4), 1),
    (D(2018, 4, 27), D(2018, 5, 2), 2),    # 28 April (make-up Saturday) and 2 May
    (D(2018, 4, 27), D(2018, 4, 30), 1),   # only the Saturday 28 April; 29 and 30 April are holidays
    (D(2018, 7, 3), D(2018, 6, 1), 0),     # published before the last day
    (D(2020, 1, 23), D(2020, 2, 3), 1),
])
def test_days_late_counts_working_days_after_the_last_day(cal: WorkCalendar, last: dt.date, published: dt.date,
                                                          late: int) -> None:
    assert cal.days_late(last, published) == late


def test_working_day_deadline_last_day(cal: WorkCalendar) -> None:
    deadline = Deadline(text="信息形成或者变更之日起20个工作日内")
    assert cal.last_day(deadline, D(2018, 6, 4)) == D(2018, 7, 3)


def test_calendar_day_deadline_ending_on_a_holiday_moves_to_the_day_after_it(cal: WorkCalendar) -> None:
    # 民法典 第二百零三条: 21 September 2018 + 10 days = 1 October, inside 国庆 (1–7 October): ends 8 October
    assert cal.last_day(Deadline(text="收到之日起10日内"), D(2018, 9, 21)) == D(2018, 10, 8)
    # an ordinary last day stays: 1 March 2018 + 7 days = 8 March (a Thursday)
    assert cal.last_day(Deadline(text="收到之日起7日内"), D(2018, 3, 1)) == D(2018, 3, 8)
    # a last day on a make-up Saturday is a working day, so it is not moved: 21 April + 7 = 28 April 2018
    assert cal.last_day(Deadline(text="收到之日起7日内"), D(2018, 4, 21)) == D(2018, 4, 28)


def test_deadlines_without_a_last_day(cal: WorkCalendar) -> None:
    for text in ("及时公开", "与政策文件同步公开", "公示期不少于7日", "原则上于采购活动开始30日前公开", "招生报名开始前公布"):
        assert cal.last_day(Deadline(text=text), D(2018, 3, 1)) is None, text


def test_span_of_a_notice(cal: WorkCalendar) -> None:
    # 公示 from 1 March to 8 March 2018: 7 calendar days (the first day is not counted), 5 working days
    assert cal.span(D(2018, 3, 1), D(2018, 3, 8), working=False) == 7
    assert cal.span(D(2018, 3, 1), D(2018, 3, 8), working=True) == 5
    assert cal.span(D(2018, 3, 8), D(2018, 3, 1), working=False) == 0


@pytest.mark.parametrize("day", [D(2003, 12, 31), D(2027, 1, 4), D(2030, 10, 3)])
def test_dates_outside_the_library_range_are_refused(cal: WorkCalendar, day: dt.date) -> None:
    with pytest.raises(CalendarRangeError) as err:
        cal.is_workday(day)
    assert err.value.day == day
    assert (err.value.first, err.value.last) == (D(2004, 1, 1), D(2026, 12, 31))
    with pytest.raises(CalendarRangeError):
        cal.count_after(D(2018, 1, 1), day)
    with pytest.raises(CalendarRangeError):
        cal.last_day(Deadline(text="信息形成之日起20个工作日内"), day)
    with pytest.raises(CalendarRangeError):
        cal.span(day, D(2018, 1, 1), working=False)


def test_counting_past_the_end_of_the_range_is_refused(cal: WorkCalendar) -> None:
    # 20 working days after 20 December 2026 lie in 2027, which the calendar does not know
    with pytest.raises(CalendarRangeError) as err:
        cal.nth_after(D(2026, 12, 20), 20)
    assert err.value.day == D(2027, 1, 1)  # the first day the calendar does not know
    with pytest.raises(CalendarRangeError):
        cal.last_day(Deadline(text="收到之日起30日内"), D(2026, 12, 20))
    assert cal.nth_after(D(2026, 12, 28), 1) == D(2026, 12, 29)


def test_covers(cal: WorkCalendar) -> None:
    assert cal.covers(D(2004, 1, 1)) and cal.covers(D(2026, 12, 31))
    assert not cal.covers(D(2003, 12, 31)) and not cal.covers(D(2027, 1, 1))


def test_a_range_that_ends_on_a_weekend() -> None:
    # a calendar whose last days are not working days: nothing after them can be the next working day
    week = WorkCalendar(D(2018, 3, 5), D(2018, 3, 11), [D(2018, 3, d) for d in range(5, 10)])
    assert week.next_workday_from(D(2018, 3, 9)) == D(2018, 3, 9)
    assert week.next_workday_from(D(2018, 3, 5)) == D(2018, 3, 5)
    with pytest.raises(CalendarRangeError):
        week.next_workday_from(D(2018, 3, 10))
    with pytest.raises(CalendarRangeError):
        week.nth_after(D(2018, 3, 8), 2)
    assert week.nth_after(D(2018, 3, 8), 1) == D(2018, 3, 9)
    assert week.count_after(D(2018, 3, 5), D(2018, 3, 11)) == 4


def test_range_error_names_the_date_and_the_range() -> None:
    err = CalendarRangeError(D(2027, 1, 4), D(2004, 1, 1), D(2026, 12, 31))
    assert str(err) == "2027-01-04 is outside 2004-01-01..2026-12-31"


def test_a_deadline_of_zero_working_days_ends_on_the_next_working_day(cal: WorkCalendar) -> None:
    # "0 个工作日内" cannot end before the first counted day: it is read as 1
    assert cal.last_day(Deadline(text="形成之日起0个工作日内"), D(2018, 4, 27)) == D(2018, 4, 28)


def test_a_calendar_day_deadline_needs_its_start_in_the_calendar(cal: WorkCalendar) -> None:
    # 10 calendar days from 25 December 2003 end inside the calendar, but the formation day is outside it:
    # nothing can say whether the count began on a working day, so it is refused, not guessed
    with pytest.raises(CalendarRangeError) as err:
        cal.last_day(Deadline(text="信息形成之日起10日内"), D(2003, 12, 25))
    assert err.value.day == D(2003, 12, 25)
    with pytest.raises(CalendarRangeError) as late:
        cal.last_day(Deadline(text="信息形成之日起10日内"), D(2026, 12, 28))  # ends in January 2027
    assert late.value.day == D(2027, 1, 7)
