"""Contains all the data models used in inputs/outputs"""

from .action_category_basis import ActionCategoryBasis
from .alias_create import AliasCreate
from .body_import_document import BodyImportDocument
from .count_mode import CountMode
from .current_status import CurrentStatus
from .cycle_public import CyclePublic
from .data_source import DataSource
from .dimension import Dimension
from .disagreement import Disagreement
from .disagreement_field import DisagreementField
from .document_kind import DocumentKind
from .document_public import DocumentPublic
from .export_format import ExportFormat
from .facet import Facet
from .facet_value import FacetValue
from .facets_response import FacetsResponse
from .field_error import FieldError
from .group_public import GroupPublic
from .health import Health
from .implementation_claim import ImplementationClaim
from .import_report_public import ImportReportPublic
from .interval import Interval
from .linked_recommendation import LinkedRecommendation
from .made import Made
from .made_in_cycle import MadeInCycle
from .near_identical_group import NearIdenticalGroup
from .near_identical_public import NearIdenticalPublic
from .novelty import Novelty
from .page_cycle_public import PageCyclePublic
from .page_group_public import PageGroupPublic
from .page_pledge_public import PagePledgePublic
from .page_review_summary import PageReviewSummary
from .page_sdg_public import PageSdgPublic
from .page_session_public import PageSessionPublic
from .page_state_public import PageStatePublic
from .page_theme_with_count import PageThemeWithCount
from .page_tracking_entry_public import PageTrackingEntryPublic
from .pledge_public import PledgePublic
from .position import Position
from .position_counts import PositionCounts
from .problem import Problem
from .progress_period import ProgressPeriod
from .progress_summary import ProgressSummary
from .received import Received
from .received_in_cycle import ReceivedInCycle
from .recommendation_detail import RecommendationDetail
from .recommendation_detail_external_ids import RecommendationDetailExternalIds
from .recommendation_field import RecommendationField
from .recommendation_list_item import RecommendationListItem
from .recommendation_list_item_external_ids import RecommendationListItemExternalIds
from .recommendation_page import RecommendationPage
from .recommendation_source_public import RecommendationSourcePublic
from .regional_group import RegionalGroup
from .related_public import RelatedPublic
from .reported_totals import ReportedTotals
from .review_detail import ReviewDetail
from .review_novelty import ReviewNovelty
from .review_source import ReviewSource
from .review_stats import ReviewStats
from .review_summary import ReviewSummary
from .review_update import ReviewUpdate
from .sdg_public import SdgPublic
from .session_public import SessionPublic
from .sort import Sort
from .source_progress import SourceProgress
from .source_value import SourceValue
from .state_detail import StateDetail
from .state_public import StatePublic
from .state_ref import StateRef
from .state_stats import StateStats
from .state_status import StateStatus
from .stats_response import StatsResponse
from .stats_row import StatsRow
from .stats_row_keys import StatsRowKeys
from .stats_row_labels import StatsRowLabels
from .status_counts import StatusCounts
from .tally_public import TallyPublic
from .theme_public import ThemePublic
from .theme_with_count import ThemeWithCount
from .tracking_entry_create import TrackingEntryCreate
from .tracking_entry_public import TrackingEntryPublic
from .tracking_import_report import TrackingImportReport
from .tracking_source import TrackingSource
from .tracking_status import TrackingStatus
from .upload_kind import UploadKind

__all__ = (
    "ActionCategoryBasis",
    "AliasCreate",
    "BodyImportDocument",
    "CountMode",
    "CurrentStatus",
    "CyclePublic",
    "DataSource",
    "Dimension",
    "Disagreement",
    "DisagreementField",
    "DocumentKind",
    "DocumentPublic",
    "ExportFormat",
    "Facet",
    "FacetsResponse",
    "FacetValue",
    "FieldError",
    "GroupPublic",
    "Health",
    "ImplementationClaim",
    "ImportReportPublic",
    "Interval",
    "LinkedRecommendation",
    "Made",
    "MadeInCycle",
    "NearIdenticalGroup",
    "NearIdenticalPublic",
    "Novelty",
    "PageCyclePublic",
    "PageGroupPublic",
    "PagePledgePublic",
    "PageReviewSummary",
    "PageSdgPublic",
    "PageSessionPublic",
    "PageStatePublic",
    "PageThemeWithCount",
    "PageTrackingEntryPublic",
    "PledgePublic",
    "Position",
    "PositionCounts",
    "Problem",
    "ProgressPeriod",
    "ProgressSummary",
    "Received",
    "ReceivedInCycle",
    "RecommendationDetail",
    "RecommendationDetailExternalIds",
    "RecommendationField",
    "RecommendationListItem",
    "RecommendationListItemExternalIds",
    "RecommendationPage",
    "RecommendationSourcePublic",
    "RegionalGroup",
    "RelatedPublic",
    "ReportedTotals",
    "ReviewDetail",
    "ReviewNovelty",
    "ReviewSource",
    "ReviewStats",
    "ReviewSummary",
    "ReviewUpdate",
    "SdgPublic",
    "SessionPublic",
    "Sort",
    "SourceProgress",
    "SourceValue",
    "StateDetail",
    "StatePublic",
    "StateRef",
    "StateStats",
    "StateStatus",
    "StatsResponse",
    "StatsRow",
    "StatsRowKeys",
    "StatsRowLabels",
    "StatusCounts",
    "TallyPublic",
    "ThemePublic",
    "ThemeWithCount",
    "TrackingEntryCreate",
    "TrackingEntryPublic",
    "TrackingImportReport",
    "TrackingSource",
    "TrackingStatus",
    "UploadKind",
)
