"""Source precedence: which of an incoming recommendation's values replace the stored ones.

Each field has its own ranking: for the text, the recommending states, themes, groups and SDGs
`DataSource.text_rank`, for the position `DataSource.position_rank`. A value from a
lower-ranked source never overwrites one from a higher-ranked source.

Positions rank by finality first: a final position (supported, noted, supported in part) always
replaces a pending or unclear one and is never replaced by one, whatever the sources' ranks, so a
report's "will be examined" gives way to the thematic list or dataset that says what became of
it. Between two final (or two non-final) positions the source's rank decides. The report's
implementation claim is kept with its source wherever a document gives one.
"""

from __future__ import annotations

from typing import Any

from app.classification.stored import action_category_columns
from app.importers.loading.incoming import IncomingRecommendation
from app.importers.loading.stored import Stored
from app.models.recommendations import (
    RecommendationGroup,
    RecommendationSdg,
    RecommendationTheme,
    RecommendationUprInfoIssue,
    RecommendingState,
)
from app.vocab import DataSource, Position, RecommendationField

F = RecommendationField
FINAL_POSITIONS = frozenset({Position.supported, Position.noted, Position.supported_in_part})


def replacements(
    item: IncomingRecommendation,
    old: Stored,
    source: DataSource,
    themes: set[int],
    groups: set[int],
    sdgs: set[str],
    issues: set[int],
) -> tuple[dict[str, Any], dict[type, list[dict[str, Any]]]]:
    """Column values and link rows (by table) to replace on a stored recommendation."""
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
    if item.position is not None and position_wins(item.position, row, source):
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


def position_wins(position: Position, row: Any, source: DataSource) -> bool:
    """Whether a source's position replaces the stored one: finality first, then rank."""
    if row.position_from is None:
        return True
    final, stored_final = position in FINAL_POSITIONS, row.position in FINAL_POSITIONS
    if final != stored_final:
        return final
    return source.position_rank >= DataSource(row.position_from).position_rank
