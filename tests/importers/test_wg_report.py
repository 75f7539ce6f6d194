"""Tests for the PDF text cleaning and the Working Group report parser, on the real documents."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfWriter
from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

from app.importers.parsing.pdf_text import (
    Page,
    build_vocabulary,
    join_line_breaks,
    read_pdf,
    repair_split_words,
)
from app.importers.parsing.wg_report import (
    ordinal_number,
    parse_working_group_report,
    split_recommending_states,
)
from app.importers.records import ParseError
from app.vocab import DocumentKind, ImplementationClaim, Position

DOCUMENTS = Path(__file__).resolve().parents[2] / "data" / "documents" / "SVN"
REPORT_48 = DOCUMENTS / "session-48" / "A_HRC_59_15.pdf"
REPORT_20 = DOCUMENTS / "session-20" / "A_HRC_28_15.pdf"
REPORT_07 = DOCUMENTS / "session-07" / "A_HRC_14_15.pdf"


def write_pdf(path: Path, pages: list[list[str]]) -> Path:
    """Write a small PDF whose pages hold the given lines of (Latin-1) text."""
    writer = PdfWriter()
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    for lines in pages:
        page = writer.add_blank_page(612, 792)
        escaped = [
            line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines
        ]
        operations = ["BT", "/F1 9 Tf", "11 TL", "40 760 Td"]
        operations += [f"({line}) Tj T*" for line in escaped] + ["ET"]
        stream = DecodedStreamObject()
        stream.set_data("\n".join(operations).encode("latin-1"))
        page.replace_contents(stream)
        fonts = DictionaryObject({NameObject("/F1"): font})
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/Font"): fonts})
    writer.write(path)
    return path


COVER = [
    "GE.25-99999 (E)",
    "Human Rights Council",
    "Fifty-ninth session",
    "Report of the Working Group on the Universal Periodic Review*",
    "Testland",
    "United Nations A/HRC/59/99",
    "General Assembly Distr.: General",
    "24 March 2025",
]
INTRODUCTION = [
    "A/HRC/59/99",
    "2 GE.25-99999",
    "1. The Working Group on the Universal Periodic Review held its forty-eighth session",
    "from 20 to 31 January 2025. The review of Testland was held at the 5th meeting, on",
    "22 January 2025. The delegation of Testland was headed by Minister A. B. Example.",
    "At its 10th meeting, held on 24 January 2025, the Working Group adopted the report.",
    "2. The Human Rights Council selected the following group of rapporteurs (troika) to",
    "facilitate the review of Testland: Bosnia and Herzegovina, Chile and Trinidad and Tobago.",
]


# --- text cleaning ---------------------------------------------------------------------------


def test_repair_joins_a_word_split_by_a_stray_space():
    vocabulary = build_vocabulary(["The recommendations formulated during the dialogue"])
    assert repair_split_words("recommendations form ulated during", vocabulary) == (
        "recommendations formulated during"
    )


def test_repair_joins_a_word_split_the_same_way_twice():
    lines = ["of Great Britain, Arge ntina, the Czech Republic", "(Spain, Arge ntina)", "Argentina"]
    vocabulary = build_vocabulary(lines)
    assert repair_split_words("(Spain, Arge ntina)", vocabulary) == "(Spain, Argentina)"


def test_repair_does_not_join_two_real_words():
    lines = [
        "the delegation went in to the room and walked into it",
        "access to health care and healthcare workers",
        "health services and care homes",
    ]
    vocabulary = build_vocabulary(lines)
    assert repair_split_words("went in to the room", vocabulary) == "went in to the room"
    assert repair_split_words("to health care and", vocabulary) == "to health care and"


def test_repair_needs_the_joined_word_in_the_document():
    vocabulary = build_vocabulary(["violence pers isted in schools"])
    assert repair_split_words("violence pers isted", vocabulary) == "violence pers isted"


def test_repair_keeps_words_that_the_reference_extraction_shows_apart():
    lines = ["established a broad framework", "those now living abroad"]
    vocabulary = build_vocabulary(lines, reference=["established a broad framework"])
    assert repair_split_words("established a broad framework", vocabulary) == (
        "established a broad framework"
    )


def test_hyphen_and_dash_line_breaks_are_joined_across_pages():
    pages = [
        Page(1, ["measures were carefully re-", "examined by the Government", "for 2010\u2013"]),
        Page(2, ["2015. It also noted", "gender- based and two- to three-year plans"]),
    ]
    join_line_breaks(pages)
    assert pages[0].lines == [
        "measures were carefully re-examined",
        "by the Government",
        "for 2010\u20132015.",
    ]
    assert pages[1].lines == ["It also noted", "gender-based and two- to three-year plans"]


def test_headers_footers_and_footnotes_leave_the_text():
    pages = read_pdf(REPORT_48)
    lines = [line for page in pages for line in page.lines]
    assert not any(line in ("A/HRC/59/15", "3") or "GE.25-02819" in line for line in lines)
    assert "3 A/HRC/WG.6/48/SVN/3." in pages[1].footnotes
    assert "paragraph 15 (a);" in pages[1].lines  # footnote marker 1 removed
    assert pages[1].lines[0] == "Introduction"


def test_stray_spaces_of_the_first_cycle_report_are_repaired():
    text = " ".join(read_pdf(REPORT_07)[13].lines)
    assert "The recommendations formulated during the interactive dialogue" in text


def test_ordinal_numbers():
    assert [ordinal_number(w) for w in ("seventh", "Twentieth", "forty-eighth", "Fifty-ninth")] == [
        7,
        20,
        48,
        59,
    ]
    assert ordinal_number("session") is None


# --- recommending states ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "states"),
    [
        ("Ratify the OP (Maldives) (Portugal);", "Ratify the OP", ["Maldives", "Portugal"]),
        ("Ratify the OP (Portugal, Slovakia);", "Ratify the OP", ["Portugal", "Slovakia"]),
        (
            "Ratify the Domestic Workers Convention, 2011 (No. 189) (Bolivia (Plurinational "
            "State of)) (Micronesia (Federated States of));",
            "Ratify the Domestic Workers Convention, 2011 (No. 189)",
            ["Bolivia (Plurinational State of)", "Micronesia (Federated States of)"],
        ),
        (
            "Ratify ICRMW (ICRMW) (Netherlands (Kingdom of the), Iran (Islamic Republic of)).",
            "Ratify ICRMW (ICRMW)",
            ["Netherlands (Kingdom of the)", "Iran (Islamic Republic of)"],
        ),
        (
            "Respect the Convention (European Convention on Human Rights) "
            "(C\u00f4te d\u2019Ivoire)",
            "Respect the Convention (European Convention on Human Rights)",
            ["C\u00f4te d\u2019Ivoire"],
        ),
        (
            "Improve (the former Yugoslav Republic of Macedonia);",
            "Improve",
            ["the former Yugoslav Republic of Macedonia"],
        ),
    ],
)
def test_trailing_state_groups_are_read_from_the_end(sentence, text, states):
    assert split_recommending_states(sentence)[0] == text
    assert split_recommending_states(sentence)[2] == states


def test_inline_states_count_only_when_placed_or_known_as_states():
    sentence = "To ratify the ILO (Social Security) Convention (Spain)/join (Chile) it (Peru);"
    text, inline, trailing = split_recommending_states(sentence, {"chile": "Chile"})
    assert text == "To ratify the ILO (Social Security) Convention (Spain)/join (Chile) it"
    assert (inline, trailing) == (["Spain", "Chile"], ["Peru"])
    assert split_recommending_states(sentence)[1] == ["Spain"]  # (Chile) unknown, not placed


# --- the real reports ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def report_48():
    return parse_working_group_report(REPORT_48)


@pytest.fixture(scope="module")
def report_20():
    return parse_working_group_report(REPORT_20)


@pytest.fixture(scope="module")
def report_07():
    return parse_working_group_report(REPORT_07)


def by_paragraph(document):
    return {r.paragraph: r for r in document.recommendations}


def test_session_48_review_metadata(report_48):
    assert report_48.kind == DocumentKind.working_group_report
    assert (report_48.symbol, report_48.session, report_48.state_under_review) == (
        "A/HRC/59/15",
        48,
        "Slovenia",
    )
    assert report_48.date == dt.date(2025, 3, 24)
    meta = report_48.metadata
    assert (meta.session_start, meta.session_end) == (dt.date(2025, 1, 20), dt.date(2025, 1, 31))
    assert (meta.review_date, meta.meeting_number) == (dt.date(2025, 1, 28), 13)
    assert meta.report_adopted_on == dt.date(2025, 1, 31)
    assert meta.troika == ["Dominican Republic", "South Africa", "Thailand"]
    assert meta.head_of_delegation == (
        "Tanja Fajon, Deputy Prime Minister and Minister of Foreign and European Affairs"
    )
    assert meta.hrc_session == 59
    assert [(d.symbol, d.kind) for d in report_48.cited_documents] == [
        ("A/HRC/WG.6/48/SVN/1", DocumentKind.national_report),
        ("A/HRC/WG.6/48/SVN/2", DocumentKind.un_compilation),
        ("A/HRC/WG.6/48/SVN/3", DocumentKind.stakeholders_summary),
    ]
    assert report_48.warnings == []


def test_session_48_recommendations(report_48):
    ids = [r.paragraph for r in report_48.recommendations]
    assert ids == [f"140.{n}" for n in range(1, 255)]
    recs = by_paragraph(report_48)
    assert recs["140.7"].recommending_states == ["Maldives", "Portugal"]
    assert recs["140.7"].text == (
        "Ratify the Optional Protocol to the International Covenant on Economic, Social and "
        "Cultural Rights"
    )
    assert recs["140.1"].recommending_states == [
        "Algeria",
        "Cabo Verde",
        "Paraguay",
        "South Sudan",
        "Sri Lanka",
        "Togo",
        "Uruguay",
        "Bolivarian Republic of Venezuela",
    ]
    assert recs["140.167"].recommending_states == ["Venezuela (Bolivarian Republic of)"]
    assert recs["140.94"].recommending_states == ["Islamic Republic of Iran"]
    assert recs["140.67"].recommending_states == ["Kingdom of the Netherlands"]
    assert recs["140.36"].recommending_states == ["State of Palestine"]
    # 140.145 runs from page 18 to page 19, over the running header and footer
    assert recs["140.145"].location == "page 18"
    assert recs["140.145"].recommending_states == ["Timor-Leste"]
    assert recs["140.145"].text.endswith(
        "ensuring the enjoyment of the right to a clean, healthy and sustainable environment"
    )
    assert recs["140.254"].text == (
        "Strengthen measures to reduce statelessness and ensure the protection of stateless persons"
    )
    assert recs["140.254"].recommending_states == ["Iraq"]


def test_texts_carry_no_page_debris(report_48, report_20, report_07):
    for document in (report_48, report_20, report_07):
        for rec in document.recommendations:
            assert not re.search(r"GE\.\d|A/HRC/|\s{2}|\n|[;.]$", rec.text), rec.paragraph
            assert rec.recommending_states, rec.paragraph


def test_session_20_report(report_20):
    assert (report_20.symbol, report_20.session, report_20.state_under_review) == (
        "A/HRC/28/15",
        20,
        "Slovenia",
    )
    meta = report_20.metadata
    assert (meta.review_date, meta.meeting_number) == (dt.date(2014, 11, 4), 13)
    assert meta.troika == ["Botswana", "Italy", "Viet Nam"]
    assert meta.head_of_delegation == "Goran Klemen\u010di\u010d, Minister of Justice"
    assert meta.hrc_session == 28
    assert [r.paragraph for r in report_20.recommendations] == [f"115.{n}" for n in range(1, 164)]
    recs = by_paragraph(report_20)
    assert recs["115.3"].recommending_states == ["Portugal", "Slovakia"]
    assert recs["115.3"].text == (
        "Ratify the Optional Protocol to the Rights of the Child on a communications procedure"
    )
    assert recs["115.6"].recommending_states == ["Iran (Islamic Republic of)"]
    assert recs["115.6"].text.endswith("Members of Their Families (ICRMW)")
    assert recs["115.8"].recommending_states == [
        "Senegal",
        "Sierra Leone",
        "Venezuela (Bolivarian Republic of)",
        "Peru",
        "Uruguay",
    ]
    # three recommendations merged into one paragraph, each with its state
    assert recs["115.38"].recommending_states == ["Egypt", "Peru", "Azerbaijan"]
    assert "Paris Principles (Egypt); continue" in recs["115.38"].text
    assert recs["115.38"].text.endswith("into compliance with the Paris Principles")
    assert recs["115.106"].recommending_states == ["Netherlands", "Bahrain"]
    assert "115.106: state written 'netherlands', read as 'Netherlands'" in report_20.warnings
    assert "Inter-Ministerial Working Group" in recs["115.127"].text
    assert recs["115.12"].text.endswith("that it is currently under examination")
    assert recs["115.72"].recommending_states == ["the former Yugoslav Republic of Macedonia"]


def test_session_07_report(report_07):
    assert (report_07.symbol, report_07.session, report_07.state_under_review) == (
        "A/HRC/14/15",
        7,
        "Slovenia",
    )
    meta = report_07.metadata
    assert (meta.review_date, meta.meeting_number) == (dt.date(2010, 2, 16), 14)
    assert meta.troika == ["Egypt", "Brazil", "United States of America"]
    assert meta.head_of_delegation == "Samuel \u017dbogar, Minister for Foreign Affairs"
    assert meta.hrc_session == 14
    assert [r.paragraph for r in report_07.recommendations] == [f"111.{n}" for n in range(1, 98)]
    recs = by_paragraph(report_07)
    first = recs["111.1"]
    assert first.recommending_states == ["Algeria", "Egypt", "Bosnia and Herzegovina", "Argentina"]
    assert first.text == (
        "To examine the possibility of joining (Algeria)/sign and ratify (Egypt)/ratify "
        "(Bosnia and Herzegovina)/consider the ratification (Argentina) of the Convention on "
        "Migrant Workers and Members of Their Families"
    )
    assert recs["111.2"].recommending_states == ["Spain", "Argentina"]
    assert recs["111.3"].recommending_states == ["Argentina"]
    assert recs["111.3"].text.endswith(
        "Equality of Treatment (Social Security) Convention, 1962 (No. 118) and the ILO "
        "Prevention of Major Industrial Accidents Convention, 1993 (No. 174)"
    )
    assert recs["111.14"].recommending_states == [
        "United Kingdom of Great Britain and Northern Ireland"
    ]
    assert recs["111.35"].recommending_states == ["Azerbaijan", "Italy", "Colombia"]
    broken = ("form ulated", "Arge ntina", "po ssibility", "T reatment", "impl ement", " a nd ")
    assert not any(b in r.text for r in report_07.recommendations for b in broken)
    assert report_07.warnings == []


# --- failures --------------------------------------------------------------------------------


def test_a_text_file_is_not_a_pdf(tmp_path):
    path = tmp_path / "report.pdf"
    path.write_text("This is not a PDF.")
    with pytest.raises(ParseError) as error:
        parse_working_group_report(path)
    assert error.value.file == str(path)
    assert "not a readable PDF" in error.value.problem


def test_a_blank_pdf_has_no_text(tmp_path):
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    path = tmp_path / "blank.pdf"
    writer.write(path)
    with pytest.raises(ParseError, match="no extractable text"):
        parse_working_group_report(path)


def test_an_encrypted_pdf_is_refused(tmp_path):
    writer = PdfWriter(clone_from=write_pdf(tmp_path / "plain.pdf", [COVER]))
    writer.encrypt("secret")
    path = tmp_path / "encrypted.pdf"
    writer.write(path)
    with pytest.raises(ParseError, match="encrypted"):
        parse_working_group_report(path)


def test_a_report_without_recommendations_section(tmp_path):
    path = write_pdf(tmp_path / "report.pdf", [COVER, INTRODUCTION])
    with pytest.raises(ParseError) as error:
        parse_working_group_report(path)
    assert "Conclusions and/or recommendations" in error.value.problem


def test_a_small_report_end_to_end(tmp_path):
    conclusions = [
        "A/HRC/59/99",
        "GE.25-99999 3",
        " II. Conclusions and/or recommendations",
        "140. The following recommendations will be examined by Testland:",
        "140.1 Ratify the Domestic Workers Convention, 2011 (No. 189) (Bolivia",
        "(Plurinational State of)) (Micronesia (Federated States of));",
        "140.2 Ratify ICRMW (Netherlands (Kingdom of the), Spain).",
        "141. All conclusions and/or recommendations contained in the present report.",
    ]
    path = write_pdf(tmp_path / "report.pdf", [COVER, INTRODUCTION, conclusions])
    document = parse_working_group_report(path)
    assert (document.symbol, document.session, document.state_under_review) == (
        "A/HRC/59/99",
        48,
        "Testland",
    )
    assert document.metadata.troika == ["Bosnia and Herzegovina", "Chile", "Trinidad and Tobago"]
    assert document.metadata.head_of_delegation == "Minister A. B. Example"
    assert [(r.paragraph, r.text, r.recommending_states) for r in document.recommendations] == [
        (
            "140.1",
            "Ratify the Domestic Workers Convention, 2011 (No. 189)",
            ["Bolivia (Plurinational State of)", "Micronesia (Federated States of)"],
        ),
        ("140.2", "Ratify ICRMW", ["Netherlands (Kingdom of the)", "Spain"]),
    ]
    assert document.recommendations[0].location == "page 3"


def _first_cycle_report(tmp_path: Path) -> Path:
    """A 1st-cycle style report: numbering restarts in each paragraph, an item number equal to
    the next paragraph's, a prose paragraph qualifying items above, a lead-in that says nothing
    of positions, and a recommendation running across a page break."""
    conclusions = [
        "A/HRC/59/99",
        "GE.25-99999 3",
        " II. CONCLUSIONS AND/OR RECOMMENDATIONS",  # as early reports write it
        "10. The recommendations listed below have been examined by Testland and are",
        "accepted by it:",
        *[f"{n}. To act on matter {n} (Chile);" for n in range(1, 11)],
        "11. To act on matter 11, which is item eleven of paragraph 10",
        "(Spain);",
        "12. To act on matter 12 (Chile).",
        "11. Testland considers that recommendations Nos. 2, 3 to 5 above have already been",
        "implemented.",
        "12. Testland took note of the recommendations below:",
        "1. To abolish something (Spain);",
    ]
    following = [
        "A/HRC/59/99",
        "4 GE.25-99999",
        "2. To abolish something else, a recommendation that begins on one page",
        "and ends on the next (Chile).",
        "13. The recommendations hereby listed are:",
        "1. To consider a final matter (Spain).",
        "14. All conclusions and/or recommendations contained in the present report reflect",
        "the position of the submitting State(s) and/or the State under review.",
    ]
    return write_pdf(tmp_path / "report.pdf", [COVER, INTRODUCTION, conclusions, following])


def test_first_cycle_lead_ins_items_and_qualifications(tmp_path):
    document = parse_working_group_report(_first_cycle_report(tmp_path))
    by_id = {r.paragraph: r for r in document.recommendations}
    assert list(by_id) == [*(f"10.{n}" for n in range(1, 13)), "12.1", "12.2", "13.1"]
    assert by_id["10.11"].text == "To act on matter 11, which is item eleven of paragraph 10"
    assert by_id["12.2"].text == (
        "To abolish something else, a recommendation that begins on one page and ends on the next"
    )
    positions = {pid: (r.position, r.position_source) for pid, r in by_id.items()}
    assert positions["10.1"] == (Position.supported, "A/HRC/59/99 - Para.10")
    assert positions["12.2"] == (Position.noted, "A/HRC/59/99 - Para.12")
    claimed = {pid for pid, r in by_id.items() if r.implementation_claim}
    assert claimed == {"10.2", "10.3", "10.4", "10.5"}
    assert by_id["10.3"].implementation_claim is ImplementationClaim.already_implemented
    assert by_id["10.3"].implementation_claim_source == "A/HRC/59/99 - Para.11"
    # A lead-in whose meaning is not recognised: reported with its words, loaded as pending.
    assert positions["13.1"] == (Position.pending, "A/HRC/59/99 - Para.13")
    assert by_id["13.1"].position_text == "The recommendations hereby listed are:"
    assert any(
        "paragraph 13" in w and "hereby listed" in w and "pending" in w for w in document.warnings
    )


def test_missing_introduction_facts_are_warnings(tmp_path):
    introduction = [
        "A/HRC/59/99",
        "2 GE.25-99999",
        "1. The Working Group on the Universal Periodic Review held its forty-eighth session.",
        "The review of Testland was held in January. Its national report (A/HRC/WG.6/48/TST/1)",
        "was presented.",
    ]
    conclusions = [
        " II. Conclusions and/or recommendations",
        "140. The following recommendations enjoy the support of Testland:",
        "140.1 Ratify ICRMW (Spain).",
    ]
    document = parse_working_group_report(
        write_pdf(tmp_path / "report.pdf", [COVER, introduction, conclusions])
    )
    assert (document.session, document.state_under_review) == (48, "Testland")
    assert document.metadata.review_date is None
    assert "introduction: no review date found" in document.warnings
    assert "introduction: no head of delegation found" in document.warnings
    assert document.recommendations[0].position is Position.supported


# --- the corpus of real reports: every layout of cycles 1, 2 and 4 ---------------------------

CORPUS = Path(__file__).resolve().parents[2] / "data" / "documents"


@pytest.mark.parametrize(
    ("file", "review", "paragraphs", "positions"),
    [
        # Kazakhstan 2010: items numbered anew in each paragraph; para 96 qualifies items of 95.
        ("KAZ/session-07/A_HRC_14_10.pdf", (7, "Kazakhstan"), {95: 102, 97: 26},
         {"supported": 102, "pending": 26}),
        # Kazakhstan 2014: three lead-ins, supported (implemented / in process) and noted.
        ("KAZ/session-20/A_HRC_28_10.pdf", (20, "Kazakhstan"), {124: 47, 125: 96, 126: 51},
         {"supported": 143, "noted": 51}),
        # Egypt 2010: supported, noted, noted as inaccurate, pending; para 96 qualifies 85-119.
        ("EGY/session-07/A_HRC_14_17.pdf", (7, "Egypt"), {95: 119, 97: 14, 98: 7, 99: 25},
         {"supported": 119, "noted": 21, "pending": 25}),
        ("SLV/session-20/A_HRC_28_5.pdf", (20, "El Salvador"), {103: 61, 104: 36, 105: 62},
         {"supported": 97, "pending": 62}),
        # Italy 2010: "held at the third meeting"; one "will be examined" paragraph.
        ("ITA/session-07/A_HRC_14_4.pdf", (7, "Italy"), {84: 92}, {"pending": 92}),
        # Iraq 2010: a line starting "3.5 million dwellings" is not an item.
        ("IRQ/session-07/A_HRC_14_14.pdf", (7, "Iraq"), {81: 135, 82: 14, 83: 27},
         {"supported": 135, "pending": 14, "noted": 27}),
        ("BIH/session-20/A_HRC_28_17.pdf", (20, "Bosnia and Herzegovina"), {107: 167},
         {"pending": 167}),
    ],
)  # fmt: skip
def test_recommendations_sections_of_every_layout(file, review, paragraphs, positions):
    document = parse_working_group_report(CORPUS / file)
    assert (document.session, document.state_under_review) == review
    counts = Counter(r.paragraph.split(".")[0] for r in document.recommendations)
    assert {int(p): n for p, n in counts.items()} == paragraphs
    assert Counter(r.position.value for r in document.recommendations) == positions
    assert not [w for w in document.warnings if "not understood" in w]


def test_kazakhstan_claims_are_kept_with_their_paragraph():
    document = parse_working_group_report(CORPUS / "KAZ/session-07/A_HRC_14_10.pdf")
    claimed = {r.paragraph for r in document.recommendations if r.implementation_claim}
    assert claimed == {f"95.{n}" for n in _PARA_96}
    assert {r.implementation_claim_source for r in document.recommendations} == {
        None,
        "A/HRC/14/10 - Para.96",
    }


_PARA_96 = [7, 8, 9, 10, 11, 12, 13, 14, 22, 26, 27, 28, 29, 31, 32, 34, 35, 36, 37, 38, 39, 41,
            42, 43, 44, 47, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 69, 70, 71,
            72, 73, 74, 75, 76, 78, 79, 80, 81, 82, 83, 84, 85, 87, 88, 89, 90, 91, 92, 93, 94, 95,
            96, 97]  # fmt: skip


def test_a_state_name_left_open_by_the_document():
    document = parse_working_group_report(CORPUS / "BIH/session-20/A_HRC_28_17.pdf")
    item = next(r for r in document.recommendations if r.paragraph == "107.104")
    assert item.recommending_states == ["Iran (Islamic Republic of)"]
    assert item.text.endswith("regarding human rights abuses")


def test_a_state_name_whose_opening_parenthesis_is_missing():
    document = parse_working_group_report(CORPUS / "AGO/session-20/A_HRC_28_11.pdf")
    item = next(r for r in document.recommendations if r.paragraph == "135.7")
    assert (item.text, item.recommending_states) == (
        "Ratify the Rome Statute of the International Criminal Court",
        ["Ghana"],
    )
    assert any(w.startswith("135.7: unbalanced parentheses") for w in document.warnings)
    # Without the document's other mentions of Ghana nothing is guessed.
    assert split_recommending_states("Ratify the Statute Ghana);")[2] == []


def test_a_capital_split_from_its_word_inside_a_state_name():
    sentence = "Strengthen public services (Bolivia (Plurinational S tate of));"
    assert split_recommending_states(sentence)[2] == ["Bolivia (Plurinational State of)"]
    assert split_recommending_states("Ratify (I LO Convention);")[2] == []


@pytest.mark.parametrize("share", [0.1, 0.5, 0.9])
def test_a_truncated_report_fails_naming_the_file(tmp_path, share):
    data = (CORPUS / "KAZ/session-20/A_HRC_28_10.pdf").read_bytes()
    path = tmp_path / "A_HRC_28_10.pdf"
    path.write_bytes(data[: int(len(data) * share)])
    with pytest.raises(ParseError) as error:
        parse_working_group_report(path)
    assert error.value.file == str(path)
    assert error.value.problem.startswith("not a readable PDF")
