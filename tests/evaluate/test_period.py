"""--period values (evaluate/period.py): the four accepted forms and what is refused."""

from __future__ import annotations

import datetime as dt

import pytest

from govopen_std.evaluate.period import PeriodError, parse_period

D = dt.date


@pytest.mark.parametrize(("text", "label", "start", "end"), [
    ("2018", "2018", D(2018, 1, 1), D(2018, 12, 31)),
    ("2018Q1", "2018Q1", D(2018, 1, 1), D(2018, 3, 31)),
    ("2018q2", "2018Q2", D(2018, 4, 1), D(2018, 6, 30)),
    ("2018Q3", "2018Q3", D(2018, 7, 1), D(2018, 9, 30)),
    ("2018Q4", "2018Q4", D(2018, 10, 1), D(2018, 12, 31)),
    ("2018H1", "2018H1", D(2018, 1, 1), D(2018, 6, 30)),
    ("2018H2", "2018H2", D(2018, 7, 1), D(2018, 12, 31)),
    ("2020Q1", "2020Q1", D(2020, 1, 1), D(2020, 3, 31)),
    (" 2018-01-01..2018-06-30 ", "2018-01-01..2018-06-30", D(2018, 1, 1), D(2018, 6, 30)),
    ("2018-03-05..2018-03-05", "2018-03-05..2018-03-05", D(2018, 3, 5), D(2018, 3, 5)),
])
def test_accepted_periods(text: str, label: str, start: dt.date, end: dt.date) -> None:
    period = parse_period(text)
    assert (period.label, period.start, period.end) == (label, start, end)


@pytest.mark.parametrize("text", ["", "18", "2018Q0", "2018Q5", "2018H3", "2018-13", "0000", "0000Q1",
                                  "2018-06-30..2018-01-01", "2018-02-30..2018-03-01", "2018-01-01..",
                                  "2018-01-01...2018-02-01", "2018/01/01..2018/02/01", "Q1 2018", "２０１８"])
def test_refused_periods(text: str) -> None:
    with pytest.raises(PeriodError):
        parse_period(text)
