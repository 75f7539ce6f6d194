"""Request-body models are validated strictly: a JSON value of the wrong type is a 422 that
names the field, never coerced (`false` is not `0`, `"9"` is not `9`, `9.5` is not `9`).

JSON has no date or enum type, so those fields take their documented string forms (ISO 8601
`YYYY-MM-DD`, the enum's values) and nothing else. Nor does it tell integers from other
numbers: as in JSON Schema, an integer is a number without a fractional part, so `9.0` is `9`.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ConfigDict, Strict, model_validator
from pydantic_core import PydanticCustomError

E = TypeVar("E", bound=StrEnum)


class StrictBody(BaseModel):
    """A request body: unknown fields refused, every field of its documented JSON type."""

    model_config = ConfigDict(extra="forbid", strict=True)

    @model_validator(mode="before")
    @classmethod
    def _whole_numbers(cls, data: Any) -> Any:
        """Read numbers without a fractional part (`9.0`) as the integers they are."""
        if not isinstance(data, dict):
            return data
        return {
            name: int(value) if isinstance(value, float) and value.is_integer() else value
            for name, value in data.items()
        }


def _date_string(value: Any) -> Any:
    """Let a date or a string through to the date parser; refuse numbers and the rest."""
    if isinstance(value, str | dt.date) and not isinstance(value, dt.datetime):
        return value
    raise PydanticCustomError("date_type", "Input should be a date string (YYYY-MM-DD)")


def _enum_string(value: Any) -> Any:
    """Let a string through to the enum's lookup; refuse numbers, booleans and the rest."""
    if isinstance(value, str):
        return value
    raise PydanticCustomError("enum_type", "Input should be a string")


JsonDate = Annotated[dt.date, Strict(False), BeforeValidator(_date_string)]
"""A date in a strict body: an ISO 8601 string."""

JsonEnum = Annotated[E, Strict(False), BeforeValidator(_enum_string)]
"""An enum in a strict body (`JsonEnum[Position]`): one of the enum's string values."""
