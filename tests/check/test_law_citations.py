"""C405 (a registered law no standard cites) looks for citations in the standards' texts without dumping and
joining them level by level or searching them once per law name: the corpus and the cited laws are exactly
what the plain definition gives (every string of `model_dump(exclude={"items"})`, joined level by level with
newlines; a law is cited when 《title》, 《short name》 or a standard's number occurs in it)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import MINI, ROOT
from govopen_std.check import law_rules
from govopen_std.diagnostics import Diagnostics
from govopen_std.load.discover import find_workspace
from govopen_std.load.sources import Sources, load_sources


def joined(data: object) -> str:
    """The definition: the strings of a dumped value, joined level by level."""
    if isinstance(data, str):
        return data
    if isinstance(data, dict):
        return "\n".join(joined(v) for v in data.values())
    if isinstance(data, list | tuple):
        return "\n".join(joined(v) for v in data)
    return ""


def cited_by_definition(corpus: str, laws: list[Any]) -> set[str]:
    cited = set()
    for law in laws:
        names = [f"《{n}》" for n in (law.title, *law.short)]
        if law.rank == "标准" and law.number:
            names.append(law.number)
        if any(name in corpus for name in names):
            cited.add(law.id)
    return cited


def law(title: str, *short: str, rank: str = "法律", number: str | None = None, id: str = "x") -> SimpleNamespace:
    return SimpleNamespace(id=id, title=title, short=list(short), rank=rank, number=number)


@pytest.mark.parametrize("root", [ROOT, MINI], ids=["shipped", "mini"])
def test_the_shipped_texts_give_the_defined_corpus_and_citations(root: Path) -> None:
    sources: Sources = load_sources(find_workspace(root), Diagnostics())
    texts = [t.value for t in sources.texts]
    corpus = "\n".join(joined(t.model_dump(exclude={"items"})) for t in texts)
    assert law_rules.text_corpus(texts) == corpus
    laws = [entry.value for entry in sources.laws]
    assert law_rules.cited_in(corpus, laws) == cited_by_definition(corpus, laws)
    if root == ROOT:
        assert law_rules.cited_in(corpus, laws), "the shipped texts cite laws"


@pytest.mark.parametrize("value", [
    {}, [], (), {"a": []}, {"a": {}, "b": "x"}, [[], "y", [[]]], {"a": 1, "b": None, "c": "z"}, "s", 3, None,
    {"a": ["p", ["q", {"r": "s"}], ()], "b": "t"},
])
def test_flattening_is_the_level_by_level_join(value: object) -> None:
    out: list[str] = []
    law_rules._flatten(value, out)
    assert "\n".join(out) == joined(value)


def test_titles_inside_larger_titles_and_numbers() -> None:
    corpus = "依据《《甲法》实施办法》和《乙条例》。\n标准 GB/T 9704—2012 规定"
    laws = [law("甲法", id="a"), law("甲法》实施办法", id="b"), law("乙", "乙条例", id="c"), law("丙法", id="d"),
            law("公文格式", rank="标准", number="GB/T 9704—2012", id="e"), law("《甲法》实施办法", id="f"),
            law("规定", number="GB/T 9704—2012", id="g")]  # a number counts for standards only
    assert law_rules.cited_in(corpus, laws) == cited_by_definition(corpus, laws) == {"a", "b", "c", "e", "f"}


@given(corpus=st.text(alphabet="《》甲乙\n ", max_size=40),
       titles=st.lists(st.text(alphabet="《》甲乙\n ", min_size=1, max_size=6), min_size=1, max_size=6))
def test_one_scan_finds_what_a_search_per_title_finds(corpus: str, titles: list[str]) -> None:
    laws = [law(t, id=str(i)) for i, t in enumerate(titles)]
    assert law_rules.cited_in(corpus, laws) == cited_by_definition(corpus, laws)
