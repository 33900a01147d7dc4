"""Cell text: cleaning what spreadsheets hold, matching keys that ignore width and spacing, splitting
lists at top-level separators only, and Chinese numerals in article numbers.

Chinese catalogs mix full-width and half-width punctuation freely (（县级） and (县级), ；and ;), and a
separator inside brackets is part of a name (县（市、区）人民政府 is one subject), so every split here
respects bracket depth.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

_OPEN = "（(《〈【[“"
_CLOSE = "）)》〉】]”"
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u00ad"), None)
_SPACES = re.compile(r"[ \t\u3000\u00a0]+")
# Catalog text writes digits and Latin letters half-width and without spaces next to Chinese (２０ 个 -> 20个).
_FULLWIDTH_ALNUM = {c: c - 0xFEE0 for c in [*range(0xFF10, 0xFF1A), *range(0xFF21, 0xFF3B), *range(0xFF41, 0xFF5B)]}
_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef]) (?=[0-9A-Za-z])|(?<=[0-9A-Za-z]) (?=[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef])")
_QUOTES = str.maketrans("", "", "《》〈〉<>“”\"'‘’「」")
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


def clean(value: object) -> str:
    """A cell's value as trimmed text: lines stripped, runs of spaces collapsed, empty lines dropped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        value = value.date() if value.time() == dt.time() else value
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    text = str(value).translate(_INVISIBLE).translate(_FULLWIDTH_ALNUM).replace("\r\n", "\n").replace("\r", "\n")
    lines = (_CJK_GAP.sub("", _SPACES.sub(" ", line)).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def key(text: str) -> str:
    """A matching key: width-folded (NFKC), without spaces, book-title marks or quotes, lower case."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return re.sub(r"\s+", "", folded).lower()


def split_top(text: str, separators: str) -> list[str]:
    """Split at any of `separators` that is outside brackets; parts are stripped, empty ones dropped."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        if char in _OPEN:
            depth += 1
        elif char in _CLOSE and depth:
            depth -= 1
        if depth == 0 and char in separators:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def parse_cn_int(text: str) -> int | None:
    """'47', '４７', '四十七', '十', '一百零五', '二百' -> int; anything else -> None."""
    folded = unicodedata.normalize("NFKC", text).strip()
    if folded.isdigit():
        return int(folded)
    if folded in ("零", "〇"):
        return 0
    if not folded or any(c not in _CN_DIGITS and c not in _CN_UNITS for c in folded):
        return None
    total, digit = 0, None
    for char in folded:
        if char in "零〇":
            continue  # a placeholder between units (一百零五)
        if char in _CN_DIGITS:
            if digit is not None:
                return None  # two digits in a row (一二) is not a number
            digit = _CN_DIGITS[char]
        else:
            total += (1 if digit is None else digit) * _CN_UNITS[char]
            digit = None
    return total + (digit or 0)


def best_match(value: str, allowed: list[str]) -> str | None:
    """The entry of `allowed` whose key equals `value`'s key."""
    wanted = key(value)
    return next((a for a in allowed if key(a) == wanted), None)


def suggestion(value: str, allowed: list[str]) -> str:
    import difflib

    close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.5)
    return close[0] if close else ""
