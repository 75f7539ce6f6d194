"""API models for cycles and Working Group sessions."""

import datetime as dt

from pydantic import BaseModel, Field


class CyclePublic(BaseModel):
    """A UPR cycle and the sessions it spans."""

    number: int = Field(examples=[4])
    first_session: int = Field(examples=[41])
    last_session: int = Field(examples=[54])


class SessionPublic(BaseModel):
    """A Working Group session; dates are null where no source gives them."""

    number: int = Field(examples=[48])
    cycle: int = Field(examples=[4])
    start_date: dt.date | None = Field(examples=["2025-01-20"])
    end_date: dt.date | None = Field(examples=["2025-01-31"])
    review_count: int = Field(description="Reviews known in this session.", examples=[14])
