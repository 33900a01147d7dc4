"""The fast path of the loader: libyaml events straight into plain data plus the position index.

`yaml_source.load_text_into` first tries `fast_build`, which pulls events from a C parser and builds
dicts, lists and scalars with their 1-based positions in one pass, with no node objects and no
per-scalar trip through ruamel's Python resolver (which dominates the composing path: most of its
time goes into looking up the YAML version for every scalar). Plain scalars are resolved with
ruamel's own YAML 1.2 resolvers, so `yes`, `on`, `012`, dates … come out exactly as on the
composing path.

The events come from PyYAML's libyaml binding when it is installed with libyaml (its events cost
about a third less to make than those of ruamel's binding); otherwise from ruamel's
(`ruamel.yaml.clib`). PyYAML's libyaml (0.2.x) accepts a few plain scalars in flow collections that
ruamel's (0.1.x) rejects (`[a:b]`, `[a?b]`, `[!,]`): such a scalar, and any explicit tag, sends the file
to the composing path, so the parser that reports syntax errors still decides whether a file is valid.

It handles the documents our sources are made of: one document of mappings, sequences and scalars.
Anything else returns None and the file goes through the composing path unchanged: anchors and
aliases, merge keys, explicit tags, complex keys, duplicate keys, version or tag directives, nesting
or size over the limits, and every syntax error. So the fast path never decides a diagnostic: files
that need one take the path that has always produced it, and files that don't give the same data
and the same positions either way (tests/benchmarks/test_fast_loader.py compares both on every file
of the shipped standards and the bad-input corpus, and both event sources with each other).
"""

from __future__ import annotations

from typing import Any

from govopen_std.load.text_guards import check_integer

Loc = tuple[str | int, ...]
Positions = dict[Loc, tuple[int, int]]

# The same limits as the composing path (yaml_source.MAX_NODES / MAX_DEPTH); reaching them means "fall back",
# so the composing path reports Y106 exactly as before.
FAST_MAX_NODES = 2_000_000
FAST_MAX_DEPTH = 64

_BOOL = {"true": True, "false": False, "True": True, "False": False, "TRUE": True, "FALSE": False}
_MERGE = "tag:yaml.org,2002:merge"

try:  # the C extension; without it every file takes the composing path
    from _ruamel_yaml import CParser  # type: ignore[import-not-found]
    from ruamel.yaml.events import (
        DocumentEndEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
        StreamStartEvent,
    )
except ImportError:  # pragma: no cover - ruamel.yaml.clib is a dependency
    CParser = None

try:  # PyYAML's libyaml binding: the faster event source, used when PyYAML was built with libyaml
    import yaml as _pyyaml
    from yaml import events as _ev

    PyCParser: Any = _pyyaml.CSafeLoader if _pyyaml.__with_libyaml__ else None
except ImportError:  # pragma: no cover - PyYAML is a dependency; without it ruamel's events serve
    PyCParser = None


def convert_scalar(tag: str, value: str) -> Any:
    """A scalar's value from its resolved tag (shared by the composing path and the fast path)."""
    if tag.endswith(":null"):
        return None
    if tag.endswith(":bool"):
        return _BOOL.get(value, bool(value))
    if tag.endswith(":int"):
        check_integer(value)  # HugeInteger: the composing path reports it (Y114) at the scalar
        try:
            return int(value.replace("_", ""), 0)
        except ValueError:
            return value
    if tag.endswith(":float"):
        try:
            return float(value.replace("_", ""))
        except ValueError:
            return value
    # Timestamps and everything else stay text: pydantic parses dates and reports bad ones itself.
    return str(value)


def _yaml12_resolvers() -> dict[str, list[tuple[str, Any]]]:
    """ruamel's own YAML 1.2 implicit resolvers, by first character, so plain scalars resolve exactly alike."""
    from ruamel.yaml.resolver import implicit_resolvers

    table: dict[str, list[tuple[str, Any]]] = {}  # first character -> (tag, compiled pattern)
    for versions, tag, regexp, first in implicit_resolvers:
        if (1, 2) in versions:
            for ch in first:
                table.setdefault(ch, []).append((tag, regexp))
    return table


_RESOLVERS = _yaml12_resolvers() if CParser is not None or PyCParser is not None else {}


class _Fallback(Exception):
    """The document needs the composing path."""


