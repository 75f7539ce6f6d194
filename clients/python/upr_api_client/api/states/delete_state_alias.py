from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    iso3: str,
    alias: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/states/{iso3}/aliases/{alias}".format(
            iso3=quote(str(iso3), safe=""),
            alias=quote(str(alias), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    iso3: str,
    alias: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | Problem]:
    """Delete State Alias

     Remove another name of a state (matched ignoring case and accents).

    Needs an API key with the `write` scope; audited.

    Args:
        iso3 (str): ISO 3166-1 alpha-3 code of the state.
        alias (str): The other name to remove.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        iso3=iso3,
        alias=alias,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    iso3: str,
    alias: str,
    *,
    client: AuthenticatedClient,
) -> Any | Problem | None:
    """Delete State Alias

     Remove another name of a state (matched ignoring case and accents).

    Needs an API key with the `write` scope; audited.

    Args:
        iso3 (str): ISO 3166-1 alpha-3 code of the state.
        alias (str): The other name to remove.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return sync_detailed(
        iso3=iso3,
        alias=alias,
        client=client,
    ).parsed


async def asyncio_detailed(
    iso3: str,
    alias: str,
    *,
    client: AuthenticatedClient,
) -> Response[Any | Problem]:
    """Delete State Alias

     Remove another name of a state (matched ignoring case and accents).

    Needs an API key with the `write` scope; audited.

    Args:
        iso3 (str): ISO 3166-1 alpha-3 code of the state.
        alias (str): The other name to remove.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
    """

    kwargs = _get_kwargs(
        iso3=iso3,
        alias=alias,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    iso3: str,
    alias: str,
    *,
    client: AuthenticatedClient,
) -> Any | Problem | None:
    """Delete State Alias

     Remove another name of a state (matched ignoring case and accents).

    Needs an API key with the `write` scope; audited.

    Args:
        iso3 (str): ISO 3166-1 alpha-3 code of the state.
        alias (str): The other name to remove.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
    """

    return (
        await asyncio_detailed(
            iso3=iso3,
            alias=alias,
            client=client,
        )
    ).parsed
