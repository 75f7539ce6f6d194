"""The SDG–HR Data Explorer reader, and `upr check sdg-explorer` against the bundled reviews.

The fixture workbooks hold real rows of the explorer's export for Slovenia's 1st and 2nd
reviews (A/HRC/14/15 and A/HRC/28/15), with the export's own column labels, plus made-up
changes: an id the report does not have (115.164), a position turned round (115.163 is Noted
in the export and in the addendum), a Document cell reading "1.97", and 1st-cycle rows under
ids of another document (200.5 with the text of 111.5, 200.6 with that of 111.4 but for one
word, 200.7 with a text the report does not have).
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlmodel import Session

from app.checks.sdg_explorer import (
    DocumentCheck,
    ExportRow,
    compare,
    fold_text,
    positions_agree,
    similarity,
)
from app.importers.parsing.sdg_explorer import ExplorerFormatError, ExplorerRecord, read_explorer
from app.vocab import Position

HEADER = (
    "Goals",
    "Recommendation",
    "Tekst",
    "Targets",
    "Keywords",
    "Response",
    "Recommending state",
    "Mechanism",
    "Procedures",
    "Treaties",
    "Type",
    "field_year",
    "Document",
)
UPR = "(Universal Periodic Review)"
NO_SDG = "No SDG link identified"
PEACE = "16. Peace, justice and strong institutions"

# (Goals, state, text, Targets, Keywords, Response, recommending state, year, Document)
CYCLE_1 = [
    (
        "10. Reduce inequalities",
        "Slovenia",
        "Step up efforts and adopt appropriate measures to combat any form of discrimination "
        "against minorities as a whole",
        10.3,
        "Members of minorities",
        "Supported",
        "Uzbekistan",
        "2010 Cycle 1",
        "Source:A/HRC/14/15",
    ),
    (
        NO_SDG,
        "Slovenia",
        "Examine the possibility of joining the Convention on Migrant Workers and Members of "
        "Their Families",
        None,
        "Migrants",
        "Noted",
        "Algeria",
        "2010 Cycle 1",
        "Source:A/HRC/14/15|111.1|",
    ),
    (
        NO_SDG,
        "Slovenia",
        "Consider the ratification of the Convention on Migrant Workers and Members of Their "
        "Families",
        None,
        "Migrants",
        "Noted",
        "Argentina",
        "2010 Cycle 1",
        "Source:A/HRC/14/15|111.1|",
    ),
    (
        PEACE,
        "Slovenia",
        "Strengthen the Slovenian Human Rights Ombudsman",
        "16.a",
        None,
        "Supported",
        "Egypt",
        "2010 Cycle 1",
        "Source:A/HRC/14/15|111.10|",
    ),
    (
        "5. Gender equality",
        "Slovenia",
        "Promulgate a law on domestic violence that includes penalties and options for the "
        "treatment of those responsible for such crimes",
        5.2,
        "Women and girls",
        "Noted",
        "Spain",
        "2010 Cycle 1",
        "Source:A/HRC/14/15|111.32|",
    ),
    (
        NO_SDG,
        "Slovenia",
        "Take the measures necessary to ensure that same-sex partners are treated equally with "
        "opposite-sex partners throughout Slovenian law.",
        None,
        None,
        "Noted",  # Slovenia supported it
        "Netherlands",
        "2010 Cycle 1",
        "Source:A/HRC/14/15|200.5|",  # the text of 111.5
    ),
    (
        NO_SDG,
        "Slovenia",
        "Align its legal framework to international human rights standards, in particular with "
        "regard to persons with disabilities, migrants, asylum seekers, refugees, women and "
        "children",
        None,
        None,
        "Supported",
        "Egypt",
        "2010 Cycle 1",
        "Source:A/HRC/14/15|200.6|",  # 111.4 says "Adjust"
    ),
    (
        NO_SDG,
        "Slovenia",
        "Abolish the death penalty in all circumstances",
        None,
        None,
        "Supported",
        "Spain",
        "2010 Cycle 1",
        "Source:A/HRC/14/15|200.7|",  # no such recommendation in the report
    ),
]
CYCLE_2 = [
    (
        NO_SDG,
        "Slovenia",
        "Take further steps for the ratification of several international treaties in the field "
        "of human rights that were signed by Slovenia since the first UPR cycle",
        None,
        None,
        "Supported",
        "Croatia",
        "2014 Cycle 2",
        "Source:A/HRC/28/15|115.1|",
    ),
    (
        NO_SDG,
        "Slovenia",
        "Ratify the Optional Protocol to the Rights of the Child on a communications procedure",
        None,
        "Children",
        "Supported",
        "Portugal",
        "2014 Cycle 2",
        "Source:A/HRC/28/15|115.3|",
    ),
    (
        NO_SDG,
        "Slovenia",
        "Ratify the Optional Protocol to the Rights of the Child on a communications procedure",
        None,
        "Children",
        "Supported",
        "Slovakia",
        "2014 Cycle 2",
        "Source:A/HRC/28/15|115.3|",
    ),
    (
        "5. Gender equality ,16. Peace, justice and strong institutions",
        "Slovenia",
        "Take the necessary measures for setting up a comprehensive national strategy to "
        "prevent and address all forms of violence against women and children",
        "16.2, 5.2",
        "Women and girlsChildren",
        "Supported",
        "Iran (Islamic Republic of)",
        "2014 Cycle 2",
        "Source:A/HRC/28/15|115.105|",
    ),
    (
        PEACE,
        "Slovenia",
        "Bring its national legislation fully in line with international standards on freedom "
        "of expression by decriminalizing defamation in domestic law",
        16.100000000000001,  # what spreadsheet software made of "16.1"
        None,
        "Noted",
        "Estonia",
        "2014 Cycle 2",
        "Source:A/HRC/28/15|115.132|",
    ),
    (
        NO_SDG,
        "Slovenia",
        "Establish conventions that will guarantee the non-violation of migrants' rights",
        None,
        "Migrants",
        "Supported",  # the export says Noted, as does the addendum
        "Nigeria",
        "2014 Cycle 2",
        "Source:A/HRC/28/15|115.163|",
    ),
    (
        NO_SDG,
        "Slovenia",
        "Ensure that the rights of migrants are respected",
        None,
        "Migrants",
        "Noted",
        "Nigeria",
        "2014 Cycle 2",
        "Source:A/HRC/28/15|115.164|",  # the report ends at 115.163
    ),
    (
        NO_SDG,
        "Slovenia",
        "Consider ratifying the Convention on Migrant Workers",
        None,
        "Migrants",
        "Noted",
        "Nigeria",
        "2014 Cycle 2",
        "1.97",
    ),
]


def write_export(path: Path, rows: Sequence[tuple[object, ...]], *, reverse: bool = False) -> Path:
    """A workbook like the explorer's export; `reverse` writes its columns in reverse order."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Explorer"
    order = list(reversed(range(len(HEADER)))) if reverse else list(range(len(HEADER)))
    sheet.append([HEADER[i] for i in order])
    for goals, state, text, targets, keywords, response, by, year, document in rows:
        cells = (goals, state, text, targets, keywords, response, by, UPR, None, None)
        full = (*cells, "Recommendation", year, document)
        sheet.append([full[i] for i in order])
    workbook.save(path)
    return path


