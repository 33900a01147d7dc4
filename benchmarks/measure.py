"""Measuring helpers for the benchmark runner: whole processes with wall time and peak memory, medians,
and the description of the machine the figures come from."""

from __future__ import annotations

import os
import platform
import resource
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = [ROOT / "src"]  # the sources the processes run; `snapshot_sources` points it at a frozen copy


def snapshot_sources(work: Path) -> Path:
    """Copy src/ aside and run from the copy: edits made to the work tree during a long run (other developers,
    or the code fingerprint of the caches) then cannot change the code under measurement half-way."""
    import compileall
    import shutil

    checkout = work / "checkout"  # the repository's layout, so the embedded workspace and templates are found
    shutil.rmtree(checkout, ignore_errors=True)
    target = checkout / "src"
    shutil.copytree(ROOT / "src", target, ignore=shutil.ignore_patterns("__pycache__"))
    # An installed wheel is byte-compiled by pip; without this, every measured process would compile govopen's
    # code again (this machine sets PYTHONDONTWRITEBYTECODE), which is not what a user's run pays.
    compileall.compile_dir(str(target), quiet=1)
    for name in ("templates", "standards", "govopen.yaml"):
        (checkout / name).symlink_to(ROOT / name)
    SRC[0] = target
    return target


@dataclass
class Run:
    wall: float
    peak_mb: float
    code: int
    stdout: str
    stderr: str
    cpu: float = 0.0  # user + system seconds of the process and its children (robust on a shared machine)


def govopen(*args: str) -> list[str]:
    return [sys.executable, "-m", "govopen_std", *args]


def base_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GOVOPEN_LANG", "GOVOPEN_TEST_PAUSE", "SOURCE_DATE_EPOCH")}
    env["PYTHONPATH"] = str(SRC[0])
    env.update(extra)
    return env


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of `pid` and all its descendants (Linux /proc), in KiB."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo += children.get(current, [])
    return total


def run(cmd: list[str], *, env: dict[str, str], cwd: Path, sample_memory: bool = False, timeout: float = 7200) -> Run:
    """Run a whole process; wall time, and (Linux, when asked) the peak resident memory of its process tree."""
    peak = [0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(0.05):
            peak[0] = max(peak[0], _tree_rss_kb(proc.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    if sample_memory and sys.platform == "linux":
        sampler.start()
    try:
        out, err = proc.communicate(timeout=timeout)
    finally:
        stop.set()
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if sampler.is_alive():
        sampler.join()
    return Run(wall, peak[0] / 1024, proc.returncode, out, err, cpu)


def median_cpu(runs: list[Run]) -> float:
    return statistics.median(r.cpu for r in runs)


def median_run(times: int, make: Callable[[int], Run], *, check: bool = True) -> tuple[float, list[Run]]:
    runs = []
    for i in range(times):
        result = make(i)
        if check and result.code not in (0, 1):
            raise SystemExit(f"benchmark command failed ({result.code}):\n{result.stderr[-3000:]}")
        runs.append(result)
    return statistics.median(r.wall for r in runs), runs


def cpu_time(fn: Callable[[], object], repeat: int = 3) -> float:
    """Median CPU seconds of `fn` in this process (CPU time: the machine may be shared)."""
    samples = []
    for _ in range(repeat):
        start = time.process_time()
        fn()
        samples.append(time.process_time() - start)
    return statistics.median(samples)


def machine() -> dict[str, str]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        kb = int(Path("/proc/meminfo").read_text(encoding="utf-8").split()[1])
        mem = f"{kb / 1024 / 1024:.1f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    versions = {}
    for name in ("pydantic", "ruamel.yaml", "ruamel.yaml.clib", "PyYAML", "typer", "jinja2", "python-docx", "openpyxl",
                 "check-jsonschema"):
        try:
            from importlib.metadata import version

            versions[name] = version(name)
        except Exception:
            versions[name] = "not installed"
    try:
        import yaml

        if yaml.__with_libyaml__:  # the fast loader uses libyaml's parser when PyYAML has it
            versions["PyYAML"] += " (with libyaml)"
    except ImportError:
        pass
    return {
        "cpu": f"{cpu}, {os.cpu_count()} cores",
        "memory": mem,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "libraries": ", ".join(f"{k} {v}" for k, v in versions.items()),
    }


def load_average() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"
