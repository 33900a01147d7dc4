"""`govopen import`: a catalog spreadsheet → items → YAML in the workspace → what `check` still says.

    read grids → find headers → rows to drafts → place (standard / domain) → codes (gen-02)
    → validate as items → write YAML (a domain text's `items`, or a county's `add`) → check

Every problem of the sheet is a diagnostic located at its cell. The YAML is written even when some
cells could not be mapped (an unregistered law is cited by its name), and `check` is then run on the
workspace, so the result lists exactly what is left to fix in the written files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from govopen_std.diagnostics import Diagnostic, Diagnostics, Severity, SourceLocation, relpath
from govopen_std.interchange.coding import Coder
from govopen_std.interchange.context import ImportContext, build_context
from govopen_std.interchange.grid import read_grids
from govopen_std.interchange.header import read_layout
from govopen_std.interchange.rows import Draft, Target, read_drafts
from govopen_std.interchange.text import suggestion
from govopen_std.interchange.yaml_out import declare_subjects, dump, items_node, load_document, new_text
from govopen_std.load.discover import Workspace, find_workspace
from govopen_std.load.sources import Sources, load_sources
from govopen_std.model.base import alias_table
from govopen_std.model.county import CountyProfile, LocalItem
from govopen_std.model.item import Item

# A subject this close to a declared one is a misspelling to fix (I809), not a new subject to declare.
NEAR_MISS = 0.6


@dataclass(frozen=True)
class ImportOptions:
    path: Path
    display: str | None = None  # how locations name the file (default: the path as given)
    workspace: Path | None = None
    standard: str | None = None
    county: str | None = None
    domain: str | None = None
    sheets: tuple[str, ...] = ()
    dry_run: bool = False


@dataclass(frozen=True)
class Written:
    path: str
    items: int
    replaced: int
    created: bool


@dataclass
class ImportResult:
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    items: dict[str, list[Item]] = field(default_factory=dict)  # standard id (or county code) -> items
    written: list[Written] = field(default_factory=list)
    previews: dict[str, str] = field(default_factory=dict)  # workspace-relative path -> YAML text
    after_check: list[Diagnostic] = field(default_factory=list)
    rows: int = 0

    def unmatched_laws(self) -> dict[str, list[str]]:
        """Law names that matched nothing in the registry -> the cells that name them."""
        found: dict[str, list[str]] = {}
        for diag in self.diagnostics.sorted():
            if diag.code in ("I806", "I807"):
                found.setdefault(str(dict(diag.params)["law"]), []).append(str(diag.location))
        return dict(sorted(found.items()))

    @property
    def ok(self) -> bool:
        return not self.diagnostics.has_errors and not any(d.severity >= Severity.ERROR for d in self.after_check)


@dataclass
class _Run:
    opts: ImportOptions
    workspace: Workspace
    sources: Sources
    ctx: ImportContext
    result: ImportResult
    profile_path: Path | None = None
    profile_data: dict[str, Any] | None = None

    @property
    def diags(self) -> Diagnostics:
        return self.result.diagnostics

    @property
    def standards_dir(self) -> Path:
        cfg = self.sources.config
        return self.workspace.root / (cfg.standards_dir if cfg else "standards")


# --- reading ---------------------------------------------------------------------------------------

def _check_options(run: _Run) -> bool:
    opts, ctx = run.opts, run.ctx
    if opts.standard is not None:
        group = ctx.group_of_standard(opts.standard)
        if opts.standard not in ctx.standards:
            run.diags.add(Diagnostic.make("I816", None, standard=opts.standard,
                                          suggestion=suggestion(opts.standard, sorted(ctx.standards))))
            return False
        if group is None or group.id == "general":
            run.diags.add(Diagnostic.make("I827", None, standard=opts.standard))
            return False
    if opts.domain is not None and ctx.group_for(opts.domain) is None:
        run.diags.add(Diagnostic.make("I817", None, value=opts.domain))
        return False
    return True


def _target(run: _Run) -> Target:
    group = run.ctx.group_for(run.opts.domain) if run.opts.domain else None
    return Target(standard=run.opts.standard, group=group.id if group else None, county=run.opts.county is not None)


def read_sheet_drafts(run: _Run) -> list[Draft]:
    display = run.opts.display or run.opts.path.as_posix()
    drafts: list[Draft] = []
    for grid in read_grids(run.opts.path, display, run.opts.sheets, run.diags):
        layout = read_layout(grid, run.ctx, run.diags)
        if layout is not None:
            drafts += read_drafts(grid, layout, run.ctx, _target(run), run.diags)
    run.result.rows = len(drafts)
    if not drafts and not run.diags.has_errors:
        run.diags.add(Diagnostic.make("I822", SourceLocation(display)))
    return drafts


# --- placing and coding ----------------------------------------------------------------------------

def _placed(run: _Run, drafts: list[Draft]) -> list[Draft]:
    """Drafts whose domain (and, for a domain text, standard) is known; the others are I815."""
    county = run.opts.county is not None
    placed = []
    for draft in drafts:
        if draft.group is None or (not county and draft.standard is None):
            run.diags.add(Diagnostic.make("I815", draft.where))
        else:
            placed.append(draft)
    return placed


def _base_codes(run: _Run) -> set[str]:
    return {located.value.code for _sid, located in run.sources.all_items()}


def _existing(run: _Run, group_id: str, targets: set[str]) -> list[tuple[str, list[str]]]:
    """Codes (with categories) of the domain that this import does not replace."""
    if run.opts.county is not None:
        return []  # a county's local items of this domain are all replaced; base codes are out of range
    return [(located.value.code, list(located.value.category))
            for sid, located in run.sources.all_items()
            if run.ctx.standards.get(sid) == group_id and sid not in targets]


def _without_base_items(run: _Run, drafts: list[Draft]) -> list[Draft]:
    """A county sheet may list provincial items too; only local additions are imported."""
    base = _base_codes(run)
    kept = []
    for draft in drafts:
        if draft.sheet_code in base:
            run.diags.add(Diagnostic.make("I828", draft.where, code=draft.sheet_code))
        else:
            kept.append(draft)
    return kept


def assign_codes(run: _Run, drafts: list[Draft]) -> list[Draft]:
    scheme = run.ctx.coding
    if scheme is None:
        return drafts
    targets = {d.standard for d in drafts if d.standard}
    coded: list[Draft] = []
    for group_id in dict.fromkeys(d.group.id for d in drafts if d.group):
        group_drafts = [d for d in drafts if d.group and d.group.id == group_id]
        domain_code = run.ctx.groups[group_id].code or group_id.upper()
        coder = Coder(scheme, domain_code, local=run.opts.county is not None,
                      existing=_existing(run, group_id, {t for t in targets if t}))
        coded += _code_group(run, coder, group_drafts)
    order = {id(d): i for i, d in enumerate(drafts)}
    return sorted(coded, key=lambda d: order[id(d)])


def _code_group(run: _Run, coder: Coder, drafts: list[Draft]) -> list[Draft]:
    rejected: dict[int, str] = {}
    for draft in drafts:
        if draft.sheet_code:
            reason = coder.keep(draft.sheet_code, draft.category)
            if reason is None:
                draft.code = draft.sheet_code
            else:
                rejected[id(draft)] = reason
    coded = []
    for draft in drafts:
        if not draft.code:
            new = coder.new(draft.category)
            if new is None:
                low, high = coder.first_range
                run.diags.add(Diagnostic.make("I814", draft.where, domain=coder.domain_code, low=f"{low:02d}",
                                              high=f"{high:02d}", category=draft.category[0]))
                continue
            draft.code = new
            if id(draft) in rejected:
                run.diags.add(Diagnostic.make("I813", draft.where, code=draft.sheet_code, detail=rejected[id(draft)],
                                              new=new))
        coded.append(draft)
    return coded


# --- validating ------------------------------------------------------------------------------------

def _item(run: _Run, draft: Draft) -> Item | None:
    data = {"code": draft.code, **draft.data}
    model: type[Item] = Item
    if run.opts.county is not None:
        model = LocalItem
        # a local item without a standard is listed under its domain's 公开规范 (<d>-00) anyway
        if draft.standard and not (draft.group and draft.standard == f"{draft.group.id}-00"):
            data["standard"] = draft.standard
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"])
        run.diags.add(Diagnostic.make("I821", draft.where, detail=f"{where}: {first['msg']}"))
        return None


def validated(run: _Run, drafts: list[Draft]) -> dict[str, list[tuple[Item, Draft]]]:
    """Items by target: the standard id, or the county code."""
    result: dict[str, list[tuple[Item, Draft]]] = {}
    for draft in drafts:
        item = _item(run, draft)
        if item is not None:
            target = run.opts.county or draft.standard or ""
            result.setdefault(target, []).append((item, draft))
    return result


# --- writing ---------------------------------------------------------------------------------------

def _new_subjects(run: _Run, group_id: str, items: list[Item]) -> list[str]:
    """Subjects the domain does not declare and that are not a near miss of one it does."""
    import difflib

    declared = run.ctx.subjects.get(group_id, [])
    new: list[str] = []
    for item in items:
        for subject in item.subject:
            near = difflib.get_close_matches(subject, declared, n=1, cutoff=NEAR_MISS)
            if subject not in declared and subject not in new and not near:
                new.append(subject)
    return new


def _drop_declared(run: _Run, subjects: list[str], path: str) -> None:
    keep = [d for d in run.diags.items if not (d.code == "I809" and dict(d.params).get("subject") in subjects)]
    run.diags.items = keep
    for subject in subjects:
        run.diags.add(Diagnostic.make("I825", SourceLocation(path), subject=subject, path=path))


def text_document(run: _Run, standard_id: str, items: list[Item], path: Path) -> tuple[Any, int]:
    """The text file's new content and how many items it had."""
    group_id = run.ctx.standards[standard_id]
    subjects = _new_subjects(run, group_id, items)
    _drop_declared(run, subjects, relpath(path, run.workspace.root))
    if not path.is_file():
        return new_text(standard_id, run.ctx.titles.get(standard_id, standard_id), items, subjects), 0
    doc = load_document(path)
    old = len(doc.get("items") or [])
    doc["items"] = items_node([(item, None) for item in items])
    declare_subjects(doc, subjects)
    return doc, old


