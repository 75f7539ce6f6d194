from enum import StrEnum


class Dimension(StrEnum):
    ACTION_CATEGORY = "action_category"
    CYCLE = "cycle"
    DATA_SOURCE = "data_source"
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
    UPR_INFO_ACTION_CATEGORY = "upr_info_action_category"
    UPR_INFO_ISSUE = "upr_info_issue"

    def __str__(self) -> str:
        return str(self.value)
