from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.body_import_document import BodyImportDocument
from ...models.import_report_public import ImportReportPublic
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    *,
    body: BodyImportDocument,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/imports",
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ImportReportPublic | Problem | None:
    if response.status_code == 200:
        response_200 = ImportReportPublic.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[ImportReportPublic | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: BodyImportDocument,
) -> Response[ImportReportPublic | Problem]:
    """Import Document

     Import an official document with the same loader and report as `upr import`.

    Working Group reports and addenda are PDFs, OHCHR thematic lists DOCX files, UHRI exports
    JSON; the type is checked from the content (415 otherwise). Every state name must resolve
    or nothing is written (422 listing each one). One transaction per document (per batch for
    UHRI). Needs an API key with the `write` scope; the import is recorded in the audit trail.

    Args:
        body (BodyImportDocument):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportReportPublic | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: BodyImportDocument,
) -> ImportReportPublic | Problem | None:
    """Import Document

     Import an official document with the same loader and report as `upr import`.

    Working Group reports and addenda are PDFs, OHCHR thematic lists DOCX files, UHRI exports
    JSON; the type is checked from the content (415 otherwise). Every state name must resolve
    or nothing is written (422 listing each one). One transaction per document (per batch for
    UHRI). Needs an API key with the `write` scope; the import is recorded in the audit trail.

    Args:
        body (BodyImportDocument):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportReportPublic | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: BodyImportDocument,
) -> Response[ImportReportPublic | Problem]:
    """Import Document

     Import an official document with the same loader and report as `upr import`.

    Working Group reports and addenda are PDFs, OHCHR thematic lists DOCX files, UHRI exports
    JSON; the type is checked from the content (415 otherwise). Every state name must resolve
    or nothing is written (422 listing each one). One transaction per document (per batch for
    UHRI). Needs an API key with the `write` scope; the import is recorded in the audit trail.

    Args:
        body (BodyImportDocument):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportReportPublic | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: BodyImportDocument,
) -> ImportReportPublic | Problem | None:
    """Import Document

     Import an official document with the same loader and report as `upr import`.

    Working Group reports and addenda are PDFs, OHCHR thematic lists DOCX files, UHRI exports
    JSON; the type is checked from the content (415 otherwise). Every state name must resolve
    or nothing is written (422 listing each one). One transaction per document (per batch for
    UHRI). Needs an API key with the `write` scope; the import is recorded in the audit trail.

    Args:
        body (BodyImportDocument):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportReportPublic | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
