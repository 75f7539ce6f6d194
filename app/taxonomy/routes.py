"""HTTP routes for the taxonomies: themes, affected groups, SDGs and UPR Info's issues."""

from typing import Annotated

from fastapi import APIRouter, Query

from app.db import DbDep
from app.kit.pagination import Page
from app.kit.problems import problem_responses
from app.taxonomy import queries
from app.taxonomy.schemas import GroupPublic, SdgPublic, ThemeWithCount

router = APIRouter(prefix="/v1", tags=["taxonomies"])


@router.get("/themes", response_model=Page[ThemeWithCount])
def list_themes(db: DbDep) -> Page[ThemeWithCount]:
    """List the human-rights themes recommendations are classified under, with their counts."""
    items = [
        ThemeWithCount(id=theme.id or 0, name=theme.name, code=theme.code, recommendations=n)
        for theme, n in queries.themes_with_counts(db)
    ]
    return Page(items=items, total=len(items))


@router.get("/groups", response_model=Page[GroupPublic])
def list_groups(db: DbDep) -> Page[GroupPublic]:
    """List the groups of persons (affected groups) recommendations concern, with their counts."""
    items = [
        GroupPublic(id=group.id or 0, name=group.name, recommendations=n)
        for group, n in queries.groups_with_counts(db)
    ]
    return Page(items=items, total=len(items))


@router.get("/upr-info-issues", response_model=Page[GroupPublic])
def list_upr_info_issues(db: DbDep) -> Page[GroupPublic]:
    """List the issues of UPR Info's own taxonomy (not OHCHR's themes) that imported UPR Info
    data files recommendations under, with their counts; empty unless UPR Info's export was
    imported (`upr import upr-info`)."""
    items = [
        GroupPublic(id=issue.id or 0, name=issue.name, recommendations=n)
        for issue, n in queries.upr_info_issues_with_counts(db)
    ]
    return Page(items=items, total=len(items))


@router.get("/sdgs", response_model=Page[SdgPublic], responses=problem_responses(422))
def list_sdgs(
    db: DbDep,
    goal: Annotated[
        int | None, Query(ge=1, le=17, description="Only this goal and its targets.")
    ] = None,
) -> Page[SdgPublic]:
    """List the 17 Sustainable Development Goals and the targets cited, with their counts."""
    items = [
        SdgPublic(code=sdg.code, goal=sdg.goal, title=sdg.title, recommendations=n)
        for sdg, n in queries.sdgs_with_counts(db, goal)
    ]
    return Page(items=items, total=len(items))
