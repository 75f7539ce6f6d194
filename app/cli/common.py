"""What the `upr` commands share: options, failing with a message, the unit of work of a
command's write, and printing import reports.

Commands import what they use when they run, so that `upr --help` and `upr serve` start
without loading the importers.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer
from sqlmodel import Session

if TYPE_CHECKING:
    from app.importers.loading import ImportReport
    from app.unit_of_work import UnitOfWork

DRY_RUN = typer.Option(False, "--dry-run", help="Parse and check, print the report, write nothing.")
REPORT_JSON = typer.Option(
    None, "--report-json", help="Also write the report as JSON to this file."
)
SESSION = typer.Option(None, "--session", min=1, max=999, help="Working Group session number.")
STATE = typer.Option(None, "--state", help="State under review: ISO3 code or any of its names.")
LINK = typer.Option(
    True, help="Link changed states across cycles afterwards (else run `upr link` later)."
)
SHOWN_LINES = 50  # per report; --report-json keeps every line


def fail(message: str) -> NoReturn:
    """Print `message` on stderr and exit with status 1."""
    typer.echo(message, err=True)
    raise typer.Exit(1)


def new_session() -> Session:
    """A session on the configured database."""
    from app.db import get_engine

    return Session(get_engine())


@contextlib.contextmanager
def writing() -> Iterator[UnitOfWork]:
    """A unit of work on a new session: what the block writes is committed when it ends, or
    rolled back if it raises. Print what it wrote after the block, once it is committed."""
    from app.unit_of_work import unit_of_work

    with new_session() as db, unit_of_work(db) as work:
        yield work


def print_reports(reports: list[ImportReport], report_json: Path | None) -> None:
    """Print each import report (its first lines), and write them all as JSON if asked."""
    for report in reports:
        typer.echo(report.summary())
        lines = report.disagreements + report.warnings
        for line in lines[:SHOWN_LINES]:
            typer.echo(f"  - {line}")
        if len(lines) > SHOWN_LINES:
            typer.echo(f"  … and {len(lines) - SHOWN_LINES} more (all of them with --report-json)")
    if report_json:
        report_json.write_text(json.dumps([asdict(r) for r in reports], indent=2, default=str))
