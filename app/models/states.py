"""Tables for states and the other names they appear under in UN documents."""

from sqlmodel import Field, SQLModel

from app.kit.columns import enum_column
from app.vocab import RegionalGroup, StateStatus


class State(SQLModel, table=True):
    """A UN member or observer state, keyed by its ISO 3166-1 alpha-3 code."""

    iso3: str = Field(primary_key=True, max_length=3)
    name: str = Field(unique=True, max_length=100)
    status: StateStatus = Field(sa_column=enum_column(StateStatus, nullable=False))
    regional_group: RegionalGroup = Field(
        sa_column=enum_column(RegionalGroup, nullable=False, index=True)
    )


class StateAlias(SQLModel, table=True):
    """Another name of a state; `key` is the case- and accent-folded name that lookups match on."""

    __tablename__ = "state_alias"

    id: int | None = Field(default=None, primary_key=True)
    alias: str = Field(max_length=120)
    key: str = Field(max_length=120, unique=True)
    iso3: str = Field(foreign_key="state.iso3", index=True, max_length=3)
