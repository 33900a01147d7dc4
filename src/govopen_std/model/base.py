"""The one project base model: its policy (unknown keys are errors, values are frozen) applies everywhere."""

from __future__ import annotations

from typing import Any

from pydantic import AliasChoices, BaseModel, ConfigDict, Field


class StrictModel(BaseModel):
    """Every source model derives from this; a misspelled key is an error, never silently dropped."""

    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, validate_default=False)


def zh(name: str, *aliases: str, **kwargs: Any) -> Any:
    """A field that also accepts its Chinese name(s) as keys (官方用语作为别名)."""
    return Field(validation_alias=AliasChoices(name, *aliases), **kwargs)


def doc(title: str, description: str, title_en: str, description_en: str) -> dict[str, Any]:
    """A field's texts for the JSON Schema (what editors show): Chinese title and description, with the English
    ones under "x-en", which `govopen schema` swaps in for `--lang en` and otherwise drops."""
    return {"title": title, "description": description,
            "json_schema_extra": {"x-en": {"title": title_en, "description": description_en}}}


def model_doc(title: str, description: str, title_en: str, description_en: str) -> ConfigDict:
    """`doc` for a whole model, as its `model_config` (merged with StrictModel's policy)."""
    return ConfigDict(title=title, json_schema_extra={"description": description,
                                                      "x-en": {"title": title_en, "description": description_en}})


def alias_table(model: type[BaseModel]) -> dict[str, str]:
    """Map every accepted key (field name or alias) of `model` to its field name."""
    table: dict[str, str] = {}
    for fname, finfo in model.model_fields.items():
        table[fname] = fname
        choices = finfo.validation_alias
        if isinstance(choices, AliasChoices):
            for choice in choices.choices:
                if isinstance(choice, str):
                    table[choice] = fname
        elif isinstance(choices, str):
            table[choices] = fname
    return table
