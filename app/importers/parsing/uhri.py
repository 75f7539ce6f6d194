"""Streaming reader for OHCHR's Universal Human Rights Index (UHRI) bulk export.

The export (`export-full-en.json`, about 360 MB) is one JSON array of annotation records
from every body (treaty bodies, special procedures, UPR). This module reads it with ijson,
one array item at a time, so memory stays constant whatever the file size; it touches no
database. Only UPR recommendations come out (`Body` "- UPR" and an `AnnotationType` that
is a recommendation); every other item is counted and skipped.

Problem reporting
-----------------
A record whose values cannot be mapped is never dropped silently. Each such value becomes a
`UhriProblem` (location "record <index>", AnnotationId, field name, raw value, message):

* a *fatal* problem (`skipped=True`) means the record could not be turned into a
  recommendation and was not yielded: no usable session, no single state under review,
  no text, no paragraph number at the start of the text, an array item that is not an object;
* a *non-fatal* problem (`skipped=False`) means the record was yielded with that one value
  left out or marked: an unknown or conflicting position label (the recommendation comes out
  with `Position.unclear` and the labels in `position_text`), an SDG or publication date that
  cannot be read, an unreadable extra UprSession value, no recommending state, no AnnotationId,
  a UPR record without AnnotationType (read as a recommendation).

`UhriReader` is the one implementation. It is iterable (yielding `UhriRecord`s) and keeps
what it met in `reader.problems` and `reader.stats`; with `strict=True` the first problem
raises `UhriProblemError` (a `ParseError`) instead. So a caller either fails on the first
problem (strict) or reads everything and then decides, e.g. fails if any problem is fatal,
or reports them all. `iter_uhri_recommendations()` is the short form: strict unless the
caller passes a list to collect problems into.

Broken files are different: a path that is not a readable file, an empty file, a document
that is not a JSON array, or malformed JSON raise `ParseError(file, where, problem)`, where
`where` names the record index being read and the byte offset of the failure.

Resuming
--------
`start=N` skips the first N array items (whatever their kind) without mapping them, so a
loader that committed records up to index i can resume with `start=i + 1`. Each
`UhriRecord` carries its array `index` for this purpose.
"""

from __future__ import annotations

import datetime as dt
import html
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import IO, Any, TypeVar

import ijson

from app.importers.parsing.state_groups import name_key, split_trailing_states
from app.importers.records import ParsedRecommendation, ParseError, ThemeRef
from app.vocab import Position

__all__ = [
    "BACKEND_NAME",
    "UhriProblem",
    "UhriProblemError",
    "UhriReader",
    "UhriRecord",
    "UhriStats",
    "batched",
    "iter_uhri_recommendations",
    "map_position_labels",
    "parse_sdg",
    "parse_session",
]


def _load_backend() -> ModuleType:
    try:
        return ijson.get_backend("yajl2_c")
    except ImportError:
        return ijson  # ijson's default (best available) backend


_BACKEND = _load_backend()
BACKEND_NAME: str = str(
    getattr(_BACKEND, "backend_name", None) or getattr(_BACKEND, "backend", "?")
)
_BUF_SIZE = 64 * 1024

T = TypeVar("T")

if hasattr(itertools, "batched"):  # Python 3.12+
    batched = itertools.batched  # type: ignore[attr-defined]
else:

    def batched(iterable: Iterable[T], n: int) -> Iterator[tuple[T, ...]]:
        """Successive tuples of `n` items (the last may be shorter), like itertools.batched."""
        if n < 1:
            raise ValueError("n must be at least one")
        iterator = iter(iterable)
        while chunk := tuple(itertools.islice(iterator, n)):
            yield chunk


# --------------------------------------------------------------------------- data types


@dataclass(frozen=True, slots=True)
class UhriProblem:
    """A value in the export that could not be mapped.

    `skipped` is True when the whole record was left out because of it.
    """

    location: str
    annotation_id: str | None
    field: str
    value: Any
    message: str
    skipped: bool = False

    def __str__(self) -> str:
        ident = f" ({self.annotation_id})" if self.annotation_id else ""
        outcome = "record skipped" if self.skipped else "record kept"
        return f"{self.location}{ident}: {self.field}={self.value!r}: {self.message} [{outcome}]"


class UhriProblemError(ParseError):
    """Raised by a strict reader at the first `UhriProblem`."""

    def __init__(self, file: str, problem: UhriProblem) -> None:
        where = problem.location
        if problem.annotation_id:
            where += f" (AnnotationId {problem.annotation_id})"
        super().__init__(file, where, f"{problem.field}={problem.value!r}: {problem.message}")
        self.uhri_problem = problem


