"""Matching UPR Info's recommendations (groups of rows) to those already loaded for their
reviews, by text.

The reader groups the rows of one session, state under review and text. Every group
is matched to the recommendations already loaded for its review (from the documents or
another dataset) by its text, in three passes; what matches nothing is added with the
paragraph-less id of `explorer.textual_id` ("20-KAZ-x" and 8 hex digits of its matching key
and states), paragraph "". Texts compare by `matching_key`, without a leading "to" (1st-cycle
reports write "To ratify ...", UPR Info "Ratify ..."). The groups of a review whose texts have
one key are matched together ("a text"):

1. Same text. The loaded recommendations with that key are the candidates. Each row goes to a
   candidate made by its recommending state, the first such candidate not yet given a row of
   that state: when a document has the same text several times, made by different states (20-KAZ
   has "Abolish the death penalty" four times, 125.42-125.45), each gets the rows of its own
   states, and a state giving the text twice gives one row to each of its candidates. A row
   whose state made none of the candidates (or that names none: "(Unknown)") goes with the
   other rows of its group; if none of them was placed, to the first candidate not given any
   row, else to the first candidate. So a group of several states can be the source of several
   recommendations, each with the states (and rows) that belong to it, and a state that
   UPR Info alone names shows as a disagreement on the recommending states.
2. Part of a loaded text. A text without candidates, of at least two words, is matched to the
   one loaded recommendation of its review (whose key is no group's key) that contains it word
   for word and whose states include all of its states: reports join several states'
   recommendations into one numbered item ("To consider establishing ... (India); to continue
   its efforts ... (Burkina Faso); ...", 1st cycle; "Ratify ICCPR (Montenegro); ratify the
   International Covenant ... (Algeria); ...", 2nd cycle), which UPR Info gives one by one.
   Its parts' texts are joined by " / ", and parts answered differently make the position
   `supported_in_part`. Where several loaded recommendations contain it, none is taken.
3. Nearly the same text. A text still unmatched is matched to a loaded recommendation of its
   review, neither matched by pass 2 nor any group's key, that one of its states made and whose
   key is similar (difflib ratio at least 0.9, both keys at least 40 characters): the most
   similar, each recommendation matched once. This takes spelling and extraction differences
   ("fulfill"/"fulfil", "Sejdic"/"Sejdić", "do nor"/"donor", "(CRPD)" left out); the merge
   records the texts' disagreement, so a wrong match shows (such as one treaty's acronym
   for another's in an otherwise identical text).

The matching depends only on the file and on what is loaded, taken in a fixed order (paragraph,
then id; those without paragraph last, so that a document's recommendation is preferred to a
dataset's paragraph-less one with the same text), and a recommendation added by one import is
matched by its own text in the next: a second import of the file changes nothing. Since it
matches what is loaded, import UPR Info's export after the documents and the other datasets:
a document imported later does not look for UPR Info's paragraph-less recommendations.

Each recommendation records its rows ("1-5.csv rows 203, 215") as its reference and, with a
position, its position source. Its rows' position, action category and issues: the rows'
common value (issues: all of them); rows of one text that disagree give no position (or action
category) and a warning. The import's warnings list every problem the reader found (rows that
disagree, repeated states, rows without a recommending state), every malformed row (not
imported), and the counts of groups matched by each pass and added without paragraph.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session, col

from app.importers.loading.explorer import textual_id
from app.importers.loading.incoming import IncomingRecommendation
from app.importers.loading.provenance import PART_SEPARATOR
from app.importers.loading.report import ImportReport
from app.importers.loading.stored import chunks
from app.importers.loading.text import PART_WORDS, text_key
from app.importers.loading.upr_info_rows import rows_reference
from app.importers.parsing.upr_info import UprInfoRecommendation
from app.models.recommendations import Recommendation, RecommendingState
from app.models.reviews import review_id
from app.vocab import Position

SIMILARITY = 0.9  # pass 3: least difflib ratio of two keys
SIMILAR_LENGTH = 40  # pass 3: least length of both keys
FINAL = (Position.supported, Position.noted)
SAME_TEXT, SIMILAR_TEXT, PART_OF_TEXT = "same text", "nearly the same text", "part of a text"


@dataclass(frozen=True)
class Row:
    """One row of a group as matching needs it: its recommending state resolved."""

    number: int
    state: str | None
    position: Position | None  # supported or noted; None for pending or unreadable
    action: int | None
    issues: tuple[str, ...]


@dataclass
class Group:
    """A recommendation as the reader grouped it, placed in its review."""

    item: UprInfoRecommendation
    iso3: str
    rows: list[Row]
    key: str

    @property
    def review(self) -> str:
        """The id of its review."""
        return review_id(self.item.session, self.iso3)

    @property
    def states(self) -> list[str]:
        """Its rows' recommending states, in order, each once."""
        return list(dict.fromkeys(row.state for row in self.rows if row.state))


