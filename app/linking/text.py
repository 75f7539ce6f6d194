"""Recommendation texts reduced to the terms that say what is asked, for comparing them.

UN recommendations repeat a small stock of framing words ("Continue efforts to", "Take the
necessary measures to", "Consider ratifying") around the part that identifies the request: a
treaty, a law, an institution, an issue, a group. `terms()` keeps that part:

- text is folded as state names are (accents, case, spacing) and a leading "To " (first-cycle
  style) is dropped; words are runs of letters and digits, so quotes and dashes only separate;
- a parenthesis that only names states, e.g. "(Algeria)", goes (first-cycle reports inline the
  recommending states);
- the core UN treaties, however written (full name, short name, acronym), become one term each,
  so "Ratify ICRMW" and the Convention's full name match while two different treaties named
  with the same words ("International Convention for the Protection of ...") do not;
- a few equivalent words are unified (fight/counter/tackle/curb = combat, accede/ratify,
  healthcare = health care, human beings = persons in "trafficking in human beings");
- function words and the framing vocabulary are dropped, the rest is stemmed (Snowball English).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import snowballstemmer

from app.states.queries import fold_name

# Core treaties: one term per treaty, matched on the folded lower-case text (longest forms first).
TREATIES: tuple[tuple[str, str], ...] = (
    (
        "treaty_op_icescr",
        r"optional protocol to the (international )?covenant on economic,? social and cultural"
        r" rights|\bop[- ]?icescr\b",
    ),
    (
        "treaty_op_crc",
        r"optional protocols? to the (convention on the )?rights of the child"
        r"( on (a|the) communications? procedure| on the sale of children[^,;]*"
        r"| on the involvement of children in armed conflict)?",
    ),
    ("treaty_opcat", r"optional protocol to the convention against torture|\bopcat\b"),
    (
        "treaty_icrmw",
        r"(the )?(international )?convention (on|for) (the )?(protection of (the )?)?"
        r"(rights of )?(all )?migrant workers and (the )?(members of )?their famil(y|ies)"
        r"|\bicrmw\b|\bcmw\b",
    ),
    (
        "treaty_ced",
        r"(the )?(international )?convention (on|for) (the )?protection of all persons"
        r" (from|against) enforced disappearances?|convention on enforced disappearances?"
        r"|\bi?cp?ped\b|\bced\b",
    ),
    (
        "treaty_statelessness_1961",
        r"(1961 )?convention on the reduction of statelessness",
    ),
    (
        "treaty_statelessness_1954",
        r"(1954 )?convention relating to the status of stateless persons",
    ),
    (
        "treaty_icescr",
        r"(the )?international covenant on economic,? social and cultural rights|\bicescr\b",
    ),
    ("treaty_iccpr", r"(the )?international covenant on civil and political rights|\biccpr\b"),
    (
        "treaty_icerd",
        r"(the )?international convention on the elimination of all forms of racial"
        r" discrimination|\bicerd\b",
    ),
    (
        "treaty_cedaw",
        r"(the )?convention on the elimination of all forms of discrimination against women"
        r"|\bcedaw\b",
    ),
    ("treaty_crpd", r"(the )?convention on the rights of persons with disabilities|\bcrpd\b"),
    ("treaty_crc", r"(the )?convention on the rights of the child|\bcrc\b"),
    ("treaty_cat", r"(the )?convention against torture( and other [^,;]*punishment)?|\bcat\b"),
    (
        "treaty_istanbul",
        r"istanbul convention|convention on preventing and combating violence against women"
        r" and domestic violence",
    ),
    ("treaty_rome_statute", r"rome statute( of the international criminal court)?"),
    ("principles_paris", r"paris principles"),
)
# Every treaty pattern needs one of these words: texts without any skip the patterns (speed).
TREATY_WORDS = """convention covenant protocol protocols statute principles icrmw cmw ced cped
icped cpped icpped icescr iccpr icerd cedaw crpd crc cat opcat op"""

# Equivalent wordings, applied to whole words or phrases before stemming.
EQUIVALENTS: dict[str, str] = {
    "human beings": "persons",
    "healthcare": "health care",
    "fight": "combat",
    "fighting": "combat",
    "counter": "combat",
    "countering": "combat",
    "tackle": "combat",
    "tackling": "combat",
    "curb": "combat",
    "accede": "ratify",
    "acceding": "ratify",
    "accession": "ratify",
    "ratification": "ratify",
    "ratifying": "ratify",
    "children": "child",
    "women": "woman",
    "men": "man",
    "people": "person",
    "peoples": "person",
    "lgbti": "lesbian gay bisexual transgender intersex",
    "lgbtiq": "lesbian gay bisexual transgender intersex",
    "lgbt": "lesbian gay bisexual transgender",
    "nhri": "national human rights institution",
    "unhcr": "high commissioner for refugees",
}

FUNCTION_WORDS = """a about against all also among an and any are as at be been between both by
each every for from in including into is it its more most of on or other so such than that the
their these this those through to under upon was well were which who whose with within"""

# The framing of recommendations: continuation, intensity and generic action words that occur
# in most recommendations whatever they ask for.
FRAMING_WORDS = """adopt appropriate consider continue continued continuing effective effectively
effort efforts enhance ensure ensuring especially further furthermore implement include
includes increase increasing intensify make making measure measures necessary notably particular
particularly promote promoting pursue redouble regard relevant step steps strengthen
strengthening take taking undertake improve improving view order line accordance national up"""

_stem: Callable[[str], str] = snowballstemmer.stemmer("english").stemWord
_DROPPED = frozenset((FUNCTION_WORDS + " " + FRAMING_WORDS).split())
_DROPPED_STEMS = frozenset(_stem(word) for word in _DROPPED)
_TREATY_PATTERNS = tuple((term, re.compile(pattern)) for term, pattern in TREATIES)
_TREATY_WORDS = frozenset(TREATY_WORDS.split())
_EQUIVALENTS = re.compile(r"\b(" + "|".join(map(re.escape, EQUIVALENTS)) + r")\b")
_PARENTHESIS = re.compile(r"\(([^()]*)\)")
_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=8192)
def _stem_word(word: str) -> str:
    return _stem(word)


def terms(text: str, state_names: frozenset[str] = frozenset()) -> list[str]:
    """The terms of a recommendation, in order, repeated as often as they occur.

    `state_names` are folded state names and aliases (`app.states.queries.name_index`):
    a parenthesis holding only such names is dropped.
    """
    folded = re.sub(r"^to\s+", "", _fold(text))
    folded = _PARENTHESIS.sub(lambda match: _parenthesis(match.group(1), state_names), folded)
    found: list[str] = []
    if not _TREATY_WORDS.isdisjoint(_WORD.findall(folded)):
        for term, pattern in _TREATY_PATTERNS:
            folded, count = pattern.subn(" ", folded)
            found += [term] * count
    folded = _EQUIVALENTS.sub(lambda match: EQUIVALENTS[match.group(1)], folded)
    for word in _WORD.findall(folded):
        if len(word) < 2 or word in _DROPPED:
            continue
        stem = _stem_word(word)
        if stem not in _DROPPED_STEMS:
            found.append(stem)
    return found


def _fold(text: str) -> str:
    """`fold_name`, with a shortcut for plain ASCII text."""
    return " ".join(text.lower().split()) if text.isascii() else fold_name(text)


def _parenthesis(content: str, state_names: frozenset[str]) -> str:
    names = [part.strip() for part in content.split(",")]  # already folded like the names
    if state_names and all(name in state_names for name in names):
        return " "
    return f" {content} "
