"""Recommendations counted per review and per session, kept up to date by the imports
(`app.stats.tallies`)."""

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

ALL = "all"  # the dimension of the rows that count every recommendation of a review


class ReviewTally(SQLModel, table=True):
    """How many of a review's recommendations with one position have one value of a dimension.

    Rows of dimension "all" count the review's recommendations by position alone (`value` is
    empty); the others count them by a theme, affected group, SDG target or goal, recommending
    state or its regional group (`value` holds the id, code or name as text). A recommendation
    counts once per value, even when it reaches that value twice (two recommending states of
    one group). `session_number` and `state_iso3` repeat the review's keys so that the review
    filters apply to this table as they do to `recommendation`; `position` is "" when none is
    recorded. On SQLite the table is stored in its primary key's order (WITHOUT ROWID), so a
    dimension's rows for a range of sessions are read together; an index serves filters on
    states under review.
    """

    __tablename__ = "review_tally"
    __table_args__ = (
        Index("ix_review_tally_review_id", "review_id"),
        Index("ix_review_tally_state", "dimension", "state_iso3", "session_number"),
        {"sqlite_with_rowid": False},
    )

    dimension: str = Field(primary_key=True, max_length=30)
    session_number: int = Field(primary_key=True)
    state_iso3: str = Field(primary_key=True, max_length=3)
    review_id: str = Field(primary_key=True, foreign_key="review.id", max_length=12)
    value: str = Field(primary_key=True, max_length=40)
    position: str = Field(primary_key=True, max_length=20)
    count: int


class SessionTally(SQLModel, table=True):
    """The review tallies of one session summed over its reviews: how many of the session's
    recommendations with one position have one value of a dimension (same dimensions, values
    and positions as `ReviewTally`). Groupings filtered by sessions, cycles and positions alone
    read these: one row per session where the review tallies have one per review. Stored in
    primary key order on SQLite.
    """

    __tablename__ = "session_tally"
    __table_args__ = ({"sqlite_with_rowid": False},)

    dimension: str = Field(primary_key=True, max_length=30)
    session_number: int = Field(primary_key=True)
    value: str = Field(primary_key=True, max_length=40)
    position: str = Field(primary_key=True, max_length=20)
    count: int
