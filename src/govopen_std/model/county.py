"""A pilot county's profile (standards/counties/<行政区划代码>.yaml): the overlay on the provincial base.

A profile says which domains the county adopts, maps the base's generic subjects (县级自然资源主管部门 …)
to its real local bodies, gives the addresses of its channels, and lists the items it adds (本县增补),
amends (本县细化, stricter only) and does not apply (不适用, always with a reason). The rules that keep
an overlay stricter-only live in `govopen_std.resolve.county_rules`; the resolution in
`govopen_std.resolve.overlay`.
"""

from __future__ import annotations

from pydantic import field_validator

from govopen_std.model.base import StrictModel, zh
from govopen_std.model.deadline import Deadline
from govopen_std.model.item import Channels, Citation, ContentElement, Item
from govopen_std.model.system import STANDARD_ID


class County(StrictModel):
    """县（市、区）: code, name and parent city."""

    code: str = zh("code", "行政区划代码", pattern=r"^[0-9]{6}$")  # ASCII: it names an output folder
    name: str = zh("name", "名称", min_length=1)
    city: str = zh("city", "所属设区市", min_length=1)
    government: str | None = zh("government", "人民政府", default=None)


class LocalItem(Item):
    """本县增补事项: a full item (all six elements) in the local code range, optionally placed in a standard."""

    standard: str | None = zh("standard", "所属标准", default=None, pattern=STANDARD_ID)


class Amendment(StrictModel):
    """本县细化: only what makes the base item stricter; every list here is added to the base's."""

    deadline: Deadline | None = zh("deadline", "公开时限", default=None)
    content: list[ContentElement] = zh("content", "公开内容", default=[])
    channels: Channels | None = zh("channels", "公开渠道和载体", "公开渠道", default=None)
    basis: list[Citation] = zh("basis", "公开依据", default=[])
    level: list[str] = zh("level", "公开层级", default=[])
    method: str | None = zh("method", "公开方式", default=None)
    note: str | None = zh("note", "细化说明", "备注", default=None)

    @field_validator("level", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    def fields(self) -> list[str]:
        """The item fields this amendment touches, in model order."""
        return [name for name in type(self).model_fields if name in self.model_fields_set]


ChannelDetail = str | list[str]


class CountyProfile(StrictModel):
    """One county's overlay. Keys of `amend` and `not_applicable` are base item codes (or, for
    `not_applicable`, a domain id to leave a whole domain out with a reason)."""

    county: County = zh("county", "县（市、区）")
    domains: list[str] | None = zh("domains", "采用领域", default=None)
    subjects: dict[str, str | None] = zh("subjects", "公开主体", default={})
    channels: dict[str, ChannelDetail] = zh("channels", "公开渠道", "公开渠道和载体", default={})
    add: list[LocalItem] = zh("add", "增补事项", default=[])
    amend: dict[str, Amendment] = zh("amend", "细化事项", default={})
    not_applicable: dict[str, str | None] = zh("not_applicable", "不适用事项", default={})

    def channel_details(self) -> dict[str, str]:
        """Channel -> its local address(es), one display string each; channels not filled in are left out."""
        details = {name: ("；".join(x for x in v if x.strip()) if isinstance(v, list) else v)
                   for name, v in self.channels.items()}
        return {name: text for name, text in details.items() if text.strip()}

    def subject_map(self) -> dict[str, str]:
        """Generic subject -> local body, leaving out subjects not filled in yet."""
        return {k: v for k, v in self.subjects.items() if v and v.strip()}

