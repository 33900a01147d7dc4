"""YAML syntax errors as an official editing the file needs to hear them: in Chinese, at the right place.

libyaml's problem texts ("mapping values are not allowed in this context" …) are translated, and a few
causes it cannot name are found by looking at the text: a full-width colon "：" after a key, a
full-width dash "－" as a list marker, or full-width spaces "　" as indentation. libyaml notices those
only a line or more later ("could not find expected ':'" on the next line); a suspect character near
the error is taken as the cause only when replacing it with its ASCII form lets the parser get past the
error, and the error is then reported where the character is. Also: OS errors of reading a file (Y108).
"""

from __future__ import annotations

import errno
import io
import re
from collections.abc import Callable
from dataclasses import dataclass

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from govopen_std.diagnostics import Diagnostic, SourceLocation

GENERIC_ADVICE = ("检查该行及上一行的缩进、冒号和引号。", "Check indentation, colons and quotes on this line and the one before.")

# libyaml's problem (and context) texts -> Chinese; the first needle found in "problem context" wins.
_PROBLEMS_ZH = (
    ("that cannot start any token", "出现制表符或不能开始一个值的字符（YAML 不允许用制表符缩进）"),
    ("did not find expected ',' or ']'", "流式列表缺少“,”或“]”"),
    ("did not find expected ',' or '}'", "流式映射缺少“,”或“}”"),
    ("did not find expected key", "缺少预期的键（通常是缩进不一致）"),
    ("did not find expected '-' indicator", "列表项缺少“-”（通常是缩进不一致）"),
    ("mapping values are not allowed", "此处不允许出现“键: 值”（检查冒号、引号和缩进；值中含“: ”时请加引号）"),
    ("block sequence entries are not allowed", "此处不允许出现列表项“-”（检查缩进）"),
    ("could not find expected ':'", "缺少冒号“:”"),
    ("found unexpected ':'", "出现了多余的冒号“:”（值中含冒号时请加引号）"),
    ("but found another document", "一个文件只能有一个 YAML 文档（多了“---”）"),
    ("expected a single document", "一个文件只能有一个 YAML 文档（多了“---”）"),
    ("did not find expected <document start>", "文档结束标记“...”之后还有内容"),
    ("found undefined alias", "引用了未定义的锚点"),
    ("duplicate anchor", "锚点重复定义"),
    ("did not find expected alphabetic or numeric character", "锚点或别名（“&”“*”）后缺少名称；以“&”“*”开头的文字请加引号"),
    ("found unexpected end of stream", "文件意外结束（引号或括号未闭合）"),
    ("found unexpected document indicator", "引号内出现了文档分隔符“---”或“...”（引号可能未闭合）"),
    ("found unknown escape character", "双引号中有无效的转义（反斜杠“\\”本身写作“\\\\”，或改用单引号）"),
    ("did not find expected hexdecimal number", "转义“\\x”“\\u”后应为十六进制数字"),
    ("found invalid Unicode character escape code", "无效的 Unicode 转义"),
    ("did not find expected node content", "此处缺少值（检查括号“[ ] { }”是否配对，以及“-”“:”后的内容；"
                                            "以这些符号开头的文字请加引号）"),
    ("did not find expected comment or line break", "此处只能是注释或换行（如块标量“|”“>”之后）"),
    ("did not find expected whitespace or line break", "此处应为空格或换行"),
    ("found an indentation indicator equal to 0", "块标量的缩进指示符不能为 0"),
    ("found a tab character", "出现制表符（YAML 只能用空格缩进）"),
    ("found undefined tag handle", "未定义的标签（以“!”开头的值请加引号）"),
    ("did not find the expected '>'", "标签缺少“>”（以“!”开头的值请加引号）"),
    ("found unknown directive name", "不支持的 YAML 指令（以“%”开头的行）"),
    ("found incompatible YAML document", "不支持的 YAML 版本（%YAML 指令）"),
    ("found duplicate %YAML directive", "重复的 %YAML 指令"),
    ("found duplicate %TAG directive", "重复的 %TAG 指令"),
    ("unacceptable character", "出现不允许的控制字符"),
    ("control characters are not allowed", "出现不允许的控制字符"),
    ("invalid leading UTF-8 octet", "文件不是有效的 UTF-8 编码"),
    ("incomplete UTF-8 octet sequence", "文件不是有效的 UTF-8 编码"),
)


def problem_zh(problem: str, context: str = "") -> str:
    """The Chinese text of a libyaml problem; an unknown one is still framed in Chinese."""
    haystack = f"{problem} {context}"
    found = next((zh for needle, zh in _PROBLEMS_ZH if needle in haystack), None)
    return found if found is not None else f"无法解析此处的内容（{problem}）"


def _starts_token_zh(text: str, line: int, col: int) -> str | None:
    """'cannot start any token' names tabs, but "@", "`" and "%" cannot start a plain value either."""
    lines = text.split("\n")
    char = lines[line - 1][col - 1] if 0 < line <= len(lines) and 0 < col <= len(lines[line - 1]) else ""
    if char in ("@", "`", "%"):
        return f"“{char}”不能作为值的开头（请给该值加引号）"
    return None


# --- full-width punctuation in YAML syntax ----------------------------------------------------------

@dataclass(frozen=True)
class FullWidth:
    """A full-width character found in YAML syntax, the ASCII text it should be, and what to tell the author."""

    pattern: re.Pattern[str]  # group 1 is the character; matched against one line
    ascii: str
    detail: str
    detail_en: str
    advice: str
    advice_en: str


