"""No `except ImportError` around govopen's own modules: a broken import in the overlay code used to drop every
county from the build without a word. Only optional third-party parts (libyaml bindings, fcntl on non-POSIX
systems) may be guarded, and each guard names one of them."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

ALLOWED = {"yaml", "ruamel.yaml", "ruamel.yaml.events", "_ruamel_yaml", "ruamel.yaml.clib", "fcntl"}


def _guarded_imports(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Try):
            continue
        catches = {getattr(h.type, "id", None) for h in node.handlers}
        if not catches & {"ImportError", "ModuleNotFoundError"}:
            continue
        for stmt in ast.walk(ast.Module(body=node.body, type_ignores=[])):
            if isinstance(stmt, ast.ImportFrom) and stmt.module:
                found.append(stmt.module)
            elif isinstance(stmt, ast.Import):
                found += [alias.name for alias in stmt.names]
            elif isinstance(stmt, ast.Call) and getattr(stmt.func, "id", "") == "import_module":
                found.append("import_module(...)")
    return found


def test_no_project_module_is_imported_under_an_import_guard() -> None:
    files = sorted((ROOT / "src" / "govopen_std").rglob("*.py"))
    assert len(files) > 100
    guarded = {f"{p.relative_to(ROOT)}: {m}" for p in files for m in _guarded_imports(p)
               if m.startswith("govopen_std") or m == "import_module(...)" or m not in ALLOWED}
    assert guarded == set()
