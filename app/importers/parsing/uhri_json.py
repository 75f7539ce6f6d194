"""The UHRI export as a stream of JSON array items: the file opened and checked to start an
array (`open_array`), the ijson backend (yajl2_c where it is installed), and the byte offset of
a JSON error for the message that names it (`CountingReader`, `error_offset`)."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import IO

import ijson

from app.importers.records import ParseError


def _load_backend() -> ModuleType:
    try:
        return ijson.get_backend("yajl2_c")
    except ImportError:
        return ijson  # ijson's default (best available) backend


BACKEND = _load_backend()
BUF_SIZE = 64 * 1024


class CountingReader:
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


def error_offset(message: str, reader: CountingReader) -> int:
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


def open_array(path: Path) -> tuple[IO[bytes], int]:
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
