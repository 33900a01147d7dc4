"""The quarterly report's file formats by name (json, xlsx, docx); each writer takes `report_records`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

Writer = Callable[[dict[str, Any], Path], Path]


def write_json(records: dict[str, Any], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(records, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def _xlsx(records: dict[str, Any], path: Path) -> Path:
    from govopen_std.progress.report_xlsx import write_report_xlsx

    return write_report_xlsx(records, path)


def _docx(records: dict[str, Any], path: Path) -> Path:
    from govopen_std.progress.report_docx import write_report_docx

    return write_report_docx(records, path)


WRITERS: dict[str, Writer] = {"json": write_json, "xlsx": _xlsx, "docx": _docx}


def write_report(fmt: str, records: dict[str, Any], path: Path) -> Path:
    return WRITERS[fmt](records, path)
