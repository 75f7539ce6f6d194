"""The UHRI export reader (streaming, problem reporting, resume) and the export generator."""

from __future__ import annotations

import datetime as dt
import json
import re
import tracemalloc
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from app.importers.parsing.uhri import (
    UhriProblem,
    UhriProblemError,
    UhriReader,
    UhriRecord,
    batched,
    iter_uhri_recommendations,
    map_position_labels,
    parse_sdg,
    parse_session,
)
from app.importers.records import ParseError, ThemeRef
from app.vocab import Position, cycle_of_session
from tests.support.uhri_generator import generate_uhri_export, main

UPR_KEYS = [
    "AnnotationId",
    "AnnotationType",
    "Body",
    "Countries",
    "DocumentId",
    "PublicationDate",
    "PublicationDateOnUhri",
    "Regions",
    "Sdgs",
    "Symbol",
    "Text",
    "Themes",
    "AffectedPersons",
    "UprCycle",
    "UprSession",
    "UprPositions",
    "UprRecommendingCountry",
    "UprRecommendingRegions",
]


@pytest.fixture(scope="module")
def small_export(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("uhri") / "export.json"
    generate_uhri_export(path, upr_records=300, other_records=100, seed=7)
    return path


def _write(tmp_path: Path, records: list[Any], name: str = "export.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
    return path


def _upr(**overrides: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "AnnotationId": "00000000-0000-4000-8000-000000000001",
        "AnnotationType": "- Recommendations",
        "Body": "- UPR",
        "Countries": ["Slovenia"],
        "DocumentId": "doc-1",
        "PublicationDate": "2025-03-31T00:00:00",
        "PublicationDateOnUhri": "2025-06-01T00:00:00",
        "Regions": ["Europe and Central Asia"],
        "Sdgs": [],
        "Symbol": "A/HRC/59/15",
        "Text": "<p>140.1 Ratify the Optional Protocol to the Convention against Torture "
        "(Chile);</p>",
        "Themes": ["- Ratification of & accession to international instruments"],
        "AffectedPersons": [],
        "UprCycle": "- Cycle 4",
        "UprSession": ["- 48"],
        "UprPositions": ["- Supported"],
        "UprRecommendingCountry": ["Chile"],
        "UprRecommendingRegions": ["- GRULAC"],
    }
    record.update(overrides)
    return record


# --------------------------------------------------------------------------- generated files


def test_generated_export_reads_back(small_export: Path) -> None:
    raw = json.loads(small_export.read_text(encoding="utf-8"))
    assert len(raw) == 400
    assert all(list(item) == UPR_KEYS for item in raw)
    upr = {i: item for i, item in enumerate(raw) if item["Body"] == "- UPR"}
    others = [item for item in raw if item["Body"] != "- UPR"]
    assert len(upr) == 300
    assert all(
        o["UprCycle"] is None
        and o["UprSession"] == []
        and o["UprPositions"] == []
        and o["UprRecommendingCountry"] == []
        for o in others
    )

    reader = UhriReader(small_export)
    records = list(reader)
    assert reader.problems == []
    assert reader.stats.items == 400 and reader.stats.skipped_other == 100
    assert [r.index for r in records] == sorted(upr)

    for record in records:
        item = upr[record.index]
        rec = record.recommendation
        assert record.annotation_id == item["AnnotationId"] == rec.external_ids["uhri"]
        assert record.session == int(item["UprSession"][0].removeprefix("- "))
        assert item["UprCycle"] == f"- Cycle {cycle_of_session(record.session)}"
        assert record.state_under_review == item["Countries"][0]
        assert record.symbol == item["Symbol"]
        assert record.publication_date == dt.date.fromisoformat(item["PublicationDate"][:10])
        assert rec.location == f"record {record.index}"
        assert item["Text"].startswith(f"<p>{rec.paragraph}")
        assert re.fullmatch(r"\d+\.\d+", rec.paragraph)
        assert rec.text and rec.text[0].isupper()
        assert not re.search(r"[<>&;]|\)$|\.$|^\d", rec.text), rec.text
        assert rec.text in item["Text"].replace("&#x27;", "'").replace("&nbsp;", " ")
        assert rec.recommending_states == item["UprRecommendingCountry"]
        assert all(f"({s})" not in rec.text for s in rec.recommending_states)
        expected = {"- Supported": Position.supported, "- Noted": Position.noted}
        assert rec.position == expected[item["UprPositions"][0]]
        assert rec.themes == [ThemeRef(t.removeprefix("- ")) for t in item["Themes"]]
        assert rec.affected_groups == [g.removeprefix("- ") for g in item["AffectedPersons"]]
        assert rec.sdgs == [s.split(" - ")[0] for s in item["Sdgs"]]


def test_generated_values_are_realistic(tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    generate_uhri_export(path, upr_records=3000, seed=3)
    records = list(iter_uhri_recommendations(path))
    assert len(records) == 3000
    reviews = Counter((r.session, r.state_under_review) for r in records)
    assert all(1 <= session <= 54 for session, _ in reviews)
    sizes = sorted(reviews.values())
    assert all(100 <= n <= 300 for n in sizes[1:])  # the last review may be cut short
    supported = sum(r.recommendation.position is Position.supported for r in records)
    assert 0.6 < supported / len(records) < 0.9
    for r in records:
        assert 1 <= len(r.recommendation.recommending_states) <= 3
        assert r.state_under_review not in r.recommendation.recommending_states
        assert 1 <= len(r.recommendation.themes) <= 4
    # per review, paragraphs are numbered <n>.1, <n>.2, ... without gaps
    first = next(iter(reviews))
    paragraphs = [
        r.recommendation.paragraph for r in records if (r.session, r.state_under_review) == first
    ]
    assert [p.split(".")[1] for p in paragraphs] == [str(i) for i in range(1, len(paragraphs) + 1)]


def test_generator_is_deterministic(tmp_path: Path) -> None:
    paths = [tmp_path / f"{name}.json" for name in "abc"]
    generate_uhri_export(paths[0], upr_records=200, other_records=50, seed=11)
    generate_uhri_export(paths[1], upr_records=200, other_records=50, seed=11)
    generate_uhri_export(paths[2], upr_records=200, other_records=50, seed=12)
    assert paths[0].read_bytes() == paths[1].read_bytes()
    assert paths[0].read_bytes() != paths[2].read_bytes()
    first = [(r.annotation_id, r.recommendation) for r in iter_uhri_recommendations(paths[0])]
    again = [(r.annotation_id, r.recommendation) for r in iter_uhri_recommendations(paths[1])]
    assert first == again


def test_generator_cli_and_given_states(tmp_path: Path) -> None:
    out = tmp_path / "cli.json"
    assert main([str(out), "--upr", "120", "--other", "30", "--seed", "1"]) == 0
    assert len(json.loads(out.read_text(encoding="utf-8"))) == 150
    names = ["Slovenia", "Chile", "Côte d'Ivoire", "Bolivia (Plurinational State of)"]
    generate_uhri_export(out, upr_records=150, seed=2, states=names)
    records = list(iter_uhri_recommendations(out))
    assert {r.state_under_review for r in records} <= set(names)
    assert {s for r in records for s in r.recommendation.recommending_states} <= set(names)
    generate_uhri_export(out, upr_records=400, other_records=10, seed=2, states=names[:2])
    pairs = {
        (r.state_under_review, *r.recommendation.recommending_states)
        for r in iter_uhri_recommendations(out)
    }
    assert pairs == {("Slovenia", "Chile"), ("Chile", "Slovenia")}


# --------------------------------------------------------------------------- hand-written records


def test_odd_label_styles_and_html(tmp_path: Path) -> None:
    records = [
        _upr(
            Body="UPR",
            AnnotationType=["- Recommendations"],
            UprSession=["48th session"],
            Countries=["- Slovenia"],
            Text="<p><strong>140.2.</strong>&nbsp;Ratify the Council of Europe&rsquo;s "
            "Convention &amp; its protocol,<br/> in&nbsp;line with &quot;Istanbul&quot; "
            "(Bolivia (Plurinational State of)) (C&ocirc;te d&#39;Ivoire);</p>",
            UprRecommendingCountry=["- Bolivia (Plurinational State of)", "Côte d'Ivoire"],
            UprPositions=["Supported", "- Supported"],
            Themes=["- Women's rights", "A12 Acceptance of international norms"],
            AffectedPersons=["- Women", "- Girls"],
            Sdgs=[
                "- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS",
                "5.2 - Eliminate all forms of violence against all women and girls",
                "16.a",
            ],
        ),
        _upr(
            UprSession=["Session 34"],
            UprPositions="- Noted",
            UprRecommendingCountry="Portugal",
            Text="115.7 Adopt a strategy (No. 189) (Portugal, Slovakia).",
        ),
        _upr(
            UprSession=[20],
            UprPositions=["Partially supported", "Supported"],
            Text="<p>115.8 Consider ratifying ILO Convention (No. 189) (Chile);</p>",
        ),
        {**_upr(), "Body": "- CRC", "UprSession": [], "UprCycle": None},
        _upr(AnnotationType="- Concerns/Observations"),
    ]
    reader = UhriReader(_write(tmp_path, records))
    got = list(reader)
    assert reader.problems == []
    assert [r.index for r in got] == [0, 1, 2]
    first, second, third = got
    assert first.session == 48 and first.state_under_review == "Slovenia"
    rec = first.recommendation
    assert rec.paragraph == "140.2"
    assert rec.text == (
        'Ratify the Council of Europe\u2019s Convention & its protocol, in line with "Istanbul"'
    )
    assert rec.recommending_states == ["Bolivia (Plurinational State of)", "Côte d'Ivoire"]
    assert rec.position is Position.supported
    assert rec.themes == [
        ThemeRef("Women's rights"),
        ThemeRef("Acceptance of international norms", "A12"),
    ]
    assert rec.affected_groups == ["Women", "Girls"]
    assert rec.sdgs == ["16", "5.2", "16.a"]
    # the state group is removed even though Slovakia is not in UprRecommendingCountry,
    # "(No. 189)" stays: it does not look like a state name
    assert second.session == 34
    assert second.recommendation.text == "Adopt a strategy (No. 189)"
    assert second.recommendation.recommending_states == ["Portugal"]
    assert second.recommendation.position is Position.noted
    assert third.recommendation.text == "Consider ratifying ILO Convention (No. 189)"
    assert third.recommendation.position is Position.supported_in_part


def test_unmappable_values_are_reported_not_dropped(tmp_path: Path) -> None:
    records = [
        _upr(AnnotationId="a0", UprPositions=["- Accepted with reservations"]),
        _upr(AnnotationId="a1", Text="<p>Ratify the Optional Protocol (Chile);</p>"),
        _upr(AnnotationId="a2", UprSession=[]),
        _upr(AnnotationId="a3", UprSession=["- to be announced"]),
        _upr(AnnotationId="a4", UprPositions=["Supported", "Noted"]),
        _upr(AnnotationId="a5", Sdgs=["Peace and justice"], UprRecommendingCountry=[]),
        "not an object",
        _upr(AnnotationId="a7", Countries=["Slovenia", "Italy"]),
        _upr(AnnotationId="a8"),
        _upr(AnnotationId="a9", UprSession=["- 48", "- to be confirmed"]),
        _upr(AnnotationId="a10", AnnotationType=None),
    ]
    path = _write(tmp_path, records)
    reader = UhriReader(path)
    got = list(reader)
    assert [r.annotation_id for r in got] == ["a0", "a4", "a5", "a8", "a9", "a10"]
    unclear = got[0].recommendation
    assert unclear.position is Position.unclear
    assert unclear.position_text == "Accepted with reservations"
    assert got[1].recommendation.position is Position.unclear
    assert got[1].recommendation.position_text == "Supported; Noted"
    assert got[2].recommendation.sdgs == []
    assert got[4].session == 48

    found = {(p.location, p.annotation_id, p.field, p.skipped) for p in reader.problems}
    assert found == {
        ("record 0", "a0", "UprPositions", False),
        ("record 1", "a1", "Text", True),
        ("record 2", "a2", "UprSession", True),
        ("record 3", "a3", "UprSession", True),
        ("record 4", "a4", "UprPositions", False),
        ("record 5", "a5", "Sdgs", False),
        ("record 5", "a5", "UprRecommendingCountry", False),
        ("record 6", None, "record", True),
        ("record 7", "a7", "Countries", True),
        ("record 9", "a9", "UprSession", False),
        ("record 10", "a10", "AnnotationType", False),
    }
    problem = next(p for p in reader.problems if p.location == "record 1")
    assert "paragraph number" in problem.message
    assert problem.value.startswith("Ratify the Optional Protocol")
    assert "record 1 (a1)" in str(problem) and "record skipped" in str(problem)
    assert reader.stats.skipped_with_problems == 5
    assert len(reader.fatal_problems) == 5

    # strict: the first problem raises, naming the place
    with pytest.raises(UhriProblemError) as caught:
        list(iter_uhri_recommendations(path))
    assert caught.value.where == "record 0 (AnnotationId a0)"
    assert caught.value.uhri_problem.field == "UprPositions"
    assert isinstance(caught.value, ParseError)
    # or collect into the caller's list
    collected: list[UhriProblem] = []
    assert len(list(iter_uhri_recommendations(path, problems=collected))) == 6
    assert len(collected) == 11


def test_truncated_file_raises_parse_error_with_location(
    small_export: Path, tmp_path: Path
) -> None:
    data = small_export.read_bytes()
    cut = data.index(b"\n{", len(data) // 2) + 40  # inside a record in the middle
    complete = data[:cut].count(b"\n{") - 1
    truncated = tmp_path / "truncated.json"
    truncated.write_bytes(data[:cut])
    reader = UhriReader(truncated)
    seen: list[UhriRecord] = []
    with pytest.raises(ParseError) as caught:
        seen.extend(reader)
    assert caught.value.file == str(truncated)
    assert caught.value.where == f"record {complete}, near byte {cut}"
    assert "premature EOF" in caught.value.problem
    assert seen and seen[-1].index < complete
    assert reader.next_index == complete  # everything before the broken record was read


def test_invalid_character_reports_its_byte(tmp_path: Path) -> None:
    good = json.dumps([_upr(), _upr(), _upr()]).encode()
    bad_at = good.index(b'"Body"', good.index(b'"Body"') + 1) - 1  # 2nd record, before "Body"
    path = tmp_path / "bad.json"
    path.write_bytes(good[:bad_at] + b"#" + good[bad_at + 1 :])
    with pytest.raises(ParseError) as caught:
        list(UhriReader(path))
    assert caught.value.where == f"record 1, near byte {bad_at}"
    assert "invalid char" in caught.value.problem


@pytest.mark.parametrize(
    ("content", "where", "problem"),
    [
        (b'{"AnnotationId": "x"}', "byte 0", "not a JSON array"),
        (b"\n\n  42", "byte 4", "not a JSON array"),
        (b"   \n", "byte 0", "empty file"),
        (b"", "byte 0", "empty file"),
    ],
)
def test_not_an_array(tmp_path: Path, content: bytes, where: str, problem: str) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with pytest.raises(ParseError) as caught:
        list(UhriReader(path))
    assert caught.value.where == where
    assert problem in caught.value.problem


def test_not_a_file_and_bom(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="no such file"):
        list(UhriReader(tmp_path / "missing.json"))
    with pytest.raises(ParseError, match="not a regular file"):
        list(UhriReader(tmp_path))
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps([_upr()]).encode())
    assert len(list(UhriReader(path))) == 1


def test_resume_from_index_yields_the_tail(small_export: Path) -> None:
    everything = list(UhriReader(small_export))
    start = everything[150].index
    reader = UhriReader(small_export, start=start)
    tail = list(reader)
    assert [r.annotation_id for r in tail] == [r.annotation_id for r in everything[150:]]
    assert reader.stats.items == 400 - start
    assert reader.next_index == 400
    assert list(UhriReader(small_export, start=400)) == []
    # resuming after a record: start at index + 1
    after = list(UhriReader(small_export, start=everything[-2].index + 1))
    assert [r.index for r in after] == [everything[-1].index]
    with pytest.raises(ValueError):
        UhriReader(small_export, start=-1)


def test_batched() -> None:
    assert list(batched(range(7), 3)) == [(0, 1, 2), (3, 4, 5), (6,)]
    assert list(batched([], 3)) == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("48", 48),
        ("- 48", 48),
        ("48th session", 48),
        ("Session 48", 48),
        (48, 48),
        ("- Session 7 (February 2010)", 7),
        ("", None),
        ("- n/a", None),
        (0, None),
        (True, None),
    ],
)
def test_parse_session(value: Any, expected: int | None) -> None:
    assert parse_session(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("16.2 - Protect children from abuse, exploitation, trafficking and violence", "16.2"),
        ("- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS", "16"),
        ("16.10 - Access", "16.10"),
        ("SDG 5.2", "5.2"),
        ("1.b - Policy frameworks", "1.b"),
        ("18 - No such goal", None),
        ("Peace", None),
    ],
)
def test_parse_sdg(value: str, expected: str | None) -> None:
    assert parse_sdg(value) == expected


