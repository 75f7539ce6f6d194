"""Typed, bounded path and query parameters shared by the routes."""

import datetime as dt
import re
from typing import Annotated

from fastapi import Path, Query
from pydantic import BeforeValidator, Field, StringConstraints
from pydantic_core import PydanticCustomError

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
RECOMMENDATION_ID_PATTERN = (
    r"^[0-9]{1,3}-[A-Za-z]{3}-([0-9]{1,4}(\.[0-9]{1,4})?[a-z]?|x[0-9a-f]{8})$"
)
RecommendationIdPath = Annotated[
    str,
    Path(
        pattern=RECOMMENDATION_ID_PATTERN,
        description="Recommendation id: `{session}-{ISO3}-{paragraph}`; a dataset's later "
        "part of a numbered recommendation adds a letter (`5-AFG-96.1b`), and one whose "
        "source gives no paragraph has `x` and 8 hex digits instead (`20-KAZ-x1f0c3a9e`).",
        examples=["48-SVN-140.7"],
    ),
]


def normalised_recommendation_id(value: str) -> str:
    """A recommendation id with its state's ISO3 code in capitals ("48-svn-140.7" is
    "48-SVN-140.7"); the rest is case-sensitive."""
    session, iso3, rest = value.split("-", 2)
    return f"{session}-{iso3.upper()}-{rest}"


# Printable text: no NUL or other control characters (PostgreSQL refuses NUL in strings).
PRINTABLE = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"

Iso3Item = Annotated[str, StringConstraints(pattern=ISO3_PATTERN)]
NameOrId = Annotated[str, StringConstraints(min_length=1, max_length=200, pattern=PRINTABLE)]
SdgCode = Annotated[str, StringConstraints(pattern=r"^(1[0-7]|[1-9])(\.([0-9]{1,2}|[a-z]))?$")]
ReviewIdItem = Annotated[str, StringConstraints(pattern=r"^[0-9]{1,3}-[A-Za-z]{3}$")]
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


def _iso_date(value: object) -> object:
    """Let only a YYYY-MM-DD string through to the date parser (which would also read "0" as
    the first day of 1970, a Unix time)."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value
    raise PydanticCustomError("date_format", "Input should be a date as YYYY-MM-DD")


QueryDate = Annotated[dt.date, BeforeValidator(_iso_date)]
"""A date in a query string: YYYY-MM-DD, nothing else."""
