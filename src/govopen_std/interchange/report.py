"""What `govopen import` and `govopen export` print: the sheet's problems (located at their cells), the
files written, the laws the registry lacks, and what `check` still reports in the written files."""

from __future__ import annotations

import json
from typing import TextIO

from govopen_std.diagnostics import Diagnostic, Severity
from govopen_std.interchange.exporter import ExportResult
from govopen_std.interchange.importer import ImportResult
from govopen_std.report.text import format_line

_ZH = {
    "hint": "    提示：{}", "written": "写入 {path}：{items} 个事项{how}", "created": "（新建）",
    "replaced": "（替换原有 {n} 个）", "amended": "，本县细化 {n} 个省级事项", "unmatched": "法规库中没有的法规（{n}）：", "after": "导入后检查（govopen check）：",
    "clean": "导入后检查通过：写入的文件没有错误或警告。", "left": "还需修改 {n} 处（错误 {e} 个，警告 {w} 个）。",
    "summary": "读取 {rows} 行，导入 {items} 个事项；表格问题：{e} 个错误，{w} 个警告。", "preview": "--- {path}（预览，未写入）",
    "exported": "已导出 {n} 个事项：",
}
_EN = {
    "hint": "    hint: {}", "written": "wrote {path}: {items} items{how}", "created": " (new file)",
    "replaced": " (replacing {n})", "amended": ", amending {n} provincial items", "unmatched": "laws not in the registry ({n}):", "after": "check of the written files:",
    "clean": "the written files pass govopen check.", "left": "{n} things left to fix ({e} errors, {w} warnings).",
    "summary": "read {rows} rows, imported {items} items; sheet problems: {e} errors, {w} warnings.",
    "preview": "--- {path} (preview, not written)", "exported": "exported {n} items:",
}


def _texts(lang: str) -> dict[str, str]:
    return _EN if lang == "en" else _ZH


def _diagnostic(diag: Diagnostic, lang: str, stream: TextIO) -> None:
    stream.write(format_line(diag, lang) + "\n")
    hint = diag.hint(lang)
    if hint:
        stream.write(_texts(lang)["hint"].format(hint) + "\n")


def _count(diags: list[Diagnostic], severity: Severity) -> int:
    return sum(1 for d in diags if d.severity == severity)


def print_import(result: ImportResult, stream: TextIO, *, lang: str = "zh", preview: bool = False) -> None:
    t = _texts(lang)
    sheet = result.diagnostics.sorted()
    for diag in sheet:
        _diagnostic(diag, lang, stream)
    for w in result.written:
        how = t["created"] if w.created else t["replaced"].format(n=w.replaced)
        how += t["amended"].format(n=w.amended) if w.amended else ""
        stream.write(t["written"].format(path=w.path, items=w.items, how=how) + "\n")
    if preview:
        for path, text in result.previews.items():
            stream.write(t["preview"].format(path=path) + "\n" + text)
    unmatched = result.unmatched_laws()
    if unmatched:
        stream.write(t["unmatched"].format(n=len(unmatched)) + "\n")
        for name, where in unmatched.items():
            stream.write(f"  {name}：{'、'.join(where)}\n")
    if result.written:
        _print_after(result, stream, lang)
    items = sum(len(v) for v in result.items.values())
    stream.write(t["summary"].format(rows=result.rows, items=items, e=_count(sheet, Severity.ERROR),
                                     w=_count(sheet, Severity.WARNING)) + "\n")


def _print_after(result: ImportResult, stream: TextIO, lang: str) -> None:
    t = _texts(lang)
    stream.write(t["after"] + "\n")
    left = [d for d in result.after_check if d.severity >= Severity.WARNING]
    for diag in left:
        _diagnostic(diag, lang, stream)
    if not left:
        stream.write(t["clean"] + "\n")
    else:
        stream.write(t["left"].format(n=len(left), e=_count(left, Severity.ERROR), w=_count(left, Severity.WARNING))
                     + "\n")


def import_json(result: ImportResult, stream: TextIO, *, lang: str = "zh") -> None:
    sheet = result.diagnostics.sorted()
    payload = {
        "diagnostics": [d.to_dict(lang) for d in sheet],
        "written": [{"path": w.path, "items": w.items, "replaced": w.replaced, "created": w.created,
                     "amended": w.amended} for w in result.written],
        "unmatched_laws": result.unmatched_laws(),
        "after_check": [d.to_dict(lang) for d in result.after_check],
        "summary": {"rows": result.rows, "items": sum(len(v) for v in result.items.values()),
                    "errors": _count(sheet, Severity.ERROR), "warnings": _count(sheet, Severity.WARNING),
                    "left_to_fix": sum(1 for d in result.after_check if d.severity >= Severity.WARNING),
                    "ok": result.ok},
    }
    json.dump(payload, stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def print_export(result: ExportResult, stream: TextIO, *, lang: str = "zh") -> None:
    for diag in result.diagnostics.sorted():
        _diagnostic(diag, lang, stream)
    if result.written:
        stream.write(_texts(lang)["exported"].format(n=result.rows) + "\n")
        for path in result.written:
            stream.write(f"  {path.as_posix()}\n")
