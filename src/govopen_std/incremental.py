"""Incremental builds: what each output target was built from, and whether it must be built again.

A build has targets: the province, and each county. A target's key is a hash of everything its
outputs are made from:
- the base: every source file that is not a county profile (paths and bytes), the workspace's and
  the embedded templates, `SOURCE_DATE_EPOCH`;
- the renderers: their names, the build options that change what they write (`--format`, `--all`)
  and a hash of govopen's code (so a changed renderer rebuilds what it renders);
- for a county: the bytes of its profile; for the province: which counties exist.
So editing one county changes only that county's key, editing the base changes every key, and an
unchanged workspace changes none. The manifest (`govopen-manifest.json` in the output folder, written
last) records each target's key and which top-level entries of the output folder it owns; a target
whose key is unchanged and whose entries are all present is not rendered again; `owned` lists every entry
govopen has written there, the only ones a build may replace (`out_folder`). The manifest holds no
time stamps or paths outside the output folder, so the same sources always give the same manifest.

The plan memo (in the user cache, beside the check memo; `remember_plan`, `recall_plan`) keeps each
build's targets and keys under a key made from the files' digests, so a build with nothing to do is
told so without loading the workspace (`build.recall_unchanged`).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from govopen_std import __version__
from govopen_std.load.cache import Store, code_fingerprint, digest
from govopen_std.load.discover import embedded_root

if TYPE_CHECKING:  # an unchanged build is answered without loading the sources (`recall_plan`)
    from govopen_std.load.sources import Sources
    from govopen_std.load.yaml_source import SourceFile

MANIFEST = "govopen-manifest.json"
FORMAT = 1
PROVINCE = "province"


@dataclass
class TargetRecord:
    """What the manifest says about one target."""

    key: str
    entries: list[str]  # top-level names in the output folder that hold this target's outputs
    files: int = 0
    items: int = 0
    standards: int = 0

    def to_json(self) -> dict[str, Any]:
        return {"key": self.key, "entries": sorted(self.entries), "files": self.files, "items": self.items,
                "standards": self.standards}


@dataclass
class Manifest:
    targets: dict[str, TargetRecord] = field(default_factory=dict)
    # Top-level entries of the output folder that govopen wrote, including those of targets whose record is
    # gone (an interrupted publish): a build replaces only these (out_folder.foreign, B630).
    owned: set[str] = field(default_factory=set)

    def owned_names(self) -> set[str]:
        return self.owned | {entry for rec in self.targets.values() for entry in rec.entries}

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "govopen": __version__, "owned": sorted(self.owned_names()),
                "targets": {name: rec.to_json() for name, rec in sorted(self.targets.items())}}


def load_manifest(out: Path) -> Manifest:
    """The manifest of the outputs in `out`; an empty one when there is none or it is unreadable."""
    try:
        raw = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
        if raw.get("format") != FORMAT:
            return Manifest()
        return Manifest({name: TargetRecord(str(rec["key"]), [str(e) for e in rec["entries"]], int(rec["files"]),
                                            int(rec["items"]), int(rec["standards"]))
                         for name, rec in raw["targets"].items()}, {str(e) for e in raw.get("owned", [])})
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return Manifest()


def write_manifest(out: Path, manifest: Manifest) -> None:
    """Write atomically (temporary file, then rename), so a reader never sees half a manifest."""
    text = json.dumps(manifest.to_json(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    tmp = out / f".govopen-manifest-{os.getpid()}.tmp"  # plain open(): the permissions follow the umask
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, out / MANIFEST)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def interim_manifest(old: Manifest, replaced: set[str], names: set[str]) -> Manifest:
    """The manifest written before outputs change: without the records of the `replaced` targets (an interrupted
    publish then rebuilds them, and never vouches for outputs it does not describe), but owning the entries
    about to be moved in (`names`), so the next build may replace them."""
    return Manifest({t: rec for t, rec in old.targets.items() if t not in replaced}, old.owned_names() | names)


def up_to_date(record: TargetRecord | None, key: str, out: Path) -> bool:
    return record is not None and record.key == key and bool(record.entries) and \
        all((out / entry).exists() for entry in record.entries)


# --- keys -----------------------------------------------------------------------------------------

def file_digest(source: SourceFile) -> str:
    if source.digest:
        return source.digest
    try:
        return digest(source.path.read_bytes())
    except OSError:
        return "unreadable"


def tree_digest(folder: Path | None) -> str:
    """A hash of every file under `folder` (names and bytes); "" when there is no such folder."""
    if folder is None or not folder.is_dir():
        return ""
    h = hashlib.blake2b(digest_size=20)
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(path.relative_to(folder).as_posix().encode() + b"\0")
        h.update(digest(path.read_bytes()).encode())
    return h.hexdigest()


def _hash(*parts: object) -> str:
    return hashlib.blake2b(json.dumps(parts, ensure_ascii=False, sort_keys=True).encode(), digest_size=20).hexdigest()


@dataclass(frozen=True)
class Keys:
    """The keys of one build's targets."""

    base: str
    county_files: dict[str, str]  # county code -> digest of its profile
    counties: tuple[str, ...] = ()  # every county profile of the workspace (which counties exist)
    folders: tuple[tuple[str, str], ...] = ()  # (template folder, its tree_digest) that `base` covers

    def province(self) -> str:
        return _hash("province", self.base, list(self.counties))

    def county(self, code: str) -> str:
        return _hash("county", self.base, code, self.county_files.get(code, ""))


