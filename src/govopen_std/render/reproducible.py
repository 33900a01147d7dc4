"""Byte-reproducible OOXML packages: fixed zip entry times and properties.

python-docx and openpyxl stamp every zip entry with the wall clock, and openpyxl also overwrites the
`modified` property on save. We save into memory, then rewrite the package with every entry dated at the
build date (and, for XLSX, the core properties re-serialised), so two builds of the same sources are
identical byte for byte. Packages written part by part (`render.spreadsheetml`) are zipped by `zip_bytes`
with the same entry settings.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

CORE_PROPS = "docProps/core.xml"


def build_datetime(day: dt.date) -> dt.datetime:
    """The timestamp written into document properties: midnight of the build date (naive, as UTC)."""
    return dt.datetime(day.year, day.month, day.day)


def zip_bytes(entries: Iterable[tuple[str, bytes]], day: dt.date) -> bytes:
    """A zip of `entries` in their order, every entry dated `day` (the zip format starts in 1980)."""
    stamp = (max(day.year, 1980), day.month, day.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name, blob in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # the same on every OS
            info.external_attr = 0o644 << 16
            dst.writestr(info, blob)
    return out.getvalue()


def write_package(data: bytes, path: Path, day: dt.date, replace: dict[str, bytes] | None = None) -> Path:
    """Rewrite the package `data` to `path` with every entry dated `day`; `replace` swaps entry contents."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        entries = [(e.filename, (replace or {}).get(e.filename, src.read(e.filename))) for e in src.infolist()]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(zip_bytes(entries, day))
    return path


def save_workbook(workbook: Any, path: Path, day: dt.date) -> Path:
    """Save an openpyxl workbook reproducibly (its properties dated `day`), every string cell as text."""
    from openpyxl.xml.functions import tostring

    from govopen_std.render.csv_cells import keep_text

    keep_text(workbook)  # a text starting with "=" must not become a formula (formula injection)
    buffer = io.BytesIO()
    workbook.save(buffer)
    stamp = build_datetime(day)
    workbook.properties.created = stamp
    workbook.properties.modified = stamp  # openpyxl set it to now() during save
    core = tostring(workbook.properties.to_tree())
    return write_package(buffer.getvalue(), path, day, {CORE_PROPS: core})


def save_document(document: Any, path: Path, day: dt.date) -> Path:
    """Save a python-docx document reproducibly (set its core properties first, see `set_core_properties`)."""
    buffer = io.BytesIO()
    document.save(buffer)
    return write_package(buffer.getvalue(), path, day)


def set_core_properties(document: Any, *, title: str, author: str, day: dt.date, subject: str = "") -> None:
    props = document.core_properties
    stamp = build_datetime(day)
    props.title = title
    props.subject = subject
    props.author = author
    props.last_modified_by = author
    props.created = stamp
    props.modified = stamp
    props.last_printed = stamp
    props.revision = 1
