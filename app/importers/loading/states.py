"""Resolving state names as written in a document to ISO3 codes, through the alias table."""

from __future__ import annotations

import re
from collections import defaultdict

from sqlmodel import Session

from app.states.queries import fold_name, name_index


class StateResolver:
    """Resolves state names as written to ISO3 codes and collects the names it cannot resolve."""

    def __init__(self, db: Session) -> None:
        self._index = name_index(db)
        self._compact = {key.replace(" ", ""): iso3 for key, iso3 in self._index.items()}
        self.unresolved: dict[str, list[str]] = defaultdict(list)

    def resolve(self, name: str, where: str) -> str | None:
        """The ISO3 code of `name`, or None (remembered with `where` for the failure report).

        A name is matched ignoring case, accents and a leading "the"; failing that, ignoring
        all spaces, which repairs words broken by PDF text extraction ("Arge ntina").
        """
        key = fold_name(name)
        iso3 = self._index.get(key) or self._index.get(re.sub(r"^the ", "", key))
        iso3 = iso3 or self._compact.get(key.replace(" ", ""))
        if iso3 is None:
            self.unresolved[name].append(where)
        return iso3

    def problems(self) -> list[str]:
        """One line per unresolved name with every place it occurred."""
        return [
            f"unknown state name {name!r} at {', '.join(places[:10])}"
            + (f" and {len(places) - 10} more places" if len(places) > 10 else "")
            + " (add it with `upr states alias`)"
            for name, places in sorted(self.unresolved.items())
        ]
