"""SQL for themes, affected groups and SDGs, each with its number of loaded recommendations."""

from sqlalchemy import func
from sqlmodel import Session, col, select

from app.models.recommendations import (
    RecommendationGroup,
    RecommendationSdg,
    RecommendationTheme,
    RecommendationUprInfoIssue,
)
from app.models.taxonomy import AffectedGroup, Sdg, Theme, UprInfoIssue


def themes_with_counts(db: Session) -> list[tuple[Theme, int]]:
    """Every theme by name, with how many recommendations carry it."""
    count = func.count(col(RecommendationTheme.recommendation_id))
    query = (
        select(Theme, count)
        .outerjoin(RecommendationTheme, col(RecommendationTheme.theme_id) == col(Theme.id))
        .group_by(col(Theme.id))
        .order_by(col(Theme.name))
    )
    return [(theme, n) for theme, n in db.exec(query)]


def groups_with_counts(db: Session) -> list[tuple[AffectedGroup, int]]:
    """Every affected group by name, with how many recommendations concern it."""
    count = func.count(col(RecommendationGroup.recommendation_id))
    query = (
        select(AffectedGroup, count)
        .outerjoin(RecommendationGroup, col(RecommendationGroup.group_id) == col(AffectedGroup.id))
        .group_by(col(AffectedGroup.id))
        .order_by(col(AffectedGroup.name))
    )
    return [(group, n) for group, n in db.exec(query)]


def upr_info_issues_with_counts(db: Session) -> list[tuple[UprInfoIssue, int]]:
    """Every issue of UPR Info's taxonomy by name, with how many recommendations it files."""
    link = RecommendationUprInfoIssue
    count = func.count(col(link.recommendation_id))
    query = (
        select(UprInfoIssue, count)
        .outerjoin(link, col(link.issue_id) == col(UprInfoIssue.id))
        .group_by(col(UprInfoIssue.id))
        .order_by(col(UprInfoIssue.name))
    )
    return [(issue, n) for issue, n in db.exec(query)]


def sdgs_with_counts(db: Session, goal: int | None) -> list[tuple[Sdg, int]]:
    """Every SDG goal and known target in numeric order, with how many recommendations cite it."""
    count = func.count(col(RecommendationSdg.recommendation_id))
    query = (
        select(Sdg, count)
        .outerjoin(RecommendationSdg, col(RecommendationSdg.sdg_code) == col(Sdg.code))
        .group_by(col(Sdg.code))
    )
    if goal is not None:
        query = query.where(Sdg.goal == goal)
    rows = [(sdg, n) for sdg, n in db.exec(query)]
    return sorted(
        rows,
        key=lambda row: [
            (p.isalpha(), int(p) if p.isdigit() else p) for p in row[0].code.split(".")
        ],
    )
