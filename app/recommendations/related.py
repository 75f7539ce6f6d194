"""A recommendation's relationships: recommending states, themes, affected groups, SDGs and
ids in other databases.

Each recommendation stores the keys of its links (`Recommendation.link_keys`, written with the
links by the importers: `keys_of` for new rows, `refresh_link_keys`, computed from the link
tables, for changed ones), so that reading a row's relationships needs no join or aggregate:
the keys resolve against the small tables they point to, read once (`Lookups`;
`ordered_keys` for CSV cells, `links_from_keys` for the stored items of
`app.recommendations.items`). Names, codes and the order of themes and groups are always the
tables' own; only the keys are stored.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import orjson
from sqlalchemy import ColumnElement, FromClause, Text, literal_column, select, update
from sqlmodel import Session, col

from app.db import read
from app.kit import dialect
from app.kit.columns import table_of
from app.kit.dialect import json_array
from app.models.recommendations import (
    ExternalId,
    Recommendation,
    RecommendationGroup,
    RecommendationSdg,
    RecommendationTheme,
    RecommendingState,
)
from app.models.states import State
from app.models.taxonomy import AffectedGroup, Sdg, Theme

_rs, _s = table_of(RecommendingState).alias("rs"), table_of(State).alias("s")
_rt, _t = table_of(RecommendationTheme).alias("rt"), table_of(Theme).alias("t")
_rg, _g = table_of(RecommendationGroup).alias("rg"), table_of(AffectedGroup).alias("g")
_d, _e = table_of(RecommendationSdg).alias("d"), table_of(ExternalId).alias("e")


@dataclass(frozen=True)
class _Linked:
    """The rows of one relationship: the columns of a linked row, the tables they come from,
    the column naming their recommendation, and their order (as the API lists them)."""

    columns: tuple[ColumnElement[Any], ...]
    rows: FromClause
    recommendation: ColumnElement[str]
    order: tuple[ColumnElement[Any], ...] = ()

    def array(self, dialect: str, recommendation_id: str) -> ColumnElement[str]:
        """The rows linked to the recommendation `recommendation_id` (an SQL expression of
        the enclosing statement), as a JSON array."""
        correlated = self.recommendation == literal_column(recommendation_id)
        return json_array(dialect, self.columns, self.rows, correlated, self.order)


def sdg_order(code: str) -> tuple[int, int, int, str]:
    """Sort key of SDG codes in the official order: goals by number (2 before 10), each goal
    before its targets, numbered targets by number (16.2 before 16.10), then lettered ones
    (16.a before 16.b)."""
    goal, _, target = code.partition(".")
    if not target:
        return int(goal), 0, 0, ""
    if target.isdigit():
        return int(goal), 1, int(target), ""
    return int(goal), 2, 0, target


class Links(NamedTuple):
    """One recommendation's relationships, each in the order the API lists it."""

    states: Sequence[Sequence[str]]  # (ISO3, name)
    themes: Sequence[Sequence[Any]]  # (id, name, code)
    groups: Sequence[str]
    sdgs: Sequence[str]
    external_ids: Sequence[Sequence[str]]  # (system, value)


# -- stored link keys (exports) -------------------------------------------------------------

# The keys of each link, as `_RELATIONSHIPS`; only the recommending states' order matters.
_KEYS: tuple[_Linked, ...] = (
    _Linked((_rs.c.iso3,), _rs, _rs.c.recommendation_id, (_rs.c.ordinal,)),
    _Linked((_rt.c.theme_id,), _rt, _rt.c.recommendation_id),
    _Linked((_rg.c.group_id,), _rg, _rg.c.recommendation_id),
    _Linked((_d.c.sdg_code,), _d, _d.c.recommendation_id),
    _Linked((_e.c.system, _e.c.value), _e, _e.c.recommendation_id),
)
_REFRESH_BATCH = 500


def keys_of(
    states: Sequence[str],
    themes: Iterable[int],
    groups: Iterable[int],
    sdgs: Iterable[str],
    external_ids: dict[str, str],
) -> str:
    """`Recommendation.link_keys` of a recommendation with these links (states in order)."""
    keys = [
        list(states),
        sorted(themes),
        sorted(groups),
        sorted(sdgs),
        sorted(external_ids.items()),
    ]
    return orjson.dumps(keys).decode()


