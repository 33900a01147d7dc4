"""Each overlay rule, passing and failing, as data: tests/county/cases.yaml lists profiles and the exact
(code, line, col) diagnostics `govopen check` must report for them."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from conftest import run_cli
from helpers.county import diagnostics_in, write_profile

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
CASES: list[dict[str, Any]] = YAML(typ="safe").load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_overlay_rule(mini: Path, case: dict[str, Any]) -> None:
    path = write_profile(mini, case["profile"], case.get("file", "330105.yaml"), head=not case.get("full"))
    diags = diagnostics_in(mini, path)
    assert sorted(d.check_tuple() for d in diags) == sorted(tuple(e) for e in case["expect"])
    for diag in diags:  # every message renders fully in both languages
        assert not PLACEHOLDER.search(diag.message("zh") + diag.message("en")), diag


def test_two_profiles_of_one_county_is_an_error_at_the_second(mini: Path) -> None:
    first = write_profile(mini, "")
    second = write_profile(mini, "", "330105a.yaml")  # sorts after 330105.yaml
    diags = diagnostics_in(mini, second)
    assert ("O502", 1, 16) in [d.check_tuple() for d in diags]
    o502 = next(d for d in diags if d.code == "O502")
    assert dict(o502.params)["first"] == first.relative_to(mini).as_posix()
    assert not [d for d in diagnostics_in(mini, first) if d.code == "O502"]


def test_check_cli_reports_overlay_errors_with_exit_1(mini: Path) -> None:
    write_profile(mini, "amend:\n  ZDBC-77-01:\n    content: [本地内容]\n")
    result = run_cli("check", "-w", str(mini))
    assert result.exit_code == 1
    assert "standards/counties/330105.yaml:7:3: 错误 O508 基础目录中没有事项“ZDBC-77-01”" in result.stdout
