"""Every example in the OpenAPI document works on the default instance: each operation is sent
with its documented path examples, then once more with each documented query example, and with
a request body made of its documented examples; every answer is a 2xx, on SQLite and PostgreSQL.

Writes run with a key that may write and track, inside the test's rolled-back transaction.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from scripts.openapi_contract import current_schema
from tests.support.writes import key_committed

SCHEMA = current_schema()
# Operations whose required input has no example, and why.
WITHOUT_EXAMPLES = {
    "GET /v1/recommendations/{recommendation_id}/tracking/{entry_id}": "the default instance "
    "has no tracking entries, so no entry id exists",
    "POST /v1/imports": "an upload of an official document is a file, not an example",
}


def _examples(holder: dict[str, Any]) -> list[Any]:
    """The examples of a parameter or a property (of its schema, or of an `anyOf` branch)."""
    schema = holder.get("schema", holder)
    found = list(schema.get("examples", []))
    for branch in schema.get("anyOf", []):
        found += branch.get("examples", [])
    return found


def _component(schema: dict[str, Any]) -> dict[str, Any]:
    if "$ref" in schema:
        return SCHEMA["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def _body(operation: dict[str, Any]) -> dict[str, Any] | None:
    """Request keywords for the operation's documented body example, or None if it has none."""
    content = operation.get("requestBody", {}).get("content", {})
    if "application/json" in content:
        schema = _component(content["application/json"]["schema"])
        body = {}
        for name, prop in schema["properties"].items():
            examples = _examples(prop) or _examples(_component(prop))
            if examples:
                body[name] = examples[0]
        missing = set(schema.get("required", [])) - set(body)
        return None if missing else {"json": body}
    for media_type, entry in content.items():
        if "example" in entry:
            return {"content": entry["example"], "headers": {"Content-Type": media_type}}
    return None


def _cases() -> list[Any]:
    """One request per operation with its path (and required) examples, then one per optional
    query example."""
    cases = []
    for path, item in SCHEMA["paths"].items():
        for method, operation in item.items():
            label = f"{method.upper()} {path}"
            parameters = operation.get("parameters", [])
            required = {p["name"]: _examples(p) for p in parameters if p.get("required")}
            body = _body(operation) if "requestBody" in operation else {}
            if label in WITHOUT_EXAMPLES:
                assert body is None or not all(required.values()), f"{label} has examples now"
                continue
            assert all(required.values()) and body is not None, f"{label}: no example"
            url = path.format(**{name: values[0] for name, values in required.items()})
            base = {name: values[0] for name, values in required.items()}
            query = {p["name"]: p for p in parameters if p["in"] == "query"}
            fixed = {name: value for name, value in base.items() if name in query}
            secured = bool(operation.get("security"))
            cases.append(pytest.param(method, url, fixed, body, secured, id=f"{label}"))
            for name, parameter in query.items():
                if parameter.get("required"):
                    continue
                for number, example in enumerate(_examples(parameter)):
                    params = fixed | {name: example}
                    case_id = f"{label} {name}#{number}"
                    cases.append(pytest.param(method, url, params, body, secured, id=case_id))
    return cases


@pytest.fixture
def curator(db: Session) -> dict[str, str]:
    """Headers of a key that may write and track."""
    return {"Authorization": f"Bearer {key_committed(db, 'curator', ['write', 'tracking']).token}"}


def test_the_served_document_is_the_one_walked(client: TestClient) -> None:
    assert client.get("/openapi.json").json() == SCHEMA


@pytest.mark.parametrize(("method", "url", "params", "body", "secured"), _cases())
def test_documented_example_succeeds(
    client: TestClient,
    curator: dict[str, str],
    method: str,
    url: str,
    params: dict[str, Any],
    body: dict[str, Any],
    secured: bool,
) -> None:
    keywords = dict(body)
    headers = keywords.pop("headers", {}) | (curator if secured else {})
    response = client.request(method, url, params=params, headers=headers, **keywords)
    assert 200 <= response.status_code < 300, response.text
