"""The cross-check of the two datasets with each other and the documents (app.checks.datasets).

On real extracts: Kazakhstan's rows of the SDG–HR explorer export (A/HRC/14/10 and A/HRC/28/10,
copied at test time from the bundled `data/datasets/sdg-hr-explorer/` workbooks) and of UPR
Info's export (`tests/data/upr-info/kazakhstan.csv`), against the bundled documents that the
`db` fixture holds (Kazakhstan's reports of the 7th and 20th sessions among them).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlmodel import Session, func, select

from app.checks.datasets import (
    DatasetsCheck,
    Entry,
    Kind,
    PairComparison,
    Source,
    compare_datasets,
    loose_key,
    match_review,
    positions_agree,
    render_markdown,
    render_text,
    segments,
    text_key,
)
from app.models.recommendations import Recommendation
from app.vocab import Position

ROOT = Path(__file__).resolve().parents[1]
EXPLORER = ROOT / "data" / "datasets" / "sdg-hr-explorer"
KAZAKHSTAN = ROOT / "tests" / "data" / "upr-info" / "kazakhstan.csv"
# The explorer's rows of Kazakhstan's 1st and 2nd reviews, by the start of their Document cell.
EXTRACTS = {"upr1.xlsx": "Source:A/HRC/14/10|", "upr2.xlsx": "Source:A/HRC/28/10|"}
# The six recommendations of A/HRC/28/10 that the explorer lacks (and UPR Info has).
MISSING = {"20-KAZ-124.18", "20-KAZ-125.8", "20-KAZ-125.55", "20-KAZ-125.70", "20-KAZ-126.2"}
MISSING |= {"20-KAZ-126.49"}


@pytest.fixture(scope="module")
def explorer_extract(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Kazakhstan's rows of both explorer workbooks, with their header, in one workbook."""
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    header: tuple[object, ...] | None = None
    for name, prefix in EXTRACTS.items():
        source = load_workbook(EXPLORER / name, read_only=True)
        rows = source.worksheets[0].iter_rows(values_only=True)
        first = next(rows)
        if header is None:
            header = first
            sheet.append(first)
        assert first == header
        document = first.index("Document")
        for row in rows:
            if isinstance(row[document], str) and row[document].startswith(prefix):
                sheet.append(row)
        source.close()
    path = tmp_path_factory.mktemp("explorer") / "kazakhstan.xlsx"
    book.save(path)
    return path


@pytest.fixture
def result(db: Session, explorer_extract: Path) -> DatasetsCheck:
    return compare_datasets(db, [explorer_extract], [KAZAKHSTAN])


def pair_of(result: DatasetsCheck, first: Source, second: Source) -> PairComparison:
    return next(pair for pair in result.pairs if (pair.first, pair.second) == (first, second))


def entry(
    source: Source, text: str, *, paragraph: str | None = None, states: frozenset[str] = frozenset()
) -> Entry:
    return Entry(
        source, 20, "KAZ", text, where=paragraph or text, paragraph=paragraph, states=states
    )


def test_keys_fold_what_sources_write_differently() -> None:
    assert text_key("To ratify the OP-CAT;") == text_key("Ratify the OP CAT") == "ratify the op cat"
    assert loose_key("Create a more non-discriminatory environment") == loose_key(
        "Create more nondiscriminatory environment"
    )
    # The explorer writes a replacement character for some accented letters.
    assert loose_key("the Instance Equit\ufffd - Reconciliation") == loose_key(
        "the Instance Equité - Reconciliation"
    )
    assert text_key("the Instance Equit\ufffd") != text_key("the Instance Equité")


def test_segments_are_the_wordings_a_report_item_joins() -> None:
    assert segments("Ratify ICRMW (Ghana); Ratify ICRMW (Uruguay)") == ["ratify icrmw"] * 2
    joined = segments(
        "To consider ratifying (Slovenia)/ratify (Republic of Korea) the Convention on the Rights "
        "of Persons with Disabilities"
    )
    assert "ratify the convention on the rights of persons with disabilities" in joined
    assert "consider ratifying the convention on the rights of persons with disabilities" in joined


