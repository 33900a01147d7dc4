"""The documented column layout of catalog spreadsheets, and how hand-made headers map onto it.

`govopen export` writes exactly `EXPORT_COLUMNS`, in this order: the national catalog columns of
gen-03 (`view.model.CATALOG_COLUMNS`, 序号 … 公开层级) followed by `EXTRA_COLUMNS`. `govopen import`
reads that layout and also what counties keep in Excel: other header spellings (`HEADER_ALIASES`),
two header rows with group headings over sub-columns (公开事项 over 一级事项/二级事项, 公开渠道和载体
over one column per channel, 公开对象 over 全社会/特定群体 …), and marks in those sub-columns.
"""

from __future__ import annotations

from govopen_std.view.model import CATALOG_COLUMNS

EXTRA_COLUMNS: list[str] = ["事项编码", "事项名称", "三级事项", "领域", "子领域", "所属标准", "五公开", "备注",
                            "来源", "不适用理由"]
EXPORT_COLUMNS: list[str] = [*CATALOG_COLUMNS, *EXTRA_COLUMNS]

# What each column holds (README "表格的列" is written from this).
COLUMN_DOCS: dict[str, str] = {
    "序号": "领域内的顺序号（导入时忽略）",
    "一级事项": "事项分类第一级",
    "二级事项": "事项分类第二级（可空）",
    "公开内容": "每行一个要素；多个要素时行首编号“1.”；可选要素在末尾加“（可选）”",
    "公开依据": "每行一部法规：《标题》第N条、第M条，末尾可加（注）",
    "公开时限": "原文",
    "公开主体": "多个主体以“、”分隔",
    "公开渠道和载体": "■必选渠道、□可选渠道，以空格分隔",
    "公开对象": "全社会，或 特定群体（具体对象）",
    "公开方式": "主动 或 依申请",
    "公开层级": "以“、”分隔，如 县级、乡级",
    "事项编码": "按 gen-02 编码规则，如 ZDBC-02-01；导入时为空则自动编码",
    "事项名称": "事项名称",
    "三级事项": "事项分类第三级（可空）",
    "领域": "领域名称，如 征地补偿",
    "子领域": "扶贫救灾、市政服务的子领域",
    "所属标准": "标准编号，如 zdbc-01",
    "五公开": "决策、执行、管理、服务、结果之一",
    "备注": "备注",
    "来源": "省级、本县增补、本县细化 或 不适用",
    "不适用理由": "标注为不适用时的理由",
}

# Internal field keys of the columns.
COLUMN_KEYS: dict[str, str] = {
    "序号": "seq", "一级事项": "primary", "二级事项": "secondary", "三级事项": "tertiary", "公开内容": "content",
    "公开依据": "basis", "公开时限": "deadline", "公开主体": "subject", "公开渠道和载体": "channels",
    "公开对象": "audience", "公开方式": "method", "公开层级": "level", "事项编码": "code", "事项名称": "name",
    "领域": "domain", "子领域": "area", "所属标准": "standard", "五公开": "openness", "备注": "note",
    "来源": "origin", "不适用理由": "reason",
}

# Other spellings found in county sheets -> the documented column name. Keys are `text.key()` forms.
HEADER_ALIASES: dict[str, str] = {
    "编号": "序号", "一级": "一级事项", "一级目录": "一级事项", "一级事项名称": "一级事项", "二级": "二级事项",
    "二级目录": "二级事项", "二级事项名称": "二级事项", "三级": "三级事项", "公开内容(要素)": "公开内容",
    "公开内容要素": "公开内容", "公开要素": "公开内容", "内容": "公开内容", "依据": "公开依据",
    "公开依据(法规依据)": "公开依据", "时限": "公开时限", "主体": "公开主体", "责任主体": "公开主体",
    "公开渠道": "公开渠道和载体", "渠道和载体": "公开渠道和载体", "公开载体": "公开渠道和载体",
    "公开渠道及载体": "公开渠道和载体", "对象": "公开对象", "方式": "公开方式", "层级": "公开层级",
    "编码": "事项编码", "事项代码": "事项编码", "名称": "事项名称", "标准": "所属标准", "五公开类别": "五公开",
    "说明": "备注", "所属领域": "领域", "理由": "不适用理由",
}

# Group headings of a two-row header -> what their sub-columns are.
GROUP_HEADERS: dict[str, str] = {
    "公开事项": "category", "事项": "category", "事项分类": "category", "公开渠道和载体": "channel",
    "公开对象": "audience", "公开方式": "method", "公开层级": "level", "五公开": "openness",
}
CATEGORY_SUBS: dict[str, str] = {"一级事项": "primary", "二级事项": "secondary", "三级事项": "tertiary",
                                 "事项名称": "name", "事项编码": "code"}

# Marks in sub-columns (one column per channel, 全社会/特定群体, 主动/依申请, 县级/乡级 …).
REQUIRED_MARKS = frozenset({"■", "√", "✓", "✔", "☑", "●", "★", "是", "y", "yes", "1", "必选", "v"})
OPTIONAL_MARKS = frozenset({"□", "☐", "○", "☆", "可选", "o"})
BLANK_MARKS = frozenset({"", "×", "✗", "✘", "否", "-", "—", "/", "n", "no", "0", "无"})
CHANNEL_MARKS = "■□☑☐√✓✔●○"

ORIGIN_LOCAL = "本县增补"
ORIGIN_LABELS = {"base": "省级", "amended": "本县细化", "local": ORIGIN_LOCAL, "not_applicable": "不适用"}
OPTIONAL_SUFFIX = "（可选）"
