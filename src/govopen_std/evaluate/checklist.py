"""The third-party spot-check checklist (模拟用户实测): drawing the sample and writing the evaluator's XLSX.

`draw_sample` picks N items reproducibly (random.Random(seed)) and stratified by domain: each domain gets N × its
share of the items, rounded down, and the items left over go to the domains with the largest remainders (ties:
the larger domain, then catalog order). Within a domain the items are a random sample; the result is in catalog
order. `write_checklist` writes the XLSX the evaluator fills in (是否找到, 链接, 发布日期, ■/□ per element, 观察到的
渠道, 备注 next to the pre-filled 序号, 事项编码, 事项名称, 领域, 要求渠道); `govopen ledger import` recognises the
filled file by its 是否找到 header and stores each row as a spot check (kind 抽查).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from pathlib import Path

from govopen_std.evaluate.ledger_catalog import CatalogItem
from govopen_std.evaluate.ledger_columns import CHECKLIST_FIELDS, ELEMENTS

SHEET_TITLE = "抽查清单"
HEADER: list[str] = [CHECKLIST_FIELDS[f][0] for f in ("seq", "code", "name", "domain", "required_channels", "found",
                                                     "url", "published")]
HEADER += [CHECKLIST_FIELDS[f"element:{e}"][0] for e in ELEMENTS] + ["观察到的渠道", "备注"]
WIDTHS = [6, 14, 28, 12, 24, 10, 36, 12, *([8] * len(ELEMENTS)), 24, 24]
HEADER_ROW = 3  # two title rows above the header
# the file depends on its inputs only: its document properties carry this fixed day, not the clock
PROPERTIES_DAY = dt.date(2018, 1, 1)


def allocate(sizes: Sequence[int], n: int) -> list[int]:
    """Proportional allocation of `n` over strata of `sizes` by largest remainders."""
    total = sum(sizes)
    if total == 0 or n <= 0:
        return [0] * len(sizes)
    n = min(n, total)
    quotas = [n * size / total for size in sizes]
    counts = [int(q) for q in quotas]
    order = sorted(range(len(sizes)), key=lambda i: (-(quotas[i] - counts[i]), -sizes[i], i))
    for i in order[:n - sum(counts)]:
        counts[i] += 1
    return counts


def draw_sample(items: Sequence[CatalogItem], n: int, seed: int) -> list[CatalogItem]:
    """`n` of the applicable `items` (all of them when n exceeds their number), stratified by domain, in catalog
    order; equal arguments give the same sample."""
    applicable = [item for item in items if item.applicable]
    domains: dict[str, list[CatalogItem]] = {}
    for item in applicable:
        domains.setdefault(item.domain, []).append(item)
    rng = random.Random(seed)
    counts = allocate([len(group) for group in domains.values()], n)
    chosen: set[str] = set()
    for group, count in zip(domains.values(), counts, strict=True):
        chosen.update(item.code for item in rng.sample(group, count))
    return [item for item in applicable if item.code in chosen]


def write_checklist(path: Path, *, county: str, county_name: str, items: Sequence[CatalogItem], seed: int,
                    population: int | None = None) -> Path:
    """The evaluator's XLSX for the drawn `items` (see the module docstring); returns `path`."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from govopen_std.render.reproducible import save_workbook

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_TITLE
    ws.append([f"{county_name}（{county}）基层政务公开抽查清单（模拟用户实测）"])
    drawn = f"从 {population} 个事项中" if population is not None else ""
    ws.append([f"{drawn}按领域分层随机抽取 {len(items)} 个事项（随机种子 {seed}）。是否找到填“是”或“否”；"
               "要素列填 ■（有）或 □（无）；观察到的渠道写词表中的渠道名称，用顿号分隔；发布日期写 YYYY-MM-DD。"])
    ws.append(HEADER)
    for seq, item in enumerate(items, 1):
        ws.append([seq, item.code, item.name, item.domain, "、".join(item.required_channels)])
    last = HEADER_ROW + max(len(items), 1)
    _validations(ws, last, DataValidation)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(HEADER))
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=len(HEADER))
    ws.cell(1, 1).font = Font(bold=True, size=14)
    ws.cell(2, 1).alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[2].height = 36
    for i, width in enumerate(WIDTHS, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
        ws.cell(HEADER_ROW, i).font = Font(bold=True)
    ws.freeze_panes = f"A{HEADER_ROW + 1}"
    wb.properties.title = f"{county_name}基层政务公开抽查清单"
    wb.properties.creator = wb.properties.lastModifiedBy = "govopen"
    path.parent.mkdir(parents=True, exist_ok=True)
    return save_workbook(wb, path, PROPERTIES_DAY)


def _validations(ws: object, last: int, validation: type) -> None:
    """Drop-down lists: 是/否 under 是否找到, ■/□ under each element."""
    from openpyxl.utils import get_column_letter

    found_col = get_column_letter(HEADER.index(CHECKLIST_FIELDS["found"][0]) + 1)
    yes_no = validation(type="list", formula1='"是,否"', allow_blank=True)
    yes_no.add(f"{found_col}{HEADER_ROW + 1}:{found_col}{last}")
    first = HEADER.index(CHECKLIST_FIELDS[f"element:{ELEMENTS[0]}"][0]) + 1
    marks = validation(type="list", formula1='"■,□"', allow_blank=True)
    marks.add(f"{get_column_letter(first)}{HEADER_ROW + 1}:{get_column_letter(first + len(ELEMENTS) - 1)}{last}")
    ws.add_data_validation(yes_no)  # type: ignore[attr-defined]
    ws.add_data_validation(marks)  # type: ignore[attr-defined]


def checklist_name(county: str, seed: int) -> str:
    return f"checklist-{county}-seed{seed}.xlsx"


def write_sample_checklist(out_dir: Path, *, county: str, county_name: str, items: Sequence[CatalogItem], n: int,
                           seed: int) -> Path:
    """Draw `n` items and write their checklist into `out_dir`; returns the file written.

    Inputs, for `govopen evaluate --sample N --seed S --county CODE -o DIR`:
    - `out_dir`: the -o folder (created when missing); the file is `checklist-<county>-seed<seed>.xlsx`.
    - `county`, `county_name`: the division code and name (ledger_catalog.resolve_county gives both).
    - `items`: the county's resolved catalog in catalog order (`CountyCatalog.items`); items the overlay marks not
      applicable are never drawn.
    - `n`, `seed`: the sample size and the random seed (same seed and catalog: same sample).
    """
    sample = draw_sample(items, n, seed)
    population = sum(1 for item in items if item.applicable)
    return write_checklist(out_dir / checklist_name(county, seed), county=county, county_name=county_name,
                           items=sample, seed=seed, population=population)
