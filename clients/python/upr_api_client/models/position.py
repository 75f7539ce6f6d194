from enum import StrEnum


class Position(StrEnum):
    NOTED = "noted"
    PENDING = "pending"
    SUPPORTED = "supported"
    SUPPORTED_IN_PART = "supported_in_part"
    UNCLEAR = "unclear"

    def __str__(self) -> str:
        return str(self.value)
