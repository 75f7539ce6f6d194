"""The `upr` command: serve the API, migrate and seed the database."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer
from sqlmodel import Session

from app.config import get_settings
from app.importers.documents import DocumentSpec, bundled_datasets, bundled_documents
from app.vocab import DocumentKind

if TYPE_CHECKING:
    from app.importers.loading import ImportReport

cli = typer.Typer(
    help="UPR API: serve and manage the Universal Periodic Review database.", no_args_is_help=True
)
db_cli = typer.Typer(help="Database schema and reference data.", no_args_is_help=True)
import_cli = typer.Typer(
    help="Import official UPR documents (all through one loader; --dry-run writes nothing).",
    no_args_is_help=True,
)
states_cli = typer.Typer(help="States and the names they appear under.", no_args_is_help=True)
cli.add_typer(db_cli, name="db")
cli.add_typer(import_cli, name="import")
cli.add_typer(states_cli, name="states")
keys_cli = typer.Typer(help="API keys for writes (and private reads).", no_args_is_help=True)
cli.add_typer(keys_cli, name="keys")
check_cli = typer.Typer(
    help="Compare the loaded data with outside sources (writes nothing).", no_args_is_help=True
)
cli.add_typer(check_cli, name="check")

DRY_RUN = typer.Option(False, "--dry-run", help="Parse and check, print the report, write nothing.")
REPORT_JSON = typer.Option(
    None, "--report-json", help="Also write the report as JSON to this file."
)
SESSION = typer.Option(None, "--session", min=1, max=999, help="Working Group session number.")
STATE = typer.Option(None, "--state", help="State under review: ISO3 code or any of its names.")


@cli.command()
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
    from app.db import get_engine
    from app.migrate import exclusive
    from app.reference import seed

    with exclusive(get_settings().database_url), Session(get_engine()) as db:
        report = seed(db)
    typer.echo(f"reference data: {report.added} added, {report.changed} changed")


def _fail(message: str) -> NoReturn:
    typer.echo(message, err=True)
    raise typer.Exit(1)


def _import(specs: list[DocumentSpec], dry_run: bool, report_json: Path | None) -> None:
    """Import documents (see `_import_documents`) and print their reports."""
    _print_reports(_import_documents(specs, dry_run), report_json)


def _import_documents(specs: list[DocumentSpec], dry_run: bool) -> list[ImportReport]:
    """Parse and load documents one by one, each in its own transaction; stop at the first error.

    A state given as an ISO3 code is read as that state's name first, as the API does.
    """
    from sqlalchemy.exc import OperationalError

    from app.db import get_engine
    from app.importers.documents import parse_document, with_state_name
    from app.importers.loading import ImportFailed, load_document
    from app.importers.records import ParseError

    reports = []
    for spec in specs:
        try:
            with Session(get_engine()) as db:
                document = parse_document(with_state_name(db, spec))
                report = load_document(db, document, dry_run=dry_run)
        except (ParseError, ImportFailed, ValueError) as error:
            _fail(f"error: {error}")
        except OperationalError as error:
            _fail(
                f"error: {spec.path}: the database refused the import, nothing was written "
                f"({error.orig}); if another import is running, try again when it ends"
            )
        reports.append(report)
    return reports


SHOWN_LINES = 50  # per report; --report-json keeps every line


def _print_reports(reports: list[ImportReport], report_json: Path | None) -> None:
    for report in reports:
        typer.echo(report.summary())
        lines = report.disagreements + report.warnings
        for line in lines[:SHOWN_LINES]:
            typer.echo(f"  - {line}")
        if len(lines) > SHOWN_LINES:
            typer.echo(f"  … and {len(lines) - SHOWN_LINES} more (all of them with --report-json)")
    if report_json:
        report_json.write_text(json.dumps([asdict(r) for r in reports], indent=2, default=str))


@import_cli.command("report")
def import_report(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="Working Group report PDF."),
    dry_run: bool = DRY_RUN,
    report_json: Path | None = REPORT_JSON,
) -> None:
    """Import a Working Group report (A/HRC/…): review facts and recommendations."""
    _import([DocumentSpec(file, DocumentKind.working_group_report)], dry_run, report_json)


@import_cli.command("addendum")
def import_addendum(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="Addendum PDF (…/Add.1)."),
    session: int | None = SESSION,
    state: str | None = STATE,
    dry_run: bool = DRY_RUN,
    report_json: Path | None = REPORT_JSON,
) -> None:
    """Import an addendum: the state's positions on recommendations already loaded."""
    _import([DocumentSpec(file, DocumentKind.addendum, session, state)], dry_run, report_json)


