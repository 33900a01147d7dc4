"""Rules on standard texts: each text belongs to a project of system.yaml, is named after it, is unique,
and the general standards that define rules carry their machine-readable blocks.

FAIL (R308): a file `zdbc-01.yaml` whose `id` is `zdbc-02`.
"""

from __future__ import annotations

from collections.abc import Iterator

from govopen_std.check.context import CATALOG_STANDARD, CODING_STANDARD, DATA_ELEMENT_STANDARD, CheckContext
from govopen_std.diagnostics import Diagnostic

ID = "texts"

RULE_BLOCKS = {CODING_STANDARD: "coding", CATALOG_STANDARD: "catalog_rules", DATA_ELEMENT_STANDARD: "data_elements"}


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    seen: dict[str, str] = {}
    for text in ctx.sources.texts:
        sid = text.value.id
        if sid in seen:
            yield Diagnostic.make("R305", text.location("id"), what="标准文本", what_en="standard text", id=sid,
                                  first=seen[sid])
            continue
        seen[sid] = text.source.display
        if ctx.sources.system is not None and sid not in ctx.projects:
            yield Diagnostic.make("R304", text.location("id"), id=sid)
        if text.source.path.stem != sid:
            yield Diagnostic.make("R308", text.location("id"), stem=text.source.path.stem, id=sid)
        block = RULE_BLOCKS.get(sid)
        if block and not getattr(text.value, block):
            yield Diagnostic.make("C413", text.location("id"), id=sid, block=block)
    if ctx.sources.system is not None:
        for project in ctx.sources.system.value.standards:
            # a text file that exists but could not be read has its own error: no "no text yet" besides
            if project.id not in seen and project.id not in ctx.text_files:
                i = ctx.sources.system.value.standards.index(project)
                yield Diagnostic.make("C408", ctx.sources.system.location("standards", i), id=project.id)