def _tagged(event: Any) -> bool:
    """An anchor or an explicit tag (other than the non-specific "!"): the composing path's business."""
    return event.anchor is not None or (event.ctag is not None and str(event.ctag) != "!")


# Plain scalars already resolved -> their value. The same few recur in every file (`false`, article
# numbers: ~90% of the calls on the throughput corpus), and every value made here is immutable (None, bool,
# int, float, str), so handing out one object for all of them is safe. Bounded: cleared when full.
_PLAIN_SEEN: dict[str, Any] = {}
_PLAIN_SEEN_MAX = 65_536


def _plain(value: str) -> Any:
    """A plain scalar resolved like ruamel's YAML 1.2 resolver does it."""
    seen = _PLAIN_SEEN.get(value, _PLAIN_SEEN)  # the dict itself: a sentinel no scalar can be
    if seen is not _PLAIN_SEEN:
        return seen
    resolved = _resolve_plain(value)
    if len(_PLAIN_SEEN) >= _PLAIN_SEEN_MAX:
        _PLAIN_SEEN.clear()
    _PLAIN_SEEN[value] = resolved
    return resolved


def _resolve_plain(value: str) -> Any:
    for tag, regexp in _RESOLVERS.get(value[:1], ()):
        if regexp.match(value):
            if tag == _MERGE:
                raise _Fallback  # never remembered: raised before `_plain` stores anything
            return convert_scalar(str(tag), value)
    return value


def _document(get: Any) -> tuple[Any, Positions, Positions]:
    """Build the one document of the stream; raises _Fallback for anything the fast path does not handle."""
    if type(get()) is not StreamStartEvent:
        raise _Fallback
    start = get()
    if type(start) is not DocumentStartEvent or start.version is not None or start.tags:
        raise _Fallback
    key_pos: Positions = {}
    value_pos: Positions = {}
    resolvers = _RESOLVERS
    # The innermost open container, its loc, and the key waiting for its value (None in a sequence, or
    # when the next scalar of a mapping is a key); outer ones wait on `stack`.
    stack: list[tuple[Any, Loc, Any]] = []
    container: Any = None
    where: Loc = ()
    pending: Any = None
    root: Any = None
    count = 0
    while True:
        event = get()
        kind = type(event)
        if kind is MappingEndEvent or kind is SequenceEndEvent:
            container, where, pending = stack.pop()
            continue
        if container is None:
            if kind is DocumentEndEvent:
                break
            loc: Loc = ()
        elif type(container) is dict:
            if pending is None:
                if kind is not ScalarEvent or event.anchor is not None or event.ctag is not None:
                    raise _Fallback  # a complex key, or an anchor or tag on a key
                pending = event.value
                if pending in container or pending == "<<":
                    raise _Fallback  # a duplicate key (Y102) or a merge key: the composing path handles both
                mark = event.start_mark
                key_pos[(*where, pending)] = (mark.line + 1, mark.column + 1)
                continue
            loc = (*where, pending)
        else:
            loc = (*where, len(container))
        count += 1
        mark = event.start_mark
        value_pos[loc] = (mark.line + 1, mark.column + 1)
        if kind is ScalarEvent:
            if (event.anchor is not None or event.ctag is not None) and _tagged(event):
                raise _Fallback
            value: Any = event.value
            if event.implicit[0] and value[:1] in resolvers:
                value = _plain(value)
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if _tagged(event) or count >= FAST_MAX_NODES or len(stack) >= FAST_MAX_DEPTH:
                raise _Fallback
            value = {} if kind is MappingStartEvent else []
        else:
            raise _Fallback  # an alias, or an event out of place
        if container is None:
            root = value
        elif pending is not None:
            container[pending] = value
            pending = None
        else:
            container.append(value)
        if type(value) is dict or type(value) is list:
            stack.append((container, where, pending))
            container, where, pending = value, loc, None
    if type(get()) is not StreamEndEvent:
        raise _Fallback  # a second document is an error the composing path reports
    return root, key_pos, value_pos


def _node_limit(text: str) -> int:
    """The composing path's node cap for this text (yaml_source: min(MAX_NODES, max(MIN_NODE_CAP, len)))."""
    return min(FAST_MAX_NODES, max(100_000, len(text)))