@import_cli.command("thematic-list")
def import_thematic_list(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="OHCHR thematic list DOCX."),
    session: int | None = typer.Option(
        None,
        "--session",
        min=1,
        max=999,
        help="Working Group session (default: read from the page header or position sources).",
    ),
    state: str | None = typer.Option(
        None,
        "--state",
        help="State under review: ISO3 code or name (default: read from the page header).",
    ),
    dry_run: bool = DRY_RUN,
    report_json: Path | None = REPORT_JSON,
) -> None:
    """Import an OHCHR thematic list of recommendations (positions, themes, groups, SDGs).

    The list's page header names its review; --session and --state override it.
    """
    _import([DocumentSpec(file, DocumentKind.thematic_list, session, state)], dry_run, report_json)


@import_cli.command("uhri")
def import_uhri(
    file: Path = typer.Argument(..., exists=True, dir_okay=False, help="UHRI export JSON."),
    batch_size: int = typer.Option(5000, min=1, help="Records per transaction."),
    restart: bool = typer.Option(False, help="Ignore a checkpoint left by an interrupted run."),
    link: bool = typer.Option(
        True, help="Link changed states across cycles afterwards (else run `upr link` later)."
    ),
    dry_run: bool = DRY_RUN,
    report_json: Path | None = REPORT_JSON,
) -> None:
    """Import the UPR recommendations of OHCHR's UHRI bulk export (streamed, resumable)."""
    import sys

    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from app.db import get_engine
    from app.importers.loading import ImportFailed
    from app.importers.loading.uhri import load_uhri
    from app.importers.records import ParseError

    def run(progress: Callable[[int], None]) -> ImportReport:
        try:
            return load_uhri(
                lambda: Session(get_engine()),
                file,
                batch_size=batch_size,
                restart=restart,
                dry_run=dry_run,
                link=link,
                progress=progress,
            )
        except (ParseError, ImportFailed) as error:
            _fail(f"error: {error}")

    if sys.stderr.isatty():
        columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
        with Progress(*columns, transient=True) as bar:
            task = bar.add_task("reading", total=None)
            report = run(lambda n: bar.update(task, description=f"{n:,} records"))
    else:
        report = run(lambda n: typer.echo(f"  {n:,} records", err=True))
    _print_reports([report], report_json)


def _state_code(state: str | None) -> str | None:
    """The ISO3 code of a state given by code or by any of its names (as typed, if unknown)."""
    if state is None:
        return None
    from app.db import get_engine
    from app.states.queries import fold_name, name_index

    with Session(get_engine()) as db:
        return name_index(db).get(fold_name(state)) or state.strip().upper()


def _import_datasets(
    kind: str, files: list[Path], dry_run: bool, state: str | None, link: bool
) -> list[ImportReport]:
    """Import dataset exports of one kind (`sdg-explorer`, `upr-info`) one by one, each in one
    transaction, then link the states whose reviews changed, once after the last file."""
    from app.db import get_engine
    from app.importers.loading import ImportFailed
    from app.importers.loading.explorer import load_explorer
    from app.importers.loading.upr_info import load_upr_info
    from app.importers.records import ParseError
    from app.linking.service import link_pending

    load = {"sdg-explorer": load_explorer, "upr-info": load_upr_info}[kind]
    only_state = _state_code(state)
    reports = []
    for file in files:
        try:
            reports.append(
                load(
                    lambda: Session(get_engine()),
                    file,
                    dry_run=dry_run,
                    only_state=only_state,
                    link=False,  # once, after the last file
                )
            )
        except (ParseError, ImportFailed) as error:
            _fail(f"error: {error}")
    if link and not dry_run and any(report.added or report.changed for report in reports):
        link_pending(lambda: Session(get_engine()))
    return reports


