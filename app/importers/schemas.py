"""API models for imports."""

from pydantic import BaseModel, Field


class ImportReportPublic(BaseModel):
    """What an import did (on a dry run: would do). The same report as `upr import` prints."""

    file: str = Field(examples=["A_HRC_59_15.pdf"])
    source: str = Field(examples=["working_group_report"])
    reviews: list[str] = Field(examples=[["48-SVN"]])
    recommendations: int = Field(description="Recommendations read.", examples=[254])
    added: int = Field(examples=[254])
    changed: int = Field(examples=[0])
    unchanged: int = Field(examples=[0])
    review_fields_changed: list[str] = Field(examples=[["review_date", "troika"]])
    disagreements: list[str]
    warnings: list[str]
    dry_run: bool
    summary: str = Field(
        examples=["A_HRC_59_15.pdf: 254 recommendations read; 254 added, 0 changed, ..."]
    )
