"""standards/system.yaml reproduces Annex 1 of the seed row for row (against an independent table)."""

from __future__ import annotations

from collections import Counter

from annex1_table import ROWS

from conftest import ROOT
from govopen_std.diagnostics import Diagnostics
from govopen_std.load.discover import Workspace
from govopen_std.load.sources import load_sources


def _system_rows() -> list[tuple[str, str | None, str, str, tuple[str, ...]]]:
    diags = Diagnostics()
    sources = load_sources(Workspace(ROOT, embedded=False), diags)
    assert sources.system is not None, [d.message() for d in diags.items]
    system = sources.system.value
    groups = {g.id: g for g in system.groups}
    rows = []
    for p in system.standards:
        group = groups[p.group]
        sub = next((s.title for s in group.subgroups if s.id == p.subgroup), None)
        rows.append((group.title, sub, p.title, p.month, tuple(p.units)))
    return rows


def test_73_rows_in_seed_order() -> None:
    assert len(ROWS) == 73
    assert _system_rows() == ROWS


def test_group_sizes_as_in_the_issue() -> None:
    sizes = Counter(row[0] for row in ROWS)
    assert sizes == {"基础通用标准": 15, "征地补偿": 7, "拆迁安置": 7, "保障性住房": 6, "农村危房改造": 8,
                     "扶贫救灾": 6, "市政服务": 7, "公共资源交易": 7, "义务教育": 10}
