"""The comparison in the terminal (a rich table with the revision table's four columns) and as JSON."""

from __future__ import annotations

import json
from typing import TextIO

from govopen_std.diff.model import KIND_LABELS, KIND_LABELS_EN, DiffResult, ItemChange

HEADERS_ZH = ("条款/事项", "原内容", "修改后内容", "修改说明")
HEADERS_EN = ("Item", "Before", "After", "Note")
NONE_ZH = "（无）"
NONE_EN = "(none)"


def table_rows(change: ItemChange, lang: str = "zh") -> list[tuple[str, str, str, str]]:
    """The rows of one change: one for an added or removed item, one per field change otherwise."""
    none = NONE_ZH if lang == "zh" else NONE_EN
    if change.kind != "changed":
        text = change.text_in(lang)
        old, new = (text, none) if change.kind == "removed" else (none, text)
        kind = KIND_LABELS[change.kind] if lang == "zh" else KIND_LABELS_EN[change.kind]
        return [(change.title, old, new, kind)]
    rows = []
    for f in change.fields:
        label = f"（{f.label}）" if lang == "zh" else f"({f.label_in(lang)})"
        rows.append((f"{change.title}\n{label}", f.old or none, f.new or none, f.note_in(lang)))
    return rows


def print_diagnostics(result: DiffResult, stream: TextIO, *, lang: str = "zh") -> None:
    """Located problems first (file:line:col, with their hints), then the summaries that name no file."""
    from govopen_std.report.text import format_line

    hint_label = "提示：" if lang == "zh" else "hint: "
    for diag in sorted(result.diagnostics.sorted(), key=lambda d: d.location is None):
        stream.write(format_line(diag, lang) + "\n")
        hint = diag.hint(lang)
        if hint:
            stream.write(f"    {hint_label}{hint}\n")


def write_json(result: DiffResult, stream: TextIO, *, lang: str = "zh") -> None:
    json.dump(result.to_dict(lang), stream, ensure_ascii=False, indent=2)
    stream.write("\n")


def print_table(result: DiffResult, stream: TextIO, *, lang: str = "zh") -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(file=stream, width=None if stream.isatty() else 160, highlight=False, soft_wrap=False)
    title = f"修订对照表：{result.old_label} → {result.new_label}" if lang == "zh" else \
        f"Revision table: {result.old_label} → {result.new_label}"
    table = Table(title=title, show_lines=True, expand=False)
    headers = HEADERS_ZH if lang == "zh" else HEADERS_EN
    for i, header in enumerate(headers):
        table.add_column(header, no_wrap=i == 0, overflow="fold", ratio=(1, 3, 3, 1)[i])
    for change in result.changes:
        for row in table_rows(change, lang):
            table.add_row(*row)
    if result.changes:
        console.print(table)
    console.print(result.summary_line(lang))
