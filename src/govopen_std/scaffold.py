"""`govopen init --county`: write a county profile skeleton pre-filled from the provincial base.

The skeleton lists every generic subject the base declares (to be mapped to the county's real bodies)
and every channel the base's items use (to be given the county's addresses), with Chinese comments
that explain each part and the overlay rules. It never overwrites a file.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from govopen_std.diagnostics import Diagnostics, GovOpenError
from govopen_std.load.discover import Workspace, find_workspace, yaml_files
from govopen_std.load.sources import Sources, load_sources
from govopen_std.load.yaml_source import load_file

# The pilot counties of 浙政办发〔2017〕82号 with their 行政区划代码 (GB/T 2260), so that
# `govopen init --county 330105` needs no more options for them.
PILOT_COUNTIES: dict[str, tuple[str, str]] = {
    "330105": ("杭州市拱墅区", "杭州市"),
    "330205": ("宁波市江北区", "宁波市"),
    "330304": ("温州市瓯海区", "温州市"),
    "330421": ("嘉善县", "嘉兴市"),
    "330782": ("义乌市", "金华市"),
    "330881": ("江山市", "衢州市"),
    "331082": ("临海市", "台州市"),
}
# Zhejiang's 设区市 by the first four digits of a county code.
CITIES = {"3301": "杭州市", "3302": "宁波市", "3303": "温州市", "3304": "嘉兴市", "3305": "湖州市",
          "3306": "绍兴市", "3307": "金华市", "3308": "衢州市", "3309": "舟山市", "3310": "台州市",
          "3311": "丽水市"}
CHANNEL_HINTS = {
    "政府网站": "本级政府门户网站网址，以 http:// 或 https:// 开头",
    "两微一端": "政务微博、政务微信公众号和政务客户端的名称",
    "政务服务中心": "行政服务中心（政务服务中心）的名称和地址",
    "便民服务站": "乡镇（街道）便民服务中心、村（社区）便民服务站的设置范围",
    "社区/企事业单位/村公示栏（电子屏）": "公示栏（电子屏）的设置位置",
    "公开查阅点": "政府信息公开查阅点的名称和地址",
    "政府公报": "本级政府公报的名称",
}
_PLAIN = re.compile(r"^[^\s#:'\"\[\]{},&*!|>%@`?-][^#:]*$")


def scalar(text: str) -> str:
    """A YAML scalar: plain when that is unambiguous, else double-quoted."""
    if text and _PLAIN.match(text) and not text.strip().isdigit() and text == text.strip():
        return text
    return json.dumps(text, ensure_ascii=False)


def domain_titles(sources: Sources) -> dict[str, str]:
    if sources.system is None:
        return {}
    return {g.id: g.title for g in sources.system.value.groups if g.code}


def subjects_by_domain(sources: Sources) -> dict[str, list[tuple[str, str | None]]]:
    """Domain title -> its declared generic subjects (name, description), in system order; a subject
    declared by several domains is listed under the first only (a mapping key must be unique)."""
    if sources.system is None:
        return {}
    group_of = {p.id: p.group for p in sources.system.value.standards}
    listed: set[str] = set()
    result: dict[str, list[tuple[str, str | None]]] = {}
    for group in sources.system.value.groups:
        if not group.code:
            continue
        texts = [t for t in sources.texts if group_of.get(t.value.id) == group.id]
        for text in texts:
            for subject in text.value.subjects:
                if subject.name not in listed:
                    listed.add(subject.name)
                    result.setdefault(group.title, []).append((subject.name, subject.description))
    return result


def used_channels(sources: Sources) -> list[str]:
    """The channels the base's items use, in vocabulary order."""
    used = {c for _, item in sources.all_items() for c in item.value.channels.all()}
    names = sources.vocabulary.value.channel_names() if sources.vocabulary else sorted(used)
    return [name for name in names if name in used] or names[:1]


def _header(code: str, name: str, city: str) -> list[str]:
    return [
        f"# {name or code} 基层政务公开目录县级配置（叠加在省级基础目录之上）",
        f"# 由 `govopen init --county {code}` 生成。省级标准是基础目录，本文件只写本县（市、区）与之不同之处。",
        "# 规则（govopen check 会逐条检查并给出文件:行:列）：",
        "#   1. 细化（amend）只能更严格：缩短公开时限、增加渠道或把可选渠道改为必选、增加公开内容、把“依申请”改为“主动”；",
        "#   2. 省级事项不能删除；确实不适用的，在 not_applicable 中标注并写明理由，目录中显示“不适用”及理由；",
        "#   3. 细化或标注的事项编码必须是省级目录中已有的事项；",
        "#   4. 本县增补事项（add）须具备名称、依据、内容、主体、时限、方式六要素，一级序号用 90–99；",
        "#   5. 一个县（市、区）只能有一份配置，文件名即行政区划代码。",
        "# yaml-language-server: $schema=../../build/schema/county.schema.json",
        "",
        "county:",
        f'  code: "{code}"        # 行政区划代码（6位）',
        f"  name: {scalar(name)}        # 县（市、区）名称",
        f"  city: {scalar(city)}        # 所属设区市",
        "",
    ]


