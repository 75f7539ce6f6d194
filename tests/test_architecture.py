"""The house rules that keep the structure easy to see, checked on the source and the app."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app"
# Packages of the low layers that every domain may import: tables, shared API shapes, the kit.
LOW_LAYERS = {"models", "kit", "schemas", "db", "vocab", "config", "versioning", "reference"}


def _other_domain(parts: list[str], domain: str) -> bool:
    """Whether a dotted import names a domain package other than `domain`."""
    if len(parts) < 2 or parts[0] != "app" or parts[1] in LOW_LAYERS or parts[1] == domain:
        return False
    return (APP / parts[1]).is_dir()


def _domain_imports() -> dict[str, set[tuple[str, str]]]:
    """Domain package -> the (domain, module) pairs of other domains that it imports."""
    imports: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for path in APP.glob("*/**/*.py"):
        domain = path.relative_to(APP).parts[0]
        if domain in LOW_LAYERS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                parts = name.split(".")
                if _other_domain(parts, domain):
                    imports[domain].add((parts[1], parts[2] if len(parts) > 2 else ""))
    return imports


def test_no_domain_imports_another_domains_routes_or_schemas() -> None:
    found = sorted(
        (domain, f"app.{other}.{module}")
        for domain, targets in _domain_imports().items()
        for other, module in targets
        if module in ("routes", "schemas")
    )
    assert found == []


def test_domains_import_each_other_in_one_direction() -> None:
    graph = {
        domain: {other for other, _ in targets} for domain, targets in _domain_imports().items()
    }
    # peel off the domains that import no remaining domain; what is left lies on a cycle
    remaining = set(graph) | {other for targets in graph.values() for other in targets}
    while True:
        leaves = {domain for domain in remaining if not graph.get(domain, set()) & remaining}
        if not leaves:
            break
        remaining -= leaves
    assert remaining == set(), {domain: sorted(graph[domain] & remaining) for domain in remaining}


MAX_MODULE_LINES = 400


def _code_lines(path: Path) -> int:
    """Lines of a module that are neither blank nor only a comment."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return sum(1 for line in lines if line.strip() and not line.lstrip().startswith("#"))


def test_no_module_of_the_app_is_over_the_size_limit() -> None:
    sizes = {str(path.relative_to(ROOT)): _code_lines(path) for path in APP.rglob("*.py")}
    assert len(sizes) > 100 and max(sizes.values()) > 200  # the count reads real modules
    assert {path: size for path, size in sizes.items() if size > MAX_MODULE_LINES} == {}


def test_the_app_ships_no_data_generator() -> None:
    """Generated test data (random states, texts, UHRI files) lives in tests/support and
    bench/, not in the package that is installed and put in the image."""
    generators = [
        str(path.relative_to(ROOT))
        for path in APP.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Import | ast.ImportFrom)
        and any(
            (alias.name if isinstance(node, ast.Import) else node.module or "") == "random"
            for alias in node.names
        )
    ]
    assert generators == []
    assert (ROOT / "tests" / "support" / "uhri_generator.py").exists()


# A filter added to the registry before the app is built: the script appends one, then serves
# a list, facets, stats and the export with it and reads the OpenAPI document.
_NEW_FILTER = """
import json, sys
from typing import Annotated
from fastapi import Query
from sqlmodel import col
from app.recommendations import filters

extra = filters.Filter(
    "paragraph_minor",
    Annotated[list[int] | None, Query(description="Number within the report's paragraph.")],
    lambda c, a: col(filters.R.paragraph_minor).in_(a[""]),
)
filters.FILTERS = (*filters.FILTERS, extra)
filters._BY_NAME[extra.name] = extra  # what `RecommendationFilters` reads

from fastapi.testclient import TestClient
from app.main import create_app

with TestClient(create_app()) as client:  # the lifespan sets up the export's limiter
    paths = ["/v1/recommendations", "/v1/recommendations/facets", "/v1/stats/recommendations",
             "/v1/recommendations/export", "/v1/tracking/export", "/v1/states/{iso3}/progress"]
    document = client.get("/openapi.json").json()
    declared = {path: [p["name"] for p in document["paths"][path]["get"]["parameters"]]
                for path in paths}
    query = "review=48-SVN&paragraph_minor=1&paragraph_minor=2&paragraph_minor=3"
    listed = client.get(f"/v1/recommendations?{query}&limit=500&count=exact").json()
    everything = client.get("/v1/recommendations?review=48-SVN&limit=1&count=exact").json()
    facets = client.get(f"/v1/recommendations/facets?{query}&facet=position").json()
    stats = client.get(f"/v1/stats/recommendations?{query}&group_by=position").json()
    exported = client.get(f"/v1/recommendations/export?{query}&format=ndjson").text.splitlines()
json.dump({
    "declared": declared,
    "minors": sorted(int(item["paragraph"].split(".")[1]) for item in listed["items"]),
    "total": listed["total"],
    "everything": everything["total"],
    "facets": facets["total"],
    "stats": stats["total"]["count"],
    "exported": len(exported),
}, sys.stdout)
"""


def test_a_filter_declared_once_reaches_every_endpoint_and_the_openapi_document(
    database_url: str,
) -> None:
    env = {**os.environ, "UPR_DATABASE_URL": database_url}
    run = subprocess.run(
        [sys.executable, "-c", _NEW_FILTER], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    for path, names in result["declared"].items():
        assert "paragraph_minor" in names, path
    assert result["minors"] == [1, 2, 3] and result["total"] == 3 < result["everything"]
    assert result["facets"] == result["stats"] == result["exported"] == result["total"]
