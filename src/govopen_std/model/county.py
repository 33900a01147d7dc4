"""A pilot county's profile (standards/counties/<行政区划代码>.yaml): the overlay on the provincial base.

A profile says which domains the county adopts, maps the base's generic subjects (县级自然资源主管部门 …)
to its real local bodies, gives the addresses of its channels, and lists the items it adds (本县增补),
amends (本县细化, stricter only) and does not apply (不适用, always with a reason). The rules that keep
an overlay stricter-only live in `govopen_std.resolve.county_rules`; the resolution in
`govopen_std.resolve.overlay`.
"""

from __future__ import annotations

from pydantic import field_validator
from pydantic_core import PydanticCustomError

from govopen_std.model.base import StrictModel, doc, model_doc, zh
from govopen_std.model.deadline import Deadline
from govopen_std.model.item import Channels, Citation, ContentElement, Item
from govopen_std.model.system import STANDARD_ID


class County(StrictModel):
    """县（市、区）: code, name and parent city."""

    model_config = model_doc("县（市、区）", "县（市、区）的行政区划代码、名称和所属设区市", "County", "The county's division code, name and city")

    code: str = zh("code", "行政区划代码", pattern=r"^[0-9]{6}$", **doc(
        "行政区划代码", "6位行政区划代码，如 330105",
        "Code", "Six-digit administrative division code, e.g. 330105"))  # ASCII: it names an output folder
    name: str = zh("name", "名称", min_length=1, **doc("名称", "县（市、区）名称", "Name", "The county's name"))
    city: str = zh("city", "所属设区市", min_length=1, **doc("所属设区市", "所属设区市", "City", "The city it belongs to"))
    government: str | None = zh("government", "人民政府", default=None, **doc(
        "人民政府", "县（市、区）人民政府的名称",
        "Government", "Name of the county government"))


class LocalItem(Item):
    """本县增补事项: a full item (all six elements) in the local code range, optionally placed in a standard."""

    model_config = model_doc(
        "本县增补事项", "本县增补的完整事项（六要素齐全），编码在县级区间，可指定所属标准",
        "County-added item", "An item the county adds (all six elements), coded in the local range, optionally placed in a standard")

    standard: str | None = zh("standard", "所属标准", default=None, pattern=STANDARD_ID, **doc(
        "所属标准", "放入的领域标准 id，如 zdbc-02",
        "Standard", "Id of the domain standard it belongs to"))


class Amendment(StrictModel):
    """本县细化: only what makes the base item stricter; every list here is added to the base's."""

    model_config = model_doc(
        "本县细化", "只能使省级事项更严格的细化；列表追加到省级事项的列表之后",
        "Amendment", "Makes a provincial item stricter only; its lists are added to the base item's")

    deadline: Deadline | None = zh("deadline", "公开时限", default=None, **doc(
        "公开时限", "更短的公开时限",
        "Deadline", "A shorter time limit"))
    content: list[ContentElement] = zh("content", "公开内容", default=[], **doc(
        "公开内容", "增加的公开内容要素",
        "Content", "Content elements added"))
    channels: Channels | None = zh("channels", "公开渠道和载体", "公开渠道", default=None, **doc(
        "公开渠道和载体", "增加的公开渠道",
        "Channels", "Channels added"))
    basis: list[Citation] = zh("basis", "公开依据", default=[], **doc("公开依据", "增加的公开依据", "Basis", "Laws added"))
    level: list[str] = zh("level", "公开层级", default=[], **doc("公开层级", "增加的公开层级", "Level", "Levels added"))
    method: str | None = zh("method", "公开方式", default=None, **doc("公开方式", "公开方式", "Method", "Disclosure method"))
    note: str | None = zh("note", "细化说明", "备注", default=None, **doc(
        "细化说明", "细化的说明",
        "Note", "What the amendment does and why"))

    @field_validator("level", mode="before")
    @classmethod
    def _one_or_many(cls, value: object) -> object:
        return [value] if isinstance(value, str) else value

    @field_validator("deadline", "method", "content")
    @classmethod
    def _not_blank(cls, value: object) -> object:
        """An amendment that writes an element writes something (an item's blank element is C401 instead)."""
        texts = [e.text for e in value] if isinstance(value, list) else [getattr(value, "text", value)]
        if any(isinstance(text, str) and not text.strip() for text in texts):
            raise PydanticCustomError("blank", "must not be blank")
        return value

    def fields(self) -> list[str]:
        """The item fields this amendment touches, in model order."""
        return [name for name in type(self).model_fields if name in self.model_fields_set]


