"""Validate synonyms.yaml (already read by `load_sources` as a `SourceFile`) into the synonym table.

Like organizations.yaml, it is validated only by the stages that use it (the check rules, the view); every
problem is a located diagnostic, never an exception.
"""

from __future__ import annotations

from govopen_std.diagnostics import Diagnostics
from govopen_std.load.sources import Located, Sources, _top_is
from govopen_std.load.validate import validate
from govopen_std.model.synonyms import SynonymTable


def load_synonyms(sources: Sources, diags: Diagnostics) -> Located[SynonymTable] | None:
    """The validated table, or None when the workspace has none or it does not validate."""
    source = sources.synonyms
    if source is None or source.data is None or not _top_is(source, dict, diags):
        return None
    table = validate(SynonymTable, source.data, source, diags)
    return Located(table, source) if table is not None else None


def synonym_groups(sources: Sources) -> tuple[tuple[str, ...], ...]:
    """The usable groups for the view (problems are `govopen check`'s job): blank words dropped, each word
    once, groups of two or more words."""
    located = load_synonyms(sources, Diagnostics())
    if located is None:
        return ()
    groups = []
    seen: set[str] = set()
    for group in located.value.synonyms:
        words = tuple(w for w in dict.fromkeys(t.strip() for t in group) if w and w not in seen)
        seen.update(words)
        if len(words) > 1:
            groups.append(words)
    return tuple(groups)