@pytest.fixture
def exports(tmp_path: Path) -> list[Path]:
    """The two fixture exports; the 1st-cycle one with its columns in another order."""
    return [
        write_export(tmp_path / "cycle1.xlsx", CYCLE_1, reverse=True),
        write_export(tmp_path / "cycle2.xlsx", CYCLE_2),
    ]


def test_reader_gives_typed_records_and_repairs_damaged_targets(exports: list[Path]) -> None:
    records = list(read_explorer(exports[1]))
    assert [r.row for r in records] == [2, 3, 4, 5, 6, 7, 8, 9]
    assert records[3] == ExplorerRecord(
        row=5,
        symbol="A/HRC/28/15",
        paragraph="115.105",
        state_under_review="Slovenia",
        text=CYCLE_2[3][2],
        position=Position.supported,
        recommending_states=("Iran (Islamic Republic of)",),
        goals=(5, 16),
        targets=("16.2", "5.2"),
        affected_groups=("Women and girls", "Children"),
        year=2014,
        cycle=2,
        document="Source:A/HRC/28/15|115.105|",
    )
    assert records[3].hrc_session == 28 and not records[3].malformed
    damaged = records[4]
    assert (damaged.paragraph, damaged.targets, damaged.goals) == ("115.132", ("16.1",), (16,))
    assert damaged.position is Position.noted
    assert records[0].goals == () and records[0].affected_groups == ()


