"""The page plan of the catalog site: which file each page goes to, which template draws it and with what.

Every link is relative (`root` is the way back to the site folder), so the site works from file://,
from any sub-folder of a web server and behind an intranet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from govopen_std.messages import ELEMENT_NAMES
from govopen_std.render.html_site.changes import CHANGES_PAGE, change_list, row_changes
from govopen_std.render.html_site.downloads import csv_href, docx_href, pdf_href, xlsx_href
from govopen_std.render.html_site.paths import domain_path, item_path, standard_path
from govopen_std.render.html_site.search import INDEX_FILE, facets
from govopen_std.render.html_site.tree import build_diagram
from govopen_std.view.model import BuildView, CountyView, GroupView, ItemRow, StandardView
from govopen_std.view.numbering import table_numbers

# No inline script or style anywhere: scripts and styles only from the site's own files.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "base-uri 'none'; form-action 'self'; object-src 'none'")
LAYERS = {"province": "省级标准", "county": "本县配置"}
ROOTS = ("", "../")  # a page's way back to the site folder: from the top level or from a sub-folder


@dataclass(frozen=True)
class Page:
    path: str  # relative to the site folder, posix
    template: str
    context: dict[str, Any] = field(default_factory=dict)


def successor_names(view: BuildView) -> dict[str, str]:
    """Responsible unit as Annex 1 prints it -> today's bodies, for the units the 2018 reform changed."""
    return {org.name: org.today_text for org in view.organizations if org.changed and org.today}


def place_name(county: CountyView) -> str:
    """杭州市拱墅区: the county with its city, without doubling the city when the name already has it."""
    return county.name if county.name.startswith(county.city) else f"{county.city}{county.name}"


def site_context(view: BuildView) -> dict[str, Any]:
    county = view.county
    title = f"{place_name(county)}基层政务公开标准目录" if county else view.title
    return {
        "title": title,
        "system_title": view.title,
        "county": county,
        "place": place_name(county) if county else view.province,
        "province": view.province,
        "build_date": view.build_date.isoformat(),
        "domains": (domains := [(g, domain_path(g)) for g in view.domains]),
        # root -> (domain, href from a page at that root): the header's domain nav, joined once per site
        "domain_links": {root: [(g, root + href) for g, href in domains] for root in ROOTS},
        "csp": CSP,
    }


def _provenance(row: ItemRow) -> list[tuple[str, str, str]]:
    """(element, layer, file:line:col) for the elements the item has, in catalog element order."""
    rows = []
    fields = row.provenance.fields
    for name, label in _ELEMENT_LABELS:
        where = fields.get(name)
        if where is None or (name == "area" and not row.area):
            continue
        layer, _, location = where.partition(" ")
        rows.append((label, LAYERS.get(layer, layer), location))
    return rows


_ELEMENT_LABELS = tuple((name, label) for name, (label, _) in ELEMENT_NAMES.items())


def _domain_sections(group: GroupView) -> list[tuple[str | None, int, list[tuple[str, list[ItemRow]]]]]:
    """(area, rows, runs): one table per sub-area for the domains that have them (扶贫/救灾...), else one."""
    if not group.areas:
        parts: list[tuple[str | None, tuple[ItemRow, ...]]] = [(None, group.items)]
    else:
        parts = [(area, tuple(r for r in group.items if r.area == area)) for area in group.areas]
        parts.append(("其他", tuple(r for r in group.items if r.area not in group.areas)))
    return [(area, len(rows), primary_runs(rows)) for area, rows in parts if rows]


def primary_runs(rows: tuple[ItemRow, ...]) -> list[tuple[str, list[ItemRow]]]:
    """Consecutive rows with the same 一级事项, as the national catalogs merge that column."""
    runs: list[tuple[str, list[ItemRow]]] = []
    for row in rows:
        if runs and runs[-1][0] == row.primary:
            runs[-1][1].append(row)
        else:
            runs.append((row.primary, [row]))
    return runs


def _counts(view: BuildView) -> dict[str, int]:
    statuses = [row.status for row in view.items]
    return {"total": len(statuses), "standards": len(view.standards), "domains": len(view.domains),
            "local": statuses.count("local"), "amended": statuses.count("amended"),
            "not_applicable": statuses.count("not_applicable"), "laws": len(view.laws)}


def home_page(view: BuildView) -> Page:
    return Page("index.html", "index.html", {
        "root": "", "nav": "home", "diagram": build_diagram(view), "facets": facets(view),
        "counts": _counts(view), "index_file": INDEX_FILE, "channel_details": view.channel_details,
        "xlsx_all": xlsx_href(),
        "domain_rows": [(g, domain_path(g)) for g in view.domains],
        "diagram_groups": [(g, [(s, standard_path(s)) for s in g.standards]) for g in view.groups],
    })


