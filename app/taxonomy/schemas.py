"""API models for the taxonomies."""

from pydantic import BaseModel, ConfigDict, Field


class ThemePublic(BaseModel):
    """A human-rights theme."""

    model_config = ConfigDict(from_attributes=True)

    id: int = Field(examples=[1])
    name: str = Field(examples=["Ratification of & accession to international instruments"])
    code: str | None = Field(
        description="Old UHRI code, where a document gives one.", examples=["A12"]
    )


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