ChannelDetail = str | list[str]


class CountyProfile(StrictModel):
    """One county's overlay. Keys of `amend` and `not_applicable` are base item codes (or, for
    `not_applicable`, a domain id to leave a whole domain out with a reason)."""

    model_config = model_doc(
        "县级配置", "试点县（市、区）的本地目录配置 counties/<行政区划代码>.yaml：在省级目录上的叠加层",
        "County profile", "A pilot county's profile counties/<code>.yaml: the overlay on the provincial catalog")

    county: County = zh("county", "县（市、区）", **doc("县（市、区）", "行政区划代码、名称和所属设区市", "County", "Division code, name and city"))
    domains: list[str] | None = zh("domains", "采用领域", default=None, **doc(
        "采用领域", "本县采用的领域（省略为全部）",
        "Domains", "Domains the county adopts (all when left out)"))
    subjects: dict[str, str | None] = zh("subjects", "公开主体", default={}, **doc(
        "公开主体", "通用公开主体 → 本地机构",
        "Subjects", "Generic body → local body"))
    channels: dict[str, ChannelDetail] = zh("channels", "公开渠道", "公开渠道和载体", default={}, **doc(
        "公开渠道", "渠道 → 本地地址（网址或公示栏位置，一个或列表）",
        "Channels", "Channel → its local address(es)"))
    add: list[LocalItem] = zh("add", "增补事项", default=[], **doc(
        "增补事项", "本县增补的事项",
        "Added items", "Items the county adds"))
    amend: dict[str, Amendment] = zh("amend", "细化事项", default={}, **doc(
        "细化事项", "省级事项编码 → 本县细化",
        "Amended items", "Provincial item code → amendment"))
    not_applicable: dict[str, str | None] = zh("not_applicable", "不适用事项", default={}, **doc(
        "不适用事项", "事项编码或领域 id → 不适用的理由",
        "Not applicable", "Item code or domain id → the reason it does not apply"))
    # Which facts of this profile were checked against a public source, and which one; every other fact is shown
    # as 待核实 (resolve.county_facts).
    verified: dict[str, str] = zh("verified", "已核实", default={}, **doc(
        "已核实", "已核实的事实 → 出处。事实写作 government（人民政府名称）、subjects.<通用主体>（本地机构名称）或 "
        "channels.<渠道>（网址、地址）；未列出的事实均为待核实",
        "Verified", "Verified fact → its source. A fact is government, subjects.<generic subject> (local body) or "
        "channels.<channel> (URL, address); every fact not listed is unverified"))

    def channel_details(self) -> dict[str, str]:
        """Channel -> its local address(es), one display string each; channels not filled in are left out."""
        details = {name: ("；".join(x for x in v if x.strip()) if isinstance(v, list) else v)
                   for name, v in self.channels.items()}
        return {name: text for name, text in details.items() if text.strip()}

    def facts(self) -> dict[str, str]:
        """Every fact of the profile that a source can confirm: fact key -> its value. A subject kept under its
        generic name (项目实施单位: 项目实施单位) names no body, so it is no fact."""
        found: dict[str, str] = {"government": self.county.government} if self.county.government else {}
        found.update({f"subjects.{k}": v for k, v in self.subject_map().items() if v != k})
        found.update({f"channels.{k}": v for k, v in self.channel_details().items()})
        return found

    def unverified(self) -> dict[str, str]:
        """The facts no source is recorded for (fact key -> value)."""
        return {k: v for k, v in self.facts().items() if k not in self.verified}

    def subject_map(self) -> dict[str, str]:
        """Generic subject -> local body, leaving out subjects not filled in yet."""
        return {k: v for k, v in self.subjects.items() if v and v.strip()}