@import_cli.command("sdg-explorer")
def import_sdg_explorer(
    files: list[Path] = typer.Argument(
        ..., exists=True, dir_okay=False, help="SDG–HR Data Explorer exports (XLSX)."
    ),
    state: str | None = STATE,
    link: bool = typer.Option(
        True, help="Link changed states across cycles afterwards (else run `upr link` later)."
    ),
    dry_run: bool = DRY_RUN,
    report_json: Path | None = REPORT_JSON,
) -> None:
    """Import the Danish Institute for Human Rights' SDG–Human Rights Data Explorer exports:
    each row's recommendation, position, recommending state, SDG targets and affected groups,
    merged with what official documents gave (which outrank it)."""
    _print_reports(_import_datasets("sdg-explorer", files, dry_run, state, link), report_json)


@import_cli.command("upr-info")
def import_upr_info(
    files: list[Path] = typer.Argument(
        ...,
        exists=True,
        dir_okay=False,
        help="UPR Info database exports (CSV), recommendations or voluntary pledges.",
    ),
    state: str | None = STATE,
    link: bool = typer.Option(
        True, help="Link changed states across cycles afterwards (else run `upr link` later)."
    ),
    dry_run: bool = DRY_RUN,
    report_json: Path | None = REPORT_JSON,
) -> None:
    """Import UPR Info's database export: recommendations matched by text to those loaded (a
    second source of them), with UPR Info's action category and issues; the rest added with
    paragraph-less ids; voluntary pledges as pledges. Each file in one transaction."""
    _print_reports(_import_datasets("upr-info", files, dry_run, state, link), report_json)


@import_cli.command("bundled")
def import_bundled(dry_run: bool = DRY_RUN, report_json: Path | None = REPORT_JSON) -> None:
    """Import the official documents bundled in data/documents, then the bundled datasets
    (idempotent)."""
    reports = _import_documents(bundled_documents(), dry_run)
    reports += _import_datasets("sdg-explorer", bundled_datasets(), dry_run, None, link=True)
    _print_reports(reports, report_json)


@states_cli.command("alias")
def add_alias(
    name: str = typer.Argument(..., help="The other name, as written in a document."),
    iso3: str = typer.Argument(..., help="ISO3 code of the state it names."),
) -> None:
    """Add another name under which a state appears in UN documents."""
    from app.db import get_engine
    from app.states.queries import AliasConflict, InvalidAlias
    from app.states.queries import add_alias as add

    with Session(get_engine()) as db:
        try:
            alias = add(db, name, iso3.upper())
        except (AliasConflict, InvalidAlias) as error:
            _fail(f"error: {error}")
    typer.echo(f"{alias.alias!r} now resolves to {alias.iso3}")


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
    from app.db import get_engine

    with Session(get_engine()) as db:
        try:
            new = create_key(db, name, scope)
        except ValueError as error:
            _fail(f"error: {error}")
    typer.echo(f"key {new.key.prefix} ({new.key.name}; scopes: {new.key.scopes}) created.")
    typer.echo("Its token is shown only now; send it as `Authorization: Bearer <token>`:")
    typer.echo(new.token)


@keys_cli.command("list")
def keys_list() -> None:
    """List the API keys (prefix, name, scopes, created, revoked); never their tokens."""
    from app.auth.keys import list_keys
    from app.db import get_engine

    with Session(get_engine()) as db:
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
    from app.db import get_engine

    with Session(get_engine()) as db:
        key = revoke_key(db, prefix.lower())
    if key is None:
        _fail(f"error: no API key with prefix {prefix!r}")
    typer.echo(f"key {key.prefix} ({key.name}) revoked")


