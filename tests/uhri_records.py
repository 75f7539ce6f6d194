"""Small UHRI-format exports written record by record, in the shape of `export-full-en.json`
(see app/importers/parsing/uhri.py): "- " prefixed labels, HTML text that starts with the
paragraph number, `Upr*` lists."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any


def upr_record(
    number: int,
    paragraph: str,
    text: str,
    *,
    state: str = "Uzbekistan",
    session: int = 44,
    positions: tuple[str, ...] = ("Supported",),
    recommending: tuple[str, ...] = ("Chile",),
    sdgs: tuple[str, ...] = (),
    themes: tuple[str, ...] = (),
    groups: tuple[str, ...] = (),
) -> dict[str, Any]:
    """A UPR recommendation made to `state` at `session` (AnnotationId from `number`)."""
    return {
        "AnnotationId": f"00000000-0000-4000-8000-{number:012d}",
        "AnnotationType": "- Recommendations",
        "Body": "- UPR",
        "Countries": [state],
        "DocumentId": f"doc-{session}-{state}",
        "PublicationDate": "2023-12-20T00:00:00",
        "PublicationDateOnUhri": "2024-02-01T00:00:00",
        "Regions": ["Asia and the Pacific"],
        "Sdgs": list(sdgs),
        "Symbol": "A/HRC/55/10",
        "Text": f"<p>{paragraph} {text} ({', '.join(recommending)});</p>",
        "Themes": [f"- {theme}" for theme in themes],
        "AffectedPersons": [f"- {group}" for group in groups],
        "UprCycle": "- Cycle 4",
        "UprSession": [f"- {session}"],
        "UprPositions": [f"- {position}" for position in positions],
        "UprRecommendingCountry": list(recommending),
        "UprRecommendingRegions": [],
    }


def treaty_body_record(number: int) -> dict[str, Any]:
    """A recommendation of another body, which a UPR import skips."""
    return {
        "AnnotationId": f"00000000-0000-4000-9000-{number:012d}",
        "AnnotationType": "- Recommendations",
        "Body": "- CRC",
        "Countries": ["Uzbekistan"],
        "DocumentId": "crc-doc",
        "PublicationDate": "2022-06-01T00:00:00",
        "PublicationDateOnUhri": "2022-07-01T00:00:00",
        "Regions": ["Asia and the Pacific"],
        "Sdgs": [],
        "Symbol": "CRC/C/UZB/CO/5",
        "Text": "<p>The Committee recommends that the State party strengthen birth "
        "registration.</p>",
        "Themes": [],
        "AffectedPersons": [],
        "UprCycle": None,
        "UprSession": [],
        "UprPositions": [],
        "UprRecommendingCountry": [],
        "UprRecommendingRegions": [],
    }


def write_export(path: Path, records: list[dict[str, Any]]) -> Path:
    """Write the records as one JSON array, as the export does."""
    path.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
