"""`govopen build` and the ledger: the store is an input of every site's key (a changed ledger rebuilds, an
unchanged one does not, also when the build is answered from the memos), the same sources and ledger give
byte-identical outputs, and the results the build gets reach the county's evaluation page and the heat map."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

from govopen_std.build import BuildOptions, run
from govopen_std.evaluate import build_inputs
from govopen_std.evaluate.result import EvaluationResult
from govopen_std.evaluate.store import STORE_NAME, LedgerRow, insert_rows, open_store
from helpers.evaluation import GEN13, sample_result, second_result, two_county_workspace


def _row(n: int) -> LedgerRow:
    return LedgerRow(county="330105", item_code="ZDBC-01-01", kind="发布", title=f"征地管理政策（第{n}次）",
                     formed="2018-03-01", published="2018-03-05", channels=("政府网站",),
                     url="https://www.gongshu.gov.cn/zdbc/1.html", publisher="杭州市拱墅区人民政府",
                     source_file="台账2018.xlsx", source_sheet="发布", source_row=n + 1)


def _add_rows(ws: Path, *numbers: int) -> None:
    conn = open_store(ws / "standards" / STORE_NAME)
    try:
        insert_rows(conn, [_row(n) for n in numbers])
    finally:
        conn.close()


def _build(ws: Path, out: Path) -> tuple[list[str], list[str]]:
    result = run(BuildOptions(workspace=ws, out_dir=out, formats=("html",), jobs=1))
    assert result.ok, [d.message("en") for d in result.diagnostics.items]
    return sorted(result.rendered), sorted(result.reused)


def _tree(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file() and ".govopen-staging" not in p.as_posix()}


TARGETS = ["330105", "330205", "province"]


def test_a_changed_ledger_rebuilds_the_sites_and_an_unchanged_one_does_not(tmp_path: Path) -> None:
    ws, out = two_county_workspace(tmp_path / "ws"), tmp_path / "out"
    assert _build(ws, out) == (TARGETS, [])
    assert _build(ws, out) == ([], TARGETS)
    _add_rows(ws, 1)
    assert _build(ws, out) == (TARGETS, [])  # a new ledger
    assert _build(ws, out) == ([], TARGETS)  # unchanged (answered from the memos or the manifest)
    _add_rows(ws, 1)  # the same row again: a re-import adds nothing, the store's bytes stay as they were
    assert _build(ws, out) == ([], TARGETS)
    _add_rows(ws, 2)
    assert _build(ws, out) == (TARGETS, [])  # a changed ledger


def test_a_docx_only_build_does_not_depend_on_the_ledger(tmp_path: Path) -> None:
    ws, out = two_county_workspace(tmp_path / "ws"), tmp_path / "out"
    options = BuildOptions(workspace=ws, out_dir=out, formats=("docx",), counties=(), jobs=1)
    assert run(options).rendered == ["province"]
    _add_rows(ws, 1)
    assert run(options).reused == ["province"]


def test_the_same_sources_and_ledger_give_the_same_bytes(tmp_path: Path) -> None:
    ws = two_county_workspace(tmp_path / "ws")
    _add_rows(ws, 1, 2)
    _build(ws, tmp_path / "a")
    _build(ws, tmp_path / "b")
    first, second = _tree(tmp_path / "a"), _tree(tmp_path / "b")
    assert {"site/evaluation.html", "330105/site/evaluation.html", "330205/site/evaluation.html"} <= set(first)
    assert first == second


def test_results_reach_the_county_page_and_the_heat_map(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws, out = two_county_workspace(tmp_path / "ws"), tmp_path / "out"
    seen: list[Path] = []

    def scored(_sources: object, _base: object, path: Path) -> list[EvaluationResult]:
        seen.append(path)
        return [sample_result(), second_result()]

    monkeypatch.setattr(build_inputs, "site_results", scored)
    assert _build(ws, out) == (TARGETS, [])
    assert not (out / "site" / "evaluation.html").exists()  # no ledger, no evaluation: the scorer is not asked
    assert seen == []
    _add_rows(ws, 1)
    assert _build(ws, out) == (TARGETS, [])
    assert seen == [ws / "standards" / STORE_NAME]
    heat = (out / "site" / "evaluation.html").read_text(encoding="utf-8")
    assert 'href="../330105/site/evaluation.html"' in heat and "92.5" in heat
    county = (out / "330105" / "site" / "evaluation.html").read_text(encoding="utf-8")
    assert "杭州市拱墅区政务公开评估结果" in county and "宁波市江北区" not in county
    assert (out / "330205" / "site" / "evaluation.html").is_file()
    assert (out / "site" / "assets" / "evaluation.css").is_file()
    home = (out / "330105" / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="evaluation.html">评估结果</a>' in home  # the nav links the page from every page of the site


def test_without_a_ledger_a_site_has_no_evaluation_page_nor_link(tmp_path: Path) -> None:
    ws, out = two_county_workspace(tmp_path / "ws"), tmp_path / "out"
    _build(ws, out)
    assert not list(out.rglob("evaluation.html")) and not list(out.rglob("evaluation.css"))
    assert "评估结果" not in (out / "site" / "index.html").read_text(encoding="utf-8")


def test_the_sites_period_is_the_year_of_the_latest_publication(tmp_path: Path) -> None:
    ws = two_county_workspace(tmp_path / "ws")
    path = ws / "standards" / STORE_NAME
    assert build_inputs.site_period(path) is None  # no store
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a database")
    assert build_inputs.site_period(path) is None
    path.unlink()
    open_store(path).close()
    assert build_inputs.site_period(path) is None  # an empty store
    _add_rows(ws, 1)
    period = build_inputs.site_period(path)
    assert period is not None and (period.label, period.start.isoformat(), period.end.isoformat()) == \
        ("2018", "2018-01-01", "2018-12-31")


def test_the_build_shows_what_govopen_evaluate_scores(tmp_path: Path) -> None:
    """End to end with the scorer: the sites show the results of `govopen evaluate --period 2018` (the year of the
    ledger's latest publication), the county page its own, the heat map every county's."""
    from govopen_std.evaluate.run import EvaluateOptions, run_evaluate
    from govopen_std.render.evaluation.labels import score_text
    from helpers.county import mini_with_two_counties

    ws = mini_with_two_counties(tmp_path / "ws")
    (ws / "standards" / "general" / "gen-13.yaml").write_text(GEN13, encoding="utf-8")
    conn = open_store(ws / "standards" / STORE_NAME)
    rows = [LedgerRow(county=county, item_code="ZDBC-01-01", kind="发布", title="征地管理政策", formed="2018-06-04",
                      published="2018-06-25", channels=("政府网站",), url="https://www.example.gov.cn/1",
                      publisher=None, source_file="台账.xlsx", source_sheet="台账", source_row=n)
            for n, county in enumerate(("330105", "330106"), 2)]
    assert insert_rows(conn, rows) == 2
    conn.close()
    outcome = run_evaluate(EvaluateOptions(workspace=ws, period="2018"))
    expected = {r.county: r for r in outcome.results}
    assert sorted(expected) == ["330105", "330106"]
    out = tmp_path / "out"
    result = run(BuildOptions(workspace=ws, out_dir=out, formats=("html",), jobs=1))
    assert result.ok
    for code, scored in expected.items():
        page = (out / code / "site" / "evaluation.html").read_text(encoding="utf-8")
        assert f"<strong>{score_text(scored.score)}</strong> 分（满分 100 分）" in page
        assert "评估期间 2018（" in page
        statuses = re.findall(r'<td class="status status-([a-z_]+)">', page)
        assert statuses == [i.status for i in scored.items] and statuses
    heat = (out / "site" / "evaluation.html").read_text(encoding="utf-8")
    assert heat.count('/site/evaluation.html">') == 2


def test_the_heat_map_has_every_county_whichever_counties_a_build_renders(tmp_path: Path) -> None:
    """`govopen build --county 330105` renders the province too; its heat map must still show every county, or a
    later full build would find the province up to date with one county on it."""
    from helpers.county import mini_with_two_counties

    ws = mini_with_two_counties(tmp_path / "ws")
    (ws / "standards" / "general" / "gen-13.yaml").write_text(GEN13, encoding="utf-8")
    _add_rows(ws, 1)
    out = tmp_path / "out"
    result = run(BuildOptions(workspace=ws, out_dir=out, formats=("html",), counties=("330105",), jobs=1))
    assert result.ok and sorted(result.rendered) == ["330105", "province"]
    heat = (out / "site" / "evaluation.html").read_text(encoding="utf-8")
    assert re.findall(r'href="\.\./(\d{6})/site/evaluation\.html"', heat) == ["330105", "330106"]
    assert _build(ws, out) == (["330106"], ["330105", "province"])