def _add_key(doc: dict[str, Any]) -> str:
    table = alias_table(CountyProfile)
    return next((k for k in doc if table.get(k) == "add"), "add")


def county_document(run: _Run, items: list[Item], drafts: list[Draft]) -> tuple[Any, int]:
    assert run.profile_path is not None
    doc = load_document(run.profile_path)
    add_key = _add_key(doc)
    groups = {d.group.code for d in drafts if d.group and d.group.code}
    current = list(doc.get(add_key) or [])
    kept = [entry for entry in current if str(_code_of(entry)).split("-")[0] not in groups]
    new = items_node([(item, getattr(item, "standard", None)) for item in items])
    doc[add_key] = type(new)([*kept, *new])
    return doc, len(current) - len(kept)


def _code_of(entry: Any) -> str:
    if not isinstance(entry, dict):
        return ""
    table = alias_table(LocalItem)
    return str(next((v for k, v in entry.items() if table.get(k) == "code"), ""))


def write_all(run: _Run, by_target: dict[str, list[tuple[Item, Draft]]]) -> None:
    for target, pairs in by_target.items():
        items = [item for item, _ in pairs]
        run.result.items[target] = items
        if run.opts.county is not None:
            path = run.profile_path or run.standards_dir / "counties" / f"{target}.yaml"
            doc, old = county_document(run, items, [d for _, d in pairs])
        else:
            path = run.standards_dir / "domains" / run.ctx.standards[target] / f"{target}.yaml"
            doc, old = text_document(run, target, items, path)
        shown = relpath(path, run.workspace.root)
        text = dump(doc)
        run.result.previews[shown] = text
        if not run.opts.dry_run:
            path.parent.mkdir(parents=True, exist_ok=True)
            created = not path.exists()
            path.write_text(text, encoding="utf-8")
            run.result.written.append(Written(shown, len(items), old, created))


