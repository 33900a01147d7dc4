"""The prebuilt search index (render/html_site/search.py): law+article keys, so that a citation written the
way officials write it ("土地管理法第四十七条", "《中华人民共和国土地管理法》第四十七条") is one substring of the
items that cite that article (QA #17), and 其他：<名称> channels filed under the 其他 filter."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import MINI
from govopen_std.build import BuildOptions, resolve_catalogs, views_for
from govopen_std.diagnostics import Diagnostics
from govopen_std.pipeline import check_workspace
from govopen_std.render.html_site.search import citation_keys, facets, index_script, normalize
from govopen_std.view.model import BuildView, LawRef, LawView

LAND_LAW = LawView("land-admin-law", "中华人民共和国土地管理法", ("土地管理法",), "主席令第三十二号", "法律",
                   "全国人民代表大会常务委员会", "2019年修正", "2019-08-26", "2020-01-01")


def province_view(workspace: Path) -> BuildView:
    check = check_workspace(workspace)
    assert not check.diagnostics.has_errors
    catalogs = resolve_catalogs(check, BuildOptions(), Diagnostics())
    return next(view for view in views_for(check, catalogs) if view.key == "province")


def index_of(view: BuildView) -> dict[str, dict[str, object]]:
    script = index_script(view, {row.code: f"items/{row.code}.html" for row in view.items})
    data = json.loads(script[script.index("{"):script.rindex("}") + 1])
    return {entry["c"]: entry for entry in data["items"]}


def matches(entry: dict[str, object], query: str) -> bool:
    """What search.js does for one term: a substring of the name, the body or the law+article keys."""
    term = normalize(query)
    return any(term in str(entry[field]) for field in ("t", "b", "k"))


def test_keys_cover_every_article_under_title_and_short_names_with_and_without_brackets() -> None:
    ref = LawRef("land-admin-law", "《中华人民共和国土地管理法》", "第四十六条、第四十七条", "主席令第三十二号")
    keys = citation_keys(ref, LAND_LAW)
    for name in ("中华人民共和国土地管理法", "土地管理法"):
        for article in ("第四十六条", "第四十七条"):
            assert f"{name}{article}" in keys and f"《{name}》{article}" in keys
    assert citation_keys(LawRef("land-admin-law", "《中华人民共和国土地管理法》", "", None), LAND_LAW) == []
    # a law missing from the registry is still keyed by the title the catalog prints
    assert citation_keys(LawRef("x", "《某条例》", "第三条", None), None) == ["某条例第三条", "《某条例》第三条"]


@pytest.mark.parametrize("query", ["土地管理法第四十七条", "《中华人民共和国土地管理法》第四十七条",
                                   "中华人民共和国土地管理法第四十七条", "《土地管理法》第四十七条"])
def test_a_law_and_article_finds_exactly_the_items_citing_that_article(query: str) -> None:
    view = province_view(MINI)
    entries = index_of(view)
    citing = {row.code for row in view.items for ref in row.basis
              if ref.law_id == "land-admin-law" and "第四十七条" in ref.articles.split("、")}
    assert citing == {"ZDBC-02-01"}
    assert {code for code, entry in entries.items() if matches(entry, query)} == citing
    # the 土地管理法实施条例 is another law: its article 26 is not 土地管理法第二十六条
    assert not any(matches(entry, "土地管理法第二十六条") for entry in entries.values())
    assert any(matches(entry, "土地管理法实施条例第二十六条") for entry in entries.values())


def test_every_article_of_a_multi_article_citation_is_keyed(tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    shutil.copytree(MINI, workspace)
    text = workspace / "standards" / "domains" / "zdbc" / "zdbc-01.yaml"
    source = text.read_text(encoding="utf-8")
    text.write_text(source.replace("{law: land-admin-law, articles: [47]}", "{law: land-admin-law, articles: [46, 47]}"),
                    encoding="utf-8")
    entry = index_of(province_view(workspace))["ZDBC-02-01"]
    # the catalog prints 《…》第四十六条、第四十七条: the second article only matches through the keys
    assert "《中华人民共和国土地管理法》第四十七条" not in str(entry["b"])
    assert matches(entry, "《中华人民共和国土地管理法》第四十七条") and matches(entry, "土地管理法第四十六条")


def test_named_other_channels_are_filed_under_other(tmp_path: Path) -> None:
    workspace = tmp_path / "ws"
    shutil.copytree(MINI, workspace)
    text = workspace / "standards" / "domains" / "zdbc" / "zdbc-01.yaml"
    source = text.read_text(encoding="utf-8")
    text.write_text(source.replace("      optional: [两微一端]\n", "      optional: [两微一端, 其他：村务微信群]\n", 1),
                    encoding="utf-8")
    check = check_workspace(workspace)
    catalogs = resolve_catalogs(check, BuildOptions(), Diagnostics())
    view = next(v for v in views_for(check, catalogs) if v.key == "province")
    assert "其他" in facets(view).channel
    entry = index_of(view)["ZDBC-02-01"]
    assert entry["ch"] == ["社区/企事业单位/村公示栏（电子屏）", "政府网站", "两微一端", "其他"]
