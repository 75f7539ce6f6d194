"""The OpenAPI document as a product: committed, valid 3.1, complete, and guarded against
unintended breaking changes."""

from __future__ import annotations

import copy
import json

from fastapi.routing import APIRoute
from openapi_spec_validator import validate

from app.config import get_settings
from app.main import create_app
from scripts.openapi_contract import SNAPSHOT, breaking_changes, current_schema, render

SCHEMA = current_schema()
OPERATIONS = [
    (path, method, operation)
    for path, item in SCHEMA["paths"].items()
    for method, operation in item.items()
]


def test_committed_snapshot_is_current() -> None:
    committed = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    assert committed == json.loads(render(SCHEMA)), (
        "openapi/openapi.json differs from the app's schema: run `make openapi` "
        "(then `make clients`)"
    )


def test_valid_openapi_3_1() -> None:
    assert SCHEMA["openapi"].startswith("3.1")
    validate(SCHEMA)


def _endpoint_names(routes: list) -> set[str]:  # type: ignore[type-arg]
    names: set[str] = set()
    for route in routes:
        if isinstance(route, APIRoute):
            names.add(route.endpoint.__name__)
        elif hasattr(route, "original_router"):  # an included router
            names |= _endpoint_names(route.original_router.routes)
    return names


def test_operation_ids_are_the_route_function_names() -> None:
    names = _endpoint_names(create_app().routes)
    ids = [operation["operationId"] for _, _, operation in OPERATIONS]
    assert len(ids) == len(set(ids))
    assert set(ids) <= names
    assert {"list_recommendations", "get_review", "get_state", "list_sessions"} <= set(ids)


def test_every_operation_is_documented_with_its_errors() -> None:
    tags = {tag["name"]: tag["description"] for tag in SCHEMA["tags"]}
    for path, method, operation in OPERATIONS:
        where = f"{method.upper()} {path}"
        assert operation.get("summary") and operation.get("description"), where
        assert len(operation.get("tags", [])) == 1 and operation["tags"][0] in tags, where
        errors = {code: body for code, body in operation["responses"].items() if code[0] in "45"}
        assert errors, f"{where} declares no error response"
        for code, body in errors.items():
            assert "application/problem+json" in body.get("content", {}), f"{where} {code}"


def test_info_describes_the_data_and_its_sources() -> None:
    info = SCHEMA["info"]
    assert info["version"] and info["license"]["name"] == "MIT" and info["contact"]["name"]
    for symbol in ("A/HRC/59/15", "A/HRC/59/15/Add.1", "A/HRC/14/15"):
        assert symbol in info["description"]


def test_servers_are_configurable() -> None:
    settings = get_settings().model_copy(update={"public_urls": ["https://upr.example.org"]})
    assert create_app(settings).openapi()["servers"] == [{"url": "https://upr.example.org"}]


def test_breaking_changes_are_detected() -> None:
    changed = copy.deepcopy(SCHEMA)
    del changed["paths"]["/v1/cycles"]
    list_op = changed["paths"]["/v1/recommendations"]["get"]
    list_op["parameters"].append(
        {"name": "tenant", "in": "query", "required": True, "schema": {"type": "string"}}
    )
    state = changed["components"]["schemas"]["StatePublic"]["properties"]
    del state["regional_group"]
    state["iso3"] = {"type": "integer"}
    found = breaking_changes(SCHEMA, changed)
    assert "path removed: /v1/cycles" in found
    assert "GET /v1/recommendations: new required parameter: tenant (query)" in found
    assert "StatePublic.regional_group: field removed" in found
    assert "StatePublic.iso3: type changed" in found


def test_additions_are_not_breaking() -> None:
    changed = copy.deepcopy(SCHEMA)
    changed["paths"]["/v1/new"] = copy.deepcopy(SCHEMA["paths"]["/v1/cycles"])
    changed["components"]["schemas"]["StatePublic"]["properties"]["flag"] = {"type": "string"}
    list_op = changed["paths"]["/v1/recommendations"]["get"]
    list_op["parameters"].append({"name": "extra", "in": "query", "schema": {"type": "string"}})
    assert breaking_changes(SCHEMA, changed) == []
