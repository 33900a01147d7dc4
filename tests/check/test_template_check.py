"""`check` validates a workspace's own templates (what `build` would stop at): templates/docx/style.yaml through
the DOCX renderer's loader (B610) and every Jinja template of templates/html/ (B621), each at file:line. The
embedded workspace's templates are not parsed (and Jinja is not imported for them)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from govopen_std.diagnostics import Diagnostic
from govopen_std.load.memo import workspace_key
from govopen_std.pipeline import check_workspace

TEMPLATES = ROOT / "templates"


def _with_templates(workspace: Path) -> Path:
    target = workspace / "templates"
    shutil.copytree(TEMPLATES, target)
    return target


def _template_diags(workspace: Path) -> list[Diagnostic]:
    return [d for d in check_workspace(workspace).diagnostics.sorted() if d.code in ("B610", "B621")]


def test_a_copy_of_the_embedded_templates_is_clean(mini: Path) -> None:
    _with_templates(mini)
    assert _template_diags(mini) == []


def test_broken_jinja_template_is_b621_at_its_line(mini: Path) -> None:
    item = _with_templates(mini) / "html" / "item.html"
    lines = item.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(2, "{{ row.code }\n")
    item.write_text("".join(lines), encoding="utf-8")
    (diag,) = _template_diags(mini)
    assert diag.check_tuple() == ("B621", 3, 1)
    assert diag.location is not None and diag.location.path == "templates/html/item.html"
    assert "第 3 行" in diag.message() and "模板语法错误" in diag.message()


def test_unknown_filter_is_b621(mini: Path) -> None:
    tree = _with_templates(mini) / "html" / "tree.svg"
    tree.write_text(tree.read_text(encoding="utf-8") + "{{ 'x' | no_such_filter }}\n", encoding="utf-8")
    (diag,) = _template_diags(mini)
    assert diag.code == "B621" and diag.location is not None and diag.location.path == "templates/html/tree.svg"


def test_style_template_yaml_error_is_b610_at_its_line(mini: Path) -> None:
    style = _with_templates(mini) / "docx" / "style.yaml"
    style.write_text("issuer: 浙江省市场监督管理局\nfonts: [\n", encoding="utf-8")
    (diag,) = _template_diags(mini)
    assert diag.code == "B610" and diag.location is not None
    assert (diag.location.path, diag.location.line) == ("templates/docx/style.yaml", 3)
    assert "YAML 语法错误" in diag.message()


def test_style_template_bad_value_and_unknown_key_are_b610_at_their_lines(mini: Path) -> None:
    style = _with_templates(mini) / "docx" / "style.yaml"
    style.write_text("fonts:\n  song: 宋体\nelements:\n  body: {font: kai, size: 10.5}\ncolour: red\n",
                     encoding="utf-8")
    found = _template_diags(mini)
    assert [d.check_tuple() for d in found] == [("B610", 4, 16), ("B610", 5, 1)]
    assert "kai" in found[0].message() and "colour" in found[1].message()


def test_build_stops_at_the_same_style_problem_with_its_line(mini: Path) -> None:
    from govopen_std.diagnostics import GovOpenError
    from govopen_std.render.docx_std.style import load_style

    folder = _with_templates(mini)
    (folder / "docx" / "style.yaml").write_text("fonts: [\n", encoding="utf-8")
    try:
        load_style(folder)
    except GovOpenError as exc:
        assert "style.yaml:2:1" in exc.diagnostic.message() and "YAML 语法错误" in exc.diagnostic.message()
    else:
        raise AssertionError("B610 expected")


def test_an_edited_template_changes_the_memo_key(mini: Path) -> None:
    from govopen_std.load.discover import find_workspace

    folder = _with_templates(mini)
    before = workspace_key(find_workspace(mini))
    (folder / "html" / "item.html").write_text("{{ x }\n", encoding="utf-8")
    assert workspace_key(find_workspace(mini)) != before


def test_checking_the_embedded_workspace_does_not_import_jinja() -> None:
    code = ("import sys; from govopen_std.pipeline import check_workspace; r = check_workspace(); "
            "assert r.sources.workspace.embedded; print('jinja2' in sys.modules)")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "GOVOPEN_CACHE": "off"}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300,
                          cwd="/")
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip() == "False"
