"""API models for the taxonomies."""

from pydantic import BaseModel, Field

from app.schemas import ThemePublic


class ThemeWithCount(ThemePublic):
    """A theme and how many loaded recommendations carry it."""

    recommendations: int = Field(examples=[42])


class GroupPublic(BaseModel):
    """A group of persons and how many loaded recommendations concern it."""

    id: int = Field(examples=[1])
    name: str = Field(examples=["Women & girls"])
    recommendations: int = Field(examples=[31])


class SdgPublic(BaseModel):
    """A Sustainable Development Goal or target and how many loaded recommendations cite it."""

    code: str = Field(examples=["16"])
    goal: int = Field(examples=[16])
    title: str | None = Field(examples=["Peace, justice and strong institutions"])
    recommendations: int = Field(examples=[120])
