"""Build the view model from loaded sources and a resolved catalog."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from govopen_std.load.sources import Sources
from govopen_std.load.synonyms import synonym_groups
from govopen_std.model.item import Item
from govopen_std.model.law import Law
from govopen_std.model.system import StandardProject
from govopen_std.resolve.catalog import Catalog, ResolvedItem
from govopen_std.view.indicators import with_indicator_tables
from govopen_std.view.model import (
    EMPTY,
    BuildView,
    ChannelDetail,
    ChannelMark,
    CountyView,
    GroupView,
    ItemRow,
    LawRef,
    LawView,
    ProvenanceView,
    StandardView,
)
from govopen_std.view.numerals import article_label
from govopen_std.view.organizations import organization_views
from govopen_std.view.titles import full_title

STATUS_LABELS = {"local": "本县增补", "amended": "本县细化", "not_applicable": "不适用"}
DEFAULT_ISSUER = "浙江省市场监督管理局"


def build_date(sources: Sources) -> dt.date:
    """The date printed on outputs: SOURCE_DATE_EPOCH when set, else the newest date in the sources.

    Never the clock, so two builds of the same sources are byte-identical.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    dates = [law.value.date for law in sources.laws]
    if sources.system:
        for p in sources.system.value.standards:
            dates += [d for d in (p.issued, p.implemented) if d]
            dates += [h.date for h in p.status_history]
    return max(dates, default=dt.date(2017, 8, 3))


class _Shared:
    """Parts of rows made once per value object rather than once per row.

    A county's catalog shares most of its values with the province's: the overlay replaces only what it
    changes (`resolve.overlay`), so an item's `basis` and `content` lists and its `origins` are the very objects
    of the base item in every county that leaves them alone. Their view parts are kept here by the object's
    identity (the entry holds the object, so the identity cannot be reused while the entry lives) for the laws
    of one workspace (`sources.laws`; another workspace starts afresh), and the views only read them."""

    # entries, then start afresh: a long-lived process must not grow without bound. A county adds about one
    # entry per item that never serves again (its own origins), so this starts afresh every ~20 counties.
    LIMIT = 20_000

    def __init__(self) -> None:
        self.owner: object = None
        self.parts: dict[tuple[str, int], tuple[object, object]] = {}

    def get(self, owner: object, kind: str, value: object) -> object | None:
        if owner is not self.owner or len(self.parts) > self.LIMIT:
            self.owner, self.parts = owner, {}
        entry = self.parts.get((kind, id(value)))
        return entry[1] if entry is not None and entry[0] is value else None

    def put(self, kind: str, value: object, part: object) -> None:
        self.parts[(kind, id(value))] = (value, part)


_SHARED = _Shared()


def _law_view(law: Law) -> LawView:
    """The view of a law; made once per law object (`_Shared`), since every county's view lists the same laws."""
    found = _SHARED.get(_SHARED.owner, "law", law)
    if found is not None:
        return found  # type: ignore[return-value]  # stored by this function
    made = _make_law_view(law)
    _SHARED.put("law", law, made)
    return made


def _make_law_view(law: Law) -> LawView:
    return LawView(law.id, law.title, tuple(law.short), law.number, law.rank, law.issuer, law.version,
                   law.date.isoformat(), law.effective.isoformat() if law.effective else None)


def _basis(item: Item, laws: dict[str, Law], owner: object) -> tuple[LawRef, ...]:
    found = _SHARED.get(owner, "basis", item.basis)
    if found is not None:
        return found  # type: ignore[return-value]  # stored by this function
    basis = tuple(
        LawRef(c.law, laws[c.law].display_title if c.law in laws else f"《{c.law}》",
               "、".join(article_label(a) for a in c.articles), laws[c.law].number if c.law in laws else None,
               c.note)
        for c in item.basis
    )
    _SHARED.put("basis", item.basis, basis)
    return basis


def _content(item: Item, owner: object) -> tuple[tuple[tuple[str, bool], ...], str]:
    found = _SHARED.get(owner, "content", item.content)
    if found is not None:
        return found  # type: ignore[return-value]  # stored by this function
    content = tuple((e.text, e.required) for e in item.content)
    made = (content, _numbered(content) or EMPTY)
    _SHARED.put("content", item.content, made)
    return made


def _provenance_fields(resolved: ResolvedItem, owner: object) -> dict[str, str]:
    found = _SHARED.get(owner, "origins", resolved.origins)
    if found is not None:
        return found  # type: ignore[return-value]  # stored by this function
    fields = {k: o.label for k, o in sorted(resolved.origins.items())}
    _SHARED.put("origins", resolved.origins, fields)
    return fields


