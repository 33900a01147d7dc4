"""Validate plain data against a model and turn pydantic errors into located, translated diagnostics."""

from __future__ import annotations

import difflib
import re
import types
import typing
from typing import Any, TypeVar, get_args, get_origin

from pydantic import AliasChoices, BaseModel, ValidationError

from govopen_std.diagnostics import Diagnostic, Diagnostics
from govopen_std.load.yaml_source import Loc, SourceFile
from govopen_std.model.base import alias_table

M = TypeVar("M", bound=BaseModel)

_TYPE_ZH = {
    "string_type": "应为文本", "int_type": "应为整数", "int_parsing": "应为整数", "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false", "list_type": "应为列表", "dict_type": "应为映射（键: 值）",
    "model_type": "应为映射（键: 值）", "model_attributes_type": "应为映射（键: 值）", "tuple_type": "应为列表",
    "too_short": "项数过少", "too_long": "项数过多", "string_too_short": "不能为空",
    "string_pattern_mismatch": "格式不符合要求", "float_type": "应为数字", "float_parsing": "应为数字",
    "union_tag_invalid": "类型不符", "none_required": "应为空", "blank": "不能为空",
    "int_from_float": "应为整数", "string_too_long": "过长", "bool_parsing_error": "应为 true 或 false",
    "date_type": "应为日期", "missing_argument": "缺少内容",
}


def _model_candidates(annotation: Any) -> list[type[BaseModel]]:
    """Every pydantic model class reachable from an annotation through Optional/list/Union."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    origin = get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, tuple, dict) or origin is not None:
        found: list[type[BaseModel]] = []
        for arg in get_args(annotation):
            found.extend(_model_candidates(arg))
        return found
    return []


def _models_at(root: type[BaseModel], loc: Loc) -> list[type[BaseModel]]:
    """The model classes that may own the mapping found at `loc` (for did-you-mean)."""
    current: list[type[BaseModel]] = [root]
    for part in loc:
        if isinstance(part, int):
            continue
        nxt: list[type[BaseModel]] = []
        for model in current:
            field = alias_table(model).get(part)
            if field is not None:
                nxt.extend(_model_candidates(model.model_fields[field].annotation))
        if not nxt:
            # a union member name in the loc (e.g. 'ListBlock'): skip it
            nxt = [m for m in current if m.__name__ != part] or current
            if any(m.__name__ == part for model in current for m in _submodels(model)):
                nxt = [m for model in current for m in _submodels(model) if m.__name__ == part]
        current = nxt
    return current


def _submodels(model: type[BaseModel]) -> list[type[BaseModel]]:
    out: list[type[BaseModel]] = []
    for f in model.model_fields.values():
        out.extend(_model_candidates(f.annotation))
    return out


def _clean_loc(loc: tuple[Any, ...], data: Any) -> Loc:
    """Drop pydantic's union-branch names from a loc by walking the real data alongside it."""
    out: list[str | int] = []
    node = data
    for part in loc:
        inside = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if inside or (isinstance(node, dict) and part in node):
            out.append(part)
            node = node[part]  # a list index or a dict key, checked just above
        elif isinstance(part, str) and isinstance(node, dict) and part not in node and not _looks_like_branch(part):
            out.append(part)  # a missing field: keep it, positions fall back to the parent
            node = None
    return tuple(out)


def _looks_like_branch(part: str) -> bool:
    return part[:1].isupper() or part.startswith(("function-", "str", "list[", "tagged-union", "json-or", "constrained-"))


def _has_cjk(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _owner(model: type[BaseModel], loc: Loc) -> tuple[type[BaseModel], str] | None:
    """The model class that owns the last named field of `loc`, and that field's name (None for a key of a
    free mapping, such as a county's subject names)."""
    index = next((i for i in range(len(loc) - 1, -1, -1) if isinstance(loc[i], str)), None)
    if index is None:
        return None
    for candidate in _models_at(model, loc[:index]):
        name = alias_table(candidate).get(str(loc[index]))
        if name is not None:
            return candidate, name
    return None


def _chinese_name(model: type[BaseModel], name: str) -> str | None:
    """A field's Chinese name: its first Chinese alias, else a Chinese schema title."""
    info = model.model_fields[name]
    aliases = info.validation_alias.choices if isinstance(info.validation_alias, AliasChoices) else []
    found = next((a for a in aliases if isinstance(a, str) and _has_cjk(a)), None)
    if found is None and info.title and _has_cjk(info.title):
        found = info.title
    return found


def _field_label(model: type[BaseModel], loc: Loc) -> tuple[str, str]:
    """(Chinese label, English label) of the field at `loc`, named as the model that owns it names it, so a
    county's `name` is 名称（name）, not an item's 事项名称."""
    owner = _owner(model, loc)
    if owner is None:
        last = next((str(p) for p in reversed(loc) if isinstance(p, str)), None)
        return (last, last) if last else ("（文件）", "(file)")
    zh = _chinese_name(*owner)
    return (f"{zh}（{owner[1]}）" if zh else owner[1]), owner[1]


def _accepts_text(model: type[BaseModel], loc: Loc) -> bool:
    """Whether the value at `loc` may be written as plain text (公开时限, 公开对象 … take a string)."""
    owner = _owner(model, loc)
    if owner is None:
        return False
    annotation = owner[0].model_fields[owner[1]].annotation
    for candidate in _model_candidates(annotation):
        try:
            candidate.model_validate("x")
        except ValidationError:
            continue
        return True
    return False


# Fields whose text has a wording of its own: a bare number there is no use even quoted.
_TEXT_EXAMPLES = {
    "deadline": ("公开时限写时限的原文，如“信息形成或者变更之日起20个工作日内”。",
                 "Write the time limit as text, e.g. 信息形成或者变更之日起20个工作日内."),
}


def _number_as_text(err: Any, model: type[BaseModel], loc: Loc) -> dict[str, str] | None:
    """S203 parameters for a number written where text is expected (an unquoted 330105), or None."""
    value = err.get("input")
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if err["type"] != "string_type" and not (err["type"] in _MAPPING_TYPES and _accepts_text(model, loc)):
        return None
    owner = _owner(model, loc)
    advice, advice_en = _TEXT_EXAMPLES.get(owner[1] if owner else "", (
        f"YAML 把不带引号的 {value} 读成数字；写成文本要加引号，如 \"{value}\"。",
        f"YAML reads an unquoted {value} as a number; quote it to make it text: \"{value}\"."))
    return {"detail": "应为文本", "detail_en": "must be text", "advice": advice, "advice_en": advice_en}


_MAPPING_TYPES = ("model_type", "model_attributes_type", "dict_type")


def _mapping_at(data: Any, loc: Loc) -> dict[str, Any]:
    """The mapping found at `loc` in `data` ({} when there is none)."""
    for part in loc:
        inside = isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)
        if not (inside or (isinstance(data, dict) and part in data)):
            return {}
        data = data[part]
    return data if isinstance(data, dict) else {}


