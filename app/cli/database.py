"""`upr db`: the schema's migrations and the bundled reference data."""

from __future__ import annotations

import typer

from app.cli.common import writing
from app.config import get_settings

db_cli = typer.Typer(help="Database schema and reference data.", no_args_is_help=True)


@db_cli.command("upgrade")
def db_upgrade(revision: str = typer.Argument("head", help="Target revision.")) -> None:
    """Apply the schema migrations (one process at a time on PostgreSQL)."""
    from app.migrate import exclusive, upgrade

    url = get_settings().database_url
    with exclusive(url):
        upgrade(url, revision)
    typer.echo(f"database migrated to {revision}")


@db_cli.command("seed")
def db_seed() -> None:
    """Load the bundled reference data (idempotent; one process at a time on PostgreSQL)."""
    from app.migrate import exclusive
    from app.reference import seed

    with exclusive(get_settings().database_url), writing() as work:
        report = seed(work)
    typer.echo(f"reference data: {report.added} added, {report.changed} changed")
