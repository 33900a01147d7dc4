"""The controlled vocabulary (vocabulary.yaml): channels in their standard order, audiences, methods, levels, 五公开."""

from __future__ import annotations

from pydantic import Field

from govopen_std.model.base import StrictModel, doc, model_doc


class Channel(StrictModel):
    model_config = model_doc("渠道", "受控词表中的一个公开渠道", "Channel", "A channel of the controlled vocabulary")

    name: str = Field(**doc("名称", "渠道名称", "Name", "The channel's name"))
    standard: bool = Field(default=True, **doc(
        "标准渠道", "是否为标准列出的渠道",
        "Standard", "Whether the standard lists this channel"))
    note: str | None = Field(default=None, **doc("说明", "说明", "Note", "A remark"))


class Vocabulary(StrictModel):
    model_config = model_doc(
        "受控词表", "vocabulary.yaml：渠道（按标准顺序）、公开对象、公开方式、公开层级、五公开",
        "Vocabulary", "vocabulary.yaml: channels in their standard order, audiences, methods, levels, 五公开")

    channels: list[Channel] = Field(**doc("渠道", "公开渠道，按标准顺序", "Channels", "Channels in their standard order"))
    audiences: list[str] = Field(**doc("公开对象", "允许的公开对象", "Audiences", "Allowed audiences"))
    methods: list[str] = Field(**doc("公开方式", "允许的公开方式", "Methods", "Allowed methods"))
    levels: list[str] = Field(**doc("公开层级", "允许的公开层级", "Levels", "Allowed levels"))
    openness: list[str] = Field(**doc("五公开", "决策、执行、管理、服务、结果", "Openness", "The five openness kinds"))

    def channel_names(self) -> list[str]:
        return [c.name for c in self.channels]


# gen-03 §6: 选用“其他”的，应写明具体渠道名称 — written 其他：<名称> (full-width colon).
OTHER_CHANNEL = "其他"
OTHER_SEPARATOR = "："


def other_channel(name: str) -> str | None:
    """The named channel of an 其他：<名称> value ("" when the name is left blank); None for any other value."""
    prefix = OTHER_CHANNEL + OTHER_SEPARATOR
    return name[len(prefix):].strip() if name.startswith(prefix) else None
