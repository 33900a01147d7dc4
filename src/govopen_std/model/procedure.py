"""The steps of disclosure that a domain's 公开规范 writes in its procedure clause (公开程序), read from the
text as written: a list under a lead-in ("主动公开按照下列程序进行：" then "信息形成：……；" → 信息形成), or a
sentence "依申请公开按照受理、登记、审核、答复、归档的程序办理" (→ five steps). The DOCX draws them as 图1
(render/docx_std/figures.py) and `govopen check` knows that the figure exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govopen_std.model.standard import Clause, ListBlock, StandardText

PROCEDURE_TITLE = "公开程序"
LANE = re.compile(r"(主动公开|依申请公开)")
STEPS = re.compile(r"(主动公开|依申请公开)[^，。；]*?按照?([^，。；]+?)的程序")


@dataclass(frozen=True)
class Lane:
    name: str
    steps: tuple[str, ...]


def procedure_clause(clauses: list[Clause]) -> Clause | None:
    for clause in clauses:
        if clause.title == PROCEDURE_TITLE:
            return clause
        found = procedure_clause(clause.clauses)
        if found is not None:
            return found
    return None


def lanes(text: StandardText) -> list[Lane]:
    """The ways of disclosure and their steps, as the procedure clause writes them."""
    clause = procedure_clause(list(text.clauses))
    if clause is None:
        return []
    found: list[Lane] = []
    body = list(clause.body)
    for j, block in enumerate(body):
        following = body[j + 1] if j + 1 < len(body) else None
        if isinstance(block, str) and isinstance(following, ListBlock):
            lane = LANE.search(block)
            steps = [re.split(r"[：:]", e, maxsplit=1)[0].strip() for e in following.entries]
            found.append(Lane(lane.group(1) if lane else "信息公开", tuple(s for s in steps if s)))
        elif isinstance(block, str):
            for match in STEPS.finditer(block):
                found.append(Lane(match.group(1), tuple(s for s in re.split("[、，]", match.group(2)) if s)))
    return [lane for lane in found if len(lane.steps) >= 2]
