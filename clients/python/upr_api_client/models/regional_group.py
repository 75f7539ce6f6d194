from enum import StrEnum


class RegionalGroup(StrEnum):
    AFRICAN = "African"
    ASIA_PACIFIC = "Asia-Pacific"
    EASTERN_EUROPEAN = "Eastern European"
    LATIN_AMERICAN_AND_CARIBBEAN = "Latin American and Caribbean"
    WESTERN_EUROPEAN_AND_OTHERS = "Western European and others"

    def __str__(self) -> str:
        return str(self.value)
