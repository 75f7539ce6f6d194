"""The FastAPI application: routers, middleware and error handlers."""

from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from anyio import to_thread
from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.routing import APIRoute

from app import __version__
from app.auth.deps import require_read
from app.config import Settings, get_settings
from app.health.routes import router as health_router
from app.importers.routes import router as imports_router
from app.kit.caching import CacheHeadersMiddleware, conditional_get, install_caching
from app.kit.docs import install_offline_docs
from app.kit.methods import HeadMiddleware
from app.kit.metrics import pool_metrics_hook
from app.kit.metrics import router as metrics_router
from app.kit.middleware import BodyLimitMiddleware, RequestContextMiddleware
from app.kit.problems import install_problem_handlers, problem_responses
from app.kit.streaming import stream_limiter
from app.linking.routes import router as linking_router
from app.recommendations.routes import router as recommendations_router
from app.reviews.routes import router as reviews_router
from app.reviews.routes import sessions_router as session_reviews_router
from app.reviews.routes import states_router as state_reviews_router
from app.sessions.routes import cycles_router
from app.sessions.routes import router as sessions_router
from app.states.routes import router as states_router
from app.stats.routes import facets_router, summaries_router
from app.stats.routes import router as stats_router
from app.taxonomy.routes import router as taxonomy_router
from app.tracking.routes import router as tracking_router
from app.web import install_web

DESCRIPTION = """
Open data on the United Nations **Universal Periodic Review** (UPR): cycles, Working Group
sessions, states, reviews, their official documents and every recommendation with the
position the state under review took on it, plus implementation tracking and links between
recommendations repeated across cycles.

**Sources.** Recommendations are read from the official UN documents: the reports of the
Working Group on the UPR (e.g. `A/HRC/14/15`, `A/HRC/28/15`, `A/HRC/59/15` for Slovenia's
reviews at the 7th, 20th and 48th sessions), their addenda with the state's positions
(`A/HRC/14/15/Add.1`, `A/HRC/28/15/Add.1`, `A/HRC/59/15/Add.1`), OHCHR's thematic lists of
recommendations, and OHCHR's Universal Human Rights Index bulk export. Reference data (195
states, UN regional groups, sessions, reported totals such as Kazakhstan's 294 / 259 / 35 at
the 48th session) cite their sources in the project's `data/reference/README.md`.

**Conventions.** Natural ids (`KAZ`, `48`, `48-KAZ`, `48-SVN-140.7`); lists are keyset pages
(`next_cursor`, `Link: rel="next"`); reads carry a strong `ETag` (send `If-None-Match` for a
304), and a repeated read is answered from a response cache until the data change
(`Cache-Control: no-cache` asks for a fresh one); every error is an RFC 9457
`application/problem+json` document.
"""
CONTACT = {"name": "UPR API maintainers", "url": "https://github.com/upr-api/upr-api"}

TAGS = [
    {"name": "states", "description": "UN member and observer states and their other names."},
    {"name": "cycles", "description": "UPR cycles (every state is reviewed once per cycle)."},
    {"name": "sessions", "description": "Working Group sessions and the reviews held in them."},
    {"name": "reviews", "description": "One state's review in one session."},
    {"name": "recommendations", "description": "Recommendations and the positions taken on them."},
    {"name": "taxonomies", "description": "Themes, affected groups and SDGs."},
    {"name": "stats", "description": "Recommendations counted by one or two dimensions."},
    {"name": "imports", "description": "Upload official documents to import (API key)."},
    {
        "name": "tracking",
        "description": "Implementation of recommendations as assessed by governments, NHRIs, "
        "civil society and the UN: append-only histories, progress, CSV (API key to write).",
    },
    {"name": "health", "description": "Liveness and readiness probes."},
]


def _operation_id(route: APIRoute) -> str:
    return route.name


def _lifespan(settings: Settings) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # The thread pools of this worker's event loop: sync endpoints and dependencies, and
        # streamed exports (app.kit.streaming).
        to_thread.current_default_thread_limiter().total_tokens = settings.threads
        app.state.stream_limiter = stream_limiter(settings.threads)
        yield

    return lifespan


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the application (with the process's settings unless others are given)."""
    settings = settings or get_settings()
    app_dependencies = [Depends(require_read)] if settings.read_requires_key else []
    app = FastAPI(
        lifespan=_lifespan(settings),
        dependencies=[*app_dependencies, Depends(conditional_get)],
        title="UPR API",
        version=__version__,
        description=DESCRIPTION,
        openapi_tags=TAGS,
        license_info={"name": "MIT", "identifier": "MIT"},
        contact=CONTACT,
        servers=[{"url": url} for url in settings.public_urls] or None,
        responses=problem_responses(500),
        generate_unique_id_function=_operation_id,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    install_problem_handlers(app)
    install_offline_docs(app)
    install_caching(app, settings.version_ttl, settings.response_cache_mb << 20)
    _install_middleware(app, settings)
    for router in (
        states_router,
        state_reviews_router,
        cycles_router,
        sessions_router,
        session_reviews_router,
        reviews_router,
        facets_router,  # before the recommendations': "facets" is no recommendation id
        recommendations_router,
        linking_router,
        tracking_router,
        summaries_router,
        stats_router,
        taxonomy_router,
        imports_router,
    ):
        app.include_router(router, responses=problem_responses(503))  # database unreachable
    app.include_router(health_router)
    app.include_router(metrics_router)
    install_web(app)  # the human pages and their static files, outside the OpenAPI document
    return app


def _install_middleware(app: FastAPI, settings: Settings) -> None:
    """Middleware, innermost first: gzip, caching headers, body limit, CORS, `HEAD` as `GET`,
    then request id, logs, metrics and security headers outermost. All plain ASGI: streams
    stay streams."""
    app.add_middleware(GZipMiddleware, minimum_size=settings.gzip_min_bytes, compresslevel=6)
    app.add_middleware(CacheHeadersMiddleware)
    app.add_middleware(
        BodyLimitMiddleware,
        max_body=settings.max_body_bytes,
        max_upload=settings.max_upload_bytes,
        upload_paths=("/v1/imports",),
    )
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "HEAD", "POST", "PATCH", "DELETE"],
            allow_headers=[
                "Authorization",
                "Cache-Control",
                "Content-Type",
                "If-None-Match",
                "X-Request-ID",
            ],
            expose_headers=["ETag", "Link", "X-Request-ID", "Retry-After"],
            max_age=600,
        )
    app.add_middleware(HeadMiddleware)
    app.add_middleware(RequestContextMiddleware, pool_metrics=pool_metrics_hook())


app = create_app()
