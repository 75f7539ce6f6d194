"""Writing parsed documents into the database: one loader for every source.

Rules, the same for every source:
- every state name resolves through the alias table, or the import fails listing each unresolved
  name and where it stood, and nothing is written;
- one transaction per document (per batch for the UHRI stream): a failure leaves the database as
  it was; on PostgreSQL imports into one review are serialised by an advisory lock;
- importing the same document again changes nothing (`0 added, 0 changed`); a corrected document
  updates the rows that changed and keeps their ids;
- sources merge into one set of recommendations: a value from a lower-ranked source never
  overwrites one from a higher-ranked source (`DataSource.rank`), and every disagreement between
  sources is reported.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, func, insert, select, text, update
from sqlmodel import Session, col

from app.importers.records import ParsedDocument, ParsedRecommendation, ThemeRef
from app.linking.service import link_after_import
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
from app.reviews.models import Document, Review, ReviewWarning, TroikaSeat, review_id
from app.sessions.models import WorkingGroupSession
from app.states.queries import fold_name, name_index
from app.stats import tallies
from app.taxonomy.models import AffectedGroup, Sdg, Theme
from app.versioning import bump
from app.vocab import DataSource, DocumentKind, Position

TOTALS_CHECK = "check of stated totals"

SOURCE_OF_KIND = {
    DocumentKind.working_group_report: DataSource.working_group_report,
    DocumentKind.addendum: DataSource.addendum,
    DocumentKind.thematic_list: DataSource.thematic_list,
}


class ImportFailed(Exception):
    """An import that wrote nothing; `problems` says each thing that is wrong and where."""

    def __init__(self, file: str, problems: list[str]) -> None:
        super().__init__(f"{file}: import failed, nothing was written:\n- " + "\n- ".join(problems))
        self.file = file
        self.problems = problems


@dataclass
class ImportReport:
    """What an import did (or, on a dry run, would do)."""

    file: str
    source: str
    reviews: list[str] = field(default_factory=list)
    recommendations: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    review_fields_changed: list[str] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False

    def summary(self) -> str:
        """One line: what was added and changed."""
        outcome = " (dry run: nothing written)" if self.dry_run else ""
        return (
            f"{self.file}: {self.recommendations} recommendations read; "
            f"{self.added} added, {self.changed} changed, {self.unchanged} unchanged{outcome}; "
            f"{len(self.disagreements)} disagreements, {len(self.warnings)} warnings"
            + (
                f"; review facts changed: {', '.join(self.review_fields_changed)}"
                if self.review_fields_changed
                else ""
            )
        )


_FOLD_PUNCTUATION = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2010": "-",
     "\u2011": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " "}
)  # fmt: skip
_SPACE_AROUND_JOINERS = re.compile(r"\s*(['-])\s*")


def comparable(text_value: str) -> str:
    """Text folded for comparing sources, so that only real differences count.

    Typographic quotes and dashes become ASCII, spaces around apostrophes and hyphens go
    ("Slovenia’ s", "non ‑ discrimination" are how the thematic lists' DOCX text reads) and
    whitespace collapses.
    """
    folded = unicodedata.normalize("NFKC", text_value).translate(_FOLD_PUNCTUATION)
    return " ".join(_SPACE_AROUND_JOINERS.sub(r"\1", folded).split())


class StateResolver:
    """Resolves state names as written to ISO3 codes and collects the names it cannot resolve."""

    def __init__(self, db: Session) -> None:
        self._index = name_index(db)
        self._compact = {key.replace(" ", ""): iso3 for key, iso3 in self._index.items()}
        self.unresolved: dict[str, list[str]] = defaultdict(list)

    def resolve(self, name: str, where: str) -> str | None:
        """The ISO3 code of `name`, or None (remembered with `where` for the failure report).

        A name is matched ignoring case, accents and a leading "the"; failing that, ignoring
        all spaces, which repairs words broken by PDF text extraction ("Arge ntina").
        """
        key = fold_name(name)
        iso3 = self._index.get(key) or self._index.get(re.sub(r"^the ", "", key))
        iso3 = iso3 or self._compact.get(key.replace(" ", ""))
        if iso3 is None:
            self.unresolved[name].append(where)
        return iso3

    def problems(self) -> list[str]:
        """One line per unresolved name with every place it occurred."""
        return [
            f"unknown state name {name!r} at {', '.join(places[:10])}"
            + (f" and {len(places) - 10} more places" if len(places) > 10 else "")
            + " (add it with `upr states alias`)"
            for name, places in sorted(self.unresolved.items())
        ]


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
    )


def lock_reviews(db: Session, review_ids: Iterable[str]) -> None:
    """Serialise concurrent imports into the same reviews (PostgreSQL advisory locks).

    SQLite allows one writer at a time; a second import that would interleave fails with
    "database is locked" and writes nothing.
    """
    if db.get_bind().dialect.name != "postgresql":
        return
    for rid in sorted(set(review_ids)):
        db.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": f"review:{rid}"})


def ensure_review(db: Session, session: int, iso3: str, file: str) -> str:
    """The id of the review of `iso3` in `session`, created if it is not known yet."""
    rid = review_id(session, iso3)
    if db.get(Review, rid) is None:
        if db.get(WorkingGroupSession, session) is None:
            raise ImportFailed(file, [f"Working Group session {session} is not known"])
        db.add(Review(id=rid, session_number=session, state_iso3=iso3))
        db.flush()
    return rid


class TaxonomyCache:
    """Themes, groups and SDGs by name/code, created on first use within one import."""

    def __init__(self, db: Session) -> None:
        self.db = db
        self.themes = {theme.name: theme for theme in db.execute(select(Theme)).scalars()}
        self.groups = {
            group.name: group.id for group in db.execute(select(AffectedGroup)).scalars()
        }
        self.sdgs = set(db.execute(select(Sdg.code)).scalars())

    def theme_id(self, ref: ThemeRef) -> int:
        """The id of a theme, created (or given its code) as needed."""
        theme = self.themes.get(ref.name)
        if theme is None:
            theme = Theme(name=ref.name, code=ref.code)
            self.db.add(theme)
            self.db.flush()
            self.themes[ref.name] = theme
        elif ref.code and theme.code != ref.code:
            theme.code = ref.code
        assert theme.id is not None
        return theme.id

    def group_id(self, name: str) -> int:
        """The id of an affected group, created as needed."""
        if name not in self.groups:
            group = AffectedGroup(name=name)
            self.db.add(group)
            self.db.flush()
            self.groups[name] = group.id
        return self.groups[name]  # type: ignore[return-value]

    def sdg_code(self, code: str) -> str:
        """An SDG code, with the target created as needed."""
        if code not in self.sdgs:
            goal = int(code.split(".")[0])
            self.db.add(Sdg(code=code, goal=goal))
            self.db.flush()
            self.sdgs.add(code)
        return code


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
        position_wins = row.position_from is None or (
            source.rank >= DataSource(row.position_from).rank
        )
        if (
            row.position is not None
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
    for model, attribute, key, wanted in (
        (RecommendationTheme, "themes", "theme_id", themes),
        (RecommendationGroup, "groups", "group_id", groups),
        (RecommendationSdg, "sdgs", "sdg_code", sdgs),
    ):
        if wanted and wanted != getattr(old, attribute):
            links[model] = [{"recommendation_id": item.id, key: value} for value in wanted]
    return values, links


def _record_warnings(db: Session, rid: str, source_label: str, messages: list[str]) -> None:
    """Replace the warnings this source left on a review with the current ones."""
    db.execute(
        delete(ReviewWarning).where(
            col(ReviewWarning.review_id) == rid, col(ReviewWarning.source) == source_label
        )
    )
    db.add_all(ReviewWarning(review_id=rid, source=source_label, message=m) for m in messages)


def _apply_metadata(
    db: Session, rid: str, doc: ParsedDocument, resolver: StateResolver, report: ImportReport
) -> None:
    """Fill the review's facts from a Working Group report or addendum; note what changed."""
    review = db.get(Review, rid)
    assert review is not None
    wanted: dict[str, Any] = {}
    if doc.metadata:
        meta = doc.metadata
        wanted.update(
            review_date=meta.review_date,
            meeting_number=meta.meeting_number,
            head_of_delegation=meta.head_of_delegation,
            hrc_session=meta.hrc_session,
        )
    if doc.reported_totals:
        totals = doc.reported_totals
        wanted.update(
            reported_received=totals.received,
            reported_supported=totals.supported,
            reported_noted=totals.noted,
            reported_source=totals.source,
        )
    for name, value in wanted.items():
        if value is not None and getattr(review, name) != value:
            setattr(review, name, value)
            report.review_fields_changed.append(name)
    if doc.metadata and doc.metadata.troika:
        troika = [resolver.resolve(name, f"{doc.file} troika") for name in doc.metadata.troika]
        seats = (
            db.execute(select(TroikaSeat).where(col(TroikaSeat.review_id) == rid)).scalars().all()
        )
        if all(troika) and [seat.iso3 for seat in sorted(seats, key=lambda s: s.seat)] != troika:
            for seat in seats:
                db.delete(seat)
            db.flush()
            db.add_all(
                TroikaSeat(review_id=rid, seat=i, iso3=iso3)
                for i, iso3 in enumerate(troika, start=1)
                if iso3
            )
            report.review_fields_changed.append("troika")


def _record_documents(db: Session, rid: str, doc: ParsedDocument, report: ImportReport) -> None:
    """Attach the document itself and the documents it cites to the review."""
    entries = [(doc.kind, doc.symbol, doc.date, doc.file)]
    entries += [(ref.kind, ref.symbol, ref.date, None) for ref in doc.cited_documents]
    for kind, symbol, date, source_file in entries:
        found = (
            db.execute(
                select(Document).where(
                    col(Document.review_id) == rid,
                    col(Document.kind) == kind,
                    col(Document.symbol).is_(None)
                    if symbol is None
                    else col(Document.symbol) == symbol,
                )
            )
            .scalars()
            .first()
        )
        if found is None:
            db.add(
                Document(
                    review_id=rid, kind=kind, symbol=symbol, date=date, source_file=source_file
                )
            )
            report.review_fields_changed.append(f"document {symbol or kind.value}")
        else:
            changed = False
            if date and found.date != date:
                found.date, changed = date, True
            if source_file and found.source_file != source_file:
                found.source_file, changed = source_file, True
            if changed:
                report.review_fields_changed.append(f"document {symbol or kind.value}")


def load_document(
    db: Session,
    doc: ParsedDocument,
    *,
    dry_run: bool = False,
    before_commit: Callable[[Session, ImportReport], None] | None = None,
) -> ImportReport:
    """Write one parsed document in one transaction (rolled back on failure or dry run).

    The dataset version moves forward in the same transaction; `before_commit` may add rows of
    its own to it (the API records its audit entry there).
    """
    source = SOURCE_OF_KIND[doc.kind]
    report = ImportReport(file=doc.file, source=source.value, dry_run=dry_run)
    try:
        resolver = StateResolver(db)
        iso3 = resolver.resolve(doc.state_under_review, f"{doc.file} (state under review)")
        incoming = [
            resolve_recommendation(resolver, doc.session, iso3 or "???", parsed, doc.file)
            for parsed in doc.recommendations
        ]
        if resolver.unresolved or iso3 is None:
            raise ImportFailed(doc.file, resolver.problems())
        rid = review_id(doc.session, iso3)
        lock_reviews(db, [rid])
        ensure_review(db, doc.session, iso3, doc.file)
        report.reviews.append(rid)
        _apply_metadata(db, rid, doc, resolver, report)
        if resolver.unresolved:
            raise ImportFailed(doc.file, resolver.problems())
        _record_documents(db, rid, doc, report)
        taxonomy = TaxonomyCache(db)
        if doc.positions:
            incoming += _positions_as_updates(db, doc, rid, iso3)
        report.recommendations = len(incoming)
        write_recommendations(db, incoming, source, taxonomy, report)
        if source is not DataSource.addendum:
            report.warnings += _missing_paragraphs(db, rid, {item.id for item in incoming})
        report.warnings += doc.warnings
        _record_warnings(db, rid, doc.symbol or doc.file, report.warnings + report.disagreements)
        totals = _totals_check(db, rid)
        _record_warnings(db, rid, TOTALS_CHECK, totals)
        report.warnings += totals
        db.flush()
        if not dry_run:
            changed_data = bool(report.added or report.changed or report.review_fields_changed)
            if report.added or report.changed:
                link_after_import(db, report.reviews)  # new/repeated links of the changed state
            if before_commit is not None:
                before_commit(db, report)
            if changed_data:
                bump(db)  # new ETags only when what is served changed
    except BaseException:
        db.rollback()
        raise
    if dry_run:
        db.rollback()
    else:
        db.commit()
    return report


def _positions_as_updates(
    db: Session, doc: ParsedDocument, rid: str, iso3: str
) -> list[IncomingRecommendation]:
    """An addendum's positions as updates of recommendations that must already be loaded."""
    ids = {recommendation_id(doc.session, iso3, p.paragraph): p for p in doc.positions}
    known = set(
        db.execute(select(Recommendation.id).where(col(Recommendation.id).in_(list(ids)))).scalars()
    )
    missing = sorted(set(ids) - known, key=lambda rid_: split_paragraph(rid_.rsplit("-", 1)[1]))
    if missing:
        raise ImportFailed(
            doc.file,
            [
                "positions given for recommendations that are not loaded: "
                + ", ".join(missing[:20])
                + (f" and {len(missing) - 20} more" if len(missing) > 20 else "")
                + " (import the Working Group report or thematic list of this review first)"
            ],
        )
    return [
        IncomingRecommendation(
            id=key,
            review_id=rid,
            session=doc.session,
            iso3=iso3,
            paragraph=position.paragraph,
            text="",
            states=[],
            position=position.position,
            position_source=position.source,
            position_text=position.response_text,
            themes=[],
            groups=[],
            sdgs=[],
            external_ids={},
        )
        for key, position in ids.items()
    ]


def _missing_paragraphs(db: Session, rid: str, present: set[str]) -> list[str]:
    """Recommendations loaded earlier for the review that this document does not contain."""
    loaded = set(
        db.execute(select(Recommendation.id).where(col(Recommendation.review_id) == rid)).scalars()
    )
    absent = sorted(loaded - present)
    if not absent:
        return []
    return [
        f"{len(absent)} loaded recommendations are not in this document: {', '.join(absent[:10])}"
    ]


def _totals_check(db: Session, rid: str) -> list[str]:
    """Warnings where loaded counts disagree with the review's stated totals.

    Positions are compared only once some are loaded (a report comes before its addendum).
    """
    review = db.get(Review, rid)
    assert review is not None
    counts = dict(
        db.execute(
            select(Recommendation.position, func.count())
            .where(col(Recommendation.review_id) == rid)
            .group_by(col(Recommendation.position))
        ).all()
    )
    loaded = sum(counts.values())
    with_position = loaded - counts.get(None, 0)
    checks = [
        ("received", review.reported_received, loaded),
        ("supported", review.reported_supported, counts.get(Position.supported, 0)),
        ("noted", review.reported_noted, counts.get(Position.noted, 0)),
    ]
    return [
        f"stated {what} total {stated} ({review.reported_source}) differs from {actual} loaded"
        for what, stated, actual in checks
        if stated is not None
        and stated != actual
        and (with_position if what != "received" else loaded)
    ]