def _row(seq: int | None, resolved: ResolvedItem, laws: dict[str, Law], subjects: dict[str, str],
         details: dict[str, str], owner: object, catalog: Catalog | None = None) -> ItemRow:
    """One catalog row. `owner` is the workspace's `sources.laws`, which `laws` is made from (see `_Shared`)."""
    item = resolved.item
    cat = [*item.category, "", ""]
    basis = _basis(item, laws, owner)
    content, content_text = _content(item, owner)
    local_subjects = tuple(subjects.get(s, s) for s in item.subject)
    channels = tuple([ChannelMark(c, True) for c in item.channels.required]
                     + [ChannelMark(c, False) for c in item.channels.optional])
    provenance = ProvenanceView(STATUS_LABELS.get(resolved.status), _provenance_fields(resolved, owner))
    return ItemRow(
        seq=seq, code=item.code, standard_id=resolved.standard_id, group_id=resolved.group_id, area=item.area,
        primary=cat[0], secondary=cat[1], tertiary=cat[2], name=item.name or cat[1] or cat[0],
        content=content, content_text=content_text,
        basis=basis, basis_text="\n".join(b.display for b in basis) or EMPTY,
        deadline=item.deadline.text if item.deadline else EMPTY,
        subjects=local_subjects, subject_text="、".join(local_subjects) or EMPTY,
        channels=channels, channels_text=" ".join(c.display for c in channels) or EMPTY,
        audience=item.audience.display() if item.audience else EMPTY,
        method=item.method or EMPTY, level="、".join(item.level) or EMPTY, openness=item.openness or EMPTY,
        status=resolved.status, reason=resolved.reason, provenance=provenance,
        note=item.note, amendment_note=resolved.amendment_note,
        channel_details=tuple(ChannelDetail(c.name, details[c.name], not _unverified_channel(catalog, c.name))
                              for c in channels if c.name in details),
        unverified_subjects=tuple(s for s in local_subjects if catalog is not None and s in catalog.unverified_bodies),
        province_text=_province_text(resolved, laws, owner) if resolved.base is not None else (),
    )


def _element_texts(item: Item, laws: dict[str, Law], owner: object) -> dict[str, str]:
    """The elements a county may amend, as one line of text each (the catalog's wording)."""
    channels = [ChannelMark(c, True) for c in item.channels.required] + \
        [ChannelMark(c, False) for c in item.channels.optional]
    return {
        "content": _content(item, owner)[1], "basis": "\n".join(b.display for b in _basis(item, laws, owner)),
        "deadline": item.deadline.text if item.deadline else EMPTY, "method": item.method or EMPTY,
        "channels": " ".join(c.display for c in channels), "level": "、".join(item.level),
    }


def _province_text(resolved: ResolvedItem, laws: dict[str, Law], owner: object) -> tuple[tuple[str, str], ...]:
    """(element, the province's wording) for each element the county's amendment changed."""
    assert resolved.base is not None
    before = _element_texts(resolved.base, laws, owner)
    after = _element_texts(resolved.item, laws, owner)
    return tuple((name, text) for name, text in before.items() if after[name] != text)


def _unverified_channel(catalog: Catalog | None, name: str) -> bool:
    return catalog is not None and name in catalog.unverified_channels


def _numbered(content: tuple[tuple[str, bool], ...]) -> str:
    if len(content) == 1:
        text, required = content[0]
        return text if required else f"〔可选〕{text}"
    return "\n".join(f"{i}.{text}" + ("" if required else "（可选）") for i, (text, required) in enumerate(content, 1))


def _standard_view(project: StandardProject, sources: Sources, groups: dict[str, tuple[str, dict[str, str]]],
                   rows: tuple[ItemRow, ...], laws: dict[str, Law],
                   domain_items: list[ResolvedItem] | None = None) -> StandardView:
    """`domain_items`: the items of the project's domain (for a domain's evaluation standard's item table)."""
    assert sources.system is not None
    system = sources.system.value
    text = sources.text(project.id)
    group_title, subgroups = groups.get(project.group, (project.group, {}))
    cited = {ref.law_id for row in rows for ref in row.basis}
    return StandardView(
        id=project.id, title=project.title, group_id=project.group, group_title=group_title,
        subgroup_title=subgroups.get(project.subgroup or ""), month=project.month, units=tuple(project.units),
        status=project.status, number=project.number,
        issued=project.issued.isoformat() if project.issued else None,
        implemented=project.implemented.isoformat() if project.implemented else None,
        record_no=project.record_no, ics=system.ics_of(project), ccs=system.ccs_of(project),
        replaces=project.replaces, items=rows,
        text=with_indicator_tables(text.value, domain_items) if text else None,
        laws=tuple(_law_view(law) for law in laws.values() if law.id in cited),
        full_title=full_title(project, next((g for g in system.groups if g.id == project.group), None)),
    )


