"""standards/FORMAT.md says what the code does: the codes it names exist with the severity it gives them, the
recommended elements are gen-03's, and the accepted spellings (.yml, 其他：<名称>, base:) are documented."""

from __future__ import annotations

import re

from ruamel.yaml import YAML

from conftest import ROOT
from govopen_std.diagnostics import Severity
from govopen_std.load.base import EMBEDDED, MAX_CHAIN
from govopen_std.load.discover import YAML_SUFFIXES
from govopen_std.messages import CATALOG
from govopen_std.model.vocabulary import OTHER_CHANNEL, OTHER_SEPARATOR

FORMAT = (ROOT / "standards" / "FORMAT.md").read_text(encoding="utf-8")


def test_codes_named_exist_with_the_severity_given() -> None:
    named = set(re.findall(r"\b([A-Z]\d{3})\b", FORMAT))
    assert {"C414", "C416", "R302", "R305", "O502", "O525"} <= named
    assert named <= set(CATALOG), sorted(named - set(CATALOG))
    for label, code in re.findall(r"(警告|错误|提示) ([A-Z]\d{3})", FORMAT):
        assert CATALOG[code].severity == Severity.parse(label), code


def test_recommended_elements_are_gen03s() -> None:
    gen03 = YAML(typ="safe").load((ROOT / "standards/general/gen-03.yaml").read_text(encoding="utf-8"))
    documented = re.search(r"recommended_elements` 列出的要素（(.+?)）", FORMAT, re.S)
    assert documented is not None
    assert re.findall(r"[a-z]+", documented.group(1)) == gen03["catalog_rules"]["recommended_elements"]


def test_accepted_spellings_are_documented() -> None:
    assert all(f"`{suffix}`" in FORMAT for suffix in YAML_SUFFIXES) and "`govopen.yml`" in FORMAT
    assert f"`{OTHER_CHANNEL}{OTHER_SEPARATOR}<名称>`" in FORMAT and "（全角冒号）" in FORMAT
    assert f"base: {EMBEDDED}" in FORMAT and f"最多 {MAX_CHAIN} 级" in FORMAT
