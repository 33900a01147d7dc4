"""The ledger's own I/O failures: an export that cannot be written (L721) and a store that is not a SQLite
database (L723) are reported with the path and the reason; nothing else is touched."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli
from govopen_std.evaluate.store import STORE_NAME
from helpers.ledger import good_row, ledger_workspace, write_csv


def test_l721_an_export_that_cannot_be_written(tmp_path: Path) -> None:
    ws = ledger_workspace(tmp_path / "ws")
    write_csv(tmp_path / "l.csv", [good_row()])
    imported = run_cli("ledger", "import", str(tmp_path / "l.csv"), "-c", "330105", "-w", str(ws),
                       "--today", "2019-01-01")
    assert imported.exit_code == 0, imported.stdout + imported.stderr
    blocker = tmp_path / "a-file"
    blocker.write_text("mine", encoding="utf-8")
    result = run_cli("ledger", "export", "-c", "330105", "-o", str(blocker / "l.csv"), "-w", str(ws))
    assert result.exit_code == 1 and "L721" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr and blocker.read_text(encoding="utf-8") == "mine"


def test_l723_a_store_that_is_not_a_database(tmp_path: Path) -> None:
    ws = ledger_workspace(tmp_path / "ws")
    store = ws / "standards" / STORE_NAME
    store.parent.mkdir(parents=True, exist_ok=True)
    store.write_bytes(b"this is not a SQLite database, and it is the user's file")
    before = store.read_bytes()
    write_csv(tmp_path / "l.csv", [good_row()])
    result = run_cli("ledger", "import", str(tmp_path / "l.csv"), "-c", "330105", "-w", str(ws),
                     "--today", "2019-01-01")
    assert result.exit_code != 0 and "L723" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr and store.read_bytes() == before
