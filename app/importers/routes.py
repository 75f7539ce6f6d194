"""HTTP route for imports: upload a document, load it with the same loader as `upr import`."""

from __future__ import annotations

import shutil
import tempfile
from contextlib import nullcontext
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, File, Form, UploadFile

from app.auth.deps import WriteKey
from app.importers.documents import DocumentSpec, parse_document, with_state_name
from app.importers.loading import ImportFailed, ImportReport, load_document
from app.importers.loading.uhri import load_uhri
from app.importers.records import ParseError
from app.importers.schemas import ImportReportPublic
from app.importers.upload import EXPECTED_TYPE, TYPE_NAMES, UploadKind, safe_name, sniff
from app.kit.problems import FieldError, ProblemError, problem_example, problem_responses
from app.unit_of_work import UnitOfWork, UnitOfWorkDep

router = APIRouter(prefix="/v1/imports", tags=["imports"])


def _public(report: ImportReport, name: str) -> ImportReportPublic:
    report.file = name
    return ImportReportPublic(**asdict(report), summary=report.summary())


def _refuse(error: Exception, tmp: str, name: str) -> ProblemError:
    """A 422 problem for a document that cannot be read or loaded (no server paths in it)."""
    if isinstance(error, ImportFailed):
        problems = [problem.replace(tmp + "/", "") for problem in error.problems]
        return ProblemError(
            422,
            "import-failed",
            f"{name}: import failed, nothing was written.",
            errors=[FieldError(location="body.file", message=problem) for problem in problems],
        )
    return ProblemError(422, "unreadable-document", str(error).replace(tmp + "/", ""))


@router.post(
    "",
    response_model=ImportReportPublic,
    responses=problem_responses(
        400,
        401,
        403,
        413,
        415,
        422,
        503,
        examples={
            "a file of another kind than declared": problem_example(
                415,
                "unsupported-media-type",
                "A working_group_report upload must be a PDF; this is a Word (DOCX) document.",
            ),
            "an unknown state name": problem_example(
                422,
                "import-failed",
                "A_HRC_28_10.pdf: import failed, nothing was written.",
                (
                    "body.file",
                    "unknown state name 'Lilliput' at A_HRC_28_10.pdf paragraph 124 "
                    "(add it with `upr states alias`)",
                ),
            ),
        },
    ),
)
def import_document(
    work: UnitOfWorkDep,
    key: WriteKey,
    file: Annotated[UploadFile, File(description="The document: PDF, DOCX or UHRI JSON.")],
    kind: Annotated[UploadKind, Form(description="What the document is; picks the parser.")],
    # Optional form fields are typed without `null`: multipart has no null, only absence.
    session: Annotated[
        int,  # noqa: RUF013
        Form(ge=1, le=999, description="Session number (addendum, thematic list)."),
    ] = None,  # type: ignore[assignment]  # absent, not null (above)
    state: Annotated[
        str,  # noqa: RUF013
        Form(
            min_length=2,
            max_length=120,
            pattern=r"^[^\x00]+$",
            description="State under review as named in UN documents (addendum, thematic list).",
        ),
    ] = None,  # type: ignore[assignment]  # absent, not null (above)
    dry_run: Annotated[bool, Form(description="Parse, check and report; write nothing.")] = False,
) -> ImportReportPublic:
    """Import an official document with the same loader and report as `upr import`.

    Working Group reports and addenda are PDFs, OHCHR thematic lists DOCX files, UHRI exports
    JSON; the type is checked from the content (415 otherwise). Every state name must resolve
    or nothing is written (422 listing each one). One transaction per document (per batch for
    UHRI). Needs an API key with the `write` scope; the import is recorded in the audit trail.
    """
    with tempfile.TemporaryDirectory(prefix="upr-upload-") as tmp:
        name = safe_name(file.filename, kind)
        path = Path(tmp) / name
        with path.open("wb") as out:
            shutil.copyfileobj(file.file, out, 1024 * 1024)
        found = sniff(path)
        expected = EXPECTED_TYPE[kind]
        if found != expected:
            raise ProblemError(
                415,
                "unsupported-media-type",
                f"A {kind.value} upload must be {TYPE_NAMES[expected]}; "
                + (f"this is {TYPE_NAMES[found]}." if found else "this file is of no known type."),
            )
        try:
            if kind is UploadKind.uhri:
                report = _import_uhri(work, path, dry_run)
            else:
                assert kind.document_kind is not None
                spec = DocumentSpec(path, kind.document_kind, session, state)
                document = parse_document(with_state_name(work.db, spec))
                document.file = f"upload:{name}"
                report = load_document(work, document, dry_run=dry_run)
        except (ParseError, ImportFailed, ValueError) as error:
            raise _refuse(error, tmp, name) from error
    if not dry_run:
        work.audit(key, "import", f"{kind.value}:{name}", report.summary())
    return _public(report, name)


def _import_uhri(work: UnitOfWork, path: Path, dry_run: bool) -> ImportReport:
    """Load a UHRI export on the request's session, its batches in units of work of their own
    (`load_uhri`); the request's own then records the audit entry."""
    report = load_uhri(lambda: nullcontext(work.db), path, dry_run=dry_run)
    if not dry_run:
        work.changes.data_changed()
    return report
