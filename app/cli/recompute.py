"""`upr classify` and `upr link`: derived data recomputed for what is loaded."""

from __future__ import annotations

import re

import typer

from app.cli.common import fail, new_session, writing


def classify_stored() -> None:
    """Compute the action category of every recommendation whose stored one is missing or was
    computed by an older method (imports compute it as they write)."""
    from app.classification.stored import refresh

    with writing() as work:
        recomputed = refresh(work.db)
        work.changes.recommendations_changed(recomputed)
    typer.echo(f"action categories computed: {len(recomputed)}")


def link(
    review: str | None = typer.Option(
        None, "--review", help="A review id such as 48-SVN: relink its state's recommendations."
    ),
    every: bool = typer.Option(False, "--all", help="Relink every state's recommendations."),
) -> None:
    """(Re)compute cross-cycle links and new/repeated classes (pending reviews by default).

    Linking works per state under review: --review relinks every review of that state.
    """
    from app.linking.runs import link_pending, link_states
    from app.linking.service import all_states, states_of

    if review and every:
        fail("error: give --review or --all, not both")
    if review is not None and not re.fullmatch(r"[0-9]{1,3}-[A-Za-z]{3}", review):
        fail(f"error: {review!r} is not a review id such as 48-SVN")
    if review is None and not every:
        summary = link_pending(new_session)
    else:
        with new_session() as db:
            states = all_states(db) if every or review is None else states_of(db, [review.upper()])
        if review and not states:
            fail(f"error: no review {review.upper()!r} is loaded")
        summary = link_states(new_session, states)
    typer.echo(summary.line())
