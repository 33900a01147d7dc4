"""Law names as catalogs write them → ids of the law registry: the exact title first, then a short name.

Sheets write 《中华人民共和国土地管理法》, 土地管理法, 《土地管理法》（2019年修正） or 土地管理法的有关规定;
all of these compare on a width-folded key without book-title marks, version notes or trailing
"有关规定". A name that matches nothing, or more than one law, is reported by the caller.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govopen_std.interchange.text import key, suggestion
from govopen_std.model.law import Law

_PREFIX = "中华人民共和国"
_VERSION = re.compile(r"\((?:[^()]*\d{4}[^()]*|[^()]*(?:修订|修正|版|试行|草案)[^()]*)\)$")
_TAIL = re.compile(r"(?:的?(?:有关|相关)?规定|等(?:法律法规|法规|文件)?|及其?配套(?:文件|规定)?)$")


@dataclass(frozen=True)
class LawMatch:
    law_id: str | None
    candidates: tuple[str, ...] = ()

    @property
    def ambiguous(self) -> bool:
        return self.law_id is None and len(self.candidates) > 1


def law_key(name: str) -> str:
    """The comparison key of a law name: folded, and without version note or trailing '有关规定'."""
    k = key(name)
    for _ in range(3):  # '…（2019年修订）的有关规定' has both
        k = _TAIL.sub("", _VERSION.sub("", k))
    return k


def _without_prefix(k: str) -> str:
    return k[len(_PREFIX):] if k.startswith(_PREFIX) else k


class LawMatcher:
    """Matches names against the registry; built once per import."""

    def __init__(self, laws: list[Law]) -> None:
        self.laws = laws
        self._tables: list[dict[str, list[str]]] = [{}, {}, {}, {}]
        for law in laws:
            self._add(0, law_key(law.title), law.id)
            for short in law.short:
                self._add(1, law_key(short), law.id)
            self._add(2, _without_prefix(law_key(law.title)), law.id)
            for short in law.short:
                self._add(3, _without_prefix(law_key(short)), law.id)

    def _add(self, table: int, k: str, law_id: str) -> None:
        ids = self._tables[table].setdefault(k, [])
        if law_id not in ids:
            ids.append(law_id)

    def match(self, name: str) -> LawMatch:
        k = law_key(name)
        probes = (k, k, _without_prefix(k), _without_prefix(k))
        for table, probe in zip(self._tables, probes, strict=True):
            ids = table.get(probe, [])
            if len(ids) == 1:
                return LawMatch(ids[0])
            if ids:
                return LawMatch(None, tuple(ids))
        return LawMatch(None)

    def title_of(self, law_id: str) -> str:
        return next((law.title for law in self.laws if law.id == law_id), law_id)

    def suggest(self, name: str) -> str:
        titles = [law.title for law in self.laws] + [s for law in self.laws for s in law.short]
        return suggestion(name.strip("《》"), titles)
