"""The diagnostic codes as a registry: every code in the message catalogue has an emitter in the source, every
code the source emits is catalogued, and every code is named by at least one test (or corpus case) that
triggers it. A code nothing emits is removed from the catalogue, not kept "for later"."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT
from govopen_std.messages import CATALOG

CODE = re.compile(r'"([A-Z][0-9]{3})"')
MENTION = re.compile(r"\b([A-Z][0-9]{3})\b")
SOURCE = ROOT / "src" / "govopen_std"
TEST_SUFFIXES = {".py", ".yaml", ".yml", ".txt", ".json", ".csv"}


def _emitted() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        if path.name.startswith("messages") or path.name == "message_types.py":  # the catalogue itself
            continue
        for code in CODE.findall(path.read_text(encoding="utf-8")):
            found.setdefault(code, []).append(path.relative_to(ROOT).as_posix())
    return found


def _mentioned_in_tests() -> set[str]:
    mentioned: set[str] = set()
    for path in (ROOT / "tests").rglob("*"):
        if path.suffix in TEST_SUFFIXES and path.is_file() and "node_modules" not in path.parts \
                and path.name != Path(__file__).name:
            mentioned |= set(MENTION.findall(path.read_text(encoding="utf-8", errors="replace")))
    return mentioned


def test_the_catalogue_is_not_empty_and_codes_are_well_formed() -> None:
    assert len(CATALOG) > 100
    assert all(re.fullmatch(r"[YSRCOBIDELV][0-9]{3}", code) for code in CATALOG)


def test_every_catalogued_code_has_an_emitter() -> None:
    emitted = _emitted()
    assert emitted
    assert sorted(set(CATALOG) - set(emitted)) == []


def test_every_emitted_code_is_catalogued() -> None:
    emitted = _emitted()
    assert {code: where for code, where in emitted.items() if code not in CATALOG} == {}


def test_every_code_is_named_by_a_test() -> None:
    mentioned = _mentioned_in_tests()
    assert len(mentioned) > 100
    assert sorted(set(CATALOG) - mentioned) == []
