"""Usage errors of `govopen build` exit 2 with a message saying what is valid (issues 8 and 14): an unknown
--format lists the registered renderers; --county with no profile is E904 (not "the sources have errors",
B601), and a code that cannot be a county code is O524. Nothing is written in either case."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli
from govopen_std.build import BuildOptions, run
from govopen_std.diagnostics import GovOpenError
from govopen_std.render.base import RENDERERS
from helpers.county import PROFILE, write_profile


def test_unknown_format_is_a_usage_error_listing_the_valid_ones(mini: Path, tmp_path: Path) -> None:
    result = run_cli("build", "-w", str(mini), "-o", str(tmp_path / "out"), "-f", "odt")  # pdf is a format now
    assert result.exit_code == 2, result.stderr
    assert "E905" in result.stderr and "未知的输出格式“odt”" in result.stderr
    assert "、".join(RENDERERS) in result.stderr  # docx、html、xlsx、responsibility, from the registry
    assert "Traceback" not in result.stderr and not (tmp_path / "out").exists()


def test_unknown_format_among_known_ones_builds_nothing(mini: Path, tmp_path: Path) -> None:
    with pytest.raises(GovOpenError) as raised:
        run(BuildOptions(workspace=mini, out_dir=tmp_path / "out", formats=("xlsx", "PDF")))
    assert raised.value.diagnostic.code == "E905"
    assert not (tmp_path / "out").exists()


def test_county_without_a_profile_is_a_usage_error(mini: Path, tmp_path: Path) -> None:
    write_profile(mini, PROFILE)
    result = run_cli("build", "-w", str(mini), "-o", str(tmp_path / "out"), "--county", "330106")
    assert result.exit_code == 2, result.stderr
    assert "E904" in result.stderr and "“330106”" in result.stderr
    assert "B601" not in result.stderr and not (tmp_path / "out").exists()


def test_county_without_a_profile_names_the_counties_that_have_one(mini: Path, tmp_path: Path) -> None:
    write_profile(mini, PROFILE)
    result = run(BuildOptions(workspace=mini, out_dir=tmp_path / "out", counties=("330106",), province=False))
    e904 = next(d for d in result.diagnostics.items if d.code == "E904")
    assert "330105" in (e904.hint() or "") and "govopen init --county 330106" in (e904.hint() or "")
    assert result.exit_code == 2 and "B601" not in [d.code for d in result.diagnostics.items]


@pytest.mark.parametrize("code", ["33010", "3301055", "33O105", "../x"])
def test_malformed_county_code_is_a_usage_error(mini: Path, tmp_path: Path, code: str) -> None:
    result = run_cli("build", "-w", str(mini), "-o", str(tmp_path / "out"), "--county", code)
    assert result.exit_code == 2, result.stderr
    assert "O524" in result.stderr and "应为 6 位数字" in result.stderr
    assert "B601" not in result.stderr and not (tmp_path / "out").exists()


def test_sources_with_errors_still_exit_1(mini: Path, tmp_path: Path) -> None:
    write_profile(mini, PROFILE + "bogus_key: 1\n")
    result = run(BuildOptions(workspace=mini, out_dir=tmp_path / "out", counties=("330106",), province=False))
    assert result.exit_code == 1 and "B601" in [d.code for d in result.diagnostics.items]
