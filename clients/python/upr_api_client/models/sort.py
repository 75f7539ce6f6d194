from enum import StrEnum


class Sort(StrEnum):
    PARAGRAPH = "paragraph"
    RELEVANCE = "relevance"
    SESSION = "session"
    STATE = "state"
    VALUE_2 = "-session"

    def __str__(self) -> str:
        return str(self.value)
