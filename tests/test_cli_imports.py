"""`upr import uhri` and `upr import bundled` as an operator runs them, and the container
entrypoint's import-on-start branch: real processes against databases of their own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from app.db import build_engine
from tests.conftest import BACKENDS, empty_database
from tests.test_cli import upr
from tests.uhri_records import treaty_body_record, upr_record, write_export

ROOT = Path(__file__).resolve().parent.parent
MANIFEST = json.loads((ROOT / "data/documents/bundled.json").read_text())
BUNDLED, DATASETS = MANIFEST["documents"], MANIFEST["datasets"]

# Recommendations of each bundled review, as its official documents number them.
BUNDLED_REVIEWS = {
    "7-AGO": 166, "7-BIH": 125, "7-EGY": 165, "7-FJI": 103, "7-IRQ": 176, "7-ITA": 92,
    "7-KAZ": 128, "7-MDG": 84, "7-SLV": 118, "7-SVN": 97, "17-CHN": 252, "20-AGO": 226,
    "20-BIH": 167, "20-EGY": 300, "20-FJI": 138, "20-IRQ": 229, "20-ITA": 186, "20-KAZ": 194,
    "20-MDG": 160, "20-SLV": 159, "20-SVN": 163, "48-SVN": 254,
}  # fmt: skip


def sql(url: str, statement: str, **parameters: Any) -> list[tuple[Any, ...]]:
    engine = build_engine(url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(statement), parameters)]
    finally:
        engine.dispose()


def small_export(path: Path) -> Path:
    """Three UPR recommendations to Uzbekistan (session 44) and one of a treaty body."""
    return write_export(
        path,
        [
            upr_record(
                1, "140.1", "Ratify the Optional Protocol to the Convention against Torture",
                recommending=("Chile", "France"),
                themes=("A12 Acceptance of international norms",),
            ),
            treaty_body_record(2),
            upr_record(
                3, "140.2", "Criminalize domestic violence and marital rape",
                positions=("Noted",), recommending=("Spain",),
                sdgs=("5.2 - Eliminate all forms of violence against all women and girls",),
                groups=("Women & girls",),
            ),
            upr_record(
                4, "140.3", "Guarantee the independence of the judiciary",
                positions=("Partially supported",), recommending=("Germany",),
            ),
        ],
    )  # fmt: skip


def test_uhri_export_through_the_cli(scratch_database_url: str, tmp_path: Path) -> None:
    url = scratch_database_url
    export = small_export(tmp_path / "export-full-en.json")
    dry = upr(url, "import", "uhri", export, "--dry-run")
    assert dry.returncode == 0, dry.stderr
    assert "3 recommendations read" in dry.stdout and "dry run: nothing written" in dry.stdout
    assert sql(url, "SELECT COUNT(*) FROM recommendation") == [(0,)]

    report_json = tmp_path / "report.json"
    first = upr(url, "import", "uhri", export, "--report-json", report_json)
    assert first.returncode == 0, first.stderr
    assert "3 recommendations read; 3 added, 0 changed, 0 unchanged" in first.stdout
    [report] = json.loads(report_json.read_text())
    assert (report["source"], report["added"], report["reviews"]) == ("uhri", 3, ["44-UZB"])

    rows = sql(
        url,
        "SELECT id, review_id, text, position, text_from, position_from FROM recommendation "
        "ORDER BY id",
    )
    assert rows == [
        ("44-UZB-140.1", "44-UZB", "Ratify the Optional Protocol to the Convention against "
         "Torture", "supported", "uhri", "uhri"),
        ("44-UZB-140.2", "44-UZB", "Criminalize domestic violence and marital rape", "noted",
         "uhri", "uhri"),
        ("44-UZB-140.3", "44-UZB", "Guarantee the independence of the judiciary",
         "supported_in_part", "uhri", "uhri"),
    ]  # fmt: skip
    assert sql(url, "SELECT recommendation_id, iso3 FROM recommending_state ORDER BY 1, 2") == [
        ("44-UZB-140.1", "CHL"), ("44-UZB-140.1", "FRA"), ("44-UZB-140.2", "ESP"),
        ("44-UZB-140.3", "DEU"),
    ]  # fmt: skip
    assert sql(
        url,
        "SELECT l.recommendation_id, t.name, t.code FROM recommendation_theme l "
        "JOIN theme t ON t.id = l.theme_id",
    ) == [("44-UZB-140.1", "Acceptance of international norms", "A12")]
    assert sql(
        url,
        "SELECT l.recommendation_id, s.code, s.goal FROM recommendation_sdg l "
        "JOIN sdg s ON s.code = l.sdg_code",
    ) == [("44-UZB-140.2", "5.2", 5)]
    assert sql(
        url,
        "SELECT l.recommendation_id, g.name FROM recommendation_group l "
        "JOIN affected_group g ON g.id = l.group_id",
    ) == [("44-UZB-140.2", "Women & girls")]
    annotation_ids = sql(
        url, "SELECT recommendation_id, value FROM external_id WHERE system = 'uhri' ORDER BY 1"
    )
    assert annotation_ids == [
        ("44-UZB-140.1", "00000000-0000-4000-8000-000000000001"),
        ("44-UZB-140.2", "00000000-0000-4000-8000-000000000003"),
        ("44-UZB-140.3", "00000000-0000-4000-8000-000000000004"),
    ]
    assert sql(url, "SELECT COUNT(*) FROM import_checkpoint") == [(0,)]  # cleared: complete

    again = upr(url, "import", "uhri", export)
    assert again.returncode == 0, again.stderr
    assert "3 recommendations read; 0 added, 0 changed, 3 unchanged" in again.stdout
    assert sql(url, "SELECT COUNT(*) FROM recommendation") == [(3,)]


def entrypoint(url: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Run docker/entrypoint.sh against `url`, with the venv's `upr` first on PATH and a
    stand-in for the server as the command it hands over to."""
    environment = {key: value for key, value in os.environ.items() if not key.endswith("_ON_START")}
    environment.update(
        PATH=f"{Path(sys.executable).parent}:{os.environ['PATH']}",
        UPR_DATABASE_URL=url,
        PROMETHEUS_MULTIPROC_DIR=str(tmp_path / "metrics"),
        **env,
    )
    return subprocess.run(
        ["sh", str(ROOT / "docker/entrypoint.sh"), "sh", "-c", "echo serving as $$"],
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_container_start_imports_the_bundled_documents_when_asked(
    backend: str, tmp_path: Path
) -> None:
    """With `UPR_IMPORT_BUNDLED_ON_START=true` the entrypoint runs `upr import bundled` (the
    venv's `upr` script, the same `app.cli` as `python -m app.cli`) between the seed and the
    server: the documents, then the SDG–HR explorer export. This is the suite's one run of the
    whole default instance through the CLI: slow (one to two minutes per backend), so that
    both databases are known to build it."""
    with empty_database(backend, tmp_path) as url:
        result = entrypoint(url, tmp_path, UPR_IMPORT_BUNDLED_ON_START="true")
        assert result.returncode == 0, result.stderr
        lines = result.stdout.splitlines()
        assert lines[0] == "database migrated to head"
        assert lines[1] == "reference data: 458 added, 0 changed"
        assert lines[-1].startswith("serving as ")
        reports = [line for line in lines if "recommendations read;" in line]
        assert [line.split(":")[0] for line in reports] == [
            str(ROOT / "data/documents" / document["file"]) for document in BUNDLED
        ] + [str(ROOT / "data" / dataset["file"]) for dataset in DATASETS]
        assert lines.index(reports[-1]) < len(lines) - 1  # the server starts after the import

        # Every recommendation of cycles 1 and 2, of every state, with a position.
        total, states, first, last = sql(
            url,
            "SELECT COUNT(*), COUNT(DISTINCT state_iso3), MIN(session_number), "
            "MAX(session_number) FROM recommendation WHERE session_number <= 26",
        )[0]
        assert total > 55_000 and states >= 190 and (first, last) == (1, 26)
        # The documents' recommendations all stay, with their texts.
        from_documents = sql(
            url,
            "SELECT review_id, COUNT(*) FROM recommendation "
            "WHERE text_from IN ('working_group_report', 'thematic_list') GROUP BY review_id",
        )
        assert dict(from_documents) == BUNDLED_REVIEWS
        assert sum(BUNDLED_REVIEWS.values()) == 3682
        positions = (
            "SELECT position, COUNT(*) FROM recommendation WHERE review_id = :review "
            "GROUP BY position"
        )
        assert dict(sql(url, positions, review="48-SVN")) == {"supported": 217, "noted": 37}
        assert dict(sql(url, positions, review="20-KAZ")) == {"supported": 143, "noted": 51}
        sources = "SELECT source, COUNT(*) FROM recommendation_source WHERE recommendation_id "
        sources += "LIKE '20-KAZ-%' GROUP BY source"
        assert dict(sql(url, sources)) == {"working_group_report": 194, "sdg_explorer": 188}
        # the thematic lists' classifications came in as well, and the export's SDG targets
        themed = "SELECT COUNT(DISTINCT recommendation_id) FROM recommendation_theme"
        assert sql(url, themed)[0][0] > 0
        targets = "SELECT COUNT(DISTINCT recommendation_id) FROM recommendation_sdg"
        assert sql(url, targets)[0][0] > 30_000


@pytest.mark.parametrize("backend", BACKENDS)
def test_container_start_imports_nothing_by_default(backend: str, tmp_path: Path) -> None:
    with empty_database(backend, tmp_path) as url:
        result = entrypoint(url, tmp_path)
        assert result.returncode == 0, result.stderr
        assert result.stdout.splitlines()[:2] == [
            "database migrated to head",
            "reference data: 458 added, 0 changed",
        ]
        assert "recommendations read" not in result.stdout
        assert sql(url, "SELECT COUNT(*) FROM recommendation") == [(0,)]
        # and a later start with the import off (not "true") leaves the database as it is
        again = entrypoint(url, tmp_path, UPR_IMPORT_BUNDLED_ON_START="false")
        assert again.returncode == 0, again.stderr
        assert "reference data: 0 added, 0 changed" in again.stdout
        assert sql(url, "SELECT COUNT(*) FROM recommendation") == [(0,)]
