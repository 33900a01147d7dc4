"""The national coverage report of `govopen check --report`: per domain, how many items of the national
基层政务公开标准指引 its coverage matrix lists, how many are covered by an item, how many are not (with a
reason), how many were not verified against a published catalog, and how many items Zhejiang adds."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, TextIO

from govopen_std.check.context import CheckContext
from govopen_std.diagnostics import Diagnostics
from govopen_std.load.coverage import load_coverage

if TYPE_CHECKING:
    from govopen_std.pipeline import CheckResult


@dataclass(frozen=True)
class CoverageRow:
    domain: str
    national: int  # national items listed
    covered: int  # mapped to at least one item
    not_covered: int  # listed with the reason they are not covered
    unverified: int  # national items whose name was not read in a published catalog
    additions: int  # Zhejiang's items that no national item asks for

    @property
    def covered_percent(self) -> int:
        return round(100 * self.covered / self.national) if self.national else 0


def coverage_rows(result: CheckResult) -> list[CoverageRow]:
    ctx = CheckContext(result.sources)
    order = [g.id for g in ctx.groups.values()]
    rows: list[tuple[int, CoverageRow]] = []
    for matrix in load_coverage(result.sources, Diagnostics()):  # problems are check's to report
        value = matrix.value
        group = ctx.groups.get(value.domain)
        if group is None:
            continue
        covered = sum(1 for item in value.items if item.codes)
        rows.append((order.index(group.id), CoverageRow(
            domain=group.title, national=len(value.items), covered=covered, not_covered=len(value.items) - covered,
            unverified=sum(1 for item in value.items if not item.verified), additions=len(value.additions))))
    return [row for _, row in sorted(rows, key=lambda pair: pair[0])]


def coverage_records(rows: list[CoverageRow]) -> list[dict[str, object]]:
    """The rows as JSON records (the `coverage` key of `check --format json --report`)."""
    return [{**asdict(row), "covered_percent": row.covered_percent} for row in rows]


def print_coverage(rows: list[CoverageRow], *, lang: str, stream: TextIO | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    zh = lang != "en"
    table = Table(title="国家标准指引覆盖情况" if zh else "Coverage of the national guidelines")
    headers = (("领域", "domain"), ("国家事项数", "national items"), ("已覆盖", "covered"),
               ("未覆盖（有理由）", "not covered (reason given)"), ("覆盖率", "covered %"),
               ("未核实", "unverified"), ("浙江增设", "Zhejiang additions"))
    for i, (zh_h, en_h) in enumerate(headers):
        table.add_column(zh_h if zh else en_h, justify="left" if i == 0 else "right")
    for row in rows:
        table.add_row(row.domain, str(row.national), str(row.covered), str(row.not_covered),
                      f"{row.covered_percent}%", str(row.unverified), str(row.additions))
    Console(file=stream, width=120).print(table)
