"""Merging sources into one set of recommendations, with the provenance of every field.

A parsed recommendation becomes an `IncomingRecommendation` (its state names resolved, and the
place in its source that gives it: `reference`), is compared with what is stored, and is
inserted or updated in bulk following source precedence. Each field has its own: for the
text, the recommending states, themes, groups and SDGs `DataSource.text_rank`, for the
position `DataSource.position_rank`. A value from a lower-ranked source never overwrites one
from a higher-ranked source.

Positions rank by finality first: a final position (supported, noted, supported in part) always
replaces a pending or unclear one and is never replaced by one, whatever the sources' ranks, so a
report's "will be examined" gives way to the thematic list or dataset that says what became of
it. Between two final (or two non-final) positions the source's rank decides. The report's
implementation claim is kept with its source wherever a document gives one.

Provenance: every source that gives a recommendation any field is stored with it
(`RecommendationSource`: the source, its reference, the fields it gave). Where two sources give
a field different values (`provenance.differ`), the disagreement is stored with both values
(`RecommendationDisagreement`) and listed in the import report; an import of a source
re-evaluates the disagreements it is part of, so a corrected source clears its own.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from sqlalchemy import delete, insert, select, tuple_, update
from sqlmodel import Session, col

from app.classification.stored import action_category_columns
from app.importers.loading import provenance
from app.importers.loading.report import ImportReport
from app.importers.loading.states import StateResolver
from app.importers.loading.taxonomy import TaxonomyCache
from app.importers.records import ParsedRecommendation, ThemeRef
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
    recommendation_id,
    split_paragraph,
)
from app.models.reviews import review_id
from app.recommendations import related
from app.stats import tallies
from app.vocab import DataSource, ImplementationClaim, Position, RecommendationField

F = RecommendationField
CHUNK = 2_000  # ids per IN (...) list: well under SQLite's limit on bound parameters


@dataclass
class IncomingRecommendation:
    """A parsed recommendation with its state names resolved, ready to write.

    `reference` says where the source gives it ("A/HRC/28/10 - Para.124.1", "upr2.xlsx row
    5231"). UPR Info's action category and issues are that database's own coding.
    """

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
    reference: str = ""
    implementation_claim: ImplementationClaim | None = None
    implementation_claim_source: str | None = None
    upr_info_action_category: int | None = None
    upr_info_issues: list[str] = field(default_factory=list)

    def given(self) -> list[RecommendationField]:
        """The fields this source gives, in `RecommendationField` order."""
        values = {
            F.text: self.text,
            F.position: self.position,
            F.recommending_states: self.states,
            F.themes: self.themes,
            F.affected_groups: self.groups,
            F.sdgs: self.sdgs,
        }
        return [name for name in RecommendationField if values[name]]


FINAL_POSITIONS = frozenset({Position.supported, Position.noted, Position.supported_in_part})


def resolve_recommendation(
    resolver: StateResolver,
    session: int,
    iso3: str,
    parsed: ParsedRecommendation,
    file: str,
    reference: str = "",
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
        reference=reference or where,
        implementation_claim=parsed.implementation_claim,
        implementation_claim_source=parsed.implementation_claim_source,
    )


@dataclass
class _Stored:
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


def _stored(db: Session, ids: list[str]) -> dict[str, _Stored]:
    """What is stored for these recommendation ids (a few queries per chunk of ids)."""
    stored: dict[str, _Stored] = {}
    for chunk in chunks(ids):
        for row in db.execute(
            select(Recommendation.__table__).where(col(Recommendation.id).in_(chunk))
        ):
            stored[row.id] = _Stored(row)
    keys = list(stored)
    for chunk in chunks(keys):
        for rid, iso3 in db.execute(
            select(RecommendingState.recommendation_id, RecommendingState.iso3)
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
                select(model.recommendation_id, column).where(
                    col(model.recommendation_id).in_(chunk)
                )
            ):
                getattr(stored[rid], attribute).add(value)
        for rid, system, value in db.execute(
            select(ExternalId.recommendation_id, ExternalId.system, ExternalId.value).where(
                col(ExternalId.recommendation_id).in_(chunk)
            )
        ):
            stored[rid].external_ids[system] = value
        for source_row in db.execute(
            select(RecommendationSource.__table__).where(
                col(RecommendationSource.recommendation_id).in_(chunk)
            )
        ):
            stored[source_row.recommendation_id].sources[DataSource(source_row.source)] = (
                source_row.reference,
                source_row.fields,
            )
        for pair in db.execute(
            select(RecommendationDisagreement.__table__).where(
                col(RecommendationDisagreement.recommendation_id).in_(chunk)
            )
        ):
            key = (pair.field, pair.source, pair.other_source)
            stored[pair.recommendation_id].disagreements[key] = pair
    return stored


@dataclass
class _Writes:
    """Rows to insert, update and replace, gathered over a batch and written in bulk."""

    new_rows: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    links: dict[type, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    replaced: dict[type, list[str]] = field(default_factory=lambda: defaultdict(list))
    sources: list[dict[str, Any]] = field(default_factory=list)
    stale_sources: list[tuple[str, str]] = field(default_factory=list)
    pairs: list[dict[str, Any]] = field(default_factory=list)
    stale_pairs: list[tuple[str, str, str, str]] = field(default_factory=list)


def write_recommendations(
    db: Session,
    incoming: list[IncomingRecommendation],
    source: DataSource,
    taxonomy: TaxonomyCache,
    report: ImportReport,
) -> None:
    """Insert new recommendations and update changed ones, in bulk, following source precedence,
    with each one's sources and disagreements; then recompute the stored link keys of the
    recommendations whose links changed, and the tallies of the reviews that changed."""
    stored = _stored(db, [item.id for item in incoming])
    changed_reviews: set[str] = set()
    writes = _Writes()
    for item in incoming:
        themes = {taxonomy.theme_id(ref) for ref in item.themes}
        groups = {taxonomy.group_id(name) for name in item.groups}
        sdgs = {taxonomy.sdg_code(code) for code in item.sdgs}
        issues = {taxonomy.upr_info_issue_id(name) for name in item.upr_info_issues}
        old = stored.get(item.id)
        if old is None:
            _add_new(writes, item, source, themes, groups, sdgs, issues)
            report.added += 1
            changed_reviews.add(item.review_id)
            continue
        values, changed_links = _changes(item, old, source, themes, groups, sdgs, issues)
        for model, rows in changed_links.items():
            writes.replaced[model].append(item.id)
            writes.links[model].extend(rows)
        new_external = {k: v for k, v in item.external_ids.items() if old.external_ids.get(k) != v}
        if new_external:
            writes.replaced[ExternalId].append(item.id)
            merged = {**old.external_ids, **item.external_ids}
            writes.links[ExternalId].extend(
                {"recommendation_id": item.id, "system": k, "value": v} for k, v in merged.items()
            )
        provenance_changed = _provenance(writes, item, old, source, taxonomy, report)
        if values:
            writes.updates.append({"key": item.id, **values})
        if values or changed_links or new_external or provenance_changed:
            report.changed += 1
            changed_reviews.add(item.review_id)
        else:
            report.unchanged += 1
    _flush(db, writes)
    related.refresh_link_keys(db, {rid for ids in writes.replaced.values() for rid in ids})
    tallies.refresh(db, changed_reviews)


def _add_new(
    writes: _Writes,
    item: IncomingRecommendation,
    source: DataSource,
    themes: set[int],
    groups: set[int],
    sdgs: set[str],
    issues: set[int],
) -> None:
    major, minor = split_paragraph(item.paragraph)
    writes.new_rows.append(
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
            "upr_info_action_category": item.upr_info_action_category,
            **action_category_columns(item.text),
            "link_keys": related.keys_of(item.states, themes, groups, sdgs, item.external_ids),
        }
    )
    _add_links(writes.links, item.id, item.states, themes, groups, sdgs, item.external_ids)
    writes.links[RecommendationUprInfoIssue].extend(
        {"recommendation_id": item.id, "issue_id": issue} for issue in issues
    )
    writes.sources.append(_source_row(item, source))


def _source_row(item: IncomingRecommendation, source: DataSource) -> dict[str, Any]:
    return {
        "recommendation_id": item.id,
        "source": source,
        "reference": item.reference,
        "fields": ",".join(item.given()),
    }


def _flush(db: Session, writes: _Writes) -> None:
    """Write what a batch gathered, in bulk."""
    if writes.new_rows:
        db.execute(insert(Recommendation.__table__), writes.new_rows)
    for values in writes.updates:
        key = values.pop("key")
        db.execute(update(Recommendation.__table__).where(Recommendation.id == key).values(values))
    for model, ids in writes.replaced.items():
        for chunk in chunks(ids):
            db.execute(delete(model).where(col(model.recommendation_id).in_(chunk)))
    for model in (
        RecommendingState,
        RecommendationTheme,
        RecommendationGroup,
        RecommendationSdg,
        RecommendationUprInfoIssue,
        ExternalId,
    ):
        if writes.links.get(model):
            db.execute(insert(model.__table__), writes.links[model])
    source_key = tuple_(RecommendationSource.recommendation_id, RecommendationSource.source)
    for chunk in chunks(writes.stale_sources, CHUNK // 2):
        db.execute(delete(RecommendationSource).where(source_key.in_(chunk)))
    if writes.sources:
        db.execute(insert(RecommendationSource.__table__), writes.sources)
    pair_key = tuple_(
        RecommendationDisagreement.recommendation_id,
        RecommendationDisagreement.field,
        RecommendationDisagreement.source,
        RecommendationDisagreement.other_source,
    )
    for chunk in chunks(writes.stale_pairs, CHUNK // 4):
        db.execute(delete(RecommendationDisagreement).where(pair_key.in_(chunk)))
    if writes.pairs:
        db.execute(insert(RecommendationDisagreement.__table__), writes.pairs)


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
    issues: set[int],
) -> tuple[dict[str, Any], dict[type, list[dict[str, Any]]]]:
    """Column values and link rows to replace on an existing recommendation."""
    row = old.row
    values: dict[str, Any] = {}
    links: dict[type, list[dict[str, Any]]] = {}

    def wins(name: RecommendationField) -> bool:
        current = old.source_of(name)
        return current is None or source.text_rank >= current.text_rank

    if item.text and item.text != row.text and wins(F.text):
        values.update(text=item.text, text_from=source, **action_category_columns(item.text))
    if item.states and item.states != old.states and wins(F.recommending_states):
        links[RecommendingState] = [
            {"recommendation_id": item.id, "iso3": iso3, "ordinal": i}
            for i, iso3 in enumerate(item.states)
        ]
    if item.position is not None and _position_wins(item.position, row, source):
        new = {
            "position": item.position,
            "position_source": item.position_source,
            "position_text": item.position_text,
            "position_from": source,
        }
        if any(row._mapping[name] != value for name, value in new.items()):
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
    if item.upr_info_action_category not in (None, row.upr_info_action_category):
        values.update(upr_info_action_category=item.upr_info_action_category)
    for model, attribute, key, wanted, name in (
        (RecommendationTheme, "themes", "theme_id", themes, F.themes),
        (RecommendationGroup, "groups", "group_id", groups, F.affected_groups),
        (RecommendationSdg, "sdgs", "sdg_code", sdgs, F.sdgs),
    ):
        if wanted and wanted != getattr(old, attribute) and wins(name):
            links[model] = [{"recommendation_id": item.id, key: value} for value in wanted]
    if issues and issues != old.issues:
        links[RecommendationUprInfoIssue] = [
            {"recommendation_id": item.id, "issue_id": issue} for issue in issues
        ]
    return values, links


def _position_wins(position: Position, row: Any, source: DataSource) -> bool:
    """Whether a source's position replaces the stored one: finality first, then rank."""
    if row.position_from is None:
        return True
    final, stored_final = position in FINAL_POSITIONS, row.position in FINAL_POSITIONS
    if final != stored_final:
        return final
    return source.position_rank >= DataSource(row.position_from).position_rank


def _rank(name: RecommendationField, source: DataSource) -> int:
    return source.position_rank if name is F.position else source.text_rank


def _values(item: IncomingRecommendation) -> dict[RecommendationField, str]:
    """The incoming source's value of each field it gives, as disagreements store them."""
    return {
        F.text: item.text,
        F.position: item.position.value if item.position else "",
        F.recommending_states: provenance.render(item.states),
        F.themes: provenance.render(ref.name for ref in item.themes),
        F.affected_groups: provenance.render(item.groups),
        F.sdgs: provenance.render(item.sdgs),
    }


def _served(name: RecommendationField, old: _Stored, taxonomy: TaxonomyCache) -> str:
    """The stored (served) value of a field, as disagreements store them."""
    row = old.row
    if name is F.text:
        return str(row.text)
    if name is F.position:
        return str(row.position or "")
    if name is F.recommending_states:
        return provenance.render(old.states)
    if name is F.themes:
        return provenance.render(taxonomy.theme_name(theme) for theme in old.themes)
    if name is F.affected_groups:
        return provenance.render(taxonomy.group_name(group) for group in old.groups)
    return provenance.render(old.sdgs)


def _provenance(
    writes: _Writes,
    item: IncomingRecommendation,
    old: _Stored,
    source: DataSource,
    taxonomy: TaxonomyCache,
    report: ImportReport,
) -> bool:
    """Record the source and re-evaluate the disagreements it is part of; whether either changed.

    Compared before the recommendation's values change: the incoming value against the stored
    one (when another source gave it), and against every value it disagreed with before.
    """
    changed = False
    wanted_source = _source_row(item, source)
    if old.sources.get(source) != (wanted_source["reference"], wanted_source["fields"]):
        if source in old.sources:
            writes.stale_sources.append((item.id, source.value))
        writes.sources.append(wanted_source)
        changed = True

    given = item.given()
    mine = _values(item)
    # (field, other source) -> (other reference, other value)
    others: dict[tuple[RecommendationField, DataSource], tuple[str, str]] = {}
    for (name, high, low), pair in old.disagreements.items():
        if source.value == low:
            others[F(name), DataSource(high)] = (pair.reference, pair.value)
        elif source.value == high:
            others[F(name), DataSource(low)] = (pair.other_reference, pair.other_value)
    for name in given:
        current = old.source_of(name)
        if current is not None and current is not source:
            reference = old.sources.get(current, (old.row.position_source or "", ""))[0]
            others[name, current] = (reference, _served(name, old, taxonomy))

    wanted: dict[tuple[str, str, str], dict[str, Any]] = {}
    for (name, other), (other_reference, other_value) in others.items():
        if name not in given or not provenance.differ(name, mine[name], other_value):
            continue
        ours = (source, item.reference, mine[name])
        theirs = (other, other_reference, other_value)
        high, low = (ours, theirs) if _rank(name, source) > _rank(name, other) else (theirs, ours)
        wanted[name.value, high[0].value, low[0].value] = {
            "recommendation_id": item.id,
            "field": name,
            "source": high[0],
            "reference": high[1],
            "value": high[2],
            "other_source": low[0],
            "other_reference": low[1],
            "other_value": low[2],
        }
        report.disagreements.append(
            f"{item.id}: {name.value} differs: {high[0].value} ({high[1]}) has {high[2]!r}, "
            f"{low[0].value} ({low[1]}) has {low[2]!r}"
        )
    for key, pair in old.disagreements.items():
        if source.value not in key[1:]:
            continue
        current_pair = wanted.get(key)
        if current_pair is None or any(
            pair._mapping[column] != current_pair[column]
            for column in ("reference", "value", "other_reference", "other_value")
        ):
            writes.stale_pairs.append((item.id, *key))
            changed = True
        else:
            del wanted[key]
    if wanted:
        writes.pairs.extend(wanted.values())
        changed = True
    return changed
