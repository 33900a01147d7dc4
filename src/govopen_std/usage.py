"""Usage errors (exit 2), treated the same way in every command: options that name no output or no county.

An unknown `--format` or a `--county` that cannot be a county code is refused before any source is read
(`check_build_options`, `check_county_code`, `check_formats` raise, like a missing workspace), by `build`,
`serve`, `export`, `import`, `diff` and `init` alike. A well-formed code without a profile can only be told
after loading; it stays a diagnostic (E904, or I819 for `import`) in the result, and `exit_code` turns it
into exit 2 rather than the exit 1 of problems in the sources. The message names the invalid value once;
no hint repeats it as something to type.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from govopen_std.diagnostics import Diagnostic, Diagnostics, ExitCode, GovOpenError, Severity

# Diagnostics that mean "the command asked for something that is not there", not "the sources are wrong".
USAGE_CODES = frozenset({"E904", "E905", "O524", "I819"})
COUNTY_CODE = re.compile(r"[0-9]{6}")


def check_build_options(formats: Iterable[str] | None, counties: Iterable[str] | None) -> None:
    """Raise E905 for a format no renderer has, O524 for a county code that is not six digits."""
    from govopen_std.render.base import RENDERERS

    check_formats(formats, RENDERERS)
    for code in counties or ():
        check_county_code(code)


def check_county_code(code: str | None) -> None:
    """Raise O524 for a `--county` value that is not six digits (`../../x`, `3301`); None means "not given"."""
    if code is not None and not COUNTY_CODE.fullmatch(code):
        raise GovOpenError("O524", county=code)


def check_formats(formats: Iterable[str] | None, valid: Iterable[str]) -> None:
    """Raise E905 for the first `--format` value that is not one of `valid`."""
    known = list(valid)
    for name in formats or ():
        if name not in known:
            raise GovOpenError("E905", fmt=name, valid="、".join(known), valid_en=", ".join(known))


def is_usage_error(diags: Diagnostics) -> bool:
    """True when the errors are all usage errors (nothing wrong with the sources)."""
    errors = [d for d in diags.items if d.severity >= Severity.ERROR]
    return bool(errors) and all(d.code in USAGE_CODES for d in errors)


# Problems of the environment, not of the sources (exit 2, like a usage error): a folder in the way of an output
# (B630), another build on the output folder (B631), an I/O failure (E923), an --out that cannot be one (E920
# without a location; in govopen.yaml it has one and is a finding of the sources).
ENVIRONMENT_CODES = frozenset({"B630", "B631", "E923"})


def _environment(diag: Diagnostic) -> bool:
    return diag.code in ENVIRONMENT_CODES or (diag.code == "E920" and diag.location is None)


def exit_code(diags: Diagnostics) -> ExitCode:
    if not diags.has_errors:
        return ExitCode.OK
    errors = [d for d in diags.items if d.severity >= Severity.ERROR]
    if is_usage_error(diags) or all(d.code in USAGE_CODES or _environment(d) for d in errors):
        return ExitCode.USAGE
    return ExitCode.FINDINGS
