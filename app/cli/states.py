"""`upr states`: the names under which states appear in UN documents."""

from __future__ import annotations

import typer

from app.cli.common import fail, writing

states_cli = typer.Typer(help="States and the names they appear under.", no_args_is_help=True)


@states_cli.command("alias")
def add_alias(
    name: str = typer.Argument(..., help="The other name, as written in a document."),
    iso3: str = typer.Argument(..., help="ISO3 code of the state it names."),
) -> None:
    """Add another name under which a state appears in UN documents."""
    from app.states.queries import AliasConflict, InvalidAlias
    from app.states.queries import add_alias as add

    try:
        with writing() as work:
            alias, _ = add(work, name, iso3.upper())
            shown = (alias.alias, alias.iso3)
    except (AliasConflict, InvalidAlias) as error:
        fail(f"error: {error}")
    typer.echo(f"{shown[0]!r} now resolves to {shown[1]}")
