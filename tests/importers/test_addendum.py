"""Tests for the addendum parser, on the real documents and on small generated PDFs."""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from pathlib import Path

import pytest

from app.importers.parsing.addendum import classify_response, parse_addendum
from app.importers.parsing.wg_report import parse_working_group_report
from app.importers.records import ParseError
from app.vocab import DocumentKind, Position
from tests.importers.test_wg_report import DOCUMENTS, write_pdf

ADDENDUM_48 = DOCUMENTS / "session-48" / "A_HRC_59_15_Add.1.pdf"
ADDENDUM_20 = DOCUMENTS / "session-20" / "A_HRC_28_15_Add.1.pdf"
ADDENDUM_07 = DOCUMENTS / "session-07" / "A_HRC_14_15_Add.1.pdf"


@pytest.fixture(scope="module")
def addendum_48():
    return parse_addendum(ADDENDUM_48)


@pytest.fixture(scope="module")
def addendum_20():
    return parse_addendum(ADDENDUM_20)


@pytest.fixture(scope="module")
def addendum_07():
    return parse_addendum(ADDENDUM_07)


def by_paragraph(document):
    return {p.paragraph: p for p in document.positions}


def counts(document):
    return Counter(p.position for p in document.positions)


def test_session_48_positions(addendum_48):
    assert addendum_48.kind == DocumentKind.addendum
    assert (addendum_48.symbol, addendum_48.session, addendum_48.state_under_review) == (
        "A/HRC/59/15/Add.1",
        48,
        "Slovenia",
    )
    assert addendum_48.date == dt.date(2025, 4, 8)
    assert len(addendum_48.positions) == 254
    assert counts(addendum_48) == {Position.supported: 217, Position.noted: 37}
    totals = addendum_48.reported_totals
    assert (totals.received, totals.supported, totals.noted) == (254, 217, 37)
    assert totals.source == "A/HRC/59/15/Add.1 - Para.2"
    assert addendum_48.warnings == []  # totals agree, nothing listed twice
    positions = by_paragraph(addendum_48)
    assert set(positions) == {f"140.{n}" for n in range(1, 255)}
    # the typos "140.35. 140.36" and "140.41. 140.42" in paragraph 3
    for pid in ("140.35", "140.36", "140.41", "140.42"):
        assert positions[pid].position == Position.supported
        assert positions[pid].source == "A/HRC/59/15/Add.1 - Para.3"
    assert positions["140.11"].source == "A/HRC/59/15/Add.1 - Para.4"
    assert positions["140.1"].position == Position.noted
    assert positions["140.1"].source == "A/HRC/59/15/Add.1 - Para.5"
    # listed as supported in paragraph 4, though explained under "140.240-241" in section III
    assert positions["140.241"].position == Position.supported
    assert positions["140.240"].position == Position.noted
    assert positions["140.7"].location == "page 2"


def test_session_20_positions(addendum_20):
    assert (addendum_20.symbol, addendum_20.session, addendum_20.state_under_review) == (
        "A/HRC/28/15/Add.1",
        20,
        "Slovenia",
    )
    assert len(addendum_20.positions) == 163
    assert counts(addendum_20) == {Position.supported: 142, Position.noted: 21}
    totals = addendum_20.reported_totals
    assert (totals.received, totals.supported, totals.noted) == (163, 142, 21)
    assert addendum_20.warnings == []
    positions = by_paragraph(addendum_20)
    assert set(positions) == {f"115.{n}" for n in range(1, 164)}
    assert positions["115.1"].source == "A/HRC/28/15/Add.1 - Para.3"  # range "1-5"
    assert positions["115.16"].position == Position.supported  # range "14-" / "16" over a line
    assert positions["115.151"].source == "A/HRC/28/15/Add.1 - Para.4"  # range "150 - 152"
    for n in (6, 13, 17, 163):
        assert positions[f"115.{n}"].position == Position.noted
        assert positions[f"115.{n}"].source == "A/HRC/28/15/Add.1 - Para.5"


def test_session_07_prose_responses(addendum_07):
    assert (addendum_07.symbol, addendum_07.session, addendum_07.state_under_review) == (
        "A/HRC/14/15/Add.1",
        7,
        "Slovenia",
    )
    assert addendum_07.reported_totals is None
    assert addendum_07.warnings == []
    positions = by_paragraph(addendum_07)
    assert set(positions) == {f"111.{n}" for n in range(1, 98)}
    assert all(p.response_text for p in addendum_07.positions)
    first = positions["111.1"]
    assert first.position == Position.unclear
    assert first.response_text.startswith(
        "Slovenia cannot, at this point in time, make a definitive statement."
    )
    assert first.source == "A/HRC/14/15/Add.1 - Rec.1"
    assert positions["111.2"].position == Position.supported
    assert positions["111.3"].position == Position.unclear  # accepts one part, undecided on one
    assert positions["111.15"].position == Position.unclear  # "agrees with the importance"
    assert positions["111.32"].position == Position.supported_in_part
    assert positions["111.58"].position == Position.supported_in_part
    for n in (84, 88, 93):
        assert positions[f"111.{n}"].position == Position.noted
    # "40., 41., 42., Slovenia accepts ..." goes on with "43., 44." on the next line
    assert positions["111.44"].position == Position.supported
    assert positions["111.44"].response_text == (
        "Slovenia accepts these recommendations and already acts accordingly."
    )
    assert positions["111.83"].response_text.startswith(
        "Slovenia accepts these recommendations and refers, in the light of the decision by"
    )
    assert counts(addendum_07) == {
        Position.supported: 89,
        Position.noted: 3,
        Position.unclear: 3,
        Position.supported_in_part: 2,
    }


