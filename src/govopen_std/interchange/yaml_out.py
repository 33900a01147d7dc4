"""Items → YAML, deterministically: the same items always give the same bytes.

Items are written in block style with their fields in model order; short lists (category, subjects,
levels, channels, article numbers) and citations are written in flow style, as the shipped standards
are. Writing into an existing file goes through ruamel's round-trip loader, so everything else in the
file (text, comments, key order) stays as it was; only `items` (or a county's `add`) is replaced.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from govopen_std.model.item import Item


def yaml_writer() -> YAML:
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # never fold a long Chinese line
    yaml.allow_unicode = True
    yaml.preserve_quotes = True
    return yaml


def flow_seq(values: list[Any]) -> CommentedSeq:
    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def flow_map(pairs: dict[str, Any]) -> CommentedMap:
    node = CommentedMap(pairs)
    node.fa.set_flow_style()
    return node


def _content(item: Item) -> CommentedSeq:
    seq = CommentedSeq()
    for element in item.content:
        seq.append(element.text if element.required else flow_map({"text": element.text, "required": False}))
    return seq


def _basis(item: Item) -> CommentedSeq:
    seq = CommentedSeq()
    for cite in item.basis:
        pairs: dict[str, Any] = {"law": cite.law}
        if cite.articles:
            pairs["articles"] = flow_seq(list(cite.articles))
        if cite.note:
            pairs["note"] = cite.note
        seq.append(flow_map(pairs))
    return seq


def _channels(item: Item) -> CommentedMap:
    node = CommentedMap()
    if item.channels.required:
        node["required"] = flow_seq(list(item.channels.required))
    if item.channels.optional:
        node["optional"] = flow_seq(list(item.channels.optional))
    return node


def item_node(item: Item, *, standard: str | None = None) -> CommentedMap:
    """One item as a block mapping, fields in model order, empty fields left out."""
    node = CommentedMap()
    node["code"] = item.code
    if standard:
        node["standard"] = standard
    node["category"] = flow_seq(list(item.category))
    scalars: list[tuple[str, Any]] = [("name", item.name), ("area", item.area)]
    for name, value in scalars:
        if value:
            node[name] = value
    if item.content:
        node["content"] = _content(item)
    if item.basis:
        node["basis"] = _basis(item)
    if item.subject:
        node["subject"] = item.subject[0] if len(item.subject) == 1 else flow_seq(list(item.subject))
    if item.deadline:
        node["deadline"] = item.deadline.text
    if item.method:
        node["method"] = item.method
    if item.channels.all():
        node["channels"] = _channels(item)
    if item.audience:
        audience = item.audience
        node["audience"] = flow_map({"kind": audience.kind, "who": audience.who}) if audience.who else audience.kind
    if item.level:
        node["level"] = flow_seq(list(item.level))
    for name, value in (("openness", item.openness), ("note", item.note)):
        if value:
            node[name] = value
    return node


def items_node(items: list[tuple[Item, str | None]]) -> CommentedSeq:
    return CommentedSeq([item_node(item, standard=standard) for item, standard in items])


def dump(doc: Any) -> str:
    buffer = io.StringIO()
    yaml_writer().dump(doc, buffer)
    return buffer.getvalue()


def load_document(path: Path) -> Any:
    return yaml_writer().load(path.read_text(encoding="utf-8"))


def new_text(standard_id: str, title: str, items: list[Item], subjects: list[str]) -> CommentedMap:
    """A new standard text holding imported items: id, a scope that says what it covers, its subjects."""
    doc = CommentedMap()
    doc["id"] = standard_id
    doc["scope"] = CommentedSeq([
        f"本文件规定了{title}公开事项的公开内容、公开依据、公开时限、公开主体、公开方式和公开渠道。",
        f"本文件适用于县（市、区）及乡镇（街道）开展{title}信息公开工作。",
    ])
    if subjects:
        doc["subjects"] = CommentedSeq([flow_map({"name": s}) for s in subjects])
    doc["items"] = items_node([(item, None) for item in items])
    doc.yaml_set_start_comment(title)
    return doc


def declare_subjects(doc: CommentedMap, subjects: list[str]) -> None:
    """Add subjects to a text's `subjects` declaration (after the ones it has)."""
    if not subjects:
        return
    if not isinstance(doc.get("subjects"), list):
        doc.insert(_position_before(doc, ("clauses", "annexes", "bibliography", "items")), "subjects",
                   CommentedSeq())
    doc["subjects"] += [flow_map({"name": s}) for s in subjects]


def _position_before(doc: CommentedMap, keys: tuple[str, ...]) -> int:
    names = list(doc)
    return min((names.index(k) for k in keys if k in names), default=len(names))
