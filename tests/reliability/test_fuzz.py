"""Fuzzing `check`: mutate valid sources (delete, duplicate or retype a key, cut the file, insert random bytes)
and assert that `check` never raises and locates every finding inside the file it names.

Most examples run in-process through `govopen_std.pipeline.check_workspace` (fast); a few go through the
CLI as a real process (exit code 0 or 1, no traceback, parseable JSON), and a few valid-but-exotic texts go
through the whole build. Set GOVOPEN_FUZZ_EXAMPLES / GOVOPEN_FUZZ_BUILD_EXAMPLES to run more examples locally.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from reliability_helpers import COUNTY_PROFILE, COUNTY_TARGET, county_workspace, run_govopen

from conftest import MINI
from govopen_std.diagnostics import Diagnostic, Severity
from govopen_std.pipeline import check_workspace

EXAMPLES = int(os.environ.get("GOVOPEN_FUZZ_EXAMPLES", "200"))
CACHE_SWITCH = "GOVOPEN_CACHE"
CLI_EXAMPLES = 8
BUILD_EXAMPLES = int(os.environ.get("GOVOPEN_FUZZ_BUILD_EXAMPLES", "8"))

KEY_LINE = re.compile(r"^(?P<indent> *)(?P<dash>- +)?(?P<key>[^\s#:\-][^:#]*?|\"[^\"]*\"):(?:\s|$)")
# Values of every YAML type (and a few tricky forms) that a retyped key gets instead of its own.
RETYPED_VALUES = [
    "null", "~", "true", "no", "0", "-1", "1e400", "0x1F", "3.14", ".nan", '""', '"文本"', "'单引号'",
    "[]", "{}", "[a, [b, {c: d}]]", "{a: 1, b: [2]}", "2018-02-30", "2018-04-30", "12:30:00",
    "&anchor 值", "*anchor", "!!binary aGVsbG8=", "!custom 值", "!!str 1", "!!int x", "!!python/object:os.system x",
    "|\n  多行\n  文本", ">-\n  折叠", "- 列表\n- 项", "? 复杂键\n: 值", "<<: {a: 1}", "${VAR}", "{{ jinja }}",
    "../../etc/passwd", "ＺＤＢＣ－０１－０１", "\t制表符", "'未闭合", "[未闭合", "值 # 注释",
]


@contextmanager
def fuzz_workspace() -> Iterator[Path]:
    """A throwaway workspace (mini + a county profile), with the parse cache off: the fuzzing is of the parser
    and the rules, and thousands of mutated files must not fill the user's cache."""
    previous = os.environ.get(CACHE_SWITCH)
    os.environ[CACHE_SWITCH] = "off"
    try:
        with tempfile.TemporaryDirectory(prefix="govopen-fuzz-") as tmp:
            yield county_workspace(Path(tmp) / "ws")
    finally:
        if previous is None:
            os.environ.pop(CACHE_SWITCH, None)
        else:
            os.environ[CACHE_SWITCH] = previous


ORIGINAL = {p.relative_to(MINI).as_posix(): p.read_bytes() for p in MINI.rglob("*.yaml")}
ORIGINAL[COUNTY_TARGET] = COUNTY_PROFILE.read_bytes()
FILES = sorted(ORIGINAL)


# --- mutations ------------------------------------------------------------------------------------

def _key_lines(lines: list[str]) -> list[int]:
    return [i for i, line in enumerate(lines) if KEY_LINE.match(line)]


def _block_end(lines: list[str], start: int) -> int:
    """The end (exclusive) of the key at `start` with every more-indented line below it."""
    match = KEY_LINE.match(lines[start])
    assert match is not None
    column = len(match.group("indent")) + len(match.group("dash") or "")
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip(" ")) > column):
        end += 1
    return end


def delete_key(text: str, pick: int) -> str:
    lines = text.split("\n")
    keys = _key_lines(lines)
    if not keys:
        return text
    start = keys[pick % len(keys)]
    end = _block_end(lines, start)
    match = KEY_LINE.match(lines[start])
    assert match is not None
    if match.group("dash") and end < len(lines):
        # keep the list item's dash: the next sibling key takes its place (or the item becomes empty)
        return "\n".join([*lines[:start], match.group("indent") + match.group("dash") + "{}", *lines[end:]])
    return "\n".join(lines[:start] + lines[end:])


def duplicate_key(text: str, pick: int) -> str:
    lines = text.split("\n")
    keys = _key_lines(lines)
    if not keys:
        return text
    start = keys[pick % len(keys)]
    end = _block_end(lines, start)
    block = lines[start:end]
    match = KEY_LINE.match(block[0])
    assert match is not None
    if match.group("dash"):  # the copy is a second key of the same item, not a new item
        block[0] = block[0].replace("-", " ", 1)
    return "\n".join(lines[:end] + block + lines[end:])


