"""The search vocabulary (synonyms.yaml): groups of words a citizen may type for the same thing, such as
拆迁 and 房屋征收; the catalog site's search finds an item by any word of its group."""

from __future__ import annotations

import unicodedata

from pydantic import Field

from govopen_std.model.base import StrictModel, doc, model_doc


class SynonymTable(StrictModel):
    model_config = model_doc(
        "检索同义词表", "synonyms.yaml：检索时视为同义的词语，每组两个或更多",
        "Search synonyms", "synonyms.yaml: words the search treats as the same, two or more per group")

    synonyms: list[list[str]] = Field(default_factory=list, **doc(
        "同义词组", "每组列出同义的词语，如 [房屋征收, 拆迁]",
        "Synonym groups", "Each group lists words with the same meaning, e.g. [房屋征收, 拆迁]"))


def fold(text: str) -> str:
    """A word as the search compares it: NFKC (full-width to half-width) and lower case (search.js does the
    same to a query)."""
    return unicodedata.normalize("NFKC", text).lower()
