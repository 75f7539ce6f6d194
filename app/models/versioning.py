"""The one-row table holding the dataset version (`app.versioning` moves it forward)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import CheckConstraint
from sqlmodel import Field, SQLModel

ROW_ID = 1


class DatasetVersion(SQLModel, table=True):
    """The single row holding the current dataset version."""

    __tablename__ = "dataset_version"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)

    id: int = Field(default=ROW_ID, primary_key=True)
    version: int = Field(default=1, ge=1)
    changed_at: dt.datetime
