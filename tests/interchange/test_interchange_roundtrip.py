"""Round trip over generated catalogs: `export` (XLSX, CSV, JSON) then `import` gives the same items, and
importing back into the workspace rewrites the YAML byte for byte."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from conftest import MINI
from govopen_std.diagnostics import Diagnostics, Severity
from govopen_std.interchange.exporter import ExportOptions, export_catalog
from govopen_std.interchange.importer import ImportOptions, import_catalog
from govopen_std.interchange.yaml_out import dump, new_text
from govopen_std.load.discover import find_workspace
from govopen_std.load.sources import load_sources
from govopen_std.model.item import Item

WORDS = ["征收", "补偿", "安置", "标准", "范围", "程序", "结果", "名单", "金额", "方案", "公告", "地价", "青苗",
         "住房", "对象", "资金", "项目", "评估", "调查", "登记", "5年", "GB/T 2260", "（含附件）", "第3批"]
JOINERS = ["", "、", "和", "的", "，"]
LAWS = ["gov-info-disclosure-reg", "land-admin-law", "land-admin-law-regulation"]
CHANNELS = [c["name"] for c in YAML(typ="safe").load((MINI / "standards/vocabulary.yaml").read_text(
    encoding="utf-8"))["channels"]]  # every channel, as the vocabulary spells it
DEADLINES = ["信息形成或者变更之日起20个工作日内", "公示期不少于7日", "及时公开", "招生报名开始前公布",
             "收到申请之日起15个工作日内", "每季度公开一次"]
ZDBC_SUBJECTS = ["县级人民政府", "县级自然资源主管部门", "乡镇人民政府（街道办事处）"]
FPJZ_SUBJECTS = ["县级民政部门", "县（市、区）人民政府", "县级住房和城乡建设、民政部门", "乡镇人民政府（街道办事处）"]


@st.composite
def phrase(draw: st.DrawFn, max_words: int = 4) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=1, max_size=max_words))
    out = words[0]
    for word in words[1:]:
        out += draw(st.sampled_from(JOINERS)) + word
    return out


@st.composite
def citation(draw: st.DrawFn, law: str) -> dict[str, Any]:
    cite: dict[str, Any] = {"law": law}
    articles: list[int | str] = sorted(draw(st.sets(st.integers(1, 250), max_size=3)))
    if draw(st.booleans()) and draw(st.booleans()):
        articles.append("第四条第二款")
    if articles:
        cite["articles"] = articles
    if draw(st.integers(0, 4)) == 0:
        cite["note"] = draw(phrase())
    return cite


@st.composite
def item(draw: st.DrawFn, code: str, primary: str, subjects: list[str], areas: list[str]) -> dict[str, Any]:
    levels = draw(st.integers(1, 3))
    category = [primary, *(draw(phrase(2)) for _ in range(levels - 1))]
    required = draw(st.lists(st.sampled_from(CHANNELS), unique=True, max_size=3))
    optional = draw(st.lists(st.sampled_from([c for c in CHANNELS if c not in required]), unique=True, max_size=2))
    data: dict[str, Any] = {
        "code": code, "category": category, "name": draw(phrase(3)),
        "content": [t if draw(st.booleans()) else {"text": t, "required": False}
                    for t in draw(st.lists(phrase(), min_size=1, max_size=4, unique=True))],
        "basis": [draw(citation(law)) for law in draw(st.lists(st.sampled_from(LAWS), min_size=1, max_size=3,
                                                                unique=True))],
        "subject": draw(st.lists(st.sampled_from(subjects), min_size=1, max_size=2, unique=True)),
        "deadline": draw(st.sampled_from(DEADLINES) | phrase(2).map(lambda p: f"{p}之日起10个工作日内")),
        "method": draw(st.sampled_from(["主动", "依申请"])),
        "channels": {"required": required, "optional": optional},
        "level": draw(st.lists(st.sampled_from(["省级", "市级", "县级", "乡级", "村级"]), unique=True, max_size=3)),
    }
    audience = draw(st.sampled_from(["none", "public", "group"]))
    if audience != "none":
        data["audience"] = "全社会" if audience == "public" else {"kind": "特定群体", "who": draw(phrase(3))}
    for name, strategy in (("openness", st.sampled_from(["决策", "执行", "管理", "服务", "结果"])), ("note", phrase())):
        if draw(st.booleans()):
            data[name] = draw(strategy)
    if areas:
        data["area"] = draw(st.sampled_from(areas))
    return data


@st.composite
def domain_items(draw: st.DrawFn, domain: str, subjects: list[str], areas: list[str]) -> list[Item]:
    primaries = draw(st.lists(phrase(2), min_size=1, max_size=3, unique=True))
    count = draw(st.integers(1, 5))
    items = []
    for n in range(count):
        p = draw(st.integers(0, len(primaries) - 1))
        code = f"{domain}-{10 + p:02d}-{n + 1:02d}"
        items.append(Item.model_validate(draw(item(code, primaries[p], subjects, areas))))
    return items


def write_texts(workspace: Path, zdbc: list[Item], fpjz: list[Item]) -> dict[str, Path]:
    paths = {"zdbc-05": workspace / "standards/domains/zdbc/zdbc-05.yaml",
             "fpjz-01": workspace / "standards/domains/fpjz/fpjz-01.yaml"}
    paths["fpjz-01"].parent.mkdir(parents=True, exist_ok=True)
    paths["zdbc-05"].write_text(dump(new_text("zdbc-05", "征地补偿方式", zdbc, [])), encoding="utf-8")
    paths["fpjz-01"].write_text(dump(new_text("fpjz-01", "扶贫救灾对象确定程序", fpjz, FPJZ_SUBJECTS)),
                                encoding="utf-8")
    return paths


def expected_items(workspace: Path) -> dict[str, list[Item]]:
    sources = load_sources(find_workspace(workspace), Diagnostics())
    return {sid: [located.value for located in items] for sid, items in sources.items.items() if items}


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(zdbc=domain_items("ZDBC", ZDBC_SUBJECTS, []), fpjz=domain_items("FPJZ", FPJZ_SUBJECTS, ["扶贫", "救灾"]))
def test_export_then_import_gives_the_same_items(zdbc: list[Item], fpjz: list[Item]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Path(tmp) / "ws"
        shutil.copytree(MINI, workspace)
        paths = write_texts(workspace, zdbc, fpjz)
        written = {sid: path.read_bytes() for sid, path in paths.items()}
        exported = export_catalog(ExportOptions(workspace=workspace, out_dir=Path(tmp) / "out"))
        assert exported.ok, [d.message() for d in exported.diagnostics.sorted()]
        expected = expected_items(workspace)
        assert expected["zdbc-05"] == zdbc and expected["fpjz-01"] == fpjz
        for path in exported.written:
            result = import_catalog(ImportOptions(path, workspace=workspace, dry_run=True))
            problems = [d for d in result.diagnostics.sorted() if d.severity >= Severity.WARNING]
            assert not problems, (path.name, [(str(d.location), d.message()) for d in problems])
            assert result.items == expected, path.name
        xlsx = next(p for p in exported.written if p.suffix == ".xlsx")
        result = import_catalog(ImportOptions(xlsx, workspace=workspace))
        assert result.ok, [(str(d.location), d.message()) for d in result.after_check]
        assert {sid: paths[sid].read_bytes() for sid in paths} == written
