"""The view parts shared between counties (`view.builder._Shared`) and the overlay's per-county subject map
(`resolve.overlay.substitute_subjects`) are only shortcuts: every view equals the one built from scratch, in
any order of targets, and substitution equals substituting item by item."""

from __future__ import annotations

from pathlib import Path

import pytest

from govopen_std.build import BuildOptions, resolve_catalogs
from govopen_std.diagnostics import Diagnostics
from govopen_std.pipeline import check_workspace
from govopen_std.resolve import overlay
from govopen_std.resolve.profile import read_profiles
from govopen_std.view import builder
from helpers.county import mini_with_two_counties


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GOVOPEN_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def ws(tmp_path: Path) -> Path:
    """The mini workspace with two county profiles, 330105 and 330106."""
    return mini_with_two_counties(tmp_path / "ws")


def test_views_equal_views_built_from_scratch(ws: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check = check_workspace(ws)
    catalogs = resolve_catalogs(check, BuildOptions(workspace=ws), Diagnostics())
    assert [c.key for c in catalogs] == ["province", "330105", "330106"]
    shared = [builder.build_view(check.sources, c) for c in catalogs]  # the counties reuse the province's parts
    again = [builder.build_view(check.sources, c) for c in reversed(catalogs)]  # every part found in the cache
    scratch = []
    for catalog in catalogs:
        monkeypatch.setattr(builder, "_SHARED", builder._Shared())  # nothing to reuse
        scratch.append(builder.build_view(check.sources, catalog))
    assert shared == scratch == list(reversed(again))
    rows = [row for view in shared for group in view.groups for row in group.items]
    assert any(row.provenance.fields for row in rows) and any(row.basis for row in rows)


def test_parts_are_found_by_identity_and_kept_per_workspace() -> None:
    shared = builder._Shared()
    value: list[str] = []
    one, other = object(), object()  # the `sources.laws` of two workspaces
    assert shared.get(one, "basis", value) is None
    shared.put("basis", value, "part")
    assert shared.get(one, "basis", value) == "part"
    assert shared.get(one, "basis", []) is None  # an equal value is not the same object
    assert shared.get(one, "content", value) is None  # another kind of part
    assert shared.get(other, "basis", value) is None  # another workspace starts afresh
    assert shared.get(one, "basis", value) is None


def test_substituting_all_items_equals_substituting_each(ws: Path) -> None:
    check = check_workspace(ws)
    base = resolve_catalogs(check, BuildOptions(workspace=ws, counties=()), Diagnostics())[0]
    profiles = read_profiles(check.sources, Diagnostics())
    assert profiles
    for profile in profiles:
        together = overlay.substitute_subjects(base.items, profile)
        one_by_one = [overlay.substitute(item, profile) for item in base.items]
        assert together == one_by_one
        assert any(a is not b for a, b in zip(together, base.items, strict=True)), "the profile maps subjects"
