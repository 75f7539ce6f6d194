from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.review_detail import ReviewDetail
from ...models.review_update import ReviewUpdate
from ...types import Response


def _get_kwargs(
    review_id: str,
    *,
    body: ReviewUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/reviews/{review_id}".format(
            review_id=quote(str(review_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ReviewDetail | None:
    if response.status_code == 200:
        response_200 = ReviewDetail.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

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
) -> Response[Problem | ReviewDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    review_id: str,
    *,
    client: AuthenticatedClient,
    body: ReviewUpdate,
) -> Response[Problem | ReviewDetail]:
    """Update Review

     Set or correct a review's facts: reported totals and their source, date, meeting, notes.

    Only the fields sent change (JSON merge patch; `null` clears one). Later imports of
    official documents may overwrite what is set here. Needs an API key with the `write`
    scope; audited with the fields changed. The body is checked strictly: a value of another
    JSON type than the documented one (`false` or `"35"` for a count) is a 422 problem naming
    the field.

    Args:
        review_id (str): Review id: session number and ISO3 code of the state under review.
        body (ReviewUpdate): Facts of a review a curator may set or correct; only the fields sent
            change (null clears).

            `reported_*` are the totals an official source states (with that source).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReviewDetail]
    """

    kwargs = _get_kwargs(
        review_id=review_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    review_id: str,
    *,
    client: AuthenticatedClient,
    body: ReviewUpdate,
) -> Problem | ReviewDetail | None:
    """Update Review

     Set or correct a review's facts: reported totals and their source, date, meeting, notes.

    Only the fields sent change (JSON merge patch; `null` clears one). Later imports of
    official documents may overwrite what is set here. Needs an API key with the `write`
    scope; audited with the fields changed. The body is checked strictly: a value of another
    JSON type than the documented one (`false` or `"35"` for a count) is a 422 problem naming
    the field.

    Args:
        review_id (str): Review id: session number and ISO3 code of the state under review.
        body (ReviewUpdate): Facts of a review a curator may set or correct; only the fields sent
            change (null clears).

            `reported_*` are the totals an official source states (with that source).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReviewDetail
    """

    return sync_detailed(
        review_id=review_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    review_id: str,
    *,
    client: AuthenticatedClient,
    body: ReviewUpdate,
) -> Response[Problem | ReviewDetail]:
    """Update Review

     Set or correct a review's facts: reported totals and their source, date, meeting, notes.

    Only the fields sent change (JSON merge patch; `null` clears one). Later imports of
    official documents may overwrite what is set here. Needs an API key with the `write`
    scope; audited with the fields changed. The body is checked strictly: a value of another
    JSON type than the documented one (`false` or `"35"` for a count) is a 422 problem naming
    the field.

    Args:
        review_id (str): Review id: session number and ISO3 code of the state under review.
        body (ReviewUpdate): Facts of a review a curator may set or correct; only the fields sent
            change (null clears).

            `reported_*` are the totals an official source states (with that source).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReviewDetail]
    """

    kwargs = _get_kwargs(
        review_id=review_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    review_id: str,
    *,
    client: AuthenticatedClient,
    body: ReviewUpdate,
) -> Problem | ReviewDetail | None:
    """Update Review

     Set or correct a review's facts: reported totals and their source, date, meeting, notes.

    Only the fields sent change (JSON merge patch; `null` clears one). Later imports of
    official documents may overwrite what is set here. Needs an API key with the `write`
    scope; audited with the fields changed. The body is checked strictly: a value of another
    JSON type than the documented one (`false` or `"35"` for a count) is a 422 problem naming
    the field.

    Args:
        review_id (str): Review id: session number and ISO3 code of the state under review.
        body (ReviewUpdate): Facts of a review a curator may set or correct; only the fields sent
            change (null clears).

            `reported_*` are the totals an official source states (with that source).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReviewDetail
    """

    return (
        await asyncio_detailed(
            review_id=review_id,
            client=client,
            body=body,
        )
    ).parsed
