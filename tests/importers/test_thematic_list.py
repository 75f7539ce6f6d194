"""Tests for the OHCHR thematic-list parser, on the real Slovenian documents and synthetic DOCX."""

from __future__ import annotations

import time
from collections import Counter
from pathlib import Path

import docx
import pytest

from app.importers.records import ParseError, ThemeRef
from app.importers.thematic_list import (
    map_position,
    parse_thematic_list,
    split_recommending_states,
)
from app.vocab import DocumentKind, Position

DOCUMENTS = Path(__file__).resolve().parents[2] / "data" / "documents" / "SVN"
SESSION_20 = DOCUMENTS / "session-20" / "thematic-list-of-recommendations.docx"
SESSION_48 = DOCUMENTS / "session-48" / "thematic-list-of-recommendations.docx"


@pytest.fixture(scope="module")
def session_48():
    return parse_thematic_list(SESSION_48, session=48, state_under_review="Slovenia")


@pytest.fixture(scope="module")
def session_20():
    return parse_thematic_list(SESSION_20, session=20, state_under_review="Slovenia")


def by_paragraph(document):
    return {rec.paragraph: rec for rec in document.recommendations}


# --- session 48 (4th-cycle layout) ---------------------------------------------------------


def test_session_48_document(session_48):
    assert session_48.kind is DocumentKind.thematic_list
    assert session_48.symbol is None
    assert (session_48.session, session_48.state_under_review) == (48, "Slovenia")


def test_session_48_has_every_paragraph_once_in_order(session_48):
    paragraphs = [rec.paragraph for rec in session_48.recommendations]
    assert paragraphs == [f"140.{n}" for n in range(1, 255)]


def test_session_48_positions(session_48):
    counts = Counter(rec.position for rec in session_48.recommendations)
    assert counts == {Position.supported: 217, Position.noted: 37}
    assert all(rec.position_text is None for rec in session_48.recommendations)


def test_session_48_recommendation_140_7(session_48):
    rec = by_paragraph(session_48)["140.7"]
    assert rec.recommending_states == ["Maldives", "Portugal"]
    assert rec.text == (
        "Ratify the Optional Protocol to the International Covenant on Economic, Social and "
        "Cultural Rights"
    )
    assert rec.position is Position.supported
    assert rec.position_source == "A/HRC/59/15/Add.1 - Para.3"
    assert rec.sdgs == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert ThemeRef("Ratification of & accession to international instruments") in rec.themes
    assert rec.affected_groups == ["Public officials"]
    assert rec.location == "table 1 row 3"


def test_session_48_many_states_and_variant_names(session_48):
    recs = by_paragraph(session_48)
    assert recs["140.1"].recommending_states == [
        "Algeria", "Cabo Verde", "Paraguay", "South Sudan", "Sri Lanka", "Togo", "Uruguay",
        "Bolivarian Republic of Venezuela",
    ]  # fmt: skip
    assert recs["140.1"].text.endswith("Members of Their Families")


def test_session_48_every_record_is_complete(session_48):
    for rec in session_48.recommendations:
        assert rec.recommending_states, rec.paragraph
        assert rec.position_source and rec.position_source.startswith("A/HRC/59/15/Add.1")
        assert rec.themes and rec.affected_groups and rec.sdgs, rec.paragraph
        assert not rec.text.endswith((";", ".", ")")), rec.paragraph
        assert len(set(rec.sdgs)) == len(rec.sdgs)


def test_session_48_oddities_are_reported(session_48):
    assert any("140.113" in w and "Para.3vv" in w for w in session_48.warnings)


# --- session 20 (2nd-cycle layout) ---------------------------------------------------------


def test_session_20_counts(session_20):
    paragraphs = [rec.paragraph for rec in session_20.recommendations]
    assert paragraphs == [f"115.{n}" for n in range(1, 164)]
    counts = Counter(rec.position for rec in session_20.recommendations)
    assert counts == {Position.supported: 142, Position.noted: 21}


def test_session_20_comma_separated_states(session_20):
    recs = by_paragraph(session_20)
    assert recs["115.3"].recommending_states == ["Portugal", "Slovakia"]
    assert recs["115.16"].recommending_states == [
        "Belgium", "France", "Tunisia", "Sierra Leone", "Argentina",
    ]  # fmt: skip
    # "Venezuela (Bolivarian Republic of),Peru": a name with parentheses, no space after comma.
    assert recs["115.8"].recommending_states == [
        "Senegal", "Sierra Leone", "Venezuela (Bolivarian Republic of)", "Peru", "Uruguay",
    ]  # fmt: skip
    assert recs["115.8"].text == "Ratify ICRMW"


