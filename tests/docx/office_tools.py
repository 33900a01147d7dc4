"""LibreOffice and poppler for the DOCX tests: many documents converted in one `soffice` call under a
watchdog that kills the whole process group, PDF text per page, PNG snapshots.

A private LibreOffice profile per call keeps parallel test workers from fighting over one profile; a
private fontconfig file maps 宋体/黑体 (and SimSun/SimHei) to the Noto CJK faces when those are
installed, so the snapshots look like the standard and not like a fallback font.
"""

from __future__ import annotations

import os
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <alias binding="same"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>SimSun</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="same"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
  <alias binding="same"><family>SimHei</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
</fontconfig>
"""


class ConversionTimeout(AssertionError):
    pass


def run_watched(cmd: Sequence[str], timeout: float, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `cmd` in its own process group; on timeout kill the whole group (soffice forks helpers that
    otherwise outlive it and keep the conversion hanging)."""
    proc = subprocess.Popen(list(cmd), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True, env=env)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise ConversionTimeout(f"{cmd[0]} did not finish in {timeout:.0f} s; its process group was killed") from None
    return subprocess.CompletedProcess(list(cmd), proc.returncode, out, err)


def convert_to_pdf(soffice: str, docs: Sequence[Path], outdir: Path, timeout: float) -> dict[Path, Path]:
    """Convert all `docs` in one soffice run; returns each document's PDF (missing when it failed)."""
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="govopen-lo-") as work:
        profile = Path(work) / "profile"
        fonts = Path(work) / "fonts.conf"
        fonts.write_text(FONTS_CONF, encoding="utf-8")
        env = {**os.environ, "FONTCONFIG_FILE": str(fonts)}
        cmd = [soffice, "--headless", "--norestore", "--nologo", f"-env:UserInstallation={profile.as_uri()}",
               "--convert-to", "pdf", "--outdir", str(outdir), *map(str, docs)]
        run_watched(cmd, timeout, env)
    return {doc: outdir / f"{doc.stem}.pdf" for doc in docs if (outdir / f"{doc.stem}.pdf").is_file()}


def pdf_pages(pdftotext: str, pdf: Path) -> list[str]:
    """The text of each page (pdftotext separates pages with form feeds)."""
    result = run_watched([pdftotext, "-enc", "UTF-8", str(pdf), "-"], 120)
    pages = result.stdout.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def snapshot(pdftoppm: str, pdf: Path, page: int, target: Path) -> Path:
    """A PNG of one page (1-based) for a person to look at."""
    target.parent.mkdir(parents=True, exist_ok=True)
    run_watched([pdftoppm, "-png", "-r", "60", "-f", str(page), "-l", str(page), "-singlefile", str(pdf),
                 str(target.with_suffix(""))], 120)
    return target
