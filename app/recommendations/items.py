"""The API item of each recommendation, stored ready to send.

An item (`RecommendationPublic` without a search's `snippet` and `score`) shows the
recommendation's columns, its state's name and its relationships with their names. It is
built once, by `build`, and stored as JSON in `recommendation_item`: lists, searches, single
items and JSON exports send the stored text as it is, so a request reads one row per item and
builds nothing (a list of 50 items cost about 1.4 ms less per request than when each was built
from its row and aggregated links).

`refresh` rewrites the stored items of the recommendations a transaction changed, before it
commits (`app.derived`): a recommendation's columns or links (importers, classification), or
every item when the names they show change (states, themes, groups). A change to the item's
shape (a new field) needs a migration that rewrites every stored item.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import orjson
from sqlalchemy import delete, insert, select
from sqlmodel import Session, col

from app.db import read
from app.kit.columns import table_of
from app.models.recommendations import Recommendation, RecommendationItem
from app.models.states import State
from app.recommendations import related
from app.vocab import cycle_of_session

R = Recommendation
_BATCH = 1_000

# What `build` reads of a recommendation: its columns, its state's name and its link keys.
COLUMNS = (
    col(R.id),
    col(R.review_id),
    col(R.session_number),
    col(R.state_iso3),
    col(State.name),
    col(R.paragraph),
    col(R.text),
    col(R.position),
    col(R.position_source),
    col(R.position_text),
    col(R.implementation_claim),
    col(R.implementation_claim_source),
    col(R.action_category),
    col(R.action_category_confidence),
    col(R.upr_info_action_category),
    col(R.link_keys),
)


def build(row: Any, lookups: related.Lookups) -> dict[str, Any]:
    """The API item of a row of `COLUMNS`, its link keys resolved against `lookups`."""
    links = related.links_from_keys(row.link_keys, lookups)
    return {
        "id": row.id,
        "review_id": row.review_id,
        "session": row.session_number,
        "cycle": cycle_of_session(row.session_number),
        "state_under_review": {"iso3": row.state_iso3, "name": row.name},
        "paragraph": row.paragraph,
        "text": row.text,
        "position": row.position,
        "position_source": row.position_source,
        "position_text": row.position_text,
        "implementation_claim": row.implementation_claim,
        "implementation_claim_source": row.implementation_claim_source,
        "action_category": row.action_category,
        "action_category_confidence": row.action_category_confidence,
        "upr_info_action_category": row.upr_info_action_category,
        "recommending_states": [{"iso3": i, "name": n} for i, n in links.states],
        "themes": [{"id": i, "name": n, "code": c} for i, n, c in links.themes],
        "affected_groups": links.groups,
        "sdgs": links.sdgs,
        "external_ids": {system: value for system, value in links.external_ids},
    }


def rows_of(db: Session, ids: Sequence[str]) -> Sequence[Any]:
    """The rows of `COLUMNS` of these recommendations."""
    statement = (
        select(*COLUMNS)
        .join_from(R, State, col(State.iso3) == col(R.state_iso3))
        .where(col(R.id).in_(ids))
    )
    return read(db, statement).all()


def refresh(db: Session, ids: Iterable[str] | None = None) -> int:
    """Rewrite the stored items of these recommendations (of every one when `ids` is None),
    in the caller's transaction, after their columns and link keys are written; the number
    rewritten."""
    if ids is None:
        ids = read(db, select(col(R.id))).scalars().all()
    ids = sorted(set(ids))
    if not ids:
        return 0
    lookups = related.Lookups.read(db)
    table = table_of(RecommendationItem)
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        db.execute(delete(table).where(table.c.recommendation_id.in_(batch)))
        stored = [
            {"recommendation_id": row.id, "item": orjson.dumps(build(row, lookups)).decode()}
            for row in rows_of(db, batch)
        ]
        if stored:
            db.execute(insert(table), stored)
    return len(ids)


_NO_SEARCH = b',"snippet":null,"score":null}'


def ready_to_send(stored: str, snippet: str | None = None, score: float | None = None) -> bytes:
    """A list item: the stored item with a search's `snippet` and `score` (null without)."""
    if snippet is None and score is None:
        return stored[:-1].encode() + _NO_SEARCH
    return b"".join(
        (
            stored[:-1].encode(),
            b',"snippet":',
            orjson.dumps(snippet),
            b',"score":',
            orjson.dumps(score),
            b"}",
        )
    )
