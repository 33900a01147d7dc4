"""Read every source file of a workspace before validation: from the parse cache, else parsed, in parallel.

`load_sources` asks for the files one by one in a fixed order; `preload` serves them from here. Each
file is read once, hashed, and looked up in the cache (`load.cache`). Files that miss are parsed by
`yaml_source.load_text_into`, exactly as an uncached load does, in worker processes when there is
enough to parse to pay for them (each worker returns its result in the same marshalled form the cache
stores). Results are applied in file order, so diagnostics and data are the same whatever was cached
and however many processes ran. A worker that dies (a crash in a C parser) costs only the file that killed it:
that file is a located Y111, the others are parsed again one by one. A special file (a FIFO, a device: `discover.special`) is never opened: it
is a Y108 here, where a read would block.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from govopen_std.diagnostics import Diagnostic, Diagnostics, SourceLocation
from govopen_std.load import cache
from govopen_std.load.discover import special
from govopen_std.load.display import DisplayPaths
from govopen_std.load.yaml_source import MAX_BYTES, SourceFile, load_text_into

# Below this many bytes to parse, starting worker processes costs more than it saves.
PARALLEL_MIN_BYTES = 1_000_000
# Counting the entries on disk costs a directory walk, so only some runs that wrote entries prune.
PRUNE_CHANCE = 0.05


@dataclass
class Loaded:
    """A file read ahead: its source and the diagnostics that reading it produced."""

    source: SourceFile
    diagnostics: list[Diagnostic] = field(default_factory=list)


def _text_of(raw: bytes) -> str:
    """The text the loader parses (BOM dropped, line ends normalised); only called when it decoded."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    return raw.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def parse_payload(raw: bytes) -> bytes:
    """Parse `raw` as the loader does and marshal what it found (the cache's and the workers' format)."""
    source = SourceFile(path=Path(), display="")
    diags = Diagnostics()
    load_text_into(source, raw, diags)
    return to_payload(source, diags)


def to_payload(source: SourceFile, diags: Diagnostics) -> bytes:
    plain = [cache.diag_to_plain(d, with_path=False) for d in diags.items]
    positions = marshal.dumps((source.key_pos, source.value_pos))
    return marshal.dumps((source.data, positions, source.loaded, bool(source.text), plain))


def _parse_here(raw: bytes, path: Path, display: str, raw_digest: str) -> Loaded:
    """Parse in this process: the result is used as it is, with no marshal round trip."""
    source = SourceFile(path=path, display=display)
    diags = Diagnostics()
    load_text_into(source, raw, diags)
    source.digest = raw_digest
    return Loaded(source, list(diags.items))


def _apply(payload: bytes, raw: bytes, path: Path, display: str, raw_digest: str) -> Loaded | None:
    try:
        data, positions, loaded, has_text, plain = marshal.loads(payload)
        source = SourceFile(path=path, display=display, data=data, text=_text_of(raw) if has_text else "",
                            loaded=loaded, packed_positions=positions)
        diagnostics = [cache.diag_from_plain(p, display) for p in plain]
    except (EOFError, ValueError, TypeError, UnicodeDecodeError):
        return None  # a foreign or damaged payload: the caller loads the file the ordinary way
    source.digest = raw_digest
    return Loaded(source, diagnostics)


def _not_regular(path: Path, display: str) -> Loaded:
    """A special file at a source path: reported, never read (see `discover.special`)."""
    return Loaded(SourceFile(path=path, display=display),
                  [Diagnostic.make("Y108", SourceLocation(display), detail="不是普通文件（管道、设备等特殊文件不能作为源文件读取）",
                                   detail_en="not a regular file (a pipe, a device or another special file cannot be read "
                                             "as a source)")])


def _read(path: Path) -> bytes | None:
    """The file's bytes, or None when the ordinary loader must handle it (missing, unreadable, too big)."""
    try:
        if path.stat().st_size > MAX_BYTES:
            return None
        return path.read_bytes()
    except OSError:
        return None


