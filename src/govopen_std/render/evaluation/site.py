"""The evaluation pages of the catalog site: a county's evaluation page (score, indicators, domain scores, the
status of every item) and the province's county × domain heat map, with links to each county's page.

Both pages use the site's shared layout and its strict CSP: no script, no inline style; colours come from
the stylesheet `assets/evaluation.css` (rendered from the template of that name only for sites that have
results, so a site without a ledger is unchanged), and every colour comes with its text (a status word,
a score with its grade), so nothing is told by colour alone. Output depends only on the view and the results.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from govopen_std.evaluate.result import EvaluationResult
from govopen_std.render.evaluation import labels as lb
from govopen_std.render.evaluation.statements import scoring_notes, spot_check_statement
from govopen_std.render.html_site.pages import Page
from govopen_std.render.html_site.paths import slug

PAGE = "evaluation.html"
STYLESHEET = "assets/evaluation.css"
# Grades of a 0–100 score, each with the class that colours it. Only "below 60 is 不合格" follows a published rule
# (the State Council office's 2019 website check, team notes evaluation.md); the 90 and 80 bands are this site's
# reading aid, not an assessment rule, and the page says so.
GRADES: tuple[tuple[float, str, str], ...] = ((90, "优秀", "grade-a"), (80, "良好", "grade-b"), (60, "合格", "grade-c"),
                                              (0, "不合格", "grade-d"))


@dataclass(frozen=True)
class Grade:
    label: str
    css: str
    low: float


def grade(score: float) -> Grade:
    """The grade band of a score (90 优秀, 80 良好, 60 合格, below 60 不合格)."""
    for low, label, css in GRADES:
        if score >= low:
            return Grade(label, css, low)
    return Grade(GRADES[-1][1], GRADES[-1][2], 0)


def _indicator_rows(result: EvaluationResult) -> list[dict[str, Any]]:
    return [{"number": n.number, "depth": n.depth, "name": n.indicator.name, "weight": lb.score_text(n.indicator.weight),
             "score": lb.score_text(n.indicator.score), "parent": bool(n.indicator.children),
             "basis": "" if n.indicator.children else lb.basis_label(n.indicator.basis)}
            for n in lb.numbered(result.indicators)]


def _item_rows(result: EvaluationResult, catalog: frozenset[str]) -> list[dict[str, Any]]:
    domains = lb.domain_names(result)
    return [{"code": i.code, "name": i.name, "domain": domains.get(i.domain, i.domain), "status": i.status,
             "href": f"items/{slug(i.code)}.html" if i.code in catalog else None,
             "label": lb.status_label(i.status), "days": i.days_late, "publications": i.publications,
             "channels": "、".join(i.missing_channels), "spot": i.spot_checked}
            for i in result.items]


def county_page(result: EvaluationResult, catalog: frozenset[str] = frozenset(),
                order: Sequence[str] = ()) -> Page:
    """The county site's evaluation page; the items of `catalog` (codes with a page on the site) are linked, the
    domains listed in `order` (the system's) first, in that order."""
    counts = lb.status_counts(result.items)
    rank = {domain: i for i, domain in enumerate(order)}
    domains = sorted(result.domains, key=lambda d: (rank.get(d.domain, len(rank)), d.domain))
    return Page(PAGE, PAGE, {
        "root": "", "nav": "evaluation", "result": result, "score": lb.score_text(result.score),
        "grade": grade(result.score), "indicators": _indicator_rows(result),
        # a domain without 考核评价 indicators has no score to show (not a score of 0)
        "domains": [(d.name, lb.score_text(d.score), grade(d.score)) if d.indicators else (d.name, None, None)
                    for d in domains],
        "items": _item_rows(result, catalog), "counts": [(lb.status_label(s), s, counts[s]) for s in lb.STATUS_LABELS],
        "has_ledger": lb.has_ledger(result), "spot_statement": spot_check_statement(result),
        "notes": scoring_notes(result), "grades": GRADES,
    })


def county_href(code: str) -> str:
    """From the province site's top level to a county's evaluation page (build/site → build/<code>/site)."""
    return f"../{slug(code)}/site/{PAGE}"


def heatmap_page(results: Sequence[EvaluationResult], domain_titles: Sequence[tuple[str, str]]) -> Page:
    """The province's county × domain heat map; `domain_titles` are (domain id, title) in system order."""
    rows = []
    for result in sorted(results, key=lambda r: r.county):
        scores = {d.domain: d.score for d in result.domains if d.indicators}
        cells = [(title, lb.score_text(scores[domain]), grade(scores[domain])) if domain in scores
                 else (title, None, None) for domain, title in domain_titles]
        if not lb.has_ledger(result):  # nothing imported for this county: no score to colour
            cells = [(title, None, None) for _domain, title in domain_titles]
        rows.append({"code": result.county, "name": result.county_name, "href": county_href(result.county),
                     "has_ledger": lb.has_ledger(result),
                     "score": lb.score_text(result.score), "grade": grade(result.score), "cells": cells,
                     "period": result.period.label})
    periods = sorted({r.period.label for r in results})
    return Page(PAGE, "heatmap.html", {"root": "", "nav": "evaluation", "rows": rows, "domains": domain_titles,
                                       "periods": periods, "grades": GRADES})


def evaluation_pages(county: str | None, results: Sequence[EvaluationResult],
                     domain_titles: Sequence[tuple[str, str]], catalog: frozenset[str] = frozenset()) -> list[Page]:
    """The pages a site gets: a county's own page, or the province's heat map; none without results."""
    if county is not None:
        order = [domain for domain, _title in domain_titles]
        return [county_page(r, catalog, order) for r in results if r.county == county][:1]
    return [heatmap_page(results, domain_titles)] if results else []


Render = Callable[[Page], str]
Write = Callable[[Path, str], Path]


def write_pages(pages: Sequence[Page], site: Path, render: Render, write: Write,
                stylesheet: Callable[[], str]) -> list[Path]:
    """Write `pages` and, when there is any, the stylesheet they link; returns the files written."""
    if not pages:
        return []
    written = [write(site / page.path, render(page)) for page in pages]
    written.append(write(site / STYLESHEET, stylesheet()))
    return written


def site_results(view: Any) -> Sequence[EvaluationResult]:
    """The results a site shows: set by the build in `view.extras["evaluation"]` when the workspace has a ledger."""
    results = view.extras.get("evaluation") or ()
    return [r for r in results if isinstance(r, EvaluationResult)]


def pages_for(view: Any) -> list[Page]:
    """The evaluation pages of the site of `view` (a BuildView): none when the build has no results."""
    results = site_results(view)
    if not results:
        return []
    return evaluation_pages(view.county.code if view.county else None, results,
                            [(g.id, g.title) for g in view.domains], frozenset(row.code for row in view.items))
