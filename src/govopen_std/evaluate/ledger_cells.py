"""Reading one ledger cell: dates in the spellings counties use, links, channels, the row kind, 是/否 and ■/□.

Every parser returns the value or raises `CellError` with the message code; the caller locates it (file, sheet,
row, column). Dates: a real date cell, an Excel serial (days since 1899-12-30, as Excel counts with its 1900 leap
year bug), 2018-03-05, 2018/3/5, 2018.3.5 and 2018年3月5日, each optionally followed by a time of day.
"""

from __future__ import annotations

import datetime as dt
import re

from govopen_std.interchange.cells import match_channel

_DATE = re.compile(r"(\d{4})\s*([-/.年])\s*(\d{1,2})\s*([-/.月])\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?")
_SERIAL = re.compile(r"\d{5}(?:\.\d+)?")  # a serial typed as text: 1927..2173
_SEPARATORS = {"-": "-", "/": "/", ".": ".", "年": "月"}
EXCEL_EPOCH = dt.date(1899, 12, 30)
MAX_SERIAL = 2958465  # 9999-12-31
# scheme http or https, a host, then anything without blanks (what urlsplit accepts, minus blanks)
_URL = re.compile(r"[Hh][Tt][Tt][Pp][Ss]?://[^\s/?#]+(?:[/?#]\S*)?")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_CHANNEL_SPLIT = re.compile(r"[、，,；;\n]+|\s+")

KINDS: dict[str, str] = {
    "发布": "发布", "信息发布": "发布", "公开": "发布", "主动公开": "发布", "": "发布",
    "解读": "解读", "政策解读": "解读", "文件解读": "解读",
    "抽查": "抽查", "回应": "回应", "回应关切": "回应", "舆情回应": "回应", "政务舆情回应": "回应",
}
FOUND = {"是": True, "否": False, "有": True, "无": False, "y": True, "n": False, "yes": True, "no": False}
MARKS = {"■": True, "□": False, "☑": True, "☐": False, "√": True, "×": False}


class CellError(Exception):
    """A cell that cannot be read: `code` of the message catalog and the cell's value as text."""

    def __init__(self, code: str, value: str) -> None:
        super().__init__(code)
        self.code = code
        self.value = value


def text(value: object) -> str:
    """A cell's value as trimmed text (a whole float without its .0)."""
    if type(value) is str:  # the common case first: every CSV cell, most XLSX cells
        raw = value.strip()
        return raw[1:] if raw[:1] == "'" and raw[1:2] in _FORMULA_START else raw
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    raw = str(value).strip()
    # `ledger export` protects a CSV cell that a spreadsheet would run as a formula with a leading apostrophe
    return raw[1:] if raw[:1] == "'" and raw[1:2] in _FORMULA_START else raw


_SEEN_DATES: dict[str, dt.date] = {}
_SEEN_LIMIT = 100_000


def parse_date(value: object) -> dt.date | None:
    """The date a cell holds, None for an empty cell; CellError L711 when it cannot be read."""
    if type(value) is str:
        # a ledger repeats a few hundred dates over thousands of rows: each spelling is parsed once
        known = _SEEN_DATES.get(value)
        if known is not None:
            return known
        day = _parse_date(value)
        if day is not None and len(_SEEN_DATES) < _SEEN_LIMIT:
            _SEEN_DATES[value] = day
        return day
    return _parse_date(value)


def _parse_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise CellError("L711", text(value))
    if isinstance(value, int | float):
        return _serial(float(value), text(value))
    raw = text(value)
    if not raw:
        return None
    if _SERIAL.fullmatch(raw):
        return _serial(float(raw), raw)
    m = _DATE.fullmatch(raw)
    if m is None or _SEPARATORS[m.group(2)] != m.group(4):
        raise CellError("L711", raw)
    try:
        return dt.date(int(m.group(1)), int(m.group(3)), int(m.group(5)))
    except ValueError:
        raise CellError("L711", raw) from None


def _serial(number: float, raw: str) -> dt.date:
    # serials below 61 fall before Excel's phantom 1900-02-29; no ledger holds such dates, so they are refused
    if not 61 <= number <= MAX_SERIAL:
        raise CellError("L711", raw)
    return EXCEL_EPOCH + dt.timedelta(days=int(number))


def parse_url(value: object) -> str | None:
    """An http(s) link, None for an empty cell; CellError L714 for anything else."""
    raw = text(value)
    if not raw:
        return None
    if _URL.fullmatch(raw) is None:
        raise CellError("L714", raw)
    return raw


class ChannelReader:
    """Channel cells → vocabulary names. Ledgers repeat the same few cell texts, so each text is matched once."""

    def __init__(self, channels: list[str]) -> None:
        self.channels = channels
        self._seen: dict[str, tuple[str, ...] | str] = {}

    def parse(self, value: object) -> tuple[str, ...]:
        raw = text(value)
        found = self._seen.get(raw)
        if found is None:
            found = self._seen[raw] = self._match(raw)
        if isinstance(found, str):
            raise CellError("L715", found)
        return found

    def _match(self, raw: str) -> tuple[str, ...] | str:
        names: list[str] = []
        for part in _CHANNEL_SPLIT.split(raw):
            part = part.strip("■□☑√ ")
            if not part:
                continue
            name = match_channel(part, self.channels)
            if name is None:
                return part  # the first unknown name, reported
            if name not in names:
                names.append(name)
        return tuple(names)


def parse_kind(value: object) -> str:
    raw = text(value)
    kind = KINDS.get(raw)
    if kind is None:
        raise CellError("L717", raw)
    return kind


def parse_found(value: object) -> bool | None:
    """是/否 of a checklist; None when the evaluator left it empty."""
    raw = text(value)
    if not raw:
        return None
    found = FOUND.get(raw.lower())
    if found is None:
        raise CellError("L718", raw)
    return found


def parse_mark(value: object) -> bool | None:
    """■ (present) / □ (absent) of a checklist element; None when left empty."""
    raw = text(value)
    if not raw:
        return None
    mark = MARKS.get(raw)
    if mark is None:
        raise CellError("L719", raw)
    return mark
