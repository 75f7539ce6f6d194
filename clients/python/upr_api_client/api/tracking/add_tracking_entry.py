from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.tracking_entry_create import TrackingEntryCreate
from ...models.tracking_entry_public import TrackingEntryPublic
from ...types import Response


def _get_kwargs(
    recommendation_id: str,
    *,
    body: TrackingEntryCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/recommendations/{recommendation_id}/tracking".format(
            recommendation_id=quote(str(recommendation_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | TrackingEntryPublic | None:
    if response.status_code == 201:
        response_201 = TrackingEntryPublic.from_dict(response.json())

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
) -> Response[Problem | TrackingEntryPublic]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    recommendation_id: str,
    *,
    client: AuthenticatedClient,
    body: TrackingEntryCreate,
) -> Response[Problem | TrackingEntryPublic]:
    """Add Tracking Entry

     Add an assessment to a recommendation's history (API key with the `tracking` scope;
    the key is recorded as the author). Entries are never changed: to correct one, add an
    entry of the same source with `supersedes` set to its id.

    The body is checked strictly: `status_date` is an ISO 8601 date from 2008-01-01 to today,
    and a value of another JSON type than the documented one (`"17"` or `17.5` for an id) is
    a 422 problem naming the field.

    Args:
        recommendation_id (str): Recommendation id: `{session}-{ISO3}-{paragraph}`; a dataset's
            later part of a numbered recommendation adds a letter (`5-AFG-96.1b`), and one whose
            source gives no paragraph has `x` and 8 hex digits instead (`20-KAZ-x1f0c3a9e`).
        body (TrackingEntryCreate): A new assessment of a recommendation's implementation (or a
            correction of one).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TrackingEntryPublic]
    """

    kwargs = _get_kwargs(
        recommendation_id=recommendation_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    recommendation_id: str,
    *,
    client: AuthenticatedClient,
    body: TrackingEntryCreate,
) -> Problem | TrackingEntryPublic | None:
    """Add Tracking Entry

     Add an assessment to a recommendation's history (API key with the `tracking` scope;
    the key is recorded as the author). Entries are never changed: to correct one, add an
    entry of the same source with `supersedes` set to its id.

    The body is checked strictly: `status_date` is an ISO 8601 date from 2008-01-01 to today,
    and a value of another JSON type than the documented one (`"17"` or `17.5` for an id) is
    a 422 problem naming the field.

    Args:
        recommendation_id (str): Recommendation id: `{session}-{ISO3}-{paragraph}`; a dataset's
            later part of a numbered recommendation adds a letter (`5-AFG-96.1b`), and one whose
            source gives no paragraph has `x` and 8 hex digits instead (`20-KAZ-x1f0c3a9e`).
        body (TrackingEntryCreate): A new assessment of a recommendation's implementation (or a
            correction of one).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TrackingEntryPublic
    """

    return sync_detailed(
        recommendation_id=recommendation_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    recommendation_id: str,
    *,
    client: AuthenticatedClient,
    body: TrackingEntryCreate,
) -> Response[Problem | TrackingEntryPublic]:
    """Add Tracking Entry

     Add an assessment to a recommendation's history (API key with the `tracking` scope;
    the key is recorded as the author). Entries are never changed: to correct one, add an
    entry of the same source with `supersedes` set to its id.

    The body is checked strictly: `status_date` is an ISO 8601 date from 2008-01-01 to today,
    and a value of another JSON type than the documented one (`"17"` or `17.5` for an id) is
    a 422 problem naming the field.

    Args:
        recommendation_id (str): Recommendation id: `{session}-{ISO3}-{paragraph}`; a dataset's
            later part of a numbered recommendation adds a letter (`5-AFG-96.1b`), and one whose
            source gives no paragraph has `x` and 8 hex digits instead (`20-KAZ-x1f0c3a9e`).
        body (TrackingEntryCreate): A new assessment of a recommendation's implementation (or a
            correction of one).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TrackingEntryPublic]
    """

    kwargs = _get_kwargs(
        recommendation_id=recommendation_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    recommendation_id: str,
    *,
    client: AuthenticatedClient,
    body: TrackingEntryCreate,
) -> Problem | TrackingEntryPublic | None:
    """Add Tracking Entry

     Add an assessment to a recommendation's history (API key with the `tracking` scope;
    the key is recorded as the author). Entries are never changed: to correct one, add an
    entry of the same source with `supersedes` set to its id.

    The body is checked strictly: `status_date` is an ISO 8601 date from 2008-01-01 to today,
    and a value of another JSON type than the documented one (`"17"` or `17.5` for an id) is
    a 422 problem naming the field.

    Args:
        recommendation_id (str): Recommendation id: `{session}-{ISO3}-{paragraph}`; a dataset's
            later part of a numbered recommendation adds a letter (`5-AFG-96.1b`), and one whose
            source gives no paragraph has `x` and 8 hex digits instead (`20-KAZ-x1f0c3a9e`).
        body (TrackingEntryCreate): A new assessment of a recommendation's implementation (or a
            correction of one).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TrackingEntryPublic
    """

    return (
        await asyncio_detailed(
            recommendation_id=recommendation_id,
            client=client,
            body=body,
        )
    ).parsed
