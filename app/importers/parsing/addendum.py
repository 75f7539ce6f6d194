"""Parser for the addendum to a Working Group report (PDF): the positions of the state under
review on each recommendation.

Two forms are read:
- Lists (cycles 2-4). A numbered paragraph whose wording "accepts/supports ... recommendations"
  or "notes/takes note of ... recommendations" is followed by paragraph numbers gives those
  recommendations that position: "3. The Government accepts the following recommendations:
  140.7, 140.8, ..." or "5. ... notes recommendations 6-13, 17, ...". The list runs until the
  first word that is not a number, a range or "and"; separators may be ',', ';' or '.' (the
  typo "140.35. 140.36"); ranges "140.1-140.5", "140.1-5" and "1-5" are expanded. Numbers
  without a paragraph part ("18") get the recommendations paragraph of the report ("115.18").
  Explanations after the list (headings like "140.240-241") are not positions. The source is
  "<symbol> - Para.<n>", n being the addendum paragraph holding the list.
- Prose (1st cycle): blocks headed by recommendation numbers ("5., 6., 7. The Slovenian
  Government accepts these recommendations. ..."; a header ending in a comma goes on at the
  start of the next line). The block's words are kept as `response_text` for each number, and
  mapped only when unambiguous (`classify_response`). Ids are "<paragraph>.<n>" ("111.5"),
  as the report parser gives them; the source is "<symbol> - Rec.<n>".

The session, the state under review and, for bare numbers, the report paragraph are read from
the addendum when it states them, else taken from the keyword arguments, else from the parent
report (the file for the symbol without "/Add.n", e.g. "A_HRC_59_15.pdf" next to the
addendum, or `report_path`); ParseError if none gives them. Totals stated in words ("received
254 recommendations ... 217 are supported and 37 noted") fill `reported_totals` and are checked
against the positions; mismatches, paragraphs listed twice or under two positions (these get
`Position.unclear`) and numbers missing from 1..received go to `warnings`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from app.importers.parsing.pdf_text import Page, numbered_lines, read_pdf
from app.importers.parsing.wg_report import ordinal_number, parse_working_group_report, read_cover
from app.importers.records import ParsedDocument, ParsedPosition, ParseError, ReportedTotals
from app.vocab import DocumentKind, Position

_PARAGRAPH_RE = re.compile(r"^(\d{1,3})\.\s+(?=[A-Z])")
_HEADING_RE = re.compile(r"^[IVX]+\.\s+[A-Z]")
_LIST_RE = re.compile(
    r"(?:\b(?P<verb>accepts|supports|takes note of|notes|does not accept|rejects)\s+"
    r"(?:the\s+)?(?:following\s+)?recommendations?\b"
    r"|\brecommendations?\s+(?:are|were)\s+(?P<passive>supported|accepted|noted)\b)"
    r"[^\d.]{0,90}?(?=\d)"
)
_NUMBER = r"\d{1,3}(?:\.\d{1,3})?(?!\d|\.\d)"
_ITEM_RE = re.compile(
    rf"(\s*)({_NUMBER})(?:\s*[-\u2013\u2014]\s*({_NUMBER}))?[ \t]*([,;.]|\s*and\b)?"
)
_BLOCK_RE = re.compile(r"^((?:\d{1,3}\.,?\s*)+)(.*)$")
_VERB_POSITIONS = {
    "accepts": Position.supported,
    "supports": Position.supported,
    "takes note of": Position.noted,
    "notes": Position.noted,
    "does not accept": Position.noted,
    "rejects": Position.noted,
    "supported": Position.supported,
    "accepted": Position.supported,
    "noted": Position.noted,
}
_REJECT_RE = re.compile(
    r"\b(?:cannot|can not|does not|do not|is unable to|is not able to) accept\b|\brejects?\b"
    r"|\b(?:takes|took) note of (?:the|this|these) recommendations?\b"
    r"|\bnotes (?:the|this|these) recommendations?\b",
    re.IGNORECASE,
)
_PARTIAL_RE = re.compile(
    r"\b(?:accepts?|supports?) (?:\w+ ){0,3}(?:in part|partially)\b"
    r"|\bpartially (?:accepts?|supports?)\b",
    re.IGNORECASE,
)
_ACCEPT_RE = re.compile(
    r"\b(?:accepts?|supports?) (?:the |this |these )?recommendations?\b", re.IGNORECASE
)
_UNDECIDED_RE = re.compile(r"\bdefinitive statement\b|\bcannot\b[^.]{0,60}\bstatement\b", re.I)


def parse_addendum(
    path: Path,
    *,
    session: int | None = None,
    state_under_review: str | None = None,
    report_path: Path | None = None,
) -> ParsedDocument:
    """Parse an addendum PDF into positions (see the module docstring for the rules).

    `session` and `state_under_review` supply what the addendum does not state; `report_path`
    names the parent report if it is not next to the addendum under its usual file name.
    """
    file = str(path)
    pages = read_pdf(path)
    cover = read_cover(pages, file)
    symbol = cover.symbol
    if "/Add." not in symbol:
        raise ParseError(file, "page 1", f"symbol {symbol} is not an addendum's")
    text = " ".join(line for page in pages for line in page.lines + page.footnotes)
    parent = symbol.rsplit("/Add.", 1)[0].replace("/", "_") + ".pdf"
    report = report_path or path.with_name(parent)
    context = _Sources(file, symbol, text, report, session, state_under_review)
    state = state_under_review or cover.state
    document = ParsedDocument(
        file=file,
        symbol=symbol,
        kind=DocumentKind.addendum,
        session=context.session(),
        state_under_review=state or context.report("state").state_under_review,
        date=cover.date,
    )
    if state_under_review and cover.state and state_under_review.lower() != cover.state.lower():
        document.warnings.append(
            f"state {state_under_review!r} given, the cover says {cover.state!r}"
        )
    paragraphs = _paragraphs(pages)
    positions = _list_positions(paragraphs, context, document.warnings)
    if not positions:
        positions = _prose_positions(pages, context)
    if not positions:
        raise ParseError(file, "document", "no positions on recommendations found")
    document.positions = _deduplicate(positions, document.warnings)
    document.reported_totals = _reported_totals(paragraphs, symbol)
    _check_totals(document)
    if context.parsed_report is not None:  # read anyway: check the ids against it
        _check_against_report(document, context.parsed_report)
    return document


@dataclass
class _Sources:
    """Where the session, state and report paragraph come from: the addendum's own words, the
    caller, or the parent report (parsed at most once, only if needed)."""

    file: str
    symbol: str
    text: str
    report_path: Path
    given_session: int | None
    given_state: str | None
    parsed_report: ParsedDocument | None = None

    def report(self, what: str) -> ParsedDocument:
        if self.parsed_report is None:
            if not self.report_path.exists():
                problem = f"{what} not stated; pass it, or put the report at {self.report_path}"
                raise ParseError(self.file, "document", problem)
            self.parsed_report = parse_working_group_report(self.report_path)
        return self.parsed_report

    def session(self) -> int:
        m = re.search(
            r"\b(?:(\d{1,2})(?:st|nd|rd|th)|([\w-]+)) session of the Working Group", self.text
        )
        stated = (int(m.group(1)) if m.group(1) else ordinal_number(m.group(2))) if m else None
        if stated and self.given_session and stated != self.given_session:
            problem = f"session {self.given_session} given, the addendum says {stated}"
            raise ParseError(self.file, "document", problem)
        return self.given_session or stated or self.report("session").session

    def paragraph(self) -> str:
        stated = re.search(r"follow the list in paragraph (\d{1,3})", self.text)
        if stated:
            return stated.group(1)
        ids = [r.paragraph for r in self.report("report paragraph").recommendations]
        return ids[0].split(".")[0]


def _paragraphs(pages: list[Page]) -> list[tuple[int, int, str]]:
    """(number, page, text) of each numbered paragraph of the addendum; lines keep their
    breaks. A heading ("III. Noted recommendations") ends the paragraph before it."""
    paragraphs: list[tuple[int, int, list[str]]] = []
    current: list[str] | None = None
    for page, line in numbered_lines(pages):
        m = _PARAGRAPH_RE.match(line)
        if m and int(m.group(1)) == len(paragraphs) + 1:
            current = [line[m.end() :]]
            paragraphs.append((len(paragraphs) + 1, page, current))
        elif _HEADING_RE.match(line):
            current = None
        elif current is not None:
            current.append(line)
    return [(n, page, "\n".join(parts)) for n, page, parts in paragraphs]


def _list_positions(paragraphs, context: _Sources, warnings: list[str]) -> list[ParsedPosition]:
    positions = []
    for number, page, text in paragraphs:
        for m in _LIST_RE.finditer(text):
            position = _VERB_POSITIONS[m.group("verb") or m.group("passive")]
            source = f"{context.symbol} - Para.{number}"
            for pid in _read_list(text, m.end(), context, warnings, source):
                positions.append(ParsedPosition(pid, position, source, f"page {page}"))
    return positions


def _read_list(text: str, start: int, context: _Sources, warnings, source) -> list[str]:
    """Paragraph ids of the number list starting at text[start:], ranges expanded.

    A number on a new line after a '.' goes on with the list only if a ',', ';' or "and"
    follows it or nothing else does: so "140.136.\n140.137, ..." goes on, while the heading
    "140.252.\n140.11-14\nThe 1961 Convention ..." ends the list before "140.11-14".
    """
    ids: list[str] = []
    previous = ","
    while m := _ITEM_RE.match(text, start):
        space, first, last, separator = m.group(1), m.group(2), m.group(3) or m.group(2), m.group(4)
        separator = (separator or "").strip()
        rest = text[m.end() :].strip()
        if previous == "." and "\n" in space and separator in ("", ".") and rest:
            break
        start, previous = m.end(), separator
        if "." not in first:
            prefix = context.paragraph()
            first, last = f"{prefix}.{first}", f"{prefix}.{last.split('.')[-1]}"
        head, low = first.split(".")
        high = int(last.split(".")[-1])
        if ("." in last and last.split(".")[0] != head) or high < int(low):
            warnings.append(f"{source}: cannot read range {m.group(0).strip()!r}")
            continue
        ids += [f"{head}.{n}" for n in range(int(low), high + 1)]
    return ids


def _prose_positions(pages: list[Page], context: _Sources) -> list[ParsedPosition]:
    classified = [
        (numbers, page, words, classify_response(words))
        for numbers, page, words in _response_blocks(pages[1:])
    ]
    if all(position == Position.unclear for *_, position in classified):
        return []  # no prose responses at all
    prefix = context.paragraph()
    return [
        ParsedPosition(
            f"{prefix}.{n}", position, f"{context.symbol} - Rec.{n}", f"page {page}", words
        )
        for numbers, page, words, position in classified
        for n in numbers
    ]


def _response_blocks(pages: list[Page]) -> list[tuple[list[int], int, str]]:
    """(recommendation numbers, page, words) of each block headed "5., 6., 7. The ..."."""
    blocks: list[tuple[list[int], int, list[str]]] = []
    header_open = False  # the last line was a header ending in a comma: "77., 78., 82.,"
    for page, line in numbered_lines(pages):
        m = _BLOCK_RE.match(line)
        if m and header_open:
            blocks[-1][0].extend(int(n) for n in re.findall(r"\d+", m.group(1)))
            blocks[-1][2].append(m.group(2))
        elif m and (not m.group(2) or m.group(2)[0].isupper()):
            numbers = [int(n) for n in re.findall(r"\d+", m.group(1))]
            blocks.append((numbers, page, [m.group(2)]))
        elif blocks:
            blocks[-1][2].append(line)
        header_open = m is not None and m.group(1).rstrip().endswith(",")
    return [(numbers, page, " ".join(" ".join(parts).split())) for numbers, page, parts in blocks]


def classify_response(words: str) -> Position:
    """Map a state's prose response to a position, only where the wording is unambiguous.

    accepts/supports -> supported; cannot accept/does not accept/rejects/notes the
    recommendation -> noted; accepts in part/partially -> supported_in_part, as is a response
    that explicitly accepts one part and explicitly does not accept another. Anything else,
    including an acceptance next to "cannot make a definitive statement", -> unclear.
    """
    rejected = bool(_REJECT_RE.search(words))
    accepted = bool(_ACCEPT_RE.search(_REJECT_RE.sub(" ", words)))
    if _PARTIAL_RE.search(words) or (accepted and rejected):
        return Position.supported_in_part
    if _UNDECIDED_RE.search(words):
        return Position.unclear
    if accepted:
        return Position.supported
    if rejected:
        return Position.noted
    return Position.unclear


def _deduplicate(positions: list[ParsedPosition], warnings: list[str]) -> list[ParsedPosition]:
    kept: dict[str, ParsedPosition] = {}
    for p in positions:
        before = kept.get(p.paragraph)
        if before is None:
            kept[p.paragraph] = p
        elif before.position == p.position:
            warnings.append(f"{p.paragraph} listed twice ({before.source}, {p.source})")
        else:
            warnings.append(
                f"{p.paragraph} listed as {before.position.value} ({before.source}) "
                f"and as {p.position.value} ({p.source}): read as unclear"
            )
            before.response_text = (
                f"{before.position.value}: {before.source}; {p.position.value}: {p.source}"
            )
            before.position = Position.unclear
    return list(kept.values())


def _reported_totals(paragraphs, symbol: str) -> ReportedTotals | None:
    patterns = {
        "received": r"(?:received|contains) (\d+) recommendations",
        "supported": r"(\d+) (?:are |were )?(?:supported|accepted)\b"
        r"|(?:accepts|supports) (\d+) recommendations",
        "noted": r"(\d+) (?:are |were )?noted\b|notes (\d+) recommendations",
    }
    found: dict[str, int] = {}
    where: list[int] = []
    for number, _, text in paragraphs:
        for key, pattern in patterns.items():
            m = re.search(pattern, " ".join(text.split()))
            if m and key not in found:
                found[key] = int(m.group(1) or m.group(2))
                where += [] if number in where else [number]
    if not found:
        return None
    source = f"{symbol} - " + ", ".join(f"Para.{n}" for n in where)
    return ReportedTotals(found.get("received"), found.get("supported"), found.get("noted"), source)


def _check_totals(document: ParsedDocument) -> None:
    totals = document.reported_totals
    if totals is None:
        return
    counts = {
        "received": len(document.positions),
        "supported": sum(p.position == Position.supported for p in document.positions),
        "noted": sum(p.position == Position.noted for p in document.positions),
    }
    for key, parsed in counts.items():
        stated = getattr(totals, key)
        if stated is not None and stated != parsed:
            document.warnings.append(f"{totals.source} states {stated} {key}, parsed {parsed}")
    if totals.received:
        numbers = {p.paragraph for p in document.positions}
        prefix = document.positions[0].paragraph.split(".")[0]
        missing = [n for n in range(1, totals.received + 1) if f"{prefix}.{n}" not in numbers]
        if missing:
            document.warnings.append(f"no position found for {prefix}.{missing}")


def _check_against_report(document: ParsedDocument, report: ParsedDocument) -> None:
    in_report = [r.paragraph for r in report.recommendations]
    answered = {p.paragraph for p in document.positions}
    unknown = sorted(answered - set(in_report))
    unanswered = [pid for pid in in_report if pid not in answered]
    if unknown:
        document.warnings.append(f"positions on paragraphs not in {report.symbol}: {unknown}")
    if unanswered:
        document.warnings.append(f"no position on {unanswered} of {report.symbol}")
