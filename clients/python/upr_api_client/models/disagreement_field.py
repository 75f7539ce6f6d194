from enum import StrEnum


class DisagreementField(StrEnum):
    AFFECTED_GROUPS = "affected_groups"
    ANY = "any"
    POSITION = "position"
    RECOMMENDING_STATES = "recommending_states"
    SDGS = "sdgs"
    TEXT = "text"
    THEMES = "themes"

    def __str__(self) -> str:
        return str(self.value)
