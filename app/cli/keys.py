"""`upr keys`: API keys, made, listed and revoked."""

from __future__ import annotations

import typer

from app.cli.common import fail, new_session, writing

keys_cli = typer.Typer(help="API keys for writes (and private reads).", no_args_is_help=True)


@keys_cli.command("create")
def keys_create(
    name: str = typer.Option(..., "--name", min=1, max=100, help="Who or what the key is for."),
    scope: list[str] = typer.Option(
        ...,
        "--scope",
        help="read (private reads), write (writes and reads) or tracking (implementation "
        "assessments); repeatable.",
    ),
) -> None:
    """Make an API key. Its token is printed once, here, and stored only as a hash."""
    from app.auth.keys import create_key

    try:
        with writing() as work:
            new = create_key(work.db, name, scope)
            made = f"key {new.key.prefix} ({new.key.name}; scopes: {new.key.scopes}) created."
    except ValueError as error:
        fail(f"error: {error}")
    typer.echo(made)
    typer.echo("Its token is shown only now; send it as `Authorization: Bearer <token>`:")
    typer.echo(new.token)


@keys_cli.command("list")
def keys_list() -> None:
    """List the API keys (prefix, name, scopes, created, revoked); never their tokens."""
    from app.auth.keys import list_keys

    with new_session() as db:
        keys = list_keys(db)
    if not keys:
        typer.echo("no API keys")
    for key in keys:
        revoked = f"revoked {key.revoked_at:%Y-%m-%d %H:%M}" if key.revoked_at else "active"
        created = f"{key.created_at:%Y-%m-%d %H:%M}"
        typer.echo(f"{key.prefix}  {key.name:<30}  {key.scopes:<12}  {created}  {revoked}")


@keys_cli.command("revoke")
def keys_revoke(
    prefix: str = typer.Argument(..., help="The key's prefix (see `upr keys list`)."),
) -> None:
    """Revoke an API key: it stops working at once (its audit entries stay)."""
    from app.auth.keys import revoke_key

    with writing() as work:
        key = revoke_key(work.db, prefix.lower())
        revoked = None if key is None else f"key {key.prefix} ({key.name}) revoked"
    if revoked is None:
        fail(f"error: no API key with prefix {prefix!r}")
    typer.echo(revoked)
