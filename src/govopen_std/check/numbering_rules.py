"""gen-02's numbering rule (a warning: gen-02 also forbids reusing a revoked item's code, so a gap may be a revoked
item): primary item numbers run consecutively from 01 within a domain, or — where gen-02 splits a
domain's numbers by sub-domain (`coding.area_ranges`, e.g. 扶贫 01–10 and 救灾 11–20) — from the start of each
sub-domain's range; secondary numbers run consecutively from 01 within their primary item.

PASS (gen-02 declares ``{domain: FPJZ, area: 救灾, primary: [11, 20]}``)::

    - {code: FPJZ-01-01, area: 扶贫, …}
    - {code: FPJZ-11-01, area: 救灾, …}

FAIL (C437: 扶贫 jumps from 01 to 03; C438: a 救灾 item numbered in 扶贫's range)::

    - {code: FPJZ-01-01, area: 扶贫, …}
    - {code: FPJZ-03-01, area: 扶贫, …}
    - {code: FPJZ-02-01, area: 救灾, …}
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from govopen_std.check.context import CODING_STANDARD, CheckContext
from govopen_std.check.item_rules import at
from govopen_std.diagnostics import Diagnostic
from govopen_std.load.sources import Located
from govopen_std.model.item import Item
from govopen_std.model.standard import CodingScheme

ID = "numbering"
CODE = re.compile(r"^([A-Z]{4})-([0-9]{2})-([0-9]{2})$")


@dataclass(frozen=True)
class _Range:
    """One run of primary numbers: a whole domain, or one sub-domain of a domain that gen-02 splits."""

    domain: str
    area: str | None
    low: int
    high: int

    @property
    def label(self) -> str:
        return f"{self.domain}（{self.area}）" if self.area else self.domain


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    scheme = ctx.coding
    if scheme is None:
        return
    yield from _declarations(ctx, scheme)
    runs: dict[_Range, list[tuple[int, Located[Item]]]] = {}
    secondaries: dict[tuple[str, int], list[tuple[int, Located[Item]]]] = {}
    # a domain with an item whose code C406 reports (or that failed to load) has a number nobody can place:
    # a gap there may be only that item, so the domain is not judged
    tainted = {g.code for g in ctx.groups.values() if g.id in ctx.items_unknown and g.code}
    low, high = scheme.ranges.provincial
    for standard_id, item in ctx.items():
        group = ctx.group_of(standard_id)
        match = CODE.match(item.value.code)
        if group is None or not group.code:
            continue
        if match is None or match.group(1) != group.code or not low <= int(match.group(2)) <= high:
            tainted.add(group.code)
            continue
        domain, primary, secondary = match.group(1), int(match.group(2)), int(match.group(3))
        run = _range_of(scheme, domain, item.value.area)
        if run is not None and not run.low <= primary <= run.high:
            yield Diagnostic.make("C438", at(item, "code"), code=item.value.code, area=run.area or "",
                                  low=f"{run.low:02d}", high=f"{run.high:02d}")
            continue
        runs.setdefault(run or _Range(domain, None, low, high), []).append((primary, item))
        secondaries.setdefault((domain, primary), []).append((secondary, item))
    for run, numbered in runs.items():
        if run.domain not in tainted:
            yield from _consecutive(numbered, run.low, "一级", "primary", run.label)
    for (domain, primary), numbered in secondaries.items():
        if domain not in tainted:
            yield from _consecutive(numbered, 1, "二级", "secondary", f"{domain}-{primary:02d}")


def _declarations(ctx: CheckContext, scheme: CodingScheme) -> Iterator[Diagnostic]:
    """Each declared sub-domain range names a domain of gen-02, lies within the provincial range, and does not
    overlap another range of its domain (C439, at the declaration)."""
    text = ctx.sources.text(CODING_STANDARD)
    if text is None:
        return
    low, high = scheme.ranges.provincial
    codes = {d.code for d in scheme.domains}
    for i, declared in enumerate(scheme.area_ranges):
        start, end = declared.primary
        here = text.location("coding", "area_ranges", i)
        if declared.domain not in codes:
            yield Diagnostic.make("C439", here, domain=declared.domain, area=declared.area,
                                  detail="领域代码不在 coding.domains 中", detail_en="the domain code is not in coding.domains")
        elif not low <= start <= end <= high:
            yield Diagnostic.make("C439", here, domain=declared.domain, area=declared.area,
                                  detail=f"区间应在省级区间 {low:02d}–{high:02d} 之内且起点不大于终点",
                                  detail_en=f"the range must lie within {low:02d}-{high:02d}, from <= to")
        elif any(other.domain == declared.domain and other.primary[0] <= end and start <= other.primary[1]
                 for other in scheme.area_ranges[:i]):
            yield Diagnostic.make("C439", here, domain=declared.domain, area=declared.area,
                                  detail="与本领域已声明的区间重叠", detail_en="it overlaps a range declared before")


def _range_of(scheme: CodingScheme, domain: str, area: str | None) -> _Range | None:
    """The declared sub-domain range of an item, or None when its domain's numbers are not split."""
    declared = [r for r in scheme.area_ranges if r.domain == domain]
    if not declared:
        return None
    match = next((r for r in declared if r.area == area), None)
    if match is None:
        return None  # an item without (or with an unknown) sub-domain: the value rules report it
    return _Range(domain, match.area, match.primary[0], match.primary[1])


def _consecutive(numbered: list[tuple[int, Located[Item]]], start: int, level: str, level_en: str,
                 where: str) -> Iterator[Diagnostic]:
    """One C437 per missing number: at the first item (in file order) numbered after the gap."""
    used = sorted({n for n, _ in numbered})
    missing = [n for n in range(start, used[-1] + 1) if n not in used]
    for gap in missing:
        after = min(n for n in used if n > gap)
        item = next(it for n, it in numbered if n == after)
        yield Diagnostic.make("C437", at(item, "code"), code=item.value.code, level=level, level_en=level_en,
                              where=where, start=f"{start:02d}", missing=f"{gap:02d}")