def link_keys_column(dialect: str, recommendation_id: str) -> ColumnElement[str]:
    """`Recommendation.link_keys` computed from the link tables, correlated to the SQL
    expression `recommendation_id`, for the database `dialect`."""
    first, *others = (linked.array(dialect, recommendation_id) for linked in _KEYS)
    keys = literal_column("'['", Text) + first
    for array in others:
        keys = keys + literal_column("','", Text) + array
    return keys + literal_column("']'", Text)


def refresh_link_keys(db: Session, ids: Iterable[str]) -> None:
    """Recompute the stored link keys of these recommendations (after their links changed, in
    the caller's transaction)."""
    ids = sorted(set(ids))
    keys = link_keys_column(dialect.name(db), "recommendation.id")
    for start in range(0, len(ids), _REFRESH_BATCH):
        batch = ids[start : start + _REFRESH_BATCH]
        db.execute(
            update(table_of(Recommendation))
            .where(col(Recommendation.id).in_(batch))
            .values(link_keys=keys)
        )


@dataclass(frozen=True)
class Lookups:
    """The small tables that link keys point to, read once per export: state names, themes and
    affected groups with their rank in the database's order of their names (the order of
    items), and the rank of each SDG code in `sdg_order`."""

    state_names: dict[str, str]
    themes: dict[int, tuple[int, str, str | None]]  # id -> (id, name, code)
    theme_names: dict[int, str]
    theme_rank: dict[int, int]
    group_names: dict[int, str]
    group_rank: dict[int, int]
    sdg_rank: dict[str, int]

    @classmethod
    def read(cls, db: Session) -> Lookups:
        """The lookup tables as they are in `db`'s transaction."""
        themes = read(
            db, select(col(Theme.id), col(Theme.name), col(Theme.code)).order_by(col(Theme.name))
        )
        themes_by_id = {theme_id: (theme_id, name, code) for theme_id, name, code in themes}
        groups = select(col(AffectedGroup.id), col(AffectedGroup.name)).order_by(
            col(AffectedGroup.name)
        )
        group_names = dict(read(db, groups).all())
        sdgs = sorted(read(db, select(col(Sdg.code))).scalars(), key=sdg_order)
        return cls(
            state_names=dict(read(db, select(col(State.iso3), col(State.name))).all()),
            themes=themes_by_id,
            theme_names={theme_id: theme[1] for theme_id, theme in themes_by_id.items()},
            theme_rank={theme_id: rank for rank, theme_id in enumerate(themes_by_id)},
            group_names=group_names,
            group_rank={group_id: rank for rank, group_id in enumerate(group_names)},
            sdg_rank={code: rank for rank, code in enumerate(sdgs)},
        )


def ordered_keys(link_keys: str, lookups: Lookups) -> list[list[Any]]:
    """Stored link keys with each kind of link in the API's order: recommending states (as
    stored), theme ids, group ids, SDG codes, [system, value] external ids."""
    keys = orjson.loads(link_keys)
    _, themes, groups, sdgs, external_ids = keys
    if len(themes) > 1:
        themes.sort(key=lookups.theme_rank.__getitem__)
    if len(groups) > 1:
        groups.sort(key=lookups.group_rank.__getitem__)
    if len(sdgs) > 1:
        sdgs.sort(key=lookups.sdg_rank.__getitem__)
    if len(external_ids) > 1:
        external_ids.sort()
    return keys


def links_from_keys(link_keys: str, lookups: Lookups) -> Links:
    """The relationships that stored link keys stand for, in the API's order."""
    states, themes, groups, sdgs, external_ids = ordered_keys(link_keys, lookups)
    names, theme, group = lookups.state_names, lookups.themes, lookups.group_names
    return Links(
        [(iso3, names[iso3]) for iso3 in states],
        [theme[i] for i in themes],
        [group[i] for i in groups],
        sdgs,
        external_ids,
    )
