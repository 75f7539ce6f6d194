"""The OpenAPI contract: write the committed snapshot, and refuse unacknowledged breaking changes.

    python -m scripts.openapi_contract write                      # regenerate openapi/openapi.json
    python -m scripts.openapi_contract write --accept-breaking    # ... even if it breaks clients
    python -m scripts.openapi_contract check                      # exit 1 if the snapshot is stale

`make openapi` runs `write`. A test fails when the app's schema differs from the snapshot, so
every API change passes through `write`, which compares the new schema with the committed one
and stops on a breaking change (a removed path, operation, schema or field, a changed type, a
removed enum value, a new required parameter or request field) unless it is accepted on purpose.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

SNAPSHOT = Path(__file__).resolve().parent.parent / "openapi" / "openapi.json"
METHODS = {"get", "put", "post", "delete", "patch", "head", "options"}


def current_schema() -> dict[str, Any]:
    """The schema the application serves at /openapi.json."""
    from app.main import create_app

    return create_app().openapi()


def render(schema: dict[str, Any]) -> str:
    """The snapshot's text: stable, diff-friendly JSON."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _type_of(schema: dict[str, Any]) -> Any:
    """What a client sees as the type: a $ref, a type, or the types of an anyOf/oneOf."""
    if "$ref" in schema:
        return schema["$ref"]
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return sorted(json.dumps(_type_of(option), sort_keys=True) for option in schema[key])
    if schema.get("type") == "array":
        return ["array", _type_of(schema.get("items", {}))]
    return schema.get("type")


def _parameters(operation: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(p["in"], p["name"]): p for p in operation.get("parameters", [])}


def _request_schema(operation: dict[str, Any]) -> dict[str, Any]:
    content = operation.get("requestBody", {}).get("content", {})
    return next(iter(content.values()), {}).get("schema", {})


def breaking_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """Every change from `old` to `new` that can break a client built against `old`."""
    found: list[str] = []
    for path, old_item in old.get("paths", {}).items():
        new_item = new.get("paths", {}).get(path)
        if new_item is None:
            found.append(f"path removed: {path}")
            continue
        for method in METHODS & old_item.keys():
            where = f"{method.upper()} {path}"
            if method not in new_item:
                found.append(f"operation removed: {where}")
                continue
            old_op, new_op = old_item[method], new_item[method]
            old_params, new_params = _parameters(old_op), _parameters(new_op)
            for key, param in old_params.items():
                if key not in new_params:
                    found.append(f"{where}: parameter removed: {key[1]} ({key[0]})")
                elif _type_of(param.get("schema", {})) != _type_of(
                    new_params[key].get("schema", {})
                ):
                    found.append(f"{where}: parameter type changed: {key[1]}")
            for key, param in new_params.items():
                if param.get("required") and not old_params.get(key, {}).get("required"):
                    found.append(f"{where}: new required parameter: {key[1]} ({key[0]})")
            if new_op.get("requestBody", {}).get("required") and not old_op.get("requestBody"):
                found.append(f"{where}: request body now required")
            old_body, new_body = _request_schema(old_op), _request_schema(new_op)
            for name in set(new_body.get("required", [])) - set(old_body.get("required", [])):
                found.append(f"{where}: new required request field: {name}")
    old_schemas = old.get("components", {}).get("schemas", {})
    new_schemas = new.get("components", {}).get("schemas", {})
    for name, old_schema in old_schemas.items():
        new_schema = new_schemas.get(name)
        if new_schema is None:
            found.append(f"schema removed: {name}")
            continue
        new_properties = new_schema.get("properties", {})
        for field, old_field in old_schema.get("properties", {}).items():
            if field not in new_properties:
                found.append(f"{name}.{field}: field removed")
            elif _type_of(old_field) != _type_of(new_properties[field]):
                found.append(f"{name}.{field}: type changed")
        removed_values = set(old_schema.get("enum", [])) - set(new_schema.get("enum", []))
        if removed_values:
            found.append(f"{name}: enum values removed: {sorted(removed_values)}")
    return found


def main(argv: list[str] | None = None) -> int:
    """Command line: `write` (with the breaking-change check) or `check`."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("command", choices=["write", "check"])
    parser.add_argument("--accept-breaking", action="store_true")
    args = parser.parse_args(argv)
    schema = current_schema()
    committed = json.loads(SNAPSHOT.read_text(encoding="utf-8")) if SNAPSHOT.exists() else None
    if args.command == "check":
        if committed != json.loads(render(schema)):
            print(f"{SNAPSHOT} is stale: run `make openapi`", file=sys.stderr)
            return 1
        return 0
    breaking = breaking_changes(committed, schema) if committed else []
    if breaking and not args.accept_breaking:
        print("Breaking changes to the API contract:", *breaking, sep="\n- ", file=sys.stderr)
        print("Make them on purpose: `make openapi ACCEPT_BREAKING=1`.", file=sys.stderr)
        return 1
    SNAPSHOT.parent.mkdir(exist_ok=True)
    SNAPSHOT.write_text(render(schema), encoding="utf-8")
    print(
        f"wrote {SNAPSHOT}" + (f" ({len(breaking)} breaking changes accepted)" if breaking else "")
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