def _second_spelling(owners: list[type[BaseModel]], key: str, mapping: dict[str, Any]) -> str | None:
    """The field that `key` is an alias of when the same mapping also spells that field another way."""
    for owner in owners:
        table = alias_table(owner)
        field = table.get(key)
        if field is not None and any(other != key and table.get(other) == field for other in mapping):
            return field
    return None


def _extra_key(model: type[BaseModel], source: SourceFile, loc: Loc, full: Loc, data: Any) -> Diagnostic:
    """S201 for an unknown key; S206 when the key is a second spelling (alias) of a field already given."""
    key = str(loc[-1]) if loc else "?"
    owners = _models_at(model, loc[:-1])
    where = source.locate(full, key=True)
    field = _second_spelling(owners, key, _mapping_at(data, loc[:-1]))
    if field is not None:  # a known key, rejected only because another spelling of the same field came first
        return Diagnostic.make("S206", where, field=field, alias=key)
    allowed = sorted({k for m in owners for k in alias_table(m)} - {key})
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    return Diagnostic.make("S201", where, key=key, suggestion=close[0] if close else "")


def _error_to_diagnostic(err: Any, model: type[BaseModel], source: SourceFile, prefix: Loc,
                         data: Any) -> Diagnostic:
    etype: str = err["type"]
    loc = _clean_loc(tuple(err["loc"]), data)
    full = (*prefix, *loc)
    if etype == "extra_forbidden":
        return _extra_key(model, source, loc, full, data)
    if etype == "missing":
        field = str(loc[-1]) if loc else "?"
        return Diagnostic.make("S202", source.locate(full[:-1]), field=field)
    label, label_en = _field_label(model, loc)
    where = source.locate(full)
    value = err.get("input")
    if etype in ("literal_error", "enum"):
        expected = str(err.get("ctx", {}).get("expected", ""))
        options = [o.strip().strip("'\"") for o in re.split(r",| or ", expected) if o.strip()]
        return Diagnostic.make("S204", where, field=label, field_en=label_en, value=str(value),
                               allowed="、".join(options), allowed_en=expected)
    if etype.startswith("date") or etype.startswith("datetime"):
        return Diagnostic.make("S205", where, field=label, field_en=label_en, value=str(value))
    as_text = _number_as_text(err, model, loc)
    if as_text is not None:
        return Diagnostic.make("S203", where, field=label, field_en=label_en, **as_text)
    return Diagnostic.make("S203", where, field=label, field_en=label_en, detail=_detail_zh(err), detail_en=err["msg"])


_BOUNDS_ZH = {"greater_than": "应大于 {}", "greater_than_equal": "应不小于 {}", "less_than": "应小于 {}",
              "less_than_equal": "应不大于 {}", "multiple_of": "应为 {} 的倍数"}


def _detail_zh(err: Any) -> str:
    """What is wrong with a value, in Chinese (pydantic's English text only for a kind we do not know)."""
    etype: str = err["type"]
    ctx = err.get("ctx", {})
    if etype == "string_pattern_mismatch":
        return f"格式不符合要求（应匹配 {ctx.get('pattern', '')}）"
    if etype == "value_error":
        return str(ctx.get("error", err["msg"]))
    if etype in _BOUNDS_ZH:
        bound = next(iter(ctx.values()), "?")
        return _BOUNDS_ZH[etype].format(int(bound) if isinstance(bound, float) and bound.is_integer() else bound)
    return _TYPE_ZH.get(etype, str(err["msg"]))


def validate(model: type[M], data: Any, source: SourceFile, diags: Diagnostics, prefix: Loc = ()) -> M | None:
    """Validate `data` (found at `prefix` in `source`); every error becomes a diagnostic."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            diags.add(_error_to_diagnostic(err, model, source, prefix, data))
        return None
