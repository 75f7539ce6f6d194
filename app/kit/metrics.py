"""Prometheus metrics at /metrics: requests and latencies per route template, database pool.

With several uvicorn workers, set `PROMETHEUS_MULTIPROC_DIR` to an empty directory shared by
them (the container image does): every worker then writes its samples there and a scrape of
any worker returns the sum over all of them. Without it, each process reports its own.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import Response
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    disable_created_metrics,
    generate_latest,
    multiprocess,
)
from sqlalchemy import Engine, QueuePool

from app.db import get_engine

disable_created_metrics()  # no `_created` series: they double the output for nothing
MULTIPROCESS = bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))

REQUESTS = Counter(
    "upr_http_requests",
    "HTTP requests served, by method, route template and status.",
    ["method", "route", "status"],
)
LATENCY = Histogram(
    "upr_http_request_duration_seconds",
    "Time to serve a request, by method and route template.",
    ["method", "route"],
    buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
RESPONSE_CACHE = Counter(
    "upr_response_cache_lookups",
    "Reads looked up in the response cache, by result (hit or miss).",
    ["result"],
)
POOL = Gauge(
    "upr_db_pool_connections",
    "Database connections of the pool: checked_out (in use), idle, size (configured), "
    "max_overflow (configured).",
    ["state"],
    multiprocess_mode="livesum",
)

router = APIRouter()


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    """Count one served request and its latency."""
    REQUESTS.labels(method, route, str(status)).inc()
    LATENCY.labels(method, route).observe(seconds)


def observe_pool(engine: Engine) -> None:
    """Set the pool gauges from an engine's pool (pools without a queue are skipped)."""
    pool = engine.pool
    if not isinstance(pool, QueuePool):
        return
    POOL.labels("checked_out").set(pool.checkedout())
    POOL.labels("idle").set(pool.checkedin())
    POOL.labels("size").set(pool.size())
    POOL.labels("max_overflow").set(getattr(pool, "_max_overflow", 0))


def render() -> bytes:
    """The exposition text of every metric (summed over workers in multiprocess mode)."""
    if MULTIPROCESS:
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
        return generate_latest(registry)
    return generate_latest(REGISTRY)


@router.get("/metrics", include_in_schema=False)
def metrics(engine: Annotated[Engine, Depends(get_engine)]) -> Response:
    """Prometheus exposition of this service's metrics."""
    observe_pool(engine)
    return Response(render(), media_type=CONTENT_TYPE_LATEST)


def pool_metrics_hook() -> Callable[[], None] | None:
    """In multiprocess mode, a function refreshing this worker's pool gauges after a request.

    (A scrape reaches one worker; the others' pool gauges stay current this way.)
    """
    if not MULTIPROCESS:
        return None
    return lambda: observe_pool(get_engine())
