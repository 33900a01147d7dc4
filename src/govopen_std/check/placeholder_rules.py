"""No placeholder text in shipped content (待补充, 待定, TODO, XXX, lorem ipsum …), with the term list taken
from gen-03 `catalog_rules.placeholder_terms`. Scans the raw text so the exact line and column are known."""

from __future__ import annotations

import re
from collections.abc import Iterator

from govopen_std.check.context import CheckContext
from govopen_std.diagnostics import Diagnostic, SourceLocation

ID = "placeholders"
DEFAULT_TERMS = ["待补充", "待定", "TODO", "XXX", "lorem ipsum"]


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    rules = ctx.catalog_rules
    terms = rules.placeholder_terms if rules and rules.placeholder_terms else DEFAULT_TERMS
    pattern = re.compile("|".join(re.escape(t) for t in terms), re.IGNORECASE)
    for source in ctx.sources.files:
        for lineno, line in enumerate(source.text.splitlines(), start=1):
            for match in pattern.finditer(line):
                yield Diagnostic.make("C404", SourceLocation(source.display, lineno, match.start() + 1),
                                      term=match.group(0))