@dataclass
class Loaded:
    """A recommendation already stored for a review, as matching needs it."""

    id: str
    paragraph: str
    text: str
    key: str
    states: set[str]


@dataclass
class Target:
    """A recommendation this file gives: a loaded one (or a new one) and its rows."""

    id: str
    paragraph: str
    rows: list[tuple[Group, Row]] = field(default_factory=list)


def read_loaded(db: Session, reviews: list[str], *, keys: bool = True) -> dict[str, list[Loaded]]:
    """The recommendations stored for these reviews, by review id, in paragraph order, those
    without paragraph last (with their keys unless `keys` is false)."""
    found: dict[str, Loaded] = {}
    by_review: dict[str, list[Loaded]] = defaultdict(list)
    for chunk in chunks(reviews, 200):
        for row in db.execute(
            select(
                col(Recommendation.id),
                col(Recommendation.review_id),
                col(Recommendation.paragraph),
                col(Recommendation.text),
            )
            .where(col(Recommendation.review_id).in_(chunk))
            .order_by(
                col(Recommendation.review_id),
                col(Recommendation.paragraph_major),
                col(Recommendation.paragraph_minor),
                col(Recommendation.paragraph),
                col(Recommendation.id),
            )
        ):
            key = text_key(row.text) if keys else ""
            item = Loaded(row.id, row.paragraph, row.text, key, set())
            found[row.id] = item
            by_review[row.review_id].append(item)
        for rec_id, iso3 in db.execute(
            select(col(RecommendingState.recommendation_id), col(RecommendingState.iso3))
            .join(Recommendation, col(Recommendation.id) == RecommendingState.recommendation_id)
            .where(col(Recommendation.review_id).in_(chunk))
        ):
            found[rec_id].states.add(iso3)
    for items in by_review.values():  # paragraph-less ones (a dataset's) after the others
        items.sort(key=lambda item: not item.paragraph)
    return by_review


def recommendations(
    path: Path, groups: list[Group], loaded: dict[str, list[Loaded]], report: ImportReport
) -> list[IncomingRecommendation]:
    """The groups matched to the recommendations of their reviews (see the module docstring)."""
    by_review: dict[str, list[Group]] = defaultdict(list)
    for group in groups:
        by_review[group.review].append(group)
    matched: Counter[str] = Counter()
    incoming: list[IncomingRecommendation] = []
    added = 0
    for rid, review_groups in by_review.items():
        targets, added_here = _match_review(review_groups, loaded.get(rid, []), matched)
        added += added_here
        incoming += [_incoming(path, target, report.warnings) for target in targets]
    if groups:
        without = sum(1 for item in incoming if not item.paragraph)
        report.warnings.append(
            f"{len(groups)} recommendations (groups of rows) read: "
            f"{sum(matched.values())} matched by text to recommendations loaded for their "
            f"reviews ({matched[SAME_TEXT]} by the same text, {matched[PART_OF_TEXT]} as part "
            f"of a loaded text, {matched[SIMILAR_TEXT]} by nearly the same text), {added} "
            f"added without paragraph; they give {len(incoming)} recommendations, {without} "
            "of them without paragraph"
        )
    return incoming


def _match_review(
    groups: list[Group], loaded: list[Loaded], matched: Counter[str]
) -> tuple[list[Target], int]:
    """One review's groups matched to its loaded recommendations: the recommendations they
    give, and how many groups were added without paragraph. `matched` counts the groups
    matched by each pass."""
    texts: dict[str, list[Group]] = defaultdict(list)
    for group in groups:
        texts[group.key].append(group)
    by_key: dict[str, list[Loaded]] = defaultdict(list)
    for item in loaded:
        by_key[item.key].append(item)
    targets: dict[str, Target] = {}

    def target(item: Loaded) -> Target:
        return targets.setdefault(item.id, Target(item.id, item.paragraph))

    unmatched: list[list[Group]] = []
    for key, same in texts.items():
        candidates = by_key.get(key)
        if candidates:
            paragraphs = {item.id: item for item in candidates}
            for rec_id, rows in _same_text(same, candidates).items():
                target(paragraphs[rec_id]).rows += rows
            matched[SAME_TEXT] += len(same)
        else:
            unmatched.append(same)
    pool = [item for item in loaded if item.key not in texts]
    wholes: set[str] = set()
    still: list[list[Group]] = []
    for same in unmatched:
        whole = _whole(same, pool)
        if whole is None:
            still.append(same)
            continue
        wholes.add(whole.id)
        target(whole).rows += [(group, row) for group in same for row in group.rows]
        matched[PART_OF_TEXT] += len(same)
    pool = [item for item in pool if item.id not in wholes]
    added = 0
    for same in still:
        similar = _similar(same, pool)
        if similar is not None:
            pool.remove(similar)
            target(similar).rows += [(group, row) for group in same for row in group.rows]
            matched[SIMILAR_TEXT] += len(same)
            continue
        for group in same:
            rec_id = textual_id(group.item.session, group.iso3, group.item.text, group.states)
            targets.setdefault(rec_id, Target(rec_id, "")).rows += [
                (group, row) for row in group.rows
            ]
            added += 1
    return list(targets.values()), added


