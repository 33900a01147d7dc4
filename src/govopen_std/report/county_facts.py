"""The county-facts report of `govopen check --report`: per county profile, how many body names, addresses and
URLs it states, how many are verified against a recorded source, and how many are still 待核实."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, TextIO

from govopen_std.diagnostics import Diagnostics
from govopen_std.resolve.profile import read_profiles

if TYPE_CHECKING:
    from govopen_std.pipeline import CheckResult


@dataclass(frozen=True)
class CountyFactsRow:
    code: str
    county: str
    facts: int
    verified: int
    unverified: int


def county_fact_rows(result: CheckResult) -> list[CountyFactsRow]:
    rows = []
    for profile in read_profiles(result.sources, Diagnostics()):  # problems are check's to report
        value = profile.value
        facts, unverified = value.facts(), value.unverified()
        rows.append(CountyFactsRow(value.county.code, value.county.name, len(facts), len(facts) - len(unverified),
                                   len(unverified)))
    return sorted(rows, key=lambda row: row.code)


def county_fact_records(rows: list[CountyFactsRow]) -> list[dict[str, object]]:
    """The rows as JSON records (the `county_facts` key of `check --format json --report`), with the share verified."""
    return [{**asdict(row), "verified_percent": round(100 * row.verified / row.facts) if row.facts else 0}
            for row in rows]


def print_county_facts(rows: list[CountyFactsRow], *, lang: str, stream: TextIO | None = None) -> None:
    from rich.console import Console
    from rich.table import Table

    if not rows:
        return
    zh = lang != "en"
    table = Table(title="县级配置事实核实情况" if zh else "County facts verified")
    headers = (("行政区划代码", "code"), ("县（市、区）", "county"), ("事实数", "facts"), ("已核实", "verified"),
               ("待核实", "unverified"))
    for i, (zh_h, en_h) in enumerate(headers):
        table.add_column(zh_h if zh else en_h, justify="left" if i < 2 else "right")
    for row in rows:
        table.add_row(row.code, row.county, str(row.facts), str(row.verified), str(row.unverified))
    Console(file=stream, width=120).print(table)
