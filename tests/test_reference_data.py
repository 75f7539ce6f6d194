"""Checks on the bundled reference data in data/reference (plain files, no database)."""

import csv
import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from app.reference import working_group_session_of_hrc
from app.states.queries import fold_name as fold

REFERENCE = Path(__file__).resolve().parent.parent / "data" / "reference"

GROUPS = {
    "African",
    "Asia-Pacific",
    "Eastern European",
    "Latin American and Caribbean",
    "Western European and others",
}
DOCUMENT_KINDS = {
    "national_report",
    "un_compilation",
    "stakeholders_summary",
    "working_group_report",
    "addendum",
    "thematic_list",
    "hrc_decision",
}
SESSION_48_ORDER = [
    "ITA", "SLV", "GMB", "BOL", "FJI", "SMR", "KAZ",
    "AGO", "IRN", "MDG", "IRQ", "SVN", "EGY", "BIH",
]  # fmt: skip


def read_csv(name: str) -> list[dict[str, str]]:
    with (REFERENCE / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.fixture(scope="module")
def states() -> list[dict[str, str]]:
    return read_csv("states.csv")


@pytest.fixture(scope="module")
def by_iso(states: list[dict[str, str]]) -> dict[str, dict[str, str]]:
    return {row["iso3"]: row for row in states}


@pytest.fixture(scope="module")
def aliases() -> list[dict[str, str]]:
    return read_csv("state_aliases.csv")


@pytest.fixture(scope="module")
def sessions() -> list[dict[str, str]]:
    return read_csv("sessions.csv")


@pytest.fixture(scope="module")
def reviews() -> list[dict]:
    with (REFERENCE / "reviews.json").open(encoding="utf-8") as f:
        return json.load(f)


# --- states.csv ---------------------------------------------------------------------------


def test_states_columns(states: list[dict[str, str]]) -> None:
    assert list(states[0].keys()) == ["iso3", "name", "status", "regional_group"]


def test_states_counts(states: list[dict[str, str]]) -> None:
    assert len(states) == 195
    statuses = Counter(row["status"] for row in states)
    assert statuses == {"member": 193, "observer": 2}
    assert {row["iso3"] for row in states if row["status"] == "observer"} == {"VAT", "PSE"}


def test_iso3_codes_unique_and_well_formed(states: list[dict[str, str]]) -> None:
    codes = [row["iso3"] for row in states]
    assert len(set(codes)) == len(codes)
    assert all(re.fullmatch(r"[A-Z]{3}", code) for code in codes)


def test_names_unique_even_when_folded(states: list[dict[str, str]]) -> None:
    names = [fold(row["name"]) for row in states]
    assert len(set(names)) == len(names)
    assert all(row["name"] == row["name"].strip() and row["name"] for row in states)


def test_every_state_has_a_valid_group(states: list[dict[str, str]]) -> None:
    for row in states:
        assert row["regional_group"] in GROUPS, row


def test_member_group_counts(states: list[dict[str, str]]) -> None:
    counts = Counter(row["regional_group"] for row in states if row["status"] == "member")
    assert counts == {
        "African": 54,
        "Asia-Pacific": 54,  # 53 in the DGACM list, plus Kiribati
        "Eastern European": 23,
        "Latin American and Caribbean": 33,
        "Western European and others": 29,  # 28 in the DGACM list, plus the United States
    }
    assert sum(counts.values()) == 193


@pytest.mark.parametrize(
    ("iso3", "group"),
    [
        ("KAZ", "Asia-Pacific"),
        ("SVN", "Eastern European"),
        ("USA", "Western European and others"),
        ("TUR", "Western European and others"),
        ("ISR", "Western European and others"),
        ("KIR", "Asia-Pacific"),
        ("CYP", "Asia-Pacific"),
        ("SSD", "African"),
        ("VAT", "Western European and others"),
        ("PSE", "Asia-Pacific"),
    ],
)
def test_special_group_placements(by_iso: dict[str, dict[str, str]], iso3: str, group: str) -> None:
    assert by_iso[iso3]["regional_group"] == group


@pytest.mark.parametrize(
    ("iso3", "name"),
    [
        ("IRN", "Iran (Islamic Republic of)"),
        ("TUR", "Türkiye"),
        ("CIV", "Côte d'Ivoire"),
        ("NLD", "Netherlands (Kingdom of the)"),
        ("GBR", "United Kingdom of Great Britain and Northern Ireland"),
        ("MKD", "North Macedonia"),
        ("VNM", "Viet Nam"),
        ("GMB", "Gambia"),
        ("VAT", "Holy See"),
        ("PSE", "State of Palestine"),
    ],
)
def test_un_short_names(by_iso: dict[str, dict[str, str]], iso3: str, name: str) -> None:
    assert by_iso[iso3]["name"] == name


# --- state_aliases.csv --------------------------------------------------------------------


def test_aliases_point_to_known_states(
    aliases: list[dict[str, str]], by_iso: dict[str, dict[str, str]]
) -> None:
    assert list(aliases[0].keys()) == ["alias", "iso3", "note"]
    for row in aliases:
        assert row["alias"].strip(), row
        assert row["iso3"] in by_iso, row


def test_typos_say_where_they_occur(aliases: list[dict[str, str]]) -> None:
    typos = {row["alias"]: row["note"] for row in aliases if row["note"].startswith("typo")}
    assert typos["Azerbeijan"].startswith("typo in A/HRC/14/4")
    assert all(len(note) > len("typo in ") for note in typos.values())


def test_no_alias_names_another_state(
    aliases: list[dict[str, str]], states: list[dict[str, str]]
) -> None:
    canonical = {fold(row["name"]): row["iso3"] for row in states}
    for row in aliases:
        owner = canonical.get(fold(row["alias"]))
        assert owner is None or owner == row["iso3"], row
        # An alias equal (after folding) to its own canonical name is redundant.
        assert owner is None, f"alias repeats a canonical name: {row}"


def test_no_alias_maps_to_two_states_and_none_is_repeated(aliases: list[dict[str, str]]) -> None:
    seen: dict[str, str] = {}
    for row in aliases:
        key = fold(row["alias"])
        assert key not in seen, f"{row['alias']!r} listed twice ({seen.get(key)}, {row['iso3']})"
        seen[key] = row["iso3"]


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        # Names used in the bundled Slovenian documents that are not canonical.
        ("Czech Republic", "CZE"),
        ("Turkey", "TUR"),
        ("the former Yugoslav Republic of Macedonia", "MKD"),
        ("Islamic Republic of Iran", "IRN"),
        ("Bolivarian Republic of Venezuela", "VEN"),
        ("Kingdom of the Netherlands", "NLD"),
        ("Netherlands", "NLD"),
        ("Moldova", "MDA"),
        ("United Kingdom", "GBR"),
        ("United States", "USA"),
        ("Côte d\u2019Ivoire", "CIV"),  # typographic apostrophe
        # Other usual forms.
        ("Swaziland", "SWZ"),
        ("Cape Verde", "CPV"),
        ("Libyan Arab Jamahiriya", "LBY"),
        ("the Gambia", "GMB"),
        ("Democratic Republic of Congo", "COD"),
        ("Republic of the Congo", "COG"),
        ("the Holy See", "VAT"),
        ("Palestine", "PSE"),
    ],
)
def test_known_aliases_resolve(
    aliases: list[dict[str, str]], states: list[dict[str, str]], name: str, iso3: str
) -> None:
    lookup = {fold(row["name"]): row["iso3"] for row in states}
    lookup.update({fold(row["alias"]): row["iso3"] for row in aliases})
    assert lookup.get(fold(name)) == iso3