@check_cli.command("sdg-explorer")
def check_sdg_explorer(
    files: list[Path] = typer.Argument(
        ..., exists=True, dir_okay=False, help="SDG–HR Data Explorer exports (XLSX)."
    ),
    markdown: Path | None = typer.Option(
        None, "--markdown", help="Also write the comparison as a Markdown document."
    ),
) -> None:
    """Compare each loaded Working Group report's recommendations with an SDG–HR Data Explorer
    export: paragraph ids (recall, precision), positions, and every difference."""
    from app.checks.sdg_explorer import compare, render_markdown, render_text
    from app.db import get_engine
    from app.importers.parsing.sdg_explorer import ExplorerFormatError

    with Session(get_engine()) as db:
        try:
            report = compare(db, files)
        except ExplorerFormatError as error:
            _fail(f"error: {error}")
    typer.echo(render_text(report), nl=False)
    if markdown:
        markdown.write_text(render_markdown(report), encoding="utf-8")


@check_cli.command("datasets")
def check_datasets(
    files: list[Path] = typer.Argument(
        ...,
        exists=True,
        dir_okay=False,
        help="SDG–HR Data Explorer exports (.xlsx) and UPR Info exports (.csv).",
    ),
    markdown: Path | None = typer.Option(
        None, "--markdown", help="Also write the comparison as a Markdown document."
    ),
) -> None:
    """Compare the two datasets with each other and each with the official documents loaded,
    per cycle: recommendations matched, positions and recommending states that agree, and every
    kind of disagreement with examples (writes nothing)."""
    from app.checks.datasets import compare_datasets, render_markdown, render_text
    from app.db import get_engine
    from app.importers.records import ParseError

    explorer = [file for file in files if file.suffix.lower() == ".xlsx"]
    upr_info = [file for file in files if file.suffix.lower() != ".xlsx"]
    with Session(get_engine()) as db:
        try:
            result = compare_datasets(db, explorer, upr_info)
        except ParseError as error:
            _fail(f"error: {error}")
    typer.echo(render_text(result), nl=False)
    if markdown:
        markdown.write_text(render_markdown(result), encoding="utf-8")


@cli.command("classify")
def classify_stored() -> None:
    """Compute the action category of every recommendation whose stored one is missing or was
    computed by an older method (imports compute it as they write)."""
    from app.classification.stored import refresh
    from app.db import get_engine
    from app.versioning import bump

    with Session(get_engine()) as db:
        count = refresh(db)
        if count:
            bump(db)
        db.commit()
    typer.echo(f"action categories computed: {count}")


@cli.command("link")
def link(
    review: str | None = typer.Option(
        None, "--review", help="A review id such as 48-SVN: relink its state's recommendations."
    ),
    every: bool = typer.Option(False, "--all", help="Relink every state's recommendations."),
) -> None:
    """(Re)compute cross-cycle links and new/repeated classes (pending reviews by default).

    Linking works per state under review: --review relinks every review of that state.
    """
    import re

    from app.db import get_engine
    from app.linking.service import all_states, link_pending, link_states, states_of

    def new_session() -> Session:
        return Session(get_engine())

    if review and every:
        _fail("error: give --review or --all, not both")
    if review is not None and not re.fullmatch(r"[0-9]{1,3}-[A-Za-z]{3}", review):
        _fail(f"error: {review!r} is not a review id such as 48-SVN")
    if review is None and not every:
        summary = link_pending(new_session)
    else:
        with new_session() as db:
            states = all_states(db) if every else states_of(db, [review.upper()])  # type: ignore[union-attr]
        if review and not states:
            _fail(f"error: no review {review.upper()!r} is loaded")
        summary = link_states(new_session, states)
    typer.echo(summary.line())


def main() -> None:
    """Entry point of the `upr` script."""
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its repair notes are not our errors
    cli()


if __name__ == "__main__":
    main()
