"""Items → YAML, deterministically: the same items always give the same bytes.

Items are written in block style with their fields in model order; short lists (category, subjects,
levels, channels, article numbers) and citations are written in flow style, as the shipped standards
are. Writing into an existing file goes through ruamel's round-trip loader, so everything else in the
file (text, comments, key order) stays as it was; only `items` (or a county's `add`, or the entries of
its `amend` that an import changed) is replaced.
"""

from __future__ import annotations

import copy
import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from govopen_std.model.county import Amendment
from govopen_std.model.item import Channels, Citation, ContentElement, Item


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


def _content(elements: list[ContentElement]) -> CommentedSeq:
    seq = CommentedSeq()
    for element in elements:
        seq.append(element.text if element.required else flow_map({"text": element.text, "required": False}))
    return seq


def _basis(citations: list[Citation]) -> CommentedSeq:
    seq = CommentedSeq()
    for cite in citations:
        pairs: dict[str, Any] = {"law": cite.law}
        if cite.articles:
            pairs["articles"] = flow_seq(list(cite.articles))
        if cite.note:
            pairs["note"] = cite.note
        seq.append(flow_map(pairs))
    return seq


def _channels(channels: Channels) -> CommentedMap:
    node = CommentedMap()
    if channels.required:
        node["required"] = flow_seq(list(channels.required))
    if channels.optional:
        node["optional"] = flow_seq(list(channels.optional))
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
        node["content"] = _content(item.content)
    if item.basis:
        node["basis"] = _basis(item.basis)
    if item.subject:
        node["subject"] = item.subject[0] if len(item.subject) == 1 else flow_seq(list(item.subject))
    if item.deadline:
        node["deadline"] = item.deadline.text
    if item.method:
        node["method"] = item.method
    if item.channels.all():
        node["channels"] = _channels(item.channels)
    if item.audience:
        audience = item.audience
        node["audience"] = flow_map({"kind": audience.kind, "who": audience.who}) if audience.who else audience.kind
    if item.level:
        node["level"] = flow_seq(list(item.level))
    for name, value in (("openness", item.openness), ("note", item.note)):
        if value:
            node[name] = value
    return node


def amendment_node(amendment: Amendment) -> CommentedMap:
    """One 本县细化 as a block mapping in model order, written like the shipped profiles
    (`channels: {required: [...]}`, `level: [...]`)."""
    node = CommentedMap()
    if amendment.deadline is not None:
        node["deadline"] = amendment.deadline.text
    if amendment.content:
        node["content"] = _content(amendment.content)
    if amendment.channels is not None:
        channels = _channels(amendment.channels)
        channels.fa.set_flow_style()
        node["channels"] = channels
    if amendment.basis:
        node["basis"] = _basis(amendment.basis)
    if amendment.level:
        node["level"] = flow_seq(list(amendment.level))
    for name, value in (("method", amendment.method), ("note", amendment.note)):
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


def _last_slot(node: Any) -> tuple[Any, Any, int] | None:
    """Where the comment after the last line of a block collection lives: (container, key or index, slot)."""
    while isinstance(node, (CommentedMap, CommentedSeq)) and len(node) and not node.fa.flow_style():
        key: Any = list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1
        value = node[key]
        if isinstance(value, (CommentedMap, CommentedSeq)) and len(value) and not value.fa.flow_style():
            node = value
            continue
        return node, key, 2 if isinstance(node, CommentedMap) else 0
    return None


def detach_trailing_comment(node: Any) -> Any:
    """Take the comment lines that follow a collection (ruamel keeps them on its last value, so they would
    stay above anything appended); the end-of-line comment of the last line stays. Returns the token."""
    slot = _last_slot(node)
    if slot is None:
        return None
    container, key, pos = slot
    comments = container.ca.items.get(key)
    token = comments[pos] if comments and len(comments) > pos else None
    if token is None or "\n" not in token.value.rstrip("\n"):
        return None
    eol, _, rest = token.value.partition("\n")
    if eol:
        kept = copy.copy(token)
        kept.value = eol + "\n"
        comments[pos] = kept
    else:
        comments[pos] = None
    token.value = "\n" + rest
    return token


def attach_trailing_comment(node: Any, token: Any) -> None:
    """Put back what `detach_trailing_comment` took, after the (new) last value of `node`."""
    slot = _last_slot(node)
    if token is None or slot is None:
        return
    container, key, pos = slot
    comments = container.ca.items.setdefault(key, [None, None, None, None])
    comments[pos] = token


def _position_before(doc: CommentedMap, keys: tuple[str, ...]) -> int:
    names = list(doc)
    return min((names.index(k) for k in keys if k in names), default=len(names))
