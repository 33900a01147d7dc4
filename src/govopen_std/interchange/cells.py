"""One cell's text → one item value, plus the problems found on the way (as codes with parameters;
the caller attaches the cell's location).

Each parser accepts what county sheets really contain: numbered or unnumbered content lines, several
laws in one cell separated by 、；; or line breaks, with or without 《》 and with article numbers in
Chinese or Arabic numerals; ■/□ marked channel lists; vocabulary values with or without 级/公开.
Values that match the vocabulary are written in its spelling; values that do not are kept as written
and reported, so `govopen check` shows them again in the YAML.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from govopen_std.interchange.columns import (
    BLANK_MARKS,
    CHANNEL_MARKS,
    OPTIONAL_MARKS,
    REQUIRED_MARKS,
)
from govopen_std.interchange.laws import LawMatcher
from govopen_std.interchange.text import best_match, key, parse_cn_int, split_top, suggestion


@dataclass(frozen=True)
class Problem:
    code: str
    params: dict[str, Any] = field(default_factory=dict)


# --- marks -------------------------------------------------------------------------------------------

def mark_state(text: str) -> str:
    """'required', 'optional' or 'blank' for a mark cell; 'text' when it holds something else."""
    k = key(text)
    if k in REQUIRED_MARKS or text in REQUIRED_MARKS:
        return "required"
    if k in OPTIONAL_MARKS or text in OPTIONAL_MARKS:
        return "optional"
    if k in BLANK_MARKS or text in BLANK_MARKS:
        return "blank"
    return "text"


# --- 公开内容 -----------------------------------------------------------------------------------------

_NUMBERED = re.compile(r"^(?:[（(](\d+)[)）]|(\d+)\s*[.．、]|([①-⑳]))\s*")
_OPTIONAL_TAIL = re.compile(r"[（(]可选[)）]$")
_OPTIONAL_HEAD = re.compile(r"^(?:〔可选〕|\[可选\]|【可选】)")
_TRIM = "；;，,、 "


def _number_of(line: str) -> int | None:
    m = _NUMBERED.match(line)
    if m is None:
        return None
    if m.group(3):
        return ord(m.group(3)) - ord("①") + 1
    return int(m.group(1) or m.group(2))


def _inline_split(line: str) -> list[str]:
    """'1.征收范围；2.征收目的' -> two elements, when the markers count 1, 2, 3 … in order."""
    starts: list[int] = []
    pos = 0
    for n in range(1, 100):
        circled = f"|{chr(ord('①') + n - 1)}" if n <= 20 else ""  # ① needs no separator before it
        pattern = re.compile(rf"(?:(?:^|(?<=[；;。，,\s]))(?:[（(]{n}[)）]|{n}[.．、]){circled})")
        m = pattern.search(line, pos)
        if m is None:
            break
        starts.append(m.start())
        pos = m.end()
    if len(starts) < 2 or starts[0] != 0:
        return [line]
    bounds = [*starts, len(line)]
    return [line[a:b] for a, b in itertools.pairwise(bounds)]


def _content_lines(text: str) -> tuple[list[str], bool]:
    """The element lines, and whether they carry numbers to strip (only a numbered list does)."""
    lines = text.split("\n")
    if len(lines) == 1:
        split = _inline_split(lines[0])
        return split, len(split) > 1
    numbers = [_number_of(line) for line in lines]
    if numbers[0] == 1 and None in numbers:
        # numbered elements with wrapped continuation lines: join each continuation to its element
        joined: list[str] = []
        for line, number in zip(lines, numbers, strict=True):
            if number is None and joined:
                joined[-1] += line
            else:
                joined.append(line)
        return joined, True
    return lines, None not in numbers


def _element(line: str, numbered: bool) -> str | dict[str, Any] | None:
    required = True
    text = (_NUMBERED.sub("", line, count=1) if numbered else line).strip(_TRIM)
    if text[:1] in ("□", "○"):
        required, text = False, text[1:].strip()
    elif text[:1] in ("■", "●"):
        text = text[1:].strip()
    if _OPTIONAL_TAIL.search(text):
        required, text = False, _OPTIONAL_TAIL.sub("", text).strip(_TRIM)
    if _OPTIONAL_HEAD.match(text):
        required, text = False, _OPTIONAL_HEAD.sub("", text).strip(_TRIM)
    if not text:
        return None
    return text if required else {"text": text, "required": False}


def parse_content(text: str) -> list[str | dict[str, Any]]:
    """公开内容: one element per line (or per inline number); （可选） or □ marks an optional element."""
    lines, numbered = _content_lines(text)
    elements = [_element(line, numbered) for line in lines]
    return [e for e in elements if e is not None]


# --- 公开依据 -----------------------------------------------------------------------------------------

_NUM = r"[\d一二三四五六七八九十百零〇两]+"
_ARTICLE = re.compile(rf"第({_NUM}(?:[、，,和及]{_NUM})*)条((?:第{_NUM}[款项])*)(?:\s*(?:至|到|-|—|~)\s*第({_NUM})条)?")
_ARTICLE_START = re.compile(rf"第{_NUM}(?:[、，,和及]{_NUM})*条")
_VERSION_NOTE = re.compile(r"^[（(][^（）()]*(?:\d{4}|修订|修正|版|试行)[^（）()]*[）)]")
_NOTE = re.compile(r"[（(]([^（）()]+)[）)]")
_MARKED_NOTE = re.compile(r"[（(]注[：:](.*)[）)]$", re.DOTALL)
_NAME_NOISE = re.compile(r"(?:的?(?:有关|相关)?规定|等(?:法律法规|法规|文件)?)$")


def parse_articles(tail: str) -> tuple[list[int | str], str]:
    """'第四十七条、第四十八条（注：…）' -> ([47, 48], '…'); a paragraph reference stays text (第四条第二款)."""
    tail, note = tail.strip(), ""
    if marked := _MARKED_NOTE.search(tail):
        tail, note = tail[: marked.start()].strip(), marked.group(1).strip()
    tail = _VERSION_NOTE.sub("", tail).strip()
    articles: list[int | str] = []
    end = 0
    for m in _ARTICLE.finditer(tail):
        end = m.end()
        numbers = [parse_cn_int(n) for n in re.split(r"[、，,和及]", m.group(1))]
        if m.group(2):
            articles.append(m.group(0))
        elif m.group(3) and len(numbers) == 1 and numbers[0] is not None:
            last = parse_cn_int(m.group(3)) or numbers[0]
            articles += list(range(numbers[0], last + 1))
        else:
            articles += [n for n in numbers if n is not None]
    rest = tail[end:].strip(_TRIM + "。")
    if not note and (other := _NOTE.fullmatch(rest)):
        note = other.group(1).strip()
    return list(dict.fromkeys(articles)), note


def _unbracketed(segment: str) -> list[tuple[str, str]]:
    """Laws without 《》: 'A法第一条、第二条、B条例' -> [('A法', '第一条、第二条'), ('B条例', '')]."""
    pairs: list[tuple[str, str]] = []
    for token in split_top(segment, "、，,"):
        m = _ARTICLE_START.search(token)
        name, tail = (token[: m.start()], token[m.start():]) if m else (token, "")
        name = name.strip(_TRIM)
        if not name and pairs:
            pairs[-1] = (pairs[-1][0], f"{pairs[-1][1]}、{tail}")
        elif name:
            pairs.append((name, tail))
    return pairs


def law_mentions(text: str) -> list[tuple[str, str]]:
    """(name, tail) pairs of every law a basis cell names, in order."""
    mentions: list[tuple[str, str]] = []
    for line in text.split("\n"):
        for segment in split_top(line, "；;"):
            if "《" in segment:
                mentions += [(m.group(1).strip(), m.group(2)) for m in re.finditer(r"《([^《》]+)》([^《》]*)", segment)]
            else:
                mentions += _unbracketed(segment)
    return [(_NAME_NOISE.sub("", name).strip(), tail) for name, tail in mentions if name]


def _citation(law: str, articles: list[int | str], note: str) -> dict[str, Any]:
    cite: dict[str, Any] = {"law": law}
    if articles:
        cite["articles"] = articles
    if note:
        cite["note"] = note
    return cite


def parse_basis(text: str, laws: LawMatcher) -> tuple[list[dict[str, Any]], list[Problem]]:
    """公开依据 → citations of registry ids. An unmatched name is cited as written and reported (I806/I807)."""
    citations: dict[str, dict[str, Any]] = {}
    problems: list[Problem] = []
    for name, tail in law_mentions(text):
        articles, note = parse_articles(tail)
        match = laws.match(name)
        if match.ambiguous:
            problems.append(Problem("I807", {"law": name, "candidates": "、".join(match.candidates)}))
        elif match.law_id is None:
            problems.append(Problem("I806", {"law": name, "suggestion": laws.suggest(name)}))
        law_id = match.law_id or name
        if law_id in citations:  # the same law twice in one cell: one citation with all articles
            merged = list(dict.fromkeys([*citations[law_id].get("articles", []), *articles]))
            citations[law_id] = _citation(law_id, merged, note or citations[law_id].get("note", ""))
        else:
            citations[law_id] = _citation(law_id, articles, note)
    return list(citations.values()), problems


# --- 公开主体 -----------------------------------------------------------------------------------------

def _greedy(tokens: list[str], known: list[str], joiner: str) -> list[str]:
    """Re-join tokens that were split inside a known name (a subject whose name contains 、)."""
    names: list[str] = []
    i = 0
    while i < len(tokens):
        for j in range(len(tokens), i + 1, -1):
            candidate = joiner.join(tokens[i:j])
            if best_match(candidate, known):
                names.append(candidate)
                i = j
                break
        else:
            names.append(tokens[i])
            i += 1
    return names


def parse_subjects(text: str, known: list[str]) -> tuple[list[str], list[Problem]]:
    """公开主体: names separated by 、，；or lines; each in the declared spelling when it matches."""
    names: list[str] = []
    problems: list[Problem] = []
    for line in text.split("\n"):
        for part in split_top(line, "；;"):
            names += _greedy(split_top(part, "、，,"), known, "、")
    result: list[str] = []
    for name in names:
        canonical = best_match(name, known)
        if canonical is None and known:
            problems.append(Problem("I809", {"subject": name, "suggestion": suggestion(name, known)}))
        value = canonical or name
        if value not in result:
            result.append(value)
    return result, problems


# --- 公开渠道和载体 ---------------------------------------------------------------------------------

# Everyday names of the national channels. Only names the vocabulary has are ever produced (in its spelling).
CHANNEL_ALIASES: dict[str, str] = {
    "政府门户网站": "政府网站", "门户网站": "政府网站", "政府网": "政府网站", "政务微博": "两微一端",
    "政务微信": "两微一端", "政务新媒体": "两微一端", "政务客户端": "两微一端", "微博微信": "两微一端",
    "新闻发布会": "发布会/听证会", "发布会": "发布会/听证会", "听证会": "发布会/听证会", "广播": "广播电视",
    "电视": "广播电视", "报刊": "纸质媒体", "报纸": "纸质媒体", "政务服务大厅": "政务服务中心",
    "办事大厅": "政务服务中心", "便民服务窗口": "便民服务站", "入户": "入户/现场", "现场": "入户/现场",
    "公示栏": "社区/企事业单位/村公示栏（电子屏）", "公开栏": "社区/企事业单位/村公示栏（电子屏）",
    "村务公开栏": "社区/企事业单位/村公示栏（电子屏）", "电子屏": "社区/企事业单位/村公示栏（电子屏）",
    "社区/企事业单位/村公示栏": "社区/企事业单位/村公示栏（电子屏）", "短信": "精准推送",
}
_OTHER = re.compile(r"^其他\s*(.*)$")


def _other_detail(name: str) -> str | None:
    """The named channel of 其他：X, 其他（X） or 其他__X__ ('' for a bare 其他); None for another name."""
    m = _OTHER.match(name.strip())
    if m is None:
        return None
    rest = m.group(1).strip()
    if not rest or set(rest) <= {"_"}:
        return ""
    if rest[0] in "：:":
        return rest[1:].strip(" _")
    if rest[0] in "（(" and rest[-1] in "）)":
        return rest[1:-1].strip()
    if rest[0] == "_":
        return rest.strip(" _")
    return None


def match_channel(name: str, channels: list[str]) -> str | None:
    """A channel name as the vocabulary spells it, or None."""
    found = best_match(name, channels)
    if found:
        return found
    alias = next((v for k, v in CHANNEL_ALIASES.items() if key(k) == key(name)), None)
    if alias and (found := best_match(alias, channels)):
        return found
    detail = _other_detail(name)
    if detail is not None and "其他" in channels:
        # gen-03: 选用“其他”的，应写明具体渠道名称 — kept as 其他：<名称> unless the name is a channel itself
        if not detail:
            return "其他"
        return match_channel(detail, channels) or f"其他：{detail}"
    return None


def _marked(text: str) -> list[tuple[str, str]]:
    """(mark, name) pairs; without any mark every listed name counts as required."""
    if not any(c in text for c in CHANNEL_MARKS):
        return [("■", name) for name in split_top(text, "、，,；;\n ")]
    pairs = re.findall(rf"([{CHANNEL_MARKS}])([^{CHANNEL_MARKS}]*)", text)
    return [(mark, name.strip(_TRIM + "\n")) for mark, name in pairs if name.strip(_TRIM + "\n")]


def parse_channels(text: str, channels: list[str]) -> tuple[dict[str, list[str]], list[Problem]]:
    """'■政府网站 □两微一端' → {required: [政府网站], optional: [两微一端]}."""
    result: dict[str, list[str]] = {"required": [], "optional": []}
    problems: list[Problem] = []
    for mark, name in _marked(text):
        channel = match_channel(name, channels)
        if channel is None:
            problems.append(Problem("I808", {"channel": name, "suggestion": suggestion(name, channels)}))
            channel = name
        add_channel(result, channel, required=mark not in "□☐○")
    return result, problems


def add_channel(result: dict[str, list[str]], channel: str, *, required: bool) -> None:
    if required:
        if channel in result["optional"]:
            result["optional"].remove(channel)
        if channel not in result["required"]:
            result["required"].append(channel)
    elif channel not in result["required"] and channel not in result["optional"]:
        result["optional"].append(channel)


# --- 公开对象、公开方式、公开层级、五公开 ------------------------------------------------------------

_PUBLIC = {"社会公众", "公众", "全体公民", "全社会公众", "社会", "所有人"}


def _who(rest: str) -> str:
    """'（村民（含外嫁女））' / '：村民' -> the group; only the one enclosing bracket pair is removed."""
    if rest[:1] in "（(" and rest[-1:] in "）)":
        return rest[1:-1].strip()
    return rest.lstrip("：: ").strip()


def parse_audience(text: str, audiences: list[str]) -> tuple[str | dict[str, str] | None, list[Problem]]:
    """'全社会' / '特定群体（拟征收土地所在地的村民）' / a group written alone (then 特定群体 with who)."""
    text = text.strip()
    if not text:
        return None, []
    if text in _PUBLIC and "全社会" in audiences:
        return "全社会", []
    for kind in audiences:
        if key(text) == key(kind):
            return kind, []
        if key(text).startswith(key(kind)):
            who = _who(text[len(kind):].strip())
            return ({"kind": kind, "who": who} if who else kind), []
    if "特定群体" in audiences:
        return {"kind": "特定群体", "who": text}, []
    return text, [Problem("I810", {"field": "公开对象", "value": text, "allowed": "、".join(audiences)})]


def normal_level(text: str) -> str:
    """'县' / '县（市、区）' / '乡镇' / '村（社区）' → 县级 / 县级 / 乡级 / 村级."""
    k = key(text)
    for prefix, level in (("省", "省级"), ("设区市", "市级"), ("市", "市级"), ("县", "县级"), ("乡", "乡级"),
                          ("镇", "乡级"), ("街道", "乡级"), ("村", "村级"), ("社区", "村级")):
        if k.startswith(prefix):
            return level
    return text


def choice(text: str, allowed: list[str], field: str, *, levels: bool = False) -> tuple[str | None, list[Problem]]:
    """One vocabulary value ('主动公开' → 主动, '县' → 县级 for levels)."""
    text = text.strip()
    if not text:
        return None, []
    for candidate in (text, text.removesuffix("公开"), normal_level(text) if levels else text):
        found = best_match(candidate, allowed)
        if found:
            return found, []
    return text, [Problem("I810", {"field": field, "value": text, "allowed": "、".join(allowed)})]


def parse_levels(text: str, levels: list[str]) -> tuple[list[str], list[Problem]]:
    values: list[str] = []
    problems: list[Problem] = []
    for part in split_top(text, "、，,；;\n /"):
        value, found = choice(part, levels, "公开层级", levels=True)
        problems += found
        if value and value not in values:
            values.append(value)
    return values, problems


def parse_method(text: str, methods: list[str]) -> tuple[str | None, list[Problem]]:
    """公开方式; a cell naming both (主动、依申请) is imported as 主动, the stricter, with a warning."""
    parts = split_top(text, "、，,；;\n /")
    if len(parts) > 1:
        values = [choice(p, methods, "公开方式")[0] for p in parts]
        if "主动" in values:
            return "主动", [Problem("I811", {"field": "公开方式", "first": parts[0], "second": parts[1],
                                             "chosen": "主动"})]
    return choice(text, methods, "公开方式")
