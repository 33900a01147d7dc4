"""Read one YAML file into plain Python data plus an index of 1-based source positions.

Parsing goes through ruamel.yaml's C parser (`ruamel.yaml.clib`) to nodes that carry marks; we build
plain dicts/lists/scalars ourselves, so we keep file:line:col for every key and value while paying far
less than the round-trip loader. Building the data ourselves is also where duplicate keys, alias bombs
and excessive nesting are caught, each as a located diagnostic.
"""

from __future__ import annotations

import io
import marshal
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from govopen_std.diagnostics import Diagnostic, Diagnostics, SourceLocation
from govopen_std.load.depth_scan import deep_position
from govopen_std.load.fastyaml import convert_scalar, fast_build
from govopen_std.load.gcpause import gc_paused
from govopen_std.load.text_guards import MAX_INT_DIGITS, HugeInteger, unicode_line_breaks
from govopen_std.load.yaml_errors import GENERIC_ADVICE, problem_zh, read_error, syntax_diagnostic

Loc = tuple[str | int, ...]

MAX_BYTES = 10 * 1024 * 1024
MAX_NODES = 2_000_000
# Without aliases a file cannot hold more nodes than it has characters; an alias bomb can. The cap scales with
# the file so a bomb in a small file stops after ~100k nodes instead of building millions first.
MIN_NODE_CAP = 100_000
MAX_DEPTH = 64


@dataclass
class SourceFile:
    """A loaded file: its data (None when unreadable) and where each key and value starts."""

    path: Path
    display: str
    data: Any = None
    key_pos: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    value_pos: dict[Loc, tuple[int, int]] = field(default_factory=dict)
    text: str = ""
    loaded: bool = False  # True once the YAML parsed into data (which may still be of the wrong shape)
    digest: str = ""  # BLAKE2b of the file's bytes when it was read through `load.preload` (build manifests)
    # The position index still marshalled, as the parse cache stores it: most files of a valid workspace are
    # never asked for a position, so `positions()` unpacks it on first use only.
    packed_positions: bytes | None = None

    def positions(self) -> tuple[dict[Loc, tuple[int, int]], dict[Loc, tuple[int, int]]]:
        """(key positions, value positions), unpacked on first use."""
        if self.packed_positions is not None:
            self.key_pos, self.value_pos = marshal.loads(self.packed_positions)
            self.packed_positions = None
        return self.key_pos, self.value_pos

    def locate(self, loc: Loc, *, key: bool = False) -> SourceLocation:
        """The position of `loc`, falling back to the nearest enclosing node that has one."""
        self.positions()
        probe = tuple(loc)
        while True:
            table = self.key_pos if key else self.value_pos
            pos = table.get(probe) or self.key_pos.get(probe) or self.value_pos.get(probe)
            if pos is not None:
                return SourceLocation(self.display, pos[0], pos[1])
            if not probe:
                return SourceLocation(self.display, 1, 1)
            probe = probe[:-1]
            key = False


