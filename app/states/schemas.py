"""API models for states."""

from pydantic import BaseModel, ConfigDict, Field

from app.kit.bodies import StrictBody
from app.vocab import RegionalGroup, StateStatus


class StateRef(BaseModel):
    """A state named in another resource."""

    model_config = ConfigDict(from_attributes=True)

    iso3: str = Field(examples=["KAZ"])
    name: str = Field(examples=["Kazakhstan"])


class StatePublic(StateRef):
    """A UN member or observer state."""

    status: StateStatus
    regional_group: RegionalGroup = Field(examples=["Asia-Pacific"])


class StateDetail(StatePublic):
    """A state with the other names it appears under in UN documents."""

    aliases: list[str] = Field(examples=[["the Republic of Kazakhstan"]])


class AliasCreate(StrictBody):
    """Another name under which a state appears in UN documents."""

    alias: str = Field(
        min_length=1,
        max_length=120,
        pattern=r"^[^\x00-\x1f]*[^\x00-\x20][^\x00-\x1f]*$",
        examples=["Republic of Kazakhstan"],
    )
