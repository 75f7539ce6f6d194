"""Rendering helpers: snippets keep only their <mark> tags, numbers and labels read well."""

from __future__ import annotations

import pytest

from app.search.highlight import MARK_END, MARK_START, to_html
from app.web.charts import NOTED, RECEIVED, Category, Row, grouped_bars, horizontal_bars
from app.web.rendering import (
    number,
    ordinal,
    percent,
    position_label,
    query_string,
    safe_snippet,
    similarity,
)


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("Abolish the <mark>death</mark> penalty", "Abolish the <mark>death</mark> penalty"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("a &lt;b&gt; c", "a &lt;b&gt; c"),
        ("<mark>open", "<mark>open</mark>"),
        ("close</mark> <mark><mark>twice</mark>", "close <mark>twice</mark>"),
        ('<mark onclick="x">no</mark>', "&lt;mark onclick=&#34;x&#34;&gt;no"),
        ("", ""),
        (None, ""),
    ],
)
def test_only_balanced_mark_tags_survive(snippet: str | None, expected: str) -> None:
    assert str(safe_snippet(snippet)) == expected


def test_a_database_excerpt_round_trips_through_the_api_markup() -> None:
    excerpt = f"Ensure <b>&</b> {MARK_START}women{MARK_END}'s rights"
    assert str(safe_snippet(to_html(excerpt))) == (
        "Ensure &lt;b&gt;&amp;&lt;/b&gt; <mark>women</mark>&#39;s rights"
    )


def test_words_for_numbers_and_positions() -> None:
    assert number(55767) == "55,767" and number(None) == "–"
    assert percent(0.8512) == "85%" and percent(None) == "–"
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 48)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "48th"
    ]  # fmt: skip
    assert position_label("supported_in_part") == "Supported in part"
    assert position_label(None) == "No position recorded"
    assert query_string([("q", "a b"), ("theme", None), ("x", "")]) == "?q=a+b"
    assert query_string([]) == ""
    assert similarity(0.249) == "0.24" and similarity(0.25) == "0.25" and similarity(0.47) == "0.47"


def test_charts_escape_their_text_and_label_every_value() -> None:
    hostile = "<script>x</script>"
    chart = str(
        grouped_bars("c", hostile, [RECEIVED, NOTED], [Category(hostile, "2nd cycle", [12, 3])])
    )
    assert "<script>" not in chart and "&lt;script&gt;" in chart
    assert ">12</span>" in chart and ">3</span>" in chart
    assert "url(#c-noted)" in chart and '<pattern id="c-noted"' in chart
    bars = str(horizontal_bars("h", "t", [Row(hostile, 0.5, "50% of 4")]))
    assert "<script>" not in bars and 'width="50.00%"' in bars and "50% of 4" in bars
    empty = str(grouped_bars("e", "t", [RECEIVED], [Category("S 48", "4th", [0], "none loaded")]))
    assert "none loaded" in empty and '<rect x="0" y="0.5" width="0' not in empty
