from enum import StrEnum


class RecommendationField(StrEnum):
    AFFECTED_GROUPS = "affected_groups"
    POSITION = "position"
    RECOMMENDING_STATES = "recommending_states"
    SDGS = "sdgs"
    TEXT = "text"
    THEMES = "themes"

    def __str__(self) -> str:
        return str(self.value)
