from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_review_summary import PageReviewSummary
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    iso3: str,
    *,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/states/{iso3}/reviews".format(
            iso3=quote(str(iso3), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | PageReviewSummary | Problem | None:
    if response.status_code == 200:
        response_200 = PageReviewSummary.from_dict(response.json())

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
) -> Response[Any | PageReviewSummary | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    iso3: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | PageReviewSummary | Problem]:
    """List State Reviews

     List a state's reviews, oldest session first.

    Args:
        iso3 (str): ISO 3166-1 alpha-3 code of the state.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageReviewSummary | Problem]
    """

    kwargs = _get_kwargs(
        iso3=iso3,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    iso3: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Any | PageReviewSummary | Problem | None:
    """List State Reviews

     List a state's reviews, oldest session first.

    Args:
        iso3 (str): ISO 3166-1 alpha-3 code of the state.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageReviewSummary | Problem
    """

    return sync_detailed(
        iso3=iso3,
        client=client,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    iso3: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | PageReviewSummary | Problem]:
    """List State Reviews

     List a state's reviews, oldest session first.

    Args:
        iso3 (str): ISO 3166-1 alpha-3 code of the state.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageReviewSummary | Problem]
    """

    kwargs = _get_kwargs(
        iso3=iso3,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    iso3: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Any | PageReviewSummary | Problem | None:
    """List State Reviews

     List a state's reviews, oldest session first.

    Args:
        iso3 (str): ISO 3166-1 alpha-3 code of the state.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageReviewSummary | Problem
    """

    return (
        await asyncio_detailed(
            iso3=iso3,
            client=client,
            if_none_match=if_none_match,
        )
    ).parsed
