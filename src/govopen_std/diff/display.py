"""Item values as the catalog prints them, for the revision table: laws with 《》 and article numbers,
channels with ■/□, optional content with （可选）, a whole item as lines of 要素：值."""

from __future__ import annotations

from govopen_std.interchange.columns import OPTIONAL_SUFFIX
from govopen_std.messages import ELEMENT_NAMES
from govopen_std.model.item import Citation, ContentElement, Item
from govopen_std.model.law import Law
from govopen_std.view.numerals import article_label

LABELS: dict[str, str] = {**{k: v[0] for k, v in ELEMENT_NAMES.items()}, "note": "备注", "standard": "所属标准"}
LABELS_EN: dict[str, str] = {
    "code": "item code", "category": "category", "name": "item name", "area": "sub-area", "content": "content",
    "basis": "legal basis", "subject": "disclosing body", "deadline": "time limit", "method": "method",
    "channels": "channels", "audience": "audience", "level": "level", "openness": "five-openness",
    "note": "remark", "standard": "standard",
}
# The noun a list field's element changes are named with (增加公开内容要素 / content element added).
ELEMENT_NOUNS: dict[str, tuple[str, str]] = {
    "content": ("公开内容要素", "content element"), "basis": ("公开依据", "legal basis"),
    "subject": ("公开主体", "disclosing body"), "channels": ("公开渠道", "channel"), "level": ("公开层级", "level"),
}
# 修改说明 by action: (Chinese, English) templates over the noun.
NOTES: dict[str, tuple[str, str]] = {
    "changed": ("修改{zh}", "{en} changed"),
    "added": ("增加{zh}", "{en} added"),
    "removed": ("删除{zh}", "{en} removed"),
    "reordered": ("调整{zh}顺序", "{en} reordered"),
    "optional": ("{zh}改为可选", "{en} made optional"),
    "required": ("{zh}改为必选", "{en} made required"),
    "articles": ("修改{zh}条款", "articles of the {en} changed"),
    "moved": ("调整{zh}", "moved to another {en}"),
}


def note(action: str, noun: tuple[str, str]) -> tuple[str, str]:
    """修改说明 of an action on `noun` (Chinese, English), e.g. ("修改公开时限", "Time limit changed")."""
    zh, en = NOTES[action]
    english = en.format(en=noun[1])
    return zh.format(zh=noun[0]), english[:1].upper() + english[1:]
SUMMARY_FIELDS = ("category", "content", "basis", "subject", "deadline", "method", "channels", "audience", "level",
                  "openness", "area", "note")


class Display:
    """Formats values; law titles come from the newer registry, else the older, else the id."""

    def __init__(self, *registries: dict[str, Law]) -> None:
        self.titles: dict[str, str] = {}
        for laws in reversed(registries):
            self.titles.update({law_id: law.title for law_id, law in laws.items()})

    def element(self, element: ContentElement) -> str:
        return element.text + ("" if element.required else OPTIONAL_SUFFIX)

    def citation(self, cite: Citation) -> str:
        articles = "、".join(article_label(a) for a in cite.articles)
        note = f"（注：{cite.note}）" if cite.note else ""
        return f"《{self.titles.get(cite.law, cite.law)}》{articles}{note}"

    @staticmethod
    def channel(name: str, required: bool) -> str:
        return ("■" if required else "□") + name

    def field(self, item: Item, name: str) -> str:
        """The whole value of one field, one line per element."""
        if name == "category":
            return "／".join(item.category)
        if name == "content":
            return "\n".join(self.element(e) for e in item.content)
        if name == "basis":
            return "\n".join(self.citation(c) for c in item.basis)
        if name == "subject":
            return "、".join(item.subject)
        if name == "channels":
            marks = [self.channel(c, True) for c in item.channels.required]
            return " ".join(marks + [self.channel(c, False) for c in item.channels.optional])
        if name == "level":
            return "、".join(item.level)
        if name == "deadline":
            return item.deadline.text if item.deadline else ""
        if name == "audience":
            return item.audience.display() if item.audience else ""
        value = getattr(item, name, None)
        return "" if value is None else str(value)

    def summary(self, item: Item, lang: str = "zh") -> str:
        """The whole item, one element per line (公开时限：…); list elements numbered within their line."""
        lines = []
        for name in SUMMARY_FIELDS:
            value = self.field(item, name)
            parts = value.split("\n")
            if len(parts) > 1:
                value = "；".join(f"{i}.{part}" for i, part in enumerate(parts, 1))
            if value:
                lines.append(f"{LABELS[name]}：{value}" if lang == "zh" else f"{LABELS_EN[name]}: {value}")
        return "\n".join(lines)
