"""Tables for recommendations and their many-to-many classifications."""

from sqlalchemy import Column, Index, Text
from sqlmodel import Field, SQLModel

from app.kit.columns import enum_column
from app.vocab import DataSource, ImplementationClaim, Position, RecommendationField


class RecommendingState(SQLModel, table=True):
    """A state that made a recommendation (one recommendation can come from several states)."""

    __tablename__ = "recommending_state"

    recommendation_id: str = Field(
        foreign_key="recommendation.id", primary_key=True, max_length=40, ondelete="CASCADE"
    )
    iso3: str = Field(foreign_key="state.iso3", primary_key=True, index=True, max_length=3)
    ordinal: int = Field(description="Order in which the document names the state (0-based).")


class RecommendationTheme(SQLModel, table=True):
    """A theme a recommendation is classified under."""

    __tablename__ = "recommendation_theme"

    recommendation_id: str = Field(
        foreign_key="recommendation.id", primary_key=True, max_length=40, ondelete="CASCADE"
    )
    theme_id: int = Field(foreign_key="theme.id", primary_key=True, index=True)


class RecommendationGroup(SQLModel, table=True):
    """A group of persons a recommendation concerns."""

    __tablename__ = "recommendation_group"

    recommendation_id: str = Field(
        foreign_key="recommendation.id", primary_key=True, max_length=40, ondelete="CASCADE"
    )
    group_id: int = Field(foreign_key="affected_group.id", primary_key=True, index=True)


class RecommendationSdg(SQLModel, table=True):
    """An SDG goal or target a recommendation relates to."""

    __tablename__ = "recommendation_sdg"

    recommendation_id: str = Field(
        foreign_key="recommendation.id", primary_key=True, max_length=40, ondelete="CASCADE"
    )
    sdg_code: str = Field(foreign_key="sdg.code", primary_key=True, index=True, max_length=6)


class RecommendationUprInfoIssue(SQLModel, table=True):
    """An issue of UPR Info's taxonomy that UPR Info's database files a recommendation under."""

    __tablename__ = "recommendation_upr_info_issue"

    recommendation_id: str = Field(
        foreign_key="recommendation.id", primary_key=True, max_length=40, ondelete="CASCADE"
    )
    issue_id: int = Field(foreign_key="upr_info_issue.id", primary_key=True, index=True)


class ExternalId(SQLModel, table=True):
    """An identifier another database gives the recommendation (e.g. UHRI's AnnotationId)."""

    __tablename__ = "external_id"

    system: str = Field(primary_key=True, max_length=20)
    value: str = Field(primary_key=True, max_length=100)
    recommendation_id: str = Field(
        foreign_key="recommendation.id", index=True, max_length=40, ondelete="CASCADE"
    )


class RecommendationSource(SQLModel, table=True):
    """A source that gave some of a recommendation's fields, and where in it.

    `reference` is a document's symbol and paragraph ("A/HRC/28/10 - Para.124.1") or a
    dataset's file and rows ("upr2.xlsx row 5231"); `fields` lists the fields it gave, comma
    separated, in `RecommendationField` order.
    """

    __tablename__ = "recommendation_source"

    recommendation_id: str = Field(
        foreign_key="recommendation.id", primary_key=True, max_length=40, ondelete="CASCADE"
    )
    source: DataSource = Field(
        sa_column=enum_column(DataSource, nullable=False, name="source", primary_key=True)
    )
    reference: str = Field(max_length=300)
    fields: str = Field(max_length=120)


class RecommendationDisagreement(SQLModel, table=True):
    """Two sources that give a recommendation's field different values.

    `source` is the higher-ranked of the two for that field (whose value is served unless a
    third source outranks both), `other_source` the lower. Values are as the sources give
    them: the text, the position, the recommending states' ISO3 codes or the theme, group or
    SDG names, comma separated.
    """

    __tablename__ = "recommendation_disagreement"
    __table_args__ = (Index("ix_recommendation_disagreement_field", "field", "recommendation_id"),)

    recommendation_id: str = Field(
        foreign_key="recommendation.id", primary_key=True, max_length=40, ondelete="CASCADE"
    )
    field: RecommendationField = Field(
        sa_column=enum_column(
            RecommendationField, nullable=False, name="disagreement_field", primary_key=True
        )
    )
    source: DataSource = Field(
        sa_column=enum_column(DataSource, nullable=False, name="source", primary_key=True)
    )
    other_source: DataSource = Field(
        sa_column=enum_column(DataSource, nullable=False, name="other_source", primary_key=True)
    )
    reference: str = Field(max_length=300)
    value: str = Field(sa_column=Column(Text, nullable=False))
    other_reference: str = Field(max_length=300)
    other_value: str = Field(sa_column=Column(Text, nullable=False))