def _py_document(get: Any, limit: int) -> tuple[Any, Positions, Positions]:
    """`_document` for PyYAML's events (`tag` where ruamel has `ctag`), ordered for the common case: a
    scalar. Raises _Fallback for anything the fast path does not handle, for a plain scalar with `:` or `?`
    inside a flow collection and for any tag (even "!"): there PyYAML's newer libyaml accepts what ruamel's rejects."""
    if type(get()) is not _ev.StreamStartEvent:
        raise _Fallback
    start = get()
    if type(start) is not _ev.DocumentStartEvent or start.version is not None or start.tags:
        raise _Fallback
    scalar, map_start, seq_start = _ev.ScalarEvent, _ev.MappingStartEvent, _ev.SequenceStartEvent
    map_end, seq_end, doc_end = _ev.MappingEndEvent, _ev.SequenceEndEvent, _ev.DocumentEndEvent
    key_pos: Positions = {}
    value_pos: Positions = {}
    resolvers = _RESOLVERS
    # As in `_document`, plus `flow`: whether the open container is (inside) a flow collection.
    stack: list[tuple[Any, Loc, Any, bool]] = []
    container: Any = None
    where: Loc = ()
    pending: Any = None
    root: Any = None
    flow = False
    while True:
        event = get()
        kind = type(event)
        if kind is scalar:
            value: Any = event.value
            if flow and not event.style and (":" in value or "?" in value):
                raise _Fallback  # libyaml 0.1 (ruamel's) rejects it: let that parser decide
            if pending is None and type(container) is dict:
                if event.anchor is not None or event.tag is not None:
                    raise _Fallback  # an anchor or tag on a key
                if value in container or value == "<<":
                    raise _Fallback  # a duplicate key (Y102) or a merge key: the composing path handles both
                mark = event.start_mark
                key_pos[(*where, value)] = (mark.line + 1, mark.column + 1)
                pending = value
                continue
            if event.anchor is not None or event.tag is not None:
                raise _Fallback  # any tag, even "!": the two libyamls scan tags next to flow indicators differently
            if event.implicit[0] and value[:1] in resolvers:
                value = _plain(value)
            mark = event.start_mark
            if container is None:
                value_pos[()] = (mark.line + 1, mark.column + 1)
                root = value
            elif pending is not None:
                value_pos[(*where, pending)] = (mark.line + 1, mark.column + 1)
                container[pending] = value
                pending = None
            else:
                value_pos[(*where, len(container))] = (mark.line + 1, mark.column + 1)
                container.append(value)
            continue
        if kind is map_end or kind is seq_end:
            container, where, pending, flow = stack.pop()
            continue
        if kind is map_start or kind is seq_start:
            if event.anchor is not None or event.tag is not None or len(value_pos) >= limit or len(stack) >= FAST_MAX_DEPTH:
                raise _Fallback
            loc: Loc = () if container is None else (*where, pending) if pending is not None else (*where, len(container))
            mark = event.start_mark
            value_pos[loc] = (mark.line + 1, mark.column + 1)
            value = {} if kind is map_start else []
            if container is None:
                root = value
            elif pending is not None:
                container[pending] = value
            else:
                container.append(value)
            stack.append((container, where, None, flow))
            container, where, pending, flow = value, loc, None, flow or bool(event.flow_style)
            continue
        if kind is doc_end and container is None:
            break
        raise _Fallback  # an alias, or an event out of place
    if type(get()) is not _ev.StreamEndEvent or len(value_pos) > limit:
        raise _Fallback  # a second document is an error the composing path reports; so is a node count over the cap
    return root, key_pos, value_pos


def _pyyaml_build(text: str) -> tuple[Any, Positions, Positions] | None:
    parser = PyCParser(text)
    try:
        return _py_document(parser.get_event, _node_limit(text))
    except Exception:  # _Fallback, and any YAML error: the composing path reports it exactly as it always has
        return None
    finally:
        parser.dispose()


def ruamel_build(text: str) -> tuple[Any, Positions, Positions] | None:
    """The fast path on ruamel's events (used when PyYAML has no libyaml; tests compare both sources)."""
    if CParser is None:
        return None
    try:
        return _document(CParser(text).get_event)
    except Exception:  # _Fallback, and any YAML error: the composing path reports it exactly as it always has
        return None


def fast_build(text: str) -> tuple[Any, Positions, Positions] | None:
    """(data, key positions, value positions) of a plain one-document file, or None: use the composing path."""
    if PyCParser is not None:
        return _pyyaml_build(text)
    return ruamel_build(text)
