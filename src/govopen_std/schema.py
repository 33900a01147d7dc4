"""JSON Schemas of the source files, generated from the pydantic models.

The Chinese aliases (事项名称 …) are added as extra properties so an editor accepts either spelling,
exactly like the loader does. Titles and descriptions come from the models' own field and model texts
(`model.base.doc`): Chinese by default, the English ones (kept under "x-en") for `lang="en"`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import AliasChoices, BaseModel, TypeAdapter

from govopen_std.model.base import alias_table
from govopen_std.model.coverage import CoverageMatrix
from govopen_std.model.law import Law
from govopen_std.model.organization import OrganizationRegistry
from govopen_std.model.standard import StandardText
from govopen_std.model.synonyms import SynonymTable
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
        "synonyms": SynonymTable,
        "coverage": CoverageMatrix,
    }
    from govopen_std.model.county import CountyProfile

    schemas["county"] = CountyProfile
    return schemas


def _aliases(model: type[BaseModel]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, info in model.model_fields.items():
        if isinstance(info.validation_alias, AliasChoices):
            out[name] = [c for c in info.validation_alias.choices if isinstance(c, str) and c != name]
    return out


def _add_aliases(schema: dict[str, Any], models: list[type[BaseModel]], root: type[BaseModel] | None) -> None:
    by_name = {m.__name__: m for m in models}  # $defs are keyed by class name (titles are Chinese)
    for name, definition in schema.get("$defs", {}).items():
        _patch(definition, by_name.get(name))
    _patch(schema, root)


# Shorthands the loader accepts: a plain string for these objects, a single string for these lists.
STRING_SHORTHAND_MODELS = {"Deadline", "ContentElement", "Audience"}
STRING_SHORTHAND_FIELDS = {("Item", "subject"), ("Item", "level")}


def _field_texts(props: dict[str, Any], model: type[BaseModel]) -> None:
    """pydantic leaves a field's title and description out next to a bare `$ref`; put them back."""
    fields = alias_table(model)
    for key, prop in props.items():
        info = model.model_fields.get(fields.get(key, key))
        if info is not None and info.description and "description" not in prop:
            prop.update({"title": info.title, "description": info.description})


def _patch(definition: dict[str, Any], model: type[BaseModel] | None) -> None:
    if model is None or "properties" not in definition:
        return
    props = definition["properties"]
    _field_texts(props, model)
    for field in list(props):
        if (model.__name__, field) in STRING_SHORTHAND_FIELDS:
            props[field] = {**_texts(props[field]), "anyOf": [{"type": "string"}, props[field]]}
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


TEXT_KEYS = ("title", "description", "x-en")


def _texts(definition: dict[str, Any]) -> dict[str, Any]:
    """The title and description of a definition, lifted out so editors show them on a wrapper as well."""
    return {key: definition[key] for key in TEXT_KEYS if key in definition}


def _shorthands(schema: dict[str, Any]) -> None:
    for name, definition in schema.get("$defs", {}).items():
        if name in STRING_SHORTHAND_MODELS:
            schema["$defs"][name] = {**_texts(definition), "anyOf": [{"type": "string"}, definition]}


# The law registry is a bare list, so its title lives here rather than on a model.
LAWS_TEXTS = {"title": "法规库", "description": "laws.yaml、laws/*.yaml：公开依据可以引用的法规",
              "x-en": {"title": "Law registry", "description": "laws.yaml, laws/*.yaml: the laws items may cite"}}


def localize(node: Any, lang: str) -> None:
    """Keep the Chinese texts, or swap in the English ones (lang "en"); drop the "x-en" stores either way."""
    if isinstance(node, list):
        for child in node:
            localize(child, lang)
        return
    if not isinstance(node, dict):
        return
    english = node.pop("x-en", None)
    if lang == "en" and isinstance(english, dict):
        node.update(english)
    for key, child in node.items():
        if key not in ("default", "const", "enum", "examples"):  # data, not schema
            localize(child, lang)


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


def build_schema(target: Any, lang: str = "zh") -> dict[str, Any]:
    root: type[BaseModel] | None = None
    if isinstance(target, TypeAdapter):
        schema: dict[str, Any] = {**LAWS_TEXTS, **target.json_schema()}
        models: list[type[BaseModel]] = _all_models(Law)
    else:
        schema = target.model_json_schema()
        models = _all_models(target)
        root = target
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    _add_aliases(schema, models, root)
    _shorthands(schema)
    localize(schema, lang)
    return schema


def write_schemas(out: Path, lang: str = "zh") -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, target in _models().items():
        path = out / f"{name}.schema.json"
        path.write_text(json.dumps(build_schema(target, lang), ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                        encoding="utf-8")
        written.append(path)
    return written