def test_reader_reports_malformed_rows_and_drops_none(exports: list[Path]) -> None:
    cycle_1 = list(read_explorer(exports[0]))
    assert len(cycle_1) == len(CYCLE_1)
    assert [(r.row, r.problems) for r in cycle_1 if r.malformed] == [
        (2, ("Document 'Source:A/HRC/14/15' gives no paragraph",))
    ]
    no_paragraph = cycle_1[0]
    assert (no_paragraph.symbol, no_paragraph.paragraph) == ("A/HRC/14/15", None)
    assert no_paragraph.text == CYCLE_1[0][2] and no_paragraph.targets == ("10.3",)
    assert [(r.paragraph, r.recommending_states) for r in cycle_1[1:3]] == [
        ("111.1", ("Algeria",)),
        ("111.1", ("Argentina",)),
    ]
    assert cycle_1[3].targets == ("16.a",)
    cycle_2 = list(read_explorer(exports[1]))
    assert [(r.row, r.symbol, r.paragraph, r.problems) for r in cycle_2 if r.malformed] == [
        (9, None, None, ("Document '1.97' is not 'Source:SYMBOL|PARAGRAPH|'",))
    ]


def test_reader_reports_unreadable_cells(tmp_path: Path) -> None:
    row = (PEACE, "Slovenia", "Text", "16.100000000000001, 18.1, 16.0", None, "Accepted")
    odd = write_export(
        tmp_path / "odd.xlsx", [(*row, "Spain", "2014", "Source:A/HRC/25/3OLD|138.34|")]
    )
    [record] = read_explorer(odd)
    assert record.targets == ("16.1",)  # a float written as text is repaired too
    assert record.position is None and record.year is None and record.symbol is None
    assert record.paragraph == "138.34"
    assert record.problems == (
        "Document 'Source:A/HRC/25/3OLD|138.34|': 'A/HRC/25/3OLD' is not a symbol such as "
        "A/HRC/28/10",
        "Response 'Accepted' is neither Supported nor Noted",
        "field_year '2014' is not 'YEAR Cycle N'",
        "Targets: '18.1' is not an SDG target such as 16.1",
        "Targets: '16.0' is not an SDG target such as 16.1",
    )


def test_reader_refuses_other_files(tmp_path: Path) -> None:
    workbook = Workbook()
    workbook.active.append(["Goals", "Recommendation", "Text", "Response"])
    workbook.save(tmp_path / "other.xlsx")
    with pytest.raises(ExplorerFormatError, match="no column Tekst, Recommending state"):
        list(read_explorer(tmp_path / "other.xlsx"))
    (tmp_path / "text.xlsx").write_text("not a workbook")
    with pytest.raises(ExplorerFormatError, match="not a readable XLSX workbook"):
        list(read_explorer(tmp_path / "text.xlsx"))


def test_supported_in_part_agrees_with_any_supported_row() -> None:
    both = frozenset({Position.supported, Position.noted})
    assert positions_agree(Position.supported_in_part, frozenset({Position.supported}))
    assert positions_agree(Position.supported_in_part, both)
    assert not positions_agree(Position.supported_in_part, frozenset({Position.noted}))
    assert positions_agree(Position.noted, frozenset({Position.noted}))
    assert not positions_agree(Position.supported, both)


def test_texts_fold_and_compare_by_their_words() -> None:
    assert fold_text("To  ratify the \u201cCRC\u201d \u2013 fully.") == 'ratify the "crc"-fully'
    assert fold_text("Tomorrow\u00a0comes") == "tomorrow comes"
    assert similarity("ratify the crc", "ratify the crc now") == 0.75
    assert similarity("", "") == 0.0


