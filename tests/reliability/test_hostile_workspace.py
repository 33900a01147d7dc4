"""Hostile workspaces, the file-system kind (issue 14, point 2 and the further hostile cases): links out of the
workspace, link loops, FIFOs, folders where files belong, huge and long-named files, output folders in system
places. Nothing from outside the workspace may reach an output, no case may hang or crash.

Each case starts from a workspace built once into out/, makes its change, then runs `check` (when the case is
one `check` can see: the expected code at the expected place) and `build`, and ends with the same assertions:
the expected code, no traceback, no E903, and not one file changed anywhere (so the previous outputs are
byte-identical and nothing outside the output folder changed)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from fs_helpers import assert_reported, built_once, says
from reliability_helpers import run_govopen, snapshot

from govopen_std.diagnostics import GovOpenError
from govopen_std.render.html_site.templates import confined_file, environment

SECRET = "govopen-test-secret-4f1c"
ITEM_FILE = "standards/domains/zdbc/zdbc-01.yaml"
ASSETS = "templates/html/assets"


def _page_including(workspace: Path, name: str) -> None:
    """A workspace home page that includes `name` (as a leaking template would)."""
    page = workspace / "templates" / "html" / "index.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text('{% extends "base.html" %}{% block main %}{% include "' + name + '" %}{% endblock %}\n',
                    encoding="utf-8")


def _link(workspace: Path, rel: str, target: Path | str) -> None:
    path = workspace / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.symlink_to(target)


def _fifo(workspace: Path, rel: str) -> None:
    path = workspace / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)


def _out_dir(workspace: Path, value: str) -> None:
    config = workspace / "govopen.yaml"
    text = config.read_text(encoding="utf-8")
    assert "out_dir: build\n" in text
    config.write_text(text.replace("out_dir: build\n", f"out_dir: {value}\n"), encoding="utf-8")


def _moved_out(workspace: Path, outside: Path, rel: str) -> None:
    """Move a source file (or folder) outside the workspace and leave a link to it in its place."""
    target = outside / Path(rel).name
    shutil.move(str(workspace / rel), target)
    (workspace / rel).symlink_to(target)


def _sparse(workspace: Path, rel: str) -> None:
    with open(workspace / rel, "r+b") as file:
        file.truncate(1 << 30)  # 1 GiB, almost all of it a hole


def _long_name(workspace: Path, _outside: Path) -> None:
    name = "zdbc-01-" + "x" * (255 - len("zdbc-01-.yaml")) + ".yaml"  # NAME_MAX bytes
    assert len(name.encode()) == os.pathconf(workspace, "PC_NAME_MAX")
    shutil.copy(workspace / ITEM_FILE, workspace / "standards/domains/zdbc" / name)


def _folder_instead_of_file(workspace: Path, rel: str) -> None:
    path = workspace / rel
    if path.exists():
        path.unlink()
    path.mkdir(parents=True)


@dataclass(frozen=True)
class Case:
    make: Callable[[Path, Path], None]  # (workspace, a folder outside it holding secret.txt)
    code: str
    where: str | None  # what `check` prints at the start of the finding ("path:line:col"); None: build only
    build_exit: int = 1
    configured_out: bool = False  # the case is about govopen.yaml out_dir: build without --out, from the workspace


CASES = {
    # point 2: links out of the workspace, for assets, templates and includes alike
    "asset-link-to-proc-environ": Case(lambda w, o: _link(w, f"{ASSETS}/env.txt", "/proc/self/environ"),
                                       "E921", f"{ASSETS}/env.txt:1:1"),
    "asset-link-to-outside-file": Case(lambda w, o: _link(w, f"{ASSETS}/secret.txt", o / "secret.txt"),
                                       "E921", f"{ASSETS}/secret.txt:1:1"),
    "asset-dangling-link-outside": Case(lambda w, o: _link(w, f"{ASSETS}/gone.txt", o / "missing" / "gone.txt"),
                                        "E921", f"{ASSETS}/gone.txt:1:1"),
    "included-template-linked-outside": Case(
        lambda w, o: (_link(w, "templates/html/secret.html", o / "secret.txt"), _page_including(w, "secret.html")),
        "E921", "templates/html/secret.html:1:1"),
    "included-template-in-linked-folder": Case(
        lambda w, o: (_link(w, "templates/html/etc", "/etc"), _page_including(w, "etc/hostname")),
        "E921", "templates/html/etc:1:1"),
    "extended-template-linked-outside": Case(
        lambda w, o: _link(w, "templates/html/base.html", o / "secret.txt"), "E921", "templates/html/base.html:1:1"),
    "included-template-linked-into-standards": Case(
        lambda w, o: (_link(w, "templates/html/part.html", w / "standards" / "laws.yaml"), _page_including(w, "part.html")),
        "E921", "templates/html/part.html:1:1"),  # build reads templates from templates/html/ only, as `check` says
    "templates-folder-outside": Case(lambda w, o: _link(w, "templates", o), "E921", "templates:1:1"),
    "include-absolute-etc-passwd": Case(lambda w, o: _page_including(w, "/etc/passwd"), "B621", None, 2),
    "include-parent-etc-hostname": Case(lambda w, o: _page_including(w, "../../etc/hostname"), "B621", None, 2),
    "standards-file-linked-outside": Case(lambda w, o: _moved_out(w, o, "standards/laws.yaml"),
                                          "E921", "standards/laws.yaml:1:1"),
    "county-folder-linked-outside": Case(lambda w, o: _moved_out(w, o, "standards/counties"),
                                         "E921", "standards/counties/330105.yaml:1:1"),
    # loops, FIFOs, folders where files belong
    "template-link-loop": Case(lambda w, o: _link(w, "templates/html/loop.html", "loop.html"),
                               "E922", "templates/html/loop.html:1:1"),
    "standards-link-loop": Case(lambda w, o: _link(w, "standards/domains/zdbc/zdbc-05.yaml", "zdbc-05.yaml"),
                                "Y108", "standards/domains/zdbc/zdbc-05.yaml: 错误 Y108"),
    "fifo-as-template": Case(lambda w, o: _fifo(w, "templates/html/item.html"), "E922", "templates/html/item.html:1:1"),
    "fifo-as-asset": Case(lambda w, o: _fifo(w, f"{ASSETS}/app.js"), "E922", f"{ASSETS}/app.js:1:1"),
    "folder-as-style-template": Case(lambda w, o: _folder_instead_of_file(w, "templates/docx/style.yaml"),
                                     "E922", "templates/docx/style.yaml:1:1"),
    "folder-as-system-file": Case(lambda w, o: _folder_instead_of_file(w, "standards/system.yaml"),
                                  "Y108", "standards/system.yaml: 错误 Y108"),
    # sizes and names
    "sparse-1-gib-source": Case(lambda w, o: _sparse(w, ITEM_FILE), "Y105", f"{ITEM_FILE}:1:1"),
    "name-max-file-name": Case(_long_name, "R305", "standards/domains/zdbc/zdbc-01.yaml:2:5"),
    # output folders in places a build must never write
    "out-dir-linked-outside": Case(lambda w, o: _link(w, "build", o), "E920", "govopen.yaml:6:10",
                                   configured_out=True),
    "out-dir-under-proc": Case(lambda w, o: _out_dir(w, "/proc/self/govopen"), "E920", "govopen.yaml:6:10",
                               configured_out=True),
    "out-dir-under-sys": Case(lambda w, o: _out_dir(w, "/sys/govopen"), "E920", "govopen.yaml:6:10",
                              configured_out=True),
}


def test_at_least_twenty_hostile_cases() -> None:
    assert len(CASES) >= 20


@pytest.mark.parametrize("name", sorted(CASES))
def test_hostile_workspace(name: str, tmp_path: Path) -> None:
    case = CASES[name]
    workspace, out, before = built_once(tmp_path)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, encoding="utf-8")
    case.make(workspace, outside)
    everything = snapshot(tmp_path)
    if case.where is not None:
        check = run_govopen("check", "-w", str(workspace), cwd=workspace)
        assert_reported(check, case.code, 1)
        assert says(check, case.where), check.stdout
    if case.configured_out:
        build = run_govopen("build", cwd=workspace)
    else:
        build = run_govopen("build", "-w", str(workspace), "-o", str(out), cwd=tmp_path)
    assert_reported(build, case.code, case.build_exit)
    assert SECRET not in build.stdout + build.stderr
    assert snapshot(tmp_path) == everything
    assert snapshot(out) == before


# --- the renderer's own guard, for a template or asset that the check did not see --------------------------

def test_loader_refuses_a_link_out_of_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "html"
    folder.mkdir()
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    (folder / "page.html").write_text('{% include "leak.html" %}', encoding="utf-8")
    (folder / "leak.html").symlink_to(tmp_path / "secret.txt")
    env = environment((folder.resolve(),))
    with pytest.raises(GovOpenError) as raised:
        env.get_template("page.html").render()
    assert raised.value.diagnostic.code == "E921"


def test_loader_refuses_a_fifo_without_opening_it(tmp_path: Path) -> None:
    folder = tmp_path / "html"
    folder.mkdir()
    os.mkfifo(folder / "pipe.html")
    env = environment((folder.resolve(),))
    with pytest.raises(GovOpenError) as raised:
        env.get_template("pipe.html")  # opening a FIFO would block until a writer comes: it must not be opened
    assert raised.value.diagnostic.code == "E922"


def test_asset_copy_refuses_a_link_out_of_its_folder(tmp_path: Path) -> None:
    folder = tmp_path / "html"
    (folder / "assets").mkdir(parents=True)
    (folder / "assets" / "env.txt").symlink_to("/proc/self/environ")
    with pytest.raises(GovOpenError) as raised:
        confined_file(folder / "assets" / "env.txt", folder.resolve())
    assert raised.value.diagnostic.code == "E921"
