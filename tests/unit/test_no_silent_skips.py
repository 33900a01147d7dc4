"""Under CI=true a missing tool fails the suite: every skip goes through `conftest.skip_or_fail`, and a run with
LibreOffice, Chromium or jsonschema taken away fails instead of passing."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

SKIP = re.compile(r"pytest\.skip\(|importorskip\(|mark\.skipif|mark\.skip\b|pytest\.xfail\(|mark\.xfail")


def test_no_test_skips_except_through_the_one_helper() -> None:
    files = [p for p in (ROOT / "tests").rglob("*.py") if "node_modules" not in p.parts]
    assert len(files) > 50
    offenders = [f"{p.relative_to(ROOT)}:{n}" for p in files if p.name != "conftest.py" and p != Path(__file__)
                 for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if SKIP.search(line)]
    assert offenders == []
    conftest = (ROOT / "tests" / "conftest.py").read_text(encoding="utf-8")
    assert conftest.count("pytest.skip(") == 1  # inside skip_or_fail, after its CI=true check


def _pytest(test_id: str, tmp_path: Path, *, ci: bool, path: str | None = None,
            pythonpath: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "COV_"))}
    env["CI"] = "true" if ci else "false"
    env["PYTHONPATH"] = os.pathsep.join(p for p in (pythonpath, str(ROOT / "src")) if p)
    if path is not None:
        env["PATH"] = path
    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:xdist", "-p", "no:cacheprovider", "-q",
                           "--rootdir", str(ROOT), "-o", "addopts=", test_id],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("test_id", [
    "tests/county/test_xlsx_writer.py::test_catalog_opens_in_libreoffice",            # soffice
    "tests/browser/test_accessibility.py::test_diagram_text_has_aa_contrast",           # chromium
])
def test_a_missing_tool_fails_under_ci_and_skips_elsewhere(test_id: str, tmp_path: Path) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()  # a PATH with no tools at all: soffice and chromium are gone
    in_ci = _pytest(test_id, tmp_path, ci=True, path=str(empty))
    assert in_ci.returncode == 1, in_ci.stdout[-2000:]
    assert "CI=true requires it" in in_ci.stdout
    outside = _pytest(test_id, tmp_path, ci=False, path=str(empty))
    assert outside.returncode == 0 and "1 skipped" in outside.stdout, outside.stdout[-2000:]


def test_a_missing_python_package_fails_under_ci(tmp_path: Path) -> None:
    shadow = tmp_path / "shadow"
    shadow.mkdir()
    (shadow / "jsonschema.py").write_text("raise ImportError('jsonschema removed for this test')\n", encoding="utf-8")
    test_id = "tests/county/test_pilots.py::test_profiles_validate_against_the_county_json_schema"
    in_ci = _pytest(test_id, tmp_path, ci=True, pythonpath=str(shadow))
    assert in_ci.returncode == 1 and "jsonschema is not installed" in in_ci.stdout, in_ci.stdout[-2000:]
    outside = _pytest(test_id, tmp_path, ci=False, pythonpath=str(shadow))
    assert outside.returncode == 0 and "1 skipped" in outside.stdout, outside.stdout[-2000:]


def test_the_golden_rewrite_is_refused_under_ci(tmp_path: Path) -> None:
    golden = ROOT / "tests" / "docx" / "golden" / "mini-zdbc-01.txt"
    before = golden.read_bytes()
    env_test = "tests/docx/test_docx_golden.py::test_golden_dump"
    os.environ["GOVOPEN_UPDATE_GOLDEN"] = "1"
    try:
        result = _pytest(env_test, tmp_path, ci=True)
    finally:
        del os.environ["GOVOPEN_UPDATE_GOLDEN"]
    assert result.returncode == 1 and "refused under CI=true" in result.stdout, result.stdout[-2000:]
    assert golden.read_bytes() == before
