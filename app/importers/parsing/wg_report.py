"""Parser for the report of the Working Group on the UPR (PDF), all cycles.

What is read, and from where:
- symbol ("A/HRC/59/15"), HRC session ("Human Rights Council / Fifty-ninth session" -> 59, else
  from the symbol) and issue date ("Distr.: General / 24 March 2025") from the cover page;
- from the introduction (paragraphs 1-3): the Working Group session ("held its forty-eighth
  session from 20 to 31 January 2025"), the state under review ("The review of Slovenia was
  held at the 13th meeting, on 28 January 2025"), the head of delegation (the words after
  "was headed by", written person first: "Tanja Fajon, Deputy Prime Minister and ..."),
  the adoption of the report ("At its 17th meeting, held on 31 January 2025, the Working
  Group adopted"), the troika (names as written, a leading "the"
  before a capital dropped) and the national report, compilation and summary
  ("A/HRC/WG.6/48/SVN/1" .. "/3", also in footnotes);
- from section "Conclusions and/or recommendations": every recommendation, with the position
  its lead-in paragraph gives and the state's claim that it is already implemented or being
  implemented (`report_section`, `lead_ins`). Cycles 2-4 number them "140.1", "140.2" ...
  inside paragraph 140; the 1st cycle numbers them "1." .. "97." anew inside each paragraph,
  and they get the ids "111.1" .. "111.97".
Where the introduction does not say something, a warning says so; the session falls back on the
national report's symbol (A/HRC/WG.6/7/ITA/1) and the state on the cover page.

Text rule (shared with the thematic-list parser): the recommendation text is the sentence
without its number, without the final ';' or '.', and without the trailing parenthesised
recommending states, which are read from the end ("(Maldives) (Portugal)", "(Portugal,
Slovakia)", "(Iran (Islamic Republic of))"); groups that do not look like state names stay in
the text ("(ICRMW)", "(No. 189)"). Parentheses inside the sentence are kept as written, also
when they name states: "To examine ... (Algeria)/sign and ratify (Egypt)/... (Algeria, Egypt,
...)" keeps "To examine ... (Algeria)/sign and ratify (Egypt)/..." as its text.

Recommending states: those of the inline groups, in order of appearance, then those of the
trailing groups, without repeats. An inline group counts as states if it looks like a list of
state names and either is followed by "/" or ";" or names only states that this document
gives somewhere as trailing states. A name that matches such a state in all but letter case
("(netherlands)") is read with the document's other spelling, with a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from app.importers.parsing.pdf_text import Page, read_pdf
from app.importers.parsing.report_section import read_paragraphs, section_recommendations
from app.importers.parsing.state_groups import inline_states, split_trailing_states
from app.importers.records import (
    DocumentRef,
    ParsedDocument,
    ParsedRecommendation,
    ParseError,
    ReviewMetadata,
)
from app.vocab import DocumentKind

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = rf"\d{{1,2}} (?:{_MONTHS}) \d{{4}}"
_SYMBOL_RE = re.compile(r"\bA/HRC/\d+/\d+(?:/Add\.\d+)?")
_CITED_RE = re.compile(r"A/HRC/WG\.6/\d+/[A-Z]{3}/([123])\b")
_CITED_SESSION_RE = re.compile(r"A/HRC/WG\.6/(\d+)/[A-Z]{3}/[123]\b")
_CITED_KINDS = {
    "1": DocumentKind.national_report,
    "2": DocumentKind.un_compilation,
    "3": DocumentKind.stakeholders_summary,
}
_UNIT_ORDINALS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                  "eighth", "ninth"]  # fmt: skip
_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
          "sixteenth", "seventeenth", "eighteenth", "nineteenth"]  # fmt: skip
_TENS = ["", "", "twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet"]


def parse_working_group_report(path: Path) -> ParsedDocument:
    """Parse a Working Group report PDF into its review metadata and recommendations.

    Raises ParseError if the file is not a readable PDF, if the introduction does not give the
    session or the state under review, or if there is no recommendations section.
    """
    pages = read_pdf(path)
    file = str(path)
    cover = read_cover(pages, file)
    intro = " ".join(line for page in pages[:4] for line in page.lines + page.footnotes)
    warnings: list[str] = []
    session, state, metadata = read_introduction(intro, file, cover, warnings)
    metadata.hrc_session = cover.hrc_session
    document = ParsedDocument(
        file=file,
        symbol=cover.symbol,
        kind=DocumentKind.working_group_report,
        session=session,
        state_under_review=state,
        date=cover.date,
        metadata=metadata,
        cited_documents=_cited_documents(intro),
        warnings=warnings,
    )
    document.recommendations = _recommendations(pages, file, cover.symbol, document.warnings)
    if str(cover.hrc_session) != cover.symbol.split("/")[2]:
        document.warnings.append(
            f"cover says HRC session {cover.hrc_session}, symbol {cover.symbol}"
        )
    if len(metadata.troika) != 3:
        document.warnings.append(f"troika has {len(metadata.troika)} names: {metadata.troika}")
    return document


@dataclass(frozen=True)
class Cover:
    """What the cover page of a UN report or addendum says."""

    symbol: str
    date: dt.date | None
    hrc_session: int
    state: str | None


def read_cover(pages: list[Page], file: str) -> Cover:
    """Symbol, issue date, HRC session and state named on the cover page of a UN report."""
    raw = re.sub(r"\s+", " ", pages[0].raw)
    headers = " ".join(page.raw[:200] for page in pages[1:3])
    symbols = _SYMBOL_RE.findall(raw) or _SYMBOL_RE.findall(headers)
    if not symbols:
        raise ParseError(file, "page 1", "no document symbol (A/HRC/...) on the cover")
    symbol = max(symbols, key=len)
    date = re.search(rf"Distr\.: \w+ ({_DATE})", raw)
    hrc = re.search(r"Human Rights Council ([\w-]+) session", raw)
    state = re.search(
        r"Working Group on the Universal Periodic Review\*? (.+?)(?: \*| Addendum| United Nat|$)",
        raw,
    )
    return Cover(
        symbol=symbol,
        date=parse_date(date.group(1)) if date else None,
        hrc_session=(hrc and ordinal_number(hrc.group(1))) or int(symbol.split("/")[2]),
        state=state.group(1).strip() if state else None,
    )


_OFFICE_RE = re.compile(
    r"\b(Minister|Minster|Ministre|Secretary|Ambassador|President|Director|Representative|Deputy|Head|"
    r"Chair|Commissioner|Ombudsman|Advis[eo]r|State)\b"
)


def _person_first(headed_by: str) -> str:
    """The head of delegation written person first, whichever order the report uses.

    "the Minister of Justice, Goran Klemenčič" -> "Goran Klemenčič, Minister of Justice";
    "Goran Klemenčič, Minister of Justice" stays as it is.
    """
    text = re.sub(r"^the ", "", headed_by.strip())
    office, _, person = text.rpartition(", ")
    if office and _OFFICE_RE.search(office) and not _OFFICE_RE.search(person):
        return f"{person}, {office}"
    return text


def read_introduction(
    text: str, file: str, cover: Cover, warnings: list[str]
) -> tuple[int, str, ReviewMetadata]:
    """Session number, state under review and review facts from a report's introduction.

    The session comes from "held its seventh session", else from the national report's symbol
    (A/HRC/WG.6/7/ITA/1); the state from "The review of Italy was held", else from the cover.
    Facts that cannot be read (date, meeting, head of delegation, troika, adoption) become
    warnings; only a report that gives neither session nor state fails.
    """
    session = re.search(r"held its ([\w-]+) session", text)
    number = ordinal_number(session.group(1)) if session else None
    if number is None and (cited := _CITED_SESSION_RE.search(text)):
        number = int(cited.group(1))
    review = re.search(r"The review of (.+?) (?:was|took place|were) held", text)
    state = _drop_article(review.group(1)) if review else cover.state
    if number is None or not state:
        missing = "Working Group session" if number is None else "state under review"
        raise ParseError(file, "introduction", f"no {missing} found in the first paragraphs")
    metadata = ReviewMetadata(troika=_troika(text))
    after = text[review.end() : review.end() + 300] if review else ""
    sentence = re.split(r"\.\s+(?=[A-Z])", after, maxsplit=1)[0]
    meeting = re.search(r"\b(?:at )?(?:the|its) (\w+) meeting", sentence)
    if meeting:
        word = meeting.group(1)
        metadata.meeting_number = int(re.sub(r"\D", "", word) or 0) or ordinal_number(word)
    if date := re.search(rf"\b({_DATE})", sentence):
        metadata.review_date = parse_date(date.group(1))
    span = re.search(
        rf"session from (\d{{1,2}})(?: ({_MONTHS}))?(?: (\d{{4}}))? to ({_DATE})", text
    )
    if span:
        metadata.session_end = parse_date(span.group(4))
        end = metadata.session_end
        month = span.group(2) or end.strftime("%B")
        metadata.session_start = parse_date(f"{span.group(1)} {month} {span.group(3) or end.year}")
    head = re.search(r"was headed (?:by )?(.+?)\.\s+At its", text) or re.search(
        r"was headed (?:by )?(.+?)\.\s+(?=[A-Z][a-z])", text
    )
    metadata.head_of_delegation = _person_first(head.group(1)) if head else None
    adopted = re.search(rf"held on ({_DATE}),? the Working Group adopted", text)
    metadata.report_adopted_on = parse_date(adopted.group(1)) if adopted else None
    for name in ("review_date", "meeting_number", "head_of_delegation", "report_adopted_on"):
        if getattr(metadata, name) is None:
            warnings.append(f"introduction: no {name.replace('_', ' ')} found")
    return number, state, metadata


def _troika(text: str) -> list[str]:
    m = re.search(r"\(troika\) to facilitate the review of [^:]+: (.+?)\.(?:\s|$)", text)
    if not m:
        return []
    names = [n.strip() for n in re.split(r",\s*(?:and\s+)?", m.group(1))]
    last = names.pop()
    for known in _AND_NAMES:  # names that contain " and " themselves
        last = last.replace(known, known.replace(" and ", "\0"))
    names += [n.replace("\0", " and ") for n in re.split(r"\s+and\s+", last)]
    return [_drop_article(n) for n in names if n]


_AND_NAMES = (
    "Antigua and Barbuda",
    "Bosnia and Herzegovina",
    "Saint Kitts and Nevis",
    "Saint Vincent and the Grenadines",
    "Sao Tome and Principe",
    "S\u00e3o Tom\u00e9 and Pr\u00edncipe",
    "Trinidad and Tobago",
    "United Kingdom of Great Britain and Northern Ireland",
)


def _drop_article(name: str) -> str:
    return re.sub(r"^the (?=[A-Z])", "", name.strip())


def _cited_documents(text: str) -> list[DocumentRef]:
    refs: dict[str, DocumentRef] = {}
    for m in _CITED_RE.finditer(text):
        refs.setdefault(m.group(0), DocumentRef(m.group(0), _CITED_KINDS[m.group(1)]))
    return list(refs.values())


def ordinal_number(word: str) -> int | None:
    """ "forty-eighth" -> 48, "Fourteenth" -> 14, "seventh" -> 7; None if not an ordinal."""
    word = word.lower().strip()
    if word in _UNIT_ORDINALS[1:]:
        return _UNIT_ORDINALS.index(word)
    if word in _TEENS:
        return 10 + _TEENS.index(word)
    tens, _, unit = word.partition("-")
    for value, stem in enumerate(_TENS):
        if stem and unit and tens == f"{stem}y" and unit in _UNIT_ORDINALS[1:]:
            return value * 10 + _UNIT_ORDINALS.index(unit)
        if stem and not unit and tens == f"{stem}ieth":
            return value * 10
    return None


def parse_date(text: str) -> dt.date:
    """ "28 January 2025" -> date(2025, 1, 28)."""
    return dt.datetime.strptime(" ".join(text.split()), "%d %B %Y").date()


# --- recommendations ------------------------------------------------------------------------


def _recommendations(
    pages: list[Page], file: str, symbol: str, warnings: list[str]
) -> list[ParsedRecommendation]:
    paragraphs = read_paragraphs(pages, file)
    result = section_recommendations(paragraphs, symbol, warnings)
    if not result:
        where = f"page {paragraphs[0].page}" if paragraphs else "recommendations section"
        raise ParseError(file, where, "no recommendations found")
    for paragraph in paragraphs:
        if paragraph.items:
            _check_numbering([paragraph.item_id(i.number) for i in paragraph.items], warnings)
    return result


def split_recommending_states(
    sentence: str, known: Mapping[str, str] | None = None
) -> tuple[str, list[str], list[str]]:
    """Split a recommendation into (text, inline state names, trailing state names).

    `known` maps `name_key`s to the names this document gives as trailing states elsewhere;
    see `app.importers.parsing.state_groups` for the rule. Names are returned as written.
    """
    known = known or {}
    text, trailing = split_trailing_states(sentence, known)
    return text, inline_states(text, known), trailing


def _check_numbering(ids: list[str], warnings: list[str]) -> None:
    """Warn about repeated and missing item numbers within one paragraph."""
    paragraph = ids[0].rsplit(".", 1)[0]
    numbers = [int(pid.rsplit(".", 1)[1]) for pid in ids]
    repeated = sorted({n for n in numbers if numbers.count(n) > 1})
    missing = sorted(set(range(1, max(numbers) + 1)) - set(numbers))
    if repeated:
        warnings.append(f"paragraph {paragraph}: recommendation numbers repeated: {repeated}")
    if missing:
        warnings.append(f"paragraph {paragraph}: recommendation numbers missing: {missing}")