# --- orchestration ---------------------------------------------------------------------------------

def _county_profile(run: _Run) -> bool:
    """Find the county's profile and learn its local bodies; I819 when it has none yet."""
    code = run.opts.county
    for source in run.sources.raw_counties:
        data = source.data if isinstance(source.data, dict) else {}
        county = data.get("county") or data.get("县（市、区）") or {}
        if isinstance(county, dict) and str(county.get("code") or county.get("行政区划代码")) == code:
            run.profile_path, run.profile_data = source.path, data
            subjects = data.get("subjects") or data.get("公开主体") or {}
            if isinstance(subjects, dict):
                run.ctx.local_bodies = {str(v): str(k) for k, v in subjects.items() if v}
            return True
    path = relpath(run.standards_dir / "counties" / f"{code}.yaml", run.workspace.root)
    run.diags.add(Diagnostic.make("I819", None, county=code, path=path))
    return False


def _after_check(run: _Run) -> None:
    from govopen_std.pipeline import check_workspace

    written = {w.path for w in run.result.written}
    check = check_workspace(run.workspace.root)
    run.result.after_check = [d for d in check.diagnostics.sorted() if d.location and d.location.path in written]


def import_catalog(opts: ImportOptions) -> ImportResult:
    """Read the sheet, write the YAML (unless `dry_run`), and check what was written."""
    workspace = find_workspace(opts.workspace)
    sources = load_sources(workspace, Diagnostics())
    run = _Run(opts, workspace, sources, build_context(sources), ImportResult())
    if not _check_options(run):
        return run.result
    can_write = opts.county is None or _county_profile(run)
    if workspace.embedded and not opts.dry_run:
        run.diags.add(Diagnostic.make("I820", None))
        can_write = False
    drafts = read_sheet_drafts(run)
    drafts = _placed(run, drafts)
    if opts.county is not None:
        drafts = _without_base_items(run, drafts)
    by_target = validated(run, assign_codes(run, drafts))
    if not can_write:
        run.result.items = {t: [i for i, _ in pairs] for t, pairs in by_target.items()}
        return run.result
    write_all(run, by_target)
    if run.result.written:
        _after_check(run)
    return run.result
