"""The workspace configuration (govopen.yaml)."""

from __future__ import annotations

from pydantic import Field

from govopen_std.model.base import StrictModel


class Province(StrictModel):
    code: str = Field(pattern=r"^[0-9]{2}$")
    name: str


class WorkspaceConfig(StrictModel):
    name: str
    province: Province
    standards_dir: str = "standards"
    templates_dir: str = "templates"
    out_dir: str = "build"
