"""`upr import`: official documents and dataset exports, all through one loader."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from app.cli.common import (
    DRY_RUN,
    LINK,
    REPORT_JSON,
    SESSION,
    STATE,
    fail,
    new_session,
    print_reports,
    writing,
)
from app.importers.documents import DocumentSpec, bundled_datasets, bundled_documents
from app.vocab import DocumentKind

if TYPE_CHECKING:
    from app.importers.loading import ImportReport

import_cli = typer.Typer(
    help="Import official UPR documents (all through one loader; --dry-run writes nothing).",
    no_args_is_help=True,
)


def _import(specs: list[DocumentSpec], dry_run: bool, report_json: Path | None) -> None:
    """Import documents (see `import_documents`) and print their reports."""
    print_reports(import_documents(specs, dry_run), report_json)


def import_documents(specs: list[DocumentSpec], dry_run: bool) -> list[ImportReport]:
    """Parse and load documents one by one, each in its own unit of work; stop at the first
    error.

    A state given as an ISO3 code is read as that state's name first, as the API does.
    """
    from sqlalchemy.exc import OperationalError

    from app.importers.documents import parse_document, with_state_name
    from app.importers.loading import ImportFailed, load_document
    from app.importers.records import ParseError

    reports = []
    for spec in specs:
        try:
            with writing() as work:
                document = parse_document(with_state_name(work.db, spec))
                report = load_document(work, document, dry_run=dry_run)
        except (ParseError, ImportFailed, ValueError) as error:
            fail(f"error: {error}")
        except OperationalError as error:
            fail(
                f"error: {spec.path}: the database refused the import, nothing was written "
                f"({error.orig}); if another import is running, try again when it ends"
            )
        reports.append(report)
    return reports


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
    link: bool = LINK,
    dry_run: bool = DRY_RUN,
    report_json: Path | None = REPORT_JSON,
) -> None:
    """Import the UPR recommendations of OHCHR's UHRI bulk export (streamed, resumable)."""
    import sys

    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from app.importers.loading import ImportFailed
    from app.importers.loading.uhri import load_uhri
    from app.importers.records import ParseError

    def run(progress: Callable[[int], None]) -> ImportReport:
        try:
            return load_uhri(
                new_session,
                file,
                batch_size=batch_size,
                restart=restart,
                dry_run=dry_run,
                link=link,
                progress=progress,
            )
        except (ParseError, ImportFailed) as error:
            fail(f"error: {error}")

    if sys.stderr.isatty():
        columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
        with Progress(*columns, transient=True) as bar:
            task = bar.add_task("reading", total=None)
            report = run(lambda n: bar.update(task, description=f"{n:,} records"))
    else:
        report = run(lambda n: typer.echo(f"  {n:,} records", err=True))
    print_reports([report], report_json)


def _state_code(state: str | None) -> str | None:
    """The ISO3 code of a state given by code or by any of its names (as typed, if unknown)."""
    if state is None:
        return None
    from app.states.queries import fold_name, name_index

    with new_session() as db:
        return name_index(db).get(fold_name(state)) or state.strip().upper()


def import_datasets(
    kind: str, files: list[Path], dry_run: bool, state: str | None, link: bool
) -> list[ImportReport]:
    """Import dataset exports of one kind (`sdg-explorer`, `upr-info`) one by one, each in one
    unit of work, then link the states whose reviews changed, once after the last file."""
    from app.importers.loading import ImportFailed
    from app.importers.loading.explorer import load_explorer
    from app.importers.loading.upr_info import load_upr_info
    from app.importers.records import ParseError
    from app.linking.runs import link_pending

    load = {"sdg-explorer": load_explorer, "upr-info": load_upr_info}[kind]
    only_state = _state_code(state)
    reports = []
    for file in files:
        try:
            reports.append(
                load(
                    new_session,
                    file,
                    dry_run=dry_run,
                    only_state=only_state,
                    link=False,  # once, after the last file
                )
            )
        except (ParseError, ImportFailed) as error:
            fail(f"error: {error}")
    if link and not dry_run and any(report.added or report.changed for report in reports):
        link_pending(new_session)
    return reports


@import_cli.command("sdg-explorer")
def import_sdg_explorer(
    files: list[Path] = typer.Argument(
        ..., exists=True, dir_okay=False, help="SDG–HR Data Explorer exports (XLSX)."
    ),
    state: str | None = STATE,
    link: bool = LINK,
    dry_run: bool = DRY_RUN,
    report_json: Path | None = REPORT_JSON,
) -> None:
    """Import the Danish Institute for Human Rights' SDG–Human Rights Data Explorer exports:
    each row's recommendation, position, recommending state, SDG targets and affected groups,
    merged with what official documents gave (which outrank it)."""
    print_reports(import_datasets("sdg-explorer", files, dry_run, state, link), report_json)


@import_cli.command("upr-info")
def import_upr_info(
    files: list[Path] = typer.Argument(
        ...,
        exists=True,
        dir_okay=False,
        help="UPR Info database exports (CSV), recommendations or voluntary pledges.",
    ),
    state: str | None = STATE,
    link: bool = LINK,
    dry_run: bool = DRY_RUN,
    report_json: Path | None = REPORT_JSON,
) -> None:
    """Import UPR Info's database export: recommendations matched by text to those loaded (a
    second source of them), with UPR Info's action category and issues; the rest added with
    paragraph-less ids; voluntary pledges as pledges. Each file in one transaction."""
    print_reports(import_datasets("upr-info", files, dry_run, state, link), report_json)


@import_cli.command("bundled")
def import_bundled(dry_run: bool = DRY_RUN, report_json: Path | None = REPORT_JSON) -> None:
    """Import the official documents bundled in data/documents, then the bundled datasets
    (idempotent)."""
    reports = import_documents(bundled_documents(), dry_run)
    reports += import_datasets("sdg-explorer", bundled_datasets(), dry_run, None, link=True)
    print_reports(reports, report_json)
