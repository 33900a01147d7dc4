"""Rules on the national coverage matrix (standards/coverage/<domain>.yaml): every code a national item maps to
exists in its domain, no national item is listed twice, and every item of the domain is either mapped from a
national item or declared a Zhejiang addition.

PASS::

    domain: szfw
    guidelines:
      - {id: szfw-national, title: 市政服务领域基层政务公开标准指引, issuer: 住房和城乡建设部}
    items:
      - guideline: szfw-national
        category: [城镇燃气管理, 燃气经营许可证核发]
        source: 市政服务领域基层政务公开标准目录（县级政府网站公布）
        verified: true
        codes: [SZFW-11-01]

FAIL (C430: SZFW-99-01 is no item of 市政服务; C431: the same national item twice)::

    items:
      - {guideline: szfw-national, category: [城镇燃气管理, 燃气经营许可证核发], source: …, verified: true,
         codes: [SZFW-99-01]}
      - {guideline: szfw-national, category: [城镇燃气管理, 燃气经营许可证核发], source: …, verified: true,
         not_covered: 重复}
"""

from __future__ import annotations

from collections.abc import Iterator

from govopen_std.check.context import CheckContext
from govopen_std.diagnostics import Diagnostic, Diagnostics
from govopen_std.load.coverage import load_coverage
from govopen_std.load.sources import Located
from govopen_std.model.coverage import CoverageMatrix

ID = "coverage"


def domain_codes(ctx: CheckContext, domain: str) -> list[str]:
    """The item codes of a domain (group id), in source order."""
    codes: list[str] = []
    for standard_id, item in ctx.items():
        group = ctx.group_of(standard_id)
        if group is not None and group.id == domain:
            codes.append(item.value.code)
    return codes


def check(ctx: CheckContext) -> Iterator[Diagnostic]:
    diags = Diagnostics()
    matrices = load_coverage(ctx.sources, diags)
    yield from diags.items
    seen_domains: dict[str, str] = {}
    for matrix in matrices:
        domain = matrix.value.domain
        if domain not in ctx.groups or domain == "general":
            if ctx.groups:
                yield Diagnostic.make("C433", matrix.location("domain"), domain=domain,
                                      known="、".join(g for g in ctx.groups if g != "general"))
            continue
        if domain in seen_domains:
            yield Diagnostic.make("C436", matrix.location("domain"), domain=domain, first=seen_domains[domain])
            continue
        seen_domains[domain] = str(matrix.location("domain"))
        yield from _guidelines_known(matrix)
        yield from _listed_once(matrix)
        if domain not in ctx.items_unknown:
            yield from _codes_exist(ctx, matrix)


def _guidelines_known(matrix: Located[CoverageMatrix]) -> Iterator[Diagnostic]:
    known = [g.id for g in matrix.value.guidelines]
    for i, item in enumerate(matrix.value.items):
        if item.guideline not in known:
            yield Diagnostic.make("C432", matrix.location("items", i, "guideline"), guideline=item.guideline,
                                  known="、".join(known))


def _listed_once(matrix: Located[CoverageMatrix]) -> Iterator[Diagnostic]:
    first: dict[tuple[str, tuple[str, ...]], str] = {}
    for i, item in enumerate(matrix.value.items):
        key = (item.guideline, tuple(item.category))
        if key in first:
            yield Diagnostic.make("C431", matrix.location("items", i, "category"), name=item.name, first=first[key])
        else:
            first[key] = str(matrix.location("items", i, "category"))


def _codes_exist(ctx: CheckContext, matrix: Located[CoverageMatrix]) -> Iterator[Diagnostic]:
    domain = matrix.value.domain
    existing = set(domain_codes(ctx, domain))
    mapped: set[str] = set()
    for i, item in enumerate(matrix.value.items):
        for j, code in enumerate(item.codes):
            mapped.add(code)
            if code not in existing:
                yield Diagnostic.make("C430", matrix.location("items", i, "codes", j), code=code, name=item.name,
                                      domain=ctx.groups[domain].title)
    added: set[str] = set()
    for i, addition in enumerate(matrix.value.additions):
        here = matrix.location("additions", i, "code")
        if addition.code not in existing:
            yield Diagnostic.make("C430", here, code=addition.code, name="浙江增设", domain=ctx.groups[domain].title)
        elif addition.code in mapped:
            yield Diagnostic.make("C434", here, code=addition.code)
        added.add(addition.code)
    for code in sorted(existing - mapped - added):
        yield Diagnostic.make("C435", matrix.location("additions"), code=code, domain=ctx.groups[domain].title)
