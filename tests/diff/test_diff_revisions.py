"""`govopen diff`: two revisions of a domain with one item added, one removed and one deadline changed are
reported as exactly those three in the terminal table, the JSON and the DOCX 修订对照表; changed items
are compared element by element."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import MINI, require_tool, run_cli

TEXT = "standards/domains/zdbc/zdbc-01.yaml"
ADDED = """  - code: ZDBC-02-03
    category: [征地前期准备, 社会稳定风险评估结果]
    name: 社会稳定风险评估结果
    content: [风险评估结论]
    basis:
      - {law: land-admin-law, articles: [47]}
    subject: 县级人民政府
    deadline: 自收到申请之日起20个工作日内
    method: 依申请
    channels: {required: [政府网站]}
    audience: 全社会
    level: [县级]
"""


def revise(workspace: Path) -> None:
    """One item removed (ZDBC-02-02), one added (ZDBC-02-03), one deadline changed (ZDBC-02-01)."""
    path = workspace / TEXT
    text = path.read_text(encoding="utf-8")
    text = text[: text.index("  - code: ZDBC-02-02")] + ADDED
    path.write_text(text.replace("不少于10个工作日", "不少于15个工作日"), encoding="utf-8")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=govopen", "-c", "user.email=t@example.org", *args],
                   check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose workspace (in a subfolder) has two commits: the mini workspace, then `revise`."""
    require_tool("git")
    root = tmp_path / "repo"
    shutil.copytree(MINI, root / "ws")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "v1")
    revise(root / "ws")
    git(root, "commit", "-qam", "v2")
    return root / "ws"


def codes_in(text: str) -> set[str]:
    return set(re.findall(r"ZDBC-\d\d-\d\d", text))


def test_three_changes_in_all_three_outputs(repo: Path, tmp_path: Path) -> None:
    docx_path, json_path = tmp_path / "修订对照表.docx", tmp_path / "diff.json"
    result = run_cli("diff", "--git", "HEAD~1", "HEAD", "--docx", str(docx_path), "--json", str(json_path), cwd=repo)
    assert result.exit_code == 0, result.stderr
    # terminal table
    assert codes_in(result.stdout) == {"ZDBC-02-01", "ZDBC-02-02", "ZDBC-02-03"}
    for note in ("修改公开时限", "删除事项", "新增事项"):
        assert result.stdout.count(note) == 1
    assert "新增 1 个事项，删除 1 个，修改 1 个（共 1 处修改）" in result.stdout
    # JSON
    payload = json.loads(json_path.read_text(encoding="utf-8"))
    assert payload["summary"] == {"added": 1, "removed": 1, "changed": 1, "field_changes": 1}
    assert [(c["kind"], c["code"]) for c in payload["changes"]] == [
        ("changed", "ZDBC-02-01"), ("removed", "ZDBC-02-02"), ("added", "ZDBC-02-03")]
    assert payload["changes"][0]["fields"] == [{
        "field": "deadline", "action": "changed", "label": "公开时限", "old": "征收土地预公告时间不少于10个工作日",
        "new": "征收土地预公告时间不少于15个工作日", "note": "修改公开时限"}]
    assert "公开时限：土地现状调查结果确认后5个工作日内" in payload["changes"][1]["old"]
    stdout_json = run_cli("diff", "--git", "HEAD~1", "HEAD", "--format", "json", cwd=repo)
    assert json.loads(stdout_json.stdout) == payload
    # DOCX, read back
    import docx

    table = docx.Document(str(docx_path)).tables[0]
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["条款/事项", "原内容", "修改后内容", "修改说明"]
    changes = [r for r in rows[1:] if len(set(r)) > 1]  # a standard's heading row spans all four cells
    assert [(sorted(codes_in(r[0])), r[3]) for r in changes] == [
        (["ZDBC-02-01"], "修改公开时限"), (["ZDBC-02-02"], "删除事项"), (["ZDBC-02-03"], "新增事项")]
    assert changes[0][1:3] == ["征收土地预公告时间不少于10个工作日", "征收土地预公告时间不少于15个工作日"]
    assert changes[1][2] == changes[2][1] == "（无）"
    # the group row names the standard by its full title, never by the internal id zdbc-01
    assert [r[0] for r in rows[1:] if len(set(r)) == 1] == ["征地补偿政务公开\u3000征地实施管理"]