def test_bare_korea_is_not_an_alias(aliases: list[dict[str, str]]) -> None:
    assert "korea" not in {fold(row["alias"]) for row in aliases}


# --- sessions.csv -------------------------------------------------------------------------


def test_sessions_cover_1_to_54(sessions: list[dict[str, str]]) -> None:
    assert list(sessions[0].keys()) == [
        "number", "start_date", "end_date", "source", "hrc_session", "hrc_session_source",
    ]  # fmt: skip
    assert [int(row["number"]) for row in sessions] == list(range(1, 55))


def test_session_dates_are_ordered_and_sourced(sessions: list[dict[str, str]]) -> None:
    previous_end: date | None = None
    for row in sessions:
        start = date.fromisoformat(row["start_date"]) if row["start_date"] else None
        end = date.fromisoformat(row["end_date"]) if row["end_date"] else None
        if start and end:
            assert start <= end, row
            assert (end - start).days <= 21, row
        if start or end:
            assert row["source"].strip(), row
        if start and previous_end:
            assert previous_end < start, row
        previous_end = end or previous_end


@pytest.mark.parametrize(
    ("number", "start", "end"),
    [
        (7, "2010-02-08", "2010-02-19"),
        (20, "2014-10-27", "2014-11-07"),
        (34, "2019-11-04", "2019-11-15"),
        (48, "2025-01-20", "2025-01-31"),
        (49, "2025-04-28", "2025-05-09"),
    ],
)
def test_known_session_dates(
    sessions: list[dict[str, str]], number: int, start: str, end: str
) -> None:
    row = sessions[number - 1]
    assert (row["start_date"], row["end_date"]) == (start, end)


