from __future__ import annotations

import pytest

from govopen_std.view.numerals import article_label, chinese_number


@pytest.mark.parametrize(("n", "text"), [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (26, "二十六"),
                                         (100, "一百"), (105, "一百零五"), (110, "一百一十"), (120, "一百二十"),
                                         (236, "二百三十六")])
def test_chinese_number(n: int, text: str) -> None:
    assert chinese_number(n) == text


def test_article_label() -> None:
    assert article_label(26) == "第二十六条"
    assert article_label("第二十条第（一）项") == "第二十条第（一）项"