def test_docx_layout_and_reproducibility(repo: Path, tmp_path: Path) -> None:
    from docx.oxml.ns import qn

    import docx

    for name in ("a.docx", "b.docx"):
        assert run_cli("diff", "--git", "HEAD~1", "HEAD", "--docx", str(tmp_path / name), cwd=repo).exit_code == 0
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()
    document = docx.Document(str(tmp_path / "a.docx"))
    section = document.sections[0]
    assert section.page_width > section.page_height  # A4 landscape
    table = document.tables[0]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # header repeats on every page
    faces = {r._r.rPr.rFonts.get(qn("w:eastAsia")) for row in table.rows for c in row.cells for p in c.paragraphs
             for r in p.runs}
    assert faces == {"黑体", "仿宋"}
    assert document.paragraphs[0].text == "修订对照表"
    assert document.paragraphs[0].runs[0]._r.rPr.rFonts.get(qn("w:eastAsia")) == "方正小标宋简体"


def test_changed_items_element_by_element(tmp_path: Path) -> None:
    old, new = tmp_path / "old", tmp_path / "new"
    shutil.copytree(MINI, old)
    shutil.copytree(MINI, new)
    path = new / TEXT
    text = path.read_text(encoding="utf-8")
    text = text.replace("      - 征收目的\n", "      - 征收补偿安排\n")
    text = text.replace("      - {law: land-admin-law, articles: [47]}", "      - {law: land-admin-law, articles: [47, 48]}")
    text = text.replace("      optional: [两微一端]\n", "")
    text = re.sub(r"(      required: \[[^\]\n]*, 政府网站)\]", r"\1, 两微一端]", text, count=1)
    text = text.replace("    level: [县级, 乡级]", "    level: [县级]")
    path.write_text(text, encoding="utf-8")
    spec = new / "standards/domains/zdbc/zdbc-00.yaml"
    spec.write_text(spec.read_text(encoding="utf-8").replace("ZDBC-01-01", "ZDBC-01-05"), encoding="utf-8")
    result = run_cli("diff", str(old), str(new), "--format", "json")
    assert result.exit_code == 0, result.stderr
    changes = json.loads(result.stdout)["changes"]
    assert [(c["kind"], c["code"], c["old_code"]) for c in changes] == [
        ("changed", "ZDBC-01-05", "ZDBC-01-01"), ("changed", "ZDBC-02-01", None)]
    assert [(f["old"], f["new"], f["note"]) for f in changes[0]["fields"]] == [
        ("ZDBC-01-01", "ZDBC-01-05", "修改事项编码")]
    assert [(f["label"], f["old"], f["new"], f["note"]) for f in changes[1]["fields"]] == [
        ("公开内容", "征收目的", "", "删除公开内容要素"),
        ("公开内容", "", "征收补偿安排", "增加公开内容要素"),
        ("公开依据", "《中华人民共和国土地管理法》第四十七条", "《中华人民共和国土地管理法》第四十七条、第四十八条",
         "修改公开依据条款"),
        ("公开渠道和载体", "□两微一端", "■两微一端", "公开渠道改为必选"),
        ("公开层级", "乡级", "", "删除公开层级"),
    ]


def test_one_revision_compares_with_the_files_on_disk(repo: Path) -> None:
    path = repo / TEXT
    path.write_text(path.read_text(encoding="utf-8").replace("    method: 依申请\n", "    method: 主动\n"),
                    encoding="utf-8")
    result = run_cli("diff", "--git", "HEAD", "--format", "json", cwd=repo)
    assert result.exit_code == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["new"] == "工作区"
    assert [(c["code"], [f["field"] for f in c["fields"]]) for c in payload["changes"]] == [("ZDBC-02-03", ["method"])]


