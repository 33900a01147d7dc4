"""The 公开流程图 (issue 15): drawn with Graphviz from each domain's procedure clause, embedded in the
domain's 公开规范 as 图1 with its caption and a reference in the text, written as SVG for the site, the
same bytes on every build, and a clear error with the package to install when `dot` is missing."""

from __future__ import annotations

import hashlib
import re
import zipfile
from pathlib import Path

import pytest
from docx_helpers import render_shipped, shipped_view
from docx_reader import DocxFile

from conftest import require_tool
from govopen_std.diagnostics import GovOpenError
from govopen_std.model.procedure import lanes
from govopen_std.render.docx_std.figures import flow_figure

DOMAINS = ("bzzf", "cqaz", "fpjz", "ggzy", "ncwf", "szfw", "ywjy", "zdbc")


@pytest.fixture(scope="module")
def shipped(tmp_path_factory: pytest.TempPathFactory) -> Path:
    require_tool("dot")
    out = tmp_path_factory.mktemp("figures")
    render_shipped(out)
    return out


def test_steps_are_read_from_the_procedure_clauses() -> None:
    texts = {s.id: s.text for s in shipped_view().standards if s.text is not None}
    zdbc = lanes(texts["zdbc-00"])  # a list under its lead-in, and a sentence for 依申请公开
    assert [(lane.name, lane.steps) for lane in zdbc] == [
        ("主动公开", ("信息形成", "审查", "发布", "更新和归档")),
        ("依申请公开", ("受理", "登记", "审核", "答复", "归档"))]
    cqaz = lanes(texts["cqaz-00"])  # both ways written as sentences
    assert cqaz[0].steps == ("信息形成", "保密和个人信息审查", "负责人审核", "发布", "更新归档")
    assert all(lanes(texts[f"{d}-00"]) for d in DOMAINS)


def test_each_domain_text_carries_its_figure_with_caption_and_reference(shipped: Path) -> None:
    for domain in DOMAINS:
        path = shipped / "docx" / f"{domain}-00.docx"
        texts = [p.text for p in DocxFile.open(path).paragraphs]
        caption = next(t for t in texts if t.startswith("图1\u3000"))
        assert caption.endswith("政务公开流程图"), caption
        reference = texts.index(caption) - 2
        assert texts[reference].endswith("的一般流程见图1。"), texts[reference]
        document = Path(path)
        with zipfile.ZipFile(document) as z:
            png = z.read("word/media/figure1.png")
            xml = z.read("word/document.xml").decode()
            rels = z.read("word/_rels/document.xml.rels").decode()
            types = z.read("[Content_Types].xml").decode()
        assert png.startswith(b"\x89PNG") and "<wp:inline" in xml and 'Target="media/figure1.png"' in rels
        assert "image/png" in types
        extent = re.search(r'<wp:extent cx="(\d+)" cy="(\d+)"', xml)
        assert extent and 0 < int(extent.group(1)) <= 5_400_000  # within the 160 mm type area


def test_svg_for_the_site_and_identical_bytes(shipped: Path, tmp_path: Path) -> None:
    svgs = sorted((shipped / "figures").glob("*.svg"))
    assert [p.stem for p in svgs] == list(DOMAINS)
    for svg in svgs:
        text = svg.read_text(encoding="utf-8")
        assert text.startswith("<?xml") and "<svg" in text and ("主动公开" in text or "信息公开" in text)
    again = tmp_path / "again"
    render_shipped(again)
    for svg in svgs:
        assert svg.read_bytes() == (again / "figures" / svg.name).read_bytes()
    for domain in DOMAINS:
        first = hashlib.sha256((shipped / "docx" / f"{domain}-00.docx").read_bytes()).hexdigest()
        assert first == hashlib.sha256((again / "docx" / f"{domain}-00.docx").read_bytes()).hexdigest()


def test_missing_dot_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    text = next(s.text for s in shipped_view().standards if s.id == "zdbc-00")
    assert text is not None
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(GovOpenError) as caught:
        flow_figure(text, "征地补偿")
    assert caught.value.diagnostic.code == "B654"
    assert caught.value.diagnostic.hint() == "安装：apt-get install graphviz。"
    assert "Graphviz" in caught.value.diagnostic.message("en")
