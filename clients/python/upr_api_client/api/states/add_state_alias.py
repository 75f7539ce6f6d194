from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.alias_create import AliasCreate
from ...models.problem import Problem
from ...models.state_detail import StateDetail
from ...types import Response


def _get_kwargs(
    iso3: str,
    *,
    body: AliasCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/states/{iso3}/aliases".format(
            iso3=quote(str(iso3), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Problem | StateDetail | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 201:
        response_201 = StateDetail.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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
) -> Response[Any | Problem | StateDetail]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    iso3: str,
    *,
    client: AuthenticatedClient,
    body: AliasCreate,
) -> Response[Any | Problem | StateDetail]:
    """Add State Alias

     Teach the name resolver another name of a state (as `upr states alias` does).

    Imports resolve state names through these aliases. 409 when the name already belongs to
    another state. Needs an API key with the `write` scope; audited.

    Args:
        iso3 (str): ISO 3166-1 alpha-3 code of the state.
        body (AliasCreate): Another name under which a state appears in UN documents.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | StateDetail]
    """

    kwargs = _get_kwargs(
        iso3=iso3,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    iso3: str,
    *,
    client: AuthenticatedClient,
    body: AliasCreate,
) -> Any | Problem | StateDetail | None:
    """Add State Alias

     Teach the name resolver another name of a state (as `upr states alias` does).

    Imports resolve state names through these aliases. 409 when the name already belongs to
    another state. Needs an API key with the `write` scope; audited.

    Args:
        iso3 (str): ISO 3166-1 alpha-3 code of the state.
        body (AliasCreate): Another name under which a state appears in UN documents.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | StateDetail
    """

    return sync_detailed(
        iso3=iso3,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    iso3: str,
    *,
    client: AuthenticatedClient,
    body: AliasCreate,
) -> Response[Any | Problem | StateDetail]:
    """Add State Alias

     Teach the name resolver another name of a state (as `upr states alias` does).

    Imports resolve state names through these aliases. 409 when the name already belongs to
    another state. Needs an API key with the `write` scope; audited.

    Args:
        iso3 (str): ISO 3166-1 alpha-3 code of the state.
        body (AliasCreate): Another name under which a state appears in UN documents.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | StateDetail]
    """

    kwargs = _get_kwargs(
        iso3=iso3,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    iso3: str,
    *,
    client: AuthenticatedClient,
    body: AliasCreate,
) -> Any | Problem | StateDetail | None:
    """Add State Alias

     Teach the name resolver another name of a state (as `upr states alias` does).

    Imports resolve state names through these aliases. 409 when the name already belongs to
    another state. Needs an API key with the `write` scope; audited.

    Args:
        iso3 (str): ISO 3166-1 alpha-3 code of the state.
        body (AliasCreate): Another name under which a state appears in UN documents.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | StateDetail
    """

    return (
        await asyncio_detailed(
            iso3=iso3,
            client=client,
            body=body,
        )
    ).parsed
