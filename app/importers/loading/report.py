"""What an import tells its caller: the report of what it did, or the failure that wrote nothing."""

from __future__ import annotations

from dataclasses import dataclass, field


class ImportFailed(Exception):
    """An import that wrote nothing; `problems` says each thing that is wrong and where."""

    def __init__(self, file: str, problems: list[str]) -> None:
        super().__init__(f"{file}: import failed, nothing was written:\n- " + "\n- ".join(problems))
        self.file = file
        self.problems = problems


@dataclass
class ImportReport:
    """What an import did (or, on a dry run, would do)."""

    file: str
    source: str
    reviews: list[str] = field(default_factory=list)
    recommendations: int = 0
    added: int = 0
    changed: int = 0
    unchanged: int = 0
    review_fields_changed: list[str] = field(default_factory=list)
    disagreements: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False
    pledges: int = 0  # voluntary pledges read (UPR Info's export), not recommendations

    def summary(self) -> str:
        """One line: what was added and changed."""
        outcome = " (dry run: nothing written)" if self.dry_run else ""
        return (
            f"{self.file}: {self.recommendations} recommendations read; "
            f"{self.added} added, {self.changed} changed, {self.unchanged} unchanged{outcome}; "
            + (f"{self.pledges} voluntary pledges read; " if self.pledges else "")
            + f"{len(self.disagreements)} disagreements, {len(self.warnings)} warnings"
            + (
                f"; review facts changed: {', '.join(self.review_fields_changed)}"
                if self.review_fields_changed
                else ""
            )
        )
