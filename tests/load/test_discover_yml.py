"""Discovery takes *.yml as well as *.yaml, in a sorted order; one standard id or county code in two files
(330105.yml beside 330105.yaml) is a duplicate (R305, O502), never a silently ignored file."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT
from govopen_std.load.discover import discover, find_workspace
from govopen_std.pipeline import check_workspace

COUNTY = ROOT / "tests" / "fixtures" / "county" / "330105.yaml"


def _codes(workspace: Path) -> list[tuple[str, str, int, int]]:
    return [(d.code, d.location.path if d.location else "", *d.check_tuple()[1:])
            for d in check_workspace(workspace).diagnostics.sorted() if d.severity.name == "ERROR"]


def test_yml_files_are_discovered_in_sorted_order(mini: Path) -> None:
    counties = mini / "standards" / "counties"
    counties.mkdir()
    shutil.copy(COUNTY, counties / "330105.yml")
    domain = mini / "standards" / "domains" / "zdbc"
    (domain / "zdbc-01.yaml").rename(domain / "zdbc-01.yml")
    paths = discover(mini / "standards", mini / "govopen.yaml")
    assert paths.counties == [counties / "330105.yml"]
    assert [p.relative_to(mini / "standards").as_posix() for p in paths.texts] == [
        "general/gen-02.yaml", "general/gen-03.yaml", "domains/zdbc/zdbc-00.yaml", "domains/zdbc/zdbc-01.yml"]
    result = check_workspace(mini)
    assert result.stats["items"] == 3  # zdbc-01.yml's two items are read, not skipped
    assert [d for d in result.diagnostics.items if d.severity.name == "ERROR"] == []
    assert [p.name for p in result.sources.paths.counties] == ["330105.yml"]


def test_both_suffixes_sort_deterministically(tmp_path: Path) -> None:
    for name in ("b.yml", "a.yaml", "b.yaml", "a.yml", "c.txt"):
        (tmp_path / "counties").mkdir(exist_ok=True)
        (tmp_path / "counties" / name).write_text("x: 1\n", encoding="utf-8")
    paths = discover(tmp_path, tmp_path / "govopen.yaml")
    assert [p.name for p in paths.counties] == ["a.yaml", "a.yml", "b.yaml", "b.yml"]


def test_one_county_in_yml_and_yaml_is_o502(mini: Path) -> None:
    counties = mini / "standards" / "counties"
    counties.mkdir()
    shutil.copy(COUNTY, counties / "330105.yaml")
    shutil.copy(COUNTY, counties / "330105.yml")
    found = _codes(mini)
    assert ("O502", "standards/counties/330105.yml", 4, 9) in found, found


def test_one_standard_in_yml_and_yaml_is_r305(mini: Path) -> None:
    domain = mini / "standards" / "domains" / "zdbc"
    shutil.copy(domain / "zdbc-00.yaml", domain / "zdbc-00.yml")
    found = _codes(mini)
    assert ("R305", "standards/domains/zdbc/zdbc-00.yml", 2, 5) in found, found


def test_system_yml_is_read_and_a_second_spelling_is_r305(mini: Path) -> None:
    standards = mini / "standards"
    (standards / "system.yaml").rename(standards / "system.yml")
    result = check_workspace(mini)
    assert result.stats["standards"] == 73
    assert [d for d in result.diagnostics.items if d.severity.name == "ERROR"] == []
    shutil.copy(standards / "system.yml", standards / "system.yaml")
    found = _codes(mini)
    assert found == [("R305", "standards/system.yml", 0, 0)], found


def test_govopen_yml_marks_a_workspace(mini: Path) -> None:
    (mini / "govopen.yaml").rename(mini / "govopen.yml")
    workspace = find_workspace(mini)
    assert workspace.config_path.name == "govopen.yml"
    assert check_workspace(mini).stats["items"] == 3
