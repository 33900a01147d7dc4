"""A small mutation tester: one change to the code at a time, then the tests that exercise it.

    python tests/mutation/mutants.py src/govopen_std/evaluate/calendar.py src/govopen_std/evaluate/scorer.py \\
        --tests tests/evaluate [--only LINE,...] [--list]

Each mutant is written into a private copy of `src/` (the work tree is never touched) and the tests run with
that copy first on PYTHONPATH (`pytest -x`, in-process tests; tests that start a separate `govopen` process run
the unmutated tree and simply cannot kill). A mutant survives when every test passes. Operators: comparison
(< ↔ <=, > ↔ >=, == ↔ !=, in ↔ not in, is ↔ is not), arithmetic (+ ↔ -, * → /, // → /), integer constants
(n → n + 1, and 1 → 0), True ↔ False, and ↔ or, `not x` → x, min ↔ max, and string constants that are not
docstrings (s → "XX" + s). Prints one line per mutant and the score; exit code 1 when any mutant survived.
"""

from __future__ import annotations

import argparse
import ast
import copy
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SWAP_CMP: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
    ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}
SWAP_BIN: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.FloorDiv: ast.Div}


@dataclass(frozen=True)
class Mutant:
    index: int       # the n-th mutable spot of the module in ast.walk order
    line: int
    what: str


def _docstrings(tree: ast.Module) -> set[int]:
    ids = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def _annotations(tree: ast.Module) -> set[int]:
    """Constants inside type annotations (Literal[...]): mutating them changes nothing at run time."""
    ids = set()
    for node in ast.walk(tree):
        notes = []
        if isinstance(node, ast.AnnAssign):
            notes.append(node.annotation)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            notes += [a.annotation for a in (*node.args.args, *node.args.kwonlyargs) if a.annotation]
            notes += [node.returns] if node.returns else []
        for note in notes:
            ids |= {id(n) for n in ast.walk(note)}
    return ids


def _spots(tree: ast.Module) -> Iterator[tuple[ast.AST, str]]:
    """Every (node, description) this tester can mutate, in a stable order."""
    skip = _docstrings(tree) | _annotations(tree)
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                if type(op) in SWAP_CMP:
                    yield node, f"cmp{i}:{type(op).__name__}->{SWAP_CMP[type(op)].__name__}"
        elif isinstance(node, ast.BinOp) and type(node.op) in SWAP_BIN:
            yield node, f"binop:{type(node.op).__name__}->{SWAP_BIN[type(node.op)].__name__}"
        elif isinstance(node, ast.BoolOp):
            yield node, f"boolop:{type(node.op).__name__}"
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            yield node, "not:removed"
        elif isinstance(node, ast.Constant) and type(node.value) is bool:
            yield node, f"const:{node.value}->{not node.value}"
        elif isinstance(node, ast.Constant) and type(node.value) is int:
            yield node, f"const:{node.value}->{node.value + 1}"
            if node.value == 1:
                yield node, "const:1->0"
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value:
            yield node, f"const:{node.value[:20]!r}->'XX…'"
        elif isinstance(node, ast.Name) and node.id in ("min", "max"):
            yield node, f"name:{node.id}->{'max' if node.id == 'min' else 'min'}"


def _apply(node: ast.AST, what: str) -> None:
    kind, _, change = what.partition(":")
    if kind.startswith("cmp") and isinstance(node, ast.Compare):
        i = int(kind[3:])
        node.ops[i] = SWAP_CMP[type(node.ops[i])]()
    elif kind == "binop" and isinstance(node, ast.BinOp):
        node.op = SWAP_BIN[type(node.op)]()
    elif kind == "boolop" and isinstance(node, ast.BoolOp):
        node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
    elif kind == "name" and isinstance(node, ast.Name):
        node.id = "max" if node.id == "min" else "min"
    elif kind == "const" and isinstance(node, ast.Constant):
        value = node.value
        if type(value) is bool:
            node.value = not value
        elif type(value) is int:
            node.value = 0 if change == "1->0" else value + 1
        else:
            node.value = "XX" + str(value)


def _remove_not(tree: ast.Module, target: ast.AST) -> None:
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if value is target:
                assert isinstance(target, ast.UnaryOp)
                setattr(parent, field, target.operand)
                return
            if isinstance(value, list) and any(v is target for v in value):
                assert isinstance(target, ast.UnaryOp)
                setattr(parent, field, [target.operand if v is target else v for v in value])
                return


def mutants(source: str) -> list[Mutant]:
    tree = ast.parse(source)
    return [Mutant(i, getattr(node, "lineno", 0), what) for i, (node, what) in enumerate(_spots(tree))]


def mutated_source(source: str, mutant: Mutant) -> str:
    tree = copy.deepcopy(ast.parse(source))
    node, what = list(_spots(tree))[mutant.index]
    if what == "not:removed":
        _remove_not(tree, node)
    else:
        _apply(node, what)
    return ast.unparse(ast.fix_missing_locations(tree))


def run_tests(src: Path, tests: list[str]) -> bool:
    """True when the tests pass (the mutant survived)."""
    env = {**os.environ, "PYTHONPATH": str(src), "GOVOPEN_CACHE_DIR": str(src.parent / "cache")}
    proc = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:randomly", "-p", "no:cacheprovider",
                           "-n", "0", *tests], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)
    return proc.returncode == 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--tests", action="append", required=True)
    parser.add_argument("--only", default="", help="only mutants on these lines (comma-separated)")
    parser.add_argument("--list", action="store_true", help="list the mutants without running them")
    args = parser.parse_args(argv)
    only = {int(x) for x in args.only.split(",") if x}
    work = Path(tempfile.mkdtemp(prefix="mutants-"))
    src = work / "src"
    shutil.copytree(ROOT / "src", src)
    killed = survived = 0
    try:
        for path in args.files:
            rel = path.resolve().relative_to(ROOT / "src")
            source = (ROOT / "src" / rel).read_text(encoding="utf-8")
            for mutant in mutants(source):
                if only and mutant.line not in only:
                    continue
                if args.list:
                    print(f"{rel}:{mutant.line}: {mutant.what}")
                    continue
                (src / rel).write_text(mutated_source(source, mutant), encoding="utf-8")
                alive = run_tests(src, args.tests)
                killed, survived = killed + (not alive), survived + alive
                print(f"{'SURVIVED' if alive else 'killed  '} {rel}:{mutant.line}: {mutant.what}", flush=True)
            (src / rel).write_text(source, encoding="utf-8")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    total = killed + survived
    if total:
        print(f"{killed} of {total} mutants killed ({100 * killed / total:.1f}%)")
    return 1 if survived else 0


if __name__ == "__main__":
    raise SystemExit(main())
