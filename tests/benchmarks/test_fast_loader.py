"""The loader's event fast path gives exactly what the composing path gives (data, scalar types, positions),
and hands everything else (aliases, tags, duplicate keys, syntax errors …) to the composing path."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from conftest import MINI, ROOT
from govopen_std.diagnostics import Diagnostics
from govopen_std.load import yaml_source
from govopen_std.load.fastyaml import fast_build


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
