"""The content-hash cache of parsed files, and the memo of whole `check` results.

Parsing YAML is the expensive step of `govopen check`. A parsed file (its plain data, its position
index, whether it parsed, and the diagnostics that reading it produced) depends only on the file's
bytes and on the loader's code, so it is stored under a key made of both and reused on the next run.
The memo goes one step further: the diagnostics of a whole check depend only on the set of files
(names and bytes) and on govopen's code, so an unchanged workspace is answered from it.

Where: `$GOVOPEN_CACHE_DIR`, else `$XDG_CACHE_HOME/govopen`, else `~/.cache/govopen` (on Windows
`%LOCALAPPDATA%\\govopen\\cache`): never inside the workspace, so `check` still writes nothing there.
`GOVOPEN_CACHE=off` turns the cache off. It is only ever an optimisation:
- entries are marshal data (no code runs when loading them, unlike pickle) behind a magic header and a
  BLAKE2b digest of the payload, so a truncated, corrupted or foreign file is a miss, never an error;
- writes go to a temporary file and are renamed into place, so concurrent runs never see half an entry;
- an unwritable cache directory silently means "no cache";
- the key includes govopen's version and a hash of the code that produced the entry, so a changed
  loader (or, for the memo, any changed module) never serves old results.
This module imports nothing heavy: `govopen check` answers from the memo without loading pydantic.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from govopen_std import __version__
from govopen_std.diagnostics import Diagnostic, Severity, SourceLocation

FORMAT = 1
MAGIC = b"GOVOPEN-CACHE\x00"
DIGEST_SIZE = 20
ENV_DIR = "GOVOPEN_CACHE_DIR"
ENV_SWITCH = "GOVOPEN_CACHE"
MAX_ENTRIES = 50_000  # pruned (oldest first) past this, so the cache cannot grow without bound

PACKAGE = Path(__file__).resolve().parents[1]
# The modules whose code decides what a parsed-file entry holds.
LOADER_MODULES = ("load/yaml_source.py", "load/yaml_errors.py", "load/fastyaml.py", "load/cache.py", "diagnostics.py",
                  "load/depth_scan.py", "load/text_guards.py")


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=DIGEST_SIZE).hexdigest()


CODE_SUFFIXES = (".py", ".json", ".yaml", ".html", ".css")


def _package_files() -> list[str]:
    """Every code file of the package, as sorted paths relative to it. `os.walk` (scandir) rather than
    `Path.rglob`: it is ten times faster, and every `check` answered from the memo pays for this walk."""
    found: list[str] = []
    for folder, dirs, names in os.walk(PACKAGE):
        dirs[:] = [d for d in dirs if d != "__pycache__"]
        rel = os.path.relpath(folder, PACKAGE)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        found += [prefix + name for name in names if name.endswith(CODE_SUFFIXES)]
    return sorted(found)


@cache
def code_fingerprint(modules: tuple[str, ...] | None = None) -> str:
    """A hash of govopen's own code: the given modules, or every file of the package."""
    files = list(modules) if modules else _package_files()
    h = hashlib.blake2b(digest_size=DIGEST_SIZE)
    h.update(f"{FORMAT}:{__version__}:{sys.version_info[:2]}".encode())
    for rel in files:
        h.update(rel.encode())
        try:
            h.update((PACKAGE / rel).read_bytes())
        except OSError:
            h.update(b"?")
    return h.hexdigest()


def default_dir() -> Path | None:
    """The user cache folder for govopen, or None when the cache is switched off."""
    if os.environ.get(ENV_SWITCH, "").strip().lower() in ("0", "off", "false", "no"):
        return None
    explicit = os.environ.get(ENV_DIR)
    if explicit:
        return Path(explicit)
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "govopen" / "cache"
    xdg = os.environ.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg else Path.home() / ".cache") / "govopen"


# --- diagnostics as plain tuples ------------------------------------------------------------------

