"""The loader's event fast path gives exactly what the composing path gives (data, scalar types, positions),
and hands everything else (aliases, tags, duplicate keys, syntax errors …) to the composing path.

The fast path reads PyYAML's libyaml events when PyYAML has libyaml, else ruamel's: both event sources are
compared with the composing path and with each other, on the shipped standards, the fixtures, the bad-input
corpus and a generated benchmark workspace."""

from __future__ import annotations

import functools
import io
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import MINI, ROOT, skip_or_fail
from govopen_std.diagnostics import Diagnostics
from govopen_std.load import fastyaml, yaml_source
from govopen_std.load.fastyaml import fast_build, ruamel_build
from govopen_std.load.gcpause import gc_paused


def needs_libyaml(test: Callable[..., None]) -> Callable[..., None]:
    """PyYAML built with libyaml feeds the fast path; without it the test skips (fails under CI=true)."""
    @functools.wraps(test)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        if fastyaml.PyCParser is None:
            skip_or_fail("PyYAML without libyaml (ruamel's events serve instead)")
        test(*args, **kwargs)
    return wrapper


def composed(text: str) -> tuple[Any, dict[Any, Any], dict[Any, Any]]:
    """The composing path on its own (ruamel's C parser to nodes, then the node builder)."""
    node = yaml_source._parser().compose(io.StringIO(text))
    source = yaml_source.SourceFile(Path("x.yaml"), "x.yaml")
    diags = Diagnostics()
    data = yaml_source._Builder(source, diags, len(text)).build(node, ())
    assert not diags.items
    return data, source.key_pos, source.value_pos


def assert_same(text: str) -> None:
    fast = fast_build(text)
    assert fast is not None, "the fast path should handle this document"
    expected = composed(text)
    assert repr(fast[0]) == repr(expected[0])  # repr: 1 and True and 1.0 must not pass for each other
    assert fast[1] == expected[1]
    assert fast[2] == expected[2]


def corpus() -> list[Path]:
    files = sorted((ROOT / "standards").rglob("*.yaml")) + sorted(MINI.rglob("*.yaml"))
    files += sorted((ROOT / "tests" / "cases").rglob("*.yaml")) + sorted((ROOT / "tests" / "fixtures").rglob("*.yaml"))
    return files


def test_every_shipped_and_fixture_file_loads_the_same_both_ways() -> None:
    checked = 0
    for path in corpus():
        try:
            text = path.read_bytes().decode("utf-8").removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
        except UnicodeDecodeError:
            continue
        fast = fast_build(text)
        if fast is None:
            continue  # the composing path's case (bad input, aliases …)
        expected = composed(text)
        assert repr(fast[0]) == repr(expected[0]), path
        assert (fast[1], fast[2]) == (expected[1], expected[2]), path
        checked += 1
    assert checked > 20


@pytest.mark.parametrize("text", [
    "a: 1\nb: -2\nc: 0x1F\nd: 0o17\ne: 017\nf: 1_000\ng: +5\n",
    "a: 1.5\nb: .5\nc: 1e3\nd: .inf\ne: -.Inf\nf: .nan\ng: 1.\n",
    "a: true\nb: False\nc: TRUE\nd: yes\ne: on\nf: No\n",
    "a: null\nb: ~\nc:\nd: Null\ne: NULL\n",
    "a: 2018-02-30\nb: 2018-04\nc: 2001-12-14t21:59:43.10-05:00\n",
    "a: '1'\nb: \"true\"\nc: |\n  多行\n  文本\nd: >\n  折叠\n  文本\n",
    "- [1, 2, {a: b}]\n- {x: [], y: {}}\n- - nested\n  - 列表\n",
    "事项: {公开内容: [征收范围, 征收目的], 公开方式: 主动}\n# 注释\nkey: value # 行尾注释\n",
    "1: one\ntrue: t\nnull: n\n'q': quoted key\n",
    "plain scalar\n",
    "a:\n  b:\n    c:\n      - d: [e, {f: g}]\n",
    "a: = \nb: <<x\n",
])
def test_tricky_scalars_and_shapes_load_the_same(text: str) -> None:
    assert_same(text)


