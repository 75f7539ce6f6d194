"""Every table, imported in one place so that `SQLModel.metadata` is complete (Alembic, tests)."""

from sqlmodel import SQLModel

from app.auth.models import ApiKey, AuditEntry
from app.importers.models import ImportCheckpoint
from app.linking.models import RecommendationLink, ReviewLinking
from app.recommendations.models import (
    ExternalId,
    Recommendation,
    RecommendationDisagreement,
    RecommendationGroup,
    RecommendationSdg,
    RecommendationSource,
    RecommendationTheme,
    RecommendationUprInfoIssue,
    RecommendingState,
)
from app.reviews.models import Document, Pledge, Review, ReviewWarning, TroikaSeat
from app.sessions.models import Cycle, WorkingGroupSession
from app.states.models import State, StateAlias
from app.stats.models import ReviewTally, SessionTally
from app.taxonomy.models import AffectedGroup, Sdg, Theme, UprInfoIssue
from app.tracking.models import TrackingEntry
from app.versioning import DatasetVersion

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