def test_hrc_sessions_are_sourced_and_in_order(sessions: list[dict[str, str]]) -> None:
    filled = [row for row in sessions if row["hrc_session"]]
    assert [int(row["number"]) for row in filled] == [*range(1, 27), 48]
    for row in sessions:
        assert bool(row["hrc_session"]) == bool(row["hrc_session_source"].strip()), row
    councils = [int(row["hrc_session"]) for row in filled]
    assert councils == sorted(councils)
    # Each Council session adopts one Working Group session's outcomes, except HRC 8 (1 and 2).
    assert Counter(councils).most_common(2) == [(8, 2), (10, 1)]


def test_hrc_sessions_agree_with_reviews(
    sessions: list[dict[str, str]], reviews: list[dict]
) -> None:
    checked = 0
    for r in reviews:
        hrc = sessions[r["session"] - 1]["hrc_session"]
        if hrc and r["hrc_session"]:
            assert int(hrc) == r["hrc_session"], r
            checked += 1
    assert checked >= 18  # the reviews of sessions 7, 20 and 48


@pytest.mark.parametrize(
    ("hrc", "session"),
    [(10, 3), (14, 7), (25, 17), (28, 20), (29, 21), (34, 26), (59, 48), (8, None), (9, None),
     (43, None), (999, None)],
)  # fmt: skip
def test_working_group_session_of_hrc(hrc: int, session: int | None) -> None:
    assert working_group_session_of_hrc(hrc) == session


# --- reviews.json -------------------------------------------------------------------------


def test_review_shape(reviews: list[dict], by_iso: dict[str, dict[str, str]]) -> None:
    keys = {
        "session", "state", "order", "review_date", "meeting_number", "head_of_delegation",
        "troika", "hrc_session", "reported_totals", "documents", "notes",
    }  # fmt: skip
    pairs = Counter((r["session"], r["state"]) for r in reviews)
    assert max(pairs.values()) == 1
    for r in reviews:
        assert set(r) == keys, r
        assert r["state"] in by_iso
        assert all(t in by_iso and t != r["state"] for t in r["troika"])
        if r["review_date"]:
            date.fromisoformat(r["review_date"])
        for doc in r["documents"]:
            assert doc["kind"] in DOCUMENT_KINDS, doc
            assert doc["symbol"].startswith("A/HRC/"), doc
            if doc["date"]:
                date.fromisoformat(doc["date"])
        totals = r["reported_totals"]
        if totals is not None:
            assert totals["supported"] + totals["noted"] == totals["received"], r
            assert totals["source"]


