"""A recommendation's relationships: recommending states, themes, affected groups, SDGs and
ids in other databases.

- Lists and single items read a few rows with their relationships in one statement: each
  relationship is a correlated subquery that aggregates the linked rows into a JSON array
  (`json_group_array` on SQLite, `json_agg` on PostgreSQL), ordered as the API lists them
  (`columns`, then `item`). This module is the one place where that SQL differs between the
  databases.
- Exports read every matching row, where six correlated aggregates per row would dominate. So
  each recommendation also stores the keys of its links (`Recommendation.link_keys`, written
  with the links by the importers: `keys_of` for new rows, `refresh_link_keys` for changed
  ones), and an export resolves them against the small tables they point to, read once
  (`Lookups`; `ordered_keys` for CSV cells, `links_from_keys` for items). Names, codes and the
  order of themes and groups are always the tables' own; only the keys are stored.

Items are built by `item_with` from a `Links`, whichever way it was read.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import orjson
from sqlalchemy import ColumnElement, literal_column, select, update
from sqlmodel import Session, col

from app.db import read
from app.models.recommendations import Recommendation
from app.models.states import State
from app.models.taxonomy import AffectedGroup, Sdg, Theme
from app.vocab import cycle_of_session

# name -> (SELECT list of one linked row, FROM and WHERE with {id}, ORDER BY)
_RELATIONSHIPS: dict[str, tuple[str, str, str]] = {
    "states_json": (
        "rs.iso3, s.name",
        "recommending_state rs JOIN state s ON s.iso3 = rs.iso3 WHERE rs.recommendation_id = {id}",
        "rs.ordinal",
    ),
    "themes_json": (
        "t.id, t.name, t.code",
        "recommendation_theme rt JOIN theme t ON t.id = rt.theme_id "
        "WHERE rt.recommendation_id = {id}",
        "t.name",
    ),
    "groups_json": (
        "g.name",
        "recommendation_group rg JOIN affected_group g ON g.id = rg.group_id "
        "WHERE rg.recommendation_id = {id}",
        "g.name",
    ),
    "sdgs_json": ("d.sdg_code", "recommendation_sdg d WHERE d.recommendation_id = {id}", ""),
    "external_json": (
        "e.system, e.value",
        "external_id e WHERE e.recommendation_id = {id}",
        "e.system, e.value",
    ),
}


def _subquery(dialect: str, fields: str, source: str, order: str) -> str:
    names = [field.split(".")[-1] for field in fields.split(", ")]
    if dialect == "postgresql":
        value = f"json_build_array({fields})" if len(names) > 1 else fields
        ordered = f" ORDER BY {order}" if order else ""
        return f"(SELECT coalesce(json_agg({value}{ordered}), '[]')::text FROM {source})"
    # SQLite keeps the order of a FROM subquery with ORDER BY for the aggregate over it.
    inner = ", ".join("x." + name for name in names)
    value = f"json_array({inner})" if len(names) > 1 else inner
    ordered = f" ORDER BY {order}" if order else ""
    return f"(SELECT json_group_array({value}) FROM (SELECT {fields} FROM {source}{ordered}) x)"


def columns(dialect: str, recommendation_id: str) -> list[ColumnElement[Any]]:
    """The relationship columns, correlated to the SQL expression `recommendation_id` (a
    column of the enclosing statement, e.g. `recommendation.id`)."""
    return [
        literal_column(_subquery(dialect, f, source.format(id=recommendation_id), o)).label(name)
        for name, (f, source, o) in _RELATIONSHIPS.items()
    ]


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


def item(row: Any) -> dict[str, Any]:
    """The API item of a row holding the recommendation's columns, its state's `name` and the
    relationship columns (`columns`)."""
    loads = orjson.loads
    links = Links(
        loads(row.states_json),
        loads(row.themes_json),
        loads(row.groups_json),
        sorted(loads(row.sdgs_json), key=sdg_order),
        loads(row.external_json),
    )
    return item_with(row, links)


def item_with(row: Any, links: Links) -> dict[str, Any]:
    """The API item (a plain dict in the shape of `RecommendationPublic`) of a row holding the
    recommendation's columns and its state's `name`, with its relationships."""
    return {
        "id": row.id,
        "review_id": row.review_id,
        "session": row.session_number,
        "cycle": cycle_of_session(row.session_number),
        "state_under_review": {"iso3": row.state_iso3, "name": row.name},
        "paragraph": row.paragraph,
        "text": row.text,
        "position": row.position,
        "position_source": row.position_source,
        "position_text": row.position_text,
        "implementation_claim": row.implementation_claim,
        "implementation_claim_source": row.implementation_claim_source,
        "action_category": row.action_category,
        "action_category_confidence": row.action_category_confidence,
        "upr_info_action_category": row.upr_info_action_category,
        "recommending_states": [{"iso3": i, "name": n} for i, n in links.states],
        "themes": [{"id": i, "name": n, "code": c} for i, n, c in links.themes],
        "affected_groups": links.groups,
        "sdgs": links.sdgs,
        "external_ids": dict(links.external_ids),
    }


# -- stored link keys (exports) -------------------------------------------------------------

# The keys of each link, as `_RELATIONSHIPS`; only the recommending states' order matters.
_KEYS: tuple[tuple[str, str, str], ...] = (
    ("rs.iso3", "recommending_state rs WHERE rs.recommendation_id = {id}", "rs.ordinal"),
    ("rt.theme_id", "recommendation_theme rt WHERE rt.recommendation_id = {id}", ""),
    ("rg.group_id", "recommendation_group rg WHERE rg.recommendation_id = {id}", ""),
    ("d.sdg_code", "recommendation_sdg d WHERE d.recommendation_id = {id}", ""),
    ("e.system, e.value", "external_id e WHERE e.recommendation_id = {id}", ""),
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
    expression `recommendation_id`."""
    parts = (
        _subquery(dialect, f, source.format(id=recommendation_id), o) for f, source, o in _KEYS
    )
    return literal_column("'[' || " + " || ',' || ".join(parts) + " || ']'")


def refresh_link_keys(db: Session, ids: Iterable[str]) -> None:
    """Recompute the stored link keys of these recommendations (after their links changed, in
    the caller's transaction)."""
    ids = sorted(set(ids))
    keys = link_keys_column(db.get_bind().dialect.name, "recommendation.id")
    for start in range(0, len(ids), _REFRESH_BATCH):
        batch = ids[start : start + _REFRESH_BATCH]
        db.execute(
            update(Recommendation.__table__)
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
        themes = read(db, select(Theme.id, Theme.name, Theme.code).order_by(col(Theme.name)))
        themes_by_id = {theme_id: (theme_id, name, code) for theme_id, name, code in themes}
        groups = select(AffectedGroup.id, AffectedGroup.name).order_by(col(AffectedGroup.name))
        group_names = dict(read(db, groups).all())
        sdgs = sorted(read(db, select(Sdg.code)).scalars(), key=sdg_order)
        return cls(
            state_names=dict(read(db, select(State.iso3, State.name)).all()),
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