@dataclass(slots=True)
class UhriRecord:
    """One UPR recommendation from the export."""

    index: int  # position in the export's array (0-based); resume with start=index + 1
    annotation_id: str | None
    session: int
    state_under_review: str
    recommendation: ParsedRecommendation
    symbol: str | None
    publication_date: dt.date | None


@dataclass(slots=True)
class UhriStats:
    """Counts from one pass over the export (items before `start` are not counted)."""

    items: int = 0  # array items read
    upr_recommendations: int = 0  # items that are UPR recommendations
    yielded: int = 0
    skipped_other: int = 0  # other bodies, or UPR items that are not recommendations
    skipped_with_problems: int = 0  # UPR recommendations left out because of a fatal problem
    problems: int = 0


# --------------------------------------------------------------------------- value parsing

_DASH_PREFIX = re.compile(r"^\s*[-\u2013\u2014\u2022]\s*")
_WS = re.compile(r"\s+")
_TAG = re.compile(r"<[^>]*>")
_INT = re.compile(r"\d+")
_PARAGRAPH = re.compile(
    r"^(?:para(?:graph)?\.?\s*)?(\d{1,4}(?:\.\d{1,4})+)\.?(?:\s*[-\u2013\u2014:]\s*|\s+|(?=[^\d.]))"
)
_SOURCE_OF_POSITION = re.compile(r"\s*\bsource of position\s*:\s*(.*)$", re.IGNORECASE | re.DOTALL)
_SDG = re.compile(
    r"^(?:sdg|goal|target)?\s*(\d{1,2})(?:\.(\d{1,2}|[a-z]))?(?=$|[\s\-\u2013:,.])", re.IGNORECASE
)
_THEME_CODE = re.compile(r"^([A-K]\d{1,2})\s+(?:[-\u2013]\s+)?(\S.*)$")
_DATE = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})")
_TRAILING = " \t;.,"


def _label(value: Any) -> str:
    """A label as written, without the export's "- " prefix and surrounding blanks."""
    text = str(value).strip()
    if text[:1] in "-\u2013\u2014\u2022" and text:
        text = _DASH_PREFIX.sub("", text, count=1)
    return text


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    if isinstance(value, list):
        return value
    return [value]


def _labels(value: Any) -> list[str]:
    """Non-empty, de-duplicated labels of a list field, in order."""
    out: list[str] = []
    for item in _as_list(value):
        if item is None:
            continue
        label = _label(item)
        if label and label not in out:
            out.append(label)
    return out


def _html_to_text(value: str) -> str:
    if "<" in value:
        value = _TAG.sub(" ", value)
    if "&" in value:
        value = html.unescape(value)
    value = value.replace("\u200b", "").replace("\ufeff", "")
    return _WS.sub(" ", value).strip()


