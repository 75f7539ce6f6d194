from enum import StrEnum


class Dimension(StrEnum):
    CYCLE = "cycle"
    GROUP = "group"
    POSITION = "position"
    RECOMMENDING_STATE = "recommending_state"
    RECOMMENDING_STATE_GROUP = "recommending_state_group"
    SDG = "sdg"
    SDG_GOAL = "sdg_goal"
    SESSION = "session"
    STATE_UNDER_REVIEW = "state_under_review"
    STATE_UNDER_REVIEW_GROUP = "state_under_review_group"
    THEME = "theme"

    def __str__(self) -> str:
        return str(self.value)
