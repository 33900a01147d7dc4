"""The parse cache and the check memo never change a diagnostic: cold, warm, memo, corrupted or switched off,
`check` reports the same findings; a changed file is read again; `check` writes nothing into the workspace."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import MINI, ROOT
from govopen_std.diagnostics import Diagnostic
from govopen_std.load import cache
from govopen_std.pipeline import CheckResult, check_workspace

ZDBC_01 = "standards/domains/zdbc/zdbc-01.yaml"


def findings(result: CheckResult) -> list[tuple[object, ...]]:
    """Everything a reporter shows of each diagnostic: code, severity, place, parameters and both texts."""
    return [(d.code, d.severity, d.location, d.params, d.message("zh"), d.message("en")) for d in _sorted(result)]


def _sorted(result: CheckResult) -> list[Diagnostic]:
    return result.diagnostics.sorted()


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The mini workspace with problems of every loading kind: syntax, duplicate key, BOM, schema, references."""
    ws = tmp_path / "ws"
    shutil.copytree(MINI, ws)
    bad = ROOT / "tests" / "cases" / "bad-input"
    (ws / "standards" / "laws").mkdir(exist_ok=True)
    shutil.copy(bad / "unclosed-flow-sequence.yaml", ws / "standards" / "laws" / "broken.yaml")
    text = (ws / ZDBC_01).read_text(encoding="utf-8")
    text = text.replace("method: 主动", "method: 公告", 1).replace("    name: 土地现状调查结果\n",
                                                                  "    name: 土地现状调查结果\n    name: 重复\n")
    (ws / ZDBC_01).write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    return ws


def test_cold_warm_memo_and_uncached_checks_report_the_same(broken: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    store = tmp_path / "cache"
    cold = check_workspace(broken, cache_dir=store)
    assert {"Y101", "Y102", "Y109", "R307"} <= {d.code for d in cold.diagnostics.items}
    assert list((store / "files").rglob("*")), "the cold run filled the cache"
    warm = check_workspace(broken, cache_dir=store)
    memo = check_workspace(broken, cache_dir=store, memo=True)
    monkeypatch.setenv(cache.ENV_SWITCH, "off")
    uncached = check_workspace(broken)
    assert findings(cold) == findings(warm) == findings(memo) == findings(uncached)
    assert cold.stats == warm.stats == memo.stats == uncached.stats
    assert memo.sources.files == [], "the memo answered without loading the workspace"


def test_parallel_parsing_reports_the_same(broken: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from govopen_std.load import preload

    monkeypatch.setattr(preload, "PARALLEL_MIN_BYTES", 0)  # parse the mini workspace in worker processes
    parallel = check_workspace(broken, cache_dir=tmp_path / "a", jobs=2)
    serial = check_workspace(broken, cache_dir=tmp_path / "b", jobs=1)
    assert findings(parallel) == findings(serial)


def test_a_changed_file_is_read_again(broken: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    before = check_workspace(broken, cache_dir=store, memo=True)
    assert "R307" in {d.code for d in before.diagnostics.items}
    path = broken / ZDBC_01
    path.write_bytes(path.read_bytes().replace("method: 公告".encode(), "method: 主动".encode()))
    after = check_workspace(broken, cache_dir=store, memo=True)
    assert "R307" not in {d.code for d in after.diagnostics.items}
    assert after.sources.files, "a changed workspace is checked again, not answered from the memo"


def test_an_added_file_is_a_change(tmp_path: Path, mini: Path) -> None:
    store = tmp_path / "cache"
    assert not check_workspace(mini, cache_dir=store, memo=True).diagnostics.has_errors
    (mini / "standards" / "laws").mkdir(exist_ok=True)  # git keeps no empty folders: a fresh clone lacks it
    shutil.copy(ROOT / "tests" / "cases" / "bad-input" / "duplicate-law-id.yaml", mini / "standards" / "laws" / "x.yaml")
    assert check_workspace(mini, cache_dir=store, memo=True).diagnostics.has_errors


def test_corrupted_entries_are_misses_never_errors(broken: Path, tmp_path: Path) -> None:
    store = tmp_path / "cache"
    expected = findings(check_workspace(broken, cache_dir=store))
    entries = [p for p in store.rglob("*") if p.is_file()]
    assert entries
    for i, entry in enumerate(entries):
        blob = entry.read_bytes()
        damage = [blob[: len(blob) // 2], blob[:-1] + bytes([blob[-1] ^ 0xFF]), b"", os.urandom(64)][i % 4]
        entry.write_bytes(damage)
    assert findings(check_workspace(broken, cache_dir=store, memo=True)) == expected
    assert findings(check_workspace(broken, cache_dir=store)) == expected


def test_an_unwritable_cache_folder_means_no_cache(mini: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    result = check_workspace(mini, cache_dir=blocker / "cache")
    assert not result.diagnostics.has_errors


def test_check_writes_nothing_into_the_workspace(broken: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "user-cache"))
    before = sorted((p.relative_to(broken), p.stat().st_mtime_ns) for p in broken.rglob("*"))
    check_workspace(broken)
    check_workspace(broken, memo=True)
    after = sorted((p.relative_to(broken), p.stat().st_mtime_ns) for p in broken.rglob("*"))
    assert after == before
    assert list((tmp_path / "user-cache").rglob("*")), "the cache went to the user cache folder"


def test_the_key_covers_the_bytes_and_the_loader() -> None:
    assert cache.file_key(cache.digest(b"a: 1\n")) != cache.file_key(cache.digest(b"a: 2\n"))
    assert cache.file_key("x") == cache.file_key("x")
    assert cache.code_fingerprint(cache.LOADER_MODULES) != cache.code_fingerprint(("load/cache.py",))


def test_default_folder_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv(cache.ENV_DIR, raising=False)
    monkeypatch.delenv(cache.ENV_SWITCH, raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.default_dir() == tmp_path / "xdg" / "govopen"
    monkeypatch.setenv(cache.ENV_DIR, str(tmp_path / "explicit"))
    assert cache.default_dir() == tmp_path / "explicit"
    monkeypatch.setenv(cache.ENV_SWITCH, "off")
    assert cache.default_dir() is None
