"""A standard's full title (文件名称) as GB/T 1.1—2020 structures it: 引导要素　主体要素 (补充要素), the elements
separated by a full-width space (U+3000).

Annex 1 names the sub-standards of a domain by their subject alone (考核评价 eight times, 供水管理,
补偿安置), which is unambiguous only under the domain's heading of the list. On their own (a cover, a
page title, a revision table) they need the domain as 引导要素. The family's introductory element is
"<领域>政务公开", as in the one published standard of this pilot family, DB3301/T 0262—2018
《市政服务政务公开规范》 (Annex 1 planned it as 市政服务公开规范). So:

- a domain's 公开规范 (-00): <领域>政务公开规范 (市政服务政务公开规范);
- its sub-standards: <领域>政务公开　<title> (市政服务政务公开　供水管理);
- the general standards keep their title (政务公开总则 already names its subject).

The responsibility list reproduces Annex 1 and keeps the printed titles.
"""

from __future__ import annotations

from govopen_std.model.system import Group, StandardProject

ELEMENT_SEPARATOR = "\u3000"
GENERAL_GROUP = "general"


def domain_lead(group: Group) -> str:
    """The introductory element of a domain's standards: 征地补偿政务公开."""
    return f"{group.title}政务公开"


def full_title(project: StandardProject, group: Group | None) -> str:
    """The title a standard is published under (see the module docstring)."""
    if group is None or project.group == GENERAL_GROUP:
        return project.title
    if project.is_domain_spec:
        return f"{domain_lead(group)}规范"
    return f"{domain_lead(group)}{ELEMENT_SEPARATOR}{project.title}"
