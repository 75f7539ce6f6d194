"""Damaged input for every importer: seeded mutations of real files, imported as the CLI does.

Formats and files: every bundled Working Group report and addendum (PDF) and thematic list
(DOCX) of `data/documents/bundled.json`; a small UHRI export (JSON) written from
`tests.uhri_records`; the real SDG–HR Data Explorer extract `tests/data/sdg-explorer/cycle2.xlsx`
(XLSX: Kazakhstan's 2nd review, 197 rows), its inline strings moved into
xl/sharedStrings.xml as the explorer's own exports have them; UPR Info's real CSV extracts
`tests/data/upr-info/kazakhstan.csv` and `voluntary-extract.csv` (CSV: Mac Roman, CR line
endings, recommendations and voluntary pledges).

Mutations, each made from a seed named after the file, the mutation and its number:
- every format: truncation at a random point, a few flipped bytes;
- DOCX and XLSX (edited inside the zip, the XML through lxml): a member removed, two table rows
  swapped (`<w:tr>` in word/document.xml, `<row>` in xl/worksheets/sheet1.xml), a row
  duplicated, a column removed (`<w:tc>`, `<c>`), the main XML part (the document, or the
  XLSX's shared strings) re-encoded as UTF-16 or Latin-1 without changing its declaration, bytes
  flipped inside that part;
- JSON: the export re-encoded as UTF-16 (with and without a byte-order mark) or Latin-1;
- CSV (edited as lines split at CR, or through the csv module): two data lines swapped, a line
  duplicated, the k-th field removed from every line (or, one time in three, from one line),
  the file re-encoded as UTF-16 (with or without a byte-order mark) or UTF-8 (with or without
  one), CR replaced by LF or CRLF, a header label changed (misspelt, upper-cased, padded with
  spaces, or made another column's label).

Each mutated file goes through the CLI's path in a worker thread with a generous deadline
(`DEADLINE`, a safety net against hangs, not a timing assertion): `parse_document` then
`load_document` (PDF, DOCX), `load_uhri` (JSON), `load_explorer` (XLSX, after `read_explorer`
alone, whose records must be consistent) and `load_upr_info` (CSV), each loader with the test
database's sessions (`new_session`). It must either succeed with a report that agrees with
itself and with what was written (`added + changed + unchanged == recommendations`, the new
recommendations and pledges counted, the dataset version moved exactly when something was
written), or raise the documented error (`ParseError`, of which `ExplorerFormatError` and
`UprInfoFormatError` are kinds, or `ImportFailed`) naming the file and the place, and then leave
the recommendation, source, disagreement, pledge and link tables and the dataset version as
they were.

By default each file gets `DEFAULT_MUTATIONS` mutations, cycling through the mutations of its
format from a different start for each file (so the PDFs, one mutation each, alternate between
truncation and flipped bytes). Set `UPR_MUTATIONS=300` to run that many per file instead
(slow: a PDF takes about a second to parse, and a CSV or XLSX import a second or two), e.g.
`UPR_MUTATIONS=300 .venv/bin/pytest -q tests/importers/test_mutations.py -k sqlite`, or only
the datasets with `-k "sqlite and (csv or xlsx)"`.
"""

from __future__ import annotations

import concurrent.futures
import csv
import functools
import io
import os
import random
import re
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from lxml import etree
from openpyxl import Workbook
from sqlalchemy import func, select
from sqlmodel import Session

from app.importers.documents import DocumentSpec, bundled_documents, parse_document
from app.importers.loading import ImportFailed, ImportReport
from app.importers.loading.explorer import load_explorer
from app.importers.loading.uhri import load_uhri
from app.importers.loading.upr_info import load_upr_info
from app.importers.parsing.sdg_explorer import ExplorerFormatError, ExplorerRecord, read_explorer
from app.importers.parsing.upr_info import EXPORT_ENCODING
from app.importers.records import ParsedDocument, ParseError
from app.models.linking import RecommendationLink
from app.models.recommendations import (
    ExternalId,
    Recommendation,
    RecommendationDisagreement,
    RecommendationGroup,
    RecommendationSdg,
    RecommendationSource,
    RecommendationTheme,
    RecommendationUprInfoIssue,
    RecommendingState,
)
from app.models.reviews import Pledge, Review
from app.versioning import read_version
from app.vocab import DocumentKind
from tests.support.writes import load_committed
from tests.uhri_records import treaty_body_record, upr_record, write_export

