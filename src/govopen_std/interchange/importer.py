"""`govopen import`: a catalog spreadsheet → items → YAML in the workspace → what `check` still says.

    read grids → find headers → rows to drafts → place (standard / domain) → codes (gen-02)
    → validate as items → write YAML (a domain text's `items`, or a county's `add`) → check

Every problem of the sheet is a diagnostic located at its cell. The YAML is written even when some
cells could not be mapped (an unregistered law is cited by its name), and `check` is then run on the
workspace, so the result lists exactly what is left to fix in the written files.

A county's sheet may be its own export: its local rows (本县增补) become `add`, and its edits of
provincial rows become `amend` entries when they are stricter (`interchange.county_edits`). Usage
problems (no such file, an old .xls, no workspace to write into) stop the run before anything is read,
as `GovOpenError` (exit code 2); hints that repeat on many rows are summed up in one line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap

from govopen_std.diagnostics import Diagnostic, Diagnostics, GovOpenError, Severity, SourceLocation, relpath
from govopen_std.interchange.cell_checks import NEAR_MISS, concrete_body
from govopen_std.interchange.coding import Coder
from govopen_std.interchange.context import ImportContext, build_context
from govopen_std.interchange.county_edits import CountyBase, Edits, is_local, judge_rows
from govopen_std.interchange.grid import SUFFIXES, read_grids
from govopen_std.interchange.header import read_layout
from govopen_std.interchange.rows import Draft, Target, read_drafts
from govopen_std.interchange.target_guard import unreadable_target
from govopen_std.interchange.text import suggestion
from govopen_std.interchange.yaml_out import (
    amendment_node,
    attach_trailing_comment,
    declare_subjects,
    detach_trailing_comment,
    dump,
    items_node,
    load_document,
    new_text,
)
from govopen_std.load.discover import Workspace, find_workspace
from govopen_std.load.sources import Sources, load_sources
from govopen_std.model.base import alias_table
from govopen_std.model.county import CountyProfile, LocalItem
from govopen_std.model.item import Item

OLD_EXCEL = (".xls", ".et")  # binary Excel and WPS workbooks: openpyxl reads only .xlsx
SUMMED_UP = {"I812": "I833"}  # a hint repeated on many rows -> the code of its one-line summary
LISTED_CELLS = 8


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
    amended: int = 0  # county: provincial items whose 本县细化 this import wrote or removed


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
    edits: Edits = field(default_factory=Edits)

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
            # a concrete body (市住房和城乡建设局) is never declared as a generic subject: it is an I852 at its cell
            if subject not in declared and subject not in new and not near and not concrete_body(subject):
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


def _profile_key(doc: dict[str, Any], name: str) -> str:
    """The key the profile uses for field `name` (English or a Chinese alias); `name` when it has none."""
    table = alias_table(CountyProfile)
    return next((k for k in doc if table.get(k) == name), name)


def add_local_items(doc: Any, items: list[Item], drafts: list[Draft]) -> int:
    """Replace the local items of the sheet's domains; returns how many were there."""
    add_key = _profile_key(doc, "add")
    groups = {d.group.code for d in drafts if d.group and d.group.code}
    current = list(doc.get(add_key) or [])
    kept = [entry for entry in current if str(_code_of(entry)).split("-")[0] not in groups]
    new = items_node([(item, getattr(item, "standard", None)) for item in items])
    unchanged = {_code_of(entry): entry for entry in current if _same_item(entry, items)}
    new = type(new)([unchanged.get(str(node["code"]), node) for node in new])  # as written, comments and all
    doc[add_key] = type(new)([*kept, *new])
    return len(current) - len(kept)


def _same_item(entry: Any, items: list[Item]) -> bool:
    try:
        written = LocalItem.model_validate(entry)
    except ValidationError:
        return False
    return any(item == written for item in items)


