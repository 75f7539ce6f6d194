"""What an import brings: a parsed recommendation with its state names resolved, ready to merge
with what is stored (`app.importers.loading.merge`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.importers.loading.states import StateResolver
from app.importers.records import ParsedRecommendation, ThemeRef
from app.models.recommendations import recommendation_id
from app.models.reviews import review_id
from app.vocab import ImplementationClaim, Position, RecommendationField

F = RecommendationField


@dataclass
class IncomingRecommendation:
    """A parsed recommendation with its state names resolved, ready to write.

    `reference` says where the source gives it ("A/HRC/28/10 - Para.124.1", "upr2.xlsx row
    5231"). UPR Info's action category and issues are that database's own coding.
    """

    id: str
    review_id: str
    session: int
    iso3: str
    paragraph: str
    text: str
    states: list[str]
    position: Position | None
    position_source: str | None
    position_text: str | None
    themes: list[ThemeRef]
    groups: list[str]
    sdgs: list[str]
    external_ids: dict[str, str]
    reference: str = ""
    implementation_claim: ImplementationClaim | None = None
    implementation_claim_source: str | None = None
    upr_info_action_category: int | None = None
    upr_info_issues: list[str] = field(default_factory=list)

    def given(self) -> list[RecommendationField]:
        """The fields this source gives, in `RecommendationField` order."""
        values = {
            F.text: self.text,
            F.position: self.position,
            F.recommending_states: self.states,
            F.themes: self.themes,
            F.affected_groups: self.groups,
            F.sdgs: self.sdgs,
        }
        return [name for name in RecommendationField if values[name]]


def resolve_recommendation(
    resolver: StateResolver,
    session: int,
    iso3: str,
    parsed: ParsedRecommendation,
    file: str,
    reference: str = "",
) -> IncomingRecommendation:
    """Resolve a parsed recommendation's states (unresolved ones are collected, not raised)."""
    where = f"{file} {parsed.location}"
    states: list[str] = []
    for name in parsed.recommending_states:
        code = resolver.resolve(name, where)
        if code and code not in states:
            states.append(code)
    return IncomingRecommendation(
        id=recommendation_id(session, iso3, parsed.paragraph),
        review_id=review_id(session, iso3),
        session=session,
        iso3=iso3,
        paragraph=parsed.paragraph,
        text=parsed.text,
        states=states,
        position=parsed.position,
        position_source=parsed.position_source,
        position_text=parsed.position_text,
        themes=parsed.themes,
        groups=parsed.affected_groups,
        sdgs=parsed.sdgs,
        external_ids=parsed.external_ids,
        reference=reference or where,
        implementation_claim=parsed.implementation_claim,
        implementation_claim_source=parsed.implementation_claim_source,
    )
