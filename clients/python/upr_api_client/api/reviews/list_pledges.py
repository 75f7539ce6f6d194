from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_pledge_public import PagePledgePublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    review_id: str,
    *,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/reviews/{review_id}/pledges".format(
            review_id=quote(str(review_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | PagePledgePublic | Problem | None:
    if response.status_code == 200:
        response_200 = PagePledgePublic.from_dict(response.json())

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
) -> Response[Any | PagePledgePublic | Problem]:
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
    if_none_match: str | Unset = UNSET,
) -> Response[Any | PagePledgePublic | Problem]:
    """List a review's voluntary pledges

     The voluntary pledges the state under review made at this review: its own commitments,
    kept apart from the recommendations (imported from UPR Info's export of pledges).

    Args:
        review_id (str): Review id: session number and ISO3 code of the state under review.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PagePledgePublic | Problem]
    """

    kwargs = _get_kwargs(
        review_id=review_id,
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
    if_none_match: str | Unset = UNSET,
) -> Any | PagePledgePublic | Problem | None:
    """List a review's voluntary pledges

     The voluntary pledges the state under review made at this review: its own commitments,
    kept apart from the recommendations (imported from UPR Info's export of pledges).

    Args:
        review_id (str): Review id: session number and ISO3 code of the state under review.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PagePledgePublic | Problem
    """

    return sync_detailed(
        review_id=review_id,
        client=client,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    review_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | PagePledgePublic | Problem]:
    """List a review's voluntary pledges

     The voluntary pledges the state under review made at this review: its own commitments,
    kept apart from the recommendations (imported from UPR Info's export of pledges).

    Args:
        review_id (str): Review id: session number and ISO3 code of the state under review.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PagePledgePublic | Problem]
    """

    kwargs = _get_kwargs(
        review_id=review_id,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    review_id: str,
    *,
    client: AuthenticatedClient | Client,
    if_none_match: str | Unset = UNSET,
) -> Any | PagePledgePublic | Problem | None:
    """List a review's voluntary pledges

     The voluntary pledges the state under review made at this review: its own commitments,
    kept apart from the recommendations (imported from UPR Info's export of pledges).

    Args:
        review_id (str): Review id: session number and ISO3 code of the state under review.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PagePledgePublic | Problem
    """

    return (
        await asyncio_detailed(
            review_id=review_id,
            client=client,
            if_none_match=if_none_match,
        )
    ).parsed