def _domains(sources: Sources) -> list[str]:
    lines = ["# 采用的试点领域（省级基础目录的领域）。未采用的领域须在 not_applicable 中写明理由。", "domains:"]
    lines += [f"  - {gid}        # {title}" for gid, title in domain_titles(sources).items()]
    return [*lines, ""]


def _subjects(sources: Sources) -> list[str]:
    lines = ["# 通用公开主体 → 本县（市、区）的实际机构名称（按领域列出，前面已列出的不再重复）。",
             "# 未填写的主体在目录中仍显示通用名称，govopen check 会提示（O507）。", "subjects:"]
    for domain, subjects in subjects_by_domain(sources).items():
        lines.append(f"  # {domain}")
        for name, description in subjects:
            lines.append(f"  {scalar(name)}: \"\"" + (f"        # {description}" if description else ""))
    return [*lines, ""]


def _channels(sources: Sources) -> list[str]:
    # Commented out: an empty carrier is an error (O526), and a channel is only listed once it is known.
    lines = ["# 公开渠道和载体的本地信息：网站网址、政务新媒体账号、公示栏和便民服务中心的位置等，可写一项，也可写列表。",
             "# 填写一个渠道时去掉该行行首的“#”并写上具体载体；未填写的渠道保持注释（空值通不过 govopen check）。",
             "channels:"]
    for name in used_channels(sources):
        hint = CHANNEL_HINTS.get(name, "本县（市、区）的具体载体")
        lines.append(f"  # {scalar(name)}:        # {hint}")
    return [*lines, ""]


def _overlay(example_code: str) -> list[str]:
    return [
        "# 本县细化（本县细化的事项在目录中标注“本县细化”）。示例：",
        f"#   {example_code}:",
        "#     deadline: 信息形成或者变更之日起10个工作日内   # 比省级时限短",
        "#     channels: {required: [两微一端]}               # 增加必选渠道",
        "#     content: [本县补充的公开内容]",
        "amend: {}",
        "",
        "# 不适用的省级事项（或整个领域）及理由。示例：",
        f"#   {example_code}: 本县（市、区）无此类事项的理由",
        "not_applicable: {}",
        "",
        "# 本县增补事项（目录中标注“本县增补”），写法与省级事项相同，编码一级序号用 90–99，如 ZDBC-90-01。",
        "add: []",
        "",
    ]


def profile_text(sources: Sources, code: str, name: str, city: str) -> str:
    items = sources.all_items()
    example = items[0][1].value.code if items else "ZDBC-02-01"
    lines = [*_header(code, name, city), *_domains(sources), *_subjects(sources), *_channels(sources),
             *_overlay(example)]
    return "\n".join(lines).rstrip("\n") + "\n"


def _existing_profile(counties: Path, code: str) -> Path | None:
    """A file already declaring this county (whatever it is named)."""
    for path in yaml_files(counties):
        source = load_file(path, path.name, Diagnostics())
        county = source.data.get("county") if isinstance(source.data, dict) else None
        if path.stem == code or (isinstance(county, dict) and str(county.get("code")) == code):
            return path
    return None


def _validate_code(code: str, sources: Sources) -> None:
    prefix, province = (sources.config.province.code, sources.config.province.name) if sources.config else ("33", "浙江省")
    if not re.fullmatch(r"\d{6}", code):
        raise GovOpenError("O524", county=code)
    if not code.startswith(prefix):
        raise GovOpenError("O503", county=code, province=province, prefix=prefix)


def _target(workspace: Workspace, sources: Sources, code: str) -> Path:
    if workspace.embedded:
        raise GovOpenError("O523")
    standards = sources.config.standards_dir if sources.config else "standards"
    counties = workspace.root / standards / "counties"
    existing = _existing_profile(counties, code) if counties.is_dir() else None
    if existing is not None:
        raise GovOpenError("O522", path=str(existing))
    return counties / f"{code}.yaml"


def name_and_city(code: str, name: str | None, city: str | None) -> tuple[str, str]:
    """The county's name and city: as given, else a pilot county's, else the city by the code's first four
    digits. A profile never gets an empty name or city: what cannot be told is asked for (E906, exit 2)."""
    pilot_name, pilot_city = PILOT_COUNTIES.get(code, ("", ""))
    name = (name or "").strip() or pilot_name
    city = (city or "").strip() or pilot_city or CITIES.get(code[:4], "")
    if not name:
        raise GovOpenError("E906", county=code, what="县（市、区）名称", what_en="name", option="--name",
                           example=f"govopen init --county {code} --name 杭州市西湖区")
    if not city:
        raise GovOpenError("E906", county=code, what="所属设区市", what_en="city", option="--city",
                           example=f"govopen init --county {code} --city 杭州市")
    return name, city


def scaffold_county(workspace_dir: Path | None, code: str, *, name: str | None = None,
                    city: str | None = None) -> Path:
    """Write standards/counties/<code>.yaml and return its path; refuses to overwrite anything."""
    workspace = find_workspace(workspace_dir)
    sources = load_sources(workspace, Diagnostics())
    _validate_code(code, sources)
    name, city = name_and_city(code, name, city)
    target = _target(workspace, sources, code)
    text = profile_text(sources, code, name, city)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(text)
    return target
