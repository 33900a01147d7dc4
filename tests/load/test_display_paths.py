"""`DisplayPaths` names a file exactly as `diagnostics.relpath` does (the name in every diagnostic and in the
memo key), for plain files, links to files and folders, links out of the workspace, broken links and loops."""

from __future__ import annotations

from pathlib import Path

from govopen_std.diagnostics import relpath
from govopen_std.load.display import DisplayPaths


def test_the_same_names_as_relpath(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "far.yaml").write_text("a: 1\n", encoding="utf-8")
    root = tmp_path / "ws"
    std = root / "standards"
    (std / "domains" / "zdbc").mkdir(parents=True)
    (std / "system.yaml").write_text("a: 1\n", encoding="utf-8")
    (std / "domains" / "zdbc" / "zdbc-01.yaml").write_text("a: 1\n", encoding="utf-8")
    (std / "domains" / "linked").symlink_to(std / "domains" / "zdbc")  # a folder link inside the workspace
    (std / "domains" / "away").symlink_to(outside)  # a folder link out of it
    (std / "vocabulary.yaml").symlink_to(std / "system.yaml")
    (std / "far.yaml").symlink_to(outside / "far.yaml")
    (std / "broken.yaml").symlink_to(tmp_path / "missing.yaml")
    (std / "loop.yaml").symlink_to(std / "loop.yaml")
    (root / "link-to-ws").symlink_to(root)
    paths = [std / "system.yaml", std / "domains" / "zdbc" / "zdbc-01.yaml", std / "domains" / "linked" / "zdbc-01.yaml",
             std / "domains" / "away" / "far.yaml", std / "vocabulary.yaml", std / "far.yaml", std / "broken.yaml",
             std / "loop.yaml", std / "missing.yaml", std / "nowhere" / "x.yaml", root / "link-to-ws" / "standards" /
             "system.yaml", std / "domains" / "..", std / "loop.yaml" / "inside.yaml", outside / "far.yaml"]
    for base in (root, root / "link-to-ws"):
        display = DisplayPaths(base)
        assert [display(p) for p in paths] == [relpath(p, base) for p in paths]
        assert [display(p) for p in paths] == [relpath(p, base) for p in paths], "the second time, from the cache"