def test_comparison_with_the_bundled_reviews(db: Session, exports: list[Path]) -> None:
    report = compare(db, exports)
    assert (report.files, report.rows, report.malformed) == (["cycle1.xlsx", "cycle2.xlsx"], 16, 2)
    assert (report.unattributed, report.symbols) == (1, 2)
    checks = {check.symbol: check for check in report.documents}
    assert {"A/HRC/14/15", "A/HRC/28/15", "A/HRC/59/15"} <= checks.keys()
    assert [c.symbol for c in report.documents if c.in_export] == ["A/HRC/14/15", "A/HRC/28/15"]

    second = checks["A/HRC/28/15"]
    assert (second.review_id, len(second.loaded), len(second.export)) == ("20-SVN", 163, 6)
    assert second.export_rows == 7 and second.repeated == {"115.3": 2}
    assert second.matched == {"115.1", "115.3", "115.105", "115.132", "115.163"}
    assert second.text_matches == {} and second.verdict == "ids agree"
    assert [(entry.paragraph, len(entry.rows)) for entry in second.missing] == [("115.164", 1)]
    assert second.only_in_database == {f"115.{n}" for n in range(1, 164)} - second.matched
    assert (second.entries, second.found) == (6, 5)
    assert (second.compared, second.not_final) == (5, {})
    [differs] = second.differences
    assert (differs.paragraph, differs.database) == ("115.163", Position.noted)
    assert [row.where for row in differs.export] == ["cycle2.xlsx row 7"]
    assert second.malformed == []

    first = checks["A/HRC/14/15"]
    assert (first.review_id, len(first.loaded), len(first.export)) == ("7-SVN", 97, 6)
    assert first.export_rows == 8 and first.repeated == {"111.1": 2}
    assert first.matched == {"111.1", "111.10", "111.32"}
    by_text = {
        pid: (match.entry.paragraph, [row.where for row in match.entry.rows], match.exact)
        for pid, match in first.text_matches.items()
    }
    assert by_text == {
        "111.28": (None, ["cycle1.xlsx row 2"], True),  # the row without an id
        "111.5": ("200.5", ["cycle1.xlsx row 7"], True),
        "111.4": ("200.6", ["cycle1.xlsx row 8"], False),  # one word differs
    }
    assert first.similar == {"111.4"}
    [unmatched] = first.missing
    assert (unmatched.paragraph, unmatched.rows[0].record.row) == ("200.7", 9)
    assert len(first.only_in_database) == 91 and "111.7" in first.only_in_database
    assert (first.entries, first.found) == (7, 6)
    assert first.verdict == "export uses other ids (matched by text)"
    assert (first.compared, first.not_final) == (5, {"unclear in the database": 1})
    matched_by_text, differs = first.differences  # positions are compared on either match
    assert (matched_by_text.paragraph, matched_by_text.database) == ("111.5", Position.supported)
    assert [row.where for row in matched_by_text.export] == ["cycle1.xlsx row 7"]
    # Slovenia supported 111.32 in part; the export says Noted
    assert (differs.paragraph, differs.database) == ("111.32", Position.supported_in_part)
    assert [(row.where, row.record.problems) for row in first.malformed] == [
        ("cycle1.xlsx row 2", ("Document 'Source:A/HRC/14/15' gives no paragraph",))
    ]
    assert checks["A/HRC/59/15"].review_id == "48-SVN"


