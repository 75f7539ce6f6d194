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

Modules
-------
This module is the reader and the names its callers use. `uhri_records` has the records,
problems and counts; `uhri_json` opens the file and streams its array items; `uhri_mapping`
maps one item to a record, reporting its problems; `uhri_values` reads the fields' values.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import ijson

from app.importers.parsing.uhri_json import (
    BACKEND,
    BUF_SIZE,
    CountingReader,
    error_offset,
    open_array,
)
from app.importers.parsing.uhri_mapping import map_item
from app.importers.parsing.uhri_records import UhriProblem, UhriProblemError, UhriRecord, UhriStats
from app.importers.parsing.uhri_values import map_position_labels, parse_sdg, parse_session
from app.importers.records import ParseError

__all__ = [
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


T = TypeVar("T")

if sys.version_info >= (3, 12):
    from itertools import batched
else:

    def batched(iterable: Iterable[T], n: int) -> Iterator[tuple[T, ...]]:
        """Successive tuples of `n` items (the last may be shorter), like itertools.batched."""
        if n < 1:
            raise ValueError("n must be at least one")
        iterator = iter(iterable)
        while chunk := tuple(itertools.islice(iterator, n)):
            yield chunk


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
        raw, offset = open_array(self.path)
        with raw:
            reader = CountingReader(raw, offset)
            items = BACKEND.items(reader, "item", buf_size=BUF_SIZE)
            index = 0  # index of the array item being read
            try:
                for _ in itertools.islice(items, self.start):
                    index += 1
                self.next_index = index
                for item in items:
                    self.stats.items += 1
                    record = map_item(item, index, self._report, self.stats)
                    index += 1
                    self.next_index = index
                    if record is not None:
                        self.stats.yielded += 1
                        yield record
            except ijson.JSONError as exc:
                message = str(exc)
                problem = message.split("\n", 1)[0].strip() or type(exc).__name__
                byte = error_offset(message, reader)
                where = f"record {index}, near byte {byte}"
                raise ParseError(name, where, f"malformed JSON: {problem}") from exc

    def _report(self, problem: UhriProblem) -> None:
        self.problems.append(problem)
        self.stats.problems += 1
        if self.strict:
            raise UhriProblemError(str(self.path), problem)


def iter_uhri_recommendations(
    path: Path | str, *, start: int = 0, problems: list[UhriProblem] | None = None
) -> Iterator[UhriRecord]:
    """Stream the UPR recommendations of a UHRI export.

    Without `problems`, the first value that cannot be mapped raises `UhriProblemError`.
    With a list, problems are appended to it and reading goes on (fatal ones skip their record).
    """
    reader = UhriReader(path, start=start, strict=problems is None, problems=problems)
    yield from reader
