"""Find the workspace and its source files (sorted, so every run sees them in the same order)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from govopen_std.diagnostics import GovOpenError

CONFIG_NAME = "govopen.yaml"


@dataclass(frozen=True)
class Workspace:
    """Where the sources are. `embedded` is True for the standards shipped inside the package."""

    root: Path
    embedded: bool

    @property
    def config_path(self) -> Path:
        return self.root / CONFIG_NAME


def embedded_root() -> Path:
    """The default workspace: inside the wheel, or the repository root when running from a checkout."""
    packaged = Path(str(resources.files("govopen_std"))) / "_workspace"
    if (packaged / CONFIG_NAME).is_file():
        return packaged
    checkout = Path(__file__).resolve().parents[3]
    if (checkout / CONFIG_NAME).is_file() and (checkout / "standards").is_dir():
        return checkout
    raise GovOpenError("E901", path=str(packaged))


def find_workspace(explicit: Path | None = None, cwd: Path | None = None) -> Workspace:
    """An explicit --workspace, else the current folder when it is a workspace, else the embedded one."""
    if explicit is not None:
        if not (explicit / CONFIG_NAME).is_file():
            raise GovOpenError("E901", path=str(explicit))
        return Workspace(explicit.resolve(), embedded=False)
    here = (cwd or Path.cwd()).resolve()
    if (here / CONFIG_NAME).is_file() and (here / "standards").is_dir():
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

    def all(self) -> list[Path]:
        paths = [self.config, self.system, self.vocabulary, *self.laws, *self.texts, *self.counties]
        if self.organizations:
            paths.append(self.organizations)
        return paths


def _found(folder: Path, pattern: str) -> list[Path]:
    """Sorted matches, leaving out special files (a FIFO, or a link to /dev/zero, would block or never end a
    read); a folder or a broken link named *.yaml is kept, so that reading it reports a located Y108."""
    return sorted(p for p in folder.glob(pattern) if p.is_file() or p.is_dir() or not p.exists())


def discover(standards: Path, config: Path) -> SourcePaths:
    laws = [standards / "laws.yaml"] if (standards / "laws.yaml").is_file() else []
    laws += _found(standards / "laws", "*.yaml")
    texts = _found(standards / "general", "*.yaml") + _found(standards / "domains", "*/*.yaml")
    orgs = standards / "organizations.yaml"
    return SourcePaths(
        config=config,
        system=standards / "system.yaml",
        vocabulary=standards / "vocabulary.yaml",
        laws=laws,
        organizations=orgs if orgs.is_file() else None,
        texts=texts,
        counties=_found(standards / "counties", "*.yaml"),
    )