FULL_WIDTH = (
    FullWidth(re.compile(r"^[ ]*(?:-[ ]+)?[^\s:：#'\"\-{}\[\],][^:：#{}\[\],]*?(：)"), ": ",
              "键后用了全角冒号“：”", "a full-width colon '：' after a key",
              "键后的冒号应为半角“:”，冒号后再加一个空格，如“deadline: 信息形成之日起20个工作日内”。",
              "A key is followed by the ASCII colon ':' and a space, e.g. 'deadline: …'."),
    FullWidth(re.compile(r"^[ ]*(－)"), "- ",
              "列表项用了全角的“－”", "a full-width dash '－' as a list marker",
              "列表项的标记应为半角“-”，后面再加一个空格。",
              "A list item starts with the ASCII dash '-' and a space."),
    FullWidth(re.compile(r"^[ ]*(　)"), "  ",
              "用全角空格“　”缩进", "full-width spaces '　' used for indentation",
              "缩进只能用半角空格：把每个全角空格“　”换成两个半角空格。",
              "Indent with ASCII spaces only: replace each full-width space '　' with two spaces."),
)
LOOK_BACK = 3  # lines above the reported error searched for the cause (libyaml reports it a line or so late)


def _fixed(line: str, rule: FullWidth, start: int) -> str:
    """The line with the character at `start` (and, for indentation, the whole full-width run) in ASCII."""
    if rule.ascii == "  ":
        end = start
        while end < len(line) and line[end] in " 　":
            end += 1
        return line[:start] + line[start:end].replace("　", "  ") + line[end:]
    return line[:start] + rule.ascii + line[start + 1:].lstrip(" ")


def full_width_cause(text: str, error_line: int,
                     error_after_fix: Callable[[str], int | None]) -> tuple[int, int, FullWidth] | None:
    """(line, column, rule) of a full-width character that causes the syntax error reported at
    `error_line`, or None. `error_after_fix(text)` is the error line of a changed text (None: it parses)."""
    lines = text.split("\n")
    for index in range(min(error_line, len(lines)) - 1, max(-1, error_line - 2 - LOOK_BACK), -1):
        for rule in FULL_WIDTH:
            match = rule.pattern.match(lines[index])
            if match is None:
                continue
            start = match.start(1)
            trial = [*lines[:index], _fixed(lines[index], rule, start), *lines[index + 1:]]
            after = error_after_fix("\n".join(trial))
            if after is None or after > error_line:
                return index + 1, start + 1, rule
    return None


def _error_line(text: str) -> int | None:
    try:
        YAML(typ="safe", pure=False).compose(io.StringIO(text))
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        return mark.line + 1 if mark is not None else 1
    except (ValueError, RecursionError):
        return 1
    return None


# --- the diagnostics --------------------------------------------------------------------------------

def _offset_to_position(text: str, index: int) -> tuple[int, int]:
    before = text[:index]
    return before.count("\n") + 1, index - (before.rfind("\n") + 1) + 1


def _char_index(text: str, exc: YAMLError) -> int:
    """The C reader reports a UTF-8 byte offset, the pure-Python one a character index: accept both."""
    position: int = exc.position  # type: ignore[attr-defined]
    character = getattr(exc, "character", None)
    if 0 <= position < len(text) and isinstance(character, int) and ord(text[position]) == character:
        return position
    return len(text.encode("utf-8")[:position].decode("utf-8", "ignore"))


def syntax_diagnostic(exc: YAMLError, display: str, text: str) -> Diagnostic:
    """Y101 for a YAML error of `text` (shown as `display`): translated, and located at a full-width cause."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    problem = str(getattr(exc, "problem", None) or str(exc).splitlines()[0])
    context = str(getattr(exc, "context", None) or "")
    if mark is not None:
        line, col = mark.line + 1, mark.column + 1
    elif isinstance(getattr(exc, "position", None), int):  # reader errors carry an index, not a mark
        line, col = _offset_to_position(text, _char_index(text, exc))
    else:
        line, col = 1, 1
    cause = full_width_cause(text, line, _error_line)
    if cause is not None:
        line, col, rule = cause
        return Diagnostic.make("Y101", SourceLocation(display, line, col), detail=rule.detail, detail_en=rule.detail_en,
                               advice=rule.advice, advice_en=rule.advice_en)
    detail = (_starts_token_zh(text, line, col) if "cannot start any token" in problem else None) or \
        problem_zh(problem, context)
    return Diagnostic.make("Y101", SourceLocation(display, line, col), detail=detail, detail_en=problem,
                           advice=GENERIC_ADVICE[0], advice_en=GENERIC_ADVICE[1])


_OS_ERRORS_ZH = {
    errno.ENOENT: "文件不存在", errno.EACCES: "没有读取权限", errno.EPERM: "没有读取权限",
    errno.EISDIR: "这是一个文件夹，不是文件", errno.ENOTDIR: "路径中的某一级不是文件夹",
    errno.ELOOP: "符号链接形成循环", errno.ENAMETOOLONG: "路径过长", errno.EIO: "读取时发生输入输出错误",
}


def read_error(exc: OSError, display: str) -> Diagnostic:
    """Y108 for a file that cannot be read, with the OS error in Chinese (English under --lang en)."""
    english = exc.strerror or str(exc)
    chinese = _OS_ERRORS_ZH.get(exc.errno or 0, f"操作系统错误（{english}）")
    return Diagnostic.make("Y108", SourceLocation(display), detail=chinese, detail_en=english)
