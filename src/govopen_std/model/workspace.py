"""The workspace configuration (govopen.yaml)."""

from __future__ import annotations

from pydantic import Field

from govopen_std.model.base import StrictModel, doc, model_doc


class Province(StrictModel):
    model_config = model_doc("省", "工作区所属的省", "Province", "The province of the workspace")

    code: str = Field(pattern=r"^[0-9]{2}$", **doc("代码", "省级行政区划代码前两位，如 33", "Code", "Two-digit province code, e.g. 33"))
    name: str = Field(**doc("名称", "省的名称", "Name", "The province's name"))


class WorkspaceConfig(StrictModel):
    model_config = model_doc(
        "工作区配置", "govopen.yaml：工作区名称、省和目录位置",
        "Workspace configuration", "govopen.yaml: the workspace's name, province and folders")

    name: str = Field(**doc("名称", "工作区名称", "Name", "The workspace's name"))
    province: Province = Field(**doc("省", "工作区所属的省", "Province", "The province"))
    # control characters (a NUL above all) cannot be in a path the OS accepts: an error at govopen.yaml, not a crash
    standards_dir: str = Field(default="standards", pattern=r"^[^\x00-\x1f]+$", **doc(
        "标准目录", "标准源文件所在目录",
        "Standards folder", "Folder of the standard sources"))
    templates_dir: str = Field(default="templates", pattern=r"^[^\x00-\x1f]+$", **doc(
        "模板目录", "模板所在目录",
        "Templates folder", "Folder of the templates"))
    out_dir: str = Field(default="build", **doc("输出目录", "构建输出目录", "Output folder", "Folder the build writes to"))
    # A county repository holding only its own profile: the base it overlays (load/base.py).
    base: str | None = Field(default=None, min_length=1, **doc(
        "基础工作区", "县级仓库叠加的省级基础：embedded（govopen 内置的标准）或省级工作区目录的路径（相对于本文件）",
        "Base workspace", "The provincial base a county repository overlays: embedded (the standards shipped "
        "with govopen) or the path of a provincial workspace, relative to this file"))