@pytest.mark.parametrize(
    ("labels", "position", "has_problem"),
    [
        ([], None, False),
        (["Supported"], Position.supported, False),
        (["SUPPORTED."], Position.supported, False),
        (["Accepted"], Position.supported, False),
        (["Noted", "noted"], Position.noted, False),
        (["Rejected"], Position.noted, False),
        (["Supported in part"], Position.supported_in_part, False),
        (["Partially supported", "Noted"], Position.supported_in_part, False),
        (["Pending"], Position.pending, False),
        (["Supported", "Noted"], Position.unclear, True),
        (["Supported", "Pending"], Position.unclear, True),
        (["Maybe"], Position.unclear, True),
    ],
)
def test_map_position_labels(
    labels: list[str], position: Position | None, has_problem: bool
) -> None:
    got, text, problem = map_position_labels(labels)
    assert got == position
    assert (problem is not None) == has_problem
    assert text == ("; ".join(labels) or None)


# --------------------------------------------------------------------------- streaming


def test_reading_streams_in_constant_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    generate_uhri_export(path, upr_records=3_000, other_records=5_000, seed=5)
    size = path.stat().st_size
    assert size > 10_000_000
    tracemalloc.start()
    try:
        count = sum(1 for _ in UhriReader(path))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 3_000
    # a parser that loaded the file would need several times its size
    assert peak < size / 15, (peak, size)