def test_session_20_text_parentheses_are_not_states(session_20):
    rec = by_paragraph(session_20)["115.6"]
    assert rec.recommending_states == ["Iran (Islamic Republic of)"]
    assert rec.text.endswith("Members of Their Families (ICRMW)")


def test_session_20_themes_carry_codes_and_groups(session_20):
    recs = by_paragraph(session_20)
    assert recs["115.1"].themes == [ThemeRef("Acceptance of international norms", "A12")]
    assert recs["115.2"].themes == [
        ThemeRef("Acceptance of international norms", "A12"),
        ThemeRef("Racial discrimination", "B32"),
        ThemeRef("Members of minorities", "G1"),
    ]
    assert recs["115.3"].affected_groups == ["children"]
    assert recs["115.133"].affected_groups == ["general", "women"]
    assert recs["115.163"].text == (
        "Establish conventions that will guarantee the non-violation of migrants\u2019 rights"
    )
    assert recs["115.1"].position_source == "A/HRC/28/15/Add.1 - Para. 3"
    assert all(rec.sdgs == [] for rec in session_20.recommendations)


def test_session_20_empty_section_is_reported(session_20):
    assert by_paragraph(session_20)["115.34"].affected_groups == []
    assert any("115.34" in w and "empty" in w for w in session_20.warnings)


def test_parse_time_is_small():
    for path, session in ((SESSION_20, 20), (SESSION_48, 48)):
        started = time.perf_counter()
        parse_thematic_list(path, session=session, state_under_review="Slovenia")
        assert time.perf_counter() - started < 2.0


# --- helpers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "states"),
    [
        ("Do X (Maldives) (Portugal);", "Do X", ["Maldives", "Portugal"]),
        ("Do X (Portugal, Slovakia).", "Do X", ["Portugal", "Slovakia"]),
        ("Do X (Spain); ", "Do X", ["Spain"]),
        ("Ratify ILO Convention (No. 189) (Philippines);", "Ratify ILO Convention (No. 189)",
         ["Philippines"]),
        ("Ratify ICRMW (CMW) (Bolivia (Plurinational State of));", "Ratify ICRMW (CMW)",
         ["Bolivia (Plurinational State of)"]),
        ("Do X (Micronesia (Federated States of)) (Netherlands (Kingdom of the));", "Do X",
         ["Micronesia (Federated States of)", "Netherlands (Kingdom of the)"]),
        ("Do X (Iran) (Islamic Republic of);", "Do X", ["Iran (Islamic Republic of)"]),
        ("Do X (Côte d\u2019Ivoire; Timor-Leste)", "Do X", ["Côte d\u2019Ivoire", "Timor-Leste"]),
        ("Apply the Paris Principles (Paris Principles) (France);",
         "Apply the Paris Principles (Paris Principles)", ["France"]),
        ("Protect persons (LGBTI) (the former Yugoslav Republic of Macedonia);",
         "Protect persons (LGBTI)", ["the former Yugoslav Republic of Macedonia"]),
        ("Do X without any state;", "Do X without any state", []),
        ("Do X (unbalanced;", "Do X (unbalanced", []),
    ],
)  # fmt: skip
def test_split_recommending_states(sentence, text, states):
    assert split_recommending_states(sentence) == (text, states)


@pytest.mark.parametrize(
    ("wording", "position"),
    [
        ("Supported", Position.supported),
        (" noted ", Position.noted),
        ("Supported/Noted", Position.supported_in_part),
        ("Supported / Noted", Position.supported_in_part),
        ("Partially supported", Position.supported_in_part),
        ("Accepted", Position.unclear),
        ("Supported in principle", Position.unclear),
        ("", Position.unclear),
    ],
)
def test_map_position(wording, position):
    assert map_position(wording) is position


# --- failure modes and synthetic layouts ---------------------------------------------------


def write_docx(path: Path, rows: list[list[str | list[str]]], merged: set[int] = frozenset()):
    """A DOCX with one table; a cell given as a list gets one paragraph per item."""
    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        if r in merged:
            cell = table.rows[r].cells[0].merge(table.rows[r].cells[-1])
            cell.text = values[0]
            continue
        for cell, value in zip(table.rows[r].cells, values, strict=True):
            lines = value if isinstance(value, list) else [value]
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    document.save(str(path))
    return path


def test_not_a_docx(tmp_path):
    path = tmp_path / "list.docx"
    path.write_text("this is not a Word document\n")
    with pytest.raises(ParseError) as caught:
        parse_thematic_list(path, session=48, state_under_review="Slovenia")
    assert caught.value.file == str(path)
    assert "not a readable DOCX" in caught.value.problem


