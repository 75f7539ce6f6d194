"""Merging sources into one set of recommendations.

A parsed recommendation becomes an `IncomingRecommendation` (its state names resolved), is
compared with what is stored, and is inserted or updated in bulk following source precedence:
a value from a lower-ranked source never overwrites one from a higher-ranked source
(`DataSource.rank`), and every disagreement between sources goes into the report.

Positions rank by finality first: a final position (supported, noted, supported in part) always
replaces a pending or unclear one and is never replaced by one, whatever the sources' ranks, so a
report's "will be examined" gives way to the thematic list or dataset that says what became of
it. Between two final (or two non-final) positions the source's rank decides. The report's
implementation claim is kept with its source wherever a document gives one.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlmodel import Session, col

from app.importers.loading.report import ImportReport
from app.importers.loading.states import StateResolver
from app.importers.loading.taxonomy import TaxonomyCache
from app.importers.loading.text import comparable
from app.importers.records import ParsedRecommendation, ThemeRef
from app.recommendations import related
from app.recommendations.models import (
    ExternalId,
    Recommendation,
    RecommendationGroup,
    RecommendationSdg,
    RecommendationTheme,
    RecommendingState,
    recommendation_id,
    split_paragraph,
)
from app.reviews.models import review_id
from app.stats import tallies
from app.vocab import DataSource, ImplementationClaim, Position


@dataclass
class IncomingRecommendation:
    """A parsed recommendation with its state names resolved, ready to write."""

    id: str
    review_id: str
    session: int
    iso3: str
    paragraph: str
    text: str
    states: list[str]
    position: Position | None
    position_source: str | None
    position_text: str | None
    themes: list[ThemeRef]
    groups: list[str]
    sdgs: list[str]
    external_ids: dict[str, str]
    implementation_claim: ImplementationClaim | None = None
    implementation_claim_source: str | None = None


FINAL_POSITIONS = frozenset({Position.supported, Position.noted, Position.supported_in_part})


def resolve_recommendation(
    resolver: StateResolver, session: int, iso3: str, parsed: ParsedRecommendation, file: str
) -> IncomingRecommendation:
    """Resolve a parsed recommendation's states (unresolved ones are collected, not raised)."""
    where = f"{file} {parsed.location}"
    states: list[str] = []
    for name in parsed.recommending_states:
        code = resolver.resolve(name, where)
        if code and code not in states:
            states.append(code)
    return IncomingRecommendation(
        id=recommendation_id(session, iso3, parsed.paragraph),
        review_id=review_id(session, iso3),
        session=session,
        iso3=iso3,
        paragraph=parsed.paragraph,
        text=parsed.text,
        states=states,
        position=parsed.position,
        position_source=parsed.position_source,
        position_text=parsed.position_text,
        themes=parsed.themes,
        groups=parsed.affected_groups,
        sdgs=parsed.sdgs,
        external_ids=parsed.external_ids,
        implementation_claim=parsed.implementation_claim,
        implementation_claim_source=parsed.implementation_claim_source,
    )


@dataclass
class _Stored:
    row: Any
    states: list[str]
    themes: set[int]
    groups: set[int]
    sdgs: set[str]
    external_ids: dict[str, str]


