"""LibreOffice headless conversion of a batch of DOCX files to PDF, and what poppler reads back from a PDF:
the page of every named destination (`pdfinfo -dests`) and the page number printed on every page
(`pdftotext -layout`). Also makes LibreOffice's PDFs byte-reproducible (its creation time and file id).

One `soffice` process converts a whole batch, with a profile folder of its own (so a running office, or
another build, never shares its lock) and a time limit for the batch; its whole process group is
killed when the limit passes. A missing tool is an environment error with the package to install.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from govopen_std.diagnostics import GovOpenError

# LibreOffice writes the DOCX bookmarks as PDF named destinations with this filter option (LibreOffice ≥ 7.4).
PDF_FILTER = 'pdf:writer_pdf_Export:{"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}'
BATCH_SECONDS = 120  # start-up and the first document's fonts
PER_DOCUMENT_SECONDS = 20
TOOLS = {"soffice": ("B650", "libreoffice-writer-nogui"), "pdfinfo": ("B653", "poppler-utils"),
         "pdftotext": ("B653", "poppler-utils")}
DEST_LINE = re.compile(r'^\s*(\d+)\s+\[.*\]\s+"(.*)"\s*$')
LABEL = re.compile(r"[IVXLC]+|\d+")


def tool(name: str) -> str:
    """The path of an external program, or the error that says which Debian package provides it."""
    path = shutil.which(name)
    if path is None:
        code, package = TOOLS[name]
        raise GovOpenError(code, tool=name, package=package)
    return path


def batch_timeout(count: int) -> float:
    return BATCH_SECONDS + PER_DOCUMENT_SECONDS * count


def convert(docs: Sequence[Path], outdir: Path) -> list[Path]:
    """PDFs of `docs` in `outdir` (same stems), from a single soffice call under the batch time limit."""
    soffice = tool("soffice")
    outdir.mkdir(parents=True, exist_ok=True)
    profile = Path(tempfile.mkdtemp(prefix="govopen-lo-"))
    cmd = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore", "--nolockcheck",
           "--convert-to", PDF_FILTER, "--outdir", str(outdir), *(str(d) for d in docs)]
    limit = batch_timeout(len(docs))
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)
        try:
            _out, err = proc.communicate(timeout=limit)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # soffice.bin is a child of the soffice script
            proc.communicate()
            raise GovOpenError("B651", count=len(docs), seconds=int(limit)) from None
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    pdfs = [outdir / f"{d.stem}.pdf" for d in docs]
    missing = [p.name for p in pdfs if not p.is_file()]
    if missing:
        detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] if err else []
        raise GovOpenError("B652", files="、".join(missing), files_en=", ".join(missing),
                           detail=(detail or ["—"])[0])
    return pdfs


def _run(name: str, *args: str) -> str:
    result = subprocess.run([tool(name), *args], capture_output=True, check=True, timeout=120)
    return result.stdout.decode("utf-8", "replace")


def destinations(pdf: Path) -> dict[str, int]:
    """Named destination → 1-based page. LibreOffice writes `_` of a bookmark name as `5F`; both forms are kept."""
    pages: dict[str, int] = {}
    for line in _run("pdfinfo", "-dests", str(pdf)).splitlines():
        match = DEST_LINE.match(line)
        if match:
            page, name = int(match.group(1)), match.group(2)
            pages.setdefault(name, page)
            if name.startswith("5F"):
                pages.setdefault("_" + name[2:], page)
    return pages


def page_labels(pdf: Path) -> list[str]:
    """The page number printed in each page's footer ("" on a page without one, e.g. the cover)."""
    labels = []
    for page in _run("pdftotext", "-layout", str(pdf), "-").split("\f"):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        last = lines[-1] if lines else ""
        labels.append(last if LABEL.fullmatch(last) else "")
    return labels[:-1] if labels and not labels[-1] else labels  # the text ends with a form feed


def page_count(pdf: Path) -> int:
    match = re.search(r"^Pages:\s+(\d+)", _run("pdfinfo", str(pdf)), re.MULTILINE)
    return int(match.group(1)) if match else 0


def reproducible_pdf(data: bytes, day: dt.date) -> bytes:
    """LibreOffice's PDF with its creation time set to `day` and its file id derived from the content: the
    same sources give the same bytes. Replacements keep every length, so the cross-reference offsets hold."""
    def stamp(match: re.Match[bytes]) -> bytes:
        fixed = day.strftime("%Y%m%d").encode() + b"0" * (len(match.group(1)) - 8)
        return match.group(0).replace(match.group(1), fixed[: len(match.group(1))])

    data = re.sub(rb"/CreationDate\(D:(\d{14})", stamp, data)
    data = re.sub(rb"/ModDate\(D:(\d{14})", stamp, data)
    # The file id and LibreOffice's /DocChecksum hash the document with its clock: derive both from the rest.
    pattern = re.compile(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]+)(>\s*<)([0-9A-Fa-f]+)(>)|(/DocChecksum\s*/)([0-9A-Fa-f]+)")
    blank = pattern.sub(lambda m: b"", data)
    digest = (hashlib.sha256(blank).hexdigest().upper() * 2).encode()

    def fill(match: re.Match[bytes]) -> bytes:
        if match.group(6) is not None:
            return match.group(6) + digest[: len(match.group(7))]
        return (match.group(1) + digest[: len(match.group(2))] + match.group(3) + digest[: len(match.group(4))]
                + match.group(5))

    data = pattern.sub(fill, data)
    return data
