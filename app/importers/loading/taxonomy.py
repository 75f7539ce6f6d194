"""The taxonomy an import refers to: themes, affected groups and SDG targets, made on first use."""

from __future__ import annotations

from sqlalchemy import select
from sqlmodel import Session, col

from app.importers.records import ThemeRef
from app.models.taxonomy import AffectedGroup, Sdg, Theme, UprInfoIssue


class TaxonomyCache:
    """Themes, groups, SDGs and UPR Info's issues by name/code, created on first use within one
    import."""

    def __init__(self, db: Session) -> None:
        self.db = db
        self.themes = {theme.name: theme for theme in db.execute(select(Theme)).scalars()}
        self.groups = {
            group.name: group.id for group in db.execute(select(AffectedGroup)).scalars()
        }
        self.sdgs = set(db.execute(select(col(Sdg.code))).scalars())
        self.issues = {issue.name: issue.id for issue in db.execute(select(UprInfoIssue)).scalars()}
        self.codes_changed = False  # a theme's code was given: items showing it change
        self._theme_names: dict[int, str] = {}
        self._group_names: dict[int, str] = {}

    def theme_id(self, ref: ThemeRef) -> int:
        """The id of a theme, created (or given its code) as needed."""
        theme = self.themes.get(ref.name)
        if theme is None:
            theme = Theme(name=ref.name, code=ref.code)
            self.db.add(theme)
            self.db.flush()
            self.themes[ref.name] = theme
        elif ref.code and theme.code != ref.code:
            theme.code = ref.code
            self.codes_changed = True
        assert theme.id is not None
        return theme.id

    def group_id(self, name: str) -> int:
        """The id of an affected group, created as needed."""
        if name not in self.groups:
            group = AffectedGroup(name=name)
            self.db.add(group)
            self.db.flush()
            self.groups[name] = group.id
        return self.groups[name]

    def sdg_code(self, code: str) -> str:
        """An SDG code, with the target created as needed."""
        if code not in self.sdgs:
            goal = int(code.split(".")[0])
            self.db.add(Sdg(code=code, goal=goal))
            self.db.flush()
            self.sdgs.add(code)
        return code

    def upr_info_issue_id(self, name: str) -> int:
        """The id of an issue of UPR Info's taxonomy, created as needed."""
        if name not in self.issues:
            issue = UprInfoIssue(name=name)
            self.db.add(issue)
            self.db.flush()
            self.issues[name] = issue.id
        return self.issues[name]

    def theme_name(self, theme_id: int) -> str:
        """The name of a theme by id."""
        if theme_id not in self._theme_names:
            self._theme_names = {theme.id: name for name, theme in self.themes.items()}
        return self._theme_names[theme_id]

    def group_name(self, group_id: int) -> str:
        """The name of an affected group by id."""
        if group_id not in self._group_names:
            self._group_names = {gid: name for name, gid in self.groups.items()}
        return self._group_names[group_id]