def _embedded_templates() -> Path | None:
    try:
        return embedded_root() / "templates"
    except Exception:  # no embedded workspace: nothing to hash
        return None


def build_keys(sources: Sources, *, renderers: Iterable[str], options: dict[str, Any],
               county_sources: dict[str, SourceFile]) -> Keys:
    """The keys of this build's targets, from the loaded sources and the build's renderers and options."""
    profiles = {p.resolve() for p in sources.paths.counties}
    base_files = sorted((s.display, file_digest(s)) for s in sources.files if s.path.resolve() not in profiles)
    counties = tuple(sorted(s.display for s in sources.files if s.path.resolve() in profiles))
    cfg = sources.config
    templates = sources.workspace.root / (cfg.templates_dir if cfg else "templates")
    embedded = _embedded_templates()
    own, shipped = tree_digest(templates), tree_digest(embedded)
    base = _hash(FORMAT, __version__, code_fingerprint(), sorted(renderers), options, base_files,
                 own, shipped, os.environ.get("SOURCE_DATE_EPOCH", ""))
    folders = ((str(templates), own),) + (((str(embedded), shipped),) if embedded is not None else ())
    return Keys(base, {code: file_digest(src) for code, src in county_sources.items()}, counties, folders)


# --- the plan memo: an unchanged build answered without loading the workspace -----------------------
#
# A build's targets and their keys are a function of: the workspace's files (paths and bytes) and govopen's
# code, which the check memo's key covers (`load.memo.workspace_key`); where the workspace is (the template
# folders below are absolute); the build options; SOURCE_DATE_EPOCH; and the bytes of the template folders
# that `build_keys` hashes, which are recorded with the plan and hashed again before it is trusted. So the
# plan remembered under that key is the plan a full load would compute, and when the manifest holds every
# one of its keys with its outputs present, the build has nothing to do (`build.recall_unchanged`).

PLAN_KIND = "builds"


@dataclass(frozen=True)
class Plan:
    """What the build of an unchanged workspace needs: its targets, their keys, and where the outputs go."""

    targets: list[str]
    keys: dict[str, str]
    out_dir: str  # govopen.yaml `out_dir` (relative to the current folder, like the full build reads it)
    folders: tuple[tuple[str, str], ...]  # template folders and their tree_digest when the plan was made


def plan_key(workspace_key: str, root: Path, options: dict[str, Any]) -> str:
    """The plan memo key: the check memo key of the files, where they are, the options and the environment."""
    return _hash("plan", FORMAT, workspace_key, str(root), options, os.environ.get("SOURCE_DATE_EPOCH", ""))


def remember_plan(store: Store, key: str, plan: Plan) -> None:
    store.put(PLAN_KIND, key, (plan.targets, sorted(plan.keys.items()), plan.out_dir,
                               [list(pair) for pair in plan.folders]))


def recall_plan(store: Store, key: str) -> Plan | None:
    """The remembered plan of `key` when its template folders are still as they were, else None."""
    value: Any = store.get(PLAN_KIND, key)
    try:
        targets, keys, out_dir, folders = value
        plan = Plan([str(t) for t in targets], {str(t): str(k) for t, k in keys}, str(out_dir),
                    tuple((str(folder), str(tree)) for folder, tree in folders))
    except (TypeError, ValueError):
        return None
    if any(tree_digest(Path(folder)) != tree for folder, tree in plan.folders):
        return None
    return plan
