"""The DOCX style template (templates/docx/style.yaml): fonts, sizes, margins, cover wording, issuer line.

The packaged file holds every default; a workspace's own templates/docx/style.yaml only needs the keys it
changes, and is merged over the defaults key by key (lists are replaced whole).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError

from govopen_std.diagnostics import GovOpenError
from govopen_std.model.base import StrictModel

STYLE_FILE = Path("docx") / "style.yaml"


class PageSetup(StrictModel):
    width_mm: float = Field(gt=0)
    height_mm: float = Field(gt=0)
    margin_top_mm: float = Field(ge=0)
    margin_bottom_mm: float = Field(ge=0)
    margin_left_mm: float = Field(ge=0)
    margin_right_mm: float = Field(ge=0)
    header_mm: float = Field(ge=0)
    footer_mm: float = Field(ge=0)


class Fonts(StrictModel):
    song: str
    hei: str
    latin: str


class ElementFont(StrictModel):
    font: Literal["song", "hei"]
    size: float = Field(gt=0, le=72)

    @property
    def half_points(self) -> int:
        """OOXML `w:sz` is in half-points (五号 10.5 pt → 21)."""
        return round(self.size * 2)


class CatalogStyle(StrictModel):
    caption: str
    column_weights: list[float] = Field(min_length=11, max_length=11)
    legend: str
    not_applicable: str
    chapter_title: str
    chapter_text: str


class CountyStyle(StrictModel):
    title: str
    subtitle: str
    issuer: str
    date_label: str
    table_caption: str


class SkeletonStyle(StrictModel):
    scope: list[str] = Field(min_length=1)


ELEMENTS = (
    "cover_code", "cover_mark", "cover_level", "cover_number", "cover_replaces", "cover_title", "cover_title_en",
    "cover_stage", "cover_notice", "cover_dates", "cover_issuer", "front_title", "toc_entry", "doc_title",
    "chapter", "clause", "body", "term_number", "term", "annex_heading", "biblio_title", "table_caption",
    "table_text", "table_header", "note", "header", "footer",
)


class DocxStyle(StrictModel):
    issuer: str
    level_line: str
    code: str
    draft_number: str
    draft_date: str
    stages: dict[str, str]
    draft_date_label: str
    patent_notice_stages: list[str]
    patent_notice: str
    page: PageSetup
    fonts: Fonts
    font_alt_names: dict[str, str] = {}
    elements: dict[str, ElementFont]
    toc_max_entries: int = Field(ge=5)
    catalog: CatalogStyle
    county: CountyStyle
    skeleton: SkeletonStyle

    def element(self, name: str) -> ElementFont:
        return self.elements[name]

    def face(self, name: str) -> str:
        """The East Asian face of an element (宋体 / 黑体)."""
        return self.fonts.song if self.elements[name].font == "song" else self.fonts.hei


def packaged_style_path() -> Path:
    """templates/docx/style.yaml of the embedded workspace (the wheel's copy, or the checkout's)."""
    from govopen_std.load.discover import embedded_root

    return embedded_root() / "templates" / STYLE_FILE


def _read_yaml(path: Path) -> dict[str, Any]:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise GovOpenError("B610", path=str(path), detail=str(exc).splitlines()[0] if str(exc) else "?") from exc
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise GovOpenError("B610", path=str(path), detail="top level must be a mapping")
    return data


def merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """`override` over `base`, mappings merged key by key, everything else replaced."""
    result = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merge(result[key], value)
        else:
            result[key] = value
    return result


def load_style(templates_dir: Path | None) -> DocxStyle:
    """The packaged defaults, with the workspace's templates/docx/style.yaml (when there is one) merged over."""
    default_path = packaged_style_path()
    data = _read_yaml(default_path)
    path = default_path
    if templates_dir is not None:
        own = templates_dir / STYLE_FILE
        if own.is_file() and own.resolve() != default_path.resolve():
            data = merge(data, _read_yaml(own))
            path = own
    try:
        style = DocxStyle.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise GovOpenError("B610", path=str(path), detail=f"{where}: {first['msg']}") from exc
    missing = [name for name in ELEMENTS if name not in style.elements]
    if missing:
        raise GovOpenError("B610", path=str(path), detail="elements lacks " + ", ".join(missing))
    return style
