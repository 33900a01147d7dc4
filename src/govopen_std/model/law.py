"""The law registry (laws.yaml, laws/*.yaml): what a disclosure item's basis (公开依据) may cite."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from govopen_std.model.base import StrictModel, doc, model_doc

Rank = Literal["法律", "行政法规", "部门规章", "地方性法规", "地方政府规章", "规范性文件", "党内法规", "标准"]
RANKS: tuple[str, ...] = Rank.__args__  # type: ignore[attr-defined]


class Law(StrictModel):
    model_config = model_doc(
        "法规", "法规库（公开依据登记簿）中的一部法规",
        "Law", "A law in the law registry that items cite as their basis")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", **doc(
        "id", "全局唯一的法规标识（小写字母、数字和连字符），事项用它引用",
        "Id", "Unique id (lower-case letters, digits, hyphens) that items cite"))
    title: str = Field(min_length=2, **doc("标题", "完整标题，不带书名号", "Title", "Full title, without 《》"))
    short: list[str] = Field(default=[], **doc("简称", "目录中常用的简称", "Short titles", "Short titles in common use"))
    number: str | None = Field(default=None, **doc("文号", "文号或令号，如 国务院令第711号", "Number", "Document or decree number"))
    rank: Rank = Field(**doc("效力层级", "法律、行政法规、部门规章、地方性法规、地方政府规章、规范性文件、党内法规或标准", "Rank", "Legal rank"))
    issuer: str = Field(**doc("制定机关", "制定或发布机关", "Issuer", "The issuing body"))
    version: str | None = Field(default=None, **doc(
        "版本", "现行版本，如 2019年修订",
        "Version", "The current version, e.g. 2019年修订"))
    date: dt.date = Field(**doc("通过日期", "现行版本的通过（修订、印发）日期", "Date", "Date the current version was adopted"))
    effective: dt.date | None = Field(default=None, **doc("施行日期", "施行日期", "Effective", "Date it took effect"))
    note: str | None = Field(default=None, **doc("说明", "关于法规的说明", "Note", "A remark"))

    @property
    def display_title(self) -> str:
        return f"《{self.title}》"
