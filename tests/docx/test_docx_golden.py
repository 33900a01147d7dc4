"""Golden test: the normalized dump of one small standard (mini workspace, zdbc-01) against a checked-in file.

After a reviewed change to the DOCX output, regenerate the expected file with

    GOVOPEN_UPDATE_GOLDEN=1 python -m pytest tests/docx/test_docx_golden.py

and review the diff of tests/docx/golden/ before committing it.
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest
from docx_dump import dump
from docx_helpers import GOLDEN, build_docx, copy_mini

from conftest import IN_CI

CASE = "zdbc-01"
EXPECTED = GOLDEN / f"mini-{CASE}.txt"


def test_golden_dump(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    build_docx(copy_mini(tmp_path / "ws"), tmp_path / "out")
    actual = dump(tmp_path / "out" / "docx" / f"{CASE}.docx")
    if os.environ.get("GOVOPEN_UPDATE_GOLDEN") == "1":
        # A rewrite is a developer's act, reviewed as a diff; under CI it would make the test pass by definition.
        assert not IN_CI, "GOVOPEN_UPDATE_GOLDEN=1 is refused under CI=true: regenerate locally and review the diff"
        EXPECTED.write_text(actual, encoding="utf-8")
    expected = EXPECTED.read_text(encoding="utf-8")
    diff = "\n".join(difflib.unified_diff(expected.splitlines(), actual.splitlines(), "expected", "actual",
                                          lineterm=""))
    assert actual == expected, "DOCX dump differs from the golden file (see the module docstring to regenerate):\n" + diff
