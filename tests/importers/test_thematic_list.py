"""Tests for the OHCHR thematic-list parser, on real documents (Slovenia, Egypt, China) and
synthetic DOCX, and for importing a list with `upr import thematic-list`."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import docx
import pytest

from app.importers.parsing.thematic_list import (
    column_states,
    map_position,
    parse_thematic_list,
    split_recommending_states,
)
from app.importers.records import ParseError, ThemeRef
from app.vocab import DocumentKind, Position
from tests.test_cli import loaded, upr

ROOT = Path(__file__).resolve().parents[2]
SHARED_DOCUMENTS = ROOT.parent / "shared" / "data" / "upr-documents"


def thematic_list(iso3: str, session: int) -> Path:
    """The official thematic list of a review: bundled in data/documents if it is there, else
    from the shared folder of official documents (skipped if neither has it)."""
    relative = Path(iso3) / f"session-{session:02d}" / "thematic-list-of-recommendations.docx"
    for folder in (ROOT / "data" / "documents", SHARED_DOCUMENTS):
        if (folder / relative).is_file():
            return folder / relative
    pytest.skip(f"{relative} is neither in data/documents nor in {SHARED_DOCUMENTS}")


BUNDLED = ROOT / "data" / "documents" / "SVN"
SESSION_20 = BUNDLED / "session-20" / "thematic-list-of-recommendations.docx"
SESSION_48 = BUNDLED / "session-48" / "thematic-list-of-recommendations.docx"


@pytest.fixture(scope="module")
def session_48():
    return parse_thematic_list(SESSION_48)


@pytest.fixture(scope="module")
def session_20():
    return parse_thematic_list(SESSION_20)


@pytest.fixture(scope="module")
def egypt():
    return parse_thematic_list(thematic_list("EGY", 20))


@pytest.fixture(scope="module")
def china():
    return parse_thematic_list(thematic_list("CHN", 17))


def by_paragraph(document):
    return {rec.paragraph: rec for rec in document.recommendations}


# --- session 48 (4th-cycle layout) ---------------------------------------------------------


def test_session_48_document(session_48):
    assert session_48.kind is DocumentKind.thematic_list
    assert session_48.symbol is None
    # "UPR of Slovenia (4th Cycle - 48th Session)" in the page header
    assert (session_48.session, session_48.state_under_review) == (48, "Slovenia")


def test_given_review_that_agrees_changes_nothing(session_48):
    given = parse_thematic_list(SESSION_48, session=48, state_under_review="slovenia")
    assert given.warnings == session_48.warnings
    assert given.recommendations == session_48.recommendations
    assert given.state_under_review == "slovenia"


def test_given_review_that_disagrees_is_used_with_a_warning():
    parsed = parse_thematic_list(SESSION_48, session=47, state_under_review="Croatia")
    assert (parsed.session, parsed.state_under_review) == (47, "Croatia")
    assert "session 47 given, the page header says 48; 47 is used" in parsed.warnings
    assert (
        "state under review Croatia given, the page header says Slovenia; Croatia is used"
        in parsed.warnings
    )


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


def test_session_20_document(session_20):
    # "UPR of Slovenia (2nd Cycle – 20th session)"; its sources are of HRC 28, session 20 too
    assert (session_20.session, session_20.state_under_review) == (20, "Slovenia")
    assert not any("session" in w and "point to" in w for w in session_20.warnings)


# --- Egypt, session 20 (separate states column, "Right or area:" rows) --------------------


def test_egypt_review_from_header_and_position_sources(egypt):
    # "UPR of Egypt - Second Cycle" names no session: "A/HRC/28/16/Add.1" is HRC 28, session 20.
    assert (egypt.session, egypt.state_under_review) == (20, "Egypt")


def test_egypt_counts(egypt):
    assert len(egypt.recommendations) == 300
    counts = Counter(rec.position for rec in egypt.recommendations)
    assert counts == {
        Position.supported: 224,
        Position.noted: 53,
        Position.supported_in_part: 23,  # "Supported/Noted"
    }


def test_egypt_every_record_has_states_and_themes(egypt):
    for rec in egypt.recommendations:
        assert rec.recommending_states, rec.paragraph
        assert rec.themes and all(theme.code is None for theme in rec.themes), rec.paragraph
        assert rec.affected_groups, rec.paragraph
        assert not rec.text.endswith((";", ".", f"({rec.recommending_states[-1]})")), rec.paragraph
    assert not any("not recognised" in w for w in egypt.warnings)
    assert not any("unusual position source" in w for w in egypt.warnings)


def test_egypt_recommendations(egypt):
    recs = by_paragraph(egypt)
    ratify = recs["166.6"]
    assert ratify.text == "Ratify the Rome Statute of the ICC"
    assert ratify.recommending_states == ["Chile", "Estonia", "Slovenia", "Tunisia", "Uruguay"]
    assert ratify.position is Position.noted
    assert ratify.position_source == "A/HRC/28/16/Add.1"
    # "Right or area: 2.1. Acceptance of international norms": the list's own outline number
    assert ratify.themes == [ThemeRef("Acceptance of international norms")]
    assert ratify.affected_groups == ["general"]
    assert recs["166.1"].themes == [
        ThemeRef("Acceptance of international norms"),
        ThemeRef("Death penalty"),
    ]
    assert ThemeRef("Discrimination against women") in recs["166.17"].themes
    assert recs["166.14"].position is Position.supported_in_part


def test_egypt_states_column_is_kept_over_the_sentence(egypt):
    recs = by_paragraph(egypt)
    # A cluster of five recommendations: the sentence ends with "(Hungary)" only.
    assert recs["166.104"].recommending_states == ["Turkey", "Togo", "France", "Germany", "Hungary"]
    assert recs["166.104"].text.startswith("Impose an immediate moratorium on all death sentences")
    assert not any("recommending states" in w for w in egypt.warnings)  # the column agrees


def test_egypt_comments_section_is_not_text(egypt):
    rec = by_paragraph(egypt)["166.16"]  # "Comments: Information sent in a post Add.1 letter"
    assert rec.text == "Consider the withdrawal of reservations to CEDAW Convention"
    assert rec.recommending_states == ["Latvia"] and rec.position_source is None
    assert "1 rows have assessment comments, which are not kept" in egypt.warnings


# --- China, session 17 --------------------------------------------------------------------


def test_china_review_and_counts(china):
    # "UPR of China (2nd Cycle – 17th session)"; sources "A/HRC/25/5/Add.1 - Para. 186.28."
    assert (china.session, china.state_under_review) == (17, "China")
    assert len(china.recommendations) == 252
    counts = Counter(rec.position for rec in china.recommendations)
    assert counts == {Position.supported: 204, Position.noted: 48}
    assert all(rec.themes for rec in china.recommendations)
    assert not any("unusual position source" in w for w in china.warnings)
    assert not any("point to session" in w for w in china.warnings)


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


def write_docx(
    path: Path,
    rows: list[list[str | list[str]]],
    merged: set[int] = frozenset(),
    *,
    page_header: str | None = None,
    paragraphs: tuple[str, ...] = (),
):
    """A DOCX with one table; a cell given as a list gets one paragraph per item. The page
    header and paragraphs before the table are empty unless given."""
    document = docx.Document()
    if page_header is not None:
        document.sections[0].header.paragraphs[0].text = page_header
    for text in paragraphs:
        document.add_paragraph(text)
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


def test_truncated_docx(tmp_path):
    content = SESSION_48.read_bytes()
    path = tmp_path / "truncated.docx"
    path.write_bytes(content[: len(content) // 2])
    with pytest.raises(ParseError) as caught:
        parse_thematic_list(path)
    assert caught.value.file == str(path)
    assert str(path) in str(caught.value) and "not a readable DOCX" in caught.value.problem


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


# --- the review a list names, and other layouts -------------------------------------------

ONE_ROW = [["Recommendation", "Position"], ["140.1 Ratify the Convention (France);", "Supported"]]


def test_a_list_naming_no_review_needs_session_and_state(tmp_path):
    path = write_docx(tmp_path / "anonymous.docx", ONE_ROW)
    with pytest.raises(ParseError) as caught:
        parse_thematic_list(path)
    assert caught.value.file == str(path)
    assert caught.value.problem == (
        "the document does not name its session or its state under review; "
        "pass --session and --state"
    )
    with pytest.raises(ParseError, match=r"does not name its state under review; pass --state$"):
        parse_thematic_list(path, session=48)
    parsed = parse_thematic_list(path, session=48, state_under_review="Slovenia")
    assert (parsed.session, parsed.state_under_review) == (48, "Slovenia")


def test_session_from_a_source_of_a_council_session_of_no_known_session(tmp_path):
    rows = [ONE_ROW[0], [["140.1 Do X (France);", "Source of position: A/HRC/43/9/Add.1"], "Noted"]]
    path = write_docx(tmp_path / "hrc43.docx", rows, page_header="UPR of Slovenia - Third Cycle")
    with pytest.raises(ParseError, match=r"pass --session \(its position sources are .* HRC 43"):
        parse_thematic_list(path)


def test_review_from_the_page_header(tmp_path):
    header = "UPR of Iran (Islamic Republic of) (3rd Cycle - 34th Session)\tThematic list\tPage 1"
    path = write_docx(tmp_path / "iran.docx", ONE_ROW, page_header=header)
    parsed = parse_thematic_list(path)
    assert (parsed.session, parsed.state_under_review) == (34, "Iran (Islamic Republic of)")


def test_review_from_the_first_paragraphs(tmp_path):
    path = write_docx(
        tmp_path / "body.docx",
        ONE_ROW,
        paragraphs=("Thematic list of recommendations", "Universal Periodic Review of Kazakhstan"),
        page_header="Session 34",
    )
    parsed = parse_thematic_list(path)
    assert (parsed.session, parsed.state_under_review) == (34, "Kazakhstan")


def test_header_session_and_sources_that_disagree_are_reported(tmp_path):
    rows = [ONE_ROW[0], [["140.1 Do X (France);", "Source of position: A/HRC/28/9/Add.1"], "Noted"]]
    path = write_docx(tmp_path / "mixed.docx", rows, page_header="UPR of Egypt (17th session)")
    parsed = parse_thematic_list(path)
    assert parsed.session == 17
    assert (
        "the page header names session 17, the position sources (HRC 28) point to session 20"
        in parsed.warnings
    )


def test_columns_found_by_meaning(tmp_path):
    rows = [
        ["Notes", "Response of the State", "Recommendations", "Recommending State(s)",
         "Issues and rights", "Persons affected"],
        ["Issue: 5.1. Constitutional & legislative framework"] * 6,
        ["", "Supported", "12.1. Adopt a law (Chile); (Estonia);", ["(Chile);", "(Estonia);"],
         "5.1. Constitutional & legislative framework", ["- women", "- girls"]],
        ["", "Noted", "12.2 Amend the code (Spain);", "Portugal, Iran (Islamic Republic of)",
         ["A41 Constitutional and legislative framework", "Affected persons:", "- minorities"],
         ""],
        ["", "Supported", "12.3 Do Y;", "", "", ""],
    ]  # fmt: skip
    path = write_docx(tmp_path / "other.docx", rows, merged={1})
    parsed = parse_thematic_list(path, session=34, state_under_review="Kazakhstan")
    first, second, third = parsed.recommendations
    assert (first.text, first.recommending_states) == ("Adopt a law", ["Chile", "Estonia"])
    assert first.position is Position.supported
    assert first.themes == [ThemeRef("Constitutional & legislative framework")]
    assert first.affected_groups == ["women", "girls"]
    assert second.recommending_states == ["Portugal", "Iran (Islamic Republic of)"]
    assert second.themes == [
        ThemeRef("Constitutional and legislative framework", "A41"),
        ThemeRef("Constitutional & legislative framework"),
    ]
    assert second.affected_groups == ["minorities"]
    assert (third.text, third.recommending_states) == ("Do Y", [])
    assert "table 1: column 'Notes' not recognised" in parsed.warnings
    assert (
        "table 1 row 4: 12.2 recommending states: the sentence names ['Spain'], the states "
        "column ['Portugal', 'Iran (Islamic Republic of)']; the column's are kept"
    ) in parsed.warnings
    assert "table 1 row 5: 12.3 names no recommending state" in parsed.warnings


@pytest.mark.parametrize(
    ("lines", "names"),
    [
        (["Chile", "Estonia"], ["Chile", "Estonia"]),
        (["(Chile); (Estonia);"], ["Chile", "Estonia"]),
        (["(Portugal, Slovakia)", "Iran (Islamic Republic of)"],
         ["Portugal", "Slovakia", "Iran (Islamic Republic of)"]),
        (["Bolivia (Plurinational State of);Peru."], ["Bolivia (Plurinational State of)", "Peru"]),
        ([], []),
    ],
)  # fmt: skip
def test_column_states(lines, names):
    assert column_states(lines) == names


# --- `upr import thematic-list` -----------------------------------------------------------


def test_cli_imports_each_list_with_no_options_or_an_iso3_code(scratch_database_url):
    url = scratch_database_url
    imported = upr(url, "import", "thematic-list", SESSION_48, "--state", "SVN")
    assert imported.returncode == 0, imported.stderr
    assert "254 added" in imported.stdout
    for path, added in (
        (SESSION_20, 163),
        (thematic_list("EGY", 20), 300),
        (thematic_list("CHN", 17), 252),
    ):
        result = upr(url, "import", "thematic-list", path)
        assert result.returncode == 0, (path, result.stderr)
        assert f"{added} added" in result.stdout, result.stdout
    assert loaded(url) == 254 + 163 + 300 + 252
    unknown = upr(url, "import", "thematic-list", SESSION_48, "--state", "XYZ", "--dry-run")
    assert unknown.returncode == 1 and "unknown state name 'XYZ'" in unknown.stderr


def test_several_states_joined_in_one_paragraph_each_count(china):
    """China's 186.1 joins what eight states recommended, each part ending with its state."""
    first = by_paragraph(china)["186.1"]
    assert first.recommending_states == [
        "Albania", "Chile", "Belgium", "Hungary", "Japan", "Maldives", "Spain", "France",
    ]  # fmt: skip
    assert first.text.startswith("Ratify ICCPR (Albania); Ratify ICCPR and CPED (Chile);")
