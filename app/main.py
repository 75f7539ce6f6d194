"""The FastAPI application: routers, middleware and error handlers."""

from fastapi import FastAPI
from fastapi.routing import APIRoute

from app import __version__
from app.health.routes import router as health_router
from app.kit.docs import install_offline_docs
from app.kit.problems import install_problem_handlers
from app.recommendations.routes import router as recommendations_router
from app.reviews.routes import router as reviews_router
from app.sessions.routes import cycles_router
from app.sessions.routes import router as sessions_router
from app.states.routes import router as states_router
from app.taxonomy.routes import router as taxonomy_router

DESCRIPTION = """
Open data on the United Nations **Universal Periodic Review** (UPR): cycles, Working Group
sessions, states, reviews, their official documents and every recommendation with the
position the state under review took on it.

Data come from the official UN documents (Working Group reports `A/HRC/…`, their addenda and
OHCHR's thematic lists of recommendations). Errors are RFC 9457 problem details.
"""

TAGS = [
    {"name": "states", "description": "UN member and observer states and their other names."},
    {"name": "cycles", "description": "UPR cycles (every state is reviewed once per cycle)."},
    {"name": "sessions", "description": "Working Group sessions and the reviews held in them."},
    {"name": "reviews", "description": "One state's review in one session."},
    {"name": "recommendations", "description": "Recommendations and the positions taken on them."},
    {"name": "taxonomies", "description": "Themes, affected groups and SDGs."},
    {"name": "health", "description": "Liveness and readiness probes."},
]


def _operation_id(route: APIRoute) -> str:
    return route.name


def create_app() -> FastAPI:
    """Build the application."""
    app = FastAPI(
        title="UPR API",
        version=__version__,
        description=DESCRIPTION,
        openapi_tags=TAGS,
        license_info={"name": "MIT", "identifier": "MIT"},
        generate_unique_id_function=_operation_id,
        docs_url=None,
        redoc_url=None,
    )
    install_problem_handlers(app)
    install_offline_docs(app)
    for router in (
        states_router,
        cycles_router,
        sessions_router,
        reviews_router,
        recommendations_router,
        taxonomy_router,
        health_router,
    ):
        app.include_router(router)
    return app


app = create_app()
