"""Closed vocabularies shared by the tables, the parsers and the API."""

from enum import StrEnum


class Position(StrEnum):
    """The state under review's response to a recommendation."""

    supported = "supported"
    noted = "noted"
    supported_in_part = "supported_in_part"
    pending = "pending"
    unclear = "unclear"


class ImplementationClaim(StrEnum):
    """What the state under review says, in the Working Group report, of a recommendation's
    implementation: the state's own claim, not an assessment of what it has done.

    - `already_implemented`: the state "considers that they have already been implemented".
    - `in_progress`: the state says they "are in the process of being implemented".
    - `implemented_or_in_progress`: one claim for both, as "already implemented or in the
      process of implementation", without saying which applies to which recommendation.
    """

    already_implemented = "already_implemented"
    in_progress = "in_progress"
    implemented_or_in_progress = "implemented_or_in_progress"


class DocumentKind(StrEnum):
    """The kinds of official document attached to a review."""

    national_report = "national_report"
    un_compilation = "un_compilation"
    stakeholders_summary = "stakeholders_summary"
    working_group_report = "working_group_report"
    addendum = "addendum"
    thematic_list = "thematic_list"
    hrc_decision = "hrc_decision"


class DataSource(StrEnum):
    """Where a recommendation's text, position or classification was read from.

    Official documents rank above datasets. Among the documents, the Working Group report is
    the official text of the recommendations, and the addendum the official record of
    positions, with OHCHR's thematic list (which restates both) between it and the report.
    Among the datasets, UHRI's export (OHCHR's own index) ranks above the SDG–Human Rights
    Data Explorer's export (built from OHCHR's data), which ranks above UPR Info's database.
    A value from a lower-ranked source never overwrites one from a higher.
    """

    upr_info = "upr_info"
    sdg_explorer = "sdg_explorer"
    uhri = "uhri"
    thematic_list = "thematic_list"
    working_group_report = "working_group_report"
    addendum = "addendum"

    @property
    def is_document(self) -> bool:
        """Whether the source is an official document (else a dataset)."""
        return self in _DOCUMENTS

    @property
    def text_rank(self) -> int:
        """Precedence of the source for a recommendation's text and states: higher wins."""
        return _TEXT_ORDER.index(self)

    @property
    def position_rank(self) -> int:
        """Precedence of the source for a recommendation's position: higher wins."""
        return _POSITION_ORDER.index(self)


_DOCUMENTS = frozenset(
    {DataSource.working_group_report, DataSource.addendum, DataSource.thematic_list}
)
_DATASETS = (DataSource.upr_info, DataSource.sdg_explorer, DataSource.uhri)
_TEXT_ORDER = (
    *_DATASETS,
    DataSource.thematic_list,
    DataSource.addendum,  # gives no text; ranked for completeness
    DataSource.working_group_report,
)
_POSITION_ORDER = (
    *_DATASETS,
    DataSource.working_group_report,
    DataSource.thematic_list,
    DataSource.addendum,
)


class RecommendationField(StrEnum):
    """The fields of a recommendation that sources give, each with its own provenance."""

    text = "text"
    position = "position"
    recommending_states = "recommending_states"
    themes = "themes"
    affected_groups = "affected_groups"
    sdgs = "sdgs"


class StateStatus(StrEnum):
    """Whether a state is a UN member or a non-member observer state."""

    member = "member"
    observer = "observer"


class RegionalGroup(StrEnum):
    """The five UN regional groups (the United States is counted with WEOG, as UPR data do)."""

    african = "African"
    asia_pacific = "Asia-Pacific"
    eastern_european = "Eastern European"
    latin_american_caribbean = "Latin American and Caribbean"
    western_european_others = "Western European and others"


def cycle_of_session(session: int) -> int:
    """The UPR cycle (1-4, and onward every 14 sessions) that a Working Group session belongs to."""
    if session < 1:
        raise ValueError(f"session numbers start at 1, got {session}")
    if session <= 12:
        return 1
    return 2 + (session - 13) // 14


def session_range_of_cycle(cycle: int) -> tuple[int, int]:
    """The first and last Working Group session numbers of a cycle: 4 -> (41, 54)."""
    if cycle < 1:
        raise ValueError(f"cycle numbers start at 1, got {cycle}")
    if cycle == 1:
        return 1, 12
    first = 13 + (cycle - 2) * 14
    return first, first + 13


class LinkKind(StrEnum):
    """How two linked recommendations relate."""

    earlier_cycle = "earlier_cycle"
    same_review = "same_review"


class DisagreementField(StrEnum):
    """A field on which sources can disagree, or `any`."""

    any = "any"
    text = RecommendationField.text.value
    position = RecommendationField.position.value
    recommending_states = RecommendationField.recommending_states.value
    themes = RecommendationField.themes.value
    affected_groups = RecommendationField.affected_groups.value
    sdgs = RecommendationField.sdgs.value


class Interval(StrEnum):
    """Length of the timeline's periods."""

    year = "year"
    quarter = "quarter"
    month = "month"
