"""What recommendations can be counted by (facets and statistics), each dimension declared once.

A dimension is a property of a recommendation (its position, session, state under review...)
or of its links (themes, recommending states...). Its `Counted` declaration says how to read
it in two ways that give the same counts:

- from the recommendations (`direct`): the value, its label (a name or title) and the joins
  that reach them, and whether one recommendation can reach a value twice (two of its
  recommending states in one regional group, two targets of one SDG goal), in which case
  distinct recommendations are counted;
- from the per-review tallies (`app.stats.tallies`), when it can: a property of the review
  or the position is read from the tally row's own columns (`review_column`); a link
  dimension is stored as text in the tally's `value` (`stored`, used when the tallies are
  recounted) and read back with its label (`from_tally`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import FromClause, Integer, String, cast, func
from sqlalchemy.orm import aliased
from sqlmodel import SQLModel, col

from app.kit.columns import table_of
from app.models.recommendations import (
    Recommendation,
    RecommendationGroup,
    RecommendationSdg,
    RecommendationSource,
    RecommendationTheme,
    RecommendationUprInfoIssue,
    RecommendingState,
)
from app.models.sessions import WorkingGroupSession
from app.models.states import State
from app.models.taxonomy import AffectedGroup, Sdg, Theme, UprInfoIssue
from app.vocab import Position, RegionalGroup

R = Recommendation
Joins = list[tuple[Any, Any]]


class Dimension(StrEnum):
    """What recommendations can be counted by."""

    position = "position"
    theme = "theme"
    group = "group"
    sdg = "sdg"
    sdg_goal = "sdg_goal"
    recommending_state = "recommending_state"
    recommending_state_group = "recommending_state_group"
    state_under_review = "state_under_review"
    state_under_review_group = "state_under_review_group"
    session = "session"
    cycle = "cycle"
    action_category = "action_category"
    upr_info_action_category = "upr_info_action_category"
    upr_info_issue = "upr_info_issue"
    data_source = "data_source"


@dataclass(frozen=True)
class Source:
    """A dimension read from the recommendations: value, label, joins from `recommendation`."""

    key: Any
    label: Any
    joins: Joins
    repeats: bool = False  # one recommendation can reach the same value twice


@dataclass(frozen=True)
class Counted:
    """How one dimension is counted; `n` numbers the dimension's joins within a statement."""

    direct: Callable[[int], Source]
    labelled: bool = False
    review_column: str | None = None  # the tally column of a review or position property
    stored: Callable[[], tuple[Any, Joins]] | None = None  # a link dimension's tally value
    from_tally: Callable[[Any, int], tuple[Any, Any, Joins]] | None = None
    typed: Callable[[Any], Any] = lambda value: value

    @property
    def tallied(self) -> bool:
        """Whether the tallies can count by this dimension."""
        return self.review_column is not None or self.stored is not None


def _link(n: int, link: Any, lookup: Any, on: Callable[[Any], Any]) -> Joins:
    """Joins of a link table (aliased per dimension) and of its lookup table."""
    alias = aliased(link, name=f"d{n}")
    return [(alias, col(alias.recommendation_id) == col(R.id)), (lookup, on(alias))]


def _own(column: Any) -> Callable[[int], Source]:
    return lambda n: Source(col(column), None, [])


def _named_link(link: Any, model: Any, column: str, suffix: str) -> Callable[[int], Source]:
    def direct(n: int) -> Source:
        named = aliased(model, name=f"d{n}_{suffix}")
        joins = _link(n, link, named, lambda a: col(named.id) == getattr(a, column))
        return Source(col(named.id), col(named.name), joins)

    return direct


def _state_under_review(regional: bool) -> Callable[[int], Source]:
    def direct(n: int) -> Source:
        state = aliased(State, name=f"d{n}")
        joins = [(state, col(state.iso3) == col(R.state_iso3))]
        if regional:
            return Source(col(state.regional_group), None, joins)
        return Source(col(R.state_iso3), col(state.name), joins)

    return direct


def _recommending(regional: bool) -> Callable[[int], Source]:
    def direct(n: int) -> Source:
        state = aliased(State, name=f"d{n}_state")
        joins = _link(n, RecommendingState, state, lambda a: col(state.iso3) == a.iso3)
        if regional:
            return Source(col(state.regional_group), None, joins, repeats=True)
        return Source(col(state.iso3), col(state.name), joins)

    return direct


def _sdg(goal: bool) -> Callable[[int], Source]:
    def direct(n: int) -> Source:
        sdg = aliased(Sdg, name=f"d{n}_sdg")
        joins = _link(n, RecommendationSdg, sdg, lambda a: col(sdg.code) == a.sdg_code)
        if goal:
            return Source(col(sdg.goal), None, joins, repeats=True)
        return Source(col(sdg.code), col(sdg.title), joins)

    return direct


def _cycle(n: int) -> Source:
    session = aliased(WorkingGroupSession, name=f"d{n}")
    on = col(session.number) == col(R.session_number)
    return Source(col(session.cycle_number), None, [(session, on)])


def _data_source(n: int) -> Source:
    link = aliased(RecommendationSource, name=f"d{n}")
    return Source(col(link.source), None, [(link, col(link.recommendation_id) == col(R.id))])


# -- read back from the tallies -------------------------------------------------------------


def _alias(model: type[SQLModel], n: int) -> FromClause:
    """The table of `model` under the name of the n-th dimension's join."""
    return table_of(model).alias(f"k{n}")


