from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.current_status import CurrentStatus
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    recommendation_id: str,
    *,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/recommendations/{recommendation_id}/tracking/current".format(
            recommendation_id=quote(str(recommendation_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | CurrentStatus | Problem | None:
    if response.status_code == 200:
        response_200 = CurrentStatus.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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
) -> Response[Any | CurrentStatus | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    recommendation_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | CurrentStatus | Problem]:
    """Get Current Tracking Status

     Each source's latest assessment of the recommendation (by `status_date`), with
    corrections applied: the government's and the NHRI's views side by side.

    Args:
        recommendation_id (str): Recommendation id: `{session}-{ISO3}-{paragraph}`; a dataset's
            later part of a numbered recommendation adds a letter (`5-AFG-96.1b`), and one whose
            source gives no paragraph has `x` and 8 hex digits instead (`20-KAZ-x1f0c3a9e`).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CurrentStatus | Problem]
    """

    kwargs = _get_kwargs(
        recommendation_id=recommendation_id,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    recommendation_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Any | CurrentStatus | Problem | None:
    """Get Current Tracking Status

     Each source's latest assessment of the recommendation (by `status_date`), with
    corrections applied: the government's and the NHRI's views side by side.

    Args:
        recommendation_id (str): Recommendation id: `{session}-{ISO3}-{paragraph}`; a dataset's
            later part of a numbered recommendation adds a letter (`5-AFG-96.1b`), and one whose
            source gives no paragraph has `x` and 8 hex digits instead (`20-KAZ-x1f0c3a9e`).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CurrentStatus | Problem
    """

    return sync_detailed(
        recommendation_id=recommendation_id,
        client=client,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    recommendation_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | CurrentStatus | Problem]:
    """Get Current Tracking Status

     Each source's latest assessment of the recommendation (by `status_date`), with
    corrections applied: the government's and the NHRI's views side by side.

    Args:
        recommendation_id (str): Recommendation id: `{session}-{ISO3}-{paragraph}`; a dataset's
            later part of a numbered recommendation adds a letter (`5-AFG-96.1b`), and one whose
            source gives no paragraph has `x` and 8 hex digits instead (`20-KAZ-x1f0c3a9e`).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | CurrentStatus | Problem]
    """

    kwargs = _get_kwargs(
        recommendation_id=recommendation_id,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    recommendation_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Any | CurrentStatus | Problem | None:
    """Get Current Tracking Status

     Each source's latest assessment of the recommendation (by `status_date`), with
    corrections applied: the government's and the NHRI's views side by side.

    Args:
        recommendation_id (str): Recommendation id: `{session}-{ISO3}-{paragraph}`; a dataset's
            later part of a numbered recommendation adds a letter (`5-AFG-96.1b`), and one whose
            source gives no paragraph has `x` and 8 hex digits instead (`20-KAZ-x1f0c3a9e`).
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | CurrentStatus | Problem
    """

    return (
        await asyncio_detailed(
            recommendation_id=recommendation_id,
            client=client,
            if_none_match=if_none_match,
        )
    ).parsed
