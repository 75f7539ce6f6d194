from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.page_state_public import PageStatePublic
from ...models.problem import Problem
from ...models.regional_group import RegionalGroup
from ...models.state_status import StateStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    regional_group: None | RegionalGroup | Unset = UNSET,
    status: None | StateStatus | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_none_match, Unset):
        headers["If-None-Match"] = if_none_match

    params: dict[str, Any] = {}

    json_regional_group: None | str | Unset
    if isinstance(regional_group, Unset):
        json_regional_group = UNSET
    elif isinstance(regional_group, RegionalGroup):
        json_regional_group = regional_group.value
    else:
        json_regional_group = regional_group
    params["regional_group"] = json_regional_group

    json_status: None | str | Unset
    if isinstance(status, Unset):
        json_status = UNSET
    elif isinstance(status, StateStatus):
        json_status = status.value
    else:
        json_status = status
    params["status"] = json_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/states",
        "params": params,
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | PageStatePublic | Problem | None:
    if response.status_code == 200:
        response_200 = PageStatePublic.from_dict(response.json())

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
) -> Response[Any | PageStatePublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    regional_group: None | RegionalGroup | Unset = UNSET,
    status: None | StateStatus | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | PageStatePublic | Problem]:
    """List States

     List all UN member and observer states, in name order.

    The list is short (195 states) and always returned whole, with `total`.

    Args:
        regional_group (None | RegionalGroup | Unset): Only this UN regional group.
        status (None | StateStatus | Unset): Only members or only observers.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageStatePublic | Problem]
    """

    kwargs = _get_kwargs(
        regional_group=regional_group,
        status=status,
        if_none_match=if_none_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    regional_group: None | RegionalGroup | Unset = UNSET,
    status: None | StateStatus | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | PageStatePublic | Problem | None:
    """List States

     List all UN member and observer states, in name order.

    The list is short (195 states) and always returned whole, with `total`.

    Args:
        regional_group (None | RegionalGroup | Unset): Only this UN regional group.
        status (None | StateStatus | Unset): Only members or only observers.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageStatePublic | Problem
    """

    return sync_detailed(
        client=client,
        regional_group=regional_group,
        status=status,
        if_none_match=if_none_match,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    regional_group: None | RegionalGroup | Unset = UNSET,
    status: None | StateStatus | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Response[Any | PageStatePublic | Problem]:
    """List States

     List all UN member and observer states, in name order.

    The list is short (195 states) and always returned whole, with `total`.

    Args:
        regional_group (None | RegionalGroup | Unset): Only this UN regional group.
        status (None | StateStatus | Unset): Only members or only observers.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | PageStatePublic | Problem]
    """

    kwargs = _get_kwargs(
        regional_group=regional_group,
        status=status,
        if_none_match=if_none_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    regional_group: None | RegionalGroup | Unset = UNSET,
    status: None | StateStatus | Unset = UNSET,
    if_none_match: str | Unset = UNSET,
) -> Any | PageStatePublic | Problem | None:
    """List States

     List all UN member and observer states, in name order.

    The list is short (195 states) and always returned whole, with `total`.

    Args:
        regional_group (None | RegionalGroup | Unset): Only this UN regional group.
        status (None | StateStatus | Unset): Only members or only observers.
        if_none_match (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | PageStatePublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            regional_group=regional_group,
            status=status,
            if_none_match=if_none_match,
        )
    ).parsed
