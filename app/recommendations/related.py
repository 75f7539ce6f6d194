"""A recommendation's relationships as aggregated columns of the statement that reads it.

Lists, items and exports read recommendations with their recommending states, themes, affected
groups, SDGs and external ids in one statement: each relationship is a correlated subquery
that aggregates the linked rows into a JSON array (`json_group_array` on SQLite, `json_agg` on
PostgreSQL), ordered as the API lists them. This module is the one place where that SQL
differs between the two databases; `item` turns a row into the API's plain-dict item.
"""

from __future__ import annotations

from typing import Any

import orjson
from sqlalchemy import ColumnElement, literal_column

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


def sdg_order(code: str) -> tuple[int, ...]:
    """Sort key of SDG codes in numeric order (2 before 10, 16.2 before 16.10)."""
    return tuple(int(part) if part.isdigit() else 0 for part in code.split("."))


def item(row: Any) -> dict[str, Any]:
    """The API item (a plain dict in the shape of `RecommendationPublic`) of a row holding the
    recommendation's columns, its state's `name` and the relationship columns."""
    loads = orjson.loads
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
        "recommending_states": [{"iso3": i, "name": n} for i, n in loads(row.states_json)],
        "themes": [{"id": i, "name": n, "code": c} for i, n, c in loads(row.themes_json)],
        "affected_groups": loads(row.groups_json),
        "sdgs": sorted(loads(row.sdgs_json), key=sdg_order),
        "external_ids": dict(loads(row.external_json)),
    }


# CSV cells of the export: (SELECT list of one value, FROM and WHERE with {id}, ORDER BY with
# {sdg_key} standing for the dialect's numeric order of SDG codes, as `sdg_order`).
_CSV_CELLS: dict[str, tuple[str, str, str]] = {
    "recommending_states": (
        "rs.iso3",
        "recommending_state rs WHERE rs.recommendation_id = {id}",
        "rs.ordinal",
    ),
    "recommending_state_names": (
        "s.name",
        "recommending_state rs JOIN state s ON s.iso3 = rs.iso3 WHERE rs.recommendation_id = {id}",
        "rs.ordinal",
    ),
    "themes": ("t.name", *_RELATIONSHIPS["themes_json"][1:]),
    "affected_groups": ("g.name", *_RELATIONSHIPS["groups_json"][1:]),
    "sdgs": ("d.sdg_code", "recommendation_sdg d WHERE d.recommendation_id = {id}", "{sdg_key}"),
    "external_ids": (
        "e.system || ':' || e.value",
        "external_id e WHERE e.recommendation_id = {id}",
        "e.system, e.value",
    ),
}
_SDG_KEY = {  # goal, then -1 for a goal alone, the number of a numeric target, 0 for a letter
    "sqlite": "CAST(d.sdg_code AS INTEGER), CASE WHEN instr(d.sdg_code, '.') = 0 THEN -1 "
    "WHEN substr(d.sdg_code, instr(d.sdg_code, '.') + 1) GLOB '[0-9]*' "
    "THEN CAST(substr(d.sdg_code, instr(d.sdg_code, '.') + 1) AS INTEGER) ELSE 0 END, d.sdg_code",
    "postgresql": "split_part(d.sdg_code, '.', 1)::int, CASE WHEN position('.' in d.sdg_code) = 0 "
    "THEN -1 WHEN split_part(d.sdg_code, '.', 2) ~ '^[0-9]+$' "
    "THEN split_part(d.sdg_code, '.', 2)::int ELSE 0 END, d.sdg_code",
}


def csv_columns(dialect: str, recommendation_id: str) -> list[ColumnElement[Any]]:
    """The export's multi-valued CSV cells as text columns, values joined with "; " in the
    order of the API items; correlated to the SQL expression `recommendation_id`."""
    cells = []
    for name, (value, source, order) in _CSV_CELLS.items():
        source = source.format(id=recommendation_id)
        order = order.format(sdg_key=_SDG_KEY[dialect])
        if dialect == "postgresql":
            sql = f"(SELECT coalesce(string_agg({value}, '; ' ORDER BY {order}), '') FROM {source})"
        else:
            sql = (
                f"(SELECT coalesce(group_concat(x.v, '; '), '') "
                f"FROM (SELECT {value} AS v FROM {source} ORDER BY {order}) x)"
            )
        cells.append(literal_column(sql).label(name))
    return cells