def test_review_dates_fall_within_their_session(
    reviews: list[dict], sessions: list[dict[str, str]]
) -> None:
    for r in reviews:
        row = sessions[r["session"] - 1]
        if r["review_date"] and row["start_date"]:
            assert row["start_date"] <= r["review_date"] <= row["end_date"], r


def test_session_48_reviews_in_order(reviews: list[dict]) -> None:
    s48 = sorted((r for r in reviews if r["session"] == 48), key=lambda r: r["order"])
    assert [r["state"] for r in s48] == SESSION_48_ORDER
    assert [r["order"] for r in s48] == list(range(1, 15))
    for r in s48:
        assert r["hrc_session"] == 59
        symbols = {d["kind"]: d["symbol"] for d in r["documents"]}
        assert symbols["national_report"] == f"A/HRC/WG.6/48/{r['state']}/1"
        assert symbols["un_compilation"] == f"A/HRC/WG.6/48/{r['state']}/2"
        assert symbols["stakeholders_summary"] == f"A/HRC/WG.6/48/{r['state']}/3"


def _review(reviews: list[dict], session: int, state: str) -> dict:
    matches = [r for r in reviews if r["session"] == session and r["state"] == state]
    assert len(matches) == 1
    return matches[0]


def test_kazakhstan_reviews(reviews: list[dict]) -> None:
    assert sorted(r["session"] for r in reviews if r["state"] == "KAZ") == [7, 20, 34, 48]
    k48 = _review(reviews, 48, "KAZ")
    assert k48["review_date"] == "2025-01-23"
    totals = k48["reported_totals"]
    assert (totals["received"], totals["supported"], totals["noted"]) == (294, 259, 35)
    k34 = _review(reviews, 34, "KAZ")["reported_totals"]
    assert (k34["received"], k34["supported"], k34["noted"]) == (245, 214, 31)
    k7 = _review(reviews, 7, "KAZ")
    assert (k7["review_date"], k7["meeting_number"], k7["hrc_session"]) == ("2010-02-12", 9, 14)
    assert k7["troika"] == ["BGD", "CUB", "MUS"]
    k20 = _review(reviews, 20, "KAZ")
    assert (k20["review_date"], k20["meeting_number"], k20["hrc_session"]) == ("2014-10-30", 7, 28)
    assert k20["troika"] == ["DEU", "KWT", "ZAF"]


@pytest.mark.parametrize(
    ("session", "review_date", "meeting", "troika", "report", "hrc", "totals"),
    [
        (7, "2010-02-16", 14, ["EGY", "BRA", "USA"], "A/HRC/14/15", 14, None),
        (20, "2014-11-04", 13, ["BWA", "ITA", "VNM"], "A/HRC/28/15", 28, (163, 142, 21)),
        (48, "2025-01-28", 13, ["DOM", "ZAF", "THA"], "A/HRC/59/15", 59, (254, 217, 37)),
    ],
)
def test_slovenia_reviews(
    reviews: list[dict],
    session: int,
    review_date: str,
    meeting: int,
    troika: list[str],
    report: str,
    hrc: int,
    totals: tuple[int, int, int] | None,
) -> None:
    r = _review(reviews, session, "SVN")
    assert (r["review_date"], r["meeting_number"], r["hrc_session"]) == (review_date, meeting, hrc)
    assert r["troika"] == troika
    symbols = {d["kind"]: d["symbol"] for d in r["documents"]}
    assert symbols["working_group_report"] == report
    assert symbols["addendum"] == f"{report}/Add.1"
    assert symbols["national_report"] == f"A/HRC/WG.6/{session}/SVN/1"
    got = r["reported_totals"]
    if totals is None:
        assert got is None
    else:
        assert (got["received"], got["supported"], got["noted"]) == totals
