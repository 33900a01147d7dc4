"""Incremental and parallel builds: an unchanged workspace rebuilds nothing (no file is written), a changed county
rebuilds only that county, a changed base rebuilds everything, and --jobs never changes a byte of the outputs.

Assertions are on the manifest and on the files' inodes and mtimes, never on time."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest

from govopen_std.build import BuildOptions, BuildResult, run
from govopen_std.incremental import MANIFEST, PROVINCE
from helpers.county import mini_with_two_counties

FORMATS = ("html", "xlsx")  # enough to write many files per target; the DOCX renderer has its own tests


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVOPEN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


@pytest.fixture
def two_counties(tmp_path: Path) -> Path:
    """The mini workspace with two county profiles, 330105 and 330106."""
    return mini_with_two_counties(tmp_path / "ws")


def build(ws: Path, out: Path, *, jobs: int = 1, formats: tuple[str, ...] | None = FORMATS) -> BuildResult:
    result = run(BuildOptions(workspace=ws, out_dir=out, formats=formats, jobs=jobs))
    assert result.ok, [d.check_tuple() for d in result.diagnostics.items]
    return result


def stamps(out: Path) -> dict[str, tuple[int, int]]:
    """Every entry of the output folder -> (inode, mtime): a rewritten or replaced file changes one of them."""
    return {p.relative_to(out).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.rglob("*")}


def digests(out: Path) -> dict[str, str]:
    return {p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file()}


def keys(out: Path) -> dict[str, str]:
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    return {name: record["key"] for name, record in manifest["targets"].items()}


def under(names: dict[str, tuple[int, int]], prefix: str) -> dict[str, tuple[int, int]]:
    return {k: v for k, v in names.items() if k.startswith(prefix)}


def test_an_unchanged_workspace_rebuilds_nothing(two_counties: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = build(two_counties, out)
    assert sorted(first.rendered) == sorted([PROVINCE, "330105", "330106"])
    before, manifest = stamps(out), (out / MANIFEST).read_bytes()
    again = build(two_counties, out)
    assert again.rendered == [] and sorted(again.reused) == sorted([PROVINCE, "330105", "330106"])
    assert again.written == []
    assert stamps(out) == before  # no file written, replaced or removed, the manifest included
    assert (out / MANIFEST).read_bytes() == manifest


def test_a_changed_county_rebuilds_only_that_county(two_counties: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(two_counties, out)
    before, old_keys = stamps(out), keys(out)
    profile = two_counties / "standards" / "counties" / "330105.yaml"
    profile.write_text(profile.read_text(encoding="utf-8").replace("10个工作日内", "8个工作日内", 1), encoding="utf-8")
    result = build(two_counties, out)
    assert result.rendered == ["330105"]
    assert sorted(result.reused) == sorted([PROVINCE, "330106"])
    new_keys = keys(out)
    assert new_keys["330105"] != old_keys["330105"]
    assert {k: v for k, v in new_keys.items() if k != "330105"} == {k: v for k, v in old_keys.items() if k != "330105"}
    after = stamps(out)
    untouched = {k: v for k, v in before.items() if not k.startswith("330105") and k != MANIFEST}
    assert {k: after.get(k) for k in untouched} == untouched  # the province and 330106: not a single file touched
    rewritten = under(after, "330105/")
    assert rewritten and all(before.get(k) != v for k, v in rewritten.items())
    assert "8个工作日内" in (out / "330105" / "site" / "index.html").read_text(encoding="utf-8") or any(
        "8个工作日内" in p.read_text(encoding="utf-8") for p in (out / "330105" / "site").rglob("*.html"))


def test_a_changed_base_rebuilds_everything(two_counties: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(two_counties, out)
    before, old_keys = stamps(out), keys(out)
    path = two_counties / "standards" / "domains" / "zdbc" / "zdbc-01.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("name: 征收土地预公告", "name: 征收土地预公告（修订）"),
                    encoding="utf-8")
    result = build(two_counties, out)
    assert sorted(result.rendered) == sorted([PROVINCE, "330105", "330106"])
    assert old_keys and all(keys(out)[name] != old_keys[name] for name in old_keys)
    after = stamps(out)
    assert len(before) > 10
    assert all(after[k] != before[k] for k in before if k in after and (out / k).is_file() and k != MANIFEST)


def test_a_missing_output_is_rebuilt(two_counties: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(two_counties, out)
    shutil.rmtree(out / "330106")
    result = build(two_counties, out)
    assert result.rendered == ["330106"]
    assert (out / "330106" / "site" / "index.html").is_file()


def test_other_options_are_another_build(two_counties: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(two_counties, out, formats=("xlsx",))
    result = build(two_counties, out, formats=FORMATS)
    assert sorted(result.rendered) == sorted([PROVINCE, "330105", "330106"])


def test_parallel_outputs_are_byte_identical(two_counties: Path, tmp_path: Path) -> None:
    serial = build(two_counties, tmp_path / "serial", jobs=1, formats=None)
    parallel = build(two_counties, tmp_path / "parallel", jobs=2, formats=None)
    assert sorted(serial.rendered) == sorted(parallel.rendered)
    assert digests(tmp_path / "serial") == digests(tmp_path / "parallel")
    assert any(name.endswith(".docx") for name in digests(tmp_path / "parallel"))


def test_a_selected_county_keeps_the_other_records(two_counties: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(two_counties, out)
    old_keys = keys(out)
    result = run(BuildOptions(workspace=two_counties, out_dir=out, formats=FORMATS, counties=("330106",),
                              province=False, jobs=1))
    assert result.ok and result.rendered == [] and result.reused == ["330106"]
    assert keys(out) == old_keys