def retype_key(text: str, pick: int, value: str) -> str:
    lines = text.split("\n")
    keys = _key_lines(lines)
    if not keys:
        return text
    start = keys[pick % len(keys)]
    end = _block_end(lines, start)
    match = KEY_LINE.match(lines[start])
    assert match is not None
    column = len(match.group("indent")) + len(match.group("dash") or "") + 2
    head, *rest = value.split("\n")
    nested = [" " * column + part for part in rest]
    return "\n".join([*lines[:start], f"{match.group(0).rstrip()} {head}", *nested, *lines[end:]])


def cut(raw: bytes, at: int) -> bytes:
    return raw[: at % (len(raw) + 1)]


def insert_bytes(raw: bytes, at: int, junk: bytes) -> bytes:
    at %= len(raw) + 1
    return raw[:at] + junk + raw[at:]


@dataclass(frozen=True)
class Mutation:
    target: str
    kind: str
    data: bytes

    def __repr__(self) -> str:  # what hypothesis prints for a failing example
        return f"Mutation({self.target!r}, {self.kind!r}, {self.data[:2000]!r})"


@st.composite
def mutations(draw: st.DrawFn) -> Mutation:
    target = draw(st.sampled_from(FILES))
    raw = ORIGINAL[target]
    kinds = draw(st.lists(st.sampled_from(["delete", "duplicate", "retype", "cut", "insert"]), min_size=1, max_size=3))
    for kind in kinds:
        pick = draw(st.integers(min_value=0, max_value=10_000))
        if kind in ("cut", "insert"):
            raw = cut(raw, pick) if kind == "cut" else insert_bytes(raw, pick, draw(st.binary(min_size=1, max_size=12)))
            continue
        text = raw.decode("utf-8", "surrogateescape")
        if kind == "delete":
            text = delete_key(text, pick)
        elif kind == "duplicate":
            text = duplicate_key(text, pick)
        else:
            text = retype_key(text, pick, draw(st.sampled_from(RETYPED_VALUES)))
        raw = text.encode("utf-8", "surrogateescape")
    return Mutation(target, "+".join(kinds), raw)


# --- what a finding's position must satisfy -------------------------------------------------------

def line_count(raw: bytes) -> int:
    """Lines as an editor counts them (LF, CRLF or CR; a BOM is not a line)."""
    text = raw.decode("utf-8", "replace")
    return len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def misplaced(diag: Diagnostic, workspace: Path) -> str | None:
    """Why `diag` is not located inside the file it names (None when it is)."""
    loc = diag.location
    if loc is None:
        return "an error without a location" if diag.severity >= Severity.ERROR else None
    path = workspace / loc.path
    if not path.is_file():
        # the one finding that cannot point inside its file: a required file that is missing (Y108, no line)
        missing = diag.code == "Y108" and not loc.line and not path.exists()
        return None if missing else f"names {loc.path!r}, which is not a file of the workspace"
    if diag.severity >= Severity.ERROR and loc.line < 1:
        return "an error without a line"
    if loc.line:
        lines = line_count(path.read_bytes())
        if not 1 <= loc.line <= lines + 1:
            return f"line {loc.line} outside 1..{lines + 1}"
        if loc.col < 1:
            return f"column {loc.col} < 1"
    return None


def assert_located(diags: list[Diagnostic], workspace: Path) -> None:
    problems = [(str(d.location), d.code, why) for d in diags if (why := misplaced(d, workspace))]
    assert not problems, problems


@contextmanager
def mutated(workspace: Path, mutation: Mutation) -> Iterator[None]:
    path = workspace / mutation.target
    path.write_bytes(mutation.data)
    try:
        yield
    finally:
        path.write_bytes(ORIGINAL[mutation.target])


# --- the tests ------------------------------------------------------------------------------------

def test_unmutated_workspace_is_clean() -> None:
    """The fuzzing starts from valid sources (so the findings come from the mutations)."""
    with fuzz_workspace() as workspace:
        result = check_workspace(workspace)
        assert not result.diagnostics.has_errors, [str(d.location) + " " + d.code for d in result.diagnostics.items]
        assert COUNTY_TARGET in FILES


