"""Validate plain data against a model and turn pydantic errors into located, translated diagnostics."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any, TypeVar, get_args, get_origin

from pydantic import BaseModel, ValidationError

from govopen_std.diagnostics import Diagnostic, Diagnostics
from govopen_std.load.yaml_source import Loc, SourceFile
from govopen_std.messages import ELEMENT_NAMES
from govopen_std.model.base import alias_table

M = TypeVar("M", bound=BaseModel)

_TYPE_ZH = {
    "string_type": "应为文本", "int_type": "应为整数", "int_parsing": "应为整数", "bool_type": "应为 true 或 false",
    "bool_parsing": "应为 true 或 false", "list_type": "应为列表", "dict_type": "应为映射（键: 值）",
    "model_type": "应为映射（键: 值）", "model_attributes_type": "应为映射（键: 值）", "tuple_type": "应为列表",
    "too_short": "项数过少", "too_long": "项数过多", "string_too_short": "不能为空",
    "string_pattern_mismatch": "格式不符合要求", "float_type": "应为数字", "float_parsing": "应为数字",
    "union_tag_invalid": "类型不符", "none_required": "应为空",
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
        if isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node):
            out.append(part)
            node = node[part]
        elif isinstance(part, str) and isinstance(node, dict) and part in node:
            out.append(part)
            node = node[part]
        elif isinstance(part, str) and isinstance(node, dict) and part not in node and not _looks_like_branch(part):
            out.append(part)  # a missing field: keep it, positions fall back to the parent
            node = None
    return tuple(out)


def _looks_like_branch(part: str) -> bool:
    return part[:1].isupper() or part.startswith(("function-", "str", "list[", "tagged-union", "json-or"))


def _field_label(loc: Loc) -> str:
    for part in reversed(loc):
        if isinstance(part, str):
            zh = ELEMENT_NAMES.get(part)
            return f"{zh[0]}（{part}）" if zh else part
    return "（文件）"


def _error_to_diagnostic(err: Any, model: type[BaseModel], source: SourceFile, prefix: Loc,
                         data: Any) -> Diagnostic:
    etype: str = err["type"]
    loc = _clean_loc(tuple(err["loc"]), data)
    full = (*prefix, *loc)
    if etype == "extra_forbidden":
        key = str(loc[-1]) if loc else "?"
        allowed = sorted({k for m in _models_at(model, loc[:-1]) for k in alias_table(m)})
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        return Diagnostic.make("S201", source.locate(full, key=True), key=key, suggestion=close[0] if close else "")
    if etype == "missing":
        field = str(loc[-1]) if loc else "?"
        return Diagnostic.make("S202", source.locate(full[:-1]), field=field)
    label = _field_label(loc)
    where = source.locate(full)
    value = err.get("input")
    if etype in ("literal_error", "enum"):
        return Diagnostic.make("S204", where, field=label, value=str(value),
                               allowed=str(err.get("ctx", {}).get("expected", "")))
    if etype.startswith("date") or etype.startswith("datetime"):
        return Diagnostic.make("S205", where, field=label, value=str(value))
    detail_zh = _TYPE_ZH.get(etype, err["msg"])
    if etype == "string_pattern_mismatch":
        detail_zh = f"格式不符合要求（应匹配 {err.get('ctx', {}).get('pattern', '')}）"
    if etype == "value_error":
        detail_zh = str(err.get("ctx", {}).get("error", err["msg"]))
    return Diagnostic.make("S203", where, field=label, detail=detail_zh, detail_en=err["msg"])


def validate(model: type[M], data: Any, source: SourceFile, diags: Diagnostics, prefix: Loc = ()) -> M | None:
    """Validate `data` (found at `prefix` in `source`); every error becomes a diagnostic."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            diags.add(_error_to_diagnostic(err, model, source, prefix, data))
        return None
