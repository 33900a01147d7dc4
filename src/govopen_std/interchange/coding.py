"""Item codes per the coding rule of gen-02 (`CodingScheme`): keep a sheet's code when it is valid and
free, otherwise give the next free one.

Codes follow the category: items that share an 一级事项 share the primary number (also with items of
the domain's other texts, when the names match), the last level counts up. The primary number comes
from the provincial range for a domain text and from the local range (本县增补) for a county.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from govopen_std.model.standard import CodingScheme


class Coder:
    """Codes for one domain (`domain_code`), aware of the codes already in use."""

    def __init__(self, scheme: CodingScheme, domain_code: str, *, local: bool,
                 existing: Iterable[tuple[str, list[str]]] = ()) -> None:
        self.scheme = scheme
        self.domain_code = domain_code
        self.segments = [s for s in scheme.segments if s.field != "domain"]
        self.first_range = scheme.ranges.local if local else scheme.ranges.provincial
        self.used: set[tuple[int, ...]] = set()
        self.names: dict[tuple[tuple[int, ...], str], int] = {}
        for code, category in existing:
            numbers = self.numbers(code)
            if numbers is not None:
                self._record(numbers, category)

    def numbers(self, code: str) -> tuple[int, ...] | None:
        """The numeric segments of a code of this domain, or None when it does not fit the rule."""
        if not re.match(self.scheme.pattern(), code):
            return None
        parts = code.split(self.scheme.separator)
        fields = dict(zip((s.field for s in self.scheme.segments), parts, strict=False))
        if fields.get("domain", self.domain_code) != self.domain_code:
            return None
        return tuple(int(fields[s.field]) for s in self.segments)

    def _range(self, level: int) -> range:
        if level == 0:
            return range(self.first_range[0], self.first_range[1] + 1)
        return range(1, 10 ** self.segments[level].length)

    def _record(self, numbers: tuple[int, ...], category: list[str]) -> None:
        self.used.add(numbers)
        for level in range(len(numbers) - 1):
            name = category[level] if level < len(category) else ""
            self.names.setdefault((numbers[:level], name), numbers[level])

    def keep(self, code: str, category: list[str]) -> str | None:
        """Take `code` for an item; None when that works, else why not (in Chinese)."""
        numbers = self.numbers(code)
        if numbers is None:
            return f"应为 {self.domain_code}{self.scheme.separator}NN{self.scheme.separator}NN 的形式"
        if numbers[0] not in self._range(0):
            low, high = self.first_range
            return f"一级序号应在 {low:02d}–{high:02d} 之间"
        if numbers in self.used:
            return "已被其他事项使用"
        self._record(numbers, category)
        return None

    def _free(self, prefix: tuple[int, ...], level: int) -> int | None:
        last = level == len(self.segments) - 1
        taken_names = {n for (p, _name), n in self.names.items() if p == prefix}
        for n in self._range(level):
            candidate = (*prefix, n)
            if last and candidate not in self.used:
                return n
            if not last and n not in taken_names and not any(u[: level + 1] == candidate for u in self.used):
                return n
        return None

    def new(self, category: list[str]) -> str | None:
        """The next free code for an item of `category`; None when a range is exhausted."""
        prefix: tuple[int, ...] = ()
        for level in range(len(self.segments)):
            last = level == len(self.segments) - 1
            name = category[level] if level < len(category) else ""
            number = None if last else self.names.get((prefix, name))
            if number is None:
                number = self._free(prefix, level)
                if number is None:
                    return None
                if not last:
                    self.names[(prefix, name)] = number
            prefix = (*prefix, number)
        self.used.add(prefix)
        return self.format(prefix)

    def format(self, numbers: tuple[int, ...]) -> str:
        parts = iter(numbers)
        out = []
        for segment in self.scheme.segments:
            out.append(self.domain_code if segment.field == "domain" else f"{next(parts):0{segment.length}d}")
        return self.scheme.separator.join(out)