def _fork_context() -> Any:
    """Worker processes are forked where that is cheap and safe (Linux); elsewhere we parse in-process."""
    if sys.platform != "linux":
        return None
    import multiprocessing  # only when there is enough to parse for workers: ~15 ms to import

    return multiprocessing.get_context("fork")


def _parallel(raws: list[bytes], jobs: int) -> bool:
    return jobs > 1 and len(raws) > 1 and sum(map(len, raws)) >= PARALLEL_MIN_BYTES and _fork_context() is not None


def _parse_parallel(raws: list[bytes], jobs: int) -> list[bytes | None]:
    """Each file's payload, parsed in worker processes; None for a file whose worker died (a parser crash)."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    chunk = max(1, len(raws) // (jobs * 4))
    from govopen_std.lifetime import end_with_parent

    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=_fork_context(), initializer=end_with_parent,
                                 initargs=(os.getpid(),)) as pool:
            return list(pool.map(parse_payload, raws, chunksize=chunk))
    except BrokenProcessPool:  # a worker died (a segfault in a C parser): find out which file killed it
        return _parse_one_by_one(raws)


def _parse_one_by_one(raws: list[bytes]) -> list[bytes | None]:
    """Parse the files one at a time in a single worker, starting a new worker after each crash, so a crash is
    put down to the one file that caused it and every other file still gets its ordinary result."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    results: list[bytes | None] = []
    from govopen_std.lifetime import end_with_parent

    def new_pool() -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=1, mp_context=_fork_context(), initializer=end_with_parent,
                                   initargs=(os.getpid(),))

    pool = new_pool()
    try:
        for raw in raws:
            try:
                results.append(pool.submit(parse_payload, raw).result())
            except BrokenProcessPool:
                results.append(None)
                pool.shutdown(wait=True)
                pool = new_pool()
    finally:
        pool.shutdown(wait=True)
    return results


def _crashed(path: Path, display: str, raw_digest: str) -> Loaded:
    """A file whose parser process died: a located error naming it instead of a broken build (never cached)."""
    source = SourceFile(path=path, display=display, digest=raw_digest)
    return Loaded(source, [Diagnostic.make("Y111", SourceLocation(display, 1, 1))])


def _prune_now() -> bool:
    import random

    return random.random() < PRUNE_CHANCE


def default_jobs() -> int:
    return os.cpu_count() or 1


def preload(paths: Iterable[Path], root: Path, *, store: cache.Store | None,
            jobs: int | None = None) -> dict[Path, Loaded]:
    """Every readable file of `paths`, parsed or taken from the cache; the rest is left to the loader."""
    found: dict[Path, Loaded] = {}
    misses: list[tuple[Path, str, bytes, str]] = []
    displays = DisplayPaths(root)
    for path in paths:
        if special(path):
            found[path] = _not_regular(path, displays(path))
            continue
        raw = _read(path)
        if raw is None:
            continue
        display, raw_digest = displays(path), cache.digest(raw)
        payload = store.get_payload("files", cache.file_key(raw_digest)) if store else None
        loaded = _apply(payload, raw, path, display, raw_digest) if payload is not None else None
        if loaded is None:
            misses.append((path, display, raw, raw_digest))
        else:
            found[path] = loaded
    raws = [raw for _, _, raw, _ in misses]
    if _parallel(raws, jobs or default_jobs()):
        for (path, display, raw, raw_digest), payload in zip(misses, _parse_parallel(raws, jobs or default_jobs()),
                                                             strict=True):
            if payload is None:
                found[path] = _crashed(path, display, raw_digest)
                continue
            loaded = _apply(payload, raw, path, display, raw_digest)
            if loaded is not None:
                found[path] = loaded
                if store is not None:
                    store.put_payload("files", cache.file_key(raw_digest), payload)
    else:
        for path, display, raw, raw_digest in misses:
            found[path] = _parse_here(raw, path, display, raw_digest)
            if store is not None:
                diags = Diagnostics(list(found[path].diagnostics))
                store.put_payload("files", cache.file_key(raw_digest), to_payload(found[path].source, diags))
    if misses and store is not None and _prune_now():
        store.prune("files")
    return found
