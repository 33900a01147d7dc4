"""Cross-document rules. Each rule is a module with `ID` and `check(ctx) -> Iterator[Diagnostic]`,
registered explicitly in `RULES` (no discovery magic); its docstring is its user documentation."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import ModuleType

from govopen_std.check import (
    character_rules,
    confine_rules,
    county_fact_rules,
    coverage_rules,
    indicator_rules,
    item_rules,
    law_rules,
    numbering_rules,
    organization_rules,
    placeholder_rules,
    status_rules,
    structure_rules,
    synonym_rules,
    system_rules,
    template_rules,
    text_rules,
)
from govopen_std.check.context import CheckContext
from govopen_std.diagnostics import Diagnostic, Diagnostics
from govopen_std.load.gcpause import gc_paused

RULES: dict[str, ModuleType] = {
    rule.ID: rule for rule in (system_rules, text_rules, law_rules, item_rules, placeholder_rules,
                               organization_rules, status_rules, character_rules, template_rules,
                               indicator_rules, structure_rules, synonym_rules, coverage_rules,
                               numbering_rules, county_fact_rules, confine_rules)
}

ExtraRule = Callable[[CheckContext], Iterator[Diagnostic]]


def run_rules(ctx: CheckContext, extra: list[ExtraRule] | None = None) -> Diagnostics:
    diags = Diagnostics()
    # The rules walk the loaded workspace and make acyclic values; with the collector on, its full
    # collections would re-traverse the whole loaded heap again and again (see load.gcpause).
    with gc_paused():
        for rule in RULES.values():
            diags.extend(list(rule.check(ctx)))
        for fn in extra or []:
            diags.extend(list(fn(ctx)))
    return diags
