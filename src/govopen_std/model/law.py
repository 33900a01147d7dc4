"""The law registry (laws.yaml, laws/*.yaml): what a disclosure item's basis (公开依据) may cite."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from govopen_std.model.base import StrictModel

Rank = Literal["法律", "行政法规", "部门规章", "地方性法规", "地方政府规章", "规范性文件", "党内法规", "标准"]
RANKS: tuple[str, ...] = Rank.__args__  # type: ignore[attr-defined]


class Law(StrictModel):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str = Field(min_length=2)
    short: list[str] = []
    number: str | None = None
    rank: Rank
    issuer: str
    version: str | None = None
    date: dt.date
    effective: dt.date | None = None
    note: str | None = None

    @property
    def display_title(self) -> str:
        return f"《{self.title}》"
