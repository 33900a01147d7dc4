"""The rule checker itself: a good document passes, and each damaged copy of it is caught by the rule
that names the damage (so the structure tests above can fail)."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from docx_helpers import build_docx, variant_workspace
from gbt1_checker import check_docx

Edit = Callable[[dict[str, str]], None]


@pytest.fixture(scope="module")
def good(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("checker")
    mp = pytest.MonkeyPatch()
    mp.delenv("SOURCE_DATE_EPOCH", raising=False)
    try:
        build_docx(variant_workspace(base / "ws"), base / "out")
    finally:
        mp.undo()
    return base / "out" / "docx" / "zdbc-00.docx"  # published: number, dates, ICS/CCS; catalog annex


def damaged(good: Path, target: Path, edit: Edit) -> Path:
    with zipfile.ZipFile(good) as z:
        parts = {name: z.read(name).decode("utf-8") for name in z.namelist()}
    edit(parts)
    with zipfile.ZipFile(target, "w") as z:
        for name, text in parts.items():
            z.writestr(name, text.encode("utf-8"))
    return target


def sub(part: str, old: str, new: str, count: int = 1, regex: bool = False, last: bool = False) -> Edit:
    """Replace the first (or, with `last`, the last: the body's rather than the 目次's) occurrence."""
    def edit(parts: dict[str, str]) -> None:
        before = parts[part]
        if last:
            head, sep, tail = before.rpartition(old)
            parts[part] = head + new + tail if sep else before
        else:
            parts[part] = re.sub(old, new, before, count=count) if regex else before.replace(old, new, count)
        assert parts[part] != before, f"the damage {old!r} found nothing to change in {part}"
    return edit


DOC, STYLES, SETTINGS = "word/document.xml", "word/styles.xml", "word/settings.xml"

DAMAGE: dict[str, tuple[Edit, str]] = {
    "letter paper": (sub(DOC, 'w:w="11906" w:h="16838"', 'w:w="12240" w:h="15840"'), "38 A4"),
    "arabic front matter": (sub(DOC, 'w:fmt="upperRoman"', 'w:fmt="decimal"'), "40 front matter in Roman numerals"),
    "body continues numbering": (sub(DOC, '<w:pgNumType w:fmt="decimal" w:start="1"/>', '<w:pgNumType w:fmt="decimal"/>'),
                                 "40 body restarts at 1"),
    "no East Asian fonts": (lambda p: p.update({STYLES: re.sub(r' w:eastAsia="[^"]+"', "", p[STYLES])}),
                            "56 eastAsia font"),
    "theme fonts": (sub(STYLES, "<w:rFonts ", '<w:rFonts w:eastAsiaTheme="minorEastAsia" '), "56 theme fonts"),
    "2009 drafting sentence": (sub(DOC, "本文件按照GB/T 1.1—2020《标准化工作导则\u3000第1部分：标准化文件的结构和起草规则》的规定起草。",
                                   "本标准按照GB/T 1.1—2009给出的规则起草。"), "12 drafting basis"),
    "patent notice": (sub(DOC, "不承担识别专利的责任", "不承担识别这些专利的责任"), "13 patent notice"),
    "references lead-in": (sub(DOC, "本文件没有规范性引用文件。", "无。"), "17 规范性引用文件 lead-in"),
    "scope wording": (sub(DOC, "本文件规定了农村", "本标准规定了农村"), "20 范围 sentences"),
    "chapter renamed": (sub(DOC, "2\u3000规范性引用文件</w:t>", "2\u3000引用文件</w:t>", last=True),
                       "3 fixed chapter numbers"),
    "clause number gap": (sub(DOC, "<w:t>4\u3000基本要求</w:t>", "<w:t>5\u3000基本要求</w:t>", last=True),
                          "22 clause numbers"),
    "annex table number": (sub(DOC, "表A.1\u3000", "表A.2\u3000"), "24 annex table numbers"),
    "caption below": (sub(DOC, "表A.1\u3000", "图A.1\u3000"), "26 table caption above, centred"),
    "header row not repeated": (sub(DOC, "<w:tblHeader/>", ""), "table header repeat"),
    "empty cell": (sub(DOC, r"(<w:t[^>]*>)—</w:t>", r"\1 </w:t>", regex=True), "27 empty cell"),
    "annex status line": (sub(DOC, "<w:t>（规范性）</w:t>", "<w:t>规范性附录</w:t>"), "9 annex heading lines"),
    "foreword on the 目次 page": (sub(DOC, "<w:pageBreakBefore/>", ""), "8 page breaks"),
    "number with a hyphen": (sub(DOC, "DB33/T 2099—2021", "DB33/T 2099-2021"), "34 number format"),
    "header disagrees with cover": (sub("word/header1.xml", "DB33/T 2099—2021", "DB33/T 2100—2021"),
                                    "34 header number"),
    "no odd/even headers": (sub(SETTINGS, "<w:evenAndOddHeaders/>", ""), "40 odd/even headers"),
    "odd header on the left": (sub("word/header1.xml", 'w:val="right"', 'w:val="left"'),
                               "40 headers and page numbers"),
    "no updateFields": (sub(SETTINGS, '<w:updateFields w:val="true"/>', ""), "61 updateFields"),
    "目次 entry missing": (sub(DOC, r'<w:p><w:pPr><w:pStyle w:val="GBToc1"/>.*?</w:p>', "", regex=True),
                          "6 目次 entries"),
    "issue date after implementation": (sub(DOC, "2021-07-01 实施", "2021-05-01 实施"), "35 dates"),
    "cover ICS form": (sub(DOC, "ICS 03.080.99", "ICS03-080"), "33 ICS/CCS"),
    "cover title size": (sub(STYLES, '<w:sz w:val="52"/>', '<w:sz w:val="44"/>'), "36 cover title 一号黑体"),
    "auto numbering": (sub(DOC, '<w:pPr><w:pStyle w:val="GBChapter"/>',
                           '<w:pPr><w:pStyle w:val="GBChapter"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>'),
                       "23 literal numbering"),
    "note label font": (sub(DOC, '<w:rFonts w:ascii="黑体" w:hAnsi="黑体" w:cs="黑体" w:eastAsia="黑体"/><w:sz w:val="18"/>',
                            '<w:sz w:val="18"/>'),
                        "29 note label 小五黑体"),
    "table text size": (sub(STYLES, '<w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style><w:style w:type="paragraph" '
                                    'w:styleId="GBTableCenter">', '<w:sz w:val="21"/><w:szCs w:val="21"/></w:rPr></w:style>'
                                    '<w:style w:type="paragraph" w:styleId="GBTableCenter">'), "37 table text 小五"),
}


def test_the_good_document_passes(good: Path) -> None:
    assert not [str(f) for f in check_docx(good) if f.required]


@pytest.mark.parametrize("name", sorted(DAMAGE))
def test_damage_is_caught(good: Path, tmp_path: Path, name: str) -> None:
    edit, rule = DAMAGE[name]
    findings = check_docx(damaged(good, tmp_path / "bad.docx", edit))
    assert rule in {f.rule for f in findings if f.required}, [str(f) for f in findings]
