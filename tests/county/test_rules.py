"""Each overlay rule, passing and failing, as data: tests/county/cases.yaml lists profiles and the exact
(code, line, col) diagnostics `govopen check` must report for them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from county.conftest import diagnostics_in, write_profile

CASES: list[dict[str, Any]] = yaml.safe_load((Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_overlay_rule(mini: Path, case: dict[str, Any]) -> None:
    path = write_profile(mini, case["profile"], case.get("file", "330105.yaml"), head=not case.get("full"))
    found = sorted(d.check_tuple() for d in diagnostics_in(mini, path))
    assert found == sorted(tuple(e) for e in case["expect"])