def diag_to_plain(diag: Diagnostic, *, with_path: bool) -> tuple[Any, ...]:
    loc = diag.location
    where = None if loc is None else ((loc.path if with_path else None), loc.line, loc.col)
    return (diag.code, int(diag.severity), where, diag.params)


def diag_from_plain(plain: tuple[Any, ...], path: str | None = None) -> Diagnostic:
    code, severity, where, params = plain
    location = None if where is None else SourceLocation(where[0] if path is None else path, where[1], where[2])
    return Diagnostic(code=code, severity=Severity(severity), location=location,
                      params=tuple((k, v) for k, v in params))


# --- the store ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Store:
    """Entries on disk under one folder: `<kind>/<key[:2]>/<key>`."""

    root: Path

    def _path(self, kind: str, key: str) -> Path:
        return self.root / kind / key[:2] / key

    def get_payload(self, kind: str, key: str) -> bytes | None:
        """The stored marshalled value, or None when absent, unreadable, or damaged (its digest differs)."""
        try:
            blob = self._path(kind, key).read_bytes()
        except OSError:
            return None
        head, payload = blob[: len(MAGIC) + DIGEST_SIZE], blob[len(MAGIC) + DIGEST_SIZE:]
        if head[: len(MAGIC)] != MAGIC or head[len(MAGIC):] != hashlib.blake2b(payload, digest_size=DIGEST_SIZE).digest():
            return None
        return payload

    def get(self, kind: str, key: str) -> Any:
        """The stored value, or None when absent, unreadable, corrupted or from another format."""
        payload = self.get_payload(kind, key)
        if payload is None:
            return None
        try:
            return marshal.loads(payload)
        except (EOFError, ValueError, TypeError):
            return None

    def put(self, kind: str, key: str, value: Any) -> bool:
        """Store `value` (marshal-able plain data) atomically; False when it cannot be stored."""
        try:
            payload = marshal.dumps(value)
        except ValueError:
            return False
        return self.put_payload(kind, key, payload)

    def put_payload(self, kind: str, key: str, payload: bytes) -> bool:
        """Store an already marshalled value."""
        blob = MAGIC + hashlib.blake2b(payload, digest_size=DIGEST_SIZE).digest() + payload
        target = self._path(kind, key)
        import tempfile  # only when writing: a memo answer reads, and tempfile costs ~10 ms to import

        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(blob)
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            return False
        return True

    def prune(self, kind: str, keep: int = MAX_ENTRIES) -> int:
        """Delete the oldest entries of `kind` beyond `keep` (down to 80% of it); returns how many went."""
        try:
            entries = [p for p in (self.root / kind).glob("*/*") if not p.name.startswith(".tmp-")]
        except OSError:
            return 0
        if len(entries) <= keep:
            return 0
        entries.sort(key=_mtime)
        doomed = entries[: len(entries) - int(keep * 0.8)]
        for path in doomed:
            path.unlink(missing_ok=True)
        return len(doomed)


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def open_store(root: Path | None = None) -> Store | None:
    """The store at `root`, else at the default folder; None when switched off."""
    folder = root if root is not None else default_dir()
    return Store(folder) if folder is not None else None


# --- keys -----------------------------------------------------------------------------------------

def file_key(raw_digest: str) -> str:
    """The key of a parsed file: its bytes and the loader's code."""
    return digest(f"{raw_digest}:{code_fingerprint(LOADER_MODULES)}".encode())


def result_key(files: Iterable[tuple[str, str]], extra: str = "") -> str:
    """The key of a whole check: every (display path, bytes digest) and all of govopen's code."""
    h = hashlib.blake2b(digest_size=DIGEST_SIZE)
    h.update(f"{code_fingerprint()}:{extra}".encode())
    for display, raw_digest in sorted(files):
        h.update(f"{display}\x00{raw_digest}\x00".encode())
    return h.hexdigest()