class _Builder:
    """Turns a composed node tree into plain data, recording positions and structural problems."""

    def __init__(self, source: SourceFile, diags: Diagnostics, text_length: int) -> None:
        self.source = source
        self.diags = diags
        self.count = 0
        self.failed = False
        self.max_nodes = min(MAX_NODES, max(MIN_NODE_CAP, text_length))

    def _loc(self, node: Node) -> SourceLocation:
        return SourceLocation(self.source.display, node.start_mark.line + 1, node.start_mark.column + 1)

    def build(self, node: Node, loc: Loc, depth: int = 0) -> Any:
        self.count += 1
        if self.failed:
            return None
        if self.count > self.max_nodes or depth > MAX_DEPTH:
            self.failed = True
            detail = "别名展开后节点过多" if self.count > self.max_nodes else f"嵌套超过 {MAX_DEPTH} 层"
            self.diags.add(Diagnostic.make("Y106", self._loc(node), detail=detail))
            return None
        self.source.value_pos.setdefault(loc, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, MappingNode):
            return self._mapping(node, loc, depth)
        if isinstance(node, SequenceNode):
            return [self.build(child, (*loc, i), depth + 1) for i, child in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        try:
            return _scalar(node)
        except HugeInteger as exc:
            self.failed = True
            self.diags.add(Diagnostic.make("Y114", self._loc(node), digits=exc.digits, limit=MAX_INT_DIGITS))
            return None

    def _mapping(self, node: MappingNode, loc: Loc, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        merged_keys: set[str] = set()
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                merged = self.build(value_node, loc, depth + 1)
                for part in merged if isinstance(merged, list) else [merged]:
                    if isinstance(part, dict):
                        for k, v in part.items():
                            if k not in result:
                                result[k] = v
                                merged_keys.add(k)
                continue
            key = _key_text(key_node)
            line = key_node.start_mark.line + 1
            if key in merged_keys:
                merged_keys.discard(key)  # an explicit key overrides a merged one (YAML merge semantics)
                del result[key]
            if key in result:
                self.diags.add(Diagnostic.make("Y102", self._loc(key_node), key=key, first_line=first_line[key]))
                continue
            first_line[key] = line
            self.source.key_pos[(*loc, key)] = (line, key_node.start_mark.column + 1)
            result[key] = self.build(value_node, (*loc, key), depth + 1)
        return result


def _key_text(node: Node) -> str:
    if isinstance(node, ScalarNode):
        return str(node.value)
    return "<复杂键>"


def _scalar(node: ScalarNode) -> Any:
    return convert_scalar(str(node.tag), node.value)


def _decode(raw: bytes, source: SourceFile, diags: Diagnostics) -> str | None:
    if raw.startswith(b"\xef\xbb\xbf"):
        diags.add(Diagnostic.make("Y109", SourceLocation(source.display, 1, 1)))
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        diags.add(Diagnostic.make("Y104", SourceLocation(source.display, line, col), offset=exc.start))
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _parser() -> YAML:
    return YAML(typ="safe", pure=False)


def load_file(path: Path, display: str, diags: Diagnostics) -> SourceFile:
    """Load one file; problems go to `diags`, and `data` stays None when the file is unusable."""
    source = SourceFile(path=path, display=display)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            diags.add(Diagnostic.make("Y105", SourceLocation(display, 1, 1), size=size, limit=MAX_BYTES))
            return source
        raw = path.read_bytes()
    except OSError as exc:
        diags.add(read_error(exc, display))
        return source
    return load_text_into(source, raw, diags)


def load_text_into(source: SourceFile, raw: bytes, diags: Diagnostics) -> SourceFile:
    """Parse `raw` into `source` (data, positions), reporting problems to `diags`."""
    with gc_paused():  # a file's data and position index are acyclic: see load.gcpause
        return _load_text_into(source, raw, diags)


def _load_text_into(source: SourceFile, raw: bytes, diags: Diagnostics) -> SourceFile:
    text = _decode(raw, source, diags)
    if text is None:
        return source
    source.text = text
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        diags.add(Diagnostic.make("Y107", SourceLocation(source.display, 1, 1)))
        return source
    breaks = unicode_line_breaks(text)  # YAML ends a line there: every later position would be off by a line
    if breaks:
        for line, col, char in breaks:
            diags.add(Diagnostic.make("Y113", SourceLocation(source.display, line, col), char=char))
        return source
    deep = deep_position(text)  # before any C parser: a deep enough file crashes ruamel's C composer
    if deep is not None:
        diags.add(Diagnostic.make("Y106", SourceLocation(source.display, *deep), detail=f"嵌套超过 {MAX_DEPTH} 层"))
        return source
    fast = fast_build(text)
    if fast is not None:
        source.data, source.key_pos, source.value_pos = fast
        source.loaded = True
        return source
    try:
        node = _parser().compose(io.StringIO(text))
    except YAMLError as exc:
        diags.add(syntax_diagnostic(exc, source.display, text))
        return source
    except (ValueError, RecursionError) as exc:
        diags.add(Diagnostic.make("Y101", SourceLocation(source.display, 1, 1), detail=problem_zh(str(exc)[:200]),
                                  detail_en=str(exc)[:200], advice=GENERIC_ADVICE[0], advice_en=GENERIC_ADVICE[1]))
        return source
    if node is None:
        diags.add(Diagnostic.make("Y107", SourceLocation(source.display, 1, 1)))
        return source
    try:
        builder = _Builder(source, diags, len(text))
        source.data = builder.build(node, ())
        source.loaded = not builder.failed
        if builder.failed:
            source.data = None
    except RecursionError:
        diags.add(Diagnostic.make("Y106", SourceLocation(source.display, 1, 1), detail="嵌套过深"))
        source.data = None
    return source
