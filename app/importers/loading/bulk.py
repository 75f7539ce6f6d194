"""The rows an import gathers over a batch (one document, one file, one UHRI batch), written
in bulk."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, tuple_, update
from sqlmodel import Session

from app.importers.loading.stored import CHUNK, chunks
from app.kit.columns import table_of
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


@dataclass
class Writes:
    """Rows to insert, update and replace, gathered over a batch and written in bulk."""

    new_rows: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    links: dict[type, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    replaced: dict[type, list[str]] = field(default_factory=lambda: defaultdict(list))
    sources: list[dict[str, Any]] = field(default_factory=list)
    stale_sources: list[tuple[str, str]] = field(default_factory=list)
    pairs: list[dict[str, Any]] = field(default_factory=list)
    stale_pairs: list[tuple[str, str, str, str]] = field(default_factory=list)


def flush(db: Session, writes: Writes) -> None:
    """Write what a batch gathered, in bulk."""
    if writes.new_rows:
        db.execute(insert(table_of(Recommendation)), writes.new_rows)
    for values in writes.updates:
        key = values.pop("key")
        db.execute(update(table_of(Recommendation)).where(Recommendation.id == key).values(values))
    for model, ids in writes.replaced.items():
        for chunk in chunks(ids):
            db.execute(delete(model).where(table_of(model).c.recommendation_id.in_(chunk)))
    for model in (
        RecommendingState,
        RecommendationTheme,
        RecommendationGroup,
        RecommendationSdg,
        RecommendationUprInfoIssue,
        ExternalId,
    ):
        if writes.links.get(model):
            db.execute(insert(table_of(model)), writes.links[model])
    source_key = tuple_(RecommendationSource.recommendation_id, RecommendationSource.source)
    for chunk in chunks(writes.stale_sources, CHUNK // 2):
        db.execute(delete(RecommendationSource).where(source_key.in_(chunk)))
    if writes.sources:
        db.execute(insert(table_of(RecommendationSource)), writes.sources)
    pair_key = tuple_(
        RecommendationDisagreement.recommendation_id,
        RecommendationDisagreement.field,
        RecommendationDisagreement.source,
        RecommendationDisagreement.other_source,
    )
    for chunk in chunks(writes.stale_pairs, CHUNK // 4):
        db.execute(delete(RecommendationDisagreement).where(pair_key.in_(chunk)))
    if writes.pairs:
        db.execute(insert(table_of(RecommendationDisagreement)), writes.pairs)


def add_links(
    links: dict[type, list[dict[str, Any]]],
    rid: str,
    states: list[str],
    themes: set[int],
    groups: set[int],
    sdgs: set[str],
    external_ids: dict[str, str],
) -> None:
    """Add the link rows of a new recommendation to `links` (rows by table)."""
    links[RecommendingState].extend(
        {"recommendation_id": rid, "iso3": iso3, "ordinal": i} for i, iso3 in enumerate(states)
    )
    links[RecommendationTheme].extend({"recommendation_id": rid, "theme_id": t} for t in themes)
    links[RecommendationGroup].extend({"recommendation_id": rid, "group_id": g} for g in groups)
    links[RecommendationSdg].extend({"recommendation_id": rid, "sdg_code": s} for s in sdgs)
    links[ExternalId].extend(
        {"recommendation_id": rid, "system": k, "value": v} for k, v in external_ids.items()
    )
