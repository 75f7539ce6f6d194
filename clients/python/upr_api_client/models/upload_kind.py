from enum import StrEnum


class UploadKind(StrEnum):
    ADDENDUM = "addendum"
    THEMATIC_LIST = "thematic_list"
    UHRI = "uhri"
    WORKING_GROUP_REPORT = "working_group_report"

    def __str__(self) -> str:
        return str(self.value)
