"""The recommendation filters, in the order of their query parameters: each declared once.

Each `Filter` (`app.recommendations.filter_spec`) gives its query parameter (type, bounds,
description, examples), how a request's value is made ready, the SQL parameters that carry
it and its condition. `app.recommendations.filters` derives the rest from `FILTERS`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Query
from pydantic import Field
from sqlalchemy import ColumnElement, exists, or_, select
from sqlmodel import Session, col

from app.kit.columns import table_of
from app.kit.params import (
    CycleQuery,
    Iso3Query,
    NameOrId,
    QueryDate,
    ReviewIdItem,
    SdgCode,
    SessionQuery,
)
from app.kit.problems import ProblemError
from app.linking.queries import is_repeated
from app.models.recommendations import (
    Recommendation,
    RecommendationDisagreement,
    RecommendationGroup,
    RecommendationSdg,
    RecommendationSource,
    RecommendationTheme,
    RecommendationUprInfoIssue,
    RecommendingState,
)
from app.models.reviews import Review
from app.models.states import State
from app.models.taxonomy import AffectedGroup, Sdg, Theme, UprInfoIssue
from app.recommendations.filter_spec import Condition, Filter
from app.vocab import (
    DataSource,
    DisagreementField,
    Position,
    RegionalGroup,
    session_range_of_cycle,
)

R = Recommendation
ANY_FIELD = DisagreementField.any.value  # `disagreement=any`: the sources disagree on some field


# -- conditions -----------------------------------------------------------------------------


def _linked(link: Any, condition: ColumnElement[bool]) -> ColumnElement[bool]:
    return exists().where(link.recommendation_id == R.id, condition)


def _recommended_by(states: Any) -> ColumnElement[bool]:
    return _linked(RecommendingState, col(RecommendingState.iso3).in_(states))


def _in_states_of(groups: Any) -> Any:
    return select(col(State.iso3)).where(col(State.regional_group).in_(groups))


_RECOMMENDER = table_of(State).alias("recommender")


def _recommended_by_group(groups: Any) -> ColumnElement[bool]:
    # Joined to the recommending state rather than `iso3 IN (the group's states)`: the link is
    # then read by recommendation id alone, not probed once per state of the group (10x on the
    # default instance), and the alias keeps it apart from any `state` of the outer query.
    return _linked(
        RecommendingState,
        (_RECOMMENDER.c.iso3 == col(RecommendingState.iso3))
        & _RECOMMENDER.c.regional_group.in_(groups),
    )


def _reviews_held(on_or_after: bool) -> Condition:
    def condition(c: Any, a: dict[str, Any]) -> ColumnElement[bool]:
        date = col(Review.review_date)
        held = date >= a[""] if on_or_after else date <= a[""]
        return col(c.review_id).in_(select(col(Review.id)).where(held))

    return condition


def _cycle_arguments(cycles: list[int]) -> dict[str, Any]:
    arguments: dict[str, Any] = {}
    for n, (first, last) in enumerate(map(session_range_of_cycle, cycles)):
        arguments[f"_{n}_first"], arguments[f"_{n}_last"] = first, last
    return arguments


def _in_cycles(c: Any, a: dict[str, Any]) -> ColumnElement[bool]:
    sessions = col(c.session_number)
    count = len(a) // 2
    return or_(*(sessions.between(a[f"_{n}_first"], a[f"_{n}_last"]) for n in range(count)))


def _sdg_arguments(codes: list[str]) -> dict[str, Any]:
    """The goals ("16") and the targets ("16.2") among SDG codes."""
    goals = [int(code) for code in codes if "." not in code]
    return {"_goal": goals, "_target": [code for code in codes if "." in code]}


def _sdg_condition(c: Any, a: dict[str, Any]) -> ColumnElement[bool]:
    """A goal matches itself and its targets; a target matches itself."""
    codes = select(col(Sdg.code)).where(
        or_(col(Sdg.goal).in_(a["_goal"]), col(Sdg.code).in_(a["_target"]))
    )
    return _linked(RecommendationSdg, col(RecommendationSdg.sdg_code).in_(codes))


def _disagreement_arguments(fields: list[str]) -> dict[str, Any]:
    return {} if ANY_FIELD in fields else {"": fields}


def _disagreeing(c: Any, a: dict[str, Any]) -> ColumnElement[bool]:
    """Recommendations whose sources disagree on one of these fields (or on any)."""
    pairs = select(col(RecommendationDisagreement.recommendation_id)).where(
        col(RecommendationDisagreement.recommendation_id) == col(R.id)
    )
    if "" in a:
        pairs = pairs.where(col(RecommendationDisagreement.field).in_(a[""]))
    return exists(pairs)


# -- values made ready ----------------------------------------------------------------------


def _upper(db: Session, codes: list[str]) -> list[str]:
    return [code.upper() for code in codes]


def _values(db: Session, values: list[Any]) -> list[Any]:
    return [getattr(value, "value", value) for value in values]


_NAMED: dict[str, tuple[Any, str]] = {
    "theme": (Theme, "/v1/themes"),
    "group": (AffectedGroup, "/v1/groups"),
    "upr_info_issue": (UprInfoIssue, "/v1/upr-info-issues"),
}


def resolve_names(db: Session, kind: str, values: list[str]) -> list[int]:
    """Ids of themes, affected groups or UPR Info issues given by id or by name (any case);
    400 if unknown."""
    model, listing = _NAMED[kind]
    known = {row.id: row.name for row in db.execute(select(model.id, model.name))}
    by_name = {name.casefold(): rid for rid, name in known.items()}
    ids: list[int] = []
    for value in values:
        found = int(value) if value.isdigit() and int(value) in known else None
        found = found if found is not None else by_name.get(value.strip().casefold())
        if found is None:
            what = kind.replace("_", " ").replace("upr info", "UPR Info")
            raise ProblemError(
                400,
                f"unknown-{kind.replace('_', '-')}",
                f"No {what} has the id or name '{value}'; see {listing}.",
            )
        ids.append(found)
    return ids


def _named(kind: str) -> Callable[[Session, list[str]], list[int]]:
    return lambda db, values: resolve_names(db, kind, values)


# -- the filters, in the order of the query parameters --------------------------------------

_ACTION_CATEGORY = list[Annotated[int, Field(ge=1, le=5)]] | None

FILTERS: tuple[Filter, ...] = (
    Filter(
        "state_under_review",
        Iso3Query,
        lambda c, a: col(c.state_iso3).in_(a[""]),
        scope="review",
        names_review=True,
        prepare=_upper,
    ),
    Filter(
        "recommending_state",
        Iso3Query,
        lambda c, a: _recommended_by(a[""]),
        prepare=_upper,
    ),
    Filter(
        "state_under_review_group",
        Annotated[
            list[RegionalGroup] | None,
            Query(description="Regional group of the state under review; repeat for several."),
        ],
        lambda c, a: col(c.state_iso3).in_(_in_states_of(a[""])),
        scope="review",
        names_review=True,
    ),
    Filter(
        "recommending_state_group",
        Annotated[
            list[RegionalGroup] | None,
            Query(description="Regional group of a recommending state; repeat for several."),
        ],
        lambda c, a: _recommended_by_group(a[""]),
    ),
    Filter(
        "session",
        SessionQuery,
        lambda c, a: col(c.session_number).in_(a[""]),
        scope="review",
    ),
    Filter("cycle", CycleQuery, _in_cycles, scope="review", arguments=_cycle_arguments),
    Filter(
        "position",
        Annotated[list[Position] | None, Query(description="Position taken; repeat for several.")],
        lambda c, a: col(c.position).in_(a[""]),
        scope="review",
    ),
    Filter(
        "theme",
        Annotated[
            list[NameOrId] | None,
            Query(
                description="Theme id or exact name (any case), see /v1/themes; repeat for "
                "several.",
                examples=[["Equality & non-discrimination"]],
            ),
        ],
        lambda c, a: _linked(RecommendationTheme, col(RecommendationTheme.theme_id).in_(a[""])),
        prepare=_named("theme"),
        prepare_reads_database=True,
    ),
    Filter(
        "group",
        Annotated[
            list[NameOrId] | None,
            Query(
                description="Affected group id or exact name (any case), see /v1/groups; "
                "repeat for several.",
                examples=[["Roma, Gypsies, Sinti & Travellers"]],
            ),
        ],
        lambda c, a: _linked(RecommendationGroup, col(RecommendationGroup.group_id).in_(a[""])),
        prepare=_named("group"),
        prepare_reads_database=True,
    ),
    Filter(
        "sdg",
        Annotated[
            list[SdgCode] | None,
            Query(
                description="SDG goal (`16`, matching its targets too) or target (`16.2`); "
                "repeat for several.",
                examples=[["16"]],
            ),
        ],
        _sdg_condition,
        arguments=_sdg_arguments,
    ),
    Filter(
        "review",
        Annotated[
            list[ReviewIdItem] | None,
            Query(
                description="Review id such as `48-SVN`; repeat for several.",
                examples=[["48-SVN"]],
            ),
        ],
        lambda c, a: col(c.review_id).in_(a[""]),
        scope="review",
        names_review=True,
        prepare=_upper,
    ),
    Filter(
        "review_date_from",
        Annotated[
            QueryDate | None,
            Query(description="Reviews held on or after this date (YYYY-MM-DD)."),
        ],
        _reviews_held(on_or_after=True),
        scope="review",
        names_review=True,
    ),
    Filter(
        "review_date_to",
        Annotated[
            QueryDate | None,
            Query(description="Reviews held on or before this date (YYYY-MM-DD)."),
        ],
        _reviews_held(on_or_after=False),
        scope="review",
        names_review=True,
    ),
    Filter(
        "repeated",
        Annotated[
            bool | None,
            Query(
                description="`true`: only recommendations repeating one made to the same state "
                "in an earlier cycle; `false`: only new ones (of linked reviews). See "
                "`/v1/recommendations/{id}/related`.",
            ),
        ],
        lambda c, a: is_repeated(a["value"]),
        arguments=lambda flag: {},
        literal=True,
    ),
    Filter(
        "data_source",
        Annotated[
            list[DataSource] | None,
            Query(
                description="Only recommendations that this source gave (any of their fields): "
                "an official document kind or a dataset; repeat for several.",
                examples=[["sdg_explorer"]],
            ),
        ],
        lambda c, a: _linked(RecommendationSource, col(RecommendationSource.source).in_(a[""])),
    ),
    Filter(
        "disagreement",
        Annotated[
            list[DisagreementField] | None,
            Query(
                description="Only recommendations whose sources disagree on this field (`any`: "
                "on some field); repeat for several. The disagreements are listed in "
                "`/v1/recommendations/{id}`.",
                examples=[["position"]],
            ),
        ],
        _disagreeing,
        prepare=_values,
        arguments=_disagreement_arguments,
    ),
    Filter(
        "action_category",
        Annotated[
            _ACTION_CATEGORY,
            Query(
                description="Action category computed from the text, 1 (minimal) to 5 "
                "(specific action); repeat for several.",
                examples=[[5]],
            ),
        ],
        lambda c, a: col(R.action_category).in_(a[""]),
    ),
    Filter(
        "upr_info_action_category",
        Annotated[
            _ACTION_CATEGORY,
            Query(
                description="UPR Info's hand-coded action category, 1 to 5 (where UPR Info's "
                "export was imported); repeat for several.",
                examples=[[5]],
            ),
        ],
        lambda c, a: col(R.upr_info_action_category).in_(a[""]),
    ),
    Filter(
        "upr_info_issue",
        Annotated[
            list[NameOrId] | None,
            Query(
                description="Issue of UPR Info's own taxonomy, id or exact name (any case), "
                "see /v1/upr-info-issues; repeat for several.",
            ),
        ],
        lambda c, a: _linked(
            RecommendationUprInfoIssue, col(RecommendationUprInfoIssue.issue_id).in_(a[""])
        ),
        prepare=_named("upr_info_issue"),
        prepare_reads_database=True,
    ),
)