def _stored(db: Session, ids: list[str]) -> dict[str, _Stored]:
    """What is stored for these recommendation ids (five queries in all, whatever the count)."""
    rows = db.execute(select(Recommendation.__table__).where(col(Recommendation.id).in_(ids)))
    stored = {row.id: _Stored(row, [], set(), set(), set(), {}) for row in rows}
    if not stored:
        return stored
    keys = list(stored)
    for rid, iso3 in db.execute(
        select(RecommendingState.recommendation_id, RecommendingState.iso3)
        .where(col(RecommendingState.recommendation_id).in_(keys))
        .order_by(col(RecommendingState.recommendation_id), col(RecommendingState.ordinal))
    ):
        stored[rid].states.append(iso3)
    for model, attribute, column in (
        (RecommendationTheme, "themes", RecommendationTheme.theme_id),
        (RecommendationGroup, "groups", RecommendationGroup.group_id),
        (RecommendationSdg, "sdgs", RecommendationSdg.sdg_code),
    ):
        for rid, value in db.execute(
            select(model.recommendation_id, column).where(col(model.recommendation_id).in_(keys))
        ):
            getattr(stored[rid], attribute).add(value)
    for rid, system, value in db.execute(
        select(ExternalId.recommendation_id, ExternalId.system, ExternalId.value).where(
            col(ExternalId.recommendation_id).in_(keys)
        )
    ):
        stored[rid].external_ids[system] = value
    return stored


def write_recommendations(
    db: Session,
    incoming: list[IncomingRecommendation],
    source: DataSource,
    taxonomy: TaxonomyCache,
    report: ImportReport,
) -> None:
    """Insert new recommendations and update changed ones, in bulk, following source precedence;
    then recompute the stored link keys of the recommendations whose links changed, and the
    tallies of the reviews that changed."""
    stored = _stored(db, [item.id for item in incoming])
    changed_reviews: set[str] = set()
    new_rows: list[dict[str, Any]] = []
    updates: list[dict[str, Any]] = []
    links: dict[type, list[dict[str, Any]]] = defaultdict(list)
    replaced: dict[type, list[str]] = defaultdict(list)

    for item in incoming:
        themes = {taxonomy.theme_id(ref) for ref in item.themes}
        groups = {taxonomy.group_id(name) for name in item.groups}
        sdgs = {taxonomy.sdg_code(code) for code in item.sdgs}
        old = stored.get(item.id)
        if old is None:
            major, minor = split_paragraph(item.paragraph)
            new_rows.append(
                {
                    "id": item.id,
                    "review_id": item.review_id,
                    "session_number": item.session,
                    "state_iso3": item.iso3,
                    "paragraph": item.paragraph,
                    "paragraph_major": major,
                    "paragraph_minor": minor,
                    "text": item.text,
                    "position": item.position,
                    "position_source": item.position_source,
                    "position_text": item.position_text,
                    "text_from": source,
                    "position_from": source if item.position else None,
                    "implementation_claim": item.implementation_claim,
                    "implementation_claim_source": item.implementation_claim_source,
                    "link_keys": related.keys_of(
                        item.states, themes, groups, sdgs, item.external_ids
                    ),
                }
            )
            _add_links(links, item.id, item.states, themes, groups, sdgs, item.external_ids)
            report.added += 1
            changed_reviews.add(item.review_id)
            continue

        values, changed_links = _changes(item, old, source, themes, groups, sdgs, report)
        for model, rows in changed_links.items():
            replaced[model].append(item.id)
            links[model].extend(rows)
        new_external = {k: v for k, v in item.external_ids.items() if old.external_ids.get(k) != v}
        if new_external:
            replaced[ExternalId].append(item.id)
            merged = {**old.external_ids, **item.external_ids}
            links[ExternalId].extend(
                {"recommendation_id": item.id, "system": k, "value": v} for k, v in merged.items()
            )
        if values:
            updates.append({"key": item.id, **values})
        if values or changed_links or new_external:
            report.changed += 1
            changed_reviews.add(item.review_id)
        else:
            report.unchanged += 1

    if new_rows:
        db.execute(insert(Recommendation.__table__), new_rows)
    for values in updates:
        key = values.pop("key")
        db.execute(update(Recommendation.__table__).where(Recommendation.id == key).values(values))
    for model, ids in replaced.items():
        db.execute(delete(model).where(col(model.recommendation_id).in_(ids)))
    for model in (
        RecommendingState,
        RecommendationTheme,
        RecommendationGroup,
        RecommendationSdg,
        ExternalId,
    ):
        if links.get(model):
            db.execute(insert(model.__table__), links[model])
    related.refresh_link_keys(db, {rid for ids in replaced.values() for rid in ids})
    tallies.refresh(db, changed_reviews)


