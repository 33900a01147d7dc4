"""standards/synonyms.yaml, the search vocabulary, is checked like the other sources: a repeated word (C490), a
group of fewer than two words or a blank word (C491) and a group that matches nothing in the catalog (C492) are
located diagnostics with Chinese and English text; the shipped table is clean."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, run_cli
from govopen_std.diagnostics import Diagnostic
from govopen_std.load.synonyms import synonym_groups
from govopen_std.pipeline import check_workspace

BAD = """synonyms:
  - [征收, 拆迁]
  - [拆迁, 动迁]
  - [低保]
  - [火星, 月球]
  - ["", 预公告]
"""


def _synonym_diags(workspace: Path) -> list[Diagnostic]:
    return [d for d in check_workspace(workspace).diagnostics.sorted() if d.code in ("C490", "C491", "C492")]


def test_every_problem_is_located(mini: Path) -> None:
    (mini / "standards" / "synonyms.yaml").write_text(BAD, encoding="utf-8")
    found = sorted((d.code, str(d.location)) for d in _synonym_diags(mini))
    assert found == sorted([
        ("C490", "standards/synonyms.yaml:3:6"),  # 拆迁 again, at the second group's first word
        ("C492", "standards/synonyms.yaml:3:5"),  # neither 拆迁 nor 动迁 is in the mini catalog
        ("C491", "standards/synonyms.yaml:4:5"),  # one word only
        ("C492", "standards/synonyms.yaml:5:5"),
        ("C491", "standards/synonyms.yaml:6:5"),  # a blank word leaves one
        ("C491", "standards/synonyms.yaml:6:6"),
    ])


def test_messages_in_chinese_and_english_with_hints(mini: Path) -> None:
    (mini / "standards" / "synonyms.yaml").write_text(BAD, encoding="utf-8")
    zh = run_cli("check", "-w", str(mini))
    assert zh.exit_code != 0
    out = zh.stdout + zh.stderr
    assert "同义词“拆迁”重复（首次出现在 standards/synonyms.yaml:2:10）" in out
    assert "第 3 个同义词组有少于两个词语" in out
    assert "同义词组“火星、月球”中没有一个词语出现在目录中" in out
    en = run_cli("check", "-w", str(mini), "--lang", "en")
    text = en.stdout + en.stderr
    assert "synonym '拆迁' is listed again" in text
    assert "synonym group 5 has a blank word" in text
    assert "merge the two groups" in text


def test_the_view_keeps_the_usable_groups(mini: Path) -> None:
    (mini / "standards" / "synonyms.yaml").write_text(BAD, encoding="utf-8")
    # the repeated 拆迁 and the blank word are dropped; groups left with one word are dropped
    assert synonym_groups(check_workspace(mini).sources) == (("征收", "拆迁"), ("火星", "月球"))


def test_the_shipped_table_is_clean_and_loaded() -> None:
    assert _synonym_diags(ROOT) == []
    groups = synonym_groups(check_workspace(ROOT).sources)
    assert ("公共租赁住房", "公租房") in groups and any("拆迁" in g and "房屋征收" in g for g in groups)
