"""Validate the coverage matrices (standards/coverage/*.yaml, read by `load_sources`) into `CoverageMatrix`.

Kept apart from `load_sources`, like the organisation registry: only `check` and `check --report` need them;
every problem is a located diagnostic, never an exception."""

from __future__ import annotations

from govopen_std.diagnostics import Diagnostics
from govopen_std.load.sources import Located, Sources, _top_is
from govopen_std.load.validate import validate
from govopen_std.model.coverage import CoverageMatrix


def load_coverage(sources: Sources, diags: Diagnostics) -> list[Located[CoverageMatrix]]:
    """The matrices that validate, in file order; the others are reported into `diags`."""
    matrices: list[Located[CoverageMatrix]] = []
    for source in sources.raw_coverage:
        if source.data is None or not _top_is(source, dict, diags):
            continue
        matrix = validate(CoverageMatrix, source.data, source, diags)
        if matrix is not None:
            matrices.append(Located(matrix, source))
    return matrices