def _add_links(
    links: dict[type, list[dict[str, Any]]],
    rid: str,
    states: list[str],
    themes: set[int],
    groups: set[int],
    sdgs: set[str],
    external_ids: dict[str, str],
) -> None:
    links[RecommendingState].extend(
        {"recommendation_id": rid, "iso3": iso3, "ordinal": i} for i, iso3 in enumerate(states)
    )
    links[RecommendationTheme].extend({"recommendation_id": rid, "theme_id": t} for t in themes)
    links[RecommendationGroup].extend({"recommendation_id": rid, "group_id": g} for g in groups)
    links[RecommendationSdg].extend({"recommendation_id": rid, "sdg_code": s} for s in sdgs)
    links[ExternalId].extend(
        {"recommendation_id": rid, "system": k, "value": v} for k, v in external_ids.items()
    )


def _changes(
    item: IncomingRecommendation,
    old: _Stored,
    source: DataSource,
    themes: set[int],
    groups: set[int],
    sdgs: set[str],
    report: ImportReport,
) -> tuple[dict[str, Any], dict[type, list[dict[str, Any]]]]:
    """Column values and link rows to replace on an existing recommendation; disagreements noted."""
    row = old.row
    values: dict[str, Any] = {}
    links: dict[type, list[dict[str, Any]]] = {}
    text_wins = source.rank >= DataSource(row.text_from).rank
    if item.text and item.text != row.text:
        if comparable(item.text) != comparable(row.text) and source.value != row.text_from:
            report.disagreements.append(
                f"{item.id}: text differs: {row.text_from} has {row.text!r}, "
                f"{source.value} has {item.text!r}"
            )
        if text_wins:
            values.update(text=item.text, text_from=source)
    if item.states and item.states != old.states:
        if source.value != row.text_from:
            report.disagreements.append(
                f"{item.id}: recommending states differ: {row.text_from} has {old.states}, "
                f"{source.value} has {item.states}"
            )
        if text_wins:
            links[RecommendingState] = [
                {"recommendation_id": item.id, "iso3": iso3, "ordinal": i}
                for i, iso3 in enumerate(item.states)
            ]
    if item.position is not None:
        final, stored_final = item.position in FINAL_POSITIONS, row.position in FINAL_POSITIONS
        position_wins = (
            row.position_from is None
            or (final and not stored_final)
            or (final == stored_final and source.rank >= DataSource(row.position_from).rank)
        )
        if (
            final
            and stored_final
            and item.position != row.position
            and (source.value != row.position_from)
        ):
            report.disagreements.append(
                f"{item.id}: position differs: {row.position_from} has {row.position}, "
                f"{source.value} has {item.position.value}"
            )
        new = {
            "position": item.position,
            "position_source": item.position_source,
            "position_text": item.position_text,
            "position_from": source,
        }
        current = {
            "position": row.position,
            "position_source": row.position_source,
            "position_text": row.position_text,
            "position_from": row.position_from,
        }
        if position_wins and new != current:
            values.update(new)
    claim = (item.implementation_claim, item.implementation_claim_source)
    if item.implementation_claim and claim != (
        row.implementation_claim,
        row.implementation_claim_source,
    ):
        values.update(
            implementation_claim=item.implementation_claim,
            implementation_claim_source=item.implementation_claim_source,
        )
    for model, attribute, key, wanted in (
        (RecommendationTheme, "themes", "theme_id", themes),
        (RecommendationGroup, "groups", "group_id", groups),
        (RecommendationSdg, "sdgs", "sdg_code", sdgs),
    ):
        if wanted and wanted != getattr(old, attribute):
            links[model] = [{"recommendation_id": item.id, key: value} for value in wanted]
    return values, links
