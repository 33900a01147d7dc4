"""`govopen serve`: the site on 127.0.0.1, rebuilt after a source file changes; a busy port is B620."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import MINI, ROOT

URL_WAIT = 120  # generous limits for a loaded CI machine; never a speed assertion
REBUILD_WAIT = 120


def _env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("GOVOPEN_LANG", None)
    return env


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    ws = tmp_path / "ws"
    shutil.copytree(MINI, ws)
    # stderr (progress bars and warnings of every rebuild) goes to a file: an unread pipe would fill and block it.
    with (tmp_path / "serve.err").open("w") as errors:
        proc = subprocess.Popen([sys.executable, "-m", "govopen_std", "serve", "--port", "0"], cwd=ws, env=_env(),
                                stdout=subprocess.PIPE, stderr=errors, text=True)
    try:
        url = _wait_for_url(proc, tmp_path / "serve.err")
        yield url, ws
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wait_for_url(proc: subprocess.Popen[str], errors: Path) -> str:
    assert proc.stdout is not None
    deadline = time.monotonic() + URL_WAIT
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if "http://127.0.0.1:" in line:
            return line[line.index("http://"):].split()[0]
        if not line and proc.poll() is not None:
            break
    pytest.fail(f"govopen serve printed no URL: {errors.read_text(encoding='utf-8')}")


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.headers["Cache-Control"] == "no-store"
        body: str = response.read().decode("utf-8")
        return body


def test_serves_the_site_on_localhost_and_rebuilds_on_change(server: tuple[str, Path]) -> None:
    url, ws = server
    assert url.startswith("http://127.0.0.1:")
    assert "<h1>征收土地预公告</h1>" in get(url + "items/ZDBC-02-01.html")
    assert "GOVOPEN_SEARCH" in get(url + "assets/search-index.js")
    text = ws / "standards" / "domains" / "zdbc" / "zdbc-01.yaml"
    text.write_text(text.read_text(encoding="utf-8").replace("name: 征收土地预公告", "name: 征收土地预公告（修订）"),
                    encoding="utf-8")
    deadline = time.monotonic() + REBUILD_WAIT
    while "<h1>征收土地预公告（修订）</h1>" not in get(url + "items/ZDBC-02-01.html"):
        assert time.monotonic() < deadline, "the site was not rebuilt after the source changed"
        time.sleep(0.5)
    assert (ws / "build" / "site" / "index.html").is_file()


def test_a_busy_port_is_reported_not_a_traceback(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(MINI, ws)
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = subprocess.run([sys.executable, "-m", "govopen_std", "serve", "--port", str(port)], cwd=ws, env=_env(),
                              capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2, proc.stderr
    assert "B620" in proc.stderr and str(port) in proc.stderr and "Traceback" not in proc.stderr
