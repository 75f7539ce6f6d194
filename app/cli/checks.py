"""`upr check`: the loaded data compared with outside sources (writes nothing)."""

from __future__ import annotations

from pathlib import Path

import typer

from app.cli.common import fail, new_session

check_cli = typer.Typer(
    help="Compare the loaded data with outside sources (writes nothing).", no_args_is_help=True
)
MARKDOWN = typer.Option(
    None, "--markdown", help="Also write the comparison as a Markdown document."
)


@check_cli.command("sdg-explorer")
def check_sdg_explorer(
    files: list[Path] = typer.Argument(
        ..., exists=True, dir_okay=False, help="SDG–HR Data Explorer exports (XLSX)."
    ),
    markdown: Path | None = MARKDOWN,
) -> None:
    """Compare each loaded Working Group report's recommendations with an SDG–HR Data Explorer
    export: paragraph ids (recall, precision), positions, and every difference."""
    from app.checks.sdg_explorer import compare, render_markdown, render_text
    from app.importers.parsing.sdg_explorer import ExplorerFormatError

    with new_session() as db:
        try:
            report = compare(db, files)
        except ExplorerFormatError as error:
            fail(f"error: {error}")
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
    markdown: Path | None = MARKDOWN,
) -> None:
    """Compare the two datasets with each other and each with the official documents loaded,
    per cycle: recommendations matched, positions and recommending states that agree, and every
    kind of disagreement with examples (writes nothing)."""
    from app.checks.datasets import compare_datasets, render_markdown, render_text
    from app.importers.records import ParseError

    explorer = [file for file in files if file.suffix.lower() == ".xlsx"]
    upr_info = [file for file in files if file.suffix.lower() != ".xlsx"]
    with new_session() as db:
        try:
            result = compare_datasets(db, explorer, upr_info)
        except ParseError as error:
            fail(f"error: {error}")
    typer.echo(render_text(result), nl=False)
    if markdown:
        markdown.write_text(render_markdown(result), encoding="utf-8")
