"""Item values as the catalog prints them, for the revision table: laws with 《》 and article numbers,
channels with ■/□, optional content with （可选）, a whole item as lines of 要素：值."""

from __future__ import annotations

from govopen_std.interchange.columns import OPTIONAL_SUFFIX
from govopen_std.messages import ELEMENT_NAMES
from govopen_std.model.item import Citation, ContentElement, Item
from govopen_std.model.law import Law
from govopen_std.view.numerals import article_label

LABELS: dict[str, str] = {**{k: v[0] for k, v in ELEMENT_NAMES.items()}, "note": "备注", "standard": "所属标准"}
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

    def summary(self, item: Item) -> str:
        """The whole item, one element per line (公开时限：…); list elements numbered within their line."""
        lines = []
        for name in SUMMARY_FIELDS:
            value = self.field(item, name)
            parts = value.split("\n")
            if len(parts) > 1:
                value = "；".join(f"{i}.{part}" for i, part in enumerate(parts, 1))
            if value:
                lines.append(f"{LABELS[name]}：{value}")
        return "\n".join(lines)