def test_positions_agree() -> None:
    supported, noted, in_part = Position.supported, Position.noted, Position.supported_in_part
    assert positions_agree(frozenset({supported}), frozenset({supported}))
    assert not positions_agree(frozenset({supported}), frozenset({noted}))
    assert positions_agree(frozenset({in_part}), frozenset({supported, noted}))
    assert not positions_agree(frozenset({noted}), frozenset({in_part}))
    assert not positions_agree(frozenset({supported, noted}), frozenset({noted}))


def test_matching_by_text_groups_and_parts() -> None:
    ratify = entry(Source.upr_info, "Ratify ICRMW", states=frozenset({"GHA", "URY"}))
    similar = entry(Source.upr_info, "Strengthen the efforts to combat trafficking in women")
    lone = entry(Source.upr_info, "Abolish the death penalty")
    joined = entry(
        Source.documents, "Ratify ICRMW (Ghana); Ratify ICRMW (Uruguay)", paragraph="1.1"
    )
    close = entry(Source.documents, "To strengthen its efforts to combat trafficking in women")
    same = [entry(Source.documents, "Ratify OP-CAT", paragraph=p) for p in ("1.2", "1.3")]
    other_same = entry(Source.upr_info, "Ratify OP CAT.")
    matched = match_review([ratify, similar, lone, other_same], [joined, close, *same])
    kinds = {match.kind: (match.first, match.second) for match in matched.matches}
    assert kinds["parts"] == ([ratify], [joined])
    assert kinds["slightly different"] == ([similar], [close])
    # One text that one source gives once and the other twice is one group.
    assert kinds["equal"] == ([other_same], same)
    assert matched.only_first == [lone]
    assert matched.only_second == []


def test_kazakhstan_explorer_against_the_reports(result: DatasetsCheck) -> None:
    pair = pair_of(result, Source.explorer, Source.documents)
    assert pair.sessions == [7, 20]
    first, second = pair.cycles
    # Every other review of sessions 7 and 20 is only in the documents: the extract has none.
    assert "20-SVN" in second.reviews_only_second and "7-SVN" in first.reviews_only_second
    # 20-KAZ: the explorer has 188 of the report's 194 recommendations (188 paragraph ids).
    assert (second.reviews, second.first, second.second) == (1, 188, 194)
    assert second.first_matched == 188 and second.second_matched == 188
    only = {item.second_where for item in second.differences if item.kind is Kind.only_second}
    assert only == MISSING
    # Positions: the report's 143 supported and 51 noted; the explorer says Supported for
    # 126.27, which the report lists among those that "did not enjoy the support".
    assert (second.positions_compared, second.positions_agreeing) == (188, 187)
    (position,) = [item for item in second.differences if item.kind is Kind.position]
    assert position.second_where == "20-KAZ-126.27"
    assert (position.first_value, position.second_value) == ("supported", "noted")
    assert second.states_compared == second.states_agreeing == 188
    # 7-KAZ: 127 paragraph ids against the report's 128 (95.3 is not in the explorer); the 26
    # recommendations the report leaves to be examined have no position in the documents.
    assert (first.first, first.second, first.first_matched) == (127, 128, 127)
    assert first.positions_not_compared == Counter({"pending in the documents": 26})
    assert (first.positions_compared, first.positions_agreeing) == (101, 101)
    assert [item.second_where for item in first.differences if item.kind is Kind.only_second] == [
        "7-KAZ-95.3"
    ]


