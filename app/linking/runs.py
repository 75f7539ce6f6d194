"""Linking runs: states linked one after the other, each in a unit of work of its own.

A dataset import marks the reviews it changed as pending (`app.derived.Changes.link_pending`);
`link_pending` then links their states after it, or `upr link` does later. `upr link --review`
and `--all` relink the states they name with `link_states`. One transaction per state keeps
each short: a failure leaves the states linked before it linked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from app.db import SessionFactory
from app.linking.service import link_state, pending_states
from app.states.queries import name_index
from app.unit_of_work import unit_of_work


@dataclass
class LinkSummary:
    """What a linking run did."""

    states: list[str] = field(default_factory=list)
    recommendations: int = 0
    links: int = 0

    def line(self) -> str:
        """One line for the command line."""
        return (
            f"linked {len(self.states)} states: {self.recommendations} recommendations, "
            f"{self.links} links"
        )


def link_pending(new_session: SessionFactory) -> LinkSummary:
    """Link every state with a pending review, each in its own unit of work."""
    with new_session() as db:
        states = pending_states(db)
    return link_states(new_session, states)


def link_states(
    new_session: SessionFactory,
    states: Iterable[str],
    progress: Callable[[str], None] | None = None,
) -> LinkSummary:
    """Link these states, each in its own unit of work (`progress` is told of each)."""
    summary = LinkSummary()
    names: frozenset[str] | None = None
    for iso3 in states:
        with new_session() as db, unit_of_work(db) as work:
            names = names if names is not None else frozenset(name_index(db))
            recommendations, links = link_state(db, iso3, names)
            work.changes.data_changed()
        summary.states.append(iso3)
        summary.recommendations += recommendations
        summary.links += links
        if progress:
            progress(iso3)
    return summary