DEADLINE = 60.0  # seconds per import
DEFAULT_MUTATIONS = {"pdf": 1, "docx": 8, "xlsx": 8, "json": 5, "csv": 8}
COUNTED_TABLES = (  # Recommendation first (see check_report)
    Recommendation,
    RecommendingState,
    RecommendationTheme,
    RecommendationGroup,
    RecommendationSdg,
    RecommendationUprInfoIssue,
    ExternalId,
    RecommendationSource,
    RecommendationDisagreement,
    RecommendationLink,
    Review,
    Pledge,
)
DATA = Path(__file__).resolve().parents[1] / "data"
EXPLORER_EXTRACT = DATA / "sdg-explorer" / "cycle2.xlsx"
UPR_INFO_EXTRACTS = {
    "upr-info-kazakhstan": DATA / "upr-info" / "kazakhstan.csv",
    "upr-info-voluntary": DATA / "upr-info" / "voluntary-extract.csv",
}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
MAIN_PART = {"docx": "word/document.xml", "xlsx": "xl/sharedStrings.xml"}
TABLE_PART = {"docx": "word/document.xml", "xlsx": "xl/worksheets/sheet1.xml"}
ROW_TAG = {"docx": f"{W}tr", "xlsx": f"{S}row"}
CELL_TAG = {"docx": f"{W}tc", "xlsx": f"{S}c"}

Mutator = Callable[[bytes, random.Random, str], bytes]


# --- mutations --------------------------------------------------------------------------------