def test_ids_match_the_reports(addendum_48, addendum_20, addendum_07):
    for addendum, report in (
        (addendum_48, "session-48/A_HRC_59_15.pdf"),
        (addendum_20, "session-20/A_HRC_28_15.pdf"),
        (addendum_07, "session-07/A_HRC_14_15.pdf"),
    ):
        recommendations = parse_working_group_report(DOCUMENTS / report).recommendations
        assert {p.paragraph for p in addendum.positions} == {r.paragraph for r in recommendations}


@pytest.mark.parametrize(
    ("words", "position"),
    [
        ("Slovenia accepts the recommendation.", Position.supported),
        ("The Government supports these recommendations.", Position.supported),
        ("Slovenia accepts the recommendation and notes that it acts so.", Position.supported),
        ("Slovenia cannot accept the recommendation.", Position.noted),
        ("Slovenia does not accept this recommendation.", Position.noted),
        ("Slovenia takes note of the recommendation.", Position.noted),
        ("Slovenia accepts the recommendation in part.", Position.supported_in_part),
        (
            "Slovenia accepts the recommendation regarding legal aid. "
            "Slovenia cannot accept the recommendation on family courts.",
            Position.supported_in_part,
        ),
        ("Slovenia cannot, at this point in time, make a definitive statement.", Position.unclear),
        (
            "Slovenia agrees with the importance of the plan. It notes its adoption.",
            Position.unclear,
        ),
    ],
)
def test_classify_response(words, position):
    assert classify_response(words) == position


# --- where the session comes from, and failures --------------------------------------------


def test_an_addendum_alone_needs_the_session(tmp_path):
    alone = Path(shutil.copy(ADDENDUM_48, tmp_path))
    with pytest.raises(ParseError) as error:
        parse_addendum(alone)
    assert "session not stated" in error.value.problem
    document = parse_addendum(alone, session=48, state_under_review="Slovenia")
    assert (document.session, len(document.positions)) == (48, 254)


def test_a_first_cycle_addendum_alone_reads_the_report_it_is_given(tmp_path):
    alone = Path(shutil.copy(ADDENDUM_07, tmp_path))
    with pytest.raises(ParseError):
        parse_addendum(alone, session=7, state_under_review="Slovenia")  # "111" is unknown
    document = parse_addendum(alone, report_path=DOCUMENTS / "session-07" / "A_HRC_14_15.pdf")
    assert (document.session, len(document.positions)) == (7, 97)


def test_a_text_file_is_not_an_addendum(tmp_path):
    path = tmp_path / "addendum.pdf"
    path.write_text("1. Slovenia accepts the recommendation.")
    with pytest.raises(ParseError, match="not a readable PDF"):
        parse_addendum(path, session=48, state_under_review="Slovenia")


COVER = [
    "Human Rights Council",
    "Report of the Working Group on the Universal Periodic Review*",
    "Testland",
    "Addendum",
    "United Nations A/HRC/59/99/Add.1",
    "General Assembly Distr.: General",
    "8 April 2025",
]


def test_ranges_duplicates_conflicts_and_totals(tmp_path):
    body = [
        "1. Testland received 8 recommendations, of which 6 are supported and 2 noted.",
        " I. Accepted recommendations",
        "2. The Government accepts the following recommendations: 140.1-140.3, 140.4; 140.5-6,",
        "140.6 and 140.7.",
        " II. Noted recommendations",
        "3. The Government takes note of recommendations 140.4, 140.8.",
        "140.8",
        "An explanation, which gives no positions: 140.1-140.8.",
    ]
    path = write_pdf(tmp_path / "addendum.pdf", [COVER, body])
    document = parse_addendum(path, session=48)
    assert document.state_under_review == "Testland"
    positions = by_paragraph(document)
    assert list(positions) == [f"140.{n}" for n in range(1, 9)]
    assert positions["140.4"].position == Position.unclear
    assert positions["140.8"].position == Position.noted
    assert positions["140.8"].source == "A/HRC/59/99/Add.1 - Para.3"
    assert document.warnings == [
        "140.6 listed twice (A/HRC/59/99/Add.1 - Para.2, A/HRC/59/99/Add.1 - Para.2)",
        "140.4 listed as supported (A/HRC/59/99/Add.1 - Para.2) and as noted "
        "(A/HRC/59/99/Add.1 - Para.3): read as unclear",
        "A/HRC/59/99/Add.1 - Para.1 states 2 noted, parsed 1",
    ]


def test_an_addendum_without_positions(tmp_path):
    body = ["1. This document contains the response of Testland.", "2. Nothing more."]
    path = write_pdf(tmp_path / "addendum.pdf", [COVER, body])
    with pytest.raises(ParseError) as error:
        parse_addendum(path, session=48, state_under_review="Testland")
    assert error.value.problem == "no positions on recommendations found"
