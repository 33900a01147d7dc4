"""The catalog table of a standard (附录A 公开事项目录) and of a county's catalog: the national columns of
gen-03 with the item code after 序号 (gen-03 5.2 requires an item code, gen-10 makes DE01 mandatory)."""

from __future__ import annotations

from collections.abc import Sequence

from govopen_std.render.docx_std.blocks import CatalogBlock
from govopen_std.render.docx_std.style import DocxStyle
from govopen_std.view.model import CATALOG_COLUMNS, EMPTY, ItemRow

# gen-03 5.2 and gen-10 (DE01, mandatory) want every catalog row to carry its item code; the printed
# table shows it right after 序号.
CODE_COLUMN = "事项编码"
CATALOG_HEADER = (CATALOG_COLUMNS[0], CODE_COLUMN, *CATALOG_COLUMNS[1:])
CODE_WEIGHT = 6.0
CHANNEL_COLUMN = CATALOG_HEADER.index("公开渠道和载体")


def catalog_weights(weights: Sequence[float]) -> tuple[float, ...]:
    """The style's weights of the national columns with the code column's weight after 序号."""
    return (weights[0], CODE_WEIGHT, *weights[1:])


def catalog_cells(seq: str, row: ItemRow) -> tuple[str, ...]:
    """The row's national columns with `seq` as its 序号 and its item code after it, one channel per
    line in its cell."""
    cells = [seq, row.code, *row.columns()[1:]]
    cells[CHANNEL_COLUMN] = "\n".join(c.display for c in row.channels) or EMPTY
    return tuple(cells)


def catalog_block(number: str, caption: str, rows: Sequence[ItemRow], style: DocxStyle) -> CatalogBlock:
    """The national columns, numbered from 1 within this table; items that do not apply are listed below it."""
    shown = [r for r in rows if r.status != "not_applicable"]
    table_rows = tuple(catalog_cells(str(i), r) for i, r in enumerate(shown, 1))
    dropped = [f"{r.code}\u3000{r.name}" + (f"（{r.reason.rstrip('。')}）" if r.reason else "")
               for r in rows if r.status == "not_applicable"]
    dropped = [d + ("；" if i < len(dropped) - 1 else "。") for i, d in enumerate(dropped)]  # 列项 punctuation
    return CatalogBlock(number, caption, CATALOG_HEADER, table_rows,
                        catalog_weights(style.catalog.column_weights), style.catalog.legend, tuple(dropped),
                        style.catalog.not_applicable)
