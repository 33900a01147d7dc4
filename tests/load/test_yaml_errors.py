"""YAML syntax errors in Chinese and at the right place: full-width punctuation in YAML syntax (a "：" after a
key, a "－" list marker, "　" indentation) is reported where the character is, with a hint; libyaml's English
problem texts and the OS's file errors are translated (the English stays for --lang en)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from govopen_std.diagnostics import Diagnostic, Diagnostics
from govopen_std.load.yaml_source import SourceFile, load_file, load_text_into


def _load(text: str) -> list[Diagnostic]:
    diags = Diagnostics()
    load_text_into(SourceFile(path=Path("x.yaml"), display="x.yaml"), text.encode("utf-8"), diags)
    return diags.items


ITEM = """items:
  - code: ZDBC-02-01
    name: 征收土地预公告
    content:
      - 征收范围
      - 征收目的
    deadline: 征收土地预公告时间不少于10个工作日
    method: 主动
"""

FULL_WIDTH = [  # (changed line, replacement, line, column of the character, words of the hint)
    ("    deadline: 征收", "    deadline：征收", 7, 13, "键后的冒号应为半角“:”"),
    ("      - 征收目的", "      －征收目的", 6, 7, "列表项的标记应为半角“-”"),
    ("      - 征收目的", "      － 征收目的", 6, 7, "列表项的标记应为半角“-”"),
    ("    deadline: 征收", "　　deadline: 征收", 7, 1, "缩进只能用半角空格"),
    ("    name: 征收土地预公告", "  　name: 征收土地预公告", 3, 3, "缩进只能用半角空格"),
    ("  - code: ZDBC-02-01", "  - code：ZDBC-02-01", 2, 9, "键后的冒号应为半角“:”"),
]


@pytest.mark.parametrize(("old", "new", "line", "col", "hint"), FULL_WIDTH,
                         ids=["colon", "dash", "dash-space", "indent", "indent-mixed", "colon-in-list"])
def test_full_width_syntax_is_reported_at_the_character(old: str, new: str, line: int, col: int, hint: str) -> None:
    text = ITEM.replace(old, new, 1)
    assert text != ITEM
    (diag,) = _load(text)
    assert diag.check_tuple() == ("Y101", line, col)
    assert hint in (diag.hint() or "")
    assert re.search(r"[\u4e00-\u9fff]", diag.message()) and "full-width" in diag.message("en")


def test_full_width_colon_inside_a_value_is_not_blamed() -> None:
    # "补偿标准：按规定" is a valid value; the error is the bad indentation two lines later
    text = "a:\n  - 补偿标准：按规定\n  - x\n b: 1\n"
    (diag,) = _load(text)
    assert diag.check_tuple() == ("Y101", 4, 2)
    assert "全角" not in diag.message()


def test_valid_full_width_colon_in_a_value_is_no_error() -> None:
    assert _load("content:\n  - 补偿标准：按规定\ntitle: 标准化工作导则　第1部分：结构\n") == []


ENGLISH = [  # broken inputs whose libyaml problem text used to reach Chinese users in English
    "a: b: c\n",                 # mapping values are not allowed in this context
    "a: ]\n",                    # did not find expected node content
    "? a\n: b\n? [\n",           # did not find expected node content (flow node)
    "a: 1\n---\nb: 2\n",         # but found another document
    "a: |x\n  b\n",              # did not find expected comment or line break
    'a: "\\q"\n',                # found unknown escape character
    "a: &\nb: 1\n",              # did not find expected alphabetic or numeric character
    "a: !foo!bar x\n",           # found undefined tag handle
    "a: 1\n...\nb: 2\n",         # did not find expected <document start>
    "%FOO\n---\na: 1\n",         # found unknown directive name
    "a: @foo\n",                 # found character that cannot start any token
    'a: "\\xZZ"\n',              # did not find expected hexdecimal number
    "a: 'abc\n---\n",            # found unexpected document indicator
]


@pytest.mark.parametrize("text", ENGLISH)
def test_problem_texts_are_chinese(text: str) -> None:
    (diag,) = _load(text)
    assert diag.code == "Y101"
    detail = diag.message().removeprefix("YAML 语法错误：")
    assert re.search(r"[\u4e00-\u9fff]", detail) and not re.search(r"[a-z]{4,} [a-z]{4,}", detail), detail
    assert diag.hint() and diag.hint("en")
    assert re.search(r"[a-z]{4,}", diag.message("en")), "English keeps libyaml's text"


def test_read_errors_are_chinese(tmp_path: Path) -> None:
    diags = Diagnostics()
    load_file(tmp_path / "missing.yaml", "missing.yaml", diags)
    load_file(tmp_path, "folder.yaml", diags)
    missing, folder = diags.items
    assert missing.message() == "无法读取文件：文件不存在"
    assert missing.message("en") == "cannot read file: No such file or directory"
    assert folder.message() == "无法读取文件：这是一个文件夹，不是文件"
