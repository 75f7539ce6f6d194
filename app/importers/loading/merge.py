"""Merging sources into one set of recommendations, with the provenance of every field.

A parsed recommendation becomes an `IncomingRecommendation` (`incoming`: its state names
resolved, and the place in its source that gives it: `reference`), is compared with what is
stored (`stored`), and is inserted or updated in bulk (`bulk`) following source precedence
(`precedence`), its sources and disagreements recorded (`provenance`). The recommendations
whose links changed and the reviews whose recommendations changed are noted in the unit of
work, which refreshes what is derived from them (`app.derived`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.classification.stored import action_category_columns
from app.importers.loading.bulk import Writes, add_links, flush
from app.importers.loading.incoming import IncomingRecommendation
from app.importers.loading.precedence import replacements
from app.importers.loading.provenance import record_provenance, source_row
from app.importers.loading.report import ImportReport
from app.importers.loading.stored import read_stored
from app.importers.loading.taxonomy import TaxonomyCache
from app.models.recommendations import ExternalId, RecommendationUprInfoIssue, split_paragraph
from app.recommendations import related
from app.vocab import DataSource

if TYPE_CHECKING:
    from app.unit_of_work import UnitOfWork


def write_recommendations(
    work: UnitOfWork,
    incoming: list[IncomingRecommendation],
    source: DataSource,
    taxonomy: TaxonomyCache,
    report: ImportReport,
) -> None:
    """Insert new recommendations and update changed ones, in bulk, following source precedence,
    with each one's sources and disagreements; the recommendations whose links changed and the
    reviews that changed are noted in the unit of work."""
    stored = read_stored(work.db, [item.id for item in incoming])
    changed_reviews: set[str] = set()
    changed: list[str] = []  # recommendations added, or whose columns or links changed
    writes = Writes()
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
            changed.append(item.id)
            continue
        values, changed_links = replacements(item, old, source, themes, groups, sdgs, issues)
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
        provenance_changed = record_provenance(writes, item, old, source, taxonomy, report)
        if values:
            writes.updates.append({"key": item.id, **values})
        if values or changed_links or new_external:
            changed.append(item.id)
        if values or changed_links or new_external or provenance_changed:
            report.changed += 1
            changed_reviews.add(item.review_id)
        else:
            report.unchanged += 1
    flush(work.db, writes)
    work.changes.links_changed(rid for ids in writes.replaced.values() for rid in ids)
    work.changes.recommendations_changed(changed)
    if taxonomy.codes_changed:
        work.changes.names_changed()
        taxonomy.codes_changed = False
    work.changes.reviews_changed(changed_reviews)


def _add_new(
    writes: Writes,
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
    add_links(writes.links, item.id, item.states, themes, groups, sdgs, item.external_ids)
    writes.links[RecommendationUprInfoIssue].extend(
        {"recommendation_id": item.id, "issue_id": issue} for issue in issues
    )
    writes.sources.append(source_row(item, source))