def _as_is(raw: Any, n: int) -> tuple[Any, Any, Joins]:
    return raw, None, []


def _with_name_of_state(raw: Any, n: int) -> tuple[Any, Any, Joins]:
    state = _alias(State, n)
    return raw, state.c.name, [(state, state.c.iso3 == raw)]


def _group_of_state(raw: Any, n: int) -> tuple[Any, Any, Joins]:
    state = _alias(State, n)
    return state.c.regional_group, None, [(state, state.c.iso3 == raw)]


def _cycle_of_session(raw: Any, n: int) -> tuple[Any, Any, Joins]:
    session = _alias(WorkingGroupSession, n)
    return session.c.cycle_number, None, [(session, session.c.number == raw)]


def _with_name(model: Any) -> Callable[[Any, int], tuple[Any, Any, Joins]]:
    def read(raw: Any, n: int) -> tuple[Any, Any, Joins]:
        named = _alias(model, n)
        number = cast(raw, Integer)
        return number, named.c.name, [(named, named.c.id == number)]

    return read


def _with_title_of_sdg(raw: Any, n: int) -> tuple[Any, Any, Joins]:
    sdg = _alias(Sdg, n)
    return raw, sdg.c.title, [(sdg, sdg.c.code == raw)]


def _stored_link(link: Any, column: str) -> Callable[[], tuple[Any, Joins]]:
    return lambda: (cast(getattr(link, column), String), [(link, link.recommendation_id == R.id)])


def _stored_goal() -> tuple[Any, Joins]:
    sdg = RecommendationSdg
    return cast(Sdg.goal, String), [
        (sdg, sdg.recommendation_id == R.id),
        (Sdg, col(Sdg.code) == sdg.sdg_code),
    ]


def _stored_recommending(regional: bool) -> Callable[[], tuple[Any, Joins]]:
    def stored() -> tuple[Any, Joins]:
        state = RecommendingState
        joins: Joins = [(state, state.recommendation_id == R.id)]
        if regional:
            return col(State.regional_group), [*joins, (State, col(State.iso3) == state.iso3)]
        return col(state.iso3), joins

    return stored


def _typed(kind: type) -> Callable[[Any], Any]:
    return lambda value: None if value is None else kind(value)


D = Dimension
DIMENSIONS: dict[Dimension, Counted] = {
    D.position: Counted(
        _own(R.position),
        review_column="position",
        from_tally=lambda raw, n: (func.nullif(raw, ""), None, []),
        typed=_typed(Position),
    ),
    D.theme: Counted(
        _named_link(RecommendationTheme, Theme, "theme_id", "theme"),
        labelled=True,
        stored=_stored_link(RecommendationTheme, "theme_id"),
        from_tally=_with_name(Theme),
    ),
    D.group: Counted(
        _named_link(RecommendationGroup, AffectedGroup, "group_id", "group"),
        labelled=True,
        stored=_stored_link(RecommendationGroup, "group_id"),
        from_tally=_with_name(AffectedGroup),
    ),
    D.sdg: Counted(
        _sdg(goal=False),
        labelled=True,
        stored=lambda: (
            col(RecommendationSdg.sdg_code),
            _stored_link(RecommendationSdg, "sdg_code")()[1],
        ),
        from_tally=_with_title_of_sdg,
    ),
    D.sdg_goal: Counted(
        _sdg(goal=True),
        stored=_stored_goal,
        from_tally=lambda raw, n: (cast(raw, Integer), None, []),
    ),
    D.recommending_state: Counted(
        _recommending(regional=False),
        labelled=True,
        stored=_stored_recommending(regional=False),
        from_tally=_with_name_of_state,
    ),
    D.recommending_state_group: Counted(
        _recommending(regional=True),
        stored=_stored_recommending(regional=True),
        from_tally=_as_is,  # the group's name is the value
        typed=_typed(RegionalGroup),
    ),
    D.state_under_review: Counted(
        _state_under_review(regional=False),
        labelled=True,
        review_column="state_iso3",
        from_tally=_with_name_of_state,
    ),
    D.state_under_review_group: Counted(
        _state_under_review(regional=True),
        review_column="state_iso3",
        from_tally=_group_of_state,
    ),
    D.session: Counted(_own(R.session_number), review_column="session_number", from_tally=_as_is),
    D.cycle: Counted(_cycle, review_column="session_number", from_tally=_cycle_of_session),
    D.action_category: Counted(_own(R.action_category)),
    D.upr_info_action_category: Counted(_own(R.upr_info_action_category)),
    D.upr_info_issue: Counted(
        _named_link(RecommendationUprInfoIssue, UprInfoIssue, "issue_id", "issue"),
        labelled=True,
    ),
    D.data_source: Counted(_data_source),
}
assert set(DIMENSIONS) == set(Dimension), "every dimension is declared"

LABELLED = frozenset(d for d, counted in DIMENSIONS.items() if counted.labelled)
# link dimensions, stored in the tallies' `value`, and everything the tallies count by
LINK_DIMENSIONS = frozenset(d.value for d, counted in DIMENSIONS.items() if counted.stored)
COUNTABLE = frozenset(d.value for d, counted in DIMENSIONS.items() if counted.tallied)
# what a session tally cannot tell apart: the dimensions that name a review's state
NAMING_REVIEW = frozenset(
    d.value for d, counted in DIMENSIONS.items() if counted.review_column == "state_iso3"
)