def _same_text(same: list[Group], candidates: list[Loaded]) -> dict[str, list[tuple[Group, Row]]]:
    """Pass 1: the rows of one text given to the loaded recommendations with that text, by
    candidate id (only candidates given rows)."""
    given: dict[str, list[tuple[Group, Row]]] = defaultdict(list)
    states: dict[str, set[str]] = defaultdict(set)  # candidate id -> states given to it
    went: dict[int, Loaded] = {}  # id(group) -> the first candidate it went to
    deferred: list[tuple[Group, Row]] = []
    for group in same:
        for row in group.rows:
            owners = [item for item in candidates if row.state and row.state in item.states]
            if not owners:
                deferred.append((group, row))
                continue
            assert row.state is not None
            owner = next((item for item in owners if row.state not in states[item.id]), owners[0])
            states[owner.id].add(row.state)
            given[owner.id].append((group, row))
            went.setdefault(id(group), owner)
    for group, row in deferred:
        if id(group) not in went:
            unplaced = (item for item in candidates if not given.get(item.id))
            went[id(group)] = next(unplaced, candidates[0])
        given[went[id(group)].id].append((group, row))
    return given


def _similar(same: list[Group], pool: list[Loaded]) -> Loaded | None:
    """Pass 3: the loaded recommendation of the pool most similar to the text, if any."""
    key = same[0].key
    states = {state for group in same for state in group.states}
    if len(key) < SIMILAR_LENGTH or not states:
        return None
    best, best_ratio = None, SIMILARITY
    for item in pool:
        if len(item.key) < SIMILAR_LENGTH or not states & item.states:
            continue
        if 2 * min(len(key), len(item.key)) / (len(key) + len(item.key)) < best_ratio:
            continue
        matcher = SequenceMatcher(None, key, item.key, autojunk=False)
        if matcher.real_quick_ratio() < best_ratio or matcher.quick_ratio() < best_ratio:
            continue
        ratio = matcher.ratio()
        if ratio >= best_ratio and (best is None or ratio > best_ratio):
            best, best_ratio = item, ratio
    return best


def _whole(same: list[Group], pool: list[Loaded]) -> Loaded | None:
    """Pass 2: the one loaded recommendation of the pool whose text contains this one."""
    key = same[0].key
    states = {state for group in same for state in group.states}
    if len(key.split()) < PART_WORDS or not states:
        return None
    wholes = [item for item in pool if states <= item.states and f" {key} " in f" {item.key} "]
    return wholes[0] if len(wholes) == 1 else None


def _incoming(path: Path, target: Target, warnings: list[str]) -> IncomingRecommendation:
    """One recommendation from the rows that give it."""
    pairs = sorted(target.rows, key=lambda pair: pair[1].number)
    rows = [row for _, row in pairs]
    first = pairs[0][0]
    texts = list(dict.fromkeys(group.item.text for group, _ in pairs))
    parts = len({text_key(text) for text in texts}) > 1
    reference = rows_reference(path.name, (row.number for row in rows))
    positions = {row.position for row in rows}
    position = next(iter(positions)) if len(positions) == 1 else None
    if len(positions) > 1 and parts:
        finals = positions - {None}
        position = Position.supported_in_part if len(finals) > 1 else next(iter(finals), None)
    elif len(positions) > 1 and len({id(group) for group, _ in pairs}) > 1:
        # (the reader already reports rows of one group that disagree)
        warnings.append(
            f"{reference}: one recommendation ({target.id}) answered "
            + " and ".join(sorted(str(value or "nothing") for value in positions))
            + " by rows of texts written differently; no position taken"
        )
    actions = {row.action for row in rows}
    return IncomingRecommendation(
        id=target.id,
        review_id=first.review,
        session=first.item.session,
        iso3=first.iso3,
        paragraph=target.paragraph,
        text=PART_SEPARATOR.join(texts) if parts else texts[0],
        states=list(dict.fromkeys(row.state for row in rows if row.state)),
        position=position,
        position_source=reference if position else None,
        position_text=None,
        themes=[],
        groups=[],
        sdgs=[],
        external_ids={},
        reference=reference,
        upr_info_action_category=next(iter(actions)) if len(actions) == 1 else None,
        upr_info_issues=list(dict.fromkeys(issue for row in rows for issue in row.issues)),
    )
