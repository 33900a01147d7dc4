"""County facts (issue 18): every body name, address and URL of a county profile is either listed under `verified`
with its source or counts as 待核实. A `verified` entry must name a fact the profile states (C440) and give its
source (C441); `check --report` counts the unverified facts per county (report.county_facts).

PASS::

    subjects: {县级自然资源主管部门: 杭州市规划和自然资源局拱墅分局}
    verified: {subjects.县级自然资源主管部门: 拱墅区人民政府网站机构栏目}

FAIL (C440: the profile maps no 县级民政部门)::

    verified: {subjects.县级民政部门: 区政府网站}
"""

from __future__ import annotations

from collections.abc import Iterator

from govopen_std.check.context import CheckContext
from govopen_std.diagnostics import Diagnostic, Diagnostics
from govopen_std.resolve.profile import read_profiles

ID = "county_facts"


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for profile in read_profiles(ctx.sources, Diagnostics()):  # a profile's own problems: county_rules reports them
        facts = profile.value.facts()
        for key, source in profile.value.verified.items():
            here = profile.at("verified", key)
            if key not in facts:
                yield Diagnostic.make("C440", here, fact=key, known="、".join(sorted(facts)) or "—")
            elif not source.strip():
                yield Diagnostic.make("C441", here, fact=key)