def apply_amendments(doc: Any, edits: Edits, names: dict[str, str]) -> int:
    """Write each edited amendment in place (a new one at the end, with the item's name as a comment);
    None removes the entry. Returns how many entries changed."""
    key = _profile_key(doc, "amend")
    if not isinstance(doc.get(key), dict):
        later = [k for k in (_profile_key(doc, "not_applicable"), _profile_key(doc, "add")) if k in doc]
        doc.insert(list(doc).index(later[0]) if later else len(doc), key, CommentedMap())
    amend = doc[key]
    trailing = detach_trailing_comment(amend)  # the next section's heading comment stays below the entries
    for code, amendment in edits.amendments.items():
        if amendment is None:
            amend.pop(code, None)
        elif code in amend:
            amend[code] = amendment_node(amendment)
        else:
            amend[code] = amendment_node(amendment)
            amend.yaml_add_eol_comment(names.get(code, ""), code)
    attach_trailing_comment(amend, trailing)
    return len(edits.amendments)


def _code_of(entry: Any) -> str:
    if not isinstance(entry, dict):
        return ""
    table = alias_table(LocalItem)
    return str(next((v for k, v in entry.items() if table.get(k) == "code"), ""))


def _save(run: _Run, path: Path, doc: Any, *, items: int, replaced: int, amended: int = 0) -> None:
    shown = relpath(path, run.workspace.root)
    text = dump(doc)
    run.result.previews[shown] = text
    if not run.opts.dry_run:
        path.parent.mkdir(parents=True, exist_ok=True)
        created = not path.exists()
        path.write_text(text, encoding="utf-8")
        run.result.written.append(Written(shown, items, replaced, created, amended))


def write_county(run: _Run, pairs: list[tuple[Item, Draft]]) -> None:
    """The county profile: its local items (`add`) and the amendments the sheet's edits asked for."""
    assert run.opts.county is not None and run.profile_path is not None
    if not pairs and not run.edits.amendments:
        return
    if unreadable_target(run.profile_path, relpath(run.profile_path, run.workspace.root), run.diags):
        return
    items = [item for item, _ in pairs]
    doc = load_document(run.profile_path)
    replaced = add_local_items(doc, items, [d for _, d in pairs]) if pairs else 0
    names = {code: item.name or item.category[-1] for code, item in _base_items(run).items()}
    amended = apply_amendments(doc, run.edits, names)
    _save(run, run.profile_path, doc, items=len(items), replaced=replaced, amended=amended)


def other_source(run: _Run, standard_id: str, path: Path) -> Path | None:
    """A file other than `path` that already holds the text of `standard_id`: its `.yml` spelling (read like
    `.yaml`, even when it does not load), or any text whose id it is. Writing `path` beside it would give the
    standard two sources, so the import writes neither (I838)."""
    found = [text.source.path for text in run.sources.texts if text.value.id == standard_id]
    found.append(path.with_suffix(".yml"))
    target = path.resolve()
    return next((p for p in found if p.is_file() and p.resolve() != target), None)


def write_all(run: _Run, by_target: dict[str, list[tuple[Item, Draft]]]) -> None:
    for target, pairs in by_target.items():
        run.result.items[target] = [item for item, _ in pairs]
    if run.opts.county is not None:
        write_county(run, by_target.get(run.opts.county, []))
        return
    for target, pairs in by_target.items():
        path = run.standards_dir / "domains" / run.ctx.standards[target] / f"{target}.yaml"
        other = other_source(run, target, path)
        if other is not None:
            existing, shown = relpath(other, run.workspace.root), relpath(path, run.workspace.root)
            run.diags.add(Diagnostic.make("I838", SourceLocation(existing), standard=target, existing=existing,
                                          path=shown, name=path.name))
            continue
        if unreadable_target(path, relpath(path, run.workspace.root), run.diags):
            continue  # a hostile or broken text: its errors are reported, nothing is written into it
        doc, old = text_document(run, target, [item for item, _ in pairs], path)
        _save(run, path, doc, items=len(pairs), replaced=old)


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
    named = run.standards_dir / "counties" / f"{code}.yaml"
    path = relpath(named, run.workspace.root)
    if unreadable_target(named, path, run.diags):  # a profile that exists but does not load: its errors, not I819
        return False
    run.diags.add(Diagnostic.make("I819", None, county=code, path=path))
    return False


