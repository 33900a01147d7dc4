"""No characters that a document cannot hold: every string of every file is text that XML 1.0 accepts.

YAML rejects such characters written raw, but a double-quoted escape brings them in (`"\\x01"`, `"\\uFFFE"`,
a lone surrogate `"\\ud800"`). DOCX and XLSX are XML packages: one of these characters in a text would make
the build fail, or Word and Excel refuse the file, so `check` reports it at the value instead.

FAIL (Y110)::

    name: "征收土地\\uFFFE预公告"

Invisible format characters are reported too (Y112), written raw or escaped: bidirectional controls (U+202A–U+202E,
U+2066–U+2069, U+200E, U+200F), which make a text display in an order other than the one stored (a "Trojan
source" name), zero-width characters (U+200B–U+200D, U+2060–U+2064), a soft hyphen (U+00AD) and a byte-order mark
inside the text (U+FEFF). Two names that look identical but differ in such a character are different names.

FAIL (Y112)::

    name: "征收土地\\u202e告公预"
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from govopen_std.check.context import CheckContext
from govopen_std.diagnostics import Diagnostic
from govopen_std.load.yaml_source import Loc, SourceFile

ID = "characters"
NOT_XML = re.compile("[^\x09\x0a\x0d\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for source in ctx.sources.files:
        # Only an escape can bring a non-XML character in, and an invisible one is raw or escaped: files without a
        # backslash or a raw invisible character need no walk.
        if source.data is None or (source.text and "\\" not in source.text and not INVISIBLE.search(source.text)):
            continue
        yield from _check_file(source)


def _check_file(source: SourceFile) -> Iterator[Diagnostic]:
    for loc, text, is_key in _texts(source.data, ()):
        found = NOT_XML.search(text)
        if found:
            where = source.locate(loc, key=is_key)
            yield Diagnostic.make("Y110", where, char=f"U+{ord(found.group(0)):04X}")
        elif invisible := INVISIBLE.search(text):
            bidi = bool(_BIDI.match(invisible.group(0)))
            yield Diagnostic.make("Y112", source.locate(loc, key=is_key), char=f"U+{ord(invisible.group(0)):04X}",
                                  kind="双向文本控制符" if bidi else "零宽或不可见字符",
                                  kind_en="a bidirectional control" if bidi else "a zero-width or invisible character")


def _texts(data: Any, loc: Loc) -> Iterator[tuple[Loc, str, bool]]:
    if isinstance(data, str):
        yield loc, data, False
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str):
                yield (*loc, key), key, True
            yield from _texts(value, (*loc, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _texts(value, (*loc, i))
