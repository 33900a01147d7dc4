"""The completeness report of `govopen check --report`: per domain (and area), how complete the catalog is."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, TextIO

from govopen_std.check.context import CheckContext
from govopen_std.check.item_rules import check_elements

if TYPE_CHECKING:
    from govopen_std.pipeline import CheckResult


@dataclass(frozen=True)
class DomainRow:
    domain: str
    area: str
    items: int
    complete: int
    laws: int
    channels: int


def completeness_rows(result: CheckResult) -> list[DomainRow]:
    ctx = CheckContext(result.sources)
    buckets: dict[tuple[str, str], list[object]] = {}
    order = [g.id for g in ctx.groups.values()]
    for standard_id, item in ctx.items():
        group = ctx.group_of(standard_id)
        if group is None:
            continue
        for key in {(group.id, "全部"), (group.id, item.value.area or "全部")}:
            buckets.setdefault(key, []).append(item)
    rows = []
    for (gid, area), items in sorted(buckets.items(), key=lambda kv: (order.index(kv[0][0]), kv[0][1] != "全部", kv[0][1])):
        located = items
        rows.append(DomainRow(
            domain=ctx.groups[gid].title,
            area=area,
            items=len(located),
            complete=sum(1 for it in located if not list(check_elements(ctx, it))),  # type: ignore[arg-type, misc]
            laws=len({c.law for it in located for c in it.value.basis}),  # type: ignore[attr-defined]
            channels=len({ch for it in located for ch in it.value.channels.all()}),  # type: ignore[attr-defined]
        ))
    return rows


def completeness_records(rows: list[DomainRow]) -> list[dict[str, object]]:
    """The rows as JSON records (the `completeness` key of `check --format json --report`)."""
    return [asdict(row) for row in rows]


def print_completeness(result: CheckResult, *, lang: str, stream: TextIO | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    zh = lang != "en"
    table = Table(title="各领域完整性报告" if zh else "Completeness by domain")
    for zh_h, en_h in (("领域", "domain"), ("子领域", "area"), ("事项数", "items"), ("六要素齐全", "complete"),
                       ("引用法规数", "laws cited"), ("使用渠道数", "channels")):
        table.add_column(zh_h if zh else en_h, justify="right" if zh_h.endswith("数") or zh_h == "六要素齐全" else "left")
    rows = result.completeness if result.completeness is not None else completeness_rows(result)
    for row in rows:
        table.add_row(row.domain, row.area if zh else ("all" if row.area == "全部" else row.area), str(row.items),
                      str(row.complete), str(row.laws), str(row.channels))
    Console(file=stream, width=120).print(table)