@pytest.mark.parametrize("text", [
    "a: &x 1\nb: *x\n",  # anchors and aliases
    "base: &b {x: 1}\nitem:\n  <<: *b\n  y: 2\n",  # merge keys
    "a: !!str 1\n",  # explicit tags
    "a: 1\na: 2\n",  # duplicate keys (Y102)
    "? [a, b]\n: c\n",  # complex keys
    "%YAML 1.1\n---\na: yes\n",  # a version directive
    "a: 1\n---\nb: 2\n",  # two documents
    "a: [1, 2\n",  # a syntax error
    "",  # no document
])
def test_documents_the_fast_path_leaves_to_the_composing_path(text: str) -> None:
    assert fast_build(text) is None


def test_nesting_over_the_limit_falls_back() -> None:
    deep = "".join("  " * i + f"k{i}:\n" for i in range(80)) + "  " * 80 + "v\n"
    assert fast_build(deep) is None


def _texts(files: list[Path]) -> list[tuple[Path, str]]:
    texts = []
    for path in files:
        try:
            raw = path.read_bytes().decode("utf-8")
        except UnicodeDecodeError:
            continue
        texts.append((path, raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")))
    return texts


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """A small benchmark workspace (benchmarks/generate.py): the shape of the throughput corpus."""
    out = tmp_path_factory.mktemp("generated") / "ws"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), str(out), "--domains", "3", "--items",
                    "40", "--counties", "3", "--overlay", "10"], check=True, capture_output=True, timeout=300)
    return sorted(out.rglob("*.yaml"))


@needs_libyaml
def test_both_event_sources_build_the_same_data_and_positions(generated: list[Path]) -> None:
    checked = 0
    for path, text in _texts(corpus() + generated):
        fast, reference = fast_build(text), ruamel_build(text)
        assert (fast is None) == (reference is None), path
        if fast is not None and reference is not None:
            assert repr(fast[0]) == repr(reference[0]), path
            assert (fast[1], fast[2]) == (reference[1], reference[2]), path
            checked += 1
    assert checked > 40


def test_generated_workspace_loads_the_same_as_the_composing_path(generated: list[Path]) -> None:
    texts = list(_texts(generated))
    assert len(texts) > 5  # domains, standards, counties of the generated workspace
    for path, text in texts:
        fast = fast_build(text)
        assert fast is not None, path
        expected = composed(text)
        assert repr(fast[0]) == repr(expected[0]), path
        assert (fast[1], fast[2]) == (expected[1], expected[2]), path


@pytest.mark.parametrize("text", [
    "a: [b:c]\n",  # libyaml 0.2 reads plain `b:c` in a flow collection; ruamel's libyaml reports an error
    "a: {b:c}\n",
    "a: [b?c]\n",
    "a: [http://example.org]\n",
    "a: [!,]\n",  # a tag next to a flow indicator: the two libyamls scan it differently
    "a: ! x\n",  # any explicit tag, even the non-specific one
    "- ! [x]\n",
])
def test_what_the_two_libyamls_read_differently_goes_to_the_composing_path(text: str) -> None:
    assert fast_build(text) is None


@pytest.mark.parametrize("text", ["a: [b:c]\n", "a: [b?c]\n", "a: [!,]\n"])
def test_flow_scalars_only_newer_libyaml_accepts_stay_syntax_errors(text: str) -> None:
    source = yaml_source.SourceFile(Path("x.yaml"), "x.yaml")
    diags = Diagnostics()
    yaml_source.load_text_into(source, text.encode(), diags)
    assert source.data is None
    assert [d.code for d in diags.items] == ["Y101"]


@pytest.mark.parametrize("text", [
    "a: [b: c, 'd:e', \"f?g\"]\n",  # a flow pair, and quoted scalars: both libyamls agree
    "a: b:c\nd: e?f\n",  # plain `:` and `?` outside flow collections
    "url: http://example.org/x?y=1\n",
])
def test_colons_both_libyamls_read_alike_stay_on_the_fast_path(text: str) -> None:
    assert_same(text)


