import datetime
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.data_source import DataSource
from ...models.disagreement_field import DisagreementField
from ...models.interval import Interval
from ...models.position import Position
from ...models.problem import Problem
from ...models.progress_summary import ProgressSummary
from ...models.regional_group import RegionalGroup
from ...types import UNSET, Response, Unset


def _get_kwargs(
    review_id: str,
    *,
    interval: Interval | Unset = UNSET,
    state_under_review: list[str] | None | Unset = UNSET,
    recommending_state: list[str] | None | Unset = UNSET,
    state_under_review_group: list[RegionalGroup] | None | Unset = UNSET,
    recommending_state_group: list[RegionalGroup] | None | Unset = UNSET,
    session: list[int] | None | Unset = UNSET,
    cycle: list[int] | None | Unset = UNSET,
    position: list[Position] | None | Unset = UNSET,
    theme: list[str] | None | Unset = UNSET,
    group: list[str] | None | Unset = UNSET,
    sdg: list[str] | None | Unset = UNSET,
    review: list[str] | None | Unset = UNSET,
    review_date_from: datetime.date | None | Unset = UNSET,
    review_date_to: datetime.date | None | Unset = UNSET,
    repeated: bool | None | Unset = UNSET,
    data_source: list[DataSource] | None | Unset = UNSET,
    disagreement: list[DisagreementField] | None | Unset = UNSET,
    action_category: list[int] | None | Unset = UNSET,
    upr_info_action_category: list[int] | None | Unset = UNSET,
    upr_info_issue: list[str] | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_interval: str | Unset = UNSET
    if not isinstance(interval, Unset):
        json_interval = interval.value

    params["interval"] = json_interval

    json_state_under_review: list[str] | None | Unset
    if isinstance(state_under_review, Unset):
        json_state_under_review = UNSET
    elif isinstance(state_under_review, list):
        json_state_under_review = state_under_review

    else:
        json_state_under_review = state_under_review
    params["state_under_review"] = json_state_under_review

    json_recommending_state: list[str] | None | Unset
    if isinstance(recommending_state, Unset):
        json_recommending_state = UNSET
    elif isinstance(recommending_state, list):
        json_recommending_state = recommending_state

    else:
        json_recommending_state = recommending_state
    params["recommending_state"] = json_recommending_state

    json_state_under_review_group: list[str] | None | Unset
    if isinstance(state_under_review_group, Unset):
        json_state_under_review_group = UNSET
    elif isinstance(state_under_review_group, list):
        json_state_under_review_group = []
        for state_under_review_group_type_0_item_data in state_under_review_group:
            state_under_review_group_type_0_item = state_under_review_group_type_0_item_data.value
            json_state_under_review_group.append(state_under_review_group_type_0_item)

    else:
        json_state_under_review_group = state_under_review_group
    params["state_under_review_group"] = json_state_under_review_group

    json_recommending_state_group: list[str] | None | Unset
    if isinstance(recommending_state_group, Unset):
        json_recommending_state_group = UNSET
    elif isinstance(recommending_state_group, list):
        json_recommending_state_group = []
        for recommending_state_group_type_0_item_data in recommending_state_group:
            recommending_state_group_type_0_item = recommending_state_group_type_0_item_data.value
            json_recommending_state_group.append(recommending_state_group_type_0_item)

    else:
        json_recommending_state_group = recommending_state_group
    params["recommending_state_group"] = json_recommending_state_group

    json_session: list[int] | None | Unset
    if isinstance(session, Unset):
        json_session = UNSET
    elif isinstance(session, list):
        json_session = session

    else:
        json_session = session
    params["session"] = json_session

    json_cycle: list[int] | None | Unset
    if isinstance(cycle, Unset):
        json_cycle = UNSET
    elif isinstance(cycle, list):
        json_cycle = cycle

    else:
        json_cycle = cycle
    params["cycle"] = json_cycle

    json_position: list[str] | None | Unset
    if isinstance(position, Unset):
        json_position = UNSET
    elif isinstance(position, list):
        json_position = []
        for position_type_0_item_data in position:
            position_type_0_item = position_type_0_item_data.value
            json_position.append(position_type_0_item)

    else:
        json_position = position
    params["position"] = json_position

    json_theme: list[str] | None | Unset
    if isinstance(theme, Unset):
        json_theme = UNSET
    elif isinstance(theme, list):
        json_theme = theme

    else:
        json_theme = theme
    params["theme"] = json_theme

    json_group: list[str] | None | Unset
    if isinstance(group, Unset):
        json_group = UNSET
    elif isinstance(group, list):
        json_group = group

    else:
        json_group = group
    params["group"] = json_group

    json_sdg: list[str] | None | Unset
    if isinstance(sdg, Unset):
        json_sdg = UNSET
    elif isinstance(sdg, list):
        json_sdg = sdg

    else:
        json_sdg = sdg
    params["sdg"] = json_sdg

    json_review: list[str] | None | Unset
    if isinstance(review, Unset):
        json_review = UNSET
    elif isinstance(review, list):
        json_review = review

    else:
        json_review = review
    params["review"] = json_review

    json_review_date_from: None | str | Unset
    if isinstance(review_date_from, Unset):
        json_review_date_from = UNSET
    elif isinstance(review_date_from, datetime.date):
        json_review_date_from = review_date_from.isoformat()
    else:
        json_review_date_from = review_date_from
    params["review_date_from"] = json_review_date_from

    json_review_date_to: None | str | Unset
    if isinstance(review_date_to, Unset):
        json_review_date_to = UNSET
    elif isinstance(review_date_to, datetime.date):
        json_review_date_to = review_date_to.isoformat()
    else:
        json_review_date_to = review_date_to
    params["review_date_to"] = json_review_date_to

    json_repeated: bool | None | Unset
    if isinstance(repeated, Unset):
        json_repeated = UNSET
    else:
        json_repeated = repeated
    params["repeated"] = json_repeated

    json_data_source: list[str] | None | Unset
    if isinstance(data_source, Unset):
        json_data_source = UNSET
    elif isinstance(data_source, list):
        json_data_source = []
        for data_source_type_0_item_data in data_source:
            data_source_type_0_item = data_source_type_0_item_data.value
            json_data_source.append(data_source_type_0_item)

    else:
        json_data_source = data_source
    params["data_source"] = json_data_source

    json_disagreement: list[str] | None | Unset
    if isinstance(disagreement, Unset):
        json_disagreement = UNSET
    elif isinstance(disagreement, list):
        json_disagreement = []
        for disagreement_type_0_item_data in disagreement:
            disagreement_type_0_item = disagreement_type_0_item_data.value
            json_disagreement.append(disagreement_type_0_item)

    else:
        json_disagreement = disagreement
    params["disagreement"] = json_disagreement

    json_action_category: list[int] | None | Unset
    if isinstance(action_category, Unset):
        json_action_category = UNSET
    elif isinstance(action_category, list):
        json_action_category = action_category

    else:
        json_action_category = action_category
    params["action_category"] = json_action_category

    json_upr_info_action_category: list[int] | None | Unset
    if isinstance(upr_info_action_category, Unset):
        json_upr_info_action_category = UNSET
    elif isinstance(upr_info_action_category, list):
        json_upr_info_action_category = upr_info_action_category

    else:
        json_upr_info_action_category = upr_info_action_category
    params["upr_info_action_category"] = json_upr_info_action_category

    json_upr_info_issue: list[str] | None | Unset
    if isinstance(upr_info_issue, Unset):
        json_upr_info_issue = UNSET
    elif isinstance(upr_info_issue, list):
        json_upr_info_issue = upr_info_issue

    else:
        json_upr_info_issue = upr_info_issue
    params["upr_info_issue"] = json_upr_info_issue

    json_q: None | str | Unset
    if isinstance(q, Unset):
        json_q = UNSET
    else:
        json_q = q
    params["q"] = json_q

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reviews/{review_id}/progress".format(
            review_id=quote(str(review_id), safe=""),
        ),
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | ProgressSummary | None:
    if response.status_code == 200:
        response_200 = ProgressSummary.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Problem | ProgressSummary]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    review_id: str,
    *,
    client: AuthenticatedClient | Client,
    interval: Interval | Unset = UNSET,
    state_under_review: list[str] | None | Unset = UNSET,
    recommending_state: list[str] | None | Unset = UNSET,
    state_under_review_group: list[RegionalGroup] | None | Unset = UNSET,
    recommending_state_group: list[RegionalGroup] | None | Unset = UNSET,
    session: list[int] | None | Unset = UNSET,
    cycle: list[int] | None | Unset = UNSET,
    position: list[Position] | None | Unset = UNSET,
    theme: list[str] | None | Unset = UNSET,
    group: list[str] | None | Unset = UNSET,
    sdg: list[str] | None | Unset = UNSET,
    review: list[str] | None | Unset = UNSET,
    review_date_from: datetime.date | None | Unset = UNSET,
    review_date_to: datetime.date | None | Unset = UNSET,
    repeated: bool | None | Unset = UNSET,
    data_source: list[DataSource] | None | Unset = UNSET,
    disagreement: list[DisagreementField] | None | Unset = UNSET,
    action_category: list[int] | None | Unset = UNSET,
    upr_info_action_category: list[int] | None | Unset = UNSET,
    upr_info_issue: list[str] | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Problem | ProgressSummary]:
    """Get Review Progress

     Implementation progress of a review's recommendations: per source, how many are in
    each status now, and at the end of each period since the first assessment. Takes the
    recommendation list's filters, e.g. `?position=supported` or `?theme=...`.

    Args:
        review_id (str): Review id: session number and ISO3 code of the state under review.
        interval (Interval | Unset): Length of the timeline's periods.
        state_under_review (list[str] | None | Unset): ISO 3166-1 alpha-3 code; repeat for
            several.
        recommending_state (list[str] | None | Unset): ISO 3166-1 alpha-3 code; repeat for
            several.
        state_under_review_group (list[RegionalGroup] | None | Unset): Regional group of the state
            under review; repeat for several.
        recommending_state_group (list[RegionalGroup] | None | Unset): Regional group of a
            recommending state; repeat for several.
        session (list[int] | None | Unset): Working Group session number; repeat for several.
        cycle (list[int] | None | Unset): UPR cycle number (1-4); repeat for several.
        position (list[Position] | None | Unset): Position taken; repeat for several.
        theme (list[str] | None | Unset): Theme id or exact name (any case), see /v1/themes;
            repeat for several.
        group (list[str] | None | Unset): Affected group id or exact name (any case), see
            /v1/groups; repeat for several.
        sdg (list[str] | None | Unset): SDG goal (`16`, matching its targets too) or target
            (`16.2`); repeat for several.
        review (list[str] | None | Unset): Review id such as `48-SVN`; repeat for several.
        review_date_from (datetime.date | None | Unset): Reviews held on or after this date (YYYY-
            MM-DD).
        review_date_to (datetime.date | None | Unset): Reviews held on or before this date (YYYY-
            MM-DD).
        repeated (bool | None | Unset): `true`: only recommendations repeating one made to the
            same state in an earlier cycle; `false`: only new ones (of linked reviews). See
            `/v1/recommendations/{id}/related`.
        data_source (list[DataSource] | None | Unset): Only recommendations that this source gave
            (any of their fields): an official document kind or a dataset; repeat for several.
        disagreement (list[DisagreementField] | None | Unset): Only recommendations whose sources
            disagree on this field (`any`: on some field); repeat for several. The disagreements are
            listed in `/v1/recommendations/{id}`.
        action_category (list[int] | None | Unset): Action category computed from the text, 1
            (minimal) to 5 (specific action); repeat for several.
        upr_info_action_category (list[int] | None | Unset): UPR Info's hand-coded action
            category, 1 to 5 (where UPR Info's export was imported); repeat for several.
        upr_info_issue (list[str] | None | Unset): Issue of UPR Info's own taxonomy, id or exact
            name (any case), see /v1/upr-info-issues; repeat for several.
        q (None | str | Unset): Full-text search in the recommendation's text: words (all must
            match),
            `"exact phrases"`, `AND`, `OR`, `NOT` (capitals) or `-word`, `prefix*`, parentheses.
            English
            stemming (`discriminate` finds `discrimination`, `woman` finds `women`), case and accents
            ignored. Malformed syntax (an unclosed quote or parenthesis, a lone operator) is a 400
            problem
            that says what is wrong.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | ProgressSummary]
    """

    kwargs = _get_kwargs(
        review_id=review_id,
        interval=interval,
        state_under_review=state_under_review,
        recommending_state=recommending_state,
        state_under_review_group=state_under_review_group,
        recommending_state_group=recommending_state_group,
        session=session,
        cycle=cycle,
        position=position,
        theme=theme,
        group=group,
        sdg=sdg,
        review=review,
        review_date_from=review_date_from,
        review_date_to=review_date_to,
        repeated=repeated,
        data_source=data_source,
        disagreement=disagreement,
        action_category=action_category,
        upr_info_action_category=upr_info_action_category,
        upr_info_issue=upr_info_issue,
        q=q,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    review_id: str,
    *,
    client: AuthenticatedClient | Client,
    interval: Interval | Unset = UNSET,
    state_under_review: list[str] | None | Unset = UNSET,
    recommending_state: list[str] | None | Unset = UNSET,
    state_under_review_group: list[RegionalGroup] | None | Unset = UNSET,
    recommending_state_group: list[RegionalGroup] | None | Unset = UNSET,
    session: list[int] | None | Unset = UNSET,
    cycle: list[int] | None | Unset = UNSET,
    position: list[Position] | None | Unset = UNSET,
    theme: list[str] | None | Unset = UNSET,
    group: list[str] | None | Unset = UNSET,
    sdg: list[str] | None | Unset = UNSET,
    review: list[str] | None | Unset = UNSET,
    review_date_from: datetime.date | None | Unset = UNSET,
    review_date_to: datetime.date | None | Unset = UNSET,
    repeated: bool | None | Unset = UNSET,
    data_source: list[DataSource] | None | Unset = UNSET,
    disagreement: list[DisagreementField] | None | Unset = UNSET,
    action_category: list[int] | None | Unset = UNSET,
    upr_info_action_category: list[int] | None | Unset = UNSET,
    upr_info_issue: list[str] | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | Problem | ProgressSummary | None:
    """Get Review Progress

     Implementation progress of a review's recommendations: per source, how many are in
    each status now, and at the end of each period since the first assessment. Takes the
    recommendation list's filters, e.g. `?position=supported` or `?theme=...`.

    Args:
        review_id (str): Review id: session number and ISO3 code of the state under review.
        interval (Interval | Unset): Length of the timeline's periods.
        state_under_review (list[str] | None | Unset): ISO 3166-1 alpha-3 code; repeat for
            several.
        recommending_state (list[str] | None | Unset): ISO 3166-1 alpha-3 code; repeat for
            several.
        state_under_review_group (list[RegionalGroup] | None | Unset): Regional group of the state
            under review; repeat for several.
        recommending_state_group (list[RegionalGroup] | None | Unset): Regional group of a
            recommending state; repeat for several.
        session (list[int] | None | Unset): Working Group session number; repeat for several.
        cycle (list[int] | None | Unset): UPR cycle number (1-4); repeat for several.
        position (list[Position] | None | Unset): Position taken; repeat for several.
        theme (list[str] | None | Unset): Theme id or exact name (any case), see /v1/themes;
            repeat for several.
        group (list[str] | None | Unset): Affected group id or exact name (any case), see
            /v1/groups; repeat for several.
        sdg (list[str] | None | Unset): SDG goal (`16`, matching its targets too) or target
            (`16.2`); repeat for several.
        review (list[str] | None | Unset): Review id such as `48-SVN`; repeat for several.
        review_date_from (datetime.date | None | Unset): Reviews held on or after this date (YYYY-
            MM-DD).
        review_date_to (datetime.date | None | Unset): Reviews held on or before this date (YYYY-
            MM-DD).
        repeated (bool | None | Unset): `true`: only recommendations repeating one made to the
            same state in an earlier cycle; `false`: only new ones (of linked reviews). See
            `/v1/recommendations/{id}/related`.
        data_source (list[DataSource] | None | Unset): Only recommendations that this source gave
            (any of their fields): an official document kind or a dataset; repeat for several.
        disagreement (list[DisagreementField] | None | Unset): Only recommendations whose sources
            disagree on this field (`any`: on some field); repeat for several. The disagreements are
            listed in `/v1/recommendations/{id}`.
        action_category (list[int] | None | Unset): Action category computed from the text, 1
            (minimal) to 5 (specific action); repeat for several.
        upr_info_action_category (list[int] | None | Unset): UPR Info's hand-coded action
            category, 1 to 5 (where UPR Info's export was imported); repeat for several.
        upr_info_issue (list[str] | None | Unset): Issue of UPR Info's own taxonomy, id or exact
            name (any case), see /v1/upr-info-issues; repeat for several.
        q (None | str | Unset): Full-text search in the recommendation's text: words (all must
            match),
            `"exact phrases"`, `AND`, `OR`, `NOT` (capitals) or `-word`, `prefix*`, parentheses.
            English
            stemming (`discriminate` finds `discrimination`, `woman` finds `women`), case and accents
            ignored. Malformed syntax (an unclosed quote or parenthesis, a lone operator) is a 400
            problem
            that says what is wrong.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | ProgressSummary
    """

    return sync_detailed(
        review_id=review_id,
        client=client,
        interval=interval,
        state_under_review=state_under_review,
        recommending_state=recommending_state,
        state_under_review_group=state_under_review_group,
        recommending_state_group=recommending_state_group,
        session=session,
        cycle=cycle,
        position=position,
        theme=theme,
        group=group,
        sdg=sdg,
        review=review,
        review_date_from=review_date_from,
        review_date_to=review_date_to,
        repeated=repeated,
        data_source=data_source,
        disagreement=disagreement,
        action_category=action_category,
        upr_info_action_category=upr_info_action_category,
        upr_info_issue=upr_info_issue,
        q=q,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    review_id: str,
    *,
    client: AuthenticatedClient | Client,
    interval: Interval | Unset = UNSET,
    state_under_review: list[str] | None | Unset = UNSET,
    recommending_state: list[str] | None | Unset = UNSET,
    state_under_review_group: list[RegionalGroup] | None | Unset = UNSET,
    recommending_state_group: list[RegionalGroup] | None | Unset = UNSET,
    session: list[int] | None | Unset = UNSET,
    cycle: list[int] | None | Unset = UNSET,
    position: list[Position] | None | Unset = UNSET,
    theme: list[str] | None | Unset = UNSET,
    group: list[str] | None | Unset = UNSET,
    sdg: list[str] | None | Unset = UNSET,
    review: list[str] | None | Unset = UNSET,
    review_date_from: datetime.date | None | Unset = UNSET,
    review_date_to: datetime.date | None | Unset = UNSET,
    repeated: bool | None | Unset = UNSET,
    data_source: list[DataSource] | None | Unset = UNSET,
    disagreement: list[DisagreementField] | None | Unset = UNSET,
    action_category: list[int] | None | Unset = UNSET,
    upr_info_action_category: list[int] | None | Unset = UNSET,
    upr_info_issue: list[str] | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | Problem | ProgressSummary]:
    """Get Review Progress

     Implementation progress of a review's recommendations: per source, how many are in
    each status now, and at the end of each period since the first assessment. Takes the
    recommendation list's filters, e.g. `?position=supported` or `?theme=...`.

    Args:
        review_id (str): Review id: session number and ISO3 code of the state under review.
        interval (Interval | Unset): Length of the timeline's periods.
        state_under_review (list[str] | None | Unset): ISO 3166-1 alpha-3 code; repeat for
            several.
        recommending_state (list[str] | None | Unset): ISO 3166-1 alpha-3 code; repeat for
            several.
        state_under_review_group (list[RegionalGroup] | None | Unset): Regional group of the state
            under review; repeat for several.
        recommending_state_group (list[RegionalGroup] | None | Unset): Regional group of a
            recommending state; repeat for several.
        session (list[int] | None | Unset): Working Group session number; repeat for several.
        cycle (list[int] | None | Unset): UPR cycle number (1-4); repeat for several.
        position (list[Position] | None | Unset): Position taken; repeat for several.
        theme (list[str] | None | Unset): Theme id or exact name (any case), see /v1/themes;
            repeat for several.
        group (list[str] | None | Unset): Affected group id or exact name (any case), see
            /v1/groups; repeat for several.
        sdg (list[str] | None | Unset): SDG goal (`16`, matching its targets too) or target
            (`16.2`); repeat for several.
        review (list[str] | None | Unset): Review id such as `48-SVN`; repeat for several.
        review_date_from (datetime.date | None | Unset): Reviews held on or after this date (YYYY-
            MM-DD).
        review_date_to (datetime.date | None | Unset): Reviews held on or before this date (YYYY-
            MM-DD).
        repeated (bool | None | Unset): `true`: only recommendations repeating one made to the
            same state in an earlier cycle; `false`: only new ones (of linked reviews). See
            `/v1/recommendations/{id}/related`.
        data_source (list[DataSource] | None | Unset): Only recommendations that this source gave
            (any of their fields): an official document kind or a dataset; repeat for several.
        disagreement (list[DisagreementField] | None | Unset): Only recommendations whose sources
            disagree on this field (`any`: on some field); repeat for several. The disagreements are
            listed in `/v1/recommendations/{id}`.
        action_category (list[int] | None | Unset): Action category computed from the text, 1
            (minimal) to 5 (specific action); repeat for several.
        upr_info_action_category (list[int] | None | Unset): UPR Info's hand-coded action
            category, 1 to 5 (where UPR Info's export was imported); repeat for several.
        upr_info_issue (list[str] | None | Unset): Issue of UPR Info's own taxonomy, id or exact
            name (any case), see /v1/upr-info-issues; repeat for several.
        q (None | str | Unset): Full-text search in the recommendation's text: words (all must
            match),
            `"exact phrases"`, `AND`, `OR`, `NOT` (capitals) or `-word`, `prefix*`, parentheses.
            English
            stemming (`discriminate` finds `discrimination`, `woman` finds `women`), case and accents
            ignored. Malformed syntax (an unclosed quote or parenthesis, a lone operator) is a 400
            problem
            that says what is wrong.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | ProgressSummary]
    """

    kwargs = _get_kwargs(
        review_id=review_id,
        interval=interval,
        state_under_review=state_under_review,
        recommending_state=recommending_state,
        state_under_review_group=state_under_review_group,
        recommending_state_group=recommending_state_group,
        session=session,
        cycle=cycle,
        position=position,
        theme=theme,
        group=group,
        sdg=sdg,
        review=review,
        review_date_from=review_date_from,
        review_date_to=review_date_to,
        repeated=repeated,
        data_source=data_source,
        disagreement=disagreement,
        action_category=action_category,
        upr_info_action_category=upr_info_action_category,
        upr_info_issue=upr_info_issue,
        q=q,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    review_id: str,
    *,
    client: AuthenticatedClient | Client,
    interval: Interval | Unset = UNSET,
    state_under_review: list[str] | None | Unset = UNSET,
    recommending_state: list[str] | None | Unset = UNSET,
    state_under_review_group: list[RegionalGroup] | None | Unset = UNSET,
    recommending_state_group: list[RegionalGroup] | None | Unset = UNSET,
    session: list[int] | None | Unset = UNSET,
    cycle: list[int] | None | Unset = UNSET,
    position: list[Position] | None | Unset = UNSET,
    theme: list[str] | None | Unset = UNSET,
    group: list[str] | None | Unset = UNSET,
    sdg: list[str] | None | Unset = UNSET,
    review: list[str] | None | Unset = UNSET,
    review_date_from: datetime.date | None | Unset = UNSET,
    review_date_to: datetime.date | None | Unset = UNSET,
    repeated: bool | None | Unset = UNSET,
    data_source: list[DataSource] | None | Unset = UNSET,
    disagreement: list[DisagreementField] | None | Unset = UNSET,
    action_category: list[int] | None | Unset = UNSET,
    upr_info_action_category: list[int] | None | Unset = UNSET,
    upr_info_issue: list[str] | None | Unset = UNSET,
    q: None | str | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | Problem | ProgressSummary | None:
    """Get Review Progress

     Implementation progress of a review's recommendations: per source, how many are in
    each status now, and at the end of each period since the first assessment. Takes the
    recommendation list's filters, e.g. `?position=supported` or `?theme=...`.

    Args:
        review_id (str): Review id: session number and ISO3 code of the state under review.
        interval (Interval | Unset): Length of the timeline's periods.
        state_under_review (list[str] | None | Unset): ISO 3166-1 alpha-3 code; repeat for
            several.
        recommending_state (list[str] | None | Unset): ISO 3166-1 alpha-3 code; repeat for
            several.
        state_under_review_group (list[RegionalGroup] | None | Unset): Regional group of the state
            under review; repeat for several.
        recommending_state_group (list[RegionalGroup] | None | Unset): Regional group of a
            recommending state; repeat for several.
        session (list[int] | None | Unset): Working Group session number; repeat for several.
        cycle (list[int] | None | Unset): UPR cycle number (1-4); repeat for several.
        position (list[Position] | None | Unset): Position taken; repeat for several.
        theme (list[str] | None | Unset): Theme id or exact name (any case), see /v1/themes;
            repeat for several.
        group (list[str] | None | Unset): Affected group id or exact name (any case), see
            /v1/groups; repeat for several.
        sdg (list[str] | None | Unset): SDG goal (`16`, matching its targets too) or target
            (`16.2`); repeat for several.
        review (list[str] | None | Unset): Review id such as `48-SVN`; repeat for several.
        review_date_from (datetime.date | None | Unset): Reviews held on or after this date (YYYY-
            MM-DD).
        review_date_to (datetime.date | None | Unset): Reviews held on or before this date (YYYY-
            MM-DD).
        repeated (bool | None | Unset): `true`: only recommendations repeating one made to the
            same state in an earlier cycle; `false`: only new ones (of linked reviews). See
            `/v1/recommendations/{id}/related`.
        data_source (list[DataSource] | None | Unset): Only recommendations that this source gave
            (any of their fields): an official document kind or a dataset; repeat for several.
        disagreement (list[DisagreementField] | None | Unset): Only recommendations whose sources
            disagree on this field (`any`: on some field); repeat for several. The disagreements are
            listed in `/v1/recommendations/{id}`.
        action_category (list[int] | None | Unset): Action category computed from the text, 1
            (minimal) to 5 (specific action); repeat for several.
        upr_info_action_category (list[int] | None | Unset): UPR Info's hand-coded action
            category, 1 to 5 (where UPR Info's export was imported); repeat for several.
        upr_info_issue (list[str] | None | Unset): Issue of UPR Info's own taxonomy, id or exact
            name (any case), see /v1/upr-info-issues; repeat for several.
        q (None | str | Unset): Full-text search in the recommendation's text: words (all must
            match),
            `"exact phrases"`, `AND`, `OR`, `NOT` (capitals) or `-word`, `prefix*`, parentheses.
            English
            stemming (`discriminate` finds `discrimination`, `woman` finds `women`), case and accents
            ignored. Malformed syntax (an unclosed quote or parenthesis, a lone operator) is a 400
            problem
            that says what is wrong.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | ProgressSummary
    """

    return (
        await asyncio_detailed(
            review_id=review_id,
            client=client,
            interval=interval,
            state_under_review=state_under_review,
            recommending_state=recommending_state,
            state_under_review_group=state_under_review_group,
            recommending_state_group=recommending_state_group,
            session=session,
            cycle=cycle,
            position=position,
            theme=theme,
            group=group,
            sdg=sdg,
            review=review,
            review_date_from=review_date_from,
            review_date_to=review_date_to,
            repeated=repeated,
            data_source=data_source,
            disagreement=disagreement,
            action_category=action_category,
            upr_info_action_category=upr_info_action_category,
            upr_info_issue=upr_info_issue,
            q=q,
            if_none_match=if_none_match,
        )
    ).parsed
