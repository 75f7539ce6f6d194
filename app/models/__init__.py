"""Every table, in one layer below the domains: each module holds one domain's tables, and
importing this package completes `SQLModel.metadata` (Alembic, tests)."""

from sqlmodel import SQLModel

from app.models.auth import ApiKey, AuditEntry
from app.models.imports import ImportCheckpoint
from app.models.linking import RecommendationLink, ReviewLinking
from app.models.recommendations import (
    ExternalId,
    Recommendation,
    RecommendationDisagreement,
    RecommendationGroup,
    RecommendationItem,
    RecommendationSdg,
    RecommendationSource,
    RecommendationTheme,
    RecommendationUprInfoIssue,
    RecommendingState,
)
from app.models.reviews import Document, Pledge, Review, ReviewWarning, TroikaSeat
from app.models.sessions import Cycle, WorkingGroupSession
from app.models.states import State, StateAlias
from app.models.stats import ReviewTally, SessionTally
from app.models.taxonomy import AffectedGroup, Sdg, Theme, UprInfoIssue
from app.models.tracking import TrackingEntry
from app.models.versioning import DatasetVersion

metadata = SQLModel.metadata

__all__ = [
    "AffectedGroup",
    "ApiKey",
    "AuditEntry",
    "Cycle",
    "DatasetVersion",
    "Document",
    "ExternalId",
    "ImportCheckpoint",
    "Pledge",
    "Recommendation",
    "RecommendationDisagreement",
    "RecommendationGroup",
    "RecommendationItem",
    "RecommendationLink",
    "RecommendationSdg",
    "RecommendationSource",
    "RecommendationTheme",
    "RecommendationUprInfoIssue",
    "RecommendingState",
    "Review",
    "ReviewLinking",
    "ReviewTally",
    "ReviewWarning",
    "Sdg",
    "SessionTally",
    "State",
    "StateAlias",
    "Theme",
    "TrackingEntry",
    "TroikaSeat",
    "UprInfoIssue",
    "WorkingGroupSession",
    "metadata",
]
