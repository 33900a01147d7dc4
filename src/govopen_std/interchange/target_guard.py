"""The file an import writes into must itself be readable YAML before its round-trip copy is loaded.

`govopen import` rewrites an existing standard text or county profile with ruamel's round-trip loader, whose pure
Python composer recurses once per nesting level (a hostile file deep enough raised RecursionError, an E903 "bug")
and which would stop on any syntax error without a position. So the file is first read the way `check` reads it
(`load.yaml_source.load_file`, with its depth pre-scan): if that fails, its located errors are reported with an
I853 and nothing is written into it.
"""

from __future__ import annotations

from pathlib import Path

from govopen_std.diagnostics import Diagnostic, Diagnostics, Severity, SourceLocation
from govopen_std.load.yaml_source import load_file


def unreadable_target(path: Path, display: str, diags: Diagnostics) -> bool:
    """True (with the file's errors and an I853 in `diags`) when `path` exists but is not a readable YAML file."""
    if not path.is_file():
        return False
    found = Diagnostics()
    source = load_file(path, display, found)
    if source.loaded and not found.has_errors:
        return False
    diags.extend([d for d in found.sorted() if d.severity >= Severity.ERROR])
    diags.add(Diagnostic.make("I853", SourceLocation(display), path=display))
    return True
