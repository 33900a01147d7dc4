"""Load a whole workspace: every source file read, validated and kept with its position index.

`load_sources` never raises for bad input: each problem is a diagnostic, and whatever did validate is
kept, so the later stages (references, completeness) still run on the valid parts and report their
problems too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from govopen_std.diagnostics import Diagnostic, Diagnostics, SourceLocation, relpath
from govopen_std.load.cache import open_store
from govopen_std.load.confine import IN_WORKSPACE, Confinement, allowed_roots
from govopen_std.load.discover import SourcePaths, Workspace, discover, special

# The models (pydantic) load only when files are validated, the parser only when a file is read: `check`
# answered from its memo needs neither.
if TYPE_CHECKING:
    from pydantic import BaseModel

    from govopen_std.load.preload import Loaded
    from govopen_std.load.yaml_source import Loc, SourceFile
    from govopen_std.model.item import Item
    from govopen_std.model.law import Law
    from govopen_std.model.standard import StandardText
    from govopen_std.model.system import System
    from govopen_std.model.vocabulary import Vocabulary
    from govopen_std.model.workspace import WorkspaceConfig

T = TypeVar("T")


@dataclass(frozen=True)
class Located(Generic[T]):
    """A validated value and where it was written."""

    value: T
    source: SourceFile
    loc: Loc = ()

    def location(self, *sub: str | int, key: bool = False) -> Any:
        return self.source.locate((*self.loc, *sub), key=key)


@dataclass
class Sources:
    """Everything read from a workspace. Fields are None/empty where the file was unusable."""

    workspace: Workspace
    paths: SourcePaths
    config: WorkspaceConfig | None = None
    system: Located[System] | None = None
    vocabulary: Located[Vocabulary] | None = None
    laws: list[Located[Law]] = field(default_factory=list)
    texts: list[Located[StandardText]] = field(default_factory=list)
    items: dict[str, list[Located[Item]]] = field(default_factory=dict)  # by standard id, in file order
    files: list[SourceFile] = field(default_factory=list)
    raw_counties: list[SourceFile] = field(default_factory=list)
    raw_coverage: list[SourceFile] = field(default_factory=list)  # standards/coverage/*.yaml, validated by load.coverage
    organizations: SourceFile | None = None
    synonyms: SourceFile | None = None  # synonyms.yaml, the search vocabulary (load.synonyms validates it)
    invalid_law_ids: set[str] = field(default_factory=set)  # entries that failed validation, by their raw id
    # Texts that could not be used (unreadable, bad YAML, an invalid head): their id, subjects and items are
    # unknown, so rules that look things up in them stay silent rather than report what is only missing.
    failed_texts: list[Path] = field(default_factory=list)
    # Items that failed validation: (their file, their raw code when they had one); reported already.
    failed_items: list[tuple[Path, str | None]] = field(default_factory=list)
    incomplete: bool = False  # some file or entry could not be used: cross-file warnings would mislead

    def text(self, standard_id: str) -> Located[StandardText] | None:
        return next((t for t in self.texts if t.value.id == standard_id), None)

    def all_items(self) -> list[tuple[str, Located[Item]]]:
        return [(sid, it) for sid in sorted(self.items) for it in self.items[sid]]

    def law_ids(self) -> set[str]:
        return {law.value.id for law in self.laws}


class _Reader:
    def __init__(self, workspace: Workspace, diags: Diagnostics) -> None:
        self.workspace = workspace
        self.diags = diags
        self.files: list[SourceFile] = []
        self.preloaded: dict[Path, Loaded] = {}
        self.confined = Confinement(allowed_roots(workspace.root))  # where a source may really be (load.confine)

    def read(self, path: Path) -> SourceFile:
        ahead = self.preloaded.pop(path, None)
        outside = self.confined.escapes(path) if ahead is None else None
        if outside is not None:  # a link out of the workspace: reported, never read (E921)
            from govopen_std.load.yaml_source import SourceFile

            source = SourceFile(path=path, display=relpath(path, self.workspace.root))
            self.diags.emit("E921", SourceLocation(source.display, 1, 1), path=source.display, target=str(outside),
                            where=IN_WORKSPACE[0], where_en=IN_WORKSPACE[1])
        elif ahead is not None:
            self.diags.extend(ahead.diagnostics)
            source = ahead.source
        else:
            from govopen_std.load.yaml_source import load_file

            source = load_file(path, relpath(path, self.workspace.root), self.diags)
        self.files.append(source)
        return source

    def model(self, model: type[BaseModel], path: Path, *, top: type = dict) -> tuple[Any, SourceFile]:
        from govopen_std.load.validate import validate

        source = self.read(path)
        if not _top_is(source, top, self.diags):
            return None, source
        return validate(model, source.data, source, self.diags), source


def _top_is(source: SourceFile, expected: type, diags: Diagnostics) -> bool:
    if isinstance(source.data, expected):
        return True
    if not source.loaded:
        return False  # unreadable or unparsable: already reported
    names: dict[type, tuple[str, str]] = {dict: ("映射（键: 值）", "a mapping"), list: ("列表", "a list"),
                                          str: ("文本", "text"), int: ("数字", "a number"), type(None): ("空值", "null")}
    actual = names.get(type(source.data), (type(source.data).__name__, type(source.data).__name__))
    diags.add(Diagnostic.make("Y103", source.locate(()), expected=names[expected][0], expected_en=names[expected][1],
                              actual=actual[0], actual_en=actual[1]))
    return False


def _read_laws(reader: _Reader, paths: list[Path], invalid: set[str]) -> list[Located[Law]]:
    from govopen_std.load.validate import validate
    from govopen_std.model.law import Law

    laws: list[Located[Law]] = []
    for path in paths:
        source = reader.read(path)
        if not _top_is(source, list, reader.diags):
            invalid.add("*")  # a whole registry file is unusable: any citation may point into it
            continue
        for i, entry in enumerate(source.data):
            law = validate(Law, entry, source, reader.diags, prefix=(i,))
            if law is not None:
                laws.append(Located(law, source, (i,)))
            elif isinstance(entry, dict) and isinstance(entry.get("id"), str):
                invalid.add(entry["id"])  # reported already; do not also report every citation of it
    return laws


def _read_text(reader: _Reader, path: Path,
               failed_items: list[tuple[Path, str | None]]) -> tuple[Located[StandardText] | None, list[Located[Item]]]:
    from govopen_std.load.validate import validate
    from govopen_std.model.item import Item
    from govopen_std.model.standard import StandardText

    source = reader.read(path)
    if not _top_is(source, dict, reader.diags):
        return None, []
    raw_items = source.data.get("items", [])
    head = {k: v for k, v in source.data.items() if k != "items"}
    text = validate(StandardText, head, source, reader.diags)
    items: list[Located[Item]] = []
    if not isinstance(raw_items, list):
        validate(StandardText, {**head, "items": raw_items}, source, Diagnostics())
        reader.diags.add(Diagnostic.make("S203", source.locate(("items",)), field="items", detail="应为列表",
                                         detail_en="must be a list"))
        raw_items = []
    for i, entry in enumerate(raw_items):
        item = validate(Item, entry, source, reader.diags, prefix=("items", i))
        if item is not None:
            items.append(Located(item, source, ("items", i)))
        else:
            code = entry.get("code", entry.get("事项编码")) if isinstance(entry, dict) else None
            failed_items.append((path, code if isinstance(code, str) else None))
    return (Located(text, source) if text is not None else None), items


def _based(paths: SourcePaths, workspace: Workspace, base: str, config: SourceFile, diags: Diagnostics) -> SourcePaths:
    """The sources of a workspace with `base:` (load/base.py); when the base is unusable, O525 at the line."""
    from govopen_std.load.base import BaseUnusable, base_standards, with_base

    try:
        return with_base(paths, base_standards(workspace.root, base))
    except BaseUnusable as exc:
        diags.add(Diagnostic.make("O525", config.locate(("base",)), base=base, detail=exc.zh, detail_en=exc.en))
        return paths


def load_sources(workspace: Workspace, diags: Diagnostics, *, cache_dir: Path | None = None,
                 jobs: int | None = None) -> Sources:
    """discover → read → validate, for every file of the workspace.

    Files come through the parse cache (`cache_dir`, default: the user cache; see `load.cache`) and
    are parsed in up to `jobs` processes (default: the number of cores) when there is much to parse."""
    from govopen_std.load.gcpause import gc_paused

    with gc_paused(keep=True):  # everything loaded here is acyclic and lives until the check ends: see load.gcpause
        return _load_sources(workspace, diags, cache_dir, jobs)


def _load_sources(workspace: Workspace, diags: Diagnostics, cache_dir: Path | None, jobs: int | None) -> Sources:
    from govopen_std.model.system import System
    from govopen_std.model.vocabulary import Vocabulary
    from govopen_std.model.workspace import WorkspaceConfig

    reader = _Reader(workspace, diags)
    config, config_src = reader.model(WorkspaceConfig, workspace.config_path)
    standards_dir = workspace.root / (config.standards_dir if config else "standards")
    paths = discover(standards_dir, workspace.config_path)
    if config is not None and config.base is not None:
        paths = _based(paths, workspace, config.base, config_src, diags)
        from govopen_std.load.base import base_root

        reader.confined = Confinement(allowed_roots(workspace.root, base_root(workspace.root, config.base)))
    for extra, used in paths.duplicates:
        diags.emit("R305", SourceLocation(relpath(extra, workspace.root)), what="源文件", what_en="source file",
                   id=extra.name, first=relpath(used, workspace.root))
    from govopen_std.load.preload import preload

    # a link out of the workspace is not read (E921, `_Reader.read`); a special file, wherever it leads, is Y108
    reader.preloaded = preload([p for p in paths.all() if p != paths.config
                                and (special(p) or reader.confined.escapes(p) is None)], workspace.root,
                               store=open_store(cache_dir), jobs=jobs)
    sources = Sources(workspace=workspace, paths=paths, config=config)
    system, system_src = reader.model(System, paths.system)
    if system is not None:
        sources.system = Located(system, system_src)
    vocab, vocab_src = reader.model(Vocabulary, paths.vocabulary)
    if vocab is not None:
        sources.vocabulary = Located(vocab, vocab_src)
    sources.laws = _read_laws(reader, paths.laws, sources.invalid_law_ids)
    for path in paths.texts:
        text, items = _read_text(reader, path, sources.failed_items)
        if text is not None:
            sources.texts.append(text)
        else:
            sources.failed_texts.append(path)
        sid = text.value.id if text is not None else path.stem
        sources.items.setdefault(sid, []).extend(items)
    if paths.organizations is not None:
        sources.organizations = reader.read(paths.organizations)
    if paths.synonyms is not None:
        sources.synonyms = reader.read(paths.synonyms)
    sources.raw_counties = [reader.read(p) for p in paths.counties]
    sources.raw_coverage = [reader.read(p) for p in paths.coverage]
    sources.files = reader.files
    sources.incomplete = diags.has_errors
    return sources
