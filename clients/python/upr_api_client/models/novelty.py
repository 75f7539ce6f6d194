from enum import StrEnum


class Novelty(StrEnum):
    NEW = "new"
    REPEATED = "repeated"

    def __str__(self) -> str:
        return str(self.value)
