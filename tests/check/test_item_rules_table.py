"""Item rules at their boundaries: gen-02's provincial (01–89) and local (90–99) primary numbers, and findings on
items written with Chinese keys (事项编码, 公开方式 …) located at the key the author wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from govopen_std.pipeline import check_workspace
from helpers.county import LOCAL_ITEM, write_profile

TEXT = "standards/domains/zdbc/zdbc-01.yaml"


def _codes_at(workspace: Path, code: str) -> list[str]:
    return [str(d.location) for d in check_workspace(workspace).diagnostics.sorted() if d.code == code]


def _recode(workspace: Path, old: str, new: str) -> Path:
    path = workspace / TEXT
    text = path.read_text(encoding="utf-8")
    assert text.count(f"code: {old}\n") == 1
    path.write_text(text.replace(f"code: {old}\n", f"code: {new}\n"), encoding="utf-8")
    return path


@pytest.mark.parametrize(("code", "finding"), [
    ("ZDBC-01-05", False), ("ZDBC-89-01", False),   # the provincial range's ends
    ("ZDBC-00-01", True), ("ZDBC-90-01", True),     # just outside it
])
def test_provincial_primary_number_range(mini: Path, code: str, finding: bool) -> None:
    _recode(mini, "ZDBC-02-02", code)
    line = 1 + (mini / TEXT).read_text(encoding="utf-8").splitlines().index(f"  - code: {code}")
    assert _codes_at(mini, "C406") == ([f"{TEXT}:{line}:11"] if finding else [])


@pytest.mark.parametrize(("code", "finding"), [
    ("ZDBC-90-01", False), ("ZDBC-99-01", False),   # the local range's ends
    ("ZDBC-89-01", True),                           # a provincial number in a county's addition
])
def test_local_primary_number_range(mini: Path, code: str, finding: bool) -> None:
    profile = write_profile(mini, LOCAL_ITEM.replace("ZDBC-90-01", code))
    line = 1 + profile.read_text(encoding="utf-8").splitlines().index(f"  - code: {code}")
    assert _codes_at(mini, "C406") == ([f"standards/counties/330105.yaml:{line}:11"] if finding else [])


def test_findings_on_a_chinese_keyed_item_are_at_the_chinese_keys(mini: Path) -> None:
    path = mini / TEXT
    text = path.read_text(encoding="utf-8")
    old = text[text.index("  - code: ZDBC-02-02"):]
    new = (old.replace("  - code: ZDBC-02-02", "  - 事项编码: ZDBC-02-02")
              .replace("    method: 主动", "    公开方式: 公布")           # not in the vocabulary: R306
              .replace("    level: [乡级, 村级]", "    公开层级: [乡级, 镇级]"))  # 镇级 not a level
    path.write_text(text.replace(old, new), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    method_line = 1 + lines.index("    公开方式: 公布")
    level_line = 1 + lines.index("    公开层级: [乡级, 镇级]")
    found = {(d.code, str(d.location)) for d in check_workspace(mini).diagnostics.sorted()
             if str(d.location).startswith(TEXT)}
    assert found, "the changed item has findings"
    assert {loc for _code, loc in found} == {f"{TEXT}:{method_line}:11", f"{TEXT}:{level_line}:16"}
