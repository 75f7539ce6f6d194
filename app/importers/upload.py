"""Uploaded documents: what kind of file the bytes really are, and a safe name to keep them under.

Types are told by content, never by the name or the declared media type alone: a PDF starts
with `%PDF-`, a DOCX is a ZIP archive holding `word/document.xml`, a UHRI export is JSON text
that opens with `[` or `{`.
"""

from __future__ import annotations

import re
import zipfile
from enum import StrEnum
from pathlib import Path

from app.vocab import DocumentKind


class UploadKind(StrEnum):
    """What an uploaded document is, which picks its parser."""

    working_group_report = "working_group_report"
    addendum = "addendum"
    thematic_list = "thematic_list"
    uhri = "uhri"

    @property
    def document_kind(self) -> DocumentKind | None:
        """The review document kind it is (None for the UHRI export, which is no document)."""
        return None if self is UploadKind.uhri else DocumentKind(self.value)


EXPECTED_TYPE = {
    UploadKind.working_group_report: "pdf",
    UploadKind.addendum: "pdf",
    UploadKind.thematic_list: "docx",
    UploadKind.uhri: "json",
}
TYPE_NAMES = {"pdf": "a PDF", "docx": "a Word (DOCX) document", "json": "a JSON file"}
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def sniff(path: Path) -> str | None:
    """The type of a file by its content: "pdf", "docx", "json", or None."""
    with path.open("rb") as handle:
        head = handle.read(1024)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                return "docx" if "word/document.xml" in archive.namelist() else None
        except (zipfile.BadZipFile, OSError):
            return None
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n")
    return "json" if text[:1] in (b"[", b"{") else None


def safe_name(filename: str | None, kind: UploadKind) -> str:
    """A plain file name for an upload: its base name with unusual characters replaced."""
    base = Path((filename or "").replace("\\", "/")).name
    cleaned = _UNSAFE.sub("_", base).strip("._")[:100]
    suffix = {"pdf": ".pdf", "docx": ".docx", "json": ".json"}[EXPECTED_TYPE[kind]]
    if not cleaned:
        cleaned = f"upload{suffix}"
    return cleaned if cleaned.lower().endswith(suffix) else cleaned + suffix
