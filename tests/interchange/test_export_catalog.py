"""`govopen export`: fixed, documented columns in XLSX, CSV (UTF-8 with BOM) and JSON; reproducible files;
a county's resolved catalog; and the shipped catalog reads back to the same items."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from conftest import ROOT, run_cli
from govopen_std.diagnostics import Diagnostics, Severity
from govopen_std.interchange.columns import EXPORT_COLUMNS
from govopen_std.interchange.exporter import ExportOptions, export_catalog
from govopen_std.interchange.importer import ImportOptions, import_catalog
from govopen_std.load.discover import find_workspace
from govopen_std.load.sources import load_sources
from govopen_std.view.model import CATALOG_COLUMNS
from helpers.county import PROFILE, write_profile


def test_columns_are_the_national_ones_then_the_documented_extras(mini: Path, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    result = run_cli("export", "-w", str(mini), "-o", str(tmp_path / "out"))
    assert result.exit_code == 0, result.stdout
    assert EXPORT_COLUMNS[: len(CATALOG_COLUMNS)] == CATALOG_COLUMNS
    assert EXPORT_COLUMNS[len(CATALOG_COLUMNS):] == ["事项编码", "事项名称", "三级事项", "领域", "子领域", "所属标准",
                                                     "五公开", "备注", "来源", "不适用理由"]
    ws = load_workbook(tmp_path / "out" / "catalog-province.xlsx").active
    assert [c.value for c in ws[1]] == EXPORT_COLUMNS
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref.startswith("A1:")
    assert [c.value for c in ws[2]][:3] == [1, "征地管理政策", None]
    raw = (tmp_path / "out" / "catalog-province.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
    assert rows[0] == EXPORT_COLUMNS and len(rows) == 4
    assert rows[1][EXPORT_COLUMNS.index("公开内容")] == "1.征地补偿安置法律法规和政策\n2.征收农用地区片综合地价\n3.征地工作流程图（可选）"
    assert rows[1][EXPORT_COLUMNS.index("公开渠道和载体")] == "■政府网站 ■征地信息公开平台 □政务服务中心"
    payload = json.loads((tmp_path / "out" / "catalog-province.json").read_text(encoding="utf-8"))
    assert payload["columns"] == EXPORT_COLUMNS
    assert [list(r) for r in payload["rows"]] == [EXPORT_COLUMNS] * 3
    assert [r[1:] for r in rows[1:]] == [[r[c] for c in EXPORT_COLUMNS][1:] for r in payload["rows"]]


def test_exports_are_reproducible(mini: Path, tmp_path: Path) -> None:
    first = run_cli("export", "-w", str(mini), "-o", str(tmp_path / "a"), cwd=tmp_path)
    second = run_cli("export", "-w", str(mini), "-o", str(tmp_path / "b"), cwd=ROOT)
    assert first.exit_code == second.exit_code == 0
    for name in ("catalog-province.xlsx", "catalog-province.csv", "catalog-province.json"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


def test_only_the_formats_asked_for(mini: Path, tmp_path: Path) -> None:
    result = run_cli("export", "-w", str(mini), "-o", str(tmp_path / "out"), "-f", "csv")
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["catalog-province.csv"]


def test_county_export_and_its_local_items_round_trip(mini: Path, tmp_path: Path) -> None:
    write_profile(mini, PROFILE)
    exported = export_catalog(ExportOptions(workspace=mini, out_dir=tmp_path, county="330105"))
    assert exported.ok, [d.message() for d in exported.diagnostics.sorted()]
    rows = json.loads((tmp_path / "catalog-330105.json").read_text(encoding="utf-8"))["rows"]
    by_code = {r["事项编码"]: r for r in rows}
    assert by_code["ZDBC-90-01"]["来源"] == "本县增补"
    assert by_code["ZDBC-01-01"]["来源"] == "本县细化"
    assert by_code["ZDBC-01-01"]["公开时限"] == "信息形成或者变更之日起10个工作日内"
    assert by_code["ZDBC-02-02"]["来源"] == "不适用"
    assert by_code["ZDBC-02-02"]["不适用理由"] == "本区无农村集体土地，不开展土地现状调查。"
    assert by_code["ZDBC-02-01"]["公开主体"] == "杭州市拱墅区人民政府"  # local body substituted
    from govopen_std.resolve.profile import read_profiles

    sources = load_sources(find_workspace(mini), Diagnostics())
    (profile,) = read_profiles(sources, Diagnostics())
    for path in exported.written:
        result = import_catalog(ImportOptions(path, workspace=mini, county="330105", dry_run=True))
        assert result.items == {"330105": list(profile.value.add)}, path.name
        assert {d.code for d in result.diagnostics.sorted()} == {"I826"}  # the base rows are skipped


def test_export_refuses_sources_with_errors(mini: Path, tmp_path: Path) -> None:
    path = mini / "standards/domains/zdbc/zdbc-01.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("method: 主动", "method: 随时"), encoding="utf-8")
    result = run_cli("export", "-w", str(mini), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "D846" in result.stdout and "R307" in result.stdout
    assert not (tmp_path / "out").exists()


def test_unknown_county(mini: Path, tmp_path: Path) -> None:
    result = run_cli("export", "-w", str(mini), "-o", str(tmp_path), "--county", "330999")
    assert result.exit_code == 2 and "E904" in result.stdout  # a usage error, exit 2 as in `build` (issue 14)


def test_shipped_catalog_reads_back_to_the_same_items(tmp_path: Path) -> None:
    """The real catalog (still growing: no counts) exports and imports back unchanged."""
    exported = export_catalog(ExportOptions(workspace=ROOT, out_dir=tmp_path, formats=("json",)))
    assert exported.ok, [d.message() for d in exported.diagnostics.sorted()]
    result = import_catalog(ImportOptions(exported.written[0], workspace=ROOT, dry_run=True))
    assert not [d for d in result.diagnostics.sorted() if d.severity >= Severity.WARNING]
    sources = load_sources(find_workspace(ROOT), Diagnostics())
    expected = {sid: [located.value for located in items] for sid, items in sources.items.items() if items}
    assert result.items == expected


def test_readme_documents_every_column() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### 表格的列"):readme.index("### `govopen import`")]
    for column in EXPORT_COLUMNS:
        assert column in section, column
