"""Item statuses (evaluate/scorer.py) from ledgers stored with evaluate/store.py: each status, days_late in working
days, missing channels, 公示 length, dates outside the calendar, and the overlay's stricter deadline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from scoring_helpers import COUNTY, Ledger, catalog, resolved

from govopen_std.evaluate.calendar import WorkCalendar, official_calendar
from govopen_std.evaluate.period import parse_period
from govopen_std.evaluate.result import ItemResult
from govopen_std.evaluate.scorer import EVIDENCE_LIMIT, Problems, score_items
from govopen_std.model.deadline import Deadline
from govopen_std.model.item import Item
from govopen_std.resolve.catalog import ResolvedItem

D = dt.date
WITHIN_20 = "信息形成或者变更之日起20个工作日内"


@pytest.fixture
def ledger(tmp_path: Path) -> Ledger:
    return Ledger(tmp_path)


@pytest.fixture(scope="module")
def cal() -> WorkCalendar:
    return official_calendar()


def score(ledger: Ledger, cal: WorkCalendar, *items: ResolvedItem, period: str = "2018",
          problems: Problems | None = None) -> dict[str, ItemResult]:
    p = parse_period(period)
    results = score_items(catalog(*items), ledger.rows(p), p, cal, problems or Problems())
    assert [r.code for r in results] == [i.code for i in items]  # catalog order, every item
    return {r.code: r for r in results}


def test_on_time_on_the_last_day(ledger: Ledger, cal: WorkCalendar) -> None:
    where = ledger.add("ZDBC-01-01", "2018-06-04", "2018-07-03")
    got = score(ledger, cal, resolved("ZDBC-01-01", WITHIN_20))["ZDBC-01-01"]
    assert (got.status, got.days_late, got.publications) == ("on_time", None, 1)
    assert (got.due, got.published) == (D(2018, 7, 3), D(2018, 7, 3))
    assert got.evidence == [where]
    assert got.deadline == WITHIN_20 and got.missing_channels == []


def test_late_by_working_days_after_the_last_day(ledger: Ledger, cal: WorkCalendar) -> None:
    where = ledger.add("ZDBC-01-01", "2018-06-04", "2018-07-05")
    got = score(ledger, cal, resolved("ZDBC-01-01", WITHIN_20))["ZDBC-01-01"]
    assert (got.status, got.days_late, got.due) == ("late", 2, D(2018, 7, 3))
    assert got.evidence == [where] and where == "台账.xlsx:台账:2"


def test_late_over_a_holiday_counts_only_working_days(ledger: Ledger, cal: WorkCalendar) -> None:
    # 5 working days from 20 April 2018 end on 27 April; published 2 May: 28 April (make-up) and 2 May
    ledger.add("ZDBC-02-02", "2018-04-20", "2018-05-02")
    got = score(ledger, cal, resolved("ZDBC-02-02", "土地现状调查结果确认后5个工作日内"))["ZDBC-02-02"]
    assert (got.status, got.days_late, got.due) == ("late", 2, D(2018, 4, 27))


def test_the_worst_publication_decides(ledger: Ledger, cal: WorkCalendar) -> None:
    ok = ledger.add("ZDBC-01-01", "2018-03-01", "2018-03-02")
    one = ledger.add("ZDBC-01-01", "2018-06-04", "2018-07-04")
    three = ledger.add("ZDBC-01-01", "2018-06-04", "2018-07-06")
    got = score(ledger, cal, resolved("ZDBC-01-01", WITHIN_20))["ZDBC-01-01"]
    assert (got.status, got.days_late, got.publications) == ("late", 3, 3)
    assert got.evidence == [one, three] and ok not in got.evidence
    assert got.published == D(2018, 3, 2)
    # the first trigger in the period: 20 working days from 1 March 2018 end on 29 March
    assert got.due == D(2018, 3, 29)


def test_missing_when_nothing_was_published_in_the_period(ledger: Ledger, cal: WorkCalendar) -> None:
    ledger.add("ZDBC-01-01", "2017-11-01", "2017-11-02")   # another period
    ledger.add("ZDBC-01-02", "2018-03-01", "2018-03-02")   # another item
    got = score(ledger, cal, resolved("ZDBC-01-01", WITHIN_20), resolved("ZDBC-01-02", WITHIN_20))
    assert (got["ZDBC-01-01"].status, got["ZDBC-01-01"].publications) == ("missing", 0)
    assert got["ZDBC-01-01"].evidence == [] and got["ZDBC-01-01"].days_late is None
    assert got["ZDBC-01-02"].status == "on_time"


def test_not_due_when_the_deadline_runs_past_the_period(ledger: Ledger, cal: WorkCalendar) -> None:
    # formed 20 June 2018, 20 working days end 18 July, after Q2: not yet due in 2018Q2
    where = ledger.add("ZDBC-01-01", "2018-06-20", "2018-07-10")
    got = score(ledger, cal, resolved("ZDBC-01-01", WITHIN_20), period="2018Q2")["ZDBC-01-01"]
    assert (got.status, got.due, got.publications) == ("not_due", D(2018, 7, 18), 0)
    assert got.evidence == [where]
    # the same row is an ordinary publication of Q3
    q3 = score(ledger, cal, resolved("ZDBC-01-01", WITHIN_20), period="2018Q3")["ZDBC-01-01"]
    assert (q3.status, q3.publications) == ("on_time", 1)


def test_missing_when_the_deadline_fell_due_inside_the_period(ledger: Ledger, cal: WorkCalendar) -> None:
    # formed 2 May 2018: the 20 working days end 31 May, inside Q2, and nothing was published in Q2
    ledger.add("ZDBC-01-01", "2018-05-02", "2018-07-10")
    got = score(ledger, cal, resolved("ZDBC-01-01", WITHIN_20), period="2018Q2")["ZDBC-01-01"]
    assert (got.status, got.due) == ("missing", None)


def test_not_due_for_a_deadline_without_a_last_day(ledger: Ledger, cal: WorkCalendar) -> None:
    ledger.add("ZDBC-03-01", "2018-06-29", "2018-07-02")
    got = score(ledger, cal, resolved("ZDBC-03-01", "验收后及时公开"), period="2018Q2")["ZDBC-03-01"]
    assert got.status == "not_due" and got.due is None


def test_not_applicable_items_keep_their_count(ledger: Ledger, cal: WorkCalendar) -> None:
    ledger.add("ZDBC-02-02", "2018-03-01", "2018-09-01")  # late, but the county does not apply the item
    got = score(ledger, cal, resolved("ZDBC-02-02", WITHIN_20, status="not_applicable"))["ZDBC-02-02"]
    assert (got.status, got.days_late, got.publications) == ("not_applicable", None, 1)


def test_missing_channels(ledger: Ledger, cal: WorkCalendar) -> None:
    required = ("政府网站", "两微一端", "政务服务中心")
    ledger.add("ZDBC-01-01", "2018-03-01", "2018-03-02", channels=("政府网站",))
    ledger.add("ZDBC-01-01", "2018-04-01", "2018-04-02", channels=("政务服务中心", "纸质媒体"))
    ledger.add("ZDBC-01-02", "2018-03-01", "2018-03-02", channels=("两微一端", "政务服务中心", "政府网站"))
    ledger.add("ZDBC-01-03", "2018-03-01", "2018-03-02", channels=("两微一端",), kind="解读")
    ledger.add("ZDBC-01-03", "2018-03-01", "2018-03-02", channels=())
    got = score(ledger, cal, *(resolved(c, WITHIN_20, required) for c in ("ZDBC-01-01", "ZDBC-01-02", "ZDBC-01-03")))
    assert got["ZDBC-01-01"].missing_channels == ["两微一端"]
    assert got["ZDBC-01-02"].missing_channels == []
    # a 解读 row is not a publication of the item: neither counted nor its channels used
    assert (got["ZDBC-01-03"].publications, got["ZDBC-01-03"].missing_channels) == (1, list(required))


@pytest.mark.parametrize(("notice_end", "status", "short"), [
    ("2018-03-08", "late", 5),      # 1–8 March 2018: 5 working days of the 10 required
    ("2018-03-15", "on_time", None),  # exactly 10 working days
    ("2018-03-16", "on_time", None),
])
def test_notice_of_at_least_n_working_days(ledger: Ledger, cal: WorkCalendar, notice_end: str, status: str,
                                           short: int | None) -> None:
    ledger.add("ZDBC-02-01", "2018-03-01", "2018-03-01", notice_end=notice_end)
    got = score(ledger, cal, resolved("ZDBC-02-01", "征收土地预公告时间不少于10个工作日"))["ZDBC-02-01"]
    assert (got.status, got.days_late) == (status, short)


def test_notice_of_at_least_n_calendar_days(ledger: Ledger, cal: WorkCalendar) -> None:
    ledger.add("ZDBC-02-01", "2018-03-01", "2018-03-01", notice_end="2018-03-07")  # 6 days of 7
    ledger.add("ZDBC-02-03", "2018-03-01", "2018-03-01", notice_end="2018-03-08")  # 7 days
    got = score(ledger, cal, resolved("ZDBC-02-01", "公示期不少于7日"), resolved("ZDBC-02-03", "公示期不少于7日"))
    assert (got["ZDBC-02-01"].status, got["ZDBC-02-01"].days_late) == ("late", 1)
    assert got["ZDBC-02-03"].status == "on_time"


@pytest.mark.parametrize("deadline", ["及时公开", "与政策文件同步公开", "招生报名开始前公布", None])
def test_deadlines_without_a_last_day_are_on_time_once_published(ledger: Ledger, cal: WorkCalendar,
                                                                 deadline: str | None) -> None:
    ledger.add("ZDBC-01-01", "2018-01-02", "2018-12-28")
    got = score(ledger, cal, resolved("ZDBC-01-01", deadline))["ZDBC-01-01"]
    assert (got.status, got.days_late, got.due) == ("on_time", None, None)


def test_dates_outside_the_calendar_are_reported_not_guessed(ledger: Ledger, cal: WorkCalendar) -> None:
    where = ledger.add("ZDBC-01-01", "2003-12-30", "2018-01-05")
    problems = Problems()
    got = score(ledger, cal, resolved("ZDBC-01-01", WITHIN_20), problems=problems)["ZDBC-01-01"]
    assert [(p.provenance, p.column, p.value) for p in problems.range] == [(where, "formed", "2003-12-30")]
    assert (got.status, got.publications, got.days_late) == ("on_time", 1, None)


def test_pending_rows_outside_the_calendar_are_reported(ledger: Ledger, cal: WorkCalendar) -> None:
    where = ledger.add("ZDBC-01-01", "2003-12-30", "2027-01-05")
    problems = Problems()
    got = score(ledger, cal, resolved("ZDBC-01-01", WITHIN_20), problems=problems)["ZDBC-01-01"]
    assert [(p.provenance, p.column, p.value) for p in problems.range] == [(where, "formed", "2003-12-30")]
    assert got.status == "missing"


def test_publications_count_only_rows_of_the_period_and_of_the_county(ledger: Ledger, cal: WorkCalendar) -> None:
    ledger.add("ZDBC-01-01", "2018-03-01", "2018-03-02")
    ledger.add("ZDBC-01-01", "2018-03-01", "2018-04-02")
    ledger.add("ZDBC-01-01", "2018-03-01", "2018-03-02", county="330106")
    ledger.add("ZDBC-01-01", "2018-12-20", "2019-01-02")
    ledger.add("ZDBC-01-01", "2018-03-01", "2018-03-03", kind="解读", related="ZDBC-01-01")
    got = score(ledger, cal, resolved("ZDBC-01-01", WITHIN_20))["ZDBC-01-01"]
    assert got.publications == 2
    q1 = score(ledger, cal, resolved("ZDBC-01-01", WITHIN_20), period="2018Q1")["ZDBC-01-01"]
    assert q1.publications == 1
    span = score(ledger, cal, resolved("ZDBC-01-01", WITHIN_20), period="2018-03-02..2018-03-02")["ZDBC-01-01"]
    assert span.publications == 1


def test_evidence_is_capped(ledger: Ledger, cal: WorkCalendar) -> None:
    for day in range(1, 29):
        ledger.add("ZDBC-01-01", "2018-01-02", f"2018-06-{day:02d}")
    got = score(ledger, cal, resolved("ZDBC-01-01", WITHIN_20))["ZDBC-01-01"]
    assert got.publications == 28 and len(got.evidence) == EVIDENCE_LIMIT == 20


def test_spot_checked_items_are_marked(ledger: Ledger, cal: WorkCalendar) -> None:
    ledger.add("ZDBC-01-01", None, None, kind="抽查", found=False)
    got = score(ledger, cal, resolved("ZDBC-01-01", WITHIN_20), resolved("ZDBC-01-02", WITHIN_20))
    assert got["ZDBC-01-01"].spot_checked and not got["ZDBC-01-02"].spot_checked
    assert got["ZDBC-01-01"].status == "missing"  # a spot check is not a publication


def test_rows_of_another_county_are_not_read(ledger: Ledger, cal: WorkCalendar) -> None:
    ledger.add("ZDBC-01-01", "2018-03-01", "2018-03-02", county="330106")
    rows = ledger.rows(parse_period("2018"), COUNTY)
    assert not rows.publications and not rows.pending


def test_last_day_on_the_period_end_is_due_inside_it(ledger: Ledger, cal: WorkCalendar) -> None:
    # formed 31 May 2018: the 20 working days (端午 18 June is a holiday) end on Friday 29 June
    ledger.add("ZDBC-01-01", "2018-05-31", "2018-07-02")
    item = resolved("ZDBC-01-01", WITHIN_20)
    on_end = score(ledger, cal, item, period="2018-01-01..2018-06-29")["ZDBC-01-01"]
    assert on_end.status == "missing"
    before_end = score(ledger, cal, item, period="2018-01-01..2018-06-28")["ZDBC-01-01"]
    assert (before_end.status, before_end.due) == ("not_due", D(2018, 6, 29))


def test_not_due_without_any_deadline(ledger: Ledger, cal: WorkCalendar) -> None:
    ledger.add("ZDBC-01-01", "2018-06-29", "2018-07-02")
    got = score(ledger, cal, resolved("ZDBC-01-01", None), period="2018Q2")["ZDBC-01-01"]
    assert (got.status, got.due) == ("not_due", None)


def test_item_name_defaults_to_the_last_category(ledger: Ledger, cal: WorkCalendar) -> None:
    item = Item.model_validate({"code": "ZDBC-03-01", "category": ["征地实施", "征地公告"]})
    named = Item.model_validate({"code": "ZDBC-03-02", "category": ["征地实施", "征地公告"], "name": "征收土地公告"})
    got = score(ledger, cal, ResolvedItem(item, "zdbc-01", "zdbc", {}), ResolvedItem(named, "zdbc-01", "zdbc", {}))
    assert (got["ZDBC-03-01"].name, got["ZDBC-03-02"].name) == ("征地公告", "征收土地公告")
    assert got["ZDBC-03-01"].domain == "zdbc"


def test_structured_deadlines_without_days_are_not_judged(ledger: Ledger, cal: WorkCalendar) -> None:
    ledger.add("ZDBC-01-01", "2018-01-02", "2018-12-28", notice_end="2018-12-29")
    ledger.add("ZDBC-01-02", "2018-01-02", "2018-12-28", notice_end="2018-12-29")
    ledger.add("ZDBC-01-03", "2018-01-02", "2018-12-28")  # no 公示截止日期 in the ledger
    within = ResolvedItem(Item(code="ZDBC-01-01", category=["a"], deadline=Deadline(text="限期", kind="within")),
                          "zdbc-01", "zdbc", {})
    notice = ResolvedItem(Item(code="ZDBC-01-02", category=["b"], deadline=Deadline(text="公示", kind="at_least")),
                          "zdbc-01", "zdbc", {})
    unknown_end = resolved("ZDBC-01-03", "公示期不少于7日")
    got = score(ledger, cal, within, notice, unknown_end)
    assert [(r.status, r.days_late, r.due) for r in got.values()] == [("on_time", None, None)] * 3


@pytest.mark.parametrize(("deadline", "notice_end", "column", "value"), [
    (WITHIN_20, None, "published", "2027-01-05"),
    ("公示期不少于7个工作日", "2027-01-08", "notice_end", "2027-01-08"),
    ("公示期不少于7日", "2027-01-08", "notice_end", "2027-01-08"),
])
def test_each_column_outside_the_calendar_is_named(ledger: Ledger, cal: WorkCalendar, deadline: str,
                                                   notice_end: str | None, column: str, value: str) -> None:
    where = ledger.add("ZDBC-01-01", "2026-12-01", "2027-01-05" if column == "published" else "2026-12-28",
                       notice_end=notice_end)
    problems = Problems()
    got = score(ledger, cal, resolved("ZDBC-01-01", deadline), period="2026-01-01..2027-12-31",
                problems=problems)["ZDBC-01-01"]
    assert [(p.provenance, p.column, p.value) for p in problems.range] == [(where, column, value)]
    assert got.status == "on_time" and got.publications == 1