def test_domain_filter(repo: Path) -> None:
    other = run_cli("diff", "--git", "HEAD~1", "HEAD", "--domain", "拆迁安置", "--format", "json", cwd=repo)
    assert json.loads(other.stdout)["summary"]["added"] == 0
    same = run_cli("diff", "--git", "HEAD~1", "HEAD", "--domain", "ZDBC", "--format", "json", cwd=repo)
    assert json.loads(same.stdout)["summary"]["added"] == 1
    unknown = run_cli("diff", "--git", "HEAD~1", "HEAD", "--domain", "zdbx", cwd=repo)
    assert unknown.exit_code == 2 and "D844" in unknown.stderr and "zdbc" in unknown.stderr


@pytest.mark.parametrize(("args", "code"), [
    (["--git", "no-such-revision", "HEAD"], "D840"),
    (["only-one-folder"], "E902"),
])
def test_usage_errors(repo: Path, args: list[str], code: str) -> None:
    result = run_cli("diff", *args, cwd=repo)
    assert result.exit_code == 2
    assert code in result.stderr and "Traceback" not in result.stderr


def test_not_a_repository(tmp_path: Path) -> None:
    require_tool("git")
    shutil.copytree(MINI, tmp_path / "ws")
    result = run_cli("diff", "--git", "HEAD~1", "HEAD", cwd=tmp_path / "ws", env={"GIT_CEILING_DIRECTORIES": str(tmp_path)})
    assert result.exit_code == 2 and "D841" in result.stderr


# --- a version with errors is not compared (QA #4) ------------------------------------------------------

def break_yaml(workspace: Path) -> None:
    """A full-width colon after the first `deadline` (a YAML syntax error)."""
    path = workspace / TEXT
    path.write_text(path.read_text(encoding="utf-8").replace("    deadline: ", "    deadline： ", 1), encoding="utf-8")


def test_broken_new_folder_is_reported_not_shown_as_deletions(tmp_path: Path) -> None:
    shutil.copytree(MINI, tmp_path / "old")
    shutil.copytree(MINI, tmp_path / "new")
    break_yaml(tmp_path / "new")
    docx_path, json_path = tmp_path / "修订对照表.docx", tmp_path / "diff.json"
    result = run_cli("diff", "old", "new", "--docx", str(docx_path), "--json", str(json_path), cwd=tmp_path)
    assert result.exit_code == 1, result.stderr
    assert re.search(rf"^new/{TEXT}:\d+:\d+: 错误 Y101", result.stderr, re.M), result.stderr
    assert "D843" in result.stderr and "未写出修订对照表" in result.stderr
    assert "删除事项" not in result.stdout and "删除" not in result.stdout
    assert not docx_path.exists() and not json_path.exists()


def test_schema_error_in_old_revision_located_in_git_notation(repo: Path) -> None:
    path = repo / TEXT
    path.write_text(path.read_text(encoding="utf-8").replace("    openness: 执行\n", "    openess: 执行\n", 1),
                    encoding="utf-8")  # an unknown key: the item does not validate
    git(repo.parent, "commit", "-qam", "v3 with a schema error")
    result = run_cli("diff", "--git", "HEAD", "HEAD~1", "--format", "json", cwd=repo)
    assert result.exit_code == 1, result.stderr
    payload = json.loads(result.stdout)
    assert payload["changes"] is None and payload["summary"] is None
    located = [d for d in payload["diagnostics"] if d["path"]]
    assert located and {d["path"] for d in located} == {f"HEAD:ws/{TEXT}"}
    assert all(d["line"] and d["col"] for d in located) and located[0]["code"].startswith("S")
    assert [d["code"] for d in payload["diagnostics"] if not d["path"]] == ["D843"]
    assert f"HEAD:ws/{TEXT}:" in result.stderr
