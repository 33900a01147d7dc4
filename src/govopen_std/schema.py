"""JSON Schemas of the source files, generated from the pydantic models.

The Chinese aliases (事项名称 …) are added as extra properties so an editor accepts either spelling,
exactly like the loader does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import AliasChoices, BaseModel, TypeAdapter

from govopen_std.model.law import Law
from govopen_std.model.organization import OrganizationRegistry
from govopen_std.model.standard import StandardText
from govopen_std.model.system import System
from govopen_std.model.vocabulary import Vocabulary
from govopen_std.model.workspace import WorkspaceConfig


def _models() -> dict[str, Any]:
    schemas: dict[str, Any] = {
        "govopen": WorkspaceConfig,
        "system": System,
        "standard": StandardText,
        "vocabulary": Vocabulary,
        "laws": TypeAdapter(list[Law]),
        "organizations": OrganizationRegistry,
    }
    try:
        from govopen_std.model.county import CountyProfile
    except ImportError:
        return schemas
    schemas["county"] = CountyProfile
    return schemas


def _aliases(model: type[BaseModel]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, info in model.model_fields.items():
        if isinstance(info.validation_alias, AliasChoices):
            out[name] = [c for c in info.validation_alias.choices if isinstance(c, str) and c != name]
    return out


def _add_aliases(schema: dict[str, Any], models: list[type[BaseModel]]) -> None:
    by_title = {m.__name__: m for m in models}
    for name, definition in schema.get("$defs", {}).items():
        _patch(definition, by_title.get(name))
    _patch(schema, by_title.get(schema.get("title", "")))


# Shorthands the loader accepts: a plain string for these objects, a single string for these lists.
STRING_SHORTHAND_MODELS = {"Deadline", "ContentElement", "Audience"}
STRING_SHORTHAND_FIELDS = {("Item", "subject"), ("Item", "level")}


def _patch(definition: dict[str, Any], model: type[BaseModel] | None) -> None:
    if model is None or "properties" not in definition:
        return
    props = definition["properties"]
    for field in list(props):
        if (model.__name__, field) in STRING_SHORTHAND_FIELDS:
            props[field] = {"anyOf": [{"type": "string"}, props[field]]}
    required = definition.get("required", [])
    alternatives = []
    for field, aliases in _aliases(model).items():
        key = next((k for k in list(props) if k == field or k in aliases), None)
        if key is None:
            continue
        for alias in [field, *aliases]:
            props.setdefault(alias, props[key])
        if field in required:
            required.remove(field)
            alternatives.append({"anyOf": [{"required": [name]} for name in [field, *aliases]]})
    if alternatives:
        definition["allOf"] = alternatives
    if "required" in definition and not definition["required"]:
        del definition["required"]


def _shorthands(schema: dict[str, Any]) -> None:
    for name, definition in schema.get("$defs", {}).items():
        if name in STRING_SHORTHAND_MODELS:
            schema["$defs"][name] = {"anyOf": [{"type": "string"}, definition], "title": name}


def _all_models(root: type[BaseModel]) -> list[type[BaseModel]]:
    from govopen_std.load.validate import _submodels

    seen: list[type[BaseModel]] = []
    todo = [root]
    while todo:
        model = todo.pop()
        if model in seen:
            continue
        seen.append(model)
        todo.extend(_submodels(model))
    return seen


def build_schema(target: Any) -> dict[str, Any]:
    if isinstance(target, TypeAdapter):
        schema: dict[str, Any] = target.json_schema()
        models: list[type[BaseModel]] = _all_models(Law)
    else:
        schema = target.model_json_schema()
        models = _all_models(target)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    _add_aliases(schema, models)
    _shorthands(schema)
    return schema


def write_schemas(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, target in _models().items():
        path = out / f"{name}.schema.json"
        path.write_text(json.dumps(build_schema(target), ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                        encoding="utf-8")
        written.append(path)
    return written
