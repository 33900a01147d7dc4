"""GB/T 1.1—2020 structure rules on standard texts, each pointing at the YAML that breaks it:

- a sibling standard (by its title in 《》) or a national standard (by its number) that the technical
  chapters or a normative annex rely on is listed in 规范性引用文件 (C470, C471; a sibling still being
  drafted is listed as `DB33/T XXXX` with its title);
- every reference to 附录X, 表X, 图X or a clause resolves (C472–C475);
- no 悬置段: a clause with sub-clauses has no text of its own before them (C476; GB/T 1.1—2020 7.4);
- every list (列项) follows its lead-in sentence (C477; GB/T 1.1—2020 7.5);
- an annex table does not repeat a table of the body (C478);
- the catalog columns of gen-03 carry the item code that gen-03 5.2 and gen-10 (DE01, 必选) require (C480).

FAIL (C476)::

    clauses:
      - title: 总体要求
        body: [公开工作应遵循下列原则。]   # text before the sub-clauses
        clauses: [{title: 原则, body: [...]}]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from govopen_std.check.context import CATALOG_STANDARD, CheckContext
from govopen_std.check.text_walk import Numbers, Path, WrittenTable, numbering, sentences
from govopen_std.diagnostics import Diagnostic
from govopen_std.load.sources import Located
from govopen_std.model.standard import Clause, ListBlock, StandardText

ID = "structure"
DRAFT_NUMBER = "DB33/T XXXX"
CODE_FIELD = "code"
NATIONAL = re.compile(r"(?<![A-Za-z/])(GB(?:/[TZ])?) ?(\d+(?:\.\d+)*)(?:—\d{4})?")
# A reference inside another document's title (《…》附录A) points into that document: not resolved here.
FOREIGN = r"(?<!》)(?<!标准)(?<!标准的)"
ANNEX_REF = re.compile(FOREIGN + r"附录([A-Z])(?![A-Za-z])")
TABLE_REF = re.compile(FOREIGN + r"表((?:[A-Z]\.)?\d+)(?![\d.])")
FIGURE_REF = re.compile(FOREIGN + r"图((?:[A-Z]\.)?\d+)(?![\d.])")
CLAUSE_REF = re.compile(FOREIGN + r"(?:见|按|按照|依照|符合|依据|根据)((?:\d+|[A-Z])(?:\.\d+)+)(?![\d.])")
REQUIREMENT = re.compile(r"应|须|按|执行|符合|遵循|遵守")
CHAPTER_REF = re.compile(FOREIGN + r"第(\d+)章")


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    titles = _sibling_titles(ctx)
    for text in ctx.sources.texts:
        yield from _references_listed(text, titles)
        numbers, tables = numbering(text.value, _has_catalog(ctx, text.value.id) or bool(text.value.items))
        yield from _references_resolve(text, numbers)
        yield from _hanging_paragraphs(text, text.value.clauses, ("clauses",))
        yield from _lists_have_lead_ins(text)
        yield from _annex_repeats(text, tables)
    yield from _catalog_code_column(ctx)


def _sibling_titles(ctx: CheckContext) -> dict[str, tuple[str, str | None]]:
    """Title → (standard id, its number when published) for titles that name one project only."""
    count: dict[str, int] = {}
    for project in ctx.projects.values():
        count[project.title] = count.get(project.title, 0) + 1
    return {p.title: (p.id, p.number if p.status in ("发布", "废止") else None)
            for p in ctx.projects.values() if count[p.title] == 1}


def _has_catalog(ctx: CheckContext, sid: str) -> bool:
    """Whether the text gets the catalog as 附录A: its own items, or for a domain's 公开规范 (<d>-00) any item of
    the domain (the view lists the whole domain's catalog there, view.builder)."""
    if ctx.sources.items.get(sid):
        return True
    group = ctx.group_of(sid)
    if not sid.endswith("-00") or group is None or group.id == "general":
        return False
    return any(items and ctx.group_of(other) is group for other, items in ctx.sources.items.items())


def _references_listed(text: Located[StandardText], titles: dict[str, tuple[str, str | None]]) -> Iterator[Diagnostic]:
    listed_titles = {r.title for r in text.value.normative_references}
    listed_numbers = [re.sub(r"\s", "", r.number) for r in text.value.normative_references]
    reported: set[str] = set()
    for s in sentences(text.value):
        if not s.normative:
            continue
        for title in _required_titles(s.text):
            sibling = titles.get(title)
            if sibling and sibling[0] != text.value.id and title not in listed_titles and title not in reported:
                reported.add(title)
                yield Diagnostic.make("C470", text.location(*s.path), id=text.value.id, title=title,
                                      number=sibling[1] or DRAFT_NUMBER)
        for prefix, serial in NATIONAL.findall(s.text):
            number = f"{prefix}{serial}"
            if not any(n.startswith(number) and n[len(number):][:1] in ("", "—") for n in listed_numbers) \
                    and number not in reported:
                reported.add(number)
                yield Diagnostic.make("C471", text.location(*s.path), id=text.value.id, number=f"{prefix} {serial}")


def _required_titles(text: str) -> Iterator[str]:
    """Titles in 《》 of the parts of a sentence (split at ；and 。) that state a requirement: 应符合《…》,
    按《…》执行, 符合《…》 (a list entry under the lead-in's 应)."""
    for part in re.split(r"[；。]", text):
        if REQUIREMENT.search(part):
            yield from re.findall(r"《([^》]+)》", part)


def _references_resolve(text: Located[StandardText], numbers: Numbers) -> Iterator[Diagnostic]:
    checks = ((ANNEX_REF, numbers.annexes, "C472", "附录"), (TABLE_REF, numbers.tables, "C473", "表"),
              (FIGURE_REF, numbers.figures, "C474", "图"), (CLAUSE_REF, numbers.clauses, "C475", ""),
              (CHAPTER_REF, numbers.clauses, "C475", ""))
    for s in sentences(text.value):
        for pattern, known, code, label in checks:
            for target in pattern.findall(s.text):
                if target not in known:
                    yield Diagnostic.make(code, text.location(*s.path), id=text.value.id, ref=f"{label}{target}",
                                          known="、".join(sorted(known, key=_natural)) or "—")


def _natural(number: str) -> tuple[tuple[int, str], ...]:
    return tuple((int(p), "") if p.isdigit() else (0, p) for p in number.split("."))


def _hanging_paragraphs(text: Located[StandardText], clauses: list[Clause], path: Path) -> Iterator[Diagnostic]:
    for i, clause in enumerate(clauses):
        here = (*path, i)
        if clause.clauses and clause.body:
            yield Diagnostic.make("C476", text.location(*here, "body"), id=text.value.id,
                                  title=clause.title or "（无标题）", count=len(clause.body))
        yield from _hanging_paragraphs(text, clause.clauses, (*here, "clauses"))
    if path == ("clauses",):
        for a, annex in enumerate(text.value.annexes):
            if annex.clauses and annex.body:
                yield Diagnostic.make("C476", text.location("annexes", a, "body"), id=text.value.id,
                                      title=annex.title, count=len(annex.body))
            yield from _hanging_paragraphs(text, annex.clauses, ("annexes", a, "clauses"))


def _bodies(clauses: list[Clause], path: Path) -> Iterator[tuple[Path, list[object]]]:
    for i, clause in enumerate(clauses):
        yield (*path, i, "body"), list(clause.body)
        yield from _bodies(clause.clauses, (*path, i, "clauses"))


def _lists_have_lead_ins(text: Located[StandardText]) -> Iterator[Diagnostic]:
    bodies = list(_bodies(text.value.clauses, ("clauses",)))
    for a, annex in enumerate(text.value.annexes):
        bodies.append((("annexes", a, "body"), list(annex.body)))
        bodies += list(_bodies(annex.clauses, ("annexes", a, "clauses")))
    for path, body in bodies:
        for j, block in enumerate(body):
            if not isinstance(block, ListBlock):
                continue
            before = body[j - 1] if j else None
            if not (isinstance(before, str) and before.rstrip().endswith(("：", "。"))):
                yield Diagnostic.make("C477", text.location(*path, j), id=text.value.id, first=block.entries[0])


def _projection(table: WrittenTable, header: tuple[str, ...]) -> tuple[tuple[str, ...], ...] | None:
    """The table's rows cut to `header`'s columns, when it has them all."""
    if not set(header) <= set(table.header):
        return None
    index = [table.header.index(h) for h in header]
    return tuple(tuple(r[i] for i in index if i < len(r)) for r in table.rows)


def _annex_repeats(text: Located[StandardText], tables: list[WrittenTable]) -> Iterator[Diagnostic]:
    body = [t for t in tables if not t.in_annex]
    for annex_table in (t for t in tables if t.in_annex):
        for b in body:
            if annex_table.rows and _projection(b, annex_table.header) == annex_table.rows:
                yield Diagnostic.make("C478", text.location(*annex_table.path), id=text.value.id,
                                      table=f"表{annex_table.number}", body=f"表{b.number}")
                break


def _catalog_code_column(ctx: CheckContext) -> Iterator[Diagnostic]:
    rules, text = ctx.catalog_rules, ctx.sources.text(CATALOG_STANDARD)
    code = next((e for e in ctx.data_elements if e.field == CODE_FIELD and e.obligation == "必选"), None)
    if rules is None or text is None or code is None or code.name in rules.columns:
        return
    yield Diagnostic.make("C480", text.location("catalog_rules", "columns"), column=code.name, element=code.id)
