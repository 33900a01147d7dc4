"""What `govopen evaluate` writes besides the terminal: with `-o DIR`, each county's report (DOCX) and score sheet
(XLSX) as soon as it is scored; with `--sample N` (and `--county`, `-o`), the evaluator's spot-check checklist
instead of an evaluation. Failures are diagnostics (the writers' own codes), never tracebacks."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from govopen_std.diagnostics import Diagnostics, GovOpenError, SourceLocation
from govopen_std.evaluate.result import EvaluationResult


@dataclass
class ReportWriter:
    """Writes each result's report and score sheet into `out_dir`; remembers what it wrote."""

    out_dir: Path
    lang: str
    diags: Diagnostics
    written: list[Path] = field(default_factory=list)

    def wrap(self, sink: Callable[[EvaluationResult], None]) -> Callable[[EvaluationResult], None]:
        def both(result: EvaluationResult) -> None:
            sink(result)
            self.write(result)
        return both

    def write(self, result: EvaluationResult) -> None:
        from govopen_std.render.evaluation import write_evaluation_outputs

        try:
            self.written += write_evaluation_outputs([result], self.out_dir, lang=self.lang)
        except GovOpenError as exc:
            self.diags.add(exc.diagnostic)


def sample_usage(county: str | None, out: Path | None, diags: Diagnostics) -> bool:
    """--sample draws from one county's catalog into a folder: both must be given (V760)."""
    for option, given in (("--county", county is not None), ("-o/--out", out is not None)):
        if not given:
            diags.emit("V760", SourceLocation(option), option=option)
    return not diags.has_errors


def write_checklist(workspace: Path | None, county: str, out: Path, n: int, seed: int,
                    diags: Diagnostics) -> Path | None:
    """The spot-check checklist of `n` items of the county's catalog, drawn with `seed`, written into `out`."""
    from govopen_std.evaluate.checklist import write_sample_checklist
    from govopen_std.evaluate.ledger_catalog import resolve_county

    catalog = resolve_county(workspace, county, diags)
    if catalog is None:
        return None
    try:
        return write_sample_checklist(out, county=catalog.code, county_name=catalog.name, items=catalog.items,
                                      n=n, seed=seed)
    except OSError as exc:
        from govopen_std.out_folder import io_failure

        diags.add(io_failure(exc, ("写入抽查清单", "write the checklist"), out).diagnostic)
        return None
