"""The message catalog: every diagnostic code with its default severity and Chinese/English texts.

Codes are stable (tests, CI configurations and SARIF rule ids refer to them). The prefix tells the
stage: Y = reading YAML, S = schema, R = references, C = completeness, O = county overlays,
B = build, I = import of spreadsheets, D = diff and export, E = usage/environment.
"""

from __future__ import annotations

import string
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
    "Y101": Message(E, "YAML 语法错误：{detail}", "YAML syntax error: {detail_en}", "{advice}", "{advice_en}"),
    "Y102": Message(E, "重复的键“{key}”（首次出现在第 {first_line} 行）", "duplicate key '{key}' (first at line {first_line})",
                    "同一层级的键不能重复；合并两处内容或删除其一。", "Keys must be unique in a mapping; merge or remove one."),
    "Y103": Message(E, "文件顶层应为{expected}，实际为{actual}", "the top level of this file must be {expected_en}, not {actual_en}"),
    "Y104": Message(E, "文件不是有效的 UTF-8 编码（第 {offset} 字节）", "file is not valid UTF-8 (byte {offset})",
                    "请以 UTF-8 编码另存该文件。", "Save the file as UTF-8."),
    "Y105": Message(E, "文件过大（{size} 字节，上限 {limit} 字节）", "file too large ({size} bytes, limit {limit})"),
    "Y106": Message(E, "结构过于复杂：{detail}", "structure too complex: {detail}",
                    "别名展开或嵌套层数超过上限，可能是“亿笑”攻击或误用锚点。", "Alias expansion or nesting exceeds the limit."),
    "Y107": Message(E, "文件为空", "file is empty"),
    "Y108": Message(E, "无法读取文件：{detail}", "cannot read file: {detail_en}"),
    "Y109": Message(W, "文件以 BOM 开头", "file starts with a byte-order mark",
                    "UTF-8 文件不需要 BOM，建议去除。", "UTF-8 files need no BOM; remove it."),
    "Y110": Message(E, "文本含有不能写入文档的字符 {char}", "the text holds {char}, a character documents cannot hold",
                    "删除该字符：它通常来自复制粘贴或双引号中的转义（如 \\uFFFE、\\x01）。",
                    "Remove it; it usually comes from copy-paste or an escape in double quotes (\\uFFFE, \\x01)."),
    # --- S: schema ------------------------------------------------------------------------
    "S201": Message(E, "未知的键“{key}”", "unknown key '{key}'",
                    "是否应为“{suggestion}”？", "did you mean '{suggestion}'?"),
    "S202": Message(E, "缺少必填字段“{field}”", "missing required field '{field}'"),
    "S203": Message(E, "“{field}”的值无效：{detail}", "invalid value for '{field_en}': {detail_en}",
                    "{advice}", "{advice_en}"),
    "S204": Message(E, "“{field}”的值“{value}”不在允许范围内：{allowed}", "'{field_en}': '{value}' is not one of {allowed_en}"),
    "S205": Message(E, "“{field}”不是有效日期：{value}", "'{field_en}' is not a valid date: {value}",
                    "日期写作 YYYY-MM-DD，如 2018-04-30。", "Write dates as YYYY-MM-DD."),
    "S206": Message(E, "字段“{field}”重复出现：也写了别名“{alias}”", "field '{field}' is given twice: also as its alias '{alias}'",
                    "英文键和中文别名是同一个字段，只保留其中一个。",
                    "The English key and its Chinese alias are the same field; keep only one of them."),
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
    # --- C: completeness and content rules --------------------------------------------------
    "C401": Message(E, "事项“{code}”缺少{element}（{field}）", "item '{code}' has no {element_en}",
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
    "C408": Message(W, "标准项目“{id}”还没有标准文本", "standard project '{id}' has no text yet"),
    "C410": Message(E, "实施日期 {implemented} 早于发布日期 {issued}", "implementation date {implemented} is before issue date {issued}"),
    "C411": Message(E, "标准编号“{number}”格式不正确", "standard number '{number}' is malformed",
                    "格式为 DB33/T 序号—年份，连接号为一字线“—”（U+2014）。", "Use DB33/T NNNN—YYYY with U+2014."),
    "C413": Message(E, "通用标准“{id}”缺少机器可读规则块“{block}”", "general standard '{id}' lacks its rule block '{block}'"),
    "C414": Message(W, "事项“{code}”缺少推荐要素：{elements}（{fields}）",
                    "item '{code}' lacks recommended elements: {elements_en}",
                    "《政务公开目录编制要求》：推荐要素宜填写，并由目录统一展示。",
                    "The catalog standard (gen-03) asks for the recommended elements too; the catalog shows them."),
    "C416": Message(W, "公开渠道“其他”没有写明具体渠道名称", "the channel '其他' (other) does not name the channel",
                    "《政务公开目录编制要求》：“选用‘其他’的，应写明具体渠道名称。”写作“其他：渠道名称”，如“其他：村务微信群”。",
                    "gen-03 requires the name of an 'other' channel: write '其他：<name>', e.g. '其他：村务微信群'."),
    "C417": Message(E, "标准编号“{number}”的年份 {year} 与发布日期 {issued} 不一致", "standard number '{number}': year {year} "
                    "does not match the issue date {issued}",
                    "标准编号中的年份是发布年份；核对编号或发布日期。", "The year in the number is the year of issue; check either."),
    "C415": Message(W, "{count} 个标准项目没有 {what} 分类号，封面上缺印：{ids}",
                    "{count} standard project(s) have no {what_en} code, so their covers lack it: {ids_en}",
                    "在 system.yaml 顶层的 defaults 中设置 ics 和 ccs（各标准共用），或在标准项目中分别设置。",
                    "Set ics and ccs under defaults at the top of system.yaml (shared by every standard), "
                    "or on the project itself."),
    # C42x: organisation registry (organizations.yaml) and status history (status_history)
    "C420": Message(W, "责任单位“{unit}”不在机构库中", "responsible unit '{unit}' is not in the organisation registry",
                    "{did_you_mean}在 standards/organizations.yaml 中登记该单位（name 写附件1所印的名称）。",
                    "{did_you_mean_en}add it to standards/organizations.yaml (name as printed in Annex 1)."),
    "C421": Message(E, "机构名称“{name}”重复（首次出现于 {first}）", "organisation name '{name}' is used twice (first at {first})",
                    "一个名称只能指一个机构；删去重复的名称或别名。", "A name may denote one body only; remove the duplicate."),
    "C422": Message(E, "机构“{name}”已于 {until} 撤销，但没有记录承继机构", "'{name}' ceased on {until} but has no successor",
                    "在 successors 中写明承继其职责的机构。", "List the bodies that took over its work under successors."),
    "C423": Message(E, "机构“{name}”的承继机构“{successor}”（{kind}）缺少日期 since",
                    "successor '{successor}' of '{name}' ({kind}) has no date (since)"),
    "C424": Message(W, "机构“{name}”的承继机构“{successor}”只承接部分职责，但没有写明职责（functions）",
                    "successor '{successor}' of '{name}' takes over part of the work but names no functions"),
    "C425": Message(N, "机构库中的“{name}”没有被任何标准项目使用", "registry entry '{name}' is not a unit of any standard"),
    "C426": Message(E, "标准“{id}”的状态历史未按日期排列：{date} 早于上一条的 {previous}",
                    "standard '{id}': status history out of order ({date} is before {previous})",
                    "按日期从早到晚排列 status_history。", "List status_history from the earliest date to the latest."),
    "C427": Message(E, "标准“{id}”状态历史的最后一条为“{last}”，与 status“{status}”不一致",
                    "standard '{id}': the last status_history entry is '{last}' but status is '{status}'",
                    "status 应等于状态历史中最新的状态。", "status must equal the latest entry of status_history."),
    "C428": Message(W, "标准“{id}”状态历史中“发布”的日期 {date} 与发布日期 {issued} 不一致",
                    "standard '{id}': status history has 发布 on {date} but issued is {issued}"),
    "C429": Message(N, "标准“{id}”的状态在 {date} 由“{previous}”退回“{status}”",
                    "standard '{id}': status went back from '{previous}' to '{status}' on {date}"),
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
    "O525": Message(E, "基础工作区“{base}”无法使用：{detail}", "base workspace '{base}' cannot be used: {detail_en}",
                    "base 写 embedded（govopen 内置的省级标准），或省级工作区目录的路径（相对于 govopen.yaml 所在目录），如 ../province。",
                    "Write base: embedded (the standards shipped with govopen) or the path of a provincial workspace "
                    "relative to govopen.yaml, e.g. ../province."),
    "O526": Message(E, "渠道“{channel}”没有填写具体载体", "channel '{channel}' has no local carrier",
                    "填写网址、账号名称或设置位置；暂不填写的渠道请删去该行或在行首加“#”。",
                    "Give the address, account or place; delete the line (or comment it out with #) until it is known."),
    # --- I: import of catalog spreadsheets (govopen import) -------------------------------------
    "I801": Message(E, "无法读取表格文件：{detail}", "cannot read the spreadsheet: {detail}"),
    "I802": Message(E, "不支持的文件类型“{suffix}”", "unsupported file type '{suffix}'",
                    "支持 .xlsx、.xlsm、.csv（UTF-8 或 GB18030）和 govopen export 生成的 .json。",
                    "Supported: .xlsx, .xlsm, .csv (UTF-8 or GB18030) and the .json that govopen export writes."),
    "I803": Message(W, "工作表中找不到目录表头，已跳过", "no catalog header found in this sheet; skipped",
                    "表头应含“序号、一级事项、公开内容、公开依据、公开时限、公开主体……”中的至少三列。",
                    "The header needs at least three of 序号, 一级事项, 公开内容, 公开依据, 公开时限, 公开主体 …"),
    "I804": Message(W, "无法识别的列“{header}”，已忽略", "unrecognised column '{header}' ignored",
                    "列名见 README“表格的列”；重复的列只读取第一列。", "See the column table in the README; a repeated column is read once."),
    "I805": Message(E, "缺少{element}", "{element_en} is missing",
                    "每个事项须具备名称、依据、内容、主体、时限、方式六要素。", "Every item needs all six elements."),
    "I806": Message(E, "公开依据“{law}”不在法规库中", "basis '{law}' is not in the law registry",
                    "在 standards/laws/*.yaml 中登记该法规（id、标题、简称、文号、位阶、制定机关、日期）后重新导入；是否应为“{suggestion}”？",
                    "Register it in standards/laws/*.yaml and import again; did you mean '{suggestion}'?"),
    "I807": Message(E, "公开依据“{law}”对应多部法规：{candidates}", "basis '{law}' matches several laws: {candidates}",
                    "请在表格中写出法规全称。", "Write the law's full title in the sheet."),
    "I808": Message(W, "未知的公开渠道“{channel}”", "unknown channel '{channel}'",
                    "是否应为“{suggestion}”？（渠道须取自 vocabulary.yaml）", "did you mean '{suggestion}'? (channels come from vocabulary.yaml)"),
    "I809": Message(W, "公开主体“{subject}”未在本领域声明", "subject '{subject}' is not declared in this domain",
                    "是否应为“{suggestion}”？", "did you mean '{suggestion}'?"),
    "I810": Message(W, "{field}的值“{value}”不在受控词表中（允许：{allowed}）", "{field_en}: '{value}' is not in the vocabulary ({allowed})"),
    "I811": Message(W, "{field}同时标记了“{first}”和“{second}”，按“{chosen}”导入",
                    "{field_en}: both '{first}' and '{second}' are marked; imported as '{chosen}'"),
    "I812": Message(N, "公开时限“{text}”无法解析为结构化形式，按原文保留", "deadline '{text}' kept as free text (no structured form found)",
                    "县级细化比较时限时需要“……之日起N个工作日内”“不少于N日”等写法。",
                    "County amendments compare deadlines written as 'within N (working) days' or 'at least N days'."),
    "I813": Message(W, "事项编码“{code}”不可用（{detail}），改为“{new}”", "item code '{code}' cannot be used ({detail_en}); coded '{new}'"),
    "I814": Message(E, "领域“{domain}”的一级事项序号已用完（{low}–{high}），无法为“{category}”编码",
                    "domain '{domain}' has no free primary number left ({low}-{high}) for '{category}'"),
    "I815": Message(E, "无法确定事项所属的标准或领域", "cannot tell which standard or domain this item belongs to",
                    "用 --standard（如 zdbc-01）或 --domain 指定，或在表格中加“所属标准”或“领域”列。",
                    "Pass --standard (e.g. zdbc-01) or --domain, or add a 所属标准 or 领域 column."),
    "I816": Message(E, "标准“{standard}”不在 system.yaml 中", "standard '{standard}' is not in system.yaml",
                    "是否应为“{suggestion}”？", "did you mean '{suggestion}'?"),
    "I817": Message(E, "无法识别的领域“{value}”", "unknown domain '{value}'",
                    "领域写 system.yaml 中的分组标识、代码或名称，如 zdbc、ZDBC、征地补偿。",
                    "Write a group id, code or title from system.yaml, e.g. zdbc, ZDBC, 征地补偿."),
    "I818": Message(W, "子领域“{area}”不属于领域“{domain}”（允许：{allowed}）", "area '{area}' is not an area of '{domain}' ({allowed})"),
    "I819": Message(E, "县（市、区）“{county}”还没有配置文件 {path}", "county '{county}' has no profile {path} yet",
                    "先运行 govopen init --county {county} 生成配置文件，再导入本县增补事项。",
                    "Run govopen init --county {county} first, then import the local items."),
    "I820": Message(E, "当前目录不是工作区，不能把导入结果写入内置标准", "not in a workspace; will not write into the built-in standards",
                    "在工作区目录（含 govopen.yaml）中运行，或用 --workspace 指定；只想预览可加 --dry-run。",
                    "Run inside a workspace or pass --workspace; add --dry-run to only preview."),
    "I821": Message(E, "事项无法导入：{detail}", "the item cannot be imported: {detail}"),
    "I822": Message(E, "表格中没有可导入的事项", "the spreadsheet has no items to import"),
    "I823": Message(N, "跳过标题或说明行“{text}”", "skipped a title or note row '{text}'"),
    "I824": Message(N, "文件不是 UTF-8 编码，已按 GB18030 读取", "not UTF-8; read as GB18030"),
    "I825": Message(N, "在 {path} 中声明了新的公开主体“{subject}”", "declared the new subject '{subject}' in {path}"),
    "I826": Message(N, "跳过 {count} 个与本县目录相同的行（{detail}）", "skipped {count} rows that match the county's catalog ({detail})"),
    "I827": Message(E, "“{standard}”不是领域标准，事项只能导入领域标准（<领域>-NN）", "'{standard}' is not a domain standard; items go into <domain>-NN texts"),
    "I828": Message(W, "事项编码“{code}”是省级事项，本县增补中已跳过", "'{code}' is a provincial item; skipped among the local additions"),
    # I829–I837: a county's edits of provincial rows, usage problems, summaries (interchange.county_edits, importer)
    "I829": Message(E, "省级事项“{code}”的{element}改为“{local}”，比省级“{base}”宽松；县级只能细化，此修改未导入",
                    "provincial item '{code}': {element_en} changed to '{local}', weaker than the base '{base}'; "
                    "counties may only make items stricter, so the edit was not imported",
                    "县级细化只能缩短时限（或延长公示期），增加公开内容、依据、渠道和层级，把可选改为必选，把依申请改为主动；"
                    "请把该单元格恢复为导出时的内容。",
                    "An amendment may only shorten a deadline (or lengthen a notice period), add content, bases, channels "
                    "or levels, make optional ones required, or turn 依申请 into 主动; restore the cell as exported."),
    "I830": Message(E, "省级事项“{code}”的公开时限“{local}”不能作为本县细化：与省级“{base}”{reason}，此修改未导入",
                    "provincial item '{code}': the deadline '{local}' cannot amend the base '{base}' ({reason_en}); "
                    "the edit was not imported",
                    "细化时限请沿用省级时限的写法（同样的事由和“工作日/日”单位），只改天数。",
                    "Write it as the base deadline is written (same event, same unit of days) and change only the number."),
    "I831": Message(E, "县级不能修改省级事项“{code}”的{element}（省级为“{base}”），此修改未导入",
                    "counties cannot change the {element_en} of provincial item '{code}' (base: '{base}'); "
                    "the edit was not imported", "{advice}", "{advice_en}"),
    "I832": Message(N, "省级事项“{code}”的修改已写为本县细化（{fields}）",
                    "provincial item '{code}': the edit is written as the county's amendment ({fields_en})"),
    "I833": Message(N, "{count} 个公开时限无法解析为结构化形式，按原文保留（{cells}）",
                    "{count} deadlines kept as free text, no structured form found ({cells})",
                    "县级细化比较时限时需要“……之日起N个工作日内”“不少于N日”等写法。",
                    "County amendments compare deadlines written as 'within N (working) days' or 'at least N days'."),
    "I834": Message(E, "不能读取旧版 Excel 文件（{suffix}）：{path}", "old Excel workbooks ({suffix}) cannot be read: {path}",
                    "请用 Excel 或 WPS 另存为 .xlsx 后再导入。", "Save it as .xlsx in Excel or WPS, then import that file."),
    "I835": Message(E, "找不到要导入的文件：{path}", "no such file to import: {path}",
                    "检查文件名和所在目录；相对路径从当前目录算起。", "Check the name and folder; relative paths start at the current folder."),
    "I836": Message(W, "事项“{code}”在本县标注为不适用，表格中对它的修改未导入",
                    "item '{code}' is marked not applicable in this county; the edits of its row were not imported",
                    "该事项如适用于本县，先从县级配置的 not_applicable 中删除它，再导入。",
                    "If it applies after all, remove it from not_applicable in the county profile first."),
    "I837": Message(E, "来源为“{origin}”的行的事项编码“{code}”不在省级目录中",
                    "the row's source is '{origin}' but '{code}' is not a provincial item",
                    "本县新增的事项在“来源”列写“本县增补”；省级事项请保留导出时的事项编码。",
                    "Mark local additions 本县增补 in the 来源 column; keep the exported code of provincial items."),
    "I838": Message(E, "标准“{standard}”已由 {existing} 定义，未写入 {path}",
                    "standard '{standard}' is already defined in {existing}; {path} was not written",
                    "一个标准只能有一个源文件（*.yml 与 *.yaml 同样读取）：把 {existing} 改名为 {name} 或删去后再导入。",
                    "A standard has one source file (*.yml is read like *.yaml): rename {existing} to {name}, "
                    "or delete it, then import again."),
    # --- D: diff and export (govopen diff, govopen export) --------------------------------------
    "D840": Message(E, "无法取出 git 版本“{rev}”：{detail}", "cannot extract git revision '{rev}': {detail}",
                    "版本可以是提交、分支或标签，如 HEAD~1、v1.0。", "A revision is a commit, branch or tag, e.g. HEAD~1, v1.0."),
    "D841": Message(E, "{path} 不在 git 仓库中", "{path} is not inside a git repository"),
    "D842": Message(E, "找不到 git 命令", "git is not installed"),
    "D843": Message(E, "版本“{label}”的源文件有 {count} 个错误（见上），未比较，也未写出修订对照表",
                    "revision '{label}' has {count} errors in its sources (listed above); nothing was compared or written",
                    "修正上面列出的错误后重新比较；有错误的文件中的事项无法读取，比较会把它们误报为删除事项。",
                    "Fix them and compare again: items of a broken file cannot be read and would look deleted."),
    "D844": Message(E, "没有领域“{domain}”", "there is no domain '{domain}'",
                    "是否应为“{suggestion}”？", "did you mean '{suggestion}'?"),
    "D845": Message(W, "版本“{label}”中事项编码“{code}”重复，只比较第一个", "revision '{label}' has item code '{code}' twice; only the first is compared"),
    "D846": Message(E, "源文件有错误，未导出", "the sources have errors; nothing was exported",
                    "先运行 govopen check 修正错误。", "Fix the errors that govopen check reports first."),
    "D847": Message(E, "写入 {path} 失败：{detail}", "writing {path} failed: {detail}"),
    # --- B: build ---------------------------------------------------------------------------
    "B601": Message(E, "源文件有错误，未生成任何输出", "the sources have errors; nothing was written"),
    "B602": Message(E, "生成 {output} 失败：{detail}", "rendering {output} failed: {detail}"),
    "B603": Message(E, "构建被中断，原有输出保持不变", "build interrupted; previous outputs left untouched"),
    # B61x: DOCX standard texts
    "B610": Message(E, "DOCX 样式模板 {path} 无效：{detail}", "DOCX style template {path} is invalid: {detail_en}",
                    "对照内置的 templates/docx/style.yaml 检查键名和取值。",
                    "Compare with the built-in templates/docx/style.yaml."),
    # B62x: HTML catalog site and `govopen serve`
    "B620": Message(E, "无法在 {host}:{port} 上提供预览网站：{detail}", "cannot serve the preview on {host}:{port}: {detail}",
                    "该端口可能已被占用，换一个端口，如 govopen serve --port 8001。",
                    "The port may be in use; try another, e.g. govopen serve --port 8001."),
    "B621": Message(E, "HTML 模板 {path} 第 {line} 行有错误：{detail}", "HTML template {path}, line {line}: {detail_en}",
                    "对照内置的 templates/html/ 中的同名模板检查；删除工作区中的该文件即恢复使用内置模板。",
                    "Compare with the built-in template of the same name; delete the workspace copy to use the built-in one."),
    # --- E: usage and environment -----------------------------------------------------------
    "E901": Message(E, "找不到工作区：{path}", "workspace not found: {path}",
                    "工作区应包含 govopen.yaml 和 standards/ 目录。", "A workspace holds govopen.yaml and standards/."),
    "E902": Message(E, "参数错误：{detail}", "invalid argument: {detail_en}"),  # detail_en defaults to detail
    "E903": Message(E, "内部错误：{detail}", "internal error: {detail}",
                    "这是 govopen 的缺陷，请附上命令和源文件报告。", "This is a govopen bug; please report it."),
    "E904": Message(E, "未找到县（市、区）“{county}”的配置", "no profile for county '{county}'",
                    "已有配置的县（市、区）：{known}。新的县（市、区）先用 govopen init --county {county} 生成配置。",
                    "Counties with a profile: {known_en}. Create one with govopen init --county {county}."),
    "E905": Message(E, "未知的输出格式“{fmt}”", "unknown output format '{fmt}'",
                    "可用的格式：{valid}（--format 可重复）。", "Valid formats: {valid_en} (--format may be repeated)."),
    "E906": Message(E, "县（市、区）“{county}”不是试点县（市、区），无法确定{what}", "cannot tell the {what_en} of county '{county}'",
                    "用 {option} 给出，如 {example}。", "Give it with {option}, e.g. {example}."),
    # E91x: govopen status
    "E910": Message(E, "--format {fmt} 生成季度进展报告文件，需要用 --out 指定输出文件",
                    "--format {fmt} writes the quarterly report to a file; give it with --out"),
    "E911": Message(E, "--as-of 的值“{value}”不是有效日期", "--as-of '{value}' is not a valid date",
                    "日期写作 YYYY-MM-DD，如 2018-03-31。", "Write the date as YYYY-MM-DD, e.g. 2018-03-31."),
    "E912": Message(E, "未知的责任单位“{unit}”（附件1的责任单位：{known}）", "unknown responsible unit '{unit}' (Annex 1 names: {known})",
                    "是否应为“{suggestion}”？附件1的名称和今天的机构名称均可。",
                    "did you mean '{suggestion}'? Both the Annex 1 name and today's name are accepted."),
    "E913": Message(E, "system.yaml 或 organizations.yaml 有错误，无法统计进度", "system.yaml or organizations.yaml has errors; no progress computed",
                    "先运行 govopen check 修正上面的错误。", "Fix the errors above (govopen check) first."),
    "E914": Message(E, "写入 {path} 失败：{detail}", "writing {path} failed: {detail}"),
    "E915": Message(E, "无法从文件名“{path}”判断季度进展报告的格式", "cannot tell the report format from the file name '{path}'",
                    "文件名以 .docx、.xlsx 或 .json 结尾，或用 --format 指定。", "End the name with .docx, .xlsx or .json, or give --format."),

    # --- safety-fs: B630-B649, E920-E939 ---
    # (new codes of this part go below this line)
    "B630": Message(E, "输出目录 {path} 中已有 {names}，不是 govopen 生成的（不在 govopen-manifest.json 中），不覆盖",
                    "{names_en} in the output folder {path} were not written by govopen (not in govopen-manifest.json); "
                    "not overwriting them",
                    "移走或改名这些文件夹，或在 govopen.yaml 的 out_dir（或 --out）中换一个输出目录；"
                    "若它们是 govopen 以前生成的（如 govopen-manifest.json 被删除），删除它们后重新构建。",
                    "Move or rename them, or choose another output folder (govopen.yaml out_dir, or --out); if govopen "
                    "wrote them before (say govopen-manifest.json was deleted), delete them and build again."),
    "B631": Message(E, "另一个 govopen build 正在写入输出目录 {path}", "another govopen build is writing to {path}",
                    "等那次构建结束后再运行（两次构建同时写同一个输出目录会互相覆盖）。",
                    "Run again when that build has ended (two builds writing one output folder would overwrite each other)."),
    "E920": Message(E, "输出目录 {path} 不能是{what}", "the output folder {path} cannot be {what_en}",
                    "输出目录会被构建写入和替换；用工作区中的单独目录，如 out_dir: build。",
                    "The build writes and replaces files there; use a folder of its own, e.g. out_dir: build."),
    "E921": Message(E, "{path} 是指向{where}之外（{target}）的符号链接，不读取", "{path} is a symbolic link to {target}, "
                    "outside {where_en}; not read",
                    "把所需文件复制到工作区中，或删除该链接。", "Copy the file into the workspace, or remove the link."),
    "E922": Message(E, "{path} 不是普通文件（{kind}），不读取", "{path} is not a regular file ({kind_en}); not read",
                    "模板和静态文件须为普通文件；删除或替换它。", "Templates and assets must be regular files; remove or replace it."),
    "E923": Message(E, "无法{action}：{path}：{reason}", "cannot {action_en} {path}: {reason_en}",
                    "这是运行环境的问题（权限、磁盘空间、只读文件系统等），不是源文件或 govopen 的缺陷。",
                    "A problem of the environment (permissions, disk space, a read-only file system), not of the "
                    "sources nor a govopen bug."),

    # --- safety-input: Y111-Y119, I850-I869, D850-D859 ---
    # (new codes of this part go below this line)
    "Y111": Message(E, "解析该文件的进程意外终止（解析器崩溃），文件未能读取", "the process parsing this file died (a parser crash); "
                    "the file was not read", "文件可能含有解析器无法处理的结构（如极深的嵌套）；简化该文件后重试。其他文件的检查不受影响。",
                    "The file may hold a structure the parser cannot handle (such as extreme nesting); simplify it "
                    "and try again. Other files are checked as usual."),
    "Y112": Message(E, "文本含有不可见的字符 {char}（{kind}）", "the text holds {char}, {kind_en}",
                    "删除该字符：它不显示，却使两个看起来相同的名称不同，双向文本控制符还会改变文字的显示顺序。",
                    "Remove it: it does not show, yet makes names that look the same differ, and a bidirectional "
                    "control changes the order in which text is displayed."),
    "Y113": Message(E, "文本含有 Unicode 行分隔符 {char}", "the text holds the Unicode line break {char}",
                    "用普通换行代替（多行文本写作 YAML 列表或 | 块）；YAML 把它当作换行，会使行号错位。",
                    "Use an ordinary line break (a YAML list or a | block); YAML counts it as a line end, which "
                    "shifts every line number after it."),
    "Y114": Message(E, "整数过大（{digits} 位）", "integer too large ({digits} digits)",
                    "条款号、序号等整数不会超过 {limit} 位；如果是文本，请加引号。",
                    "Numbers such as article numbers never exceed {limit} digits; quote the value if it is text."),
    "I850": Message(W, "公开层级标记单元格中的文字“{text}”不是层级，按所在列“{option}”导入",
                    "the text '{text}' in a level mark cell names no level; imported as its column, {option}",
                    "在标记列中只写 √，或写层级（如“乡、村级”）。", "Write a tick, or the levels (such as 乡、村级), in a mark cell."),
    "I851": Message(W, "公开对象为“特定群体”，但没有写明是哪些群体", "the audience is 特定群体 (a specific group) but no group is named",
                    "在单元格中写明群体，如“特定群体（拟征收土地所在地的村民）”，或导入后在 YAML 中补写 audience 的 who；现导入为 audience: 特定群体。",
                    "Name the group in the cell, e.g. 特定群体（拟征收土地所在地的村民）, or add audience.who in the YAML; "
                    "imported as audience: 特定群体 for now."),
    "I852": Message(W, "公开主体“{subject}”是具体机关的名称，不能声明为省级标准的通用公开主体",
                    "the subject '{subject}' names a particular body; it is not declared as a generic subject of "
                    "the provincial standard",
                    "省级标准写通用主体（如“县级住房城乡建设主管部门”），各县（市、区）的具体机关写在县级配置的 subjects 中；"
                    "未在本领域声明该主体，govopen check 会再次报告它。",
                    "Provincial standards name generic subjects (such as 县级住房城乡建设主管部门); a county's own bodies "
                    "go into its profile's subjects. The subject was not declared; govopen check reports it again."),
    "I853": Message(E, "{path} 本身有错误（见上），导入的事项未写入该文件", "{path} has errors itself (see above); the imported items "
                    "were not written into it", "先修正该文件（govopen check 会报告同样的错误），再导入。",
                    "Fix that file first (govopen check reports the same errors), then import again."),
    "D850": Message(E, "版本“{label}”中没有县（市、区）“{county}”的配置，无法比较其本地目录",
                    "version '{label}' has no profile for county '{county}'; its catalog cannot be compared",
                    "两个版本都要有 standards/counties/ 下该县（市、区）的配置；不加 --county 则比较省级事项。",
                    "Both versions need the county's profile under standards/counties/; without --county the "
                    "province's items are compared."),

    # --- eval-ledger: L701-L749 ---
    # (new codes of this part go below this line)
    "L701": Message(E, "工作区中没有县（市、区）“{county}”（已有：{known}）", "the workspace has no county '{county}' (it has: {known_en})",
                    "--county 写行政区划代码，且 standards/counties/ 中要有该县的配置文件。",
                    "Give --county a division code that has a profile in standards/counties/."),
    "L702": Message(E, "无法读取台账文件：{detail}", "cannot read the ledger file: {detail_en}"),
    "L703": Message(E, "文件为空：没有任何数据行", "the file is empty: it has no rows"),
    "L704": Message(E, "找不到台账表头（前 20 行中没有一行写出至少三个已知列名）",
                    "no ledger header (none of the first 20 rows names three known columns)",
                    "表头应含 事项编码或事项名称、信息标题、信息形成（变更）日期、发布日期、发布渠道、链接、发布单位（同义列名见 README）。",
                    "The header needs 事项编码 or 事项名称, 信息标题, 信息形成（变更）日期, 发布日期, 发布渠道, 链接, 发布单位 "
                    "(synonyms in the README)."),
    "L705": Message(E, "表头（第 {header_row} 行）缺少必需的列“{column}”", "the header (row {header_row}) lacks the required column '{column}'",
                    "同义列名见 README“公开台账”一节。", "See the README's ledger section for accepted synonyms."),
    "L710": Message(E, "列“{column}”：“{value}”不是本县目录中的事项", "column '{column}': '{value}' is not an item of the county's catalog",
                    "最接近的事项：{candidates}", "nearest items: {candidates}"),
    "L711": Message(E, "列“{column}”：无法识别的日期“{value}”", "column '{column}': cannot read the date '{value}'",
                    "可写作 2018-03-05、2018/3/5、2018.3.5、2018年3月5日，或 Excel 日期。",
                    "Write 2018-03-05, 2018/3/5, 2018.3.5, 2018年3月5日 or an Excel date."),
    "L712": Message(E, "列“{column}”：发布日期 {published} 早于信息形成（变更）日期 {formed}",
                    "column '{column}': published on {published}, before it was formed ({formed})"),
    "L713": Message(E, "列“{column}”：日期 {value} 晚于今天（{today}）", "column '{column}': the date {value} is after today ({today})",
                    "检查年份是否写错；测试时可用 --today 指定“今天”。", "Check the year; tests can set today with --today."),
    "L714": Message(E, "列“{column}”：链接“{value}”不是 http(s) 地址", "column '{column}': the link '{value}' is not an http(s) address"),
    "L715": Message(E, "列“{column}”：词表中没有渠道“{value}”", "column '{column}': the vocabulary has no channel '{value}'",
                    "渠道名称见 standards/vocabulary.yaml；其他渠道写作“其他：名称”。",
                    "Channel names are in standards/vocabulary.yaml; write others as 其他：<name>."),
    "L716": Message(E, "列“{column}”为空，该行必须填写", "column '{column}' is empty; this row needs it"),
    "L717": Message(E, "列“{column}”：未知的类别“{value}”（可用：发布、解读、回应）",
                    "column '{column}': unknown kind '{value}' (use 发布, 解读 or 回应)"),
    "L718": Message(E, "列“{column}”：应填“是”或“否”，实际为“{value}”", "column '{column}': write 是 or 否, not '{value}'"),
    "L719": Message(E, "列“{column}”：应填 ■（有）或 □（无），实际为“{value}”", "column '{column}': write ■ (present) or □ (absent), not '{value}'"),
    "L720": Message(W, "第 {row} 行未填写“是否找到”，已跳过", "row {row}: 是否找到 is not filled in; skipped"),
    "L721": Message(E, "无法写入 {path}：{detail}", "cannot write {path}: {detail}"),
    "L722": Message(E, "内置标准是只读的，台账要导入到自己的工作区", "the built-in standards are read-only; import a ledger into your own workspace",
                    "先运行 govopen init 建立工作区，或用 --workspace 指定。", "Run govopen init first, or pass --workspace."),
    "L723": Message(E, "无法打开台账库 {path}：{detail}", "cannot open the ledger store {path}: {detail}"),

    # --- eval-score: V751-V799 ---
    # (new codes of this part go below this line)
    "V751": Message(E, "--period 的值“{value}”不是有效的评估期间", "--period '{value}' is not a valid evaluation period",
                    "写作 2018（全年）、2018Q1（季度）、2018H1（半年）或 2018-01-01..2018-06-30（起止日期，含两端）。",
                    "Write 2018 (a year), 2018Q1 (a quarter), 2018H1 (a half year) or 2018-01-01..2018-06-30 "
                    "(inclusive dates)."),
    "V752": Message(E, "台账记录的{column_zh}“{value}”超出官方工作日历的范围（{first}至{last}），无法计算工作日",
                    "the ledger row's {column} '{value}' is outside the official working-day calendar "
                    "({first} to {last}); working days cannot be counted",
                    "更正该日期；若日期无误，升级 chinesecalendar（国务院办公厅公布新一年放假安排后发布新版本）。"
                    "该记录仍计入发布数，但不判定是否及时。",
                    "Correct the date; if it is right, upgrade chinesecalendar (released after each year's holiday "
                    "notice). The row still counts as a publication but its timeliness is not judged."),
    "V753": Message(E, "未找到公开台账 {path}", "no publication ledger at {path}",
                    "先用 govopen ledger import 文件 --county 行政区划代码 导入台账。",
                    "Import a ledger first: govopen ledger import FILE --county CODE."),
    "V754": Message(E, "评估期间 {value} 超出官方工作日历的范围（{first}至{last}）",
                    "the evaluation period {value} is outside the official working-day calendar ({first} to {last})",
                    "选择日历范围内的期间；新一年的放假安排公布后升级 chinesecalendar。",
                    "Choose a period inside the calendar; upgrade chinesecalendar after a new year's holiday notice."),
    "V755": Message(E, "通用评价标准 {standard} 没有指标体系（indicators），无法计算总分",
                    "the general evaluation standard {standard} has no indicator system (indicators); no total score",
                    "在 {standard} 的 indicators 中写明指标、分值和计算方式；评估不会替你假设默认的指标体系。"
                    "各事项的状态照常输出。",
                    "Give the indicators, weights and metrics in {standard}'s indicators; evaluate never assumes a "
                    "default system. Item statuses are still reported."),
    "V756": Message(W, "领域 {domain} 没有带指标体系的考核评价标准，不计算领域得分",
                    "domain {domain} has no evaluation standard with indicators; no domain score",
                    "在该领域的考核评价标准中写明 indicators。", "Give indicators in the domain's evaluation standard."),
    "V757": Message(E, "无法读取公开台账 {path}：{detail}", "cannot read the publication ledger {path}: {detail}",
                    "该文件应由 govopen ledger import 生成；损坏时删除后重新导入。",
                    "The file is written by govopen ledger import; if it is damaged, delete it and import again."),
    "V759": Message(N, "县（市、区）{county} 在评估期间 {period} 内没有台账记录", "county {county} has no ledger rows in {period}",
                    "所有应公开事项都将记为未公开；确认已用 govopen ledger import 导入该县的台账。",
                    "Every due item counts as missing; check that the county's ledger was imported."),
    "V760": Message(E, "--sample 还需要 {option}：抽查清单从一个县（市、区）的目录中抽取，写入一个目录",
                    "--sample also needs {option}: the checklist is drawn from one county's catalog into a folder",
                    "例如 govopen evaluate --sample 30 --seed 7 --county 330105 -o 抽查",
                    "e.g. govopen evaluate --sample 30 --seed 7 --county 330105 -o checks"),

    # --- eval-indicators: C450-C469 ---
    # (new codes of this part go below this line)
    "C450": Message(E, "{parent}的下级指标分值合计 {total}，应为 100", "the weights under {parent_en} sum to {total}, not 100",
                    "同级指标的分值合计应为 100（锦州 2020 年考核方案的权重赋分制：一级合计 100，下级分解上级的分值）。",
                    "Siblings' weights must sum to 100 at every level."),
    "C451": Message(E, "指标“{id}”引用的要素“{element}”不是事项要素", "indicator '{id}' names '{element}', which is no item element",
                    "可用的要素：{known}。", "Known elements: {known}."),
    "C452": Message(E, "指标“{id}”的计算方式 {metric} 需要要素 {element}，但 elements 中没有", "indicator '{id}': metric "
                    "{metric} needs the element {element}, which elements lacks",
                    "在 elements 中写上 {element}（如 timeliness 需要 deadline，channels 需要 channels）。",
                    "Add {element} to elements (timeliness needs deadline, channels needs channels)."),
    "C453": Message(E, "末级指标“{id}”没有计算方式（metric）", "leaf indicator '{id}' has no metric",
                    "末级指标须写 metric：coverage、timeliness、channels、completeness、interpretation、response 或 manual。",
                    "A leaf needs a metric: coverage, timeliness, channels, completeness, interpretation, response or manual."),
    "C454": Message(E, "指标“{id}”有下级指标，不应有计算方式（metric）", "indicator '{id}' has children and so must have no metric",
                    "上级指标的得分由下级指标汇总；删去 metric，或把它移到下级指标。",
                    "A parent's score comes from its children; remove the metric or move it to a child."),
    "C455": Message(E, "指标编号“{id}”重复（首次出现于第 {first} 行）", "indicator id '{id}' is used twice (first on line {first})"),
    "C456": Message(E, "指标“{id}”的计算方式 response 缺少参数 days（回应时限工作日数）",
                    "indicator '{id}': metric response needs params.days (working days to respond)",
                    "写作 params: {{days: 2}}；时限依据国办发〔2016〕61号（48小时内回应）等规定确定。",
                    "Write params: {{days: 2}}; take the limit from the rules (e.g. 48 hours in 国办发〔2016〕61号)."),
    "C457": Message(E, "领域“{domain}”的 {count} 个事项不在“{id}”任何可计算指标的范围内：{codes}",
                    "{count} item(s) of domain '{domain}' are in scope of no computable indicator of '{id}': {codes}",
                    "事项具备某可计算指标（coverage、timeliness、channels、completeness）elements 所列的全部要素，才在该指标范围内；"
                    "增加一个适用于这些事项的指标，或补齐事项的要素。",
                    "An item is in scope of a computable indicator (coverage, timeliness, channels, completeness) when it has "
                    "every element the indicator names; add an indicator that applies, or complete the items."),
    "C458": Message(E, "评价标准“{id}”没有考核评价指标（indicators）", "evaluation standard '{id}' has no indicators",
                    "绩效评价指标体系和各领域的考核评价标准须用 indicators 写出指标、分值和评分规则，正文的指标表和评分都由它生成。",
                    "The indicator system and each domain's evaluation standard carry indicators: the text's table and "
                    "the scorer both come from them."),
    "C459": Message(W, "指标“{id}”的计算方式 {metric} 不使用参数 {param}", "indicator '{id}': metric {metric} does not use "
                    "the parameter {param}", "删去该参数：只有 response 使用 days。",
                    "Remove it: only response uses days."),

    # --- eval-outputs: B670-B689 ---
    # (new codes of this part go below this line)
    "B670": Message(E, "{path} 已存在且不是 govopen 生成的文件，未覆盖", "{path} exists and was not written by govopen; not overwritten",
                    "换一个输出目录，或先移走该文件。", "Choose another output folder or move the file away first."),
    "B671": Message(E, "写入评估结果 {path} 失败：{detail}", "writing the evaluation output {path} failed: {detail}"),

    # --- drafts: C470-C489, B650-B669 ---
    # (new codes of this part go below this line)
    "C470": Message(E, "标准“{id}”的规范性条款引用了《{title}》，但第2章规范性引用文件没有列出它",
                    "standard '{id}' relies on 《{title}》 in a requirement but does not list it in clause 2 (normative references)",
                    "在 normative_references 中加入 {{number: {number}, title: {title}}}（GB/T 1.1—2020 8.6；起草中的标准写 DB33/T XXXX）。",
                    "Add {{number: {number}, title: {title}}} to normative_references (GB/T 1.1—2020 8.6)."),
    "C471": Message(E, "标准“{id}”的规范性条款引用了 {number}，但第2章规范性引用文件没有列出它",
                    "standard '{id}' cites {number} in a requirement but does not list it in clause 2 (normative references)",
                    "在 normative_references 中加入该标准的编号和名称。", "Add its number and title to normative_references."),
    "C472": Message(E, "标准“{id}”提到的{ref}不存在（本文件的附录：{known}）", "standard '{id}' refers to {ref}, which does not exist (annexes: {known})",
                    "附录A为公开事项目录（标准有事项时），其后依次为 annexes 中的附录。",
                    "Annex A is the item catalog when the standard has items; the annexes of `annexes` follow."),
    "C473": Message(E, "标准“{id}”提到的{ref}不存在（本文件的表：{known}）", "standard '{id}' refers to {ref}, which does not exist (tables: {known})",
                    "正文的表按出现顺序编为表1、表2……，附录中的表编为表A.1……", "Body tables are numbered 1, 2, …; annex tables A.1, …"),
    "C474": Message(E, "标准“{id}”提到的{ref}不存在（本文件的图：{known}）", "standard '{id}' refers to {ref}, which does not exist (figures: {known})"),
    "C475": Message(E, "标准“{id}”提到的条“{ref}”不存在", "standard '{id}' refers to clause {ref}, which does not exist",
                    "第4章起为 clauses 中的章，条按嵌套顺序编号。", "Chapters from 4 are the entries of `clauses`; sub-clauses are numbered in order."),
    "C476": Message(E, "标准“{id}”的“{title}”在下级条之前有 {count} 段悬置段", "standard '{id}': '{title}' has {count} hanging paragraph(s) before its sub-clauses",
                    "GB/T 1.1—2020 7.4 不允许悬置段：把这些文字移入一个新的下级条（如“总则”），或移到下级条中。",
                    "GB/T 1.1—2020 7.4 forbids hanging paragraphs: move the text into a new first sub-clause (e.g. 总则)."),
    "C477": Message(E, "标准“{id}”的列项（“{first}”……）前没有引语", "standard '{id}': the list ('{first}' …) has no lead-in sentence",
                    "列项前应有以冒号（或句号）结束的引语，如“……应符合下列要求：”（GB/T 1.1—2020 7.5）。",
                    "Put a lead-in sentence ending in a colon before the list (GB/T 1.1—2020 7.5)."),
    "C478": Message(E, "标准“{id}”附录中的{table}重复了正文的{body}", "standard '{id}': annex {table} repeats body {body}",
                    "删去附录中的表，在需要处引用正文的表。", "Drop the annex table and refer to the body table."),
    "B650": Message(E, "找不到 {tool}：生成 PDF（--format pdf）需要 LibreOffice", "{tool} not found: PDF output (--format pdf) needs LibreOffice",
                    "安装 LibreOffice 的无界面版本：apt-get install {package}；不需要 PDF 时去掉 --format pdf（DOCX 保留可更新的域）。",
                    "Install it: apt-get install {package}; without --format pdf the DOCX keeps updatable fields."),
    "B651": Message(E, "LibreOffice 转换 {count} 个文件超过 {seconds} 秒，已终止", "LibreOffice took more than {seconds} s for {count} files and was stopped",
                    "检查是否有文件特别大，或机器负载过高后重试。", "Check for an unusually large file, or retry on a less busy machine."),
    "B652": Message(E, "LibreOffice 没有生成 PDF：{files}（{detail}）", "LibreOffice wrote no PDF for {files_en} ({detail})",
                    "用 soffice --headless --convert-to pdf 单独转换该文件查看原因。", "Convert the file alone with soffice --headless --convert-to pdf to see why."),
    "B653": Message(E, "找不到 {tool}：读取 PDF 版面需要 poppler", "{tool} not found: reading the PDF layout needs poppler",
                    "安装：apt-get install {package}。", "Install it: apt-get install {package}."),
    "B654": Message(E, "找不到 {tool}：公开流程图由 Graphviz 绘制", "{tool} not found: the disclosure flow charts are drawn with Graphviz",
                    "安装：apt-get install {package}。", "Install it: apt-get install {package}."),
    "B655": Message(E, "Graphviz 绘制公开流程图失败：{detail}", "Graphviz failed to draw a flow chart: {detail}"),
    "C480": Message(E, "目录栏目缺少“{column}”栏：gen-03 5.2 要求每个事项有事项编码，gen-10 的 {element} 为必选",
                    "the catalog columns lack '{column}': gen-03 5.2 requires an item code and gen-10 {element} is mandatory",
                    "在 columns 的“序号”之后加入“{column}”。", "Add '{column}' after 序号 in columns."),

    # --- site: C490-C499, B690-B699 ---
    # (new codes of this part go below this line)
    "C490": Message(E, "同义词“{word}”重复（首次出现在 {first}）", "synonym '{word}' is listed again (first at {first})",
                    "每个词语只能属于一个同义词组：合并这两组，或删去重复的词语。",
                    "A word belongs to one synonym group only: merge the two groups or delete the repeated word."),
    "C491": Message(E, "第 {group} 个同义词组有{detail}", "synonym group {group} has {detail_en}",
                    "每组列出两个或更多非空的同义词语，如 [房屋征收, 拆迁]。",
                    "List two or more non-blank words per group, e.g. [房屋征收, 拆迁]."),
    "C492": Message(W, "同义词组“{words}”中没有一个词语出现在目录中，检索时不起作用",
                    "no word of the synonym group '{words}' occurs in the catalog, so it never widens a search",
                    "至少写入一个目录中使用的词语（事项名称、分类、公开内容、公开主体或法规名称中的写法）。",
                    "Include at least one word as the catalog writes it (an item's name, category, content, "
                    "subject or a law title)."),

    # --- content: C430-C449, R320-R329 ---
    # (new codes of this part go below this line)
    "C430": Message(E, "国家事项“{name}”对应的事项“{code}”在{domain}领域中不存在",
                    "national item '{name}' maps to '{code}', which is no item of the domain {domain}",
                    "对应事项写本领域已有的事项编码；事项尚未编写的，改写 not_covered 并说明理由。",
                    "Map to an existing item code of the domain, or write not_covered with the reason."),
    "C431": Message(E, "国家事项“{name}”在覆盖矩阵中重复列出（首次在 {first}）",
                    "national item '{name}' is listed twice in the coverage matrix (first at {first})",
                    "每个国家事项只列一行；几项本体系事项共同覆盖时，在 codes 中列出全部编码。",
                    "List each national item once; put every covering code in its codes."),
    "C432": Message(E, "国家事项引用的指引“{guideline}”未在 guidelines 中列出（已列：{known}）",
                    "a national item cites guideline '{guideline}', which guidelines does not list (listed: {known})"),
    "C433": Message(E, "覆盖矩阵的领域“{domain}”不是 system.yaml 中的领域（可用：{known}）",
                    "the coverage matrix's domain '{domain}' is no domain of system.yaml (known: {known})"),
    "C434": Message(E, "事项“{code}”已由国家事项对应，不应同时列为浙江增设",
                    "item '{code}' is mapped from a national item, so it is no Zhejiang addition",
                    "从 additions 中删去该编码。", "Remove the code from additions."),
    "C435": Message(W, "{domain}领域的事项“{code}”既未对应国家事项，也未列为浙江增设",
                    "item '{code}' of the domain {domain} is neither mapped from a national item nor a Zhejiang addition",
                    "在对应的国家事项的 codes 中加上该编码，或在 additions 中列出并说明增设理由。",
                    "Add the code to the codes of its national item, or list it under additions with the reason."),
    "C437": Message(W, "{where} 的{level}事项序号应从 {start} 起连续编号，缺少 {missing}（“{code}”编在缺号之后）",
                    "{where}: {level_en} numbers must run consecutively from {start}; {missing} is missing "
                    "('{code}' comes after the gap)",
                    "《基层政务信息分类与编码规范》：一级事项序号在领域内（按子领域划分区间的，在子领域区间内）从起点起连续编号，"
                    "二级事项序号在一级事项内从01起连续编号。撤销事项的编码不再分配，由此留下的缺号应在修订记录中说明。",
                    "gen-02 numbers primary items consecutively within the domain (or within the sub-domain's "
                    "declared range) and secondary items from 01 within their primary item. A revoked item's code is "
                    "never reused: a gap it leaves should be explained in the revision record."),
    "C438": Message(E, "事项“{code}”属于子领域“{area}”，其一级事项序号应在 {low}–{high} 之间",
                    "item '{code}' belongs to the sub-domain '{area}', whose primary numbers are {low}-{high}",
                    "按 gen-02 的 coding.area_ranges 为该子领域声明的区间编号。",
                    "Number it within the range gen-02's coding.area_ranges declares for the sub-domain."),
    "C439": Message(E, "gen-02 为 {domain} 的子领域“{area}”声明的一级序号区间无效：{detail}",
                    "gen-02's primary range for {domain} sub-domain '{area}' is invalid: {detail_en}"),
    "C440": Message(E, "已核实的“{fact}”不是本县配置中写出的事实", "verified '{fact}' is no fact this profile states",
                    "写作 government、subjects.<通用主体> 或 channels.<渠道>，且该项在配置中有值（可用：{known}）。",
                    "Write government, subjects.<generic subject> or channels.<channel> for a value the profile "
                    "states (available: {known})."),
    "C441": Message(E, "已核实的“{fact}”没有写出处", "verified '{fact}' gives no source",
                    "写明核实所依据的公开资料，如“区人民政府网站机构职能栏目”。",
                    "Name the public source it was checked against."),
    "C436": Message(E, "领域“{domain}”已有覆盖矩阵（在 {first}）", "the domain '{domain}' has a coverage matrix already "
                    "(at {first})", "每个领域一个覆盖矩阵文件。", "One coverage matrix file per domain."),

    # --- tests: (removals only) ---
    # (new codes of this part go below this line)

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


def _placeholders(template: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name]


def render_hint(code: str, params: dict[str, Any], lang: str) -> str | None:
    """The hint of `code`, or None: a hint is left out when a parameter it needs was not given (a
    did-you-mean with no suggestion, an advice that does not apply), so it never shows a raw placeholder."""
    msg = CATALOG.get(code)
    if msg is None:
        return None
    template = msg.hint_en if lang == "en" else msg.hint_zh
    if template is None:
        return None
    if "{suggestion}" in template and not params.get("suggestion"):
        return None
    if any(name not in params and not (name.endswith("_en") and name[:-3] in params)
           for name in _placeholders(template)):
        return None
    text = template.format_map(_Defaulting(params))
    return text if text.strip() else None


def describe(code: str, lang: str) -> str:
    """The message of `code` with its placeholders replaced by a neutral filler (“…”), for rule lists
    such as SARIF's rule descriptions, where there is no finding to fill them from."""
    msg = CATALOG.get(code)
    if msg is None:
        return code
    template = msg.en if lang == "en" else msg.zh
    return template.format_map(_Filler())


class _Filler(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "…"