def test_kazakhstan_upr_info_against_the_reports(result: DatasetsCheck) -> None:
    pair = pair_of(result, Source.upr_info, Source.documents)
    assert pair.sessions == [7, 20]
    first, second = pair.cycles
    # 20-KAZ: UPR Info's 198 rows make 189 texts; every one is in the report and every one
    # of the report's 194 in UPR Info (a text it gives once for several paragraphs included).
    assert (second.first, second.second) == (189, 194)
    assert (second.first_matched, second.second_matched) == (189, 194)
    assert not [item for item in second.differences if item.kind.value.startswith("only")]
    # The same error as the explorer: 126.27 is Accepted in UPR Info.
    assert second.positions_compared - second.positions_agreeing == 1
    (position,) = [item for item in second.differences if item.kind is Kind.position]
    assert position.second_where == "20-KAZ-126.27" and position.first_value == "supported"
    # 7-KAZ: 129 rows, 129 texts; the report's 95.3 joins two states' wordings, one of which
    # ("Ratify the Convention on the Rights of Persons with Disabilities") is UPR Info's.
    assert (first.first, first.second) == (129, 128)
    assert first.positions_compared == first.positions_agreeing


def test_kazakhstan_the_two_datasets(result: DatasetsCheck) -> None:
    pair = pair_of(result, Source.explorer, Source.upr_info)
    # UPR Info's extract also holds Morocco (session 1) and Senegal (session 4): sessions the
    # explorer's extract has no row of are not compared.
    assert pair.sessions == [7, 20]
    first, second = pair.cycles
    assert (second.first, second.second, second.first_matched) == (188, 189, 188)
    # What UPR Info has and the explorer lacks is what the explorer lacks from the report.
    only = [item.second_value for item in second.differences if item.kind is Kind.only_second]
    assert len(only) == 6 and "Ratify ICRMW" in only and "Ratify CRPD" in only
    # The datasets agree on every position they both give, 126.27 included.
    for cycle in pair.cycles:
        assert cycle.positions_compared == cycle.positions_agreeing > 0
    assert first.first == 127


def test_sources_read_and_no_database_writes(db: Session, explorer_extract: Path) -> None:
    before = db.exec(select(func.count()).select_from(Recommendation)).one()
    result = compare_datasets(db, [explorer_extract], [KAZAKHSTAN])
    assert db.exec(select(func.count()).select_from(Recommendation)).one() == before
    assert not db.new and not db.dirty and not db.deleted
    explorer, upr_info = result.sources[Source.explorer], result.sources[Source.upr_info]
    assert (explorer.rows, explorer.reviews, explorer.sessions) == (318, 2, [7, 20])
    assert (upr_info.rows, upr_info.sessions) == (334, [1, 4, 7, 20])
    assert result.unknown_states == {}


def test_unknown_state_names_are_counted_not_fatal(db: Session, tmp_path: Path) -> None:
    text = KAZAKHSTAN.read_bytes().decode("mac_roman").split("\r")
    damaged = [text[0]] + [line.replace("Kazakhstan,", "Kazakstann,", 1) for line in text[1:4]]
    damaged += [line.replace(",Mexico,", ",Mexicco,", 1) for line in text[4:]]
    path = tmp_path / "damaged.csv"
    path.write_bytes("\r".join(damaged).encode("mac_roman"))
    result = compare_datasets(db, upr_info=[path])
    assert result.sources[Source.upr_info].not_placed["state under review unknown"] == 3
    places, count = result.unknown_states["Kazakstann"]
    assert count == 3 and places[0].startswith("damaged.csv row 2")
    assert "Mexicco" in result.unknown_states
    pair = pair_of(result, Source.upr_info, Source.documents)
    assert pair.cycles[1].states_not_compared["a recommending state's name unknown"] >= 1


def test_renderings(result: DatasetsCheck) -> None:
    markdown = render_markdown(result)
    assert markdown.startswith("# Cross-check")
    assert "`upr check datasets kazakhstan.xlsx kazakhstan.csv" in markdown
    assert "## SDG–HR explorer and documents (sessions 7, 20)" in markdown
    assert "| 2 | 1 | 188 / 194 | 100.0% / 96.9% |" in markdown
    assert (
        "20-KAZ: SDG–HR explorer 126.27, kazakhstan.xlsx row 296: supported; "
        "documents 20-KAZ-126.27: noted" in markdown
    )
    text = render_text(result)
    assert "positions agree 99.4% (187/188)" in text
    assert "Only in documents: 1 in cycle 1, 6 in cycle 2" in text
