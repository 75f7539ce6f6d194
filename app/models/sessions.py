"""Tables for UPR cycles and Working Group sessions."""

import datetime as dt

from sqlmodel import Field, SQLModel


class Cycle(SQLModel, table=True):
    """A UPR cycle: every state is reviewed once per cycle, in sessions first..last."""

    number: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    first_session: int
    last_session: int


class WorkingGroupSession(SQLModel, table=True):
    """A session of the UPR Working Group (e.g. the 48th, 20-31 January 2025)."""

    __tablename__ = "wg_session"

    number: int = Field(primary_key=True, sa_column_kwargs={"autoincrement": False})
    cycle_number: int = Field(foreign_key="cycle.number", index=True)
    start_date: dt.date | None = None
    end_date: dt.date | None = None
