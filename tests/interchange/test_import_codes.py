"""Each import diagnostic that no other test triggers, caused by the sheet problem it names and reported at
its cell (`file!A12`), with exactly the codes expected."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import MINI
from govopen_std.interchange.importer import ImportOptions, import_catalog
from helpers.county import write_profile

HEADER = "一级事项,二级事项,公开内容,公开依据,公开时限,公开主体,公开方式\n"
ROW = "征地补偿标准,区片综合地价,地价标准,土地管理法第四十八条,调整之日起20个工作日内,县级人民政府,{method}\n"
GOOD = ROW.format(method="主动")


def _import(tmp_path: Path, text: str, *, county: bool = False, name: str = "s.csv",
            **options: str) -> list[tuple[str, str]]:
    workspace = tmp_path / "ws"
    shutil.copytree(MINI, workspace)
    if county:
        write_profile(workspace, "")
        options["county"] = "330105"
    sheet = tmp_path / name
    sheet.write_text(text, encoding="utf-8")
    result = import_catalog(ImportOptions(sheet, display=name, workspace=workspace, dry_run=True, **options))
    return [(d.code, str(d.location)) for d in result.diagnostics.sorted()]


@pytest.mark.parametrize(("text", "options", "expected"), [
    pytest.param(HEADER.replace("\n", ",填报人\n") + GOOD.replace("\n", ",张三\n"), {"standard": "zdbc-03"},
                 [("I804", "s.csv!H1")], id="I804-unknown-column"),
    pytest.param(HEADER + ROW.format(method="内部公开"), {"standard": "zdbc-03"},
                 [("I810", "s.csv!G2")], id="I810-not-in-vocabulary"),
    pytest.param(HEADER, {"standard": "zdbc-03"}, [("I822", "s.csv")], id="I822-no-items"),
    pytest.param(HEADER + GOOD + "注：本表由县自然资源局填报。,,,,,,\n", {"standard": "zdbc-03"},
                 [("I823", "s.csv!A3")], id="I823-note-row"),
    pytest.param(HEADER, {"domain": "不存在的领域"}, [("I817", "None")], id="I817-option"),
])
def test_import_code_at_its_cell(tmp_path: Path, text: str, options: dict[str, str],
                                 expected: list[tuple[str, str]]) -> None:
    assert _import(tmp_path, text, **options) == expected


def test_I817_unknown_domain_in_a_row(tmp_path: Path) -> None:
    found = _import(tmp_path, "领域," + HEADER + "不存在的领域," + GOOD, county=True)
    assert ("I817", "s.csv!A2") in found and ("I815", "s.csv!A2") in found  # unknown domain: the row has no place


def test_I818_area_outside_the_domain(tmp_path: Path) -> None:
    found = _import(tmp_path, "领域,子领域," + HEADER + "扶贫救灾,医疗," + GOOD, county=True)
    assert ("I818", "s.csv!B2") in found
    assert [c for c, _ in found].count("I818") == 1


def test_I814_local_primary_numbers_run_out(tmp_path: Path) -> None:
    rows = "".join(f"本县事项{i},二级{i},内容,土地管理法第四十八条,形成之日起20个工作日内,县级人民政府,主动\n"
                   for i in range(11))  # gen-02 gives local items the primaries 90-99: ten of them
    found = _import(tmp_path, HEADER + rows, county=True, domain="zdbc")
    assert found == [("I814", "s.csv!A12")]


def test_I828_a_provincial_code_among_local_additions_is_skipped(tmp_path: Path) -> None:
    found = _import(tmp_path, "来源,事项编码," + HEADER + "本县增补,ZDBC-01-01," + GOOD, county=True)
    assert found == [("I828", "s.csv!A2")]


def test_I837_an_edited_row_whose_code_is_not_in_the_catalog(tmp_path: Path) -> None:
    found = _import(tmp_path, "来源,事项编码," + HEADER + "省级,ZDBC-77-01," + GOOD, county=True)
    assert found == [("I837", "s.csv!B2")]


def test_I801_a_broken_workbook(tmp_path: Path) -> None:
    found = _import(tmp_path, "this is not a zip archive", name="broken.xlsx", standard="zdbc-03")
    assert found == [("I801", "broken.xlsx")]


def test_I821_a_row_that_drafting_could_not_make_valid_is_reported_at_the_row() -> None:
    """No sheet found so far drafts an invalid item (tests/interchange fuzzes cells); the guard still turns a
    validation error into a located I821 instead of a crash, so it is exercised with such a draft directly."""
    from govopen_std.diagnostics import Diagnostics, SourceLocation
    from govopen_std.interchange.county_edits import _as_item
    from govopen_std.interchange.rows import Draft

    draft = Draft({"category": ["一", "二", "三", "四"], "name": "征收土地预公告"}, SourceLocation("s.csv!A2"), {},
                  standard=None, group=None)  # four category levels: Item allows three
    diags = Diagnostics()
    assert _as_item(draft, "ZDBC-02-01", diags) is None
    assert [(d.code, str(d.location)) for d in diags.sorted()] == [("I821", "s.csv!A2")]
    assert "category" in diags.sorted()[0].message()
