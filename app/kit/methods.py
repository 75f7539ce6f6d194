"""HTTP methods beyond each route's own: `HEAD` on every `GET`, and the `Allow` header of a 405.

FastAPI routes answer only the methods they declare, and a 405 names the methods of the first
route whose path matched. Here `HEAD` is a `GET` whose body is not sent, and `Allow` lists every
method of every route that matches the path.
"""

from __future__ import annotations

from collections.abc import Sequence
from http import HTTPMethod

from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send


def allowed_methods(scope: Scope, routes: Sequence[BaseRoute]) -> str:
    """The `Allow` value of the request's path: every method some route fully matches it with
    (with `HEAD` wherever there is `GET`), in alphabetical order."""
    methods = {
        method.value
        for method in HTTPMethod
        if any(
            route.matches({**scope, "method": method.value})[0] is Match.FULL for route in routes
        )
    }
    if "GET" in methods:
        methods.add("HEAD")
    return ", ".join(sorted(methods))


class HeadMiddleware:
    """Answers `HEAD` as the `GET` of the same URL would be answered, headers and status alike
    (`Content-Length` included), without the body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b""}
            await send(message)

        as_get = {**scope, "method": "GET"}
        try:
            await self.app(as_get, receive, send_headers_only)
        finally:
            if "route" in as_get:  # for the access log and the metrics outside
                scope["route"] = as_get["route"]
