"""The web explorer: human pages served beside the API, for people who do not write code.

`/`, `/search`, `/sessions/{number}`, `/states/{iso3}`, `/reviews/{review_id}` and
`/recommendations/{id}` mirror the API's URLs without `/v1`; each page links to its JSON twin.
Pages are rendered on the server (Jinja2) from the API's query functions, work without
JavaScript, and load nothing from another host: their stylesheet, script and icon are this
package's `static/` files, served under `/static/web`.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from app.web.cache import STATE_KEY, PageCache
from app.web.rendering import HERE, STATIC_PATH
from app.web.routes import router

__all__ = ["install_web", "router"]


def install_web(app: FastAPI) -> None:
    """Add the pages (left out of the OpenAPI document) and their static files to `app`."""
    app.include_router(router)
    budget = (app.state.settings.response_cache_mb << 20) // 4
    setattr(app.state, STATE_KEY, PageCache(budget))
    app.mount(STATIC_PATH, StaticFiles(directory=HERE / "static"), name="web-static")
