"""The controlled vocabulary (vocabulary.yaml): channels in their standard order, audiences, methods, levels, 五公开."""

from __future__ import annotations

from govopen_std.model.base import StrictModel


class Channel(StrictModel):
    name: str
    standard: bool = True
    note: str | None = None


class Vocabulary(StrictModel):
    channels: list[Channel]
    audiences: list[str]
    methods: list[str]
    levels: list[str]
    openness: list[str]

    def channel_names(self) -> list[str]:
        return [c.name for c in self.channels]
