"""UPR Info's voluntary pledges (`voluntary.csv`): `Pledge` rows of their review, never
recommendations, with the id "{session}-{ISO3}-p" and 8 hex digits of the SHA-1 of their
matching key."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update
from sqlmodel import Session, col

from app.importers.loading.report import ImportReport
from app.importers.loading.stored import chunks
from app.importers.loading.text import matching_key
from app.importers.loading.upr_info_rows import rows_reference
from app.importers.parsing.upr_info import UprInfoPledge
from app.kit.columns import table_of
from app.models.reviews import Pledge
from app.vocab import DataSource

SOURCE = DataSource.upr_info


def pledge_id(session: int, iso3: str, text: str) -> str:
    """A pledge's id: "20-KAZ-p" and the first 8 hex digits of the SHA-1 of its matching key."""
    return f"{session}-{iso3}-p{hashlib.sha1(matching_key(text).encode()).hexdigest()[:8]}"


def write_pledges(
    db: Session, path: Path, pledges: list[tuple[str, UprInfoPledge]], report: ImportReport
) -> bool:
    """Insert new pledges and update changed ones (by id); whether any was written. Pledges of
    one review with the same matching key are one, with all their rows."""
    wanted: dict[str, dict[str, Any]] = {}
    numbers: dict[str, list[int]] = defaultdict(list)
    for rid, pledge in pledges:
        session, iso3 = rid.split("-")
        pid = pledge_id(int(session), iso3, pledge.text)
        numbers[pid].append(pledge.row)
        kept = wanted.get(pid)
        if kept is None:
            wanted[pid] = {
                "id": pid,
                "review_id": rid,
                "text": pledge.text,
                "source": SOURCE,
                "upr_info_action_category": pledge.action_category,
                "issues": list(pledge.issues),
            }
            continue
        if kept["upr_info_action_category"] != pledge.action_category:
            kept["upr_info_action_category"] = None
        kept["issues"] = list(dict.fromkeys(kept["issues"] + list(pledge.issues)))
    for pid, values in wanted.items():
        values["reference"] = rows_reference(path.name, numbers[pid])
        values["upr_info_issues"] = ",".join(values.pop("issues")) or None
    stored: dict[str, Any] = {}
    for chunk in chunks(list(wanted)):
        for row in db.execute(select(table_of(Pledge)).where(col(Pledge.id).in_(chunk))):
            stored[row.id] = row
    new = [values for pid, values in wanted.items() if pid not in stored]
    changed = [
        values
        for pid, values in wanted.items()
        if pid in stored
        and any(stored[pid]._mapping[name] != value for name, value in values.items())
    ]
    if new:
        db.execute(insert(table_of(Pledge)), new)
    for values in changed:
        db.execute(
            update(table_of(Pledge))
            .where(Pledge.id == values["id"])
            .values({name: value for name, value in values.items() if name != "id"})
        )
    if pledges:
        report.warnings.append(
            f"{len(pledges)} voluntary pledge rows: {len(wanted)} pledges, {len(new)} added, "
            f"{len(changed)} changed, {len(wanted) - len(new) - len(changed)} unchanged"
        )
    return bool(new or changed)
