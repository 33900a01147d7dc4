"""A county repository that holds only its own profile (issue 19): govopen.yaml `base:` names the provincial
base (`embedded`, the standards shipped with govopen, or the path of a provincial workspace), the county's
standards/counties/*.yaml overlay it, and check and build work there (building the county's outputs only)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import MINI, ROOT, run_cli
from govopen_std.pipeline import check_workspace
from helpers.county import HEAD, PROFILE

CONFIG = 'name: 杭州市拱墅区基层政务公开标准目录\nprovince: {code: "33", name: 浙江省}\nbase: %s\n'


def county_repo(target: Path, base: str, profile: str = HEAD + PROFILE) -> Path:
    """A workspace with govopen.yaml (naming `base`) and one county profile, nothing else."""
    counties = target / "standards" / "counties"
    counties.mkdir(parents=True)
    (target / "govopen.yaml").write_text(CONFIG % base, encoding="utf-8")
    (counties / "330105.yaml").write_text(profile, encoding="utf-8")
    return target


@pytest.fixture
def repos(tmp_path: Path) -> tuple[Path, Path]:
    """(the provincial workspace, the county repository beside it with `base: ../province`)."""
    province = tmp_path / "province"
    shutil.copytree(MINI, province)
    return province, county_repo(tmp_path / "county", "../province")


def _errors(workspace: Path) -> list[str]:
    return [f"{d.code} {d.location}" for d in check_workspace(workspace).diagnostics.items if d.severity >= 3]


def test_county_repository_on_a_provincial_workspace_checks_clean(repos: tuple[Path, Path]) -> None:
    province, county = repos
    assert _errors(county) == []
    result = run_cli("check", "-w", str(county))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert not (county / "standards" / "system.yaml").exists()  # everything but the profile comes from the base
    assert (province / "standards" / "system.yaml").is_file()


def test_county_repository_is_found_from_its_own_folder(repos: tuple[Path, Path]) -> None:
    _province, county = repos
    result = run_cli("check", cwd=county)
    assert result.exit_code == 0, result.stdout + result.stderr


def test_build_in_a_county_repository_writes_the_county_outputs_only(repos: tuple[Path, Path]) -> None:
    _province, county = repos
    out = county / "build"
    result = run_cli("build", "-w", str(county), "-o", str(out), "-f", "xlsx", "-f", "html", "-j", "1")
    assert result.exit_code == 0, result.stderr
    assert (out / "330105" / "xlsx" / "catalog.xlsx").is_file()
    assert (out / "330105" / "site" / "items" / "ZDBC-90-01.html").is_file()  # the county's own item
    assert (out / "330105" / "site" / "items" / "ZDBC-01-01.html").is_file()  # the base's item
    assert sorted(p.name for p in out.iterdir()) == ["330105", "govopen-manifest.json"]  # no province outputs


def test_a_change_in_the_base_is_seen_by_the_next_check(repos: tuple[Path, Path]) -> None:
    province, county = repos
    assert run_cli("check", "-w", str(county)).exit_code == 0  # remembered (the check memo)
    text = province / "standards" / "domains" / "zdbc" / "zdbc-01.yaml"
    text.write_text(text.read_text(encoding="utf-8").replace("method: 主动", "method: 随时", 1), encoding="utf-8")
    result = run_cli("check", "-w", str(county))
    assert result.exit_code == 1 and "R307" in result.stdout, result.stdout


def test_county_repository_on_the_embedded_standards(tmp_path: Path) -> None:
    pilot = (ROOT / "standards" / "counties" / "330105.yaml").read_text(encoding="utf-8")
    county = county_repo(tmp_path / "county", "embedded", pilot)
    assert _errors(county) == []
    out = tmp_path / "out"
    result = run_cli("build", "-w", str(county), "-o", str(out), "-f", "xlsx", "-j", "1")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["330105", "govopen-manifest.json"]


@pytest.mark.parametrize(("base", "detail"), [("../nowhere", "不是工作区"), (".", "互相引用")])
def test_an_unusable_base_is_located_at_its_line(tmp_path: Path, base: str, detail: str) -> None:
    county = county_repo(tmp_path / "county", base)
    diags = [d for d in check_workspace(county).diagnostics.items if d.code == "O525"]
    assert [d.check_tuple() for d in diags] == [("O525", 3, 7)]
    assert diags[0].location is not None and diags[0].location.path == "govopen.yaml"
    assert detail in diags[0].message() and diags[0].hint() is not None
