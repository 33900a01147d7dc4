"""The `html` renderer: the searchable catalog site, written to `site/` under the target folder
(build/site/ for the province, build/<code>/site/ for a county).

It reads only the view model. Templates (Jinja2, autoescape on), CSS and vanilla JS come from
templates/html/ of the workspace or of the embedded standards; govopen's own templates alone render in a
plain Jinja environment, a workspace's in the sandbox (html_site/templates.py), with the same output.
The output is byte-identical for the same view: fixed page order, no clock (the view's build_date),
sorted assets.
"""

from __future__ import annotations

import shutil
import traceback
from pathlib import Path
from typing import Any

from jinja2 import Environment, TemplateError, TemplateSyntaxError

from govopen_std.diagnostics import GovOpenError
from govopen_std.render.base import Advance
from govopen_std.render.evaluation import site as evaluation
from govopen_std.render.html_site.cells import SiteCells
from govopen_std.render.html_site.downloads import generated
from govopen_std.render.html_site.pages import Page, page_count, plan, site_context
from govopen_std.render.html_site.paths import item_path
from govopen_std.render.html_site.search import INDEX_FILE, index_script
from govopen_std.render.html_site.templates import asset_files, confined_file, site_environment, template_dirs
from govopen_std.view.model import BuildView, ItemRow

SITE_DIR = "site"


def download_count(view: BuildView) -> int:
    """The XLSX catalog whole and per domain, and a CSV per domain (downloads.generated)."""
    return 1 + 2 * len(view.domains)


class HtmlRenderer:
    """Writes the catalog site for one target."""

    name = "html"

    def __init__(self, *, all_standards: bool = False, formats: tuple[str, ...] = (), **_options: object) -> None:
        self.all_standards = all_standards
        self.formats = tuple(formats)  # the build's renderers: a PDF is linked when the build makes PDFs

    def count(self, view: BuildView) -> int:
        # counted from the view: building the plan (every page's context) only to count it cost ~0.1 s
        # per target, a second time
        extra = len(evaluation.pages_for(view))
        return (page_count(view) + len(asset_files(template_dirs(view.templates_dir))) + 1
                + download_count(view) + (extra + 1 if extra else 0))

    def render(self, view: BuildView, out: Path, advance: Advance) -> list[Path]:
        site = out / SITE_DIR
        dirs = template_dirs(view.templates_dir)
        env = site_environment(dirs)
        evaluation_pages = evaluation.pages_for(view)  # the evaluation page or heat map, when there is a ledger
        common = {"site": {**site_context(view), "evaluation": bool(evaluation_pages)},
                  "cells": SiteCells(env, _rows(view))}
        writer = _Writer()
        written = []
        for page in plan(view, all_standards=self.all_standards, formats=self.formats):
            written.append(writer.write(site / page.path, _render(env, page, common)))
            advance(page.path)
        for rel, data in generated(view).items():
            written.append(writer.write_bytes(site / rel, data))
            advance(rel)
        for path in evaluation.write_pages(evaluation_pages, site, lambda p: _render(env, p, common), writer.write,
                                           lambda: env.get_template("evaluation.css").render()):
            written.append(path)
            advance(path.name)
        paths = {row.code: item_path(row) for row in view.items}
        written.append(writer.write(site / INDEX_FILE, index_script(view, paths)))
        advance(INDEX_FILE)
        for rel, source in asset_files(dirs).items():
            confined_file(source, next(d for d in dirs if source.is_relative_to(d)))  # no link out of the folder
            target = site / rel
            writer.folder(target.parent)
            shutil.copyfile(source, target)
            written.append(target)
            advance(rel)
        return written


def _rows(view: BuildView) -> dict[str, ItemRow]:
    """Every item row a page can show, by code (a standard lists the rows of its domain's catalog)."""
    rows = {row.code: row for row in view.items}
    for std in view.standards:
        for row in std.items:
            rows.setdefault(row.code, row)
    return rows


def _render(env: Environment, page: Page, common: dict[str, Any]) -> str:
    """One page; a broken template (a workspace's own, usually) is B621 with its file and line."""
    try:
        return env.get_template(page.template).render(**common, **page.context)
    except TemplateSyntaxError as exc:
        raise GovOpenError("B621", path=exc.filename or exc.name or page.template, line=exc.lineno,
                           detail=exc.message or "") from exc
    except TemplateError as exc:
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename.endswith((".html", ".svg"))]
        where = frames[-1] if frames else None
        raise GovOpenError("B621", path=where.filename if where else page.template,
                           line=where.lineno if where else "?", detail=exc.message or type(exc).__name__) from exc


class _Writer:
    """Writes the site's files, creating each folder once."""

    def __init__(self) -> None:
        self.folders: set[Path] = set()

    def folder(self, path: Path) -> None:
        if path not in self.folders:
            path.mkdir(parents=True, exist_ok=True)
            self.folders.add(path)

    def write(self, path: Path, text: str) -> Path:
        return self.write_bytes(path, text.encode("utf-8"))  # bytes as they are: text with newline="\n"

    def write_bytes(self, path: Path, data: bytes) -> Path:
        self.folder(path.parent)
        with open(path, "wb") as file:
            file.write(data)
        return path
