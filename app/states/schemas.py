"""API models for states."""

from pydantic import Field

from app.kit.bodies import StrictBody
from app.schemas import StatePublic


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
