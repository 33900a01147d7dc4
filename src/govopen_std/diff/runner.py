"""Run a comparison: get the two versions (folders or git revisions), compare, write the requested
files (DOCX revision table, JSON). The command prints the result; nothing here prints.

When either version has errors in its sources, nothing is compared or written (the result carries
the located errors and `compared` is False)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from govopen_std.diagnostics import Diagnostic, Diagnostics, GovOpenError
from govopen_std.diff.compare import diff_sources
from govopen_std.diff.model import DiffResult
from govopen_std.diff.sources import Side, git_sides, load_side
from govopen_std.load.sources import Sources


@dataclass(frozen=True)
class DiffOptions:
    old: str
    new: str | None = None
    git: bool = False
    workspace: Path | None = None
    domain: str | None = None
    county: str | None = None  # compare this county's resolved catalogs (province's items when None)
    docx: Path | None = None
    json_out: Path | None = None


def _domain(value: str | None, *versions: Sources) -> str | None:
    """The group id that `value` names (id, code or title), or raises D844."""
    if value is None:
        return None
    groups = [g for s in versions if s.system for g in s.system.value.groups]
    for group in groups:
        if value.lower() in (group.id.lower(), (group.code or "").lower()) or value == group.title:
            return group.id
    import difflib

    close = difflib.get_close_matches(value, sorted({g.id for g in groups}), n=1)
    raise GovOpenError("D844", domain=value, suggestion=close[0] if close else "")


def _write(result: DiffResult, opts: DiffOptions) -> None:
    from govopen_std.diff.docx import write_docx
    from govopen_std.diff.report import write_json

    try:
        if opts.docx is not None:
            opts.docx.parent.mkdir(parents=True, exist_ok=True)
            result.written.append(write_docx(result, opts.docx))
        if opts.json_out is not None:
            opts.json_out.parent.mkdir(parents=True, exist_ok=True)
            with opts.json_out.open("w", encoding="utf-8") as stream:
                write_json(result, stream)
            result.written.append(opts.json_out)
    except OSError as exc:
        result.diagnostics.add(Diagnostic.make("D847", None, path=str(exc.filename or ""),
                                               detail=exc.strerror or str(exc)))


def compare_sides(old: Side, new: Side, opts: DiffOptions) -> DiffResult:
    diags = Diagnostics()
    before, after = load_side(old, diags), load_side(new, diags)
    if diags.has_errors:  # an item that failed to load would show as deleted: compare nothing, write nothing
        return DiffResult(old.label, new.label, diagnostics=diags, domain=opts.domain, compared=False)
    result = diff_sources((old.label, before), (new.label, after), domain=_domain(opts.domain, after, before),
                          county=opts.county)
    result.diagnostics.extend(diags)
    if result.compared:
        _write(result, opts)
    return result


def run_diff(opts: DiffOptions) -> DiffResult:
    """Compare OLD and NEW: folders, or with `git` revisions of the workspace (NEW defaults to the files on disk)."""
    if opts.git:
        where = (opts.workspace or Path.cwd()).resolve()
        revisions = [opts.old] + ([opts.new] if opts.new else [])
        with git_sides(where, revisions) as (old, new):
            return compare_sides(old, new, opts)
    if opts.new is None:
        raise GovOpenError("E902", detail="需要两个工作区目录（OLD NEW），或用 --git 比较版本",
                           detail_en="give two workspace directories (OLD NEW), or compare revisions with --git")
    return compare_sides(Side(opts.old, Path(opts.old)), Side(opts.new, Path(opts.new)), opts)