NO_LINKS = "[[],[],[],[],[]]"  # `Recommendation.link_keys` of a recommendation without links


class Recommendation(SQLModel, table=True):
    """A recommendation made to a state under review; id "{session}-{ISO3}-{paragraph}".

    `session_number` and `state_iso3` repeat the review's keys so that the common filters and
    the natural order (session, state, paragraph) are served by one index. `link_keys` repeats
    the keys of its links so that exports read a row's relationships without the link tables
    (`app.recommendations.related`).
    """

    __table_args__ = (
        Index(
            "ix_recommendation_natural_order",
            "session_number",
            "state_iso3",
            "paragraph_major",
            "paragraph_minor",
        ),
        Index("ix_recommendation_state_session", "state_iso3", "session_number"),
    )

    id: str = Field(primary_key=True, max_length=40)
    review_id: str = Field(foreign_key="review.id", index=True, max_length=12)
    session_number: int = Field(foreign_key="wg_session.number")
    state_iso3: str = Field(foreign_key="state.iso3", max_length=3)
    paragraph: str = Field(max_length=20)
    paragraph_major: int
    paragraph_minor: int
    text: str = Field(sa_column=Column(Text, nullable=False))
    position: Position | None = Field(
        default=None, sa_column=enum_column(Position, nullable=True, index=True)
    )
    position_source: str | None = Field(default=None, max_length=300)
    position_text: str | None = Field(default=None, sa_column=Column(Text))
    implementation_claim: ImplementationClaim | None = Field(
        default=None,
        sa_column=enum_column(ImplementationClaim, nullable=True, name="implementation_claim"),
    )
    implementation_claim_source: str | None = Field(default=None, max_length=300)
    text_from: DataSource = Field(
        sa_column=enum_column(DataSource, nullable=False, name="text_from")
    )
    position_from: DataSource | None = Field(
        default=None, sa_column=enum_column(DataSource, nullable=True, name="position_from")
    )
    action_category: int | None = Field(
        default=None,
        ge=1,
        le=5,
        index=True,
        description="Action category (1 minimal to 5 specific action) computed from the text "
        "by `app.classification.action_category`; null where the text cannot be classified.",
    )
    action_category_confidence: float | None = Field(default=None, ge=0, le=1)
    action_category_rule: str | None = Field(default=None, max_length=60)
    action_category_evidence: str | None = Field(
        default=None, max_length=300, description="The words that decided, space separated."
    )
    action_category_reason: str | None = Field(
        default=None, max_length=60, description="Why no category was computed."
    )
    action_category_method: str | None = Field(default=None, max_length=20)
    upr_info_action_category: int | None = Field(
        default=None,
        ge=1,
        le=5,
        index=True,
        description="UPR Info's action category (1 minimal to 5 specific action), as coded "
        "by hand in UPR Info's database; null where it was not imported.",
    )
    link_keys: str = Field(
        default=NO_LINKS,
        sa_column=Column(Text, nullable=False, server_default=NO_LINKS),
        description="JSON array of its links' keys: the recommending states' ISO3 codes in "
        "document order, theme ids, affected group ids, SDG codes, [system, value] external "
        "ids. Written with the links by the importers.",
    )


class RecommendationItem(SQLModel, table=True):
    """A recommendation's API item, stored ready to send (`app.recommendations.items`): lists,
    searches, single items and JSON exports send it as it is, without building it per request.
    Derived data, rewritten in the transaction that changes what it shows (`app.derived`)."""

    __tablename__ = "recommendation_item"

    recommendation_id: str = Field(
        foreign_key="recommendation.id", primary_key=True, max_length=40, ondelete="CASCADE"
    )
    item: str = Field(
        sa_column=Column(Text, nullable=False),
        description="The item as JSON, in the shape of `RecommendationPublic` without the "
        "search's `snippet` and `score`.",
    )


def split_paragraph(paragraph: str) -> tuple[int, int]:
    """The numeric parts of a paragraph number, for natural order: "140.7" -> (140, 7).

    A dataset's later part of a numbered recommendation keeps its number ("96.1b" -> (96, 1));
    a recommendation whose source gives no paragraph ("") comes first, as (0, 0).
    """
    major, _, minor = paragraph.rstrip("abcdefghijklmnopqrstuvwxyz").partition(".")
    return int(major or 0), int(minor or 0)


def recommendation_id(session: int, iso3: str, paragraph: str) -> str:
    """The natural id of a recommendation: "48-SVN-140.7"."""
    return f"{session}-{iso3}-{paragraph}"