def test_corrupt_zip_and_missing_file(tmp_path):
    corrupt = tmp_path / "corrupt.docx"
    corrupt.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    for path in (corrupt, tmp_path / "missing.docx"):
        with pytest.raises(ParseError, match="not a readable DOCX"):
            parse_thematic_list(path, session=48, state_under_review="Slovenia")


def test_no_table(tmp_path):
    document = docx.Document()
    document.add_paragraph("Thematic list of recommendations")
    document.save(str(tmp_path / "plain.docx"))
    with pytest.raises(ParseError, match="no table"):
        parse_thematic_list(tmp_path / "plain.docx", session=48, state_under_review="Slovenia")


def test_unknown_headers(tmp_path):
    path = write_docx(
        tmp_path / "unknown.docx",
        [["Text", "Answer", "Topics"], ["140.1 Do X (France);", "Supported", "- Health"]],
    )
    with pytest.raises(ParseError) as caught:
        parse_thematic_list(path, session=48, state_under_review="Slovenia")
    assert caught.value.where == "table 1 row 1"
    assert "no recommendation column and position column" in caught.value.problem
    assert "'Text'" in caught.value.problem


def test_header_without_position_column(tmp_path):
    path = write_docx(tmp_path / "nopos.docx", [["Recommendation", "Themes"], ["x", "y"]])
    with pytest.raises(ParseError, match="position column"):
        parse_thematic_list(path, session=48, state_under_review="Slovenia")


def test_table_without_recommendations(tmp_path):
    path = write_docx(tmp_path / "empty.docx", [["Recommendation", "Position"]])
    with pytest.raises(ParseError, match="no recommendation rows"):
        parse_thematic_list(path, session=48, state_under_review="Slovenia")


HEADER_3RD = ["Recommendation", "Position", "Full list of themes"]


def third_cycle_rows():
    themes = [
        "A41 Constitutional and legislative framework",
        "B31 Equality & non-discrimination",
        "Affected persons:",
        "- women",
        "- children",
        "SDGs:",
        "- 5.1 - End all forms of discrimination against all women and girls everywhere",
        "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",
        "- 5.1 - End all forms of discrimination against all women and girls everywhere",
    ]
    source = "Source of position: A/HRC/43/15/Add.1 - Para. 2"
    return [
        HEADER_3RD,
        ["Theme: A41 Constitutional and legislative framework", "", ""],
        [["134.10 Adopt a law (Bolivia (Plurinational State of), Chile);", source],
         "Supported/Noted", themes],
        [["134.2 Amend the code (Netherlands (Kingdom of the));", source], "Supported", themes],
        HEADER_3RD,  # header repeated on a new page
        ["Theme: B31 Equality & non-discrimination", "", ""],
        [["134.2 Amend the code (Netherlands (Kingdom of the));", source], "Supported",
         ["B31 Equality & non-discrimination", "Affected persons:", "- minorities"]],
        [["134.1 Consider the ILO Convention (No. 189) (Philippines).", source],
         "Accepted in principle", ["A12 Acceptance of international norms"]],
        ["Note: positions as of June 2020", "", ""],
    ]  # fmt: skip


def test_third_cycle_layout(tmp_path):
    path = write_docx(tmp_path / "third.docx", third_cycle_rows(), merged={1, 5, 8})
    parsed = parse_thematic_list(path, session=33, state_under_review="Slovenia")
    assert [rec.paragraph for rec in parsed.recommendations] == ["134.1", "134.2", "134.10"]
    first, second, tenth = parsed.recommendations

    assert tenth.recommending_states == ["Bolivia (Plurinational State of)", "Chile"]
    assert tenth.position is Position.supported_in_part
    assert tenth.position_source == "A/HRC/43/15/Add.1 - Para. 2"
    assert tenth.sdgs == ["5.1", "16"]
    assert tenth.affected_groups == ["women", "children"]
    assert tenth.themes == [
        ThemeRef("Constitutional and legislative framework", "A41"),
        ThemeRef("Equality & non-discrimination", "B31"),
    ]
    assert tenth.location == "table 1 row 3"

    # 134.2 is listed under two theme groups: one record, themes and groups merged.
    assert second.recommending_states == ["Netherlands (Kingdom of the)"]
    assert second.affected_groups == ["women", "children", "minorities"]
    assert second.location == "table 1 row 4"
    assert any("134.2" in w and "merged" in w for w in parsed.warnings)

    assert first.text == "Consider the ILO Convention (No. 189)"
    assert first.recommending_states == ["Philippines"]
    assert first.position is Position.unclear
    assert first.position_text == "Accepted in principle"

    assert any("row 9" in w and "Note: positions" in w for w in parsed.warnings)
    assert not any("'Recommendation" in w for w in parsed.warnings)  # repeated header skipped
    assert any("missing items" in w for w in parsed.warnings)