def _after_check(run: _Run) -> None:
    from govopen_std.pipeline import check_workspace

    written = {w.path for w in run.result.written}
    check = check_workspace(run.workspace.root)
    run.result.after_check = [d for d in check.diagnostics.sorted() if d.location and d.location.path in written]


def _base_items(run: _Run) -> dict[str, Item]:
    return {located.value.code: located.value for _sid, located in run.sources.all_items()}


def _county_base(run: _Run, items: dict[str, Item]) -> CountyBase:
    from govopen_std.resolve.profile import read_profiles

    profile = next((p for p in read_profiles(run.sources, Diagnostics()) if p.code == run.opts.county), None)
    value = profile.value if profile is not None else None
    return CountyBase(
        items=items,
        subjects=value.subject_map() if value else {},
        amend={code: located.value for code, located in profile.amend} if profile is not None else {},
        not_applicable=frozenset(value.not_applicable) if value else frozenset(),
        levels=run.ctx.levels,
        law_titles={law.value.id: law.value.title for law in run.sources.laws},
    )


def county_rows(run: _Run, drafts: list[Draft]) -> list[Draft]:
    """Judge the provincial rows of a county sheet (amendments, errors); return its local rows."""
    items = _base_items(run)
    local = [d for d in drafts if is_local(d, items)]
    for draft in local:
        run.diags.extend(draft.problems)
    provincial = [d for d in drafts if not is_local(d, items)]
    if provincial:
        where = SourceLocation(run.opts.display or run.opts.path.as_posix())
        run.edits = judge_rows(provincial, _county_base(run, items), run.diags, where=where)
    return local


def _cell(location: SourceLocation | None, display: str) -> str:
    path = location.path if location else ""
    return path[len(display) + 1:] if path.startswith(display + "!") else path


def sum_up(diags: Diagnostics, display: str) -> None:
    """A hint repeated on many rows becomes one line with the count and the first cells."""
    for code, summary in SUMMED_UP.items():
        found = [d for d in diags.items if d.code == code]
        if len(found) < 2:
            continue
        diags.items = [d for d in diags.items if d.code != code]
        found.sort(key=Diagnostic.sort_key)  # cells in natural order: T2 before T10, Z9 before AA1
        cells = list(dict.fromkeys(_cell(d.location, display) for d in found))
        listed = "、".join(cells[:LISTED_CELLS]) + ("等" if len(cells) > LISTED_CELLS else "")
        diags.add(Diagnostic.make(summary, SourceLocation(display), count=len(found), cells=listed))


def check_usage(opts: ImportOptions) -> Workspace:
    """Problems with the command itself, before anything is read: exit code 2 with one clear message."""
    display = opts.display or opts.path.as_posix()
    suffix = opts.path.suffix.lower()
    if suffix in OLD_EXCEL:
        raise GovOpenError("I834", suffix=opts.path.suffix, path=display)
    if suffix not in SUFFIXES:
        raise GovOpenError("I802", suffix=opts.path.suffix or "（无）")
    if not opts.path.is_file():
        raise GovOpenError("I835", path=display)
    workspace = find_workspace(opts.workspace)
    if workspace.embedded and not opts.dry_run:
        raise GovOpenError("I820")
    return workspace


def import_catalog(opts: ImportOptions) -> ImportResult:
    """Read the sheet, write the YAML (unless `dry_run`), and check what was written.

    Raises `GovOpenError` for usage problems (see `check_usage`)."""
    workspace = check_usage(opts)
    sources = load_sources(workspace, Diagnostics())
    run = _Run(opts, workspace, sources, build_context(sources), ImportResult())
    if not _check_options(run):
        return run.result
    can_write = opts.county is None or _county_profile(run)
    drafts = read_sheet_drafts(run)
    if opts.county is not None:
        drafts = county_rows(run, drafts)
    drafts = _placed(run, drafts)
    if opts.county is not None:
        drafts = _without_base_items(run, drafts)
    by_target = validated(run, assign_codes(run, drafts))
    sum_up(run.diags, opts.display or opts.path.as_posix())
    if not can_write:
        run.result.items = {t: [i for i, _ in pairs] for t, pairs in by_target.items()}
        return run.result
    write_all(run, by_target)
    if run.result.written:
        _after_check(run)
    return run.result
