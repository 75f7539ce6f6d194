"""Provenance: the sources of each recommendation, and where two of them disagree.

Every source that gives a recommendation any field is stored with it (`RecommendationSource`:
the source, its reference, the fields it gave). Where two sources give a field different values
(`differ`), the disagreement is stored with both values (`RecommendationDisagreement`) and
listed in the import report; an import of a source re-evaluates the disagreements it is part
of, so a corrected source clears its own (`record_provenance`).

Values are kept as text: the recommendation's text, the position, or the members of a list
field (recommending states' ISO3 codes, theme and group names, SDG codes) joined by "; ".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from app.importers.loading.bulk import Writes
from app.importers.loading.incoming import IncomingRecommendation
from app.importers.loading.report import ImportReport
from app.importers.loading.stored import Stored
from app.importers.loading.taxonomy import TaxonomyCache
from app.importers.loading.text import matching_key
from app.vocab import DataSource, Position, RecommendationField

F = RecommendationField
SEPARATOR = "; "
PART_SEPARATOR = " / "  # a dataset's parts of one numbered recommendation, joined
_FINAL = {Position.supported.value, Position.noted.value, Position.supported_in_part.value}


def render(values: Iterable[str]) -> str:
    """A list field's members as one value, in a stable order."""
    return SEPARATOR.join(sorted(set(values)))


def members(value: str) -> set[str]:
    """The members of a list field's value."""
    return set(value.split(SEPARATOR)) if value else set()


def differ(name: RecommendationField, one: str, other: str) -> bool:
    """Whether two sources' values of a field say different things.

    Texts differ when their matching keys differ (case, punctuation and spacing aside), unless
    one is made of parts of the other (a dataset that gives a 1st-cycle recommendation's parts
    one by one). Positions differ only when both are final: "pending" against "noted" is a
    later answer, not a contradiction. List fields differ when their members do.
    """
    if name is F.text:
        return not (_same_text(one, other) or _same_text(other, one))
    if name is F.position:
        return one in _FINAL and other in _FINAL and one != other
    return members(one) != members(other)


def _same_text(parts: str, whole: str) -> bool:
    whole_key = matching_key(whole)
    keys = [matching_key(part) for part in parts.split(PART_SEPARATOR)]
    return keys == [whole_key] or all(key and key in whole_key for key in keys)


def source_row(item: IncomingRecommendation, source: DataSource) -> dict[str, Any]:
    """The `RecommendationSource` row of a source that gives `item`."""
    return {
        "recommendation_id": item.id,
        "source": source,
        "reference": item.reference,
        "fields": ",".join(item.given()),
    }


def record_provenance(
    writes: Writes,
    item: IncomingRecommendation,
    old: Stored,
    source: DataSource,
    taxonomy: TaxonomyCache,
    report: ImportReport,
) -> bool:
    """Record the source and re-evaluate the disagreements it is part of; whether either changed.

    Compared before the recommendation's values change: the incoming value against the stored
    one (when another source gave it), and against every value it disagreed with before.
    """
    changed = False
    wanted_source = source_row(item, source)
    if old.sources.get(source) != (wanted_source["reference"], wanted_source["fields"]):
        if source in old.sources:
            writes.stale_sources.append((item.id, source.value))
        writes.sources.append(wanted_source)
        changed = True

    given = item.given()
    mine = _values(item)
    # (field, other source) -> (other reference, other value)
    others: dict[tuple[RecommendationField, DataSource], tuple[str, str]] = {}
    for (name, high, low), pair in old.disagreements.items():
        if source.value == low:
            others[F(name), DataSource(high)] = (pair.reference, pair.value)
        elif source.value == high:
            others[F(name), DataSource(low)] = (pair.other_reference, pair.other_value)
    for name in given:
        current = old.source_of(name)
        if current is not None and current is not source:
            reference = old.sources.get(current, (old.row.position_source or "", ""))[0]
            others[name, current] = (reference, _served(name, old, taxonomy))

    wanted: dict[tuple[str, str, str], dict[str, Any]] = {}
    for (name, other), (other_reference, other_value) in others.items():
        if name not in given or not differ(name, mine[name], other_value):
            continue
        ours = (source, item.reference, mine[name])
        theirs = (other, other_reference, other_value)
        winner, loser = (
            (ours, theirs) if _rank(name, source) > _rank(name, other) else (theirs, ours)
        )
        wanted[name.value, winner[0].value, loser[0].value] = {
            "recommendation_id": item.id,
            "field": name,
            "source": winner[0],
            "reference": winner[1],
            "value": winner[2],
            "other_source": loser[0],
            "other_reference": loser[1],
            "other_value": loser[2],
        }
        report.disagreements.append(
            f"{item.id}: {name.value} differs: {winner[0].value} ({winner[1]}) has {winner[2]!r}, "
            f"{loser[0].value} ({loser[1]}) has {loser[2]!r}"
        )
    for key, pair in old.disagreements.items():
        if source.value not in key[1:]:
            continue
        current_pair = wanted.get(key)
        if current_pair is None or any(
            pair._mapping[column] != current_pair[column]
            for column in ("reference", "value", "other_reference", "other_value")
        ):
            writes.stale_pairs.append((item.id, *key))
            changed = True
        else:
            del wanted[key]
    if wanted:
        writes.pairs.extend(wanted.values())
        changed = True
    return changed


def _rank(name: RecommendationField, source: DataSource) -> int:
    return source.position_rank if name is F.position else source.text_rank


def _values(item: IncomingRecommendation) -> dict[RecommendationField, str]:
    """The incoming source's value of each field it gives, as disagreements store them."""
    return {
        F.text: item.text,
        F.position: item.position.value if item.position else "",
        F.recommending_states: render(item.states),
        F.themes: render(ref.name for ref in item.themes),
        F.affected_groups: render(item.groups),
        F.sdgs: render(item.sdgs),
    }


def _served(name: RecommendationField, old: Stored, taxonomy: TaxonomyCache) -> str:
    """The stored (served) value of a field, as disagreements store them."""
    row = old.row
    if name is F.text:
        return str(row.text)
    if name is F.position:
        return str(row.position or "")
    if name is F.recommending_states:
        return render(old.states)
    if name is F.themes:
        return render(taxonomy.theme_name(theme) for theme in old.themes)
    if name is F.affected_groups:
        return render(taxonomy.group_name(group) for group in old.groups)
    return render(old.sdgs)
