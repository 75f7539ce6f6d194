"""Tables for the taxonomies recommendations are classified by."""

from sqlmodel import Field, SQLModel


class Theme(SQLModel, table=True):
    """A human-rights theme, with the old UHRI code (e.g. "A12") where a document gives one."""

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=200)
    code: str | None = Field(default=None, max_length=10)


class AffectedGroup(SQLModel, table=True):
    """A group of persons affected by a recommendation (e.g. "Women", "Roma")."""

    __tablename__ = "affected_group"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=200)


class Sdg(SQLModel, table=True):
    """A Sustainable Development Goal ("16") or one of its targets ("16.2")."""

    code: str = Field(primary_key=True, max_length=6)
    goal: int = Field(index=True, ge=1, le=17)
    title: str | None = Field(default=None, max_length=300)


class UprInfoIssue(SQLModel, table=True):
    """An issue of UPR Info's own taxonomy (e.g. "Rights of the Child"), as its database names
    it; kept apart from OHCHR's themes."""

    __tablename__ = "upr_info_issue"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(unique=True, max_length=200)
