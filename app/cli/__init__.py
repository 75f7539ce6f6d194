"""The `upr` command: serve the API, migrate and seed the database, import, link, manage keys.

Each group of commands is a module of its own: `server` (`upr serve`), `database` (`upr db`),
`imports` (`upr import`), `states` (`upr states`), `keys` (`upr keys`), `checks`
(`upr check`) and `recompute` (`upr classify`, `upr link`); `common` holds what they share,
among it the unit of work every command's write runs in.
"""

from __future__ import annotations

import logging

import typer

from app.cli import checks, database, imports, keys, recompute, server, states

cli = typer.Typer(
    help="UPR API: serve and manage the Universal Periodic Review database.", no_args_is_help=True
)
cli.command()(server.serve)
cli.command("classify")(recompute.classify_stored)
cli.command("link")(recompute.link)
cli.add_typer(database.db_cli, name="db")
cli.add_typer(imports.import_cli, name="import")
cli.add_typer(states.states_cli, name="states")
cli.add_typer(keys.keys_cli, name="keys")
cli.add_typer(checks.check_cli, name="check")


def main() -> None:
    """Entry point of the `upr` script."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair notes are not our errors
    cli()
