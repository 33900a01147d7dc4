"""The position-keeping loader: positions are 1-based, merge keys follow YAML semantics, duplicates are located."""

from __future__ import annotations

from pathlib import Path

from govopen_std.diagnostics import Diagnostics
from govopen_std.load.yaml_source import load_file


def _load(tmp_path: Path, text: str) -> tuple[object, list[tuple[str, int, int]], object]:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    diags = Diagnostics()
    source = load_file(path, "f.yaml", diags)
    return source.data, [d.check_tuple() for d in diags.items], source


def test_positions_are_one_based(tmp_path: Path) -> None:
    _data, diags, source = _load(tmp_path, "a: 1\nb:\n  - x\n  - {c: 征地}\n")
    assert diags == []
    assert source.locate(("b", 1, "c"), key=True).line == 4  # type: ignore[attr-defined]
    assert source.locate(("b", 1, "c"), key=True).col == 6  # type: ignore[attr-defined]
    assert source.locate(("b", 1, "c")).col == 9  # type: ignore[attr-defined]


def test_explicit_key_overrides_merged_key(tmp_path: Path) -> None:
    data, diags, _ = _load(tmp_path, "base: &b {x: 1, y: 2}\nitem:\n  <<: *b\n  x: 3\n")
    assert diags == []
    assert data == {"base": {"x": 1, "y": 2}, "item": {"x": 3, "y": 2}}


def test_duplicate_after_merge_is_reported_at_the_second(tmp_path: Path) -> None:
    _data, diags, _ = _load(tmp_path, "base: &b {x: 1}\nitem:\n  <<: *b\n  x: 3\n  x: 4\n")
    assert diags == [("Y102", 5, 3)]


def test_dates_and_months_stay_text(tmp_path: Path) -> None:
    data, _, _ = _load(tmp_path, "month: 2017-12\ndate: 2019-04-03\nn: 7\nok: true\nnothing: ~\n")
    assert data == {"month": "2017-12", "date": "2019-04-03", "n": 7, "ok": True, "nothing": None}