def domain_pages(view: BuildView) -> list[Page]:
    return [Page(domain_path(g), "domain.html", {
        "root": "../", "nav": g.id, "group": g, "sections": _domain_sections(g),
        "standards": [(s, standard_path(s)) for s in g.standards],
        "xlsx": f"../{xlsx_href(g)}", "csv": f"../{csv_href(g)}", "xlsx_all": f"../{xlsx_href()}",
    }) for g in view.domains]


def item_pages(view: BuildView) -> list[Page]:
    laws = {law.id: law for law in view.laws}
    # the first standard of an id, as view.standard() finds it, without a scan of the standards per item
    standards: dict[str, tuple[StandardView | None, str | None]] = {}
    for std in view.standards:
        standards.setdefault(std.id, (std, standard_path(std)))
    pages = []
    for group in view.domains:
        domain = domain_path(group)
        rows = group.items
        paths = [item_path(row) for row in rows]
        for i, row in enumerate(rows):
            standard, standard_href = standards.get(row.standard_id, (None, None))
            pages.append(Page(paths[i], "item.html", {
                "root": "../", "nav": group.id, "row": row, "group": group, "domain_href": domain,
                "standard": standard, "standard_href": standard_href,
                "laws": laws, "provenance": (origins := _provenance(row)),
                "county_fields": [label for label, layer, _ in origins if layer == LAYERS["county"]],
                "changes": {c.field: c for c in row_changes(row)},
                "prev": (rows[i - 1], paths[i - 1]) if i > 0 else None,
                "next": (rows[i + 1], paths[i + 1]) if i + 1 < len(rows) else None,
            }))
    return pages


def standard_pages(view: BuildView, *, all_standards: bool, formats: tuple[str, ...] = ()) -> list[Page]:
    domains = {g.id: g for g in view.domains}
    names = successor_names(view)
    pages = []
    for std in view.standards:
        # inside the site (downloads/), so an uploaded site/ keeps working; the DOCX are copied in after render
        docx = docx_href(view, std, all_standards=all_standards)
        pdf = pdf_href(view, std, formats, all_standards=all_standards)
        group = domains.get(std.group_id)
        numbers = table_numbers(std.text, has_catalog=bool(std.items)) if std.text else {}
        pages.append(Page(standard_path(std), "standard.html", {
            "root": "../", "nav": std.group_id, "std": std, "names": names,
            "docx": f"../{docx}" if docx else None, "pdf": f"../{pdf}" if pdf else None,
            "xlsx": f"../{xlsx_href(group)}" if group else None,
            "group": group, "domain_href": domain_path(group) if group else None,
            "item_rows": [(r, item_path(r)) for r in std.items],
            "table_no": lambda block, numbers=numbers: numbers.get(id(block)),  # 表1, 表A.1 as in the DOCX
        }))
    return pages


def responsibility_page(view: BuildView) -> Page:
    """Annex 1: every project of the system (a county adopts domains, but the list stays the province's)."""
    numbers = {g.id: g.number for g in view.groups}
    groups: list[tuple[str, list[tuple[StandardView, str]]]] = []
    for std in view.standards:
        label = f"{numbers[std.group_id]}、{std.group_title}" if std.group_id in numbers else std.group_title
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append((std, standard_path(std)))
    return Page("responsibility.html", "responsibility.html", {
        "root": "", "nav": "responsibility", "groups": groups, "names": successor_names(view),
        "total": len(view.standards),
    })


def laws_page(view: BuildView) -> Page:
    """The law registry; each law lists the items that cite it (catalog order), so a law is no dead end."""
    citing: dict[str, list[tuple[ItemRow, str]]] = {}
    for row in view.items:
        for law_id in dict.fromkeys(ref.law_id for ref in row.basis):
            citing.setdefault(law_id, []).append((row, item_path(row)))
    cited = {law_id: len(rows) for law_id, rows in citing.items()}
    return Page("laws.html", "laws.html", {"root": "", "nav": "laws", "laws": view.laws, "cited": cited,
                                           "citing": citing})


def changes_page(view: BuildView) -> list[Page]:
    """本县变更一览: every change of a county with its reason (a county site only)."""
    if view.county is None:
        return []
    entries = change_list(view)
    kinds = [e.kind for e in entries]
    return [Page(CHANGES_PAGE, "changes.html", {
        "root": "", "nav": "changes", "entries": entries,
        "counts": {kind: kinds.count(kind) for kind in ("domain", "amended", "local", "not_applicable")},
    })]


def plan(view: BuildView, *, all_standards: bool = False, formats: tuple[str, ...] = ()) -> list[Page]:
    """Every page of the site, in a fixed order."""
    return [home_page(view), *domain_pages(view), *item_pages(view),
            *standard_pages(view, all_standards=all_standards, formats=formats), responsibility_page(view),
            laws_page(view),
            *changes_page(view)]


def page_count(view: BuildView) -> int:
    """len(plan(view)) without building the pages (the progress bar's total): home, one page per domain,
    per item of a domain and per standard, the responsibility list and the law library."""
    return (1 + len(view.domains) + sum(len(g.items) for g in view.domains) + len(view.standards) + 2
            + (view.county is not None))
