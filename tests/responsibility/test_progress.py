"""Progress as of a date: which standards are due, done and overdue, per group and unit, at the quarter boundaries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from resp_helpers import annex1_rows, registry_of, sources_of, workspace_with_registry

from govopen_std.model.organization import OrganizationRegistry
from govopen_std.model.system import STATUSES, StandardProject, StatusChange, System
from govopen_std.progress import stages
from govopen_std.progress.compute import compute_progress, unit_index
from govopen_std.progress.summary import report_records, summary_text

D = dt.date


@pytest.fixture(scope="module")
def data(tmp_path_factory: pytest.TempPathFactory) -> tuple[System, OrganizationRegistry]:
    sources = sources_of(workspace_with_registry(tmp_path_factory.mktemp("progress") / "ws"))
    assert sources.system is not None
    return sources.system.value, registry_of(sources)


def _keys(rows: list[tuple[str, str | None, str, str, tuple[str, ...]]]) -> set[tuple[str, str]]:
    return {(group, title) for group, _sub, title, _month, _units in rows}


def test_as_of_2018_01_01_every_2017_12_standard_is_overdue_and_no_2018_04_one(
        data: tuple[System, OrganizationRegistry]) -> None:
    system, registry = data
    assert all(p.status != "发布" for p in system.standards)  # the mini data: nothing published
    report = compute_progress(system, registry, as_of=D(2018, 1, 1))
    overdue = {(s.group_title, s.title) for s in report.overdue}
    assert overdue == _keys([r for r in annex1_rows() if r[3] == "2017-12"])
    assert not overdue & _keys([r for r in annex1_rows() if r[3] == "2018-04"])
    assert report.total.planned == 73 and report.total.due == report.total.overdue == len(overdue) == 23
    general = next(g for g in report.groups if g.key == "general")
    assert (general.due, general.done, general.overdue) == (15, 0, 15)


@pytest.mark.parametrize(("as_of", "due", "quarter"), [
    (D(2017, 9, 30), 0, "2017年第三季度"),
    (D(2017, 10, 1), 0, "2017年第四季度"),
    (D(2017, 12, 31), 0, "2017年第四季度"),   # the planned month is not over yet
    (D(2018, 1, 1), 23, "2018年第一季度"),    # 2017-12 is past: due
    (D(2018, 3, 31), 23, "2018年第一季度"),
    (D(2018, 4, 1), 23, "2018年第二季度"),
    (D(2018, 4, 30), 23, "2018年第二季度"),   # 2018-04 not over yet
    (D(2018, 5, 1), 73, "2018年第二季度"),    # everything due
    (D(2018, 6, 30), 73, "2018年第二季度"),
    (D(2018, 7, 1), 73, "2018年第三季度"),
])
def test_quarter_boundaries(data: tuple[System, OrganizationRegistry], as_of: dt.date, due: int,
                            quarter: str) -> None:
    system, registry = data
    report = compute_progress(system, registry, as_of=as_of)
    assert report.total.due == report.total.overdue == due
    assert report.quarter == quarter
    start, end = stages.quarter_bounds(as_of)
    assert start <= as_of <= end and start.day == 1 and (end + dt.timedelta(days=1)).day == 1


def _project(**changes: object) -> StandardProject:
    base: dict[str, object] = {"id": "gen-01", "title": "政务公开总则", "group": "general", "month": "2017-12",
                               "units": ["省质监局"], "status": "起草"}
    return StandardProject.model_validate({**base, **changes})


def test_stage_order_covers_every_status_of_the_model() -> None:
    assert set(stages.ORDER) | {"废止"} == set(STATUSES)
    assert stages.ORDER[-1] == stages.REQUIRED_STAGE


def test_stage_on_a_date_uses_the_history_including_the_day_itself() -> None:
    project = _project(status="发布", number="DB33/T 2000—2018", issued="2018-03-15", implemented="2018-04-15",
                       status_history=[{"date": "2017-09-01", "status": "起草"},
                                       {"date": "2017-12-20", "status": "征求意见"},
                                       {"date": "2018-03-15", "status": "发布"}])
    assert stages.stage_on(project, D(2017, 8, 31)) == stages.UNRECORDED
    assert stages.stage_on(project, D(2017, 9, 1)) == "起草"
    assert stages.stage_on(project, D(2017, 12, 31)) == "征求意见"
    assert stages.stage_on(project, D(2018, 3, 14)) == "征求意见"
    assert stages.stage_on(project, D(2018, 3, 15)) == "发布"


def test_issued_date_is_the_stronger_record() -> None:
    # published without a history: 发布 only from the issue date on
    plain = _project(status="发布", number="DB33/T 2000—2018", issued="2018-04-10", implemented="2018-05-10")
    assert stages.stage_on(plain, D(2018, 4, 9)) == stages.UNRECORDED
    assert stages.is_done(stages.stage_on(plain, D(2018, 4, 10)))
    # a history that forgot the 发布 entry still counts from issued
    forgot = _project(status="批准", issued="2018-04-10",
                      status_history=[StatusChange(date=D(2018, 3, 1), status="批准")])
    assert stages.stage_on(forgot, D(2018, 4, 10)) == "发布"


def test_published_in_time_is_done_and_late_is_overdue(data: tuple[System, OrganizationRegistry]) -> None:
    system, registry = data
    on_time = _project(status="发布", number="DB33/T 2000—2017", issued="2017-12-31", implemented="2018-01-31")
    late = _project(id="gen-02", title="基层政务信息分类与编码规范", status="发布", number="DB33/T 2001—2018",
                    issued="2018-01-02", implemented="2018-02-02")
    rest = [p for p in system.standards if p.id not in ("gen-01", "gen-02")]
    changed = system.model_copy(update={"standards": [on_time, late, *rest]})
    report = compute_progress(changed, registry, as_of=D(2018, 1, 1))
    by_id = {s.id: s for s in report.standards}
    assert by_id["gen-01"].done and not by_id["gen-01"].overdue
    assert by_id["gen-02"].overdue
    assert compute_progress(changed, registry, as_of=D(2018, 1, 2)).total.done == 2


def test_quarter_events_run_from_the_first_day_of_the_quarter_to_as_of(
        data: tuple[System, OrganizationRegistry]) -> None:
    system, registry = data
    project = _project(status="审查", status_history=[{"date": "2017-12-31", "status": "征求意见"},
                                                     {"date": "2018-01-01", "status": "审查"}])
    changed = system.model_copy(update={"standards": [project, *system.standards[1:]]})
    assert [e.date for e in compute_progress(changed, registry, as_of=D(2018, 3, 31)).events] == [D(2018, 1, 1)]
    assert [e.date for e in compute_progress(changed, registry, as_of=D(2017, 12, 31)).events] == [D(2017, 12, 31)]
    assert compute_progress(changed, registry, as_of=D(2018, 4, 1)).events == ()


@pytest.mark.parametrize(("query", "unit"), [
    ("省建设厅", "省建设厅"), ("浙江省住房和城乡建设厅", "省建设厅"), ("省质监局", "省质监局"),
    ("浙江省市场监督管理局", "省质监局"), ("省市场监管局", "省质监局"), ("省自然资源厅", "省国土资源厅"),
    ("浙江省农业农村厅", "省农办"), ("浙江省应急管理厅", "省民政厅"), ("浙江省民政厅", "省民政厅"),
    ("浙江省发展和改革委员会", "省发展改革委"), ("试点县（市、区）政府", "试点县(市、区)政府"),
])
def test_unit_accepts_the_historical_and_todays_names(data: tuple[System, OrganizationRegistry], query: str,
                                                      unit: str) -> None:
    system, registry = data
    assert unit_index(system, registry).match(query) == [unit]


def test_unit_filter_counts_only_that_units_standards(data: tuple[System, OrganizationRegistry]) -> None:
    system, registry = data
    report = compute_progress(system, registry, as_of=D(2018, 1, 1), units=("省国土资源厅",),
                              unit_query="浙江省自然资源厅")
    assert {s.group_id for s in report.standards} == {"zdbc", "cqaz"}
    assert [u.title for u in report.units] == ["省国土资源厅"]
    assert report.units[0].today == "浙江省自然资源厅"
    assert report.total.overdue == 2
    text = summary_text(report)
    # the body as named on the report's date (issue 15): the 自然资源厅 was formed in October 2018
    assert report.units[0].then == "浙江省国土资源厅"
    assert text.startswith("截至2018年1月1日（2018年第一季度），省国土资源厅（浙江省国土资源厅）")
    assert "未记录状态变化" in text and "0次" not in text
    later = compute_progress(system, registry, as_of=D(2019, 1, 1), units=("省国土资源厅",))
    assert later.units[0].then == "浙江省自然资源厅"
    assert unit_index(system, registry).match("省住建局") == []


def test_report_records_carry_the_date_and_the_summary(data: tuple[System, OrganizationRegistry]) -> None:
    system, registry = data
    records = report_records(compute_progress(system, registry, as_of=D(2018, 1, 1), date_source="clock"))
    assert records["as_of"] == "2018-01-01" and records["date_source"] == "clock"
    assert records["quarter"] == "2018年第一季度"
    assert "逾期未发布23项" in records["summary"]
    assert sorted(records["overdue"]) == sorted(s["id"] for s in records["standards"] if s["month"] == "2017-12")
    people = {u["title"]: u["today"] for u in records["units"]}
    assert people["省农办"] == "浙江省农业农村厅"
    assert people["省民政厅"] == "浙江省民政厅；浙江省应急管理厅（救灾职责）"


def test_without_a_registry_units_show_as_printed(data: tuple[System, OrganizationRegistry], tmp_path: Path) -> None:
    system, _registry = data
    report = compute_progress(system, None, as_of=D(2018, 1, 1))
    assert all(u.today == u.title for u in report.units)
    assert report.units[-1].title == "试点县(市、区)政府"  # provincial bodies first
