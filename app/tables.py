"""Every table, imported in one place so that `SQLModel.metadata` is complete (Alembic, tests)."""

from sqlmodel import SQLModel

from app.importers.models import ImportCheckpoint
from app.recommendations.models import (
    ExternalId,
    Recommendation,
    RecommendationGroup,
    RecommendationSdg,
    RecommendationTheme,
    RecommendingState,
)
from app.reviews.models import Document, Review, ReviewWarning, TroikaSeat
from app.sessions.models import Cycle, WorkingGroupSession
from app.states.models import State, StateAlias
from app.taxonomy.models import AffectedGroup, Sdg, Theme

metadata = SQLModel.metadata

__all__ = [
    "AffectedGroup",
    "Cycle",
    "Document",
    "ExternalId",
    "ImportCheckpoint",
    "Recommendation",
    "RecommendationGroup",
    "RecommendationSdg",
    "RecommendationTheme",
    "RecommendingState",
    "Review",
    "ReviewWarning",
    "Sdg",
    "State",
    "StateAlias",
    "Theme",
    "TroikaSeat",
    "WorkingGroupSession",
    "metadata",
]
