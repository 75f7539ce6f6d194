"""The `upr` command: serve the API, migrate and seed the database."""

from __future__ import annotations

import typer
from sqlmodel import Session

from app.config import get_settings

cli = typer.Typer(
    help="UPR API: serve and manage the Universal Periodic Review database.", no_args_is_help=True
)
db_cli = typer.Typer(help="Database schema and reference data.", no_args_is_help=True)
cli.add_typer(db_cli, name="db")


@cli.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int = typer.Option(1, min=1, help="Worker processes."),
    reload: bool = typer.Option(False, help="Restart on code changes (development)."),
) -> None:
    """Serve the HTTP API with uvicorn."""
    import uvicorn

    uvicorn.run(
        "app.main:app",
        host=host,
        port=port,
        workers=workers,
        reload=reload,
        proxy_headers=True,
        timeout_graceful_shutdown=20,
    )


@db_cli.command("upgrade")
def db_upgrade(revision: str = typer.Argument("head", help="Target revision.")) -> None:
    """Apply the schema migrations."""
    from app.migrate import upgrade

    upgrade(get_settings().database_url, revision)
    typer.echo(f"database migrated to {revision}")


@db_cli.command("seed")
def db_seed() -> None:
    """Load the bundled reference data (idempotent)."""
    from app.db import get_engine
    from app.reference import seed

    with Session(get_engine()) as db:
        report = seed(db)
    typer.echo(f"reference data: {report.added} added, {report.changed} changed")


def main() -> None:
    """Entry point of the `upr` script."""
    cli()