def check(url: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run `upr check sdg-explorer ARGS` with UPR_DATABASE_URL=url."""
    return subprocess.run(
        [sys.executable, "-m", "app.cli", "check", "sdg-explorer", *map(str, args)],
        env={**os.environ, "UPR_DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_command_prints_and_writes_markdown(
    database_url: str, exports: list[Path], tmp_path: Path
) -> None:
    markdown = tmp_path / "data-quality.md"
    done = check(database_url, *exports, "--markdown", markdown)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "Export: 16 rows read from cycle1.xlsx, cycle2.xlsx;" in out
    block = out[out.index("A/HRC/28/15  review 20-SVN") :].split("\n\n")[0].splitlines()
    assert block[1:8] == [
        "  loaded 163, export 6 ids (7 rows; 1 id on several rows)",
        "  recall 83.3% (5/6: 5 by id, 0 by text), precision 3.1% (5/163: 5 by id, 0 by text)",
        "  verdict: ids agree",
        "  positions agree: 80.0% (4/5)",
        "  missing from the database (1):",
        "    115.164 (cycle2.xlsx row 8): Ensure that the rights of migrants are respected",
        "  only in the database (158): 115.2, 115.4–115.104, 115.106–115.131, 115.133–115.162",
    ]
    assert "    115.163: database noted, export supported (cycle2.xlsx row 7)" in block
    first = out[out.index("A/HRC/14/15  review 7-SVN") :].split("\n\n")[0].splitlines()
    assert first[2:4] == [
        "  recall 85.7% (6/7: 3 by id, 3 by text), precision 6.2% (6/97: 3 by id, 3 by text)",
        "  verdict: export uses other ids (matched by text)",
    ]
    assert "    200.7 (cycle1.xlsx row 9): Abolish the death penalty in all circumstances" in first
    assert "  matched by a similar, not equal, text (1):" in first
    assert (
        "    111.4 ~ 200.6 (cycle1.xlsx row 8): Align its legal framework to international human "
        "rights standards, in particula…"
    ) in first
    assert "A/HRC/59/15  review 48-SVN\n  loaded 254; not in the export" in out
    text = markdown.read_text(encoding="utf-8")
    assert text.startswith("# Data quality: loaded reviews against the SDG–HR Data Explorer")
    assert (
        "| A/HRC/28/15 | 20-SVN | 163 | 6 ids (7 rows; 1 id on several rows) | 83.3% (5/6: 5 by "
        "id, 0 by text) | 3.1% (5/163: 5 by id, 0 by text) | ids agree | 80.0% (4/5) | 0 |"
    ) in text
    assert "| 6.2% (6/97: 3 by id, 3 by text) | export uses other ids (matched by text) |" in text
    assert "## A/HRC/14/15 (review 7-SVN)" in text
    assert "  - cycle1.xlsx row 2: Document 'Source:A/HRC/14/15' gives no paragraph" in text

    refused = check(database_url, markdown)  # not a workbook
    assert refused.returncode == 1 and refused.stderr.startswith("error: ")
    assert "Traceback" not in refused.stderr


def _row(row: int, text: str, position: Position = Position.supported) -> ExportRow:
    record = ExplorerRecord(
        row=row, symbol="A/HRC/14/4", paragraph=None, state_under_review="Italy", text=text,
        position=position, recommending_states=("Japan",), goals=(), targets=(),
        affected_groups=(), year=2010, cycle=1, document="Source:A/HRC/14/4",
    )  # fmt: skip
    return ExportRow("cycle1.xlsx", record)


def test_rows_that_are_parts_of_one_report_item() -> None:
    check = DocumentCheck(
        symbol="A/HRC/14/4",
        review_id="7-ITA",
        loaded={"84.85": Position.pending, "84.86": Position.supported},
        texts={
            "84.85": "To strengthen efforts to combat trafficking in women and children (Japan); "
            "and to take effective measures to prosecute and punish trafficking and the "
            "exploitation of persons (Israel)",
            "84.86": "To extend outreach efforts to women and children in prostitution",
        },
        unnumbered=[
            _row(2, "Strengthen efforts to combat trafficking in women and children"),
            _row(
                3,
                "Take effective measures to prosecute and punish trafficking and the "
                "exploitation of persons",
                Position.noted,
            ),
            _row(4, "Punish"),  # too short to be read as a part
            _row(5, "Abolish something the report does not say"),
        ],
    )
    parts = {entry.rows[0].record.row: pid for entry, pid in check.part_matches.items()}
    assert parts == {2: "84.85", 3: "84.85"}
    assert [entry.rows[0].record.row for entry in check.missing] == [4, 5]
    assert check.only_in_database == {"84.86"}
    # The item is pending in the database: its parts' positions are not compared.
    assert (check.compared, check.not_final) == (0, {"pending in the database": 2})


def test_reader_reads_every_row_whatever_range_the_sheet_claims(tmp_path: Path) -> None:
    import re
    import zipfile

    source = Path(__file__).parents[1] / "data" / "sdg-explorer" / "cycle2.xlsx"
    damaged = tmp_path / "short-dimension.xlsx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(damaged, "w") as copy:
        for item in original.infolist():
            data = original.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:I10"', data)
            copy.writestr(item, data)
    assert len(list(read_explorer(damaged))) == len(list(read_explorer(source))) == 197
