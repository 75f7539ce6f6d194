"""The reader of UPR Info's database export, on real extracts of it (tests/data/upr-info).

The extracts are lines copied byte for byte from UPR Info's export of August 2015 (Mac Roman,
CR line endings, no line break after the last row):

- `kazakhstan.csv`: the header, every Kazakhstan row of sessions 7 (from `6-9.csv`) and 20
  (from `17-20.csv`), then a Morocco row and six Senegal rows of `1-5.csv` whose texts have
  accented letters ("Equité", "Hissène Habré"), which Kazakhstan's rows do not.
- `voluntary-extract.csv`: 48 rows of `voluntary.csv`: its first 30, the Côte d'Ivoire and
  Ecuador rows with accented letters, and Yemen's 16 rows, two of which repeat earlier ones.
- `disagreements.csv`: rows whose groups disagree or are odd: Argentina's (session 1) on the
  action category, Indonesia's (session 1) from "(Unknown)" states, Pakistan's and Tonga's
  (sessions 14, 15) on issues and response, and a United Kingdom row given twice.

Damaged files are made from these extracts in the tests, never shipped.
"""

from __future__ import annotations

import csv
import gzip
import io
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.importers.parsing.upr_info import (
    UprInfoFile,
    UprInfoFormatError,
    UprInfoRow,
    read_upr_info,
    read_upr_info_rows,
    upr_info_encoding,
)
from app.importers.records import ParseError
from app.vocab import Position

DATA = Path(__file__).resolve().parents[1] / "data" / "upr-info"
KAZAKHSTAN = DATA / "kazakhstan.csv"
VOLUNTARY = DATA / "voluntary-extract.csv"
DISAGREEMENTS = DATA / "disagreements.csv"
HEADER = "To,To-Rgrp,To-Org,Text,From,From-Rgrp,From-Org,Response,Action,Issue,Session"


def rows_of(path: Path) -> list[UprInfoRow]:
    return list(read_upr_info_rows(path))


def cells_of(path: Path) -> list[list[str]]:
    """The extract's cells as the csv module reads them (header first)."""
    return list(csv.reader(io.StringIO(path.read_bytes().decode("mac_roman"), newline="")))


