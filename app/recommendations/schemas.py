"""API models for recommendations."""

from pydantic import BaseModel, Field

from app.kit.pagination import Page
from app.schemas import StateRef, ThemePublic
from app.vocab import DataSource, ImplementationClaim, Position, RecommendationField


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
    action_category: int | None = Field(
        ge=1,
        le=5,
        description="How much action the recommendation asks for, from 1 (minimal: addressed "
        "to other states, seeking assistance, sharing information) to 5 (specific action: "
        "ratify, adopt, abolish…), computed from its text alone by this service following "
        "UPR Info's methodology (see docs/action-category.md). Null where the text cannot "
        "be classified.",
        examples=[5],
    )
    action_category_confidence: float | None = Field(
        ge=0,
        le=1,
        description="Share of recommendations that the deciding rule classified as UPR "
        "Info's coders did, on the sessions it was tuned on.",
        examples=[0.93],
    )
    upr_info_action_category: int | None = Field(
        ge=1,
        le=5,
        description="UPR Info's own action category, coded by hand in its database; null "
        "where UPR Info's export was not imported or does not have the recommendation.",
        examples=[5],
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


class RecommendationSourcePublic(BaseModel):
    """A source that gave some of a recommendation's fields, and where in it."""

    source: DataSource = Field(examples=["working_group_report"])
    is_document: bool = Field(description="An official document (else a dataset).")
    reference: str = Field(
        description="The document's symbol and paragraph, or the dataset file and rows.",
        examples=["A/HRC/28/10 - Para.124.1"],
    )
    fields: list[RecommendationField] = Field(examples=[["text", "recommending_states"]])


class SourceValue(BaseModel):
    """What one source gives for a field."""

    source: DataSource = Field(examples=["sdg_explorer"])
    reference: str = Field(examples=["upr2.xlsx row 8455"])
    value: str = Field(
        description="The text, the position, or a list field's members (ISO3 codes, names, "
        "SDG codes) joined by '; '.",
        examples=["noted"],
    )


class Disagreement(BaseModel):
    """Two sources that give a field different values; the higher-ranked source first."""

    field: RecommendationField = Field(examples=["position"])
    values: list[SourceValue]


class ActionCategoryBasis(BaseModel):
    """Why the computed action category is what it is."""

    method: str | None = Field(examples=["rules-v1"])
    rule: str | None = Field(examples=["specific-verb"])
    evidence: list[str] = Field(description="The words that decided.", examples=[["ratify"]])
    reason: str | None = Field(description="Why no category was computed.", examples=[None])


class RecommendationDetail(RecommendationPublic):
    """One recommendation with the provenance of each field and the disagreements between its
    sources."""

    text_from: DataSource = Field(description="The source whose text is served.")
    position_from: DataSource | None = Field(description="The source whose position is served.")
    sources: list[RecommendationSourcePublic] = Field(
        description="Every source that gave any field, highest-ranked first."
    )
    disagreements: list[Disagreement] = Field(
        description="Every field on which two sources differ, with both values."
    )
    action_category_basis: ActionCategoryBasis
    upr_info_issues: list[str] = Field(
        description="Issues of UPR Info's own taxonomy that its database files the "
        "recommendation under (not OHCHR themes).",
        examples=[["Death penalty"]],
    )
