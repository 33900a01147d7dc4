"""The evaluation period of `govopen evaluate --period`: 2018Q1, 2018H1, 2018 or 2018-01-01..2018-06-30."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from govopen_std.evaluate.result import Period

_YEAR = re.compile(r"^(\d{4})$", re.ASCII)
_QUARTER = re.compile(r"^(\d{4})Q([1-4])$", re.ASCII)
_HALF = re.compile(r"^(\d{4})H([12])$", re.ASCII)
_RANGE = re.compile(r"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$", re.ASCII)


class PeriodError(ValueError):
    """A --period value that is none of the accepted forms (or a range that ends before it starts)."""


def _months(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, first, 1), dt.date(year, last, calendar.monthrange(year, last)[1])


def parse_period(text: str) -> Period:
    """`text` as a `Period` (inclusive dates); raises `PeriodError` for anything else."""
    label = text.strip().upper()
    try:
        start, end = _bounds(label)
    except ValueError as exc:  # year 0000, or a range such as 2018-02-30
        raise PeriodError(text) from exc
    if end < start:
        raise PeriodError(text)
    return Period(label=label, start=start, end=end)


def _bounds(label: str) -> tuple[dt.date, dt.date]:
    if m := _YEAR.match(label):
        return _months(int(m.group(1)), 1, 12)
    if m := _QUARTER.match(label):
        quarter = int(m.group(2))
        return _months(int(m.group(1)), 3 * quarter - 2, 3 * quarter)
    if m := _HALF.match(label):
        half = int(m.group(2))
        return _months(int(m.group(1)), 6 * half - 5, 6 * half)
    if m := _RANGE.match(label):
        return dt.date.fromisoformat(m.group(1)), dt.date.fromisoformat(m.group(2))
    raise ValueError(label)
