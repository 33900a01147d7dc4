"""The result of comparing two versions: one `ItemChange` per added, removed or changed item, each
change of a changed item one `FieldChange` (an element added or removed, a value replaced)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from govopen_std.diagnostics import Diagnostics, ExitCode, Severity

ChangeKind = Literal["added", "removed", "changed"]
KIND_LABELS: dict[str, str] = {"added": "新增事项", "removed": "删除事项", "changed": "修改事项"}
KIND_LABELS_EN: dict[str, str] = {"added": "Item added", "removed": "Item removed", "changed": "Item changed"}


@dataclass(frozen=True)
class FieldChange:
    field: str  # item field: deadline, content …
    label: str  # 公开时限, 公开内容 …
    old: str  # the old value or element as the catalog prints it ("" when added)
    new: str  # the new value or element ("" when removed)
    note: str  # 修改说明: 修改公开时限, 增加公开内容要素 …
    action: str = ""  # what happened, language-neutral: changed, added, removed, reordered, optional …
    label_en: str = ""  # the label and the note in English (`--lang en`)
    note_en: str = ""

    def note_in(self, lang: str) -> str:
        return self.note_en or self.note if lang == "en" else self.note

    def label_in(self, lang: str) -> str:
        return self.label_en or self.label if lang == "en" else self.label

    def to_dict(self, lang: str = "zh") -> dict[str, str]:
        return {"field": self.field, "action": self.action, "label": self.label_in(lang), "old": self.old,
                "new": self.new, "note": self.note_in(lang)}


@dataclass(frozen=True)
class ItemChange:
    kind: ChangeKind
    code: str
    name: str
    standard_id: str
    standard_title: str
    group_id: str
    old_text: str = ""  # the whole old item (removed items), as lines 要素：值
    new_text: str = ""  # the whole new item (added items)
    fields: tuple[FieldChange, ...] = ()
    old_code: str | None = None  # when the item was recoded
    text_en: str = ""  # old_text or new_text with English element labels (`--lang en`)

    @property
    def title(self) -> str:
        return f"{self.code} {self.name}"

    def text_in(self, lang: str) -> str:
        """The whole item (added or removed) in `lang`."""
        text = self.old_text or self.new_text
        return self.text_en or text if lang == "en" else text

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        return {
            "kind": self.kind, "code": self.code, "old_code": self.old_code, "name": self.name,
            "standard": self.standard_id, "standard_title": self.standard_title, "domain": self.group_id,
            "old": self.old_text or None, "new": self.new_text or None,
            "fields": [f.to_dict(lang) for f in self.fields],
        }


@dataclass
class DiffResult:
    old_label: str
    new_label: str
    changes: list[ItemChange] = field(default_factory=list)
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    date: dt.date = dt.date(2017, 8, 3)  # the newer version's build date (never the clock)
    domain: str | None = None
    county: str | None = None  # `--county`: the county whose resolved catalogs were compared
    written: list[Path] = field(default_factory=list)
    compared: bool = True  # False: a version's sources have errors, so there are no changes to show

    @property
    def exit_code(self) -> ExitCode:
        if not self.compared:  # a version's sources have errors (1), or a version lacks the county's profile (2)
            errors = [d.code for d in self.diagnostics.items if d.severity >= Severity.ERROR]
            return ExitCode.USAGE if errors and set(errors) == {"D850"} else ExitCode.FINDINGS
        return ExitCode.USAGE if self.diagnostics.has_errors else ExitCode.OK

    def of_kind(self, kind: ChangeKind) -> list[ItemChange]:
        return [c for c in self.changes if c.kind == kind]

    def summary(self) -> dict[str, int]:
        return {
            "added": len(self.of_kind("added")),
            "removed": len(self.of_kind("removed")),
            "changed": len(self.of_kind("changed")),
            "field_changes": sum(len(c.fields) for c in self.of_kind("changed")),
        }

    def to_dict(self, lang: str = "zh") -> dict[str, Any]:
        """The result as JSON; without a comparison, `summary` and `changes` are null (never "all removed")."""
        return {"old": self.old_label, "new": self.new_label, "domain": self.domain, "county": self.county,
                "summary": self.summary() if self.compared else None,
                "changes": [c.to_dict(lang) for c in self.changes] if self.compared else None,
                "diagnostics": [d.to_dict(lang) for d in self.diagnostics.sorted()]}

    def summary_line(self, lang: str = "zh") -> str:
        s = self.summary()
        if lang == "en":
            n = s["field_changes"]
            return (f"{s['added']} added, {s['removed']} removed, {s['changed']} changed "
                    f"({n} change{'' if n == 1 else 's'})")
        return f"新增 {s['added']} 个事项，删除 {s['removed']} 个，修改 {s['changed']} 个（共 {s['field_changes']} 处修改）"
