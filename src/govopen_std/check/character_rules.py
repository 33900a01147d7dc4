"""No characters that a document cannot hold: every string of every file is text that XML 1.0 accepts.

YAML rejects such characters written raw, but a double-quoted escape brings them in (`"\\x01"`, `"\\uFFFE"`,
a lone surrogate `"\\ud800"`). DOCX and XLSX are XML packages: one of these characters in a text would make
the build fail, or Word and Excel refuse the file, so `check` reports it at the value instead.

FAIL (Y110)::

    name: "征收土地\\uFFFE预公告"
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


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    for source in ctx.sources.files:
        # Only an escape can bring such a character in; files without a backslash need no walk.
        if source.data is None or (source.text and "\\" not in source.text):
            continue
        yield from _check_file(source)


def _check_file(source: SourceFile) -> Iterator[Diagnostic]:
    for loc, text, is_key in _texts(source.data, ()):
        found = NOT_XML.search(text)
        if found:
            where = source.locate(loc, key=is_key)
            yield Diagnostic.make("Y110", where, char=f"U+{ord(found.group(0)):04X}")


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
