from enum import StrEnum


class DocumentKind(StrEnum):
    ADDENDUM = "addendum"
    HRC_DECISION = "hrc_decision"
    NATIONAL_REPORT = "national_report"
    STAKEHOLDERS_SUMMARY = "stakeholders_summary"
    THEMATIC_LIST = "thematic_list"
    UN_COMPILATION = "un_compilation"
    WORKING_GROUP_REPORT = "working_group_report"

    def __str__(self) -> str:
        return str(self.value)
