from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_session_public import PageSessionPublic
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    cycle: list[int] | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_cycle: list[int] | None | Unset
    if isinstance(cycle, Unset):
        json_cycle = UNSET
    elif isinstance(cycle, list):
        json_cycle = cycle

    else:
        json_cycle = cycle
    params["cycle"] = json_cycle

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/sessions",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | PageSessionPublic | Problem | None:
    if response.status_code == 200:
        response_200 = PageSessionPublic.from_dict(response.json())

        return response_200

    if response.status_code == 304:
        response_304 = cast(Any, None)
        return response_304

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
) -> Response[Any | PageSessionPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    cycle: list[int] | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | PageSessionPublic | Problem]:
    """List Sessions

     List the Working Group sessions in order, optionally of some cycles.

    Args:
        cycle (list[int] | None | Unset): UPR cycle number (1-4); repeat for several.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageSessionPublic | Problem]
    """

    kwargs = _get_kwargs(
        cycle=cycle,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    cycle: list[int] | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | PageSessionPublic | Problem | None:
    """List Sessions

     List the Working Group sessions in order, optionally of some cycles.

    Args:
        cycle (list[int] | None | Unset): UPR cycle number (1-4); repeat for several.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageSessionPublic | Problem
    """

    return sync_detailed(
        client=client,
        cycle=cycle,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    cycle: list[int] | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | PageSessionPublic | Problem]:
    """List Sessions

     List the Working Group sessions in order, optionally of some cycles.

    Args:
        cycle (list[int] | None | Unset): UPR cycle number (1-4); repeat for several.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageSessionPublic | Problem]
    """

    kwargs = _get_kwargs(
        cycle=cycle,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    cycle: list[int] | None | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | PageSessionPublic | Problem | None:
    """List Sessions

     List the Working Group sessions in order, optionally of some cycles.

    Args:
        cycle (list[int] | None | Unset): UPR cycle number (1-4); repeat for several.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageSessionPublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            cycle=cycle,
            if_none_match=if_none_match,
        )
    ).parsed
