"""SQL for states and their names."""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from sqlmodel import Session, col, select

from app.models.states import State, StateAlias
from app.vocab import RegionalGroup, StateStatus

if TYPE_CHECKING:
    from app.unit_of_work import UnitOfWork

ALIAS_MAX_LENGTH = 120


def fold_name(name: str) -> str:
    """A name folded for matching: no accents, case folded, whitespace and quotes normalised."""
    decomposed = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def list_states(
    db: Session, regional_group: RegionalGroup | None, status: StateStatus | None
) -> list[State]:
    """States in name order, optionally of one regional group or status."""
    query = select(State).order_by(col(State.name))
    if regional_group is not None:
        query = query.where(State.regional_group == regional_group)
    if status is not None:
        query = query.where(State.status == status)
    return list(db.exec(query))


def aliases_of(db: Session, iso3: str) -> list[str]:
    """The other names of a state, alphabetically."""
    query = select(StateAlias.alias).where(StateAlias.iso3 == iso3).order_by(col(StateAlias.alias))
    return list(db.exec(query))


def name_index(db: Session) -> dict[str, str]:
    """Folded name -> ISO3 for every canonical name and alias (what importers resolve with)."""
    index = {fold_name(name): iso3 for iso3, name in db.exec(select(State.iso3, State.name))}
    index.update(db.exec(select(StateAlias.key, StateAlias.iso3)).all())
    return index


class AliasConflict(ValueError):
    """An alias that is already another state's name or alias."""


class InvalidAlias(ValueError):
    """An alias that is empty or too long once folded."""


def add_alias(work: UnitOfWork, alias: str, iso3: str) -> tuple[StateAlias, bool]:
    """Record `alias` as another name of the state `iso3` in `work`; the row and whether it is new.

    An alias that already names `iso3` is returned as it is, and nothing is written.
    """
    db = work.db
    if db.get(State, iso3) is None:
        raise AliasConflict(f"no state with ISO3 code {iso3!r}")
    key = fold_name(alias)
    if not key or len(key) > ALIAS_MAX_LENGTH or len(alias) > ALIAS_MAX_LENGTH:
        raise InvalidAlias(f"an alias must have 1 to {ALIAS_MAX_LENGTH} characters")
    taken = name_index(db).get(key)
    if taken is not None and taken != iso3:
        raise AliasConflict(f"{alias!r} already names {taken}")
    existing = db.exec(select(StateAlias).where(StateAlias.key == key)).first()
    if existing is not None:
        return existing, False
    if taken == iso3:
        raise AliasConflict(f"{alias!r} is already the name of {iso3}")
    row = StateAlias(alias=alias, key=key, iso3=iso3)
    db.add(row)
    db.flush()
    work.changes.data_changed()
    return row, True


def remove_alias(work: UnitOfWork, alias: str, iso3: str) -> StateAlias | None:
    """Delete the alias `alias` of the state `iso3` in `work`: the row removed, or None when
    the state has no such alias."""
    key = fold_name(alias)
    db = work.db
    row = db.exec(select(StateAlias).where(StateAlias.key == key, StateAlias.iso3 == iso3)).first()
    if row is None:
        return None
    db.delete(row)
    db.flush()
    work.changes.data_changed()
    return row
