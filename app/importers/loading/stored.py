"""What is stored for the recommendations an import brings: each one's row, links, sources
and disagreements, read a few queries per chunk of ids."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from sqlalchemy import select
from sqlmodel import Session, col

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
from app.vocab import DataSource, RecommendationField

F = RecommendationField
CHUNK = 2_000  # ids per IN (...) list: well under SQLite's limit on bound parameters


@dataclass
class Stored:
    """A stored recommendation: its row, links, sources (source -> (reference, fields)) and
    disagreements (by field, source and other source)."""

    row: Any
    states: list[str] = field(default_factory=list)
    themes: set[int] = field(default_factory=set)
    groups: set[int] = field(default_factory=set)
    sdgs: set[str] = field(default_factory=set)
    issues: set[int] = field(default_factory=set)
    external_ids: dict[str, str] = field(default_factory=dict)
    sources: dict[DataSource, tuple[str, str]] = field(default_factory=dict)
    disagreements: dict[tuple[str, str, str], Any] = field(default_factory=dict)

    def source_of(self, name: RecommendationField) -> DataSource | None:
        """The source whose value of the field is stored (the highest-ranked that gave it)."""
        if name is F.text:
            return DataSource(self.row.text_from)
        if name is F.position:
            return DataSource(self.row.position_from) if self.row.position_from else None
        if not self.sources:  # stored before sources were recorded: the text's source gave all
            return DataSource(self.row.text_from)
        giving = [
            source for source, (_, fields) in self.sources.items() if name in fields.split(",")
        ]
        return max(giving, key=lambda source: source.text_rank, default=None)


def chunks(values: list[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    """`values` in lists of at most `size`."""
    iterator = iter(values)
    while chunk := list(islice(iterator, size)):
        yield chunk


def read_stored(db: Session, ids: list[str]) -> dict[str, Stored]:
    """What is stored for these recommendation ids, by id (the ones stored)."""
    stored: dict[str, Stored] = {}
    for chunk in chunks(ids):
        for row in db.execute(
            select(table_of(Recommendation)).where(col(Recommendation.id).in_(chunk))
        ):
            stored[row.id] = Stored(row)
    keys = list(stored)
    for chunk in chunks(keys):
        for rid, iso3 in db.execute(
            select(col(RecommendingState.recommendation_id), col(RecommendingState.iso3))
            .where(col(RecommendingState.recommendation_id).in_(chunk))
            .order_by(col(RecommendingState.recommendation_id), col(RecommendingState.ordinal))
        ):
            stored[rid].states.append(iso3)
        for model, attribute, column in (
            (RecommendationTheme, "themes", RecommendationTheme.theme_id),
            (RecommendationGroup, "groups", RecommendationGroup.group_id),
            (RecommendationSdg, "sdgs", RecommendationSdg.sdg_code),
            (RecommendationUprInfoIssue, "issues", RecommendationUprInfoIssue.issue_id),
        ):
            for rid, value in db.execute(
                select(col(model.recommendation_id), col(column)).where(
                    col(model.recommendation_id).in_(chunk)
                )
            ):
                getattr(stored[rid], attribute).add(value)
        for rid, system, value in db.execute(
            select(
                col(ExternalId.recommendation_id), col(ExternalId.system), col(ExternalId.value)
            ).where(col(ExternalId.recommendation_id).in_(chunk))
        ):
            stored[rid].external_ids[system] = value
        for source_row in db.execute(
            select(table_of(RecommendationSource)).where(
                col(RecommendationSource.recommendation_id).in_(chunk)
            )
        ):
            stored[source_row.recommendation_id].sources[DataSource(source_row.source)] = (
                source_row.reference,
                source_row.fields,
            )
        for pair in db.execute(
            select(table_of(RecommendationDisagreement)).where(
                col(RecommendationDisagreement.recommendation_id).in_(chunk)
            )
        ):
            key = (pair.field, pair.source, pair.other_source)
            stored[pair.recommendation_id].disagreements[key] = pair
    return stored
