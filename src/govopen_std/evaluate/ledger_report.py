"""What `govopen ledger import` and `govopen ledger export` print: every problem at `file:sheet:row` with its column,
then one summary line (rows read, stored, new, rejected) and the store's path."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from govopen_std.diagnostics import Diagnostic, Diagnostics, Severity
from govopen_std.evaluate.ledger_import import ImportSummary
from govopen_std.report.text import format_line

_ZH = {
    "hint": "    提示：{}",
    "summary": "读取 {read} 行：{accepted} 行有效，其中新增 {added} 行（其余已在台账库中）；拒绝 {rejected} 行，未填写跳过 {skipped} 行。",
    "store": "台账库：{path}",
    "exported": "已导出 {n} 行台账：{path}",
}
_EN = {
    "hint": "    hint: {}",
    "summary": "read {read} rows: {accepted} valid, {added} of them new (the rest were stored already); "
               "{rejected} rejected, {skipped} not filled in and skipped.",
    "store": "ledger store: {path}",
    "exported": "exported {n} ledger rows: {path}",
}


_TEXTS = {"zh": _ZH, "en": _EN}


def _order(diag: Diagnostic) -> tuple[str, int, str]:
    """Problems in file order, then row order (`file:sheet:12` after `file:sheet:9`)."""
    path = diag.location.path if diag.location else ""
    head, _, row = path.rpartition(":")
    return (head, int(row), diag.code) if row.isdigit() else (path, 0, diag.code)


def print_diagnostics(diags: Diagnostics, stream: TextIO, lang: str) -> None:
    unique = {(d.code, d.location, d.params): d for d in diags.items}
    for diag in sorted(unique.values(), key=_order):
        stream.write(format_line(diag, lang) + "\n")
        hint = diag.hint(lang)
        if hint:
            stream.write(_TEXTS.get(lang, _ZH)["hint"].format(hint) + "\n")


def print_import(summary: ImportSummary, stream: TextIO, *, lang: str = "zh") -> None:
    t = _TEXTS.get(lang, _ZH)
    print_diagnostics(summary.diagnostics, stream, lang)
    if summary.store is not None:
        stream.write(t["summary"].format(read=summary.read, accepted=summary.accepted, added=summary.added,
                                         rejected=summary.rejected, skipped=summary.skipped) + "\n")
        stream.write(t["store"].format(path=summary.store.as_posix()) + "\n")


def export_to(workspace: Path | None, county: str, out: Path, stream: TextIO, *, lang: str = "zh") -> bool:
    """Exports the county's stored ledger to `out`; prints what was written or the problems. True when written."""
    from govopen_std.evaluate.ledger_catalog import resolve_county
    from govopen_std.evaluate.ledger_export import export_ledger

    diags = Diagnostics()
    catalog = resolve_county(workspace, county, diags)
    if catalog is not None:
        try:
            names = {item.code: item.name for item in catalog.items}
            n = export_ledger(catalog.store, county, out, f"{catalog.name}公开台账", names)
        except OSError as exc:
            diags.add(Diagnostic.make("L721", None, path=str(out), detail=exc.strerror or str(exc)))
        else:
            stream.write(_TEXTS.get(lang, _ZH)["exported"].format(n=n, path=out.as_posix()) + "\n")
    print_diagnostics(diags, stream, lang)
    return not any(d.severity >= Severity.ERROR for d in diags.items)
