"""`govopen init --county`: a profile skeleton pre-filled from the base, commented in Chinese, never
overwriting anything, and accepted by `govopen check` as it stands (only "fill me in" warnings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import run_cli
from govopen_std.diagnostics import GovOpenError, Severity
from govopen_std.scaffold import scaffold_county
from helpers.county import diagnostics_in


def test_init_writes_a_prefilled_commented_profile(mini: Path) -> None:
    result = run_cli("init", "--county", "330105", "-w", str(mini))
    assert result.exit_code == 0, result.stderr
    path = mini / "standards" / "counties" / "330105.yaml"
    assert result.stdout.strip().endswith("standards/counties/330105.yaml")
    text = path.read_text(encoding="utf-8")
    assert 'code: "330105"' in text and "name: 杭州市拱墅区" in text and "city: 杭州市" in text
    for subject in ("县级人民政府", "县级自然资源主管部门", "乡镇人民政府（街道办事处）"):  # the base's subjects
        assert f'  {subject}: ""' in text
    for channel in ("政府网站", "征地信息公开平台", "社区/企事业单位/村公示栏（电子屏）"):  # the channels items use
        assert f"  # {channel}:" in text  # commented out until filled in: an empty carrier is O526
    assert "# 通用公开主体 → 本县（市、区）的实际机构名称" in text
    assert "细化（amend）只能更严格" in text
    diags = diagnostics_in(mini, path)
    assert [d for d in diags if d.severity >= Severity.ERROR] == []
    assert {d.code for d in diags} == {"O507"}  # one reminder per subject still to be mapped


def test_init_refuses_to_overwrite(mini: Path) -> None:
    path = mini / "standards" / "counties" / "330105.yaml"
    path.parent.mkdir(parents=True)
    path.write_text("# 已有配置\ncounty: {code: \"330105\", name: 杭州市拱墅区, city: 杭州市}\n", encoding="utf-8")
    result = run_cli("init", "--county", "330105", "-w", str(mini))
    assert result.exit_code == 2
    assert "O522" in result.stderr and "不会覆盖" in result.stderr
    assert path.read_text(encoding="utf-8").startswith("# 已有配置")


def test_init_refuses_a_second_profile_under_another_name(mini: Path) -> None:
    other = mini / "standards" / "counties" / "gongshu.yaml"
    other.parent.mkdir(parents=True)
    other.write_text('county: {code: "330105", name: 杭州市拱墅区, city: 杭州市}\n', encoding="utf-8")
    result = run_cli("init", "--county", "330105", "-w", str(mini))
    assert result.exit_code == 2 and "gongshu.yaml" in result.stderr
    assert not (mini / "standards" / "counties" / "330105.yaml").exists()


@pytest.mark.parametrize(("code", "expected"), [("33010", "O524"), ("3301055", "O524"), ("320105", "O503")])
def test_init_rejects_bad_codes(mini: Path, code: str, expected: str) -> None:
    with pytest.raises(GovOpenError) as raised:
        scaffold_county(mini, code)
    assert raised.value.diagnostic.code == expected
    assert not (mini / "standards" / "counties").exists()


def test_init_refuses_to_write_into_the_builtin_standards(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # not a workspace: the built-in standards would be used
    with pytest.raises(GovOpenError) as raised:
        scaffold_county(None, "330502", name="湖州市吴兴区")
    assert raised.value.diagnostic.code == "O523"


def test_init_for_another_county_takes_name_and_city(mini: Path) -> None:
    result = run_cli("init", "--county", "330502", "--name", "湖州市吴兴区", "-w", str(mini))
    assert result.exit_code == 0, result.stderr
    text = (mini / "standards" / "counties" / "330502.yaml").read_text(encoding="utf-8")
    assert "name: 湖州市吴兴区" in text and "city: 湖州市" in text


def test_init_of_a_county_that_is_not_a_pilot_asks_for_its_name(mini: Path) -> None:
    result = run_cli("init", "--county", "330106", "-w", str(mini))
    assert result.exit_code == 2, result.stderr
    assert "E906" in result.stderr and "县（市、区）名称" in result.stderr and "--name" in result.stderr
    assert not (mini / "standards" / "counties" / "330106.yaml").exists()


def test_init_asks_for_the_city_when_the_code_does_not_tell_it(mini: Path) -> None:
    result = run_cli("init", "--county", "331299", "--name", "某县", "-w", str(mini))
    assert result.exit_code == 2, result.stderr
    assert "E906" in result.stderr and "所属设区市" in result.stderr and "--city" in result.stderr
    assert not (mini / "standards" / "counties").exists()


@pytest.mark.parametrize(("args", "name", "city"), [
    (("--county", "330106", "--name", "杭州市西湖区"), "杭州市西湖区", "杭州市"),
    (("--county", "331299", "--name", "某县", "--city", "台州市"), "某县", "台州市"),
])
def test_init_profile_of_any_county_passes_check(mini: Path, args: tuple[str, ...], name: str, city: str) -> None:
    result = run_cli("init", *args, "-w", str(mini))
    assert result.exit_code == 0, result.stderr
    path = mini / "standards" / "counties" / f"{args[1]}.yaml"
    text = path.read_text(encoding="utf-8")
    assert f"name: {name}" in text and f"city: {city}" in text
    diags = diagnostics_in(mini, path)
    assert [d for d in diags if d.severity >= Severity.ERROR] == []
    assert {d.code for d in diags} <= {"O507"}  # only the reminders to map the subjects
