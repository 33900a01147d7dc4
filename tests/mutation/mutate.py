"""A small mutation tester for govopen's core logic: apply one mutation at a time, run the targeted tests, count.

    python tests/mutation/mutate.py                 # every module in TARGETS
    python tests/mutation/mutate.py model/deadline.py --list   # show the mutants only

Each mutant is a copy of `src/` with one change (comparison flipped, number off by one, boolean inverted,
and/or swapped, arithmetic swapped, a word deleted from a string or regex, a dict entry's value changed, a
statement removed). The targeted tests run against that copy in a subprocess (`-x`, first failure kills).
A mutant the tests do not kill is a survivor; survivors that cannot change behaviour are listed with the reason in
`tests/mutation/equivalent.yaml` and counted as such. The score is killed / (mutants - equivalent).
It is a tool, not a test: it runs minutes, so the suite does not run it (README: 测试).
"""

from __future__ import annotations

import argparse
import ast
import copy
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "govopen_std"

# module (relative to src/govopen_std) -> the tests that exercise it
TARGETS: dict[str, list[str]] = {
    "model/deadline.py": ["tests/unit/test_deadline.py", "tests/unit/test_deadline_table.py"],
    "resolve/overlay.py": ["tests/county/test_overlay.py", "tests/county/test_overlay_table.py",
                           "tests/county/test_county_facts.py"],
    "check/item_rules.py": ["tests/check/test_item_rules_table.py", "tests/check/test_elements_present.py",
                            "tests/check/test_classification_codes.py", "tests/check/test_law_citations.py"],
    "evaluate/calendar.py": ["tests/evaluate/test_calendar.py", "tests/evaluate/test_scorer.py"],
    "evaluate/scorer.py": ["tests/evaluate/test_scorer.py", "tests/evaluate/test_indicator_score.py",
                           "tests/evaluate/test_evaluate_cli.py"],
    "evaluate/indicator_score.py": ["tests/evaluate/test_indicator_score.py", "tests/evaluate/test_scorer.py"],
}

CJK_WORD = re.compile(r"[\u4e00-\u9fff]+")
SWAP_CMP: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
    ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}
SWAP_BIN: dict[type[ast.operator], type[ast.operator]] = {
    ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.FloorDiv, ast.FloorDiv: ast.Mult, ast.Div: ast.Mult,
    ast.Mod: ast.FloorDiv}


@dataclass(frozen=True)
class Mutant:
    line: int
    description: str
    source: str

    @property
    def key(self) -> str:
        return f"{self.line}: {self.description}"


def _docstrings(tree: ast.AST) -> set[int]:
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                ids.add(id(first.value))
    return ids


def _annotation_ids(tree: ast.AST) -> set[int]:
    """Nodes inside type annotations (mutating them changes no behaviour)."""
    ids: set[int] = set()
    for node in ast.walk(tree):
        annotations = []
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            annotations = [a.annotation for a in node.args.args + node.args.kwonlyargs if a.annotation]
            annotations += [node.returns] if node.returns else []
        elif isinstance(node, ast.AnnAssign):
            annotations = [node.annotation]
        for annotation in annotations:
            ids |= {id(n) for n in ast.walk(annotation)}
    return ids


def _variants(node: ast.AST, skip: set[int]) -> Iterator[tuple[str, ast.AST]]:
    """(description, replacement node) for one node."""
    if id(node) in skip:
        return
    if isinstance(node, ast.Compare):
        for i, op in enumerate(node.ops):
            if type(op) in SWAP_CMP:
                new = copy.deepcopy(node)
                new.ops[i] = SWAP_CMP[type(op)]()
                yield f"{type(op).__name__} -> {SWAP_CMP[type(op)].__name__}", new
    elif isinstance(node, ast.BinOp) and type(node.op) in SWAP_BIN:
        new = copy.deepcopy(node)
        new.op = SWAP_BIN[type(node.op)]()
        yield f"{type(node.op).__name__} -> {type(new.op).__name__}", new
    elif isinstance(node, ast.BoolOp):
        new = copy.deepcopy(node)
        new.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        yield f"{type(node.op).__name__} -> {type(new.op).__name__}", new
    elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        yield "not x -> x", copy.deepcopy(node.operand)
    elif isinstance(node, ast.Name) and node.id in ("min", "max"):
        other = "max" if node.id == "min" else "min"
        yield f"{node.id} -> {other}", ast.Name(other, node.ctx)
    elif isinstance(node, ast.Constant):
        yield from _constant_variants(node)


def _constant_variants(node: ast.Constant) -> Iterator[tuple[str, ast.AST]]:
    value = node.value
    if isinstance(value, bool):
        yield f"{value} -> {not value}", ast.Constant(not value)
    elif isinstance(value, int):
        yield f"{value} -> {value + 1}", ast.Constant(value + 1)
    elif isinstance(value, str) and value:
        seen: set[str] = set()
        for match in CJK_WORD.finditer(value):
            for start in range(match.start(), match.end()):  # drop one character at a time: 短 of 不(?:少|短)于
                mutated = value[:start] + value[start + 1:]
                if mutated not in seen:
                    seen.add(mutated)
                    yield f"drop {value[start]!r} at {start} of {value[:30]!r}", ast.Constant(mutated)
        for i, char in enumerate(value):  # a quantifier or range one lower: {1,3} -> {1,2}
            if char in "123456789":
                yield f"digit {char} at {i} of {value[:30]!r} -> {int(char) - 1}", \
                    ast.Constant(value[:i] + str(int(char) - 1) + value[i + 1:])
        if not CJK_WORD.search(value):
            yield f"{value[:30]!r} -> ''", ast.Constant("")


