"""Derived data: what is computed from the recommendations and stored beside them, brought up
to date in the transaction that changed them.

Writes note what they changed in a `Changes`; the unit of work (`app.unit_of_work`) hands it
to `refresh` before it commits, which recomputes

- the stored link keys (`Recommendation.link_keys`) of recommendations whose links changed
  (`app.recommendations.related`);
- the stored API items (`app.recommendations.items`) of recommendations whose columns or
  links changed, or every item when the names they show (states, themes, groups) changed;
- the tallies (`app.stats.tallies`) of reviews whose recommendations changed, or every
  tally when the reference data they count by (states' regional groups) changed;
- the cross-cycle links of the states whose reviews changed (`app.linking.service`): at
  once, or marked pending for a run in transactions of their own after a long import
  (`app.linking.runs`).

Any change also moves the dataset version (`app.versioning`), which the unit of work bumps.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlmodel import Session

from app.linking.service import link_reviews, mark_pending
from app.recommendations import items, related
from app.stats import tallies


@dataclass
class Changes:
    """What one transaction changed that derived data or the dataset version depend on."""

    link_keys: set[str] = field(default_factory=set)
    items: set[str] = field(default_factory=set)
    every_item: bool = False
    tallies: set[str] = field(default_factory=set)
    every_tally: bool = False
    link_now: set[str] = field(default_factory=set)
    link_later: set[str] = field(default_factory=set)
    data: bool = False

    def data_changed(self) -> None:
        """Something the API serves changed (even if nothing derived from it did)."""
        self.data = True

    def links_changed(self, recommendation_ids: Iterable[str]) -> None:
        """These recommendations' links (states, themes, groups, SDGs, ids) changed."""
        self.link_keys.update(recommendation_ids)

    def recommendations_changed(self, recommendation_ids: Iterable[str]) -> None:
        """These recommendations were added or their columns changed."""
        self.items.update(recommendation_ids)

    def names_changed(self) -> None:
        """Names that every item may show (states, themes, groups) changed."""
        self.every_item = True

    def reviews_changed(self, review_ids: Iterable[str]) -> None:
        """Recommendations of these reviews were added or changed."""
        self.tallies.update(review_ids)

    def regional_groups_changed(self) -> None:
        """States' regional groups changed, which the tallies count recommending states by."""
        self.every_tally = True

    def link(self, review_ids: Iterable[str]) -> None:
        """Relink the states of these reviews in this transaction."""
        self.link_now.update(review_ids)

    def link_pending(self, review_ids: Iterable[str]) -> None:
        """Mark these reviews for linking after the transaction (`app.linking.runs`)."""
        self.link_later.update(review_ids)

    @property
    def any(self) -> bool:
        """Whether anything changed (and the dataset version moves)."""
        return bool(
            self.data
            or self.link_keys
            or self.items
            or self.every_item
            or self.tallies
            or self.every_tally
            or self.link_now
            or self.link_later
        )


def refresh(db: Session, changes: Changes) -> None:
    """Bring the derived data up to date with `changes`, in `db`'s transaction."""
    if changes.link_keys:
        related.refresh_link_keys(db, changes.link_keys)
    if changes.every_item:
        items.refresh(db)
    elif changes.items or changes.link_keys:
        items.refresh(db, changes.items | changes.link_keys)
    if changes.every_tally:
        tallies.refresh_all(db)
    elif changes.tallies:
        tallies.refresh(db, changes.tallies)
    if changes.link_now:
        link_reviews(db, changes.link_now)
    if changes.link_later:
        mark_pending(db, changes.link_later)
