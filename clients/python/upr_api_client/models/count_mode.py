from enum import StrEnum


class CountMode(StrEnum):
    ESTIMATE = "estimate"
    EXACT = "exact"
    NONE = "none"

    def __str__(self) -> str:
        return str(self.value)
