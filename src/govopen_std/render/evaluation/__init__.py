"""The evaluation outputs of `govopen evaluate -o DIR`: per county and period, the report (评估报告, DOCX) and
the score sheet (评分表, XLSX), both rendered from `EvaluationResult` and byte-identical for equal results.

File names: `<county>-<period>-评估报告.docx` and `<county>-<period>-评分表.xlsx`, where the period label keeps
letters and digits and turns anything else into "_" (2018-01-01..2018-06-30 → 2018-01-01_2018-06-30).
A file of that name that govopen did not write (its document properties do not name govopen as creator) is
never overwritten (B670); a failed write is B671.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from pathlib import Path

from govopen_std.diagnostics import GovOpenError
from govopen_std.evaluate.result import EvaluationResult
from govopen_std.render.evaluation.labels import output_names

CREATOR = b"<dc:creator>govopen</dc:creator>"


def written_by_govopen(path: Path) -> bool:
    """True when `path` is an OOXML package whose core properties name govopen as its creator."""
    try:
        with zipfile.ZipFile(io.BytesIO(path.read_bytes())) as package:
            return CREATOR in package.read("docProps/core.xml")
    except (OSError, KeyError, zipfile.BadZipFile):
        return False


def _guard(path: Path) -> None:
    if path.is_symlink() or (path.exists() and not (path.is_file() and written_by_govopen(path))):
        raise GovOpenError("B670", path=str(path))


def write_evaluation_outputs(results: Sequence[EvaluationResult], out_dir: Path, *, lang: str = "zh") -> list[Path]:
    """Write the report and the score sheet of every result into `out_dir`; returns the paths in result order.

    Every target is checked before anything is written, so a refused file leaves the folder as it was.
    """
    from govopen_std.render.evaluation.report_docx import write_report_docx
    from govopen_std.render.evaluation.score_xlsx import write_score_xlsx

    lang = "en" if lang == "en" else "zh"  # Chinese unless English is asked for, as `--lang` everywhere
    plan = [(result, out_dir / docx, out_dir / xlsx) for result in results for docx, xlsx in [output_names(result)]]
    for _result, docx_path, xlsx_path in plan:
        _guard(docx_path)
        _guard(xlsx_path)
    written: list[Path] = []
    for result, docx_path, xlsx_path in plan:
        try:
            out_dir.mkdir(parents=True, exist_ok=True)
            written.append(write_report_docx(result, docx_path, lang=lang))
            written.append(write_score_xlsx(result, xlsx_path, lang=lang))
        except OSError as exc:
            raise GovOpenError("B671", path=str(exc.filename or out_dir), detail=exc.strerror or str(exc)) from exc
    return written
