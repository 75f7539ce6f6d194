"""Typed, bounded path and query parameters shared by the routes."""

from typing import Annotated

from fastapi import Path, Query
from pydantic import Field, StringConstraints

ISO3_PATTERN = r"^[A-Za-z]{3}$"
SESSION_MAX = 999

Iso3Path = Annotated[
    str,
    Path(
        pattern=ISO3_PATTERN,
        description="ISO 3166-1 alpha-3 code of the state.",
        examples=["KAZ"],
    ),
]
SessionPath = Annotated[
    int, Path(ge=1, le=SESSION_MAX, description="Working Group session number.", examples=[48])
]
ReviewIdPath = Annotated[
    str,
    Path(
        pattern=r"^[0-9]{1,3}-[A-Za-z]{3}$",
        description="Review id: session number and ISO3 code of the state under review.",
        examples=["48-KAZ"],
    ),
]
RecommendationIdPath = Annotated[
    str,
    Path(
        pattern=r"^[0-9]{1,3}-[A-Za-z]{3}-[0-9]{1,4}(\.[0-9]{1,4})?$",
        description="Recommendation id: `{session}-{ISO3}-{paragraph}`.",
        examples=["48-SVN-140.7"],
    ),
]
Iso3Item = Annotated[str, StringConstraints(pattern=ISO3_PATTERN)]
SessionItem = Annotated[int, Field(ge=1, le=SESSION_MAX)]
CycleItem = Annotated[int, Field(ge=1, le=99)]

Iso3Query = Annotated[
    list[Iso3Item] | None,
    Query(
        description="ISO 3166-1 alpha-3 code; repeat for several.",
        examples=[["SVN"]],
    ),
]
SessionQuery = Annotated[
    list[SessionItem] | None,
    Query(description="Working Group session number; repeat for several."),
]
CycleQuery = Annotated[
    list[CycleItem] | None,
    Query(description="UPR cycle number (1-4); repeat for several."),
]
