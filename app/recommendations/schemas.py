"""API models for recommendations."""

from pydantic import BaseModel, Field

from app.kit.pagination import Page
from app.states.schemas import StateRef
from app.taxonomy.schemas import ThemePublic
from app.vocab import ImplementationClaim, Position


class RecommendationPublic(BaseModel):
    """A recommendation made to a state under review, with the state's position on it."""

    id: str = Field(examples=["48-SVN-140.7"])
    review_id: str = Field(examples=["48-SVN"])
    session: int = Field(examples=[48])
    cycle: int = Field(examples=[4])
    state_under_review: StateRef
    paragraph: str = Field(examples=["140.7"])
    text: str = Field(
        examples=[
            "Ratify the Optional Protocol to the International Covenant on Economic, "
            "Social and Cultural Rights"
        ]
    )
    position: Position | None = Field(description="Null where no source gives a position.")
    position_source: str | None = Field(examples=["A/HRC/59/15/Add.1 - Para.3"])
    position_text: str | None = Field(
        description="The state's own words where the position was read from prose."
    )
    implementation_claim: ImplementationClaim | None = Field(
        description="What the state under review says, in the Working Group report, of the "
        "recommendation's implementation: its own claim, not an assessment. Null where the "
        "report makes none.",
        examples=["already_implemented"],
    )
    implementation_claim_source: str | None = Field(
        description="Document (and paragraph) the implementation claim was read from.",
        examples=["A/HRC/28/10 - Para.124"],
    )
    recommending_states: list[StateRef]
    themes: list[ThemePublic]
    affected_groups: list[str] = Field(examples=[["Public officials"]])
    sdgs: list[str] = Field(
        description="SDG goals ('16') and targets ('16.2'): each goal, then its numbered "
        "targets in numeric order, then its lettered ones ('16.a').",
        examples=[["1"]],
    )
    external_ids: dict[str, str] = Field(examples=[{"uhri": "6f1c2b0e-..."}])


class RecommendationListItem(RecommendationPublic):
    """A recommendation in a list; with a search (`q`), its relevance and a highlighted excerpt."""

    snippet: str | None = Field(
        default=None,
        description="With `q`: an HTML-escaped excerpt of the text with the matches in "
        "`<mark>…</mark>`; null without a search.",
        examples=[
            "Bring its Human Rights Ombudsman’s Office into compliance with the "
            "<mark>Paris</mark> <mark>Principles</mark>, including by providing it with adequate…"
        ],
    )
    score: float | None = Field(
        default=None,
        description="With `q`: relevance, higher is better (bm25 on SQLite, ts_rank on "
        "PostgreSQL; compare scores within one response only); null without a search.",
        examples=[7.42],
    )


class RecommendationPage(Page[RecommendationListItem]):
    """A page of recommendations."""

    total_estimated: bool = Field(
        default=False,
        description="True when `count=estimate` returned the planner's estimate for `total`.",
    )
