"""The filter parameters every recommendation endpoint takes (list, facets, export, stats).

`FiltersDep` declares them once — typed, bounded, documented — and turns them into a
`RecommendationFilters`: ISO codes upper-cased, the search text parsed (a 400 problem when
malformed), themes and groups given by id or name resolved to ids.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from fastapi import Depends, Query
from pydantic import Field, StringConstraints

from app.db import DbDep
from app.kit.params import CycleQuery, Iso3Query, QueryDate, SessionQuery
from app.kit.problems import ProblemError
from app.recommendations.queries import RecommendationFilters, resolve_names
from app.search import parse_query
from app.vocab import DataSource, Position, RecommendationField, RegionalGroup

# Printable text: no NUL or other control characters (PostgreSQL refuses NUL in strings).
PRINTABLE = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
SEARCH_MAX = 500

NameOrId = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=PRINTABLE)]
SdgCode = Annotated[str, StringConstraints(pattern=r"^(1[0-7]|[1-9])(\.([0-9]{1,2}|[a-z]))?$")]
ReviewId = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,3}-[A-Za-z]{3}$")]

SEARCH_DESCRIPTION = """Full-text search in the recommendation's text: words (all must match),
`"exact phrases"`, `AND`, `OR`, `NOT` (capitals) or `-word`, `prefix*`, parentheses. English
stemming (`discriminate` finds `discrimination`, `woman` finds `women`), case and accents
ignored. Malformed syntax (an unclosed quote or parenthesis, a lone operator) is a 400 problem
that says what is wrong."""


ActionCategoryItem = Annotated[int, Field(ge=1, le=5)]


class DisagreementField(StrEnum):
    """A field on which sources can disagree, or `any`."""

    any = "any"
    text = RecommendationField.text.value
    position = RecommendationField.position.value
    recommending_states = RecommendationField.recommending_states.value
    themes = RecommendationField.themes.value
    affected_groups = RecommendationField.affected_groups.value
    sdgs = RecommendationField.sdgs.value


def _upper(codes: list[str] | None) -> list[str] | None:
    return [code.upper() for code in codes] if codes else None


def recommendation_filters(
    db: DbDep,
    state_under_review: Iso3Query = None,
    recommending_state: Iso3Query = None,
    state_under_review_group: Annotated[
        list[RegionalGroup] | None,
        Query(description="Regional group of the state under review; repeat for several."),
    ] = None,
    recommending_state_group: Annotated[
        list[RegionalGroup] | None,
        Query(description="Regional group of a recommending state; repeat for several."),
    ] = None,
    session: SessionQuery = None,
    cycle: CycleQuery = None,
    position: Annotated[
        list[Position] | None, Query(description="Position taken; repeat for several.")
    ] = None,
    theme: Annotated[
        list[NameOrId] | None,
        Query(
            description="Theme id or exact name (any case), see /v1/themes; repeat for several.",
            examples=[["Equality & non-discrimination"]],
        ),
    ] = None,
    group: Annotated[
        list[NameOrId] | None,
        Query(
            description="Affected group id or exact name (any case), see /v1/groups; repeat "
            "for several.",
            examples=[["Roma, Gypsies, Sinti & Travellers"]],
        ),
    ] = None,
    sdg: Annotated[
        list[SdgCode] | None,
        Query(
            description="SDG goal (`16`, matching its targets too) or target (`16.2`); repeat "
            "for several.",
            examples=[["16"]],
        ),
    ] = None,
    review: Annotated[
        list[ReviewId] | None,
        Query(description="Review id such as `48-SVN`; repeat for several.", examples=[["48-SVN"]]),
    ] = None,
    review_date_from: Annotated[
        QueryDate | None, Query(description="Reviews held on or after this date (YYYY-MM-DD).")
    ] = None,
    review_date_to: Annotated[
        QueryDate | None, Query(description="Reviews held on or before this date (YYYY-MM-DD).")
    ] = None,
    repeated: Annotated[
        bool | None,
        Query(
            description="`true`: only recommendations repeating one made to the same state in "
            "an earlier cycle; `false`: only new ones (of linked reviews). See "
            "`/v1/recommendations/{id}/related`.",
        ),
    ] = None,
    data_source: Annotated[
        list[DataSource] | None,
        Query(
            description="Only recommendations that this source gave (any of their fields): "
            "an official document kind or a dataset; repeat for several.",
            examples=[["sdg_explorer"]],
        ),
    ] = None,
    disagreement: Annotated[
        list[DisagreementField] | None,
        Query(
            description="Only recommendations whose sources disagree on this field (`any`: "
            "on some field); repeat for several. The disagreements are listed in "
            "`/v1/recommendations/{id}`.",
            examples=[["position"]],
        ),
    ] = None,
    action_category: Annotated[
        list[ActionCategoryItem] | None,
        Query(
            description="Action category computed from the text, 1 (minimal) to 5 (specific "
            "action); repeat for several.",
            examples=[[5]],
        ),
    ] = None,
    upr_info_action_category: Annotated[
        list[ActionCategoryItem] | None,
        Query(
            description="UPR Info's hand-coded action category, 1 to 5 (where UPR Info's "
            "export was imported); repeat for several.",
            examples=[[5]],
        ),
    ] = None,
    upr_info_issue: Annotated[
        list[NameOrId] | None,
        Query(
            description="Issue of UPR Info's own taxonomy, id or exact name (any case), see "
            "/v1/upr-info-issues; repeat for several.",
        ),
    ] = None,
    q: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=SEARCH_MAX,
            pattern=PRINTABLE,
            description=SEARCH_DESCRIPTION,
            examples=['"Paris Principles"', "roma -housing", "(woman OR girl) violen*"],
        ),
    ] = None,
) -> RecommendationFilters:
    """The filters of a recommendation request."""
    if review_date_from and review_date_to and review_date_from > review_date_to:
        raise ProblemError(400, "invalid-date-range", "review_date_from is after review_date_to.")
    return RecommendationFilters(
        state_under_review=_upper(state_under_review),
        recommending_state=_upper(recommending_state),
        state_under_review_group=state_under_review_group,
        recommending_state_group=recommending_state_group,
        session=session,
        cycle=cycle,
        position=position,
        theme=resolve_names(db, "theme", theme) if theme else None,
        group=resolve_names(db, "group", group) if group else None,
        sdg=sdg,
        review=_upper(review),
        review_date_from=review_date_from,
        review_date_to=review_date_to,
        repeated=repeated,
        data_source=data_source,
        disagreement=[field.value for field in disagreement] if disagreement else None,
        action_category=action_category,
        upr_info_action_category=upr_info_action_category,
        upr_info_issue=resolve_names(db, "upr_info_issue", upr_info_issue)
        if upr_info_issue
        else None,
        search=parse_query(q) if q is not None else None,
    )


FiltersDep = Annotated[RecommendationFilters, Depends(recommendation_filters)]
