from enum import StrEnum


class ImplementationClaim(StrEnum):
    ALREADY_IMPLEMENTED = "already_implemented"
    IMPLEMENTED_OR_IN_PROGRESS = "implemented_or_in_progress"
    IN_PROGRESS = "in_progress"

    def __str__(self) -> str:
        return str(self.value)
