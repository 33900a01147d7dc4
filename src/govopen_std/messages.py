"""The message catalog: every diagnostic code with its default severity and Chinese/English texts.

Codes are stable (tests, CI configurations and SARIF rule ids refer to them). The prefix tells the
stage: Y = reading YAML, S = schema, R = references, C = completeness, O = county overlays,
B = build, E = usage/environment.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from govopen_std.diagnostics import Severity

E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO


@dataclass(frozen=True)
class Message:
    severity: Severity
    zh: str
    en: str
    hint_zh: str | None = None
    hint_en: str | None = None


CATALOG: dict[str, Message] = {
    # --- Y: reading files -----------------------------------------------------------------
    "Y101": Message(E, "YAML 语法错误：{detail}", "YAML syntax error: {detail_en}",
                    "检查该行及上一行的缩进、冒号和引号。", "Check indentation, colons and quotes on this line and the one before."),
    "Y102": Message(E, "重复的键“{key}”（首次出现在第 {first_line} 行）", "duplicate key '{key}' (first at line {first_line})",
                    "同一层级的键不能重复；合并两处内容或删除其一。", "Keys must be unique in a mapping; merge or remove one."),
    "Y103": Message(E, "文件顶层应为{expected}，实际为{actual}", "the top level of this file must be {expected_en}, not {actual_en}"),
    "Y104": Message(E, "文件不是有效的 UTF-8 编码（第 {offset} 字节）", "file is not valid UTF-8 (byte {offset})",
                    "请以 UTF-8 编码另存该文件。", "Save the file as UTF-8."),
    "Y105": Message(E, "文件过大（{size} 字节，上限 {limit} 字节）", "file too large ({size} bytes, limit {limit})"),
    "Y106": Message(E, "结构过于复杂：{detail}", "structure too complex: {detail}",
                    "别名展开或嵌套层数超过上限，可能是“亿笑”攻击或误用锚点。", "Alias expansion or nesting exceeds the limit."),
    "Y107": Message(E, "文件为空", "file is empty"),
    "Y108": Message(E, "无法读取文件：{detail}", "cannot read file: {detail}"),
    "Y109": Message(W, "文件以 BOM 开头", "file starts with a byte-order mark",
                    "UTF-8 文件不需要 BOM，建议去除。", "UTF-8 files need no BOM; remove it."),
    # --- S: schema ------------------------------------------------------------------------
    "S201": Message(E, "未知的键“{key}”", "unknown key '{key}'",
                    "是否应为“{suggestion}”？", "did you mean '{suggestion}'?"),
    "S202": Message(E, "缺少必填字段“{field}”", "missing required field '{field}'"),
    "S203": Message(E, "“{field}”的值无效：{detail}", "invalid value for '{field}': {detail_en}"),
    "S204": Message(E, "“{field}”的值“{value}”不在允许范围内：{allowed}", "'{field}': '{value}' is not one of {allowed}"),
    "S205": Message(E, "“{field}”不是有效日期：{value}", "'{field}' is not a valid date: {value}",
                    "日期写作 YYYY-MM-DD，如 2018-04-30。", "Write dates as YYYY-MM-DD."),
    # --- R: references --------------------------------------------------------------------
    "R301": Message(E, "公开依据引用了法规库中不存在的法规“{law}”", "basis cites '{law}', which is not in the law registry",
                    "是否应为“{suggestion}”？", "did you mean '{suggestion}'?"),
    "R302": Message(E, "未知的公开渠道“{channel}”", "unknown channel '{channel}'",
                    "是否应为“{suggestion}”？（渠道须取自 vocabulary.yaml）", "did you mean '{suggestion}'? (channels come from vocabulary.yaml)"),
    "R303": Message(E, "公开主体“{subject}”未在本领域公开规范的 subjects 中声明", "subject '{subject}' is not declared in the domain's subjects",
                    "是否应为“{suggestion}”？", "did you mean '{suggestion}'?"),
    "R304": Message(E, "标准文本“{id}”在 system.yaml 中没有对应的标准项目", "standard text '{id}' has no project in system.yaml"),
    "R305": Message(E, "重复的{what}“{id}”（首次定义于 {first}）", "duplicate {what_en} '{id}' (first defined at {first})"),
    "R306": Message(E, "未知的分组“{group}”", "unknown group '{group}'"),
    "R307": Message(E, "“{field}”的值“{value}”不在受控词表中（允许：{allowed}）", "'{field}': '{value}' is not in the vocabulary ({allowed})"),
    "R308": Message(E, "文件名“{stem}”与标准编号“{id}”不一致", "file name '{stem}' does not match standard id '{id}'"),
    "R309": Message(E, "事项“{code}”的子领域“{area}”不属于本领域（允许：{allowed}）", "item '{code}': area '{area}' is not an area of this domain ({allowed})"),
    "R310": Message(E, "法规“{law}”没有第{article}条的记录范围（共{max}条）", "law '{law}' has no article {article} (max {max})"),
    # --- C: completeness and content rules --------------------------------------------------
    "C401": Message(E, "事项“{code}”缺少{element}（{field}）", "item '{code}' lacks {element_en} ({field})",
                    "依据《政务公开目录编制要求》，每个事项须具备名称、依据、内容、主体、时限、方式六要素。",
                    "Every item needs all six elements: name, basis, content, subject, deadline, method."),
    "C402": Message(E, "标准项目“{id}”缺少{what}", "standard project '{id}' lacks {what_en}"),
    "C403": Message(E, "标准“{id}”状态为“发布”，但缺少{what}", "standard '{id}' is published but lacks {what_en}"),
    "C404": Message(E, "出现占位文字“{term}”", "placeholder text '{term}'",
                    "正式内容中不得保留占位文字；请写出实际内容。", "Shipped content must not contain placeholders."),
    "C405": Message(W, "法规库条目“{law}”未被任何事项引用", "law registry entry '{law}' is not cited by any item"),
    "C406": Message(E, "事项编码“{code}”不符合编码规则：{detail}", "item code '{code}' breaks the coding rule: {detail_en}",
                    "编码规则见《基层政务信息分类与编码规范》：领域代码-一级事项序号-二级事项序号，如 ZDBC-02-01。",
                    "See the coding standard: DOMAIN-NN-NN, e.g. ZDBC-02-01."),
    "C407": Message(E, "法规“{law}”缺少{what}", "law '{law}' lacks {what_en}"),
    "C408": Message(W, "标准项目“{id}”还没有标准文本", "standard project '{id}' has no text yet"),
    "C409": Message(E, "领域“{domain}”的事项数 {count} 少于要求的 {minimum}", "domain '{domain}' has {count} items, fewer than {minimum}"),
    "C410": Message(E, "实施日期 {implemented} 早于发布日期 {issued}", "implementation date {implemented} is before issue date {issued}"),
    "C411": Message(E, "标准编号“{number}”格式不正确", "standard number '{number}' is malformed",
                    "格式为 DB33/T 序号—年份，连接号为一字线“—”（U+2014）。", "Use DB33/T NNNN—YYYY with U+2014."),
    "C412": Message(W, "同一事项名称“{name}”出现多次（{codes}）", "item name '{name}' appears more than once ({codes})"),
    "C413": Message(E, "通用标准“{id}”缺少机器可读规则块“{block}”", "general standard '{id}' lacks its rule block '{block}'"),
    # --- O: county overlays (standards/counties/*.yaml) -----------------------------------------
    "O501": Message(E, "文件名“{stem}”与行政区划代码“{code}”不一致", "file name '{stem}' does not match county code '{code}'",
                    "县级配置文件应命名为 <行政区划代码>.yaml，如 330105.yaml。", "Name the profile <code>.yaml, e.g. 330105.yaml."),
    "O502": Message(E, "县（市、区）“{code}”已有配置（{first}），同一县不得有两份配置",
                    "county '{code}' already has a profile ({first}); one county, one profile",
                    "合并两份配置，或删除其中一份。", "Merge the two profiles or delete one."),
    "O503": Message(E, "行政区划代码“{county}”不属于{province}（应以 {prefix} 开头）",
                    "county code '{county}' is not in {province} (must start with {prefix})"),
    "O504": Message(E, "基础目录中没有领域“{domain}”", "the base has no domain '{domain}'",
                    "是否应为“{suggestion}”？（领域取自 system.yaml 的分组 id）", "did you mean '{suggestion}'?"),
    "O505": Message(E, "领域“{domain}”未采用，但没有在 not_applicable 中说明理由",
                    "domain '{domain}' is not adopted and no reason is given in not_applicable",
                    "基础目录的领域不能直接去掉；在 not_applicable 中写明“{domain}: 理由”。",
                    "Base domains cannot be dropped silently; give '{domain}: reason' under not_applicable."),
    "O506": Message(E, "“{subject}”不是基础目录声明的通用公开主体", "'{subject}' is not a generic subject declared by the base",
                    "是否应为“{suggestion}”？（通用主体见各领域公开规范的 subjects）", "did you mean '{suggestion}'?"),
    "O507": Message(W, "通用公开主体“{subject}”未映射到本地机构（{count} 个事项使用）",
                    "generic subject '{subject}' is not mapped to a local body ({count} items use it)",
                    "在 subjects 中写明“{subject}: 本地机构名称”。", "Map it under subjects: '{subject}: <local body>'."),
    "O508": Message(E, "基础目录中没有事项“{code}”", "the base catalog has no item '{code}'",
                    "是否应为“{suggestion}”？县级配置只能细化或标注基础目录中已有的事项；本地新增事项写在 add 中。",
                    "did you mean '{suggestion}'? Overlays may only amend or mark items of the base; new items go under add."),
    "O509": Message(E, "事项“{code}”的公开时限“{local}”比省级“{base}”宽松", "item '{code}': deadline '{local}' is weaker than the base '{base}'",
                    "县级细化只能缩短时限（或延长公示期），不能放宽。", "An overlay may only make a deadline stricter."),
    "O510": Message(E, "事项“{code}”的公开时限“{local}”无法与省级“{base}”比较", "item '{code}': deadline '{local}' cannot be compared with the base '{base}'",
                    "请沿用省级时限的写法（同样的起算点和“工作日/日”单位），只改天数。",
                    "Write it in the same form as the base deadline and change only the number of days."),
    "O511": Message(E, "事项“{code}”的渠道“{channel}”在省级为必选，县级不能改为可选", "item '{code}': channel '{channel}' is required in the base and cannot become optional",
                    "县级细化只能增加渠道或把可选渠道改为必选。", "An overlay may only add channels or make optional ones required."),
    "O512": Message(E, "事项“{code}”的公开内容“{text}”在省级为必选，县级不能改为可选", "item '{code}': content '{text}' is required in the base and cannot become optional"),
    "O513": Message(E, "事项“{code}”的公开方式在省级为“{base}”，县级不能改为“{local}”", "item '{code}': method '{base}' cannot become '{local}'",
                    "县级只能把“依申请”公开改为“主动”公开。", "An overlay may only turn 依申请 into 主动."),
    "O514": Message(E, "不能删除省级事项（“{key}”）", "base items cannot be removed ('{key}')",
                    "确实不适用的事项在 not_applicable 中标注并写明理由，目录会显示“不适用”及理由。",
                    "Mark the item under not_applicable with a reason; the catalog shows it as not applicable."),
    "O515": Message(E, "“{code}”标注为不适用，但没有写明理由", "'{code}' is marked not applicable without a reason",
                    "写作“{code}: 理由”。", "Write '{code}: <reason>'."),
    "O516": Message(E, "事项“{code}”既被细化又被标注为不适用", "item '{code}' is both amended and marked not applicable"),
    "O517": Message(E, "事项“{code}”属于未采用的领域“{domain}”", "item '{code}' belongs to domain '{domain}', which is not adopted"),
    "O518": Message(E, "本地事项“{code}”所属标准“{standard}”不存在或不属于领域“{domain}”",
                    "local item '{code}': standard '{standard}' does not exist or is not in domain '{domain}'"),
    "O519": Message(W, "事项“{code}”的细化没有改变任何要求（{field}）", "item '{code}': the amendment changes nothing ({field})"),
    "O520": Message(E, "领域“{domain}”既被采用又被标注为不适用", "domain '{domain}' is both adopted and marked not applicable"),
    "O521": Message(E, "渠道“{channel}”的地址“{value}”不是网址", "channel '{channel}': '{value}' is not a web address",
                    "网址以 http:// 或 https:// 开头。", "Web addresses start with http:// or https://."),
    "O522": Message(E, "已存在文件 {path}，不会覆盖", "{path} already exists; not overwriting",
                    "如需重新生成，请先移走或删除该文件。", "Move or delete it first to regenerate it."),
    "O523": Message(E, "当前目录不是工作区，不能把县级配置写入内置标准", "not in a workspace; will not write into the built-in standards",
                    "在工作区目录（含 govopen.yaml）中运行，或用 --workspace 指定。", "Run inside a workspace or pass --workspace."),
    "O524": Message(E, "行政区划代码“{county}”应为 6 位数字", "county code '{county}' must be 6 digits"),
    # --- B: build ---------------------------------------------------------------------------
    "B601": Message(E, "源文件有错误，未生成任何输出", "the sources have errors; nothing was written"),
    "B602": Message(E, "生成 {output} 失败：{detail}", "rendering {output} failed: {detail}"),
    "B603": Message(E, "构建被中断，原有输出保持不变", "build interrupted; previous outputs left untouched"),
    # --- E: usage and environment -----------------------------------------------------------
    "E901": Message(E, "找不到工作区：{path}", "workspace not found: {path}",
                    "工作区应包含 govopen.yaml 和 standards/ 目录。", "A workspace holds govopen.yaml and standards/."),
    "E902": Message(E, "参数错误：{detail}", "invalid argument: {detail}"),
    "E903": Message(E, "内部错误：{detail}", "internal error: {detail}",
                    "这是 govopen 的缺陷，请附上命令和源文件报告。", "This is a govopen bug; please report it."),
    "E904": Message(E, "未找到县（市、区）“{county}”的配置", "no profile for county '{county}'"),
}

ELEMENT_NAMES: dict[str, tuple[str, str]] = {
    "code": ("事项编码", "code"), "category": ("事项分类", "category"), "name": ("事项名称", "name"),
    "area": ("子领域", "area"), "content": ("公开内容", "content"), "basis": ("公开依据", "basis"),
    "subject": ("公开主体", "subject"), "deadline": ("公开时限", "deadline"), "method": ("公开方式", "method"),
    "channels": ("公开渠道和载体", "channels"), "audience": ("公开对象", "audience"),
    "level": ("公开层级", "level"), "openness": ("五公开", "openness"),
}


class _Defaulting(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        if key.endswith("_en") and key[:-3] in self:
            return str(self[key[:-3]])
        return "{" + key + "}"


def default_severity(code: str) -> Severity:
    msg = CATALOG.get(code)
    return msg.severity if msg else Severity.ERROR


def render_message(code: str, params: dict[str, Any], lang: str) -> str:
    msg = CATALOG.get(code)
    if msg is None:
        return f"{code} {params}"
    template = msg.en if lang == "en" else msg.zh
    return template.format_map(_Defaulting(params))


def render_hint(code: str, params: dict[str, Any], lang: str) -> str | None:
    msg = CATALOG.get(code)
    if msg is None:
        return None
    template = msg.hint_en if lang == "en" else msg.hint_zh
    if template is None:
        return None
    if "{suggestion}" in template and not params.get("suggestion"):
        return None
    return template.format_map(_Defaulting(params))
