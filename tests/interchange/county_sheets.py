"""Spreadsheets built with openpyxl that look like the catalogs counties keep in Excel.

`county_sheet` mimics a real county's 征地补偿 sheet: a title row merged across the table, a two-row
header (公开事项 over 一级事项/二级事项; 公开渠道和载体 over one column per channel with ■/□; 公开对象,
公开方式 and 公开层级 over their options with √), 一级事项 merged down over its rows, laws with and
without 《》 and several in one cell, half-width brackets, full-width digits, free-text deadlines, and a
closing note row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

CHANNELS = ["政府网站", "两微一端", "社区/企事业单位/村公示栏（电子屏）", "政务服务中心", "征地信息公开平台"]


@dataclass
class Row:
    primary: str
    secondary: str
    content: str
    basis: str
    deadline: str
    subject: str
    channels: dict[str, str]  # channel -> ■ / □
    audience: tuple[str, str]  # (全社会 mark, 特定群体 mark or text)
    method: tuple[str, str]  # (主动, 依申请)
    level: tuple[str, str]  # (县级, 乡级)
    extra: dict[str, str] = field(default_factory=dict)


GOOD_ROWS = [
    Row("征地补偿标准", "征地区片综合地价",
        "1.区片综合地价标准\n2.区片划分范围图\n3.调整情况说明（可选）",
        "《中华人民共和国土地管理法》第四十八条、第四十九条；土地管理法实施条例第三十二条",
        "标准公布或者调整之日起20个工作日内", "县级自然资源主管部门",
        {"政府网站": "■", "征地信息公开平台": "■", "两微一端": "□"}, ("√", ""), ("√", ""), ("√", "")),
    Row("征地补偿标准", "地上附着物和青苗补偿标准",
        "1、地上附着物补偿标准；2、青苗补偿标准",
        "土地管理法第四十八条\n《政府信息公开条例》（2019年修订）第二十条",
        "补偿标准调整后及时公开", "县级人民政府、县级自然资源主管部门",
        {"政府网站": "■", "社区/企事业单位/村公示栏（电子屏）": "■", "政务服务中心": "□"},
        ("√", ""), ("√", ""), ("√", "√")),
    Row("征地补偿实施", "征地补偿费用支付情况",
        "补偿费用支付对象和金额",
        "《土地管理法实施条例》第三十二条、《中华人民共和国政府信息公开条例》第二十条",
        "支付完成之日起 ２０ 个工作日内", "乡镇人民政府(街道办事处)",
        {"社区/企事业单位/村公示栏（电子屏）": "■", "征地信息公开平台": "■"},
        ("", "被征地农村集体经济组织成员"), ("√", ""), ("", "√")),
]


def county_sheet(path: Path, rows: list[Row] | None = None, *, sheet: str = "征地补偿",
                 channels: list[str] | None = None) -> Path:
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    rows = GOOD_ROWS if rows is None else rows
    channels = CHANNELS if channels is None else channels
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    heads = ["序号", "公开事项", "", "公开内容（要素）", "公开依据", "公开时限", "公开主体",
             "公开渠道和载体", *[""] * (len(channels) - 1), "公开对象", "", "公开方式", "", "公开层级", ""]
    subs = ["", "一级事项", "二级事项", "", "", "", "", *channels, "全社会", "特定群体", "主动", "依申请",
            "县级", "乡级"]
    width = len(heads)
    last = get_column_letter(width)
    ws.append(["某县征地补偿领域基层政务公开标准目录"] + [None] * (width - 1))
    ws.merge_cells(f"A1:{last}1")
    ws.append(heads)
    ws.append(subs)
    for col, head in enumerate(heads, 1):
        if head and not subs[col - 1]:
            ws.merge_cells(start_row=2, start_column=col, end_row=3, end_column=col)  # 序号, 公开内容 …
    ws.merge_cells("B2:C2")
    ch0 = 8
    ws.merge_cells(start_row=2, start_column=ch0, end_row=2, end_column=ch0 + len(channels) - 1)
    for start in (ch0 + len(channels), ch0 + len(channels) + 2, ch0 + len(channels) + 4):
        ws.merge_cells(start_row=2, start_column=start, end_row=2, end_column=start + 1)
    first = 4
    for n, row in enumerate(rows, 1):
        marks = [row.channels.get(c, "") for c in channels]
        ws.append([n, row.primary, row.secondary, row.content, row.basis, row.deadline, row.subject, *marks,
                   *row.audience, *row.method, *row.level])
    # 一级事项 spanning rows: merge runs of equal values and blank the covered cells, as Excel does
    r = first
    end = first + len(rows)
    while r < end:
        s = r
        while s + 1 < end and rows[s + 1 - first].primary == rows[r - first].primary:
            s += 1
        if s > r:
            for k in range(r + 1, s + 1):
                ws.cell(k, 2).value = None
            ws.merge_cells(start_row=r, start_column=2, end_row=s, end_column=2)
        r = s + 1
    ws.append(["注：■为必选项，□为可选项。"] + [None] * (width - 1))
    ws.merge_cells(f"A{ws.max_row}:{last}{ws.max_row}")
    wb.save(path)
    return path