def test_without_libyaml_the_ruamel_events_serve(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "a: [1, yes, 012, 0o12, 2024-01-02]\nb: {c: ~}\n"
    expected = ruamel_build(text)
    assert expected is not None
    monkeypatch.setattr(fastyaml, "PyCParser", None)
    assert repr(fast_build(text)) == repr(expected)


def test_yaml_1_2_scalars_keep_the_current_types() -> None:
    """YAML 1.2 as ruamel reads it: yes/on stay text, 012 is text, 0o12 is octal, dates stay text."""
    fast = fast_build("a: yes\nb: on\nc: 012\nd: 0o12\ne: 2024-01-02\nf: 0x1F\ng: True\n")
    assert fast is not None
    assert fast[0] == {"a": "yes", "b": "on", "c": "012", "d": 10, "e": "2024-01-02", "f": 31, "g": True}


@pytest.mark.parametrize("length", [10, 99_999, 250_000, 5_000_000])
def test_node_cap_is_the_composing_paths(length: int) -> None:
    """Past the composing path's cap (Y106) the fast path must give up too, so the cap must be the same."""
    text = "x" * length
    assert fastyaml._node_limit(text) == min(yaml_source.MAX_NODES, max(yaml_source.MIN_NODE_CAP, len(text)))


def test_gc_paused_restores_the_collector() -> None:
    import gc

    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause leaves the outer one in force
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # a caller that turned it off keeps it off
    finally:
        gc.enable()


def test_gc_paused_keep_freezes_only_in_a_one_shot_process() -> None:
    """`keep` freezes what the block built only after `one_shot()` (the plain CLI check); a library caller,
    like this test process, keeps the ordinary collector. The one-shot case runs in its own process, since
    freezing is for the rest of a process's life."""
    import gc

    before = gc.get_freeze_count()
    with gc_paused(keep=True):
        kept = [[i] for i in range(1000)]
    assert gc.isenabled() and gc.get_freeze_count() == before and kept
    script = ("import gc\nfrom govopen_std.load.gcpause import gc_paused, one_shot\none_shot()\n"
              "with gc_paused(keep=True):\n    kept = [[i] for i in range(1000)]\n"
              "assert gc.isenabled() and gc.get_freeze_count() >= 1000, gc.get_freeze_count()\n"
              "with gc_paused():\n    later = [[i] for i in range(10)]\n"
              "n = gc.get_freeze_count()\nwith gc_paused():\n    pass\nassert gc.get_freeze_count() == n\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env={"PYTHONPATH": str(ROOT / "src")})
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("value", ["false", "true", "True", "null", "~", "28", "-7", "0o12", "0x1F", "012", "1e3",
                                   ".inf", "-.inf", ".nan", "1_000", "2024-01-02", "no", "+1", "-", "3.", "tilde~"])
def test_remembered_plain_scalars_resolve_as_the_resolver_does(value: str) -> None:
    """`_plain` remembers what it resolved: the first answer and every later one are the resolver's own."""
    expected = fastyaml._resolve_plain(value)
    fastyaml._PLAIN_SEEN.pop(value, None)
    for _ in range(2):
        got = fastyaml._plain(value)
        assert type(got) is type(expected)
        assert got == expected or (got != got and expected != expected)  # nan is not equal to itself


def test_merge_keys_are_never_remembered() -> None:
    """A plain `<<` value means "fall back" every time it is met, not only the first."""
    for _ in range(2):
        with pytest.raises(fastyaml._Fallback):
            fastyaml._plain("<<")
    assert "<<" not in fastyaml._PLAIN_SEEN


def test_remembered_plain_scalars_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fastyaml, "_PLAIN_SEEN", {})
    monkeypatch.setattr(fastyaml, "_PLAIN_SEEN_MAX", 3)
    for n in range(10):
        assert fastyaml._plain(str(n)) == n
        assert len(fastyaml._PLAIN_SEEN) <= 3
