from enum import StrEnum


class DataSource(StrEnum):
    ADDENDUM = "addendum"
    SDG_EXPLORER = "sdg_explorer"
    THEMATIC_LIST = "thematic_list"
    UHRI = "uhri"
    UPR_INFO = "upr_info"
    WORKING_GROUP_REPORT = "working_group_report"

    def __str__(self) -> str:
        return str(self.value)
