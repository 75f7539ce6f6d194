"""`upr link` as an operator runs it: a real process against a database of its own."""

from __future__ import annotations

from sqlmodel import Session, select

from app.db import build_engine
from app.linking.service import mark_pending
from app.models.linking import RecommendationLink, ReviewLinking
from tests.linking.test_linking import svn_report
from tests.support.writes import load_committed
from tests.test_cli import upr


def test_upr_link_relinks_pending_one_review_or_all(scratch_database_url: str) -> None:
    engine = build_engine(scratch_database_url)
    with Session(engine) as db:
        load_committed(db, svn_report(20, "Decriminalize defamation", "Ratify ICRMW"))
        load_committed(db, svn_report(48, "Decriminalise defamation in law", "Plant trees"))
        db.execute(RecommendationLink.__table__.delete())
        mark_pending(db, ["48-SVN"])
        db.commit()

    pending = upr(scratch_database_url, "link")
    assert pending.returncode == 0, pending.stderr
    assert "linked 1 states: 4 recommendations" in pending.stdout
    with Session(engine) as db:
        assert not any(row.pending for row in db.exec(select(ReviewLinking)))
        links = db.exec(select(RecommendationLink.recommendation_id)).all()
        assert "48-SVN-120.1" in links

    assert upr(scratch_database_url, "link", "--all").stdout.startswith("linked 1 states")
    for bad in (("--review", "48-XYZ"), ("--review", "nonsense"), ("--review", "48-SVN", "--all")):
        refused = upr(scratch_database_url, "link", *bad)
        assert refused.returncode == 1 and refused.stderr.startswith("error:")
    engine.dispose()