def write_cells(path: Path, cells: list[list[str]]) -> Path:
    """Write cells as the export does: Mac Roman, CR line endings."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r").writerows(cells)
    path.write_bytes(buffer.getvalue().encode("mac_roman"))
    return path


def format_error(path: Path) -> UprInfoFormatError:
    with pytest.raises(UprInfoFormatError) as caught:
        read_upr_info(path)
    error = caught.value
    assert isinstance(error, ParseError)
    assert error.file == str(path)
    assert str(error).startswith(f"{path}: {error.where}: ")
    return error


# --- The extracts are what they claim to be ---------------------------------------------------


def test_the_extracts_keep_the_exports_bytes() -> None:
    for path in (KAZAKHSTAN, VOLUNTARY, DISAGREEMENTS):
        data = path.read_bytes()
        assert data.startswith(HEADER.encode() + b"\r")
        assert b"\n" not in data
        assert not data.endswith(b"\r")
    assert b"Equit\x8e" in KAZAKHSTAN.read_bytes()  # Mac Roman "é"
    with pytest.raises(UnicodeDecodeError):
        KAZAKHSTAN.read_bytes().decode("utf-8")


# --- Kazakhstan -------------------------------------------------------------------------------


def test_kazakhstan_rows_per_session_and_response() -> None:
    rows = [row for row in rows_of(KAZAKHSTAN) if row.state_under_review == "Kazakhstan"]
    counts = Counter((row.session, row.response) for row in rows)
    assert counts == {
        (7, "Accepted"): 122,
        (7, "Noted"): 7,
        (20, "Accepted"): 147,
        (20, "Noted"): 51,
    }
    positions = Counter((row.session, row.position) for row in rows)
    assert positions == {
        (7, Position.supported): 122,
        (7, Position.noted): 7,
        (20, Position.supported): 147,
        (20, Position.noted): 51,
    }
    assert all(not row.problems and not row.pledge and not row.malformed for row in rows)
    assert {row.action_category for row in rows} <= {1, 2, 3, 4, 5}


def test_rows_are_numbered_by_line_with_the_header_as_line_1() -> None:
    rows = rows_of(KAZAKHSTAN)
    assert [row.row for row in rows] == list(range(2, 336))
    assert rows[0] == UprInfoRow(
        row=2,
        state_under_review="Kazakhstan",
        text="Abolish requirements for the registration of religious groups from the existing "
        "Administrative Code, in accordance with the laws adopted in 2005 on the elimination "
        "of extremism and the strengthening national security, and to review the provisions "
        "of the Law on Freedom of Religion and Religious Associations in order to effectively "
        "guarantee freedom of belief and a nondiscriminatory legal system for the registration "
        "of religious entities",
        recommending_state="Mexico",
        response="Noted",
        position=Position.noted,
        pledge=False,
        action_category=5,
        issues=("Freedom of religion and belief",),
        session=7,
    )


def test_rows_are_streamed() -> None:
    rows = read_upr_info_rows(KAZAKHSTAN)
    assert isinstance(rows, Iterator)
    assert next(rows).row == 2


def test_kazakhstan_recommendations() -> None:
    parsed = read_upr_info(KAZAKHSTAN)
    assert parsed.file == str(KAZAKHSTAN)
    assert parsed.rows == 334
    assert parsed.encoding == "mac_roman"
    assert parsed.pledges == [] and parsed.malformed == []
    kazakhstan = [r for r in parsed.recommendations if r.state_under_review == "Kazakhstan"]
    by_session = Counter(r.session for r in kazakhstan)
    assert by_session == {7: 129, 20: 189}
    assert all(not r.problems for r in parsed.recommendations)
    # Every row is in exactly one recommendation; groups keep the order of their first row.
    numbers = [number for r in parsed.recommendations for number in r.rows]
    assert sorted(numbers) == list(range(2, 336))
    firsts = [r.rows[0] for r in parsed.recommendations]
    assert firsts == sorted(firsts)
    # Session 20 has 191 distinct Text cells but 189 texts: two differ only in spaces.
    cells = cells_of(KAZAKHSTAN)
    texts_20 = {row[3] for row in cells[1:] if row[0] == "Kazakhstan" and row[10] == "20"}
    assert len(texts_20) == 191
    # Session 20's recommendations made by several states, as the export lists them.
    shared = {
        (r.text, r.position, r.recommending_states, r.rows, r.issues)
        for r in kazakhstan
        if len(r.rows) > 1
    }
    international = "International instruments"
    assert shared == {
        ("Ratify CRPD", Position.supported, ("Spain", "Hungary"), (185, 186),
         ("Disabilities", international)),
        ("Ratify the Optional Protocol to the International Covenant on Economic, Social and "
         "Cultural Rights (OP-ICESCR)", Position.supported, ("Argentina", "Portugal", "Uruguay"),
         (187, 188, 189), ("ESC rights - general", international)),
        ("Abolish the death penalty", Position.supported,
         ("Sweden", "Portugal", "Germany", "Slovenia"), (222, 223, 224, 225), ("Death penalty",)),
        ("Ratify the Optional Protocol to CRPD", Position.noted, ("Spain", "Hungary"), (284, 285),
         ("Disabilities", international)),
        ("Sign and ratify the Second Optional Protocol to ICCPR", Position.noted,
         ("Portugal", "Spain"), (287, 288), ("Death penalty", international)),
        ("Ratify the Rome Statute of the International Criminal Court", Position.noted,
         ("Costa Rica", "Austria"), (290, 291), (international, "Justice")),
    }  # fmt: skip
    assert all(r.session == 20 for r in kazakhstan if len(r.rows) > 1)
    assert sum(len(r.rows) for r in kazakhstan if r.session == 20) == 198
    supported_20 = [r for r in kazakhstan if r.session == 20 and r.position is Position.supported]
    assert sum(len(r.rows) for r in supported_20) == 147


def test_issues_are_split_at_commas() -> None:
    rows = {row.row: row for row in rows_of(KAZAKHSTAN)}
    assert rows[8].issues == (
        "Asylum-seekers - refugees",
        "International instruments",
        "Justice",
        "Torture and other CID treatment",
    )
    assert rows[131].issues == ("Torture and other CID treatment", "Trafficking", "Women's rights")
    assert rows[2].issues == ("Freedom of religion and belief",)
    every_issue = {issue for row in rows.values() for issue in row.issues}
    assert all(issue == issue.strip() and "," not in issue for issue in every_issue)
    assert "Women's rights" in every_issue


# --- Encoding and line endings ----------------------------------------------------------------


def test_the_export_is_read_as_mac_roman() -> None:
    rows = {row.row: row for row in rows_of(KAZAKHSTAN)}
    assert rows[329].state_under_review == "Morocco"
    assert "Instance Equité - Reconciliation" in (rows[329].text or "")
    assert "Mr. Hissène Habré to justice" in (rows[330].text or "")
    assert "Mr. Hissène Habré to justice" in (rows[335].text or "")
    pledges = {pledge.row: pledge for pledge in read_upr_info(VOLUNTARY).pledges}
    assert pledges[32].text.startswith("Côte d'Ivoire intends to honour its commitment")
    assert "legislation vis-à-vis international law" in pledges[33].text
    for row in rows.values():
        assert not any("\x80" <= character <= "\x9f" for character in row.text or "")


def test_a_utf8_copy_reads_the_same(tmp_path: Path) -> None:
    text = KAZAKHSTAN.read_bytes().decode("mac_roman")
    plain = tmp_path / "utf8.csv"
    plain.write_bytes(text.encode("utf-8"))
    with_bom = tmp_path / "utf8-bom.csv"
    with_bom.write_bytes(text.encode("utf-8-sig"))
    assert upr_info_encoding(KAZAKHSTAN) == "mac_roman"
    assert upr_info_encoding(plain) == "utf-8"
    assert upr_info_encoding(with_bom) == "utf-8-sig"
    assert rows_of(plain) == rows_of(with_bom) == rows_of(KAZAKHSTAN)


def test_an_encoding_can_be_named(tmp_path: Path) -> None:
    latin = tmp_path / "latin-1.csv"
    latin.write_bytes(KAZAKHSTAN.read_bytes().decode("mac_roman").encode("latin-1"))
    assert upr_info_encoding(latin) == "mac_roman"  # a Latin-1 copy is not recognised...
    assert read_upr_info(latin, encoding="latin-1").recommendations == (
        read_upr_info(KAZAKHSTAN).recommendations
    )  # ...but is read as such when named
    with pytest.raises(UprInfoFormatError, match="cannot be decoded as utf-8"):
        list(read_upr_info_rows(KAZAKHSTAN, encoding="utf-8"))


@pytest.mark.parametrize("ending", [b"\n", b"\r\n"])
def test_lf_and_crlf_line_endings_read_as_cr(tmp_path: Path, ending: bytes) -> None:
    data = KAZAKHSTAN.read_bytes().replace(b"\r", ending) + ending
    path = tmp_path / "endings.csv"
    path.write_bytes(data)
    assert rows_of(path) == rows_of(KAZAKHSTAN)


def test_blank_lines_are_skipped_and_counted(tmp_path: Path) -> None:
    lines = KAZAKHSTAN.read_bytes().split(b"\r")
    path = tmp_path / "blank.csv"
    path.write_bytes(b"\r".join([*lines[:3], b"", b",,,,,,,,,,", *lines[3:], b"", b""]))
    rows = rows_of(path)
    assert len(rows) == 334
    assert [row.row for row in rows[:4]] == [2, 3, 6, 7]
    assert rows[2].text == rows_of(KAZAKHSTAN)[2].text


def test_character_references_are_decoded_and_unknown_states_reported() -> None:
    assert b"&#40;Unknown&#41;" in DISAGREEMENTS.read_bytes()
    rows = {row.row: row for row in rows_of(DISAGREEMENTS)}
    unknown = [row for row in rows.values() if row.recommending_state is None]
    assert [row.row for row in unknown] == [5, 6, 7, 8, 9, 13, 14, 15, 16]
    assert unknown[0].problems == ("From '(Unknown)' names no recommending state (column From)",)
    assert not unknown[0].malformed
    assert rows[10].recommending_state == "Netherlands" and not rows[10].problems


# --- Grouped rows that disagree ---------------------------------------------------------------


def test_grouped_rows_that_disagree_say_so() -> None:
    parsed = read_upr_info(DISAGREEMENTS)
    assert parsed.rows == 24 and len(parsed.recommendations) == 17 and parsed.malformed == []
    by_rows = {r.rows: r for r in parsed.recommendations}

    argentina = by_rows[(2, 3, 4)]
    assert argentina.state_under_review == "Argentina" and argentina.session == 1
    assert argentina.recommending_states == ("Slovenia", "Austria", "Canada")
    assert argentina.position is Position.supported
    assert argentina.action_category is None
    assert argentina.problems == (
        "the rows disagree on Action: 4 in row 2; 2 in rows 3, 4 (column Action)",
    )

    cedaw = by_rows[(21, 24, 25)]
    assert (cedaw.state_under_review, cedaw.session, cedaw.text) == ("Tonga", 15, "Ratify CEDAW")
    assert cedaw.recommending_states == ("Australia", "Maldives", "Slovenia")
    assert cedaw.position is None
    assert cedaw.action_category == 5
    assert cedaw.problems == (
        "the rows disagree on Response: 'Accepted' in row 21; 'Noted' in rows 24, 25 "
        "(column Response)",
    )

    death_penalty = by_rows[(17, 18)]
    assert death_penalty.issues == ("Death penalty", "Disabilities")  # the union, as given
    assert death_penalty.position is Position.noted
    assert death_penalty.problems == (
        "the rows give different issues (row 17: Death penalty; row 18: Disabilities); all of "
        "them are kept (column Issue)",
    )

    repeated = by_rows[(22, 23)]
    assert repeated.recommending_states == ("United Kingdom",)
    assert repeated.problems == (
        "United Kingdom is the recommending state of rows 22, 23: a repeated row, or two "
        "recommendations with the same text (column From)",
    )

    indonesia = [r for r in parsed.recommendations if r.state_under_review == "Indonesia"]
    assert len(indonesia) == 12
    nobody = [r for r in indonesia if not r.recommending_states]
    assert [r.rows for r in nobody] == [(n,) for n in (5, 6, 7, 8, 9, 13, 14, 15, 16)]
    assert nobody[0].problems == (
        "row 5: From '(Unknown)' names no recommending state (column From)",
    )


# --- Pledges ----------------------------------------------------------------------------------


def test_voluntary_pledges() -> None:
    parsed = read_upr_info(VOLUNTARY)
    assert parsed.rows == 48
    assert parsed.recommendations == [] and parsed.malformed == []
    assert [pledge.row for pledge in parsed.pledges] == list(range(2, 50))
    rows = rows_of(VOLUNTARY)
    assert all(row.pledge and row.position is None for row in rows)
    assert all(row.response == "Voluntary Pledge" for row in rows)
    assert all(row.recommending_state == row.state_under_review for row in rows)
    yemen = [pledge for pledge in parsed.pledges if pledge.state_under_review == "Yemen"]
    assert len(yemen) == 16 and {pledge.session for pledge in yemen} == {5}
    repeats = {pledge.row: pledge.problems for pledge in parsed.pledges if pledge.problems}
    assert repeats == {
        44: ("the same pledge (session, state and text) as row 34",),
        45: ("the same pledge (session, state and text) as row 38",),
    }
    first = parsed.pledges[0]
    assert first.state_under_review == "Albania" and first.session == 19
    assert first.text.startswith("The Albanian Government is committed to implementing")
    assert first.issues and first.action_category in {1, 2, 3, 4, 5}


def test_pledges_are_kept_apart_from_recommendations(tmp_path: Path) -> None:
    recommendations = KAZAKHSTAN.read_bytes().split(b"\r")
    pledges = VOLUNTARY.read_bytes().split(b"\r")[1:]
    mixed = tmp_path / "mixed.csv"
    mixed.write_bytes(b"\r".join([*recommendations[:6], *pledges[:5], *recommendations[6:]]))
    parsed = read_upr_info(mixed)
    assert [pledge.row for pledge in parsed.pledges] == [7, 8, 9, 10, 11]
    assert len(parsed.recommendations) == len(read_upr_info(KAZAKHSTAN).recommendations)
    assert all(not r.state_under_review.startswith("Alban") for r in parsed.recommendations)


# --- Rows that cannot be read completely ------------------------------------------------------


def test_malformed_rows_are_reported_with_their_numbers(tmp_path: Path) -> None:
    cells = cells_of(KAZAKHSTAN)
    cells[2][10] = ""  # row 3: no Session
    cells[3][0] = ""  # row 4: no To
    cells[4][3] = "  "  # row 5: no Text
    cells[5] = cells[5][:9]  # row 6: cells cut short
    cells[6][10] = "seven"  # row 7: a Session that is no number
    cells[7].append("Spain")  # row 8: a cell too many
    cells[8][7] = "Rejected"  # row 9: a Response that does not map
    cells[9][8] = "6"  # row 10: an Action out of range
    cells[10].append("")  # row 11: a trailing empty cell, harmless
    path = write_cells(tmp_path / "damaged.csv", cells)

    parsed = read_upr_info(path)
    assert parsed.rows == 334
    malformed = {row.row: row.problems for row in parsed.malformed}
    assert malformed == {
        3: ("no session (column Session)",),
        4: ("no state under review (column To)",),
        5: ("no text (column Text)",),
        6: (
            "the row has 9 cells and the header 11: its values may be in the wrong columns",
            "no session (column Session)",
        ),
        7: ("Session 'seven' is not a Working Group session number (column Session)",),
        8: ("the row has 12 cells and the header 11: its values may be in the wrong columns",),
    }
    kept = parsed.malformed[5]  # what a malformed row's cells say is kept, for a reader to see
    assert (kept.row, kept.session, kept.state_under_review) == (8, 7, "Kazakhstan")
    assert kept.shifted and kept.malformed and kept.position is not None
    by_first_row = {r.rows[0]: r for r in parsed.recommendations}
    rejected = by_first_row[9]
    assert rejected.position is None
    assert rejected.problems == (
        "row 9: Response 'Rejected' is not Accepted, Noted, Pending or Voluntary Pledge "
        "(column Response)",
    )
    assert by_first_row[10].action_category is None
    assert by_first_row[10].problems == (
        "row 10: Action '6' is not an action category 1-5 (column Action)",
    )
    assert not by_first_row[11].problems
    assert len(parsed.recommendations) == 325 - 6


def test_pending_is_a_position(tmp_path: Path) -> None:
    cells = cells_of(KAZAKHSTAN)
    cells[1][7] = "Pending"
    rows = rows_of(write_cells(tmp_path / "pending.csv", cells))
    assert rows[0].position is Position.pending and not rows[0].problems


def test_columns_are_found_by_their_label(tmp_path: Path) -> None:
    cells = cells_of(KAZAKHSTAN)
    order = [10, 3, 0, 9, 8, 7, 4]  # Session, Text, To, Issue, Action, Response, From
    moved = [[row[index] for index in order] for row in cells]
    moved[0] = [f" {label.upper()} " for label in moved[0]]
    path = write_cells(tmp_path / "moved.csv", moved)
    assert rows_of(path) == rows_of(KAZAKHSTAN)


# --- Files that are not an export -------------------------------------------------------------


def test_a_missing_column_is_named(tmp_path: Path) -> None:
    cells = [row[:10] for row in cells_of(KAZAKHSTAN)]  # no Session
    error = format_error(write_cells(tmp_path / "no-session.csv", cells))
    assert error.where == "header row"
    assert error.problem == "not a UPR Info export: no column Session"
    cells = [[row[0], *row[4:]] for row in cells_of(KAZAKHSTAN)]  # no To-Rgrp, To-Org, Text
    error = format_error(write_cells(tmp_path / "no-text.csv", cells))
    assert error.problem == "not a UPR Info export: no column Text"


def test_a_column_given_twice_is_refused(tmp_path: Path) -> None:
    cells = [[*row, row[3]] for row in cells_of(KAZAKHSTAN)]
    error = format_error(write_cells(tmp_path / "twice.csv", cells))
    assert (error.where, error.problem) == (
        "header row",
        "column Text appears twice (columns 4 and 12)",
    )


def test_another_csv_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.csv"
    path.write_text("Recommendation,Tekst,Response\rSlovenia,Ratify the OP-CAT,Supported\r")
    error = format_error(path)
    assert error.where == "header row"
    assert error.problem == (
        "not a UPR Info export: no column To, Text, From, Action, Issue, Session"
    )


@pytest.mark.parametrize("content", [b"", b"\r\r\n\n", b" \r,,,\r"])
def test_an_empty_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    error = format_error(path)
    assert (error.where, error.problem) == ("header row", "the file is empty: no header row")


def test_utf16_is_refused(tmp_path: Path) -> None:
    text = KAZAKHSTAN.read_bytes().decode("mac_roman")
    with_bom = tmp_path / "utf16.csv"
    with_bom.write_bytes(text.encode("utf-16"))
    error = format_error(with_bom)
    assert (error.where, error.problem) == ("file", "UTF-16 text; the export is 8-bit text")
    without_bom = tmp_path / "utf16le.csv"
    without_bom.write_bytes(text.encode("utf-16-le"))
    error = format_error(without_bom)
    assert error.where == "header row"
    assert error.problem == (
        "control character '\\x00' at column 2: binary data or UTF-16 text, not a CSV export"
    )


def test_binary_data_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "compressed.csv"
    path.write_bytes(gzip.compress(KAZAKHSTAN.read_bytes(), mtime=0))
    error = format_error(path)
    assert error.where == "header row"
    assert "binary data or UTF-16 text, not a CSV export" in error.problem


def test_binary_data_after_the_header_names_the_row(tmp_path: Path) -> None:
    lines = KAZAKHSTAN.read_bytes().split(b"\r")
    path = tmp_path / "truncated.csv"
    path.write_bytes(b"\r".join([*lines[:40], b"\x00" * 64, *lines[40:]]))
    error = format_error(path)
    assert error.where == "row 41"


def test_an_xlsx_workbook_is_refused(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    for row in cells_of(KAZAKHSTAN)[:20]:
        sheet.append(row)
    path = tmp_path / "export.csv"
    workbook.save(path)
    error = format_error(path)
    assert (error.where, error.problem) == (
        "file",
        "an XLSX workbook or other zip archive, not a CSV export",
    )


def test_an_unreadable_file_is_refused(tmp_path: Path) -> None:
    error = format_error(tmp_path / "missing.csv")
    assert error.where == "file" and "cannot be read" in error.problem


def test_upr_info_file_shape() -> None:
    parsed = read_upr_info(VOLUNTARY)
    assert isinstance(parsed, UprInfoFile)
    assert (parsed.file, parsed.rows, parsed.encoding) == (str(VOLUNTARY), 48, "mac_roman")
