"""Full titles (issue 10): Annex 1 names eight standards 考核评价; on their own they are titled
引导要素　主体要素 (征地补偿政务公开　考核评价), the domain's 公开规范 <领域>政务公开规范, the general standards
as printed. Covers, first body pages, document properties, site pages and the revision table use the full
title; the responsibility list keeps Annex 1's. English titles follow one pattern per domain."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

import docx
from conftest import MINI, ROOT
from govopen_std.build import BuildOptions, run
from govopen_std.diagnostics import Diagnostics
from govopen_std.load.discover import Workspace
from govopen_std.load.sources import load_sources
from govopen_std.model.system import System
from govopen_std.pipeline import check_workspace
from govopen_std.resolve.catalog import resolve_province
from govopen_std.view.builder import build_view
from govopen_std.view.model import BuildView
from govopen_std.view.responsibility import responsibility_list
from govopen_std.view.titles import full_title

SEP = "\u3000"


def _system(root: Path) -> System:
    sources = load_sources(Workspace(root, embedded=False), Diagnostics())
    assert sources.system is not None
    return sources.system.value


def province_view_of(root: Path) -> BuildView:
    check = check_workspace(root)
    assert check.sources.system is not None
    return build_view(check.sources, resolve_province(
        check.sources, {p.id: p.group for p in check.sources.system.value.standards}))


def _titles(system: System) -> dict[str, str]:
    groups = {g.id: g for g in system.groups}
    return {p.id: full_title(p, groups.get(p.group)) for p in system.standards}


def test_the_forms_of_the_full_title() -> None:
    titles = _titles(_system(MINI))
    assert titles["zdbc-06"] == f"征地补偿政务公开{SEP}考核评价"
    assert titles["szfw-02"] == f"市政服务政务公开{SEP}供水管理"
    assert titles["cqaz-05"] == f"拆迁安置政务公开{SEP}补偿安置"
    assert titles["szfw-00"] == "市政服务政务公开规范"  # as DB3301/T 0262—2018 was published
    assert titles["ncwf-00"] == "农村危房改造政务公开规范"  # the domain's name, not Annex 1's 危房改造
    assert titles["gen-01"] == "政务公开总则" and titles["gen-02"] == "基层政务信息分类与编码规范"


def test_full_titles_are_unique_where_printed_titles_are_not() -> None:
    system = _system(ROOT)
    printed = Counter(p.title for p in system.standards)
    assert printed["考核评价"] >= 2  # the ambiguity of Annex 1
    titles = _titles(system)
    assert len(set(titles.values())) == len(titles)
    for sid, title in titles.items():  # 引导要素　主体要素: at most one separator, never doubled
        assert title.count(SEP) <= 1 and not title.startswith(SEP) and not title.endswith(SEP), sid


def test_the_view_keeps_annex1_titles_for_the_list() -> None:
    view = province_view_of(MINI)
    std = view.standard("zdbc-06")
    assert std is not None and std.title == "考核评价" and std.full_title == f"征地补偿政务公开{SEP}考核评价"
    listed = [row.title for group in responsibility_list(view) for row in group.rows]
    assert listed.count("考核评价") == 8  # the responsibility list reproduces Annex 1


ENGLISH_SPEC = re.compile(r"^Specification for government affairs openness in (?P<domain>[a-z][a-z -]+[a-z])$")
ENGLISH_PART = re.compile(r"^Government affairs openness in (?P<domain>[a-z][a-z -]+[a-z])—(?P<subject>[A-Z].+)$")


def test_english_titles_follow_one_pattern_per_domain() -> None:
    domains: dict[str, set[str]] = {}
    checked = 0
    for path in sorted((ROOT / "standards" / "domains").glob("*/*.yaml")):
        line = next((x for x in path.read_text(encoding="utf-8").splitlines() if x.startswith("title_en: ")), None)
        if line is None:  # a text still being written
            continue
        title = line.removeprefix("title_en: ").strip()
        pattern = ENGLISH_SPEC if path.stem.endswith("-00") else ENGLISH_PART
        match = pattern.match(title)
        assert match, f"{path.name}: {title!r}"
        domains.setdefault(path.parent.name, set()).add(match.group("domain"))
        checked += 1
    assert checked >= 8
    assert all(len(names) == 1 for names in domains.values()), domains  # one English name per domain


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("titles")
    result = run(BuildOptions(workspace=MINI, out_dir=out, formats=("docx", "html"), counties=(),
                              all_standards=True))
    assert result.ok
    return out


def test_docx_cover_first_page_and_properties_carry_the_full_title(built: Path) -> None:
    document = docx.Document(str(built / "docx" / "zdbc-06.docx"))
    texts = [p.text for p in document.paragraphs]
    assert f"征地补偿政务公开{SEP}考核评价" in texts[:12]  # the cover: short enough for one line
    assert texts[texts.index("1\u3000范围") - 1] == f"征地补偿政务公开{SEP}考核评价"  # the first body page
    assert document.core_properties.title == f"征地补偿政务公开{SEP}考核评价"
    long = [p.text for p in docx.Document(str(built / "docx" / "zdbc-05.docx")).paragraphs]
    # too long for one cover line: broken where the elements meet, never inside a word
    assert "征地补偿政务公开\n被征地农民社会保障管理规范" in long[:12]
    assert f"征地补偿政务公开{SEP}被征地农民社会保障管理规范" in long


def test_site_pages_carry_the_full_title(built: Path) -> None:
    page = (built / "site" / "standards" / "zdbc-06.html").read_text(encoding="utf-8")
    assert f"<title>征地补偿政务公开{SEP}考核评价 - " in page
    assert f"<h1>征地补偿政务公开{SEP}考核评价</h1>" in page
    assert "<th scope=\"row\">责任清单中的名称</th><td>考核评价</td>" in page
    item = next((built / "site" / "items").glob("ZDBC-*.html")).read_text(encoding="utf-8")
    assert re.search(r"所属标准</th><td><a [^>]+>征地补偿政务公开\u3000", item)
    listing = (built / "site" / "responsibility.html").read_text(encoding="utf-8")
    assert ">考核评价</a>" in listing and "政务公开\u3000考核评价" not in listing
