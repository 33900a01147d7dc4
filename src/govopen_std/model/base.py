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
