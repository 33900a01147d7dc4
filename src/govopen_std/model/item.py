"""A disclosure item (公开事项) with the six elements of 浙政办发〔2017〕82号 and the national catalog columns.

The six elements are optional in the schema on purpose: completeness is a rule of the standard
《政务公开目录编制要求》 (gen-03) and is checked from its data, so a missing element is reported as
C401 with the standard's wording rather than as a generic schema error.
"""

from __future__ import annotations

from pydantic import Field, field_validator, model_validator

from govopen_std.model.base import StrictModel, zh
from govopen_std.model.deadline import Deadline

ITEM_CODE = r"^[A-Z]{4}-[0-9]{2}-[0-9]{2}$"


class ContentElement(StrictModel):
    """One element of 公开内容; plain text in YAML means a required element (●/必选项)."""

    text: str = Field(min_length=1)
    required: bool = True

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: object) -> object:
        return {"text": value} if isinstance(value, str) else value


class Citation(StrictModel):
    """A reference into the law registry, with article numbers where known."""

    law: str
    articles: list[int | str] = []
    note: str | None = None


class Channels(StrictModel):
    """公开渠道和载体: ■ required and □ optional channels, names from the vocabulary."""

    required: list[str] = []
    optional: list[str] = []

    def all(self) -> list[str]:
        return [*self.required, *self.optional]


class Audience(StrictModel):
    """公开对象: 全社会, or 特定群体 with who they are."""

    kind: str
    who: str | None = None

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: object) -> object:
        return {"kind": value} if isinstance(value, str) else value

    def display(self) -> str:
        return f"{self.kind}（{self.who}）" if self.who else self.kind


def _as_list(value: object) -> object:
    return [value] if isinstance(value, str) else value


class Item(StrictModel):
    code: str = zh("code", "事项编码")
    category: list[str] = zh("category", "事项分类", min_length=1, max_length=3)
    name: str | None = zh("name", "事项名称", default=None)
    area: str | None = zh("area", "子领域", default=None)
    content: list[ContentElement] = zh("content", "公开内容", default=[])
    basis: list[Citation] = zh("basis", "公开依据", default=[])
    subject: list[str] = zh("subject", "公开主体", default=[])
    deadline: Deadline | None = zh("deadline", "公开时限", default=None)
    method: str | None = zh("method", "公开方式", default=None)
    channels: Channels = zh("channels", "公开渠道和载体", "公开渠道", default=Channels())
    audience: Audience | None = zh("audience", "公开对象", default=None)
    level: list[str] = zh("level", "公开层级", default=[])
    openness: str | None = zh("openness", "五公开", default=None)
    note: str | None = zh("note", "备注", default=None)

    @field_validator("subject", "level", mode="before")
    @classmethod
    def one_or_many(cls, value: object) -> object:
        return _as_list(value)

    @property
    def primary(self) -> str:
        return self.category[0]

    @property
    def secondary(self) -> str | None:
        return self.category[1] if len(self.category) > 1 else None