def test_mutations_change_the_sources() -> None:
    """Each kind of mutation really changes a file (a no-op mutator would make the fuzzing vacuous)."""
    text = ORIGINAL["standards/domains/zdbc/zdbc-01.yaml"].decode("utf-8")
    assert delete_key(text, 3) != text
    assert duplicate_key(text, 3).count("\n") > text.count("\n")
    assert "[]" in retype_key(text, 3, "[]")
    with fuzz_workspace() as workspace:
        mutation = Mutation("standards/domains/zdbc/zdbc-01.yaml", "duplicate", duplicate_key(text, 3).encode())
        with mutated(workspace, mutation):
            codes = {d.code for d in check_workspace(workspace).diagnostics.items}
        assert "Y102" in codes


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutation=mutations())
def test_check_never_raises_and_locates_findings(mutation: Mutation) -> None:
    with fuzz_workspace() as workspace, mutated(workspace, mutation):
        result = check_workspace(workspace)
        assert_located(result.diagnostics.items, workspace)


@settings(max_examples=CLI_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutation=mutations())
def test_cli_check_never_crashes(mutation: Mutation) -> None:
    with fuzz_workspace() as workspace, mutated(workspace, mutation):
        # through the parse cache this time (in its own folder), as users run it
        proc = run_govopen("check", "-w", str(workspace), "--format", "json", "--fail-on", "error", cwd=workspace,
                           GOVOPEN_CACHE="on", GOVOPEN_CACHE_DIR=str(workspace.parent / "cache"))
        assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr
        assert proc.returncode in (0, 1), proc.stderr
        report = json.loads(proc.stdout)
        assert (proc.returncode == 1) == any(d["severity"] == "error" for d in report["diagnostics"])
        for record in report["diagnostics"]:
            assert record["path"] is not None, record
            target = workspace / record["path"]
            if not target.is_file():
                # a file the (mutated) configuration names but that is not there, e.g. `standards_dir: s`: a
                # file-level diagnostic (Y108), which has no line to point at
                assert record["code"] == "Y108" and record["line"] is None, record
                continue
            lines = line_count(target.read_bytes())
            assert 1 <= record["line"] <= lines + 1 and record["col"] >= 1, record


# --- exotic but valid text through the whole build ------------------------------------------------

TEXT_FIELDS = {  # (file, the line's text before the value) for scalar texts that end up in every output
    "item name": ("standards/domains/zdbc/zdbc-01.yaml", "    name: 征收土地预公告"),
    "content element": ("standards/domains/zdbc/zdbc-01.yaml", "      - 征收范围"),
    "clause text": ("standards/domains/zdbc/zdbc-01.yaml", "      - 县级以上地方人民政府应当"),
    "local body": (COUNTY_TARGET, "  县级人民政府: 杭州市拱墅区人民政府"),
    "county name": (COUNTY_TARGET, "  name: 杭州市拱墅区"),
}
XML_PARTS = (".xml", ".rels")


def _with_text(raw: bytes, prefix: str, value: str) -> bytes:
    """The line starting with `prefix`, its value replaced by `value` as a YAML double-quoted (JSON) string."""
    lines = raw.decode("utf-8").split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(prefix))
    head = lines[index][: lines[index].index(":") + 1] if ": " in lines[index] else lines[index][: lines[index].index("-") + 1]
    lines[index] = f"{head} {json.dumps(value, ensure_ascii=True)}"
    return "\n".join(lines).encode("utf-8")


def _assert_packages_parse(out: Path) -> None:
    """Every XML part of every DOCX/XLSX is well-formed (Word and Excel refuse a file with one bad part)."""
    import xml.dom.minidom
    import zipfile

    for package in [*out.rglob("*.docx"), *out.rglob("*.xlsx")]:
        with zipfile.ZipFile(package) as archive:
            for name in archive.namelist():
                if name.endswith(XML_PARTS):
                    xml.dom.minidom.parseString(archive.read(name))


@settings(max_examples=BUILD_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(field=st.sampled_from(sorted(TEXT_FIELDS)),
       value=st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=40))
def test_build_survives_any_valid_text(field: str, value: str) -> None:
    """Any text a YAML string can hold (control characters, U+FFFE, RTL marks, markup, emoji …) either is a
    located finding or builds: no exception, and every DOCX/XLSX part stays well-formed XML."""
    from govopen_std.build import BuildOptions, run

    target, prefix = TEXT_FIELDS[field]
    with fuzz_workspace() as workspace:
        mutation = Mutation(target, field, _with_text(ORIGINAL[target], prefix, value))
        with mutated(workspace, mutation):
            result = run(BuildOptions(workspace=workspace, out_dir=workspace.parent / "out", jobs=1))
            assert_located(result.check.diagnostics.items, workspace)
            if not result.check.diagnostics.has_errors:
                assert result.ok, [(d.code, d.message("en")) for d in result.diagnostics.items if d.code.startswith("B")]
                _assert_packages_parse(workspace.parent / "out")
