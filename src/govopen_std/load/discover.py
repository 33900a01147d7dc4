"""Find the workspace and its source files (sorted, so every run sees them in the same order)."""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path

from govopen_std.diagnostics import GovOpenError

CONFIG_NAME = "govopen.yaml"
# Both spellings of the YAML suffix are sources; where a folder holds one name in both, ".yaml" comes first.
YAML_SUFFIXES = (".yaml", ".yml")


def config_file(root: Path) -> Path:
    """govopen.yaml of a folder, or its govopen.yml when only that exists."""
    primary = root / CONFIG_NAME
    alternative = primary.with_suffix(".yml")
    return alternative if not primary.is_file() and alternative.is_file() else primary


@dataclass(frozen=True)
class Workspace:
    """Where the sources are. `embedded` is True for the standards shipped inside the package."""

    root: Path
    embedded: bool

    @property
    def config_path(self) -> Path:
        return config_file(self.root)


def embedded_root() -> Path:
    """The default workspace: inside the wheel, or the repository root when running from a checkout."""
    # the package folder, as `importlib.resources.files("govopen_std")` names it for an installed wheel, without
    # importing importlib.resources (~10 ms of every `govopen check` on the shipped standards)
    packaged = Path(__file__).parents[1] / "_workspace"
    if (packaged / CONFIG_NAME).is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[3]
    if config_file(checkout).is_file() and (checkout / "standards").is_dir():
        return checkout
    raise GovOpenError("E901", path=str(packaged))


def find_workspace(explicit: Path | None = None, cwd: Path | None = None) -> Workspace:
    """An explicit --workspace, else the current folder when it is a workspace, else the embedded one."""
    if explicit is not None:
        if not config_file(explicit).is_file():
            raise GovOpenError("E901", path=str(explicit))
        return Workspace(explicit.resolve(), embedded=False)
    here = (cwd or Path.cwd()).resolve()
    if config_file(here).is_file() and (here / "standards").is_dir():
        return Workspace(here, embedded=False)
    return Workspace(embedded_root(), embedded=True)


@dataclass(frozen=True)
class SourcePaths:
    """The source files of a workspace by role."""

    config: Path
    system: Path
    vocabulary: Path
    laws: list[Path]
    organizations: Path | None
    texts: list[Path]
    counties: list[Path]
    # A second file for a single-file role (system.yml beside system.yaml): (the extra file, the one used).
    duplicates: tuple[tuple[Path, Path], ...] = ()
    synonyms: Path | None = None  # the search vocabulary (optional)
    # The national coverage matrix (standards/coverage/*.yaml): which national guideline item maps to which item.
    coverage: tuple[Path, ...] = ()

    def all(self) -> list[Path]:
        paths = [self.config, self.system, self.vocabulary, *self.laws, *self.texts, *self.counties, *self.coverage]
        if self.organizations:
            paths.append(self.organizations)
        if self.synonyms:
            paths.append(self.synonyms)
        return paths + [extra for extra, _ in self.duplicates]


def special(path: Path) -> bool:
    """True for something on disk that is neither a regular file nor a folder: a FIFO, a socket, a device, or a
    link to one. Reading it would block (a FIFO) or never end (/dev/zero), so it is never opened. One `stat`:
    discovery calls this for every file of the workspace."""
    try:
        mode = path.stat().st_mode
    except (OSError, ValueError):  # missing, a broken link, a loop, a NUL in the name: reported when read (Y108)
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _found(folder: Path, pattern: str) -> list[Path]:
    """Sorted matches of `pattern` with either YAML suffix, leaving out special files (see `special`); a folder
    or a broken link named *.yaml is kept, so that reading it reports a located Y108. Two files of one stem
    (330105.yaml and 330105.yml) are both kept: the rules report the second as a duplicate standard or county
    (R305, O502)."""
    matches = [p for suffix in YAML_SUFFIXES for p in folder.glob(pattern + suffix)]
    return sorted(p for p in matches if not special(p))


def yaml_files(folder: Path) -> list[Path]:
    """The YAML files directly in `folder` (*.yaml and *.yml), sorted."""
    return _found(folder, "*")


def _named(folder: Path, stem: str) -> tuple[Path, Path | None]:
    """(the file of a single-file role, a second spelling of it that also exists). When neither exists,
    the ".yaml" path, so reading it reports the missing file."""
    primary, alternative = (folder / (stem + suffix) for suffix in YAML_SUFFIXES)
    if primary.is_file():
        return primary, alternative if alternative.is_file() else None
    return (alternative if alternative.is_file() else primary), None


def discover(standards: Path, config: Path) -> SourcePaths:
    # A special file at a fixed name is kept (unlike a globbed one): the loader reports it (Y108) instead of
    # letting the role silently disappear; it is never opened (load.preload, load.memo).
    laws = [p for p in (standards / ("laws" + s) for s in YAML_SUFFIXES) if p.is_file() or special(p)]
    laws += _found(standards / "laws", "*")
    texts = _found(standards / "general", "*") + _found(standards / "domains", "*/*")
    duplicates = []
    named: dict[str, Path] = {}
    for stem in ("system", "vocabulary", "organizations", "synonyms"):
        named[stem], extra = _named(standards, stem)
        if extra is not None:
            duplicates.append((extra, named[stem]))
    orgs = named["organizations"]
    return SourcePaths(
        config=config,
        system=named["system"],
        vocabulary=named["vocabulary"],
        laws=laws,
        organizations=orgs if orgs.is_file() or special(orgs) else None,
        texts=texts,
        counties=yaml_files(standards / "counties"),
        duplicates=tuple(duplicates),
        synonyms=named["synonyms"] if named["synonyms"].is_file() or special(named["synonyms"]) else None,
        coverage=tuple(yaml_files(standards / "coverage")),
    )