class _Replace(ast.NodeTransformer):
    def __init__(self, target: ast.AST, replacement: ast.AST) -> None:
        self.target, self.replacement = target, replacement

    def visit(self, node: ast.AST) -> ast.AST:
        if node is self.target:
            return ast.copy_location(self.replacement, node)
        return super().visit(node)


def _with(tree: ast.Module, index: int, replacement: ast.AST) -> str:
    """The source of `tree` with its index-th node (in ast.walk order) replaced, on a copy of the tree."""
    clone = copy.deepcopy(tree)
    target = next(node for i, node in enumerate(ast.walk(clone)) if i == index)
    return ast.unparse(_Replace(target, replacement).visit(clone))


def _statement_deletions(tree: ast.Module) -> Iterator[tuple[ast.stmt, str]]:
    for node in ast.walk(tree):
        for field in ("body", "orelse"):
            body = getattr(node, field, None)
            if not isinstance(node, (ast.FunctionDef, ast.For, ast.If, ast.While, ast.With)) or not body:
                continue
            for stmt in body:
                if isinstance(stmt, (ast.Expr, ast.Assign, ast.AugAssign, ast.Continue, ast.Break)) and not (
                        isinstance(stmt, ast.Expr) and isinstance(stmt.value, ast.Constant)):
                    yield stmt, type(stmt).__name__


DOC_CALLS = {"doc", "model_doc"}  # schema titles and descriptions for editors: text, not behaviour


def _doc_text_ids(tree: ast.AST) -> set[int]:
    ids: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in DOC_CALLS:
            ids |= {id(n) for n in ast.walk(node)}
    return ids


def mutants(path: Path) -> list[Mutant]:
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    skip = _docstrings(tree) | _annotation_ids(tree) | _doc_text_ids(tree)
    index = {id(node): i for i, node in enumerate(ast.walk(tree))}
    found: list[Mutant] = []
    for node in ast.walk(tree):
        for description, replacement in _variants(node, skip):
            found.append(Mutant(getattr(node, "lineno", 0), description, _with(tree, index[id(node)], replacement)))
    for stmt, kind in _statement_deletions(tree):
        found.append(Mutant(stmt.lineno, f"delete {kind}", _with(tree, index[id(stmt)], ast.Pass())))
    return _distinct(found, ast.unparse(tree))


def _distinct(found: list[Mutant], original: str) -> list[Mutant]:
    seen = {original}
    result = []
    for mutant in sorted(found, key=lambda m: (m.line, m.description)):
        if mutant.source not in seen:  # two mutations may give the same program: run it once
            seen.add(mutant.source)
            result.append(mutant)
    return result


def _killed(module: str, mutant: Mutant, tests: list[str], workdir: Path) -> bool:
    target = workdir / "govopen_std" / module
    target.write_text(mutant.source, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(workdir), "GOVOPEN_CACHE": "off", "PYTHONDONTWRITEBYTECODE": "1"}
    proc = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-p", "no:xdist",
                           "-o", "addopts=", *tests], cwd=ROOT, env=env, capture_output=True, timeout=600)
    return proc.returncode != 0


def _equivalent() -> dict[str, dict[str, str]]:
    path = Path(__file__).with_name("equivalent.yaml")
    if not path.exists():
        return {}
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(path.read_text(encoding="utf-8")) or {}
    return {module: dict(entries or {}) for module, entries in data.items()}


def run(module: str, *, listing: bool) -> tuple[int, int, list[Mutant]]:
    found = mutants(SRC / module)
    if listing:
        for mutant in found:
            print(f"{module}:{mutant.key}")
        return 0, len(found), []
    survivors = []
    with tempfile.TemporaryDirectory(prefix="govopen-mutants-") as tmp:
        workdir = Path(tmp)
        shutil.copytree(SRC, workdir / "govopen_std", ignore=shutil.ignore_patterns("__pycache__"))
        original = (SRC / module).read_text(encoding="utf-8")
        for n, mutant in enumerate(found, 1):
            if not _killed(module, mutant, TARGETS[module], workdir):
                survivors.append(mutant)
                print(f"  survivor {module}:{mutant.key}", file=sys.stderr, flush=True)
            print(f"\r{module}: {n}/{len(found)} mutants, {len(survivors)} survived", end="", file=sys.stderr)
        (workdir / "govopen_std" / module).write_text(original, encoding="utf-8")
    print(file=sys.stderr)
    return len(found) - len(survivors), len(found), survivors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", default=list(TARGETS))
    parser.add_argument("--list", action="store_true", help="list the mutants without running tests")
    args = parser.parse_args()
    equivalent = _equivalent()
    failed = False
    for module in args.modules:
        killed, total, survivors = run(module, listing=args.list)
        if args.list:
            continue
        known = equivalent.get(module, {})
        unexplained = [m for m in survivors if m.key not in known]
        explained = len(survivors) - len(unexplained)
        score = killed / (total - explained) if total > explained else 1.0
        print(f"{module}: {total} mutants, {killed} killed, {explained} equivalent (explained), "
              f"{len(unexplained)} unexplained survivors; score {score:.1%}")
        for mutant in unexplained:
            print(f"  survived {module}:{mutant.key}")
        failed |= score < 0.9 or bool(unexplained)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
