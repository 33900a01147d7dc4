"""The national coverage matrix (standards/coverage/<domain>.yaml, issue 18): located diagnostics for a mapped
code that does not exist (C430), a national item listed twice (C431), an unknown guideline (C432) or domain
(C433), a code both mapped and declared an addition (C434), an item neither mapped nor added (C435), two
matrices for one domain (C436), and a malformed line (schema, S2xx) — each at the line it was written on."""

from __future__ import annotations

from pathlib import Path

from govopen_std.diagnostics import Diagnostic
from govopen_std.pipeline import check_workspace

HEAD = """domain: zdbc
guidelines:
  - {id: zrzyb-2019, title: 征地补偿领域基层政务公开标准指引, issuer: 自然资源部}
items:
"""
GOOD_ITEMS = """  - guideline: zrzyb-2019
    category: [征地管理政策]
    source: 地方政府网站公布的标准目录
    verified: true
    codes: [ZDBC-01-01]
  - guideline: zrzyb-2019
    category: [征地前期准备, 拟征收土地告知]
    source: 地方政府网站公布的标准目录
    verified: true
    codes: [ZDBC-02-01]
"""
ADDITIONS = """additions:
  - {code: ZDBC-02-02, note: 浙江试点增设}
"""


def _write(ws: Path, text: str, name: str = "zdbc.yaml") -> Path:
    folder = ws / "standards" / "coverage"
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _coverage_diags(ws: Path) -> list[Diagnostic]:
    result = check_workspace(ws)
    return [d for d in result.diagnostics.sorted()
            if d.location is not None and d.location.path.startswith("standards/coverage/")]


def _at(diags: list[Diagnostic], code: str) -> list[tuple[str, int, int]]:
    return [(d.location.path, d.location.line, d.location.col) for d in diags if d.code == code and d.location]


def test_a_complete_matrix_is_clean(mini: Path) -> None:
    _write(mini, HEAD + GOOD_ITEMS + ADDITIONS)
    assert _coverage_diags(mini) == []


def test_a_mapped_code_that_does_not_exist_is_c430_at_the_code(mini: Path) -> None:
    text = HEAD + GOOD_ITEMS.replace("codes: [ZDBC-02-01]", "codes: [ZDBC-02-01, ZDBC-09-09]") + ADDITIONS
    _write(mini, text)
    diags = _coverage_diags(mini)
    assert [d.code for d in diags] == ["C430"]
    assert _at(diags, "C430") == [("standards/coverage/zdbc.yaml", 14, 25)]
    assert "ZDBC-09-09" in diags[0].message("zh") and "拟征收土地告知" in diags[0].message("zh")
    assert "ZDBC-09-09" in diags[0].message("en") and "no item of the domain" in diags[0].message("en")


def test_a_national_item_listed_twice_is_c431_at_the_second(mini: Path) -> None:
    twice = """  - guideline: zrzyb-2019
    category: [征地管理政策]
    source: 重复
    verified: false
    not_covered: 重复列出
"""
    _write(mini, HEAD + GOOD_ITEMS + twice + ADDITIONS)
    diags = _coverage_diags(mini)
    assert [d.code for d in diags] == ["C431"]
    assert _at(diags, "C431") == [("standards/coverage/zdbc.yaml", 16, 15)]
    assert "zdbc.yaml:6:15" in diags[0].message("zh")


def test_unknown_guideline_and_domain(mini: Path) -> None:
    _write(mini, HEAD + GOOD_ITEMS.replace("guideline: zrzyb-2019\n    category: [征地管理政策]",
                                           "guideline: nowhere\n    category: [征地管理政策]") + ADDITIONS)
    _write(mini, HEAD.replace("domain: zdbc", "domain: nosuch") + GOOD_ITEMS, name="other.yaml")
    diags = _coverage_diags(mini)
    assert _at(diags, "C432") == [("standards/coverage/zdbc.yaml", 5, 16)]
    assert _at(diags, "C433") == [("standards/coverage/other.yaml", 1, 9)]


def test_addition_that_is_mapped_and_item_neither_mapped_nor_added(mini: Path) -> None:
    _write(mini, HEAD + GOOD_ITEMS + "additions:\n  - {code: ZDBC-01-01, note: 浙江试点增设}\n")
    diags = _coverage_diags(mini)
    assert _at(diags, "C434") == [("standards/coverage/zdbc.yaml", 16, 12)]
    # ZDBC-02-02 is in neither list: one warning, at the additions block
    assert [(d.code, d.params) for d in diags if d.code == "C435"] == [
        ("C435", (("code", "ZDBC-02-02"), ("domain", "征地补偿")))]


def test_two_matrices_for_one_domain_is_c436(mini: Path) -> None:
    _write(mini, HEAD + GOOD_ITEMS + ADDITIONS)
    _write(mini, HEAD + GOOD_ITEMS + ADDITIONS, name="zdbc-copy.yaml")
    diags = _coverage_diags(mini)
    assert [d.code for d in diags] == ["C436"]
    assert _at(diags, "C436") == [("standards/coverage/zdbc.yaml", 1, 9)]


def test_a_line_with_both_codes_and_reason_is_a_located_schema_error(mini: Path) -> None:
    both = GOOD_ITEMS.replace("codes: [ZDBC-01-01]", "codes: [ZDBC-01-01]\n    not_covered: 不属浙江范围")
    _write(mini, HEAD + both + ADDITIONS)
    diags = _coverage_diags(mini)
    assert diags and all(d.code.startswith("S") for d in diags)
    assert {(d.location.line if d.location else 0) for d in diags} == {5}
    assert "codes" in diags[0].message("zh")
