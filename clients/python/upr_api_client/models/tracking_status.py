from enum import StrEnum


class TrackingStatus(StrEnum):
    FULLY_IMPLEMENTED = "fully_implemented"
    IN_PROGRESS = "in_progress"
    NOT_IMPLEMENTED = "not_implemented"
    NOT_STARTED = "not_started"
    NO_LONGER_RELEVANT = "no_longer_relevant"
    PARTIALLY_IMPLEMENTED = "partially_implemented"

    def __str__(self) -> str:
        return str(self.value)