def truncate(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """The file cut off at a random point."""
    return data[: rng.randrange(len(data))]


def flip_bytes(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """The file with one to eight bytes replaced by random ones."""
    damaged = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        damaged[rng.randrange(len(damaged))] = rng.randrange(256)
    return bytes(damaged)


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _zipped(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _edit_part(data: bytes, part: str, edit: Callable[[bytes], bytes]) -> bytes:
    members = _members(data)
    members[part] = edit(members[part])
    return _zipped(members)


def remove_member(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """The zip without one of its members."""
    members = _members(data)
    del members[rng.choice(sorted(members))]
    return _zipped(members)


def _edit_rows(data: bytes, fmt: str, edit: Callable[[list[Any]], None]) -> bytes:
    """The zip with `edit` applied to the table rows of its table part (a list of elements)."""

    def apply(xml: bytes) -> bytes:
        root = etree.fromstring(xml)
        edit(list(root.iter(ROW_TAG[fmt])))
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)

    return _edit_part(data, TABLE_PART[fmt], apply)


def swap_rows(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """Two table rows swapped (the XLSX's row and cell references move with them)."""

    def edit(rows: list[Any]) -> None:
        if len(rows) < 2:
            return
        first, second = rng.sample(rows, 2)
        marker = etree.Element("marker")
        first.addprevious(marker)
        second.addprevious(first)
        marker.addprevious(second)
        marker.getparent().remove(marker)

    return _edit_rows(data, fmt, edit)


def duplicate_row(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """One table row written twice in a row."""

    def edit(rows: list[Any]) -> None:
        row = rng.choice(rows)
        row.addnext(etree.fromstring(etree.tostring(row)))

    return _edit_rows(data, fmt, edit)


def remove_column(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """The n-th cell removed from every table row (or, one time in three, from one row)."""

    def edit(rows: list[Any]) -> None:
        column = rng.randrange(4)
        chosen = [rng.choice(rows)] if rng.random() < 1 / 3 else rows
        for row in chosen:
            cells = [cell for cell in row if cell.tag == CELL_TAG[fmt]]
            if column < len(cells):
                row.remove(cells[column])

    return _edit_rows(data, fmt, edit)


def reencode_part(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """The main XML part re-encoded as UTF-16 or Latin-1, its declaration still saying UTF-8."""
    encoding = rng.choice(["utf-16", "utf-16-le", "latin-1"])
    return _edit_part(
        data, MAIN_PART[fmt], lambda xml: xml.decode("utf-8").encode(encoding, "replace")
    )


def flip_part_bytes(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """A few bytes flipped inside the main XML part, the zip itself intact."""
    return _edit_part(data, MAIN_PART[fmt], lambda xml: flip_bytes(xml, rng, fmt))


def reencode_json(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """The export re-encoded as UTF-16 (with or without a byte-order mark) or Latin-1."""
    encoding = rng.choice(["utf-16", "utf-16-le", "utf-16-be", "latin-1"])
    return data.decode("utf-8").encode(encoding, "replace")


def _edit_lines(data: bytes, edit: Callable[[list[bytes]], None]) -> bytes:
    """The CSV export with `edit` applied to its data lines (split at CR, the header kept)."""
    header, *lines = data.split(b"\r")
    if lines:
        edit(lines)
    return b"\r".join([header, *lines])


def swap_lines(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """Two data lines of the CSV export swapped."""

    def edit(lines: list[bytes]) -> None:
        if len(lines) >= 2:
            first, second = rng.sample(range(len(lines)), 2)
            lines[first], lines[second] = lines[second], lines[first]

    return _edit_lines(data, edit)


def duplicate_line(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """One data line of the CSV export written twice in a row."""

    def edit(lines: list[bytes]) -> None:
        at = rng.randrange(len(lines))
        lines.insert(at, lines[at])

    return _edit_lines(data, edit)


def _csv_rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode(EXPORT_ENCODING), newline="")))


def _csv_bytes(rows: list[list[str]]) -> bytes:
    """Rows written back as the export writes them: Mac Roman, CR between lines, none after."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r").writerows(rows)
    return buffer.getvalue().removesuffix("\r").encode(EXPORT_ENCODING)


def remove_csv_column(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """The k-th field removed from every line (or, one time in three, from one data line)."""
    rows = _csv_rows(data)
    column = rng.randrange(max(len(row) for row in rows))
    chosen = [rng.choice(rows[1:] or rows)] if rng.random() < 1 / 3 else rows
    for row in chosen:
        if column < len(row):
            del row[column]
    return _csv_bytes(rows)


def reencode_csv(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """The CSV export re-encoded as UTF-16 (with or without a byte-order mark) or UTF-8 (with
    or without one)."""
    encoding = rng.choice(["utf-16", "utf-16-le", "utf-16-be", "utf-8", "utf-8-sig"])
    return data.decode(EXPORT_ENCODING).encode(encoding)


def change_line_endings(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """The export's CR line endings made LF or CRLF."""
    return data.replace(b"\r", rng.choice([b"\n", b"\r\n"]))


def rename_header(data: bytes, rng: random.Random, fmt: str) -> bytes:
    """One header label changed: misspelt, upper-cased, padded with spaces, or made another
    column's label."""
    first, separator, rest = data.partition(b"\r")
    header = _csv_rows(first)[0]
    column = rng.randrange(len(header))
    label = header[column]
    how = rng.choice(["misspelt", "upper", "padded", "another"])
    if how == "misspelt" and label:
        at = rng.randrange(len(label))
        header[column] = label[:at] + label[at + 1 :]
    elif how == "upper":
        header[column] = label.upper()
    elif how == "padded":
        header[column] = f"  {label} "
    else:
        header[column] = rng.choice([other for other in header if other != label] or [label])
    return _csv_bytes([header]) + separator + rest


ZIP_MUTATORS: list[Mutator] = [
    truncate,
    flip_bytes,
    remove_member,
    swap_rows,
    duplicate_row,
    remove_column,
    reencode_part,
    flip_part_bytes,
]
MUTATORS: dict[str, list[Mutator]] = {
    "pdf": [truncate, flip_bytes],
    "docx": ZIP_MUTATORS,
    "xlsx": ZIP_MUTATORS,
    "json": [truncate, flip_bytes, reencode_json],
    "csv": [
        truncate,
        flip_bytes,
        swap_lines,
        duplicate_line,
        remove_csv_column,
        reencode_csv,
        change_line_endings,
        rename_header,
    ],
}


def mutator_of(fmt: str, number: int) -> Mutator:
    """The mutation a file of `fmt` gets as its `number`-th."""
    return MUTATORS[fmt][number % len(MUTATORS[fmt])]


def mutate(data: bytes, fmt: str, name: str, number: int) -> tuple[str, bytes]:
    """The `number`-th mutation of a file: (mutation name, mutated bytes), the same every run."""
    mutator = mutator_of(fmt, number)
    rng = random.Random(f"{name}:{mutator.__name__}:{number}")
    return mutator.__name__, mutator(data, rng, fmt)


# --- the files --------------------------------------------------------------------------------


def uhri_export(path: Path) -> Path:
    """A small UHRI export: recommendations to Uzbekistan at session 44 and a treaty body's."""
    records = [
        upr_record(1, "101.1", "Ratify the Optional Protocol to the Convention against Torture"),
        upr_record(
            2,
            "101.2",
            "Guarantee freedom of expression for journalists and human rights défenseurs",
            positions=("Noted",),
            recommending=("Côte d'Ivoire", "Türkiye"),
            sdgs=("16.10",),
            themes=("Freedom of opinion and expression",),
        ),
        treaty_body_record(3),
        upr_record(
            4,
            "101.3",
            "Strengthen measures to combat domestic violence against women and girls",
            recommending=("Chile",),
            groups=("Women & girls",),
        ),
    ]
    return write_export(path, records)


EXPLORER_HEADER = (
    "Goals", "Recommendation", "Tekst", "Targets", "Keywords", "Response",
    "Recommending state", "Mechanism", "field_year", "Document",
)  # fmt: skip
EXPLORER_ROWS = [
    ("16. Peace, justice and strong institutions", "Slovenia",
     "Intensify efforts to combat discrimination against Roma", "16.b, 10.3", "Roma",
     "Supported", "Côte d'Ivoire", "UPR", "2014 Cycle 2", "Source:A/HRC/28/15|115.1|"),
    ("No SDG link identified", "Slovenia", "Ratify the Convention on Migrant Workers", None,
     "Migrants", "Noted", "Türkiye", "UPR", "2014 Cycle 2", "Source:A/HRC/28/15|115.2|"),
    ("5. Gender equality", "Slovenia", "Combat violence against women", 5.2,
     "Women and girlsChildren", "Supported", "Chile", "UPR", "2014 Cycle 2",
     "Source:A/HRC/28/15|115.3|"),
]  # fmt: skip


def explorer_workbook(path: Path) -> Path:
    """A small SDG–HR Data Explorer export of Slovenia's second review."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(EXPLORER_HEADER)
    for row in EXPLORER_ROWS:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    path.write_bytes(with_shared_strings(buffer.getvalue()))
    return path


def with_shared_strings(data: bytes) -> bytes:
    """The workbook with its inline strings moved into xl/sharedStrings.xml, as exports have."""
    members = _members(data)
    sheet = etree.fromstring(members[TABLE_PART["xlsx"]])
    strings: list[str] = []
    for cell in sheet.iter(f"{S}c"):
        if cell.get("t") == "inlineStr":
            text = "".join(cell.itertext())
            cell[:] = []
            cell.set("t", "s")
            etree.SubElement(cell, f"{S}v").text = str(len(strings))
            strings.append(text)
    table = etree.Element(f"{S}sst", nsmap={None: S[1:-1]})
    table.set("count", str(len(strings)))
    table.set("uniqueCount", str(len(strings)))
    for text in strings:
        etree.SubElement(etree.SubElement(table, f"{S}si"), f"{S}t").text = text
    members[TABLE_PART["xlsx"]] = etree.tostring(sheet, xml_declaration=True, encoding="UTF-8")
    members[MAIN_PART["xlsx"]] = etree.tostring(table, xml_declaration=True, encoding="UTF-8")
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        b"</Types>",
        b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        b'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
    )
    members["xl/_rels/workbook.xml.rels"] = members["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rIdStrings" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        b"</Relationships>",
    )
    return _zipped(members)


@dataclass(frozen=True)
class Original:
    """A file to mutate: its format, a short name and, for a document, its spec."""

    fmt: str
    name: str
    spec: DocumentSpec | None = None


def originals() -> list[Original]:
    """Every bundled document, the UHRI export, the explorer extract and UPR Info's extracts."""
    found = [
        Original(
            "pdf" if spec.path.suffix == ".pdf" else "docx",
            f"{spec.path.parent.parent.name}-{spec.path.stem}",
            spec,
        )
        for spec in bundled_documents()
    ]
    return [
        *found,
        Original("json", "uhri-export"),
        Original("xlsx", "sdg-explorer-cycle2"),
        *(Original("csv", name) for name in UPR_INFO_EXTRACTS),
    ]


@dataclass(frozen=True)
class Case:
    """One mutation of one file."""

    original: Original
    number: int

    def __str__(self) -> str:
        return f"{self.original.name}-{self.number}"


def case_id(case: Case) -> str:
    """The test id of a case, starting with its format (`-k csv` selects UPR Info's)."""
    return f"{case.original.fmt}-{case}"


def cases() -> Iterator[Case]:
    """`UPR_MUTATIONS` (else `DEFAULT_MUTATIONS`) cases for every file."""
    wanted = os.environ.get("UPR_MUTATIONS")
    for index, original in enumerate(originals()):
        count = int(wanted) if wanted else DEFAULT_MUTATIONS[original.fmt]
        for number in range(index, index + count):  # files start at different mutations
            yield Case(original, number)


@pytest.fixture(scope="session")
def files(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder for the originals and mutated files, kept for the test run (parses are cached
    by path)."""
    folder = tmp_path_factory.mktemp("mutations")
    uhri_export(folder / "uhri-export.json")
    explorer_workbook(folder / "sdg-explorer.xlsx")  # for the regressions below
    (folder / "sdg-explorer-cycle2.xlsx").write_bytes(
        with_shared_strings(EXPLORER_EXTRACT.read_bytes())
    )
    for name, extract in UPR_INFO_EXTRACTS.items():
        (folder / f"{name}.csv").write_bytes(extract.read_bytes())
    return folder


def original_bytes(original: Original, folder: Path) -> bytes:
    """The unmutated file."""
    if original.spec is not None:
        return original.spec.path.read_bytes()
    return (folder / f"{original.name}.{original.fmt}").read_bytes()


def mutated_file(case: Case, folder: Path) -> tuple[str, Path]:
    """(mutation name, path) of the mutated file, written once."""
    original = case.original
    how, data = mutate(original_bytes(original, folder), original.fmt, original.name, case.number)
    path = folder / f"{case}-{how}.{original.fmt}"
    if not path.exists():
        path.write_bytes(data)
    return how, path


# --- importing --------------------------------------------------------------------------------


@functools.cache
def parsed(spec: DocumentSpec) -> ParsedDocument | ParseError:
    """A document parsed as the CLI does, or its ParseError (cached: both backends use it)."""
    try:
        return parse_document(spec)
    except ParseError as error:
        return error


def within_deadline(work: Callable[[], Any]) -> Any:
    """The result of `work`, run in a worker thread; fails the test if it outlives DEADLINE."""
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=1)
    future = pool.submit(work)
    try:
        return future.result(timeout=DEADLINE)
    except concurrent.futures.TimeoutError:
        pytest.fail(f"the import did not finish within {DEADLINE:.0f} s")
    finally:
        pool.shutdown(wait=False)


def table_state(db: Session) -> tuple[int, ...]:
    """Row counts of the recommendation and link tables, and the dataset version."""
    counts = [db.execute(select(func.count()).select_from(table)).scalar_one() for table in
              COUNTED_TABLES]  # fmt: skip
    return (*counts, read_version(db))


def import_document(db: Session, spec: DocumentSpec) -> ImportReport:
    """Parse (cached) and load one document, as `upr import` does."""
    outcome = parsed(spec)
    if isinstance(outcome, ParseError):
        raise outcome
    return load_committed(db, outcome)


PLEDGE_COUNTS = re.compile(
    r"^(\d+) voluntary pledge rows: (\d+) pledges, (\d+) added, (\d+) changed, (\d+) unchanged$"
)


def pledges_written(report: ImportReport, before: tuple[int, ...], db: Session) -> bool:
    """Whether a UPR Info import wrote pledges, checking that its pledge counts add up (its
    report says them in a warning)."""
    counts = [match for line in report.warnings if (match := PLEDGE_COUNTS.match(line))]
    if not counts:
        assert report.pledges == 0, report.warnings
        return False
    assert len(counts) == 1, counts
    rows, pledges, added, changed, unchanged = map(int, counts[0].groups())
    assert rows == report.pledges and added + changed + unchanged == pledges <= rows
    assert (
        table_state(db)[COUNTED_TABLES.index(Pledge)]
        == before[COUNTED_TABLES.index(Pledge)] + added
    )
    return bool(added or changed)


def check_report(report: ImportReport, path: Path, before: tuple[int, ...], db: Session) -> None:
    """A successful import's report agrees with itself and with what it wrote: the version
    moved exactly when something was written, and nothing was written without it moving."""
    after = table_state(db)
    assert report.file == str(path)
    assert report.added + report.changed + report.unchanged == report.recommendations
    assert after[0] == before[0] + report.added  # recommendations are added, never removed
    moved = bool(report.added or report.changed or report.review_fields_changed)
    if report.source == "upr_info":
        moved = pledges_written(report, before, db) or moved
    assert (after[-1] > before[-1]) is moved or report.source == "uhri"
    if not moved and report.source != "uhri":
        assert after == before, "nothing reported, but the tables changed"


def check_failure(error: Exception, path: Path) -> None:
    """A failure names the file (in its message too) and the place, or says what is wrong."""
    assert str(error).startswith(f"{path}: "), error
    if isinstance(error, ParseError):  # ExplorerFormatError and UprInfoFormatError among them
        assert error.file == str(path) and error.where and error.problem, error
    else:
        assert isinstance(error, ImportFailed), error
        assert error.file == str(path) and error.problems, error


def check_records(records: list[ExplorerRecord]) -> None:
    """What the reader yields is consistent: rows in order, complete unless it says otherwise."""
    rows = [record.row for record in records]
    assert rows == sorted(rows) and all(row >= 2 for row in rows)
    for record in records:
        if not record.malformed:
            assert record.symbol and record.paragraph and record.text and record.position


DOCUMENT_CASES = [case for case in cases() if case.original.spec is not None]
OTHER_CASES = [case for case in cases() if case.original.spec is None]


@pytest.mark.parametrize("case", DOCUMENT_CASES, ids=case_id)
def test_mutated_document(db: Session, files: Path, case: Case) -> None:
    """A damaged report, addendum or thematic list imports correctly or fails cleanly."""
    assert case.original.spec is not None
    how, path = mutated_file(case, files)
    spec = DocumentSpec(path=path, kind=case.original.spec.kind)
    before = table_state(db)
    try:
        report = within_deadline(lambda: import_document(db, spec))
    except (ParseError, ImportFailed) as error:
        check_failure(error, path)
        assert table_state(db) == before, f"{how}: a failed import wrote"
    else:
        check_report(report, path, before, db)
        if spec.kind is DocumentKind.addendum:
            assert report.added == 0


@pytest.mark.parametrize("case", [c for c in OTHER_CASES if c.original.fmt == "json"], ids=case_id)
def test_mutated_uhri_export(
    db: Session, new_session: Callable[[], Session], files: Path, case: Case
) -> None:
    """A damaged UHRI export imports correctly or fails cleanly, writing nothing."""
    how, path = mutated_file(case, files)
    before = table_state(db)
    try:
        report = within_deadline(lambda: load_uhri(new_session, path, batch_size=2))
    except (ParseError, ImportFailed) as error:
        check_failure(error, path)
        assert table_state(db) == before, f"{how}: a failed import wrote"
    else:
        check_report(report, path, before, db)


@pytest.mark.parametrize("case", [c for c in OTHER_CASES if c.original.fmt == "xlsx"], ids=case_id)
def test_mutated_explorer_export(
    db: Session, new_session: Callable[[], Session], files: Path, case: Case
) -> None:
    """A damaged explorer workbook is read as far as it reads, or fails with its error; it
    then imports correctly or fails cleanly, writing nothing."""
    how, path = mutated_file(case, files)
    try:
        records = within_deadline(lambda: list(read_explorer(path)))
    except ExplorerFormatError as error:
        check_failure(error, path)
        unreadable: ExplorerFormatError | None = error
    else:
        check_records(records)
        unreadable = None
    before = table_state(db)
    try:
        report = within_deadline(lambda: load_explorer(new_session, path))
    except (ParseError, ImportFailed) as error:
        check_failure(error, path)
        if unreadable is not None:
            assert str(error) == str(unreadable), "the loader read what the reader could not"
        assert table_state(db) == before, f"{how}: a failed import wrote"
    else:
        assert unreadable is None, "the loader read what the reader could not"
        check_report(report, path, before, db)


@pytest.mark.parametrize("case", [c for c in OTHER_CASES if c.original.fmt == "csv"], ids=case_id)
def test_mutated_upr_info_export(
    db: Session, new_session: Callable[[], Session], files: Path, case: Case
) -> None:
    """A damaged UPR Info export imports correctly or fails cleanly, writing nothing."""
    how, path = mutated_file(case, files)
    before = table_state(db)
    try:
        report = within_deadline(lambda: load_upr_info(new_session, path))
    except (ParseError, ImportFailed) as error:
        check_failure(error, path)
        assert table_state(db) == before, f"{how}: a failed import wrote"
    else:
        check_report(report, path, before, db)


def test_the_originals_import(db: Session, new_session: Callable[[], Session], files: Path) -> None:
    """Unmutated, the files read completely and import, so the mutations start from good
    input."""
    report = load_uhri(new_session, files / "uhri-export.json")
    assert (report.recommendations, report.added) == (3, 3)
    records = list(read_explorer(files / "sdg-explorer.xlsx"))
    assert [record.problems for record in records] == [(), (), ()]
    path = files / "sdg-explorer-cycle2.xlsx"
    assert [record.row for record in read_explorer(path)] == [
        record.row for record in read_explorer(EXPLORER_EXTRACT)
    ]  # the same rows with its strings shared as with them inline
    before = table_state(db)
    report = load_explorer(new_session, path)
    assert "20-KAZ" in report.reviews and report.changed > 0
    check_report(report, path, before, db)
    for name in UPR_INFO_EXTRACTS:
        path = files / f"{name}.csv"
        before = table_state(db)
        report = load_upr_info(new_session, path)
        assert report.recommendations + report.pledges > 0
        check_report(report, path, before, db)


def test_mutations_are_seeded(files: Path) -> None:
    """The same case gives the same bytes; every mutator of a format is used by default."""
    data = original_bytes(Original("xlsx", "sdg-explorer"), files)
    assert mutate(data, "xlsx", "sdg-explorer", 3) == mutate(data, "xlsx", "sdg-explorer", 3)
    assert mutate(data, "xlsx", "sdg-explorer", 3)[1] != data
    used = {
        (case.original.fmt, mutator_of(case.original.fmt, case.number).__name__)
        for case in cases()
        if case.original.fmt in ("pdf", "json", "csv")
    }
    assert used == {(fmt, m.__name__) for fmt in ("pdf", "json", "csv") for m in MUTATORS[fmt]}


# --- regressions: damage that once escaped as another exception --------------------------------


def _damage_member(data: bytes, member: str, *, method: int | None = None) -> bytes:
    """The zip with `member`'s compressed data overwritten (an invalid deflate block) or, with
    `method`, its compression method changed to one zipfile does not know."""
    damaged = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        info = archive.getinfo(member)
    local = info.header_offset
    if method is not None:
        damaged[local + 8 : local + 10] = method.to_bytes(2, "little")
        name = member.encode()
        central = next(
            at - 46
            for at in range(len(data) - len(name), 0, -1)
            if data.startswith(name, at) and data.startswith(b"PK\x01\x02", at - 46)
        )
        damaged[central + 10 : central + 12] = method.to_bytes(2, "little")
        return bytes(damaged)
    name_length = int.from_bytes(data[local + 26 : local + 28], "little")
    extra_length = int.from_bytes(data[local + 28 : local + 30], "little")
    start = local + 30 + name_length + extra_length
    damaged[start : start + 8] = b"\xff" * 8
    return bytes(damaged)


def _thematic_list() -> Path:
    return next(spec.path for spec in bundled_documents() if spec.path.suffix == ".docx")


@pytest.mark.parametrize("method", [None, 99], ids=["bad-deflate-data", "unknown-method"])
def test_thematic_list_with_a_damaged_member_is_a_parse_error(
    tmp_path: Path, method: int | None
) -> None:
    """zlib.error and NotImplementedError from a damaged document.xml became ParseError."""
    path = tmp_path / "list.docx"
    path.write_bytes(
        _damage_member(_thematic_list().read_bytes(), TABLE_PART["docx"], method=method)
    )
    with pytest.raises(ParseError, match="not a readable DOCX document") as raised:
        parse_document(DocumentSpec(path=path, kind=DocumentKind.thematic_list))
    assert (raised.value.file, raised.value.where) == (str(path), "file")


@pytest.mark.parametrize(
    "damage, where",
    [
        (lambda data: _damage_member(data, MAIN_PART["xlsx"]), "file"),
        (lambda data: _damage_member(data, MAIN_PART["xlsx"], method=99), "file"),
        (
            lambda data: _edit_part(
                data, MAIN_PART["xlsx"], lambda xml: xml.decode().encode("utf-16")
            ),
            "file",
        ),
        (lambda data: _edit_part(data, MAIN_PART["xlsx"], lambda xml: xml[:-20]), "file"),
        (
            lambda data: _edit_part(
                data, TABLE_PART["xlsx"], lambda xml: xml.replace(b'<row r="3"', b'<row r="3"<')
            ),
            "row 3",
        ),
        (
            lambda data: _edit_part(
                data, TABLE_PART["xlsx"], lambda xml: xml.replace(b"<v>10</v>", b"<v>999</v>", 1)
            ),
            "row 2",
        ),
    ],
    ids=[
        "bad-deflate-data",
        "unknown-method",
        "utf16-strings",
        "cut-strings",
        "bad-row-xml",
        "no-such-string",
    ],
)
def test_damaged_explorer_workbook_is_a_format_error(
    files: Path, tmp_path: Path, damage: Callable[[bytes], bytes], where: str
) -> None:
    """zlib, zipfile, XML and shared-string errors from a damaged workbook became
    ExplorerFormatError naming the file and the place."""
    path = tmp_path / "damaged.xlsx"
    path.write_bytes(damage((files / "sdg-explorer.xlsx").read_bytes()))
    with pytest.raises(ExplorerFormatError) as raised:
        list(read_explorer(path))
    assert (raised.value.file, raised.value.where) == (str(path), where)


def test_explorer_workbook_without_a_worksheet_is_a_format_error(
    files: Path, tmp_path: Path
) -> None:
    """A workbook whose only worksheet is missing raised IndexError; now ExplorerFormatError."""
    members = _members((files / "sdg-explorer.xlsx").read_bytes())
    del members[TABLE_PART["xlsx"]]
    path = tmp_path / "no-sheet.xlsx"
    path.write_bytes(_zipped(members))
    with pytest.raises(ExplorerFormatError, match="no worksheet") as raised:
        list(read_explorer(path))
    assert raised.value.where == "file"