def parse_session(value: Any) -> int | None:
    """A UPR session number from one UprSession value ("48", "- 48", "Session 48", 48, ...)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, (float, Decimal)):
        if value != int(value):
            return None
        number = int(value)
    elif isinstance(value, str):
        match = _INT.search(value)
        if match is None:
            return None
        number = int(match.group())
    else:
        return None
    return number if 1 <= number <= 999 else None


def parse_sdg(value: str) -> str | None:
    """The SDG target ("16.2") or goal ("16") that a label such as "16.2 - Protect ..." names."""
    match = _SDG.match(_label(value))
    if match is None:
        return None
    goal, target = match.groups()
    if not 1 <= int(goal) <= 17:
        return None
    return f"{int(goal)}.{target.lower()}" if target else str(int(goal))


_POSITION_LABELS: dict[str, Position] = {
    **dict.fromkeys(
        ["supported", "support", "supports", "accepted", "accept", "fully supported"],
        Position.supported,
    ),
    **dict.fromkeys(
        [
            "noted",
            "note",
            "notes",
            "takes note",
            "took note",
            "not supported",
            "not accepted",
            "rejected",
        ],
        Position.noted,
    ),
    **dict.fromkeys(
        [
            "partially supported",
            "supported in part",
            "partly supported",
            "partially accepted",
            "accepted in part",
            "supported partially",
            "supported_in_part",
        ],
        Position.supported_in_part,
    ),
    **dict.fromkeys(
        ["pending", "pending response", "under consideration", "to be considered"],
        Position.pending,
    ),
    **dict.fromkeys(
        [
            "unclear",
            "unclear response",
            "no clear position",
            "no clear response",
            "no response",
            "no position",
        ],
        Position.unclear,
    ),
}


def _position_key(label: str) -> str:
    return _WS.sub(" ", label.replace("\u00a0", " ")).strip(" .;:").casefold()


def map_position_labels(labels: list[str]) -> tuple[Position | None, str | None, str | None]:
    """Map UprPositions labels (prefix already removed) to (position, position_text, problem).

    No labels → (None, None, None). One known position, however often repeated → that
    position. Several different known positions → `supported_in_part` if one of them says so
    (and the others are supported/noted), else `unclear` with a problem. Any unknown label →
    `unclear` with a problem. `position_text` is the labels as written, joined by "; ".
    """
    if not labels:
        return None, None, None
    text = "; ".join(labels)
    mapped: list[Position] = []
    unknown = [label for label in labels if _position_key(label) not in _POSITION_LABELS]
    if unknown:
        return Position.unclear, text, f"unknown position label(s): {', '.join(unknown)}"
    for label in labels:
        position = _POSITION_LABELS[_position_key(label)]
        if position not in mapped:
            mapped.append(position)
    if len(mapped) == 1:
        return mapped[0], text, None
    partial = {Position.supported_in_part, Position.supported, Position.noted}
    if Position.supported_in_part in mapped and set(mapped) <= partial:
        return Position.supported_in_part, text, None
    return Position.unclear, text, f"conflicting positions: {text}"


def _strip_trailing_states(text: str, states: list[str]) -> str:
    """The text without the final ';' / '.' and the trailing "(State) (State, State)" groups.

    A group is removed when its names are among the recommending states, or, until as many
    names as there are recommending states have been removed, when they look like state
    names — this covers spellings that differ from UprRecommendingCountry without eating
    "(No. 189)" or "(CEDAW)".
    """
    known = {name_key(state) for state in states}
    return split_trailing_states(text, known, max_names=len(states))[0]


# --------------------------------------------------------------------------- file access


class _CountingReader:
    """A binary file wrapper that remembers how many bytes were handed to the parser."""

    __slots__ = ("_raw", "chunk", "chunk_start", "consumed")

    def __init__(self, raw: IO[bytes], offset: int) -> None:
        self._raw = raw
        self.consumed = offset
        self.chunk_start = offset
        self.chunk = b""

    def read(self, size: int = -1) -> bytes:
        data = self._raw.read(size)
        if data:
            self.chunk_start = self.consumed
            self.chunk = data
            self.consumed += len(data)
        return data


def _error_offset(message: str, reader: _CountingReader) -> int:
    """Best-effort absolute byte offset of a yajl error, else the bytes read so far.

    yajl renders the current buffer around the error offset: text starts at column 40 - offset
    (offset < 30) or column 10 (offset >= 30), and a caret sits at column 40.
    """
    lines = message.split("\n")
    if len(lines) < 3 or "(right here)" not in lines[2]:
        return reader.consumed
    context = lines[1].encode("utf-8", "surrogateescape")
    caret = lines[2].encode("utf-8", "surrogateescape").find(b"^")
    if caret != 40 or not context.strip():
        return reader.consumed
    chunk = reader.chunk.replace(b"\n", b" ").replace(b"\r", b" ")
    candidates: list[int] = []
    for offset in range(0, min(30, len(chunk) + 1)):
        lead = 40 - offset
        if context[:lead].strip() == b"" and context[lead:] == chunk[: len(context) - lead]:
            candidates.append(offset)
    needle = context[10:]
    position = chunk.find(needle)
    if position >= 0 and chunk.find(needle, position + 1) < 0 and context[:10].strip() == b"":
        candidates.append(position + 30)
    if len(candidates) == 1:
        # yajl's offset is just past the offending byte
        return reader.chunk_start + max(candidates[0] - 1, 0)
    return reader.consumed


def _open_array(path: Path) -> tuple[IO[bytes], int]:
    """Open the export, check that it starts a JSON array; return the file and its data offset."""
    name = str(path)
    if not path.exists():
        raise ParseError(name, "file", "no such file")
    if not path.is_file():
        raise ParseError(name, "file", "not a regular file")
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise ParseError(name, "file", f"cannot open: {exc.strerror or exc}") from exc
    head = raw.read(4096)
    offset = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    stripped = head[offset:].lstrip(b" \t\r\n")
    if not stripped:
        raw.close()
        raise ParseError(name, "byte 0", "empty file: expected a JSON array")
    if stripped[:1] != b"[":
        found = stripped[:1].decode("latin-1")
        raw.close()
        where = f"byte {len(head) - len(stripped)}"
        raise ParseError(name, where, f"not a JSON array (the document starts with {found!r})")
    raw.seek(offset)
    return raw, offset


# --------------------------------------------------------------------------- the reader


class UhriReader:
    """Iterate over the UPR recommendations of a UHRI export, collecting problems.

    `start`: index of the first array item to map (items before it are skipped unread by the
    mapping code, for resuming). `strict`: raise `UhriProblemError` at the first problem.
    `problems`: list to append problems to (default: a new list, `reader.problems`).
    Each iteration re-reads the file from `start` and adds to `problems` and `stats`.
    """

    def __init__(
        self,
        path: Path | str,
        *,
        start: int = 0,
        strict: bool = False,
        problems: list[UhriProblem] | None = None,
    ) -> None:
        if start < 0:
            raise ValueError(f"start must be >= 0, got {start}")
        self.path = Path(path)
        self.start = start
        self.strict = strict
        self.problems: list[UhriProblem] = problems if problems is not None else []
        self.stats = UhriStats()
        self.next_index = start  # index of the next array item to read

    @property
    def fatal_problems(self) -> list[UhriProblem]:
        return [problem for problem in self.problems if problem.skipped]

    def __iter__(self) -> Iterator[UhriRecord]:
        name = str(self.path)
        raw, offset = _open_array(self.path)
        with raw:
            reader = _CountingReader(raw, offset)
            items = _BACKEND.items(reader, "item", buf_size=_BUF_SIZE)
            index = 0  # index of the array item being read
            try:
                for _ in itertools.islice(items, self.start):
                    index += 1
                self.next_index = index
                for item in items:
                    self.stats.items += 1
                    record = self._map(item, index)
                    index += 1
                    self.next_index = index
                    if record is not None:
                        self.stats.yielded += 1
                        yield record
            except ijson.JSONError as exc:
                message = str(exc)
                problem = message.split("\n", 1)[0].strip() or type(exc).__name__
                byte = _error_offset(message, reader)
                where = f"record {index}, near byte {byte}"
                raise ParseError(name, where, f"malformed JSON: {problem}") from exc

    # -- mapping -------------------------------------------------------------------------

    def _report(self, problem: UhriProblem) -> None:
        self.problems.append(problem)
        self.stats.problems += 1
        if self.strict:
            raise UhriProblemError(str(self.path), problem)

    def _fatal(
        self, location: str, annotation_id: str | None, name: str, value: Any, message: str
    ) -> None:
        self.stats.skipped_with_problems += 1
        self._report(UhriProblem(location, annotation_id, name, value, message, skipped=True))

    def _map(self, item: Any, index: int) -> UhriRecord | None:
        location = f"record {index}"
        if not isinstance(item, dict):
            self._fatal(location, None, "record", item, "array item is not a JSON object")
            return None
        kind = _kind(item)
        if kind is False:
            self.stats.skipped_other += 1
            return None
        self.stats.upr_recommendations += 1

        raw_id = item.get("AnnotationId")
        annotation_id = str(raw_id).strip() if raw_id not in (None, "") else None
        report = self._report
        if kind is None:
            message = "UPR record without an AnnotationType; read as a recommendation"
            report(UhriProblem(location, annotation_id, "AnnotationType", None, message))

        # session
        raw_session = item.get("UprSession")
        sessions: list[int] = []
        unreadable = []
        for value in _as_list(raw_session):
            number = parse_session(value)
            if number is None:
                unreadable.append(value)
            elif number not in sessions:
                sessions.append(number)
        if len(sessions) != 1:
            if not sessions:
                message = "unreadable session" if unreadable else "no UPR session number"
            else:
                message = f"several sessions: {sessions}"
            self._fatal(location, annotation_id, "UprSession", raw_session, message)
            return None
        session = sessions[0]
        if unreadable:
            message = f"unreadable value(s) {unreadable} besides session {session}; ignored"
            report(UhriProblem(location, annotation_id, "UprSession", raw_session, message))

        # state under review
        raw_countries = item.get("Countries")
        countries = _labels(raw_countries)
        if len(countries) != 1:
            message = "no state under review" if not countries else "several states under review"
            self._fatal(location, annotation_id, "Countries", raw_countries, message)
            return None

        # text and paragraph number
        raw_text = item.get("Text")
        text = _html_to_text(raw_text) if isinstance(raw_text, str) else ""
        if not text:
            self._fatal(location, annotation_id, "Text", raw_text, "no recommendation text")
            return None
        match = _PARAGRAPH.match(text)
        if match is None:
            self._fatal(
                location,
                annotation_id,
                "Text",
                _shorten(text),
                "text does not start with a paragraph number such as '136.1'",
            )
            return None
        paragraph = match.group(1)
        body = text[match.end() :]
        position_source = "UHRI"
        source_match = _SOURCE_OF_POSITION.search(body) if "osition" in body else None
        if source_match is not None:
            position_source = source_match.group(1).strip(_TRAILING) or position_source
            body = body[: source_match.start()]

        states = _labels(item.get("UprRecommendingCountry"))
        if not states:
            report(
                UhriProblem(
                    location,
                    annotation_id,
                    "UprRecommendingCountry",
                    item.get("UprRecommendingCountry"),
                    "no recommending state",
                )
            )
        body = _strip_trailing_states(body, states)
        if not body:
            self._fatal(
                location,
                annotation_id,
                "Text",
                _shorten(text),
                "no recommendation text after the paragraph number",
            )
            return None

        # position
        raw_positions = item.get("UprPositions")
        position, position_text, position_problem = map_position_labels(_labels(raw_positions))
        if position_problem is not None:
            report(
                UhriProblem(
                    location,
                    annotation_id,
                    "UprPositions",
                    raw_positions,
                    f"{position_problem}; kept as unclear",
                )
            )

        # themes, groups, SDGs
        themes: list[ThemeRef] = []
        for label in _labels(item.get("Themes")):
            code_match = _THEME_CODE.match(label)
            theme = (
                ThemeRef(code_match.group(2), code_match.group(1))
                if code_match
                else ThemeRef(label)
            )
            if theme not in themes:
                themes.append(theme)
        groups = _labels(item.get("AffectedPersons"))
        sdgs: list[str] = []
        for label in _labels(item.get("Sdgs")):
            sdg = parse_sdg(label)
            if sdg is None:
                report(
                    UhriProblem(
                        location,
                        annotation_id,
                        "Sdgs",
                        label,
                        "no SDG goal or target number; left out",
                    )
                )
            elif sdg not in sdgs:
                sdgs.append(sdg)

        # document
        symbols = _labels(item.get("Symbol"))
        symbol = symbols[0] if symbols else None
        raw_date = item.get("PublicationDate")
        publication_date = _parse_date(raw_date)
        if raw_date not in (None, "") and publication_date is None:
            report(
                UhriProblem(
                    location,
                    annotation_id,
                    "PublicationDate",
                    raw_date,
                    "unreadable date; left out",
                )
            )
        if annotation_id is None:
            report(UhriProblem(location, None, "AnnotationId", raw_id, "no AnnotationId"))

        recommendation = ParsedRecommendation(
            paragraph=paragraph,
            text=body,
            recommending_states=states,
            location=location,
            position=position,
            position_source=position_source if position is not None else None,
            position_text=position_text,
            themes=themes,
            affected_groups=groups,
            sdgs=sdgs,
            external_ids={"uhri": annotation_id} if annotation_id else {},
        )
        return UhriRecord(
            index=index,
            annotation_id=annotation_id,
            session=session,
            state_under_review=countries[0],
            recommendation=recommendation,
            symbol=symbol,
            publication_date=publication_date,
        )


_UPR_BODIES = frozenset({"upr", "universal periodic review"})


def _kind(item: dict[str, Any]) -> bool | None:
    """True for a UPR recommendation, False for anything else, None for a UPR record whose
    AnnotationType is missing (read as a recommendation, with a problem)."""
    body = item.get("Body")
    if body != "- UPR":
        if isinstance(body, str):
            if _label(body).casefold() not in _UPR_BODIES:
                return False
        elif not any(
            _label(value).casefold() in _UPR_BODIES for value in _as_list(body) if value is not None
        ):
            return False
    kind = item.get("AnnotationType")
    if kind == "- Recommendations":
        return True
    labels = _labels(kind)
    if not labels:
        return None
    return any(label.casefold().startswith("recommendation") for label in labels)


def _parse_date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    match = _DATE.match(value)
    if match is None:
        return None
    try:
        return dt.date.fromisoformat(match.group(1))
    except ValueError:
        return None


def _shorten(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def iter_uhri_recommendations(
    path: Path | str, *, start: int = 0, problems: list[UhriProblem] | None = None
) -> Iterator[UhriRecord]:
    """Stream the UPR recommendations of a UHRI export.

    Without `problems`, the first value that cannot be mapped raises `UhriProblemError`.
    With a list, problems are appended to it and reading goes on (fatal ones skip their record).
    """
    reader = UhriReader(path, start=start, strict=problems is None, problems=problems)
    yield from reader
