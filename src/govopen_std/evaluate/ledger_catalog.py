"""The county's resolved catalog as the ledger sees it: items to match rows against, and the channel vocabulary.

The catalog is resolved exactly as `govopen export --county` resolves it (check → province + the county's overlay →
view), so a ledger row matches the items the county's published catalog lists. A row names its item by code, else
by exact name; a row that names neither is reported with the nearest candidates (difflib).
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from govopen_std.diagnostics import Diagnostic, Diagnostics, Severity
from govopen_std.evaluate.store import STORE_NAME
from govopen_std.interchange.text import key
from govopen_std.load.sources import Sources

NEAREST = 3
CUTOFF = 0.5


@dataclass(frozen=True)
class CatalogItem:
    """One item of the county's catalog, with what a spot-check checklist pre-fills."""

    code: str
    name: str
    domain: str  # the domain's title (征地补偿 …)
    required_channels: tuple[str, ...]  # the ■ channels
    applicable: bool = True  # False: the overlay's 不适用
    subjects: tuple[str, ...] = ()  # 公开主体, as the county's catalog names them


@dataclass(frozen=True)
class CountyCatalog:
    code: str
    name: str
    items: tuple[CatalogItem, ...]
    channels: list[str]  # the vocabulary's channel names
    store: Path  # the workspace's ledger store (store.STORE_NAME under its standards folder)
    embedded: bool  # the built-in standards, which are read-only


class CatalogIndex:
    """Rows → items: by code (case-insensitive), else by exact name (ignoring width and spaces)."""

    def __init__(self, items: Sequence[CatalogItem]) -> None:
        self.by_code = {item.code.upper(): item for item in items}
        self.by_name: dict[str, CatalogItem] = {}
        for item in items:
            self.by_name.setdefault(key(item.name), item)  # a name used twice matches the first item
        self._names = [item.name for item in items]
        self._codes = [item.code for item in items]

    def match(self, code: str, name: str) -> CatalogItem | None:
        found = self.by_code.get(code.upper()) if code else None
        if found is None and name:
            found = self.by_name.get(key(name))
        return found

    def nearest(self, code: str, name: str) -> list[str]:
        """Up to three items (编码 名称) closest to what the row wrote."""
        picks: list[str] = []
        if name:
            names = difflib.get_close_matches(name, self._names, n=NEAREST, cutoff=CUTOFF)
            picks += [self.by_name[key(n)].code for n in names]
        if code:
            picks += difflib.get_close_matches(code.upper(), self._codes, n=NEAREST, cutoff=CUTOFF)
        unique = list(dict.fromkeys(picks))[:NEAREST]
        return [f"{c} {self.by_code[c.upper()].name}" for c in unique]


def resolve_county(workspace: Path | None, county: str, diags: Diagnostics) -> CountyCatalog | None:
    """The county's catalog; None (with the reasons in `diags`) when the sources have errors or the county is not
    in the workspace (L701)."""
    from govopen_std.build import BuildOptions, resolve_catalogs
    from govopen_std.pipeline import check_workspace
    from govopen_std.view.builder import build_view

    check = check_workspace(workspace)
    if check.diagnostics.has_errors:
        diags.extend([d for d in check.diagnostics.sorted() if d.severity >= Severity.ERROR])
        diags.add(Diagnostic.make("D846", None))
        return None
    known = sorted(f.path.stem for f in check.sources.raw_counties)
    catalogs = resolve_catalogs(check, BuildOptions(counties=(county,), province=False), Diagnostics())
    if not catalogs or catalogs[0].county is None or catalogs[0].county.code != county:
        diags.add(Diagnostic.make("L701", None, county=county, known="、".join(known) or "（无）",
                                  known_en=", ".join(known) or "(none)"))
        return None
    view = build_view(check.sources, catalogs[0])
    items = tuple(CatalogItem(row.code, row.name, g.title, tuple(c.name for c in row.channels if c.required),
                              row.status != "not_applicable", row.subjects)
                  for g in view.groups for row in g.items)
    vocab = check.sources.vocabulary.value if check.sources.vocabulary else None
    name = view.county.name if view.county else county
    return CountyCatalog(county, name, items, vocab.channel_names() if vocab else [], store_path(check.sources),
                         check.sources.workspace.embedded)


def store_path(sources: Sources) -> Path:
    """Where the workspace keeps its ledger: `STORE_NAME` under its standards folder."""
    config = sources.config
    return sources.workspace.root / (config.standards_dir if config else "standards") / STORE_NAME


def workspace_store(workspace: Path | None) -> Path:
    """The ledger store of a workspace, without resolving any catalog."""
    from govopen_std.pipeline import check_workspace

    return store_path(check_workspace(workspace).sources)
