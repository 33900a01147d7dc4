"""Chinese numerals for article numbers (第二十六条) and similar display."""

from __future__ import annotations

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 26 -> 二十六, 105 -> 一百零五, 120 -> 一百二十 (as laws number their articles)."""
    if n < 0:
        raise ValueError(n)
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n - 10] if n > 10 else "")
    if n < 100:
        tens, ones = divmod(n, 10)
        return _DIGITS[tens] + "十" + (_DIGITS[ones] if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        if rest == 0:
            return _DIGITS[hundreds] + "百"
        if rest < 10:
            return _DIGITS[hundreds] + "百零" + _DIGITS[rest]
        return _DIGITS[hundreds] + "百" + (chinese_number(rest) if rest >= 20 else "一" + chinese_number(rest))
    return str(n)


def article_label(article: int | str) -> str:
    if isinstance(article, int):
        return f"第{chinese_number(article)}条"
    text = str(article)
    return text if text.startswith("第") else f"第{text}条"
