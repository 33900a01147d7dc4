"""The message catalog: every diagnostic code with its default severity and Chinese/English texts.

Codes are stable (tests, CI configurations and SARIF rule ids refer to them). The prefix tells the
stage: Y = reading YAML, S = schema, R = references, C = completeness, O = county overlays,
B = build, I = import of spreadsheets, D = diff and export, E = usage/environment, L = publication ledger,
V = evaluation. The entries live in messages_sources.py (Y S R C O) and messages_runs.py (B I D E L V).
"""

from __future__ import annotations

import string
from typing import Any

from govopen_std.diagnostics import Severity
from govopen_std.message_types import Message
from govopen_std.messages_runs import RUNS
from govopen_std.messages_sources import SOURCES

__all__ = ["CATALOG", "ELEMENT_NAMES", "Message", "default_severity", "describe", "render_hint", "render_message"]

CATALOG: dict[str, Message] = {**SOURCES, **RUNS}

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
