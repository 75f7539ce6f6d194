"""`upr serve`: the HTTP API under uvicorn."""

from __future__ import annotations

import typer

from app.config import get_settings


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int | None = typer.Option(
        None, min=1, help="Worker processes [default: UPR_WORKERS, else 1]."
    ),
    reload: bool = typer.Option(False, help="Restart on code changes (development)."),
) -> None:
    """Serve the HTTP API with uvicorn: JSON logs, proxy headers, graceful shutdown on SIGTERM."""
    import os

    import uvicorn

    from app.kit.logging import logging_config

    settings = get_settings()
    if workers is not None and workers != settings.workers:
        os.environ["UPR_WORKERS"] = str(workers)  # the workers size their pools by it
    uvicorn.run(
        "app.main:app",
        host=host,
        port=port,
        workers=workers or settings.workers,
        reload=reload,
        proxy_headers=True,
        forwarded_allow_ips=settings.forwarded_allow_ips,
        timeout_graceful_shutdown=20,
        log_config=logging_config(settings.log_level),
        access_log=False,  # the app logs one JSON line per request itself
        server_header=False,
    )
