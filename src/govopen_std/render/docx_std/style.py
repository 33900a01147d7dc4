"""The DOCX style template (templates/docx/style.yaml): fonts, sizes, margins, cover wording, issuer line.

The packaged file holds every default; a workspace's own templates/docx/style.yaml only needs the keys it
changes, and is merged over the defaults key by key (lists are replaced whole).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import Field, ValidationError

from govopen_std.diagnostics import Diagnostic, GovOpenError
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
    # The wording below has defaults, so that a workspace's older style.yaml stays valid.
    column_weights: list[float] | None = Field(default=None, min_length=11, max_length=11)
    local_mark: str = "▲"
    amended_mark: str = "△"
    local_note: str = "序号后标“{mark}”的为本县（市、区）增补的事项"
    amended_note: str = "标“{mark}”的为本县（市、区）在省级标准基础上细化了公开要求的事项"
    domain_not_applicable: str = "本县（市、区）不适用本领域：{reason}。"
    channels_title: str = "公开渠道和载体说明"
    channels_lead: str = "本目录所列公开渠道和载体在本县（市、区）的具体载体见{table}。"
    channels_header: list[str] = Field(default=["公开渠道和载体", "本县（市、区）的具体载体"], min_length=2,
                                       max_length=2)


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

    def latin_face(self, name: str) -> str:
        """The face of Latin letters and digits in an element: 黑体 elements set their numbers and Latin
        letters (clause numbers, "DB33", "ICS") in 黑体 too (GB/T 1.1—2020 Table F.1 names one face per
        element); 宋体 elements keep the Latin face for Latin text."""
        return self.fonts.hei if self.elements[name].font == "hei" else self.fonts.latin


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


def _as_b610(diag: Diagnostic, display: str) -> Diagnostic:
    """A loader or schema finding in the style template, as B610 at the same place (its hint kept in the text)."""
    from govopen_std.load.yaml_errors import GENERIC_ADVICE

    texts = []
    for lang in ("zh", "en"):
        # a did-you-mean or a full-width hint helps; the generic "check the indentation" would only add length
        hint = diag.hint(lang) if dict(diag.params).get("advice") != GENERIC_ADVICE[0] else None
        texts.append(diag.message(lang) + (f"（{hint}）" if hint and lang == "zh" else f" ({hint})" if hint else ""))
    return Diagnostic.make("B610", diag.location, path=display, detail=texts[0], detail_en=texts[1])


def style_problems(own: Path, display: str) -> list[Diagnostic]:
    """Every problem of a workspace's own style template, each a B610 at its line: a YAML error, a wrong
    key or value once merged over the defaults, a missing element. `check` reports them; `build` stops at them."""
    from govopen_std.diagnostics import Diagnostics
    from govopen_std.load.validate import validate
    from govopen_std.load.yaml_source import load_file

    found = Diagnostics()
    source = load_file(own, display, found)
    problems = [d for d in found.items if d.code not in ("Y107", "Y109")]  # empty: no overrides; a BOM is harmless
    if problems or not source.loaded:
        return [_as_b610(d, display) for d in problems]
    if not isinstance(source.data, dict):
        return [Diagnostic.make("B610", source.locate(()), path=display, detail="顶层应为映射（键: 值）",
                                detail_en="the top level must be a mapping")]
    checked = Diagnostics()
    style = validate(DocxStyle, merge(_read_yaml(packaged_style_path()), source.data), source, checked)
    if style is not None:
        missing = [name for name in ELEMENTS if name not in style.elements]
        if missing:
            checked.add(Diagnostic.make("B610", source.locate(("elements",)), path=display,
                                        detail="elements 缺少 " + "、".join(missing),
                                        detail_en="elements lacks " + ", ".join(missing)))
    return [d if d.code == "B610" else _as_b610(d, display) for d in checked.items]


def _confined(own: Path, templates_dir: Path) -> None:
    """E921 for a style template that is a link out of the templates folder: never read (`load.confine`)."""
    from govopen_std.load.confine import IN_TEMPLATES, escapes, package_roots, real

    outside = escapes(own, (real(templates_dir), *package_roots()))
    if outside is not None:
        raise GovOpenError("E921", path=str(own), target=str(outside), where=IN_TEMPLATES[0], where_en=IN_TEMPLATES[1])


def load_style(templates_dir: Path | None) -> DocxStyle:
    """The packaged defaults, with the workspace's templates/docx/style.yaml (when there is one) merged over."""
    default_path = packaged_style_path()
    data = _read_yaml(default_path)
    path = default_path
    if templates_dir is not None:
        own = templates_dir / STYLE_FILE
        if own.is_file() and own.resolve() != default_path.resolve():
            _confined(own, templates_dir)
            problems = style_problems(own, str(own))
            if problems:  # the same findings `check` reports, with the line: the first one stops the build
                params = dict(problems[0].params)
                raise GovOpenError("B610", path=str(problems[0].location), detail=params["detail"],
                                   detail_en=params["detail_en"])
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
