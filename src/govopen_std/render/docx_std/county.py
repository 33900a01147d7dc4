"""The outline of a county's local catalog (docx/catalog.docx): cover, 目次, the county's channels, then one
chapter per domain of the base.

- 1 公开渠道和载体说明: the county's own carriers of the channels (website address, 政务新媒体, the places of
  its notice boards and service centres), as a table, when the profile gives any;
- an adopted domain: its catalog table in the national columns, 序号 as the view numbers them (the same as
  the HTML site and the XLSX), 本县增补 / 本县细化 rows marked after the 序号 and the marks explained in a
  table note, each 细化说明 as a further note, and the items that do not apply listed once below, by code;
- a domain the county does not adopt: one sentence with the county's reason, no table (a catalog with no
  table at all is printed on portrait pages).
"""

from __future__ import annotations

from collections.abc import Sequence

from govopen_std.render.docx_std.blocks import (
    Block,
    CatalogBlock,
    CountyCover,
    EndLine,
    Heading,
    Outline,
    PageBreak,
    Para,
    SectionKind,
    SectionSpec,
    TableBlock,
    Toc,
)
from govopen_std.render.docx_std.catalog import CATALOG_HEADER, catalog_cells, catalog_weights
from govopen_std.render.docx_std.outline import TOC_TITLE, Bookmarks, Counter, toc_entries
from govopen_std.render.docx_std.style import CountyStyle, DocxStyle
from govopen_std.view.model import BuildView, GroupView, ItemRow


def cover_title(title: str, county: str, style: DocxStyle) -> str:
    """Break a cover title after the county's name when it does not fit on one line of the type area."""
    page = style.page
    per_line = int((page.width_mm - page.margin_left_mm - page.margin_right_mm) / 25.4 * 72
                   / style.element("cover_title").size)
    if len(title) > per_line and title.startswith(county) and len(title) > len(county):
        return f"{county}\n{title[len(county):]}"
    return title


def row_mark(row: ItemRow, cs: CountyStyle) -> str:
    return {"local": cs.local_mark, "amended": cs.amended_mark}.get(row.status, "")


def marks_note(rows: Sequence[ItemRow], cs: CountyStyle) -> str | None:
    """The table note that explains the marks used in this table (None when no row is marked)."""
    parts = []
    if any(r.status == "local" for r in rows):
        parts.append(cs.local_note.format(mark=cs.local_mark))
    if any(r.status == "amended" for r in rows):
        parts.append(cs.amended_note.format(mark=cs.amended_mark))
    return "，".join(parts) + "。" if parts else None


def amendment_notes(rows: Sequence[ItemRow]) -> list[str]:
    """One note per 本县细化 row that says why or how (the profile's `amend: … note:`)."""
    return [f"序号{r.seq}（{r.code}）的本县细化说明：{r.amendment_note.rstrip('。')}。"
            for r in rows if r.amendment_note]


def dropped_entries(rows: Sequence[ItemRow]) -> tuple[str, ...]:
    """The items that do not apply, once each, by code, with their reasons (列项 punctuation)."""
    dropped = sorted((r for r in rows if r.seq is None), key=lambda r: r.code)
    texts = [f"{r.code}\u3000{r.name}" + (f"（{r.reason.rstrip('。')}）" if r.reason else "") for r in dropped]
    return tuple(t + ("；" if i < len(texts) - 1 else "。") for i, t in enumerate(texts))


def county_catalog_block(number: str, caption: str, rows: Sequence[ItemRow], style: DocxStyle) -> CatalogBlock:
    """A domain's catalog table: the rows that apply, numbered by their 序号 and marked; notes; the rest below."""
    cs = style.county
    shown = [r for r in rows if r.seq is not None]
    cells = tuple(catalog_cells(f"{r.seq}{row_mark(r, cs)}", r) for r in shown)
    notes = [n for n in (marks_note(shown, cs),) if n] + amendment_notes(shown)
    weights = catalog_weights(cs.column_weights or style.catalog.column_weights)
    return CatalogBlock(number, caption, CATALOG_HEADER, cells, weights, style.catalog.legend,
                        dropped_entries(rows), style.catalog.not_applicable, tuple(notes))


def channel_blocks(chapter: str, table: str, view: BuildView, cs: CountyStyle, marks: Bookmarks) -> list[Block]:
    """1 公开渠道和载体说明: a lead sentence and the table of the county's carriers."""
    rows = tuple((d.name, d.detail) for d in view.channel_details)
    return [Heading("chapter", chapter, cs.channels_title, 1, marks.next()),
            Para(cs.channels_lead.format(table=f"表{table}")),
            TableBlock(table, cs.channels_title, tuple(cs.channels_header), rows)]


def domain_blocks(chapter: str, group: GroupView, counter: Counter, style: DocxStyle,
                  marks: Bookmarks) -> list[Block]:
    cs = style.county
    blocks: list[Block] = [Heading("chapter", chapter, group.title, 1, marks.next())]
    if group.not_applicable is not None:
        return [*blocks, Para(cs.domain_not_applicable.format(reason=group.not_applicable.rstrip("。")))]
    caption = cs.table_caption.format(group=group.title)
    return [*blocks, county_catalog_block(counter.next_table(), caption, group.items, style)]


def body_blocks(view: BuildView, style: DocxStyle, marks: Bookmarks) -> list[Block]:
    """The chapters in order; a chapter with a catalog table starts a new page, a one-sentence one does not."""
    counter = Counter()
    blocks: list[Block] = []
    if view.channel_details:
        blocks += channel_blocks("1", counter.next_table(), view, style.county, marks)
    for group in (g for g in view.domains if g.items or g.not_applicable is not None):
        if blocks and group.not_applicable is None:
            blocks.append(PageBreak())
        chapter = str(sum(isinstance(b, Heading) for b in blocks) + 1)
        blocks += domain_blocks(chapter, group, counter, style, marks)
    return blocks or [Para("本县（市、区）没有采用任何领域的公开事项。")]


def county_outline(view: BuildView, style: DocxStyle) -> Outline:
    """Cover, 目次, then the channels and one chapter per domain, in the catalog annex's landscape layout."""
    assert view.county is not None
    name = view.county.name
    cs = style.county
    title = cs.title.format(county=name)
    cover = CountyCover(cover_title(title, name, style), cs.subtitle.format(county=name),
                        f"{view.build_date.isoformat()} {cs.date_label}", cs.issuer.format(county=name))
    body = [*body_blocks(view, style, Bookmarks()), EndLine()]
    toc = Toc(TOC_TITLE, tuple(toc_entries(body)))
    # Tables need the landscape page; a catalog of one-sentence chapters only (no domain adopted) is portrait.
    kind: SectionKind = "landscape" if any(isinstance(b, (CatalogBlock, TableBlock)) for b in body) else "body"
    sections = [SectionSpec("cover", [cover]), SectionSpec("front", [toc]), SectionSpec(kind, body)]
    return Outline(sections, title, title, f"{view.county.code} {name}")
