"""Every diagnostic code used in the code has Chinese and English texts in the catalog."""

from __future__ import annotations

import re

from conftest import ROOT
from govopen_std.messages import CATALOG


def test_catalog_entries_have_both_languages() -> None:
    for code, msg in CATALOG.items():
        assert re.fullmatch(r"[A-Z]\d{3}", code)
        assert msg.zh and msg.en
        assert re.search(r"[\u4e00-\u9fff]", msg.zh), code
        assert (msg.hint_zh is None) == (msg.hint_en is None), code


def test_every_code_used_is_in_the_catalog() -> None:
    used: set[str] = set()
    for path in (ROOT / "src" / "govopen_std").rglob("*.py"):
        used |= set(re.findall(r"""(?:make|emit)\(\s*["']([A-Z]\d{3})["']""", path.read_text(encoding="utf-8")))
        used |= set(re.findall(r"""GovOpenError\(\s*["']([A-Z]\d{3})["']""", path.read_text(encoding="utf-8")))
    assert used, "no codes found"
    assert used <= set(CATALOG), sorted(used - set(CATALOG))
