from enum import StrEnum


class TrackingSource(StrEnum):
    CIVIL_SOCIETY = "civil_society"
    GOVERNMENT = "government"
    NHRI = "nhri"
    UN = "un"

    def __str__(self) -> str:
        return str(self.value)
