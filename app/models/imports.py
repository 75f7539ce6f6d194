"""Tables the importers keep for themselves."""

import datetime as dt

from sqlmodel import Field, SQLModel


class ImportCheckpoint(SQLModel, table=True):
    """How far a long, batched import (the UHRI export) got, so that a rerun resumes there."""

    __tablename__ = "import_checkpoint"

    source_key: str = Field(primary_key=True, max_length=300)
    next_record: int = Field(ge=0, description="Index of the first record not yet committed.")
    updated_at: dt.datetime
