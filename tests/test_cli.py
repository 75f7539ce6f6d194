"""The `upr` command as an operator runs it: real processes against a database of their own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import Connection, func, select
from sqlmodel import Session

from app.db import build_engine
from app.models.recommendations import (
    Recommendation,
    RecommendationGroup,
    RecommendationSdg,
    RecommendationTheme,
    recommendation_id,
)
from app.models.taxonomy import AffectedGroup, Theme
from tests.conftest import bundled_thematic_list

DOCUMENTS = Path(__file__).resolve().parent.parent / "data" / "documents" / "SVN" / "session-48"
REPORT = DOCUMENTS / "A_HRC_59_15.pdf"
ADDENDUM = DOCUMENTS / "A_HRC_59_15_Add.1.pdf"
THEMATIC = DOCUMENTS / "thematic-list-of-recommendations.docx"


def upr(url: str, *args: str | Path) -> subprocess.CompletedProcess[str]:
    """Run `upr ARGS` with UPR_DATABASE_URL=url."""
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *map(str, args)],
        env={**os.environ, "UPR_DATABASE_URL": url},
        capture_output=True,
        text=True,
        timeout=120,
    )


def loaded(url: str) -> int:
    engine = build_engine(url)
    with engine.connect() as connection:
        count = connection.execute(select(func.count()).select_from(Recommendation)).scalar_one()
    engine.dispose()
    return count


Classifications = dict[str, tuple[set[str], set[str], set[str]]]


def classifications(db: Connection | Session, review: str) -> Classifications:
    """The themes, affected groups and SDG codes stored for each recommendation of `review`."""
    found: Classifications = {
        rid: (set(), set(), set())
        for rid in db.execute(
            select(Recommendation.id).where(Recommendation.review_id == review)
        ).scalars()
    }
    queries = (
        select(RecommendationTheme.recommendation_id, Theme.name).join(
            Theme, Theme.id == RecommendationTheme.theme_id
        ),
        select(RecommendationGroup.recommendation_id, AffectedGroup.name).join(
            AffectedGroup, AffectedGroup.id == RecommendationGroup.group_id
        ),
        select(RecommendationSdg.recommendation_id, RecommendationSdg.sdg_code),
    )
    for part, query in enumerate(queries):
        for rid, value in db.execute(query).all():
            if rid in found:
                found[rid][part].add(value)
    return found


def classifications_of_the_list() -> Classifications:
    """What the bundled thematic list of Slovenia's fourth review gives each recommendation;
    every one of its 254 has themes, groups and SDGs."""
    expected: Classifications = {
        recommendation_id(48, "SVN", item.paragraph): (
            {theme.name for theme in item.themes},
            set(item.affected_groups),
            set(item.sdgs),
        )
        for item in bundled_thematic_list(48).recommendations
    }
    assert len(expected) == 254 and all(all(parts) for parts in expected.values())
    return expected


def test_import_report_addendum_and_list_with_reports(
    scratch_database_url: str, tmp_path: Path
) -> None:
    url = scratch_database_url
    dry = upr(url, "import", "report", REPORT, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "254 added" in dry.stdout and "dry run: nothing written" in dry.stdout
    assert loaded(url) == 0

    report_json = tmp_path / "report.json"
    first = upr(url, "import", "report", REPORT, "--report-json", report_json)
    assert first.returncode == 0, first.stderr
    [report] = json.loads(report_json.read_text())
    assert (report["added"], report["reviews"]) == (254, ["48-SVN"])

    # --state takes an ISO3 code as well as a name.
    addendum = upr(url, "import", "addendum", ADDENDUM, "--session", "48", "--state", "SVN")
    assert addendum.returncode == 0, addendum.stderr
    assert "254 changed" in addendum.stdout
    engine = build_engine(url)
    with engine.connect() as connection:
        unclassified = classifications(connection, "48-SVN")
    assert len(unclassified) == 254
    assert not any(any(parts) for parts in unclassified.values())  # the report has none

    list_json = tmp_path / "list.json"
    thematic = upr(
        url, "import", "thematic-list", THEMATIC, "--session", "48", "--state", "Slovenia",
        "--report-json", list_json,
    )  # fmt: skip
    assert thematic.returncode == 0, thematic.stderr
    [listed] = json.loads(list_json.read_text())
    # no recommendation of its own: it classifies every one the report brought
    assert (listed["source"], listed["reviews"], listed["recommendations"]) == (
        "thematic_list", ["48-SVN"], 254,
    )  # fmt: skip
    assert (listed["added"], listed["changed"], listed["unchanged"]) == (0, 254, 0)
    with engine.connect() as connection:
        assert classifications(connection, "48-SVN") == classifications_of_the_list()
    engine.dispose()
    again = upr(url, "import", "report", REPORT)
    assert "0 added, 0 changed, 254 unchanged" in again.stdout
    assert loaded(url) == 254


def test_bad_files_fail_with_a_message_not_a_traceback(
    scratch_database_url: str, tmp_path: Path
) -> None:
    not_a_docx = tmp_path / "list.docx"
    not_a_docx.write_text("this is not a Word document")
    not_a_pdf = tmp_path / "report.pdf"
    not_a_pdf.write_bytes(b"%PDF-1.4 truncated")
    for args in (
        ("import", "thematic-list", not_a_docx, "--session", "48", "--state", "Slovenia"),
        ("import", "report", not_a_pdf),
        ("import", "addendum", ADDENDUM),  # before its report: positions for nothing loaded
        ("import", "uhri", not_a_pdf),
    ):
        result = upr(scratch_database_url, *args)
        assert result.returncode == 1, (args, result.stdout)
        assert result.stderr.startswith("error: "), result.stderr
        assert "Traceback" not in result.stderr
    assert loaded(scratch_database_url) == 0


def test_alias_makes_a_name_resolve(scratch_database_url: str) -> None:
    added = upr(scratch_database_url, "states", "alias", "Republika Slovenija", "svn")
    assert added.returncode == 0 and "resolves to SVN" in added.stdout
    taken = upr(scratch_database_url, "states", "alias", "Turkey", "SVN")
    assert taken.returncode == 1 and "already names TUR" in taken.stderr


def test_concurrent_imports_into_one_review_never_interleave(scratch_database_url: str) -> None:
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = list(
            pool.map(lambda _: upr(scratch_database_url, "import", "report", REPORT), range(2))
        )
    succeeded = [r for r in results if r.returncode == 0]
    refused = [r for r in results if r.returncode != 0]
    assert succeeded, [r.stderr for r in results]
    for result in refused:  # SQLite's single writer may refuse the second one outright
        assert "nothing was written" in result.stderr
    added = sorted(int(r.stdout.split(" added")[0].rsplit(" ", 1)[1]) for r in succeeded)
    assert added in ([254], [0, 254])  # the second, serialised import found everything there
    assert loaded(scratch_database_url) == 254