def build_view(sources: Sources, catalog: Catalog, *, issuer: str = DEFAULT_ISSUER) -> BuildView:
    """Number the catalog rows and group them by domain and standard, once, for every renderer."""
    assert sources.system is not None and sources.vocabulary is not None
    system = sources.system.value
    laws = {law.value.id: law.value for law in sources.laws}
    adopted = set(catalog.adopted_groups) if catalog.adopted_groups is not None else None
    by_group: dict[str, list[ItemRow]] = {}
    by_standard: dict[str, list[ItemRow]] = {}
    numbered: dict[str, int] = {}
    resolved_by_group: dict[str, list[ResolvedItem]] = {}
    for resolved in catalog.items:
        if adopted is not None and resolved.group_id not in adopted:
            continue
        resolved_by_group.setdefault(resolved.group_id, []).append(resolved)
        rows = by_group.setdefault(resolved.group_id, [])
        # 序号 counts the items that apply, so DOCX, HTML and XLSX print the same numbers; one that does not
        # apply keeps its place in the order but has no 序号.
        seq = None
        if resolved.status != "not_applicable":
            seq = numbered[resolved.group_id] = numbered.get(resolved.group_id, 0) + 1
        row = _row(seq, resolved, laws, catalog.subjects, catalog.channel_details, sources.laws, catalog)
        rows.append(row)
        by_standard.setdefault(resolved.standard_id, []).append(row)
    group_meta = {g.id: (g.title, {s.id: s.title for s in g.subgroups}) for g in system.groups}
    standards: list[StandardView] = []
    for project in system.standards:
        own = by_group.get(project.group, []) if project.id.endswith("-00") and project.group != "general" \
            else by_standard.get(project.id, [])
        domain_items = resolved_by_group.get(project.group, []) if project.group != "general" else None
        standards.append(_standard_view(project, sources, group_meta, tuple(own), laws, domain_items))
    groups = tuple(
        GroupView(g.id, g.number, g.title, g.code, tuple(g.areas), tuple((s.id, s.title) for s in g.subgroups),
                  tuple(s for s in standards if s.group_id == g.id), tuple(by_group.get(g.id, [])),
                  catalog.domain_reasons.get(g.id))
        for g in system.groups if adopted is None or g.id in adopted or g.id == "general"
    )
    vocab = sources.vocabulary.value
    county = CountyView(catalog.county.code, catalog.county.name, catalog.county.city) if catalog.county else None
    title = sources.config.name if sources.config else system.title
    return BuildView(
        title=title, province=sources.config.province.name if sources.config else "浙江省", issuer=issuer,
        county=county, groups=groups, standards=tuple(standards),
        laws=tuple(_law_view(law.value) for law in sources.laws),
        channels=tuple(vocab.channel_names()),
        vocabulary={"methods": tuple(vocab.methods), "levels": tuple(vocab.levels),
                    "openness": tuple(vocab.openness), "audiences": tuple(vocab.audiences)},
        build_date=build_date(sources),
        extras={"catalog": catalog},
        templates_dir=_templates_dir(sources),
        organizations=organization_views(sources),
        channel_details=_channel_details(catalog, vocab.channel_names()),
        synonyms=synonym_groups(sources),
    )


def _channel_details(catalog: Catalog, order: list[str]) -> tuple[ChannelDetail, ...]:
    """The county's carriers in vocabulary order (a channel the vocabulary lacks goes last, as written)."""
    rank = {name: i for i, name in enumerate(order)}
    names = sorted(catalog.channel_details, key=lambda name: rank.get(name, len(rank)))
    return tuple(ChannelDetail(name, catalog.channel_details[name], name not in catalog.unverified_channels)
                 for name in names)


def _templates_dir(sources: Sources) -> Path | None:
    """The workspace's own templates folder, if it has one (renderers fall back to the embedded templates)."""
    name = sources.config.templates_dir if sources.config else "templates"
    path = sources.workspace.root / name
    return path if path.is_dir() else None
