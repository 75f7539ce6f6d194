"""The action category (1–5) of a recommendation, computed from its text alone.

The category is UPR Info's, developed by Professor Edward R. McMahon (University of
Vermont) with UPR Info and defined in UPR Info's methodology note "UPR Info's Database:
Action category" (October 2014, ``Database_Action_Category.pdf``). It ranks the action a
recommendation asks for, judged on its first verb and its overall action:

1. directed at states other than the State under review, or asking the State under review
   to seek technical assistance or to share information (call on, seek, share);
2. continuity (continue, maintain, persevere, persist, pursue);
3. considering change (analyse, consider, envisage, examine, explore, reflect upon,
   revise, review, study);
4. general action (accelerate, address, encourage, engage with, ensure, guarantee,
   intensify, promote, speed up, strengthen, take action, take measures or steps);
5. specific action (conduct, develop, eliminate, establish, investigate, undertake, and
   the legal verbs abolish, accede, adopt, amend, implement, enforce, ratify).

and states three principles: when two actions are equally weighty the first counts; when a
recommendation starts with two verbs the second counts ("Continue and strengthen" is 4);
a general action followed by examples of specific actions is 5 ("Improve women's rights by
amending the family code").

How it is computed here: deterministic rules, no model and no look-up of any label.

1. Text that is empty, too short, visibly truncated or not English gets no category and a
   reason instead (``category`` is None).
2. The lead-in is stripped: "To", "Recommended that", "That", a subject before "should"
   (a subject such as "the international community" makes it category 1), an opening
   clause before a comma ("In line with …, ratify"), and adverbs ("fully", "urgently").
3. The verbs at the start are read, joined by "and", "or" or commas ("Sign and ratify",
   "Continue and strengthen"); each gets a category from the lexicons below, and the
   highest counts, which gives the second-verb principle for "continue and …" and keeps
   "review and amend" at 5. "Continue to strengthen" stays 2: only a coordinated verb
   outranks "continue".
4. Some verbs depend on what they govern: "adopt measures" is general (4) and "adopt a law"
   specific (5); "undertake a review" considers change (3); "seek assistance" is 1 and
   "seek to end" 4; "give consideration to" is 3; "raise the minimum age" is 5.
5. A general action (4) followed by an example of a specific action ("including by
   amending", "in particular the ratification of", "by establishing") is 5; a continuity
   (2) followed by such an example is 5, followed by any means ("by reinforcing") 4.
6. A recommendation without a leading verb is judged on its noun ("Recommended the
   adoption of"), its passive ("That a commission be established") or, with low
   confidence, the first verb found further on.

The lexicons were written from the methodology's verb lists and tuned on UPR Info's coding
of sessions 1–13 of its 2015 export; ``bench/action_category.py`` tests them on sessions
14–20 and ``docs/action-category.md`` reports the results. ``confidence`` is the share of
sessions 1–13 recommendations that the deciding rule got right; ``evidence`` the words of
the text that decided, in the order read; ``rule`` the name of the rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

__all__ = ["METHOD", "ActionCategory", "classify", "classify_many"]

METHOD = "rules-v1"


@dataclass(frozen=True, slots=True)
class ActionCategory:
    """What ``classify`` says of one text.

    ``category`` is 1–5, or None when the text cannot be judged (``reason`` says why).
    """

    category: int | None
    confidence: float
    evidence: tuple[str, ...]
    rule: str
    reason: str | None = None
    method: str = METHOD


# --- lexicons ---------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CAT1 = _words("call appeal ask solicit avail enlist share exchange request seek mobilize mobilise")
_CAT2 = _words("continue maintain pursue persevere persist sustain keep remain")
_CAT3 = _words(
    """consider reconsider envisage envision contemplate examine re-examine reexamine
    explore study reflect review re-evaluate revise evaluate assess analyse analyze
    debate foresee revisit weigh ponder look"""
)
_CAT4 = _words(
    """accelerate address encourage engage ensure guarantee intensify promote speed
    strengthen step enhance improve increase reinforce redouble further respect protect
    combat fight support facilitate expedite foster prioritize comply cooperate work
    follow follow-up pay prevent tackle expand build deepen consolidate advance strive
    endeavour endeavor allocate take make do involve fulfil fulfill move focus devote
    better refrain monitor act accord exert invest uphold accomplish place spare ease
    abide safeguard resolve bolster counter overcome mainstream multiply solve remedy
    heed empower secure coordinate simplify regulate attach deal spread modernize
    reach find contribute demonstrate clarify adjust embark upgrade achieve avoid
    broaden streamline urge honour honor fast-track stay oversee conform recognize
    give use condemn restore treat hold begin enable devise draw disseminate
    institute stop cease eradicate halt reduce end integrate raise enforce
    inform acknowledge identify realize permit collaborate update consult observe curb
    alleviate limit push attain show try enter emphasize bridge see"""
)
_CAT5 = _words(
    """ratify accede sign adopt amend abolish establish enact repeal investigate prosecute
    punish withdraw lift release decriminalize decriminalise criminalize criminalise
    prohibit ban extend issue become incorporate implement conduct develop undertake
    eliminate introduce create set put bring submit invite finalize finalise complete
    harmonize reform grant pass abrogate revoke remove define publish train include
    allow accept respond adhere open close modify elaborate formulate draft design
    approve collect translate organize organise commute declare report agree start
    join launch align conclude impose adapt provide apply commit prepare rescind codify
    suspend replace abandon dismantle promulgate legislate equalize outlaw appoint
    accredit specify circulate designate re-establish reinstate confirm endorse
    present publicize publicise compile execute renew free lower elevate
    reopen authorize communicate legalize exclude invalidate annul
    operationalize operationalise strike delete disband hire recruit deploy
    fund finance budget earmark double triple educate sensitize
    sensitise meet denounce formalize formalise offer resume restrict clear record drop
    track enshrine transform separate suppress demobilize penalize penalise charge host
    proceed initiate carry"""
)
# verbs whose category depends on their object, with the category when the object says
# nothing: "adopt measures" is 4, "adopt a law" 5, "adopt a comprehensive approach" 4
_OBJECT_DEPENDENT: dict[str, int] = {
    **dict.fromkeys(
        _words(
            """adopt implement develop establish introduce create elaborate formulate design
        draw prepare set undertake initiate launch enforce apply"""
        ),
        5,
    ),
    **dict.fromkeys(_words("provide put include make integrate institute build devise"), 4),
    "carry": 5,
}
_VERBS: dict[str, int] = {
    word: category
    for category, words in ((1, _CAT1), (2, _CAT2), (3, _CAT3), (4, _CAT4), (5, _CAT5))
    for word in words
}

# nouns that name the action of a recommendation written without a verb: "Recommended the
# adoption of …", "Establishment of an independent national human rights institution"
_NOMINALS: dict[str, int] = {
    **dict.fromkeys(
        _words(
            """adoption abolition abolishment establishment decriminalization
        decriminalisation criminalization criminalisation ratification accession enactment
        creation introduction amendment amendments repeal withdrawal investigation
        investigations prosecution release elaboration development implementation
        signature signing lifting removal extension issuance submission"""
        ),
        5,
    ),
    **dict.fromkeys(
        _words(
            """consideration reconsideration review study examination evaluation assessment
        analysis"""
        ),
        3,
    ),
    **dict.fromkeys(_words("continuation pursuit maintenance"), 2),
    **dict.fromkeys(
        _words(
            """strengthening promotion improvement protection enhancement intensification
        respect"""
        ),
        4,
    ),
}
_IRREGULAR_PARTICIPLES = {
    "done": "do",
    "made": "make",
    "taken": "take",
    "given": "give",
    "set": "set",
    "put": "put",
    "brought": "bring",
    "undertaken": "undertake",
    "drawn": "draw",
    "built": "build",
    "kept": "keep",
    "sought": "seek",
    "withdrawn": "withdraw",
    "held": "hold",
}
# objects that make an object-dependent verb general: "adopt measures" is 4
_GENERAL_OBJECTS = _words(
    """measure measures step steps action actions effort efforts strategy strategies policy
    policies approach approaches initiative initiatives reform reforms
    provision provisions environment conditions condition framework frameworks capacity
    capacities attention priority progress ways way means solutions solution practices
    safeguards guarantees resources awareness dialogue activities support access
    opportunities process processes procedure procedures accountability standard standards
    infrastructure cooperation"""
)
# objects that make an object-dependent verb specific: "provide training", "include … in
# the Constitution" (read further than the general objects, across prepositions)
_SPECIFIC_OBJECTS = _words(
    """law laws legislation legislative legal training constitution code act bill plan
    commission institution ombudsman ombudsperson mechanism moratorium body office unit
    court courts register registry database definition invitation report campaign
    campaigns shelter shelters vaccination curriculum curricula declaration declarations
    amendments investigation investigations statistics"""
)
# quantities: "increase the number of shelters", "raise the minimum age" are specific
_QUANTITY_VERBS = _words("increase raise reduce lower")
_QUANTITIES = _words(
    """age number numbers resources funding budget budgets penalty penalties allocation
    salaries salary quota quotas percentage"""
)
# modifiers that make a general object specific: "adopt legislative measures" is 5
_SPECIFIC_MODIFIERS = _words(
    """legislative legal law laws legislation statutory constitutional criminal penal
    specific time-bound"""
)
# objects of "undertake", "conduct", "carry out" that consider change: "undertake a review"
_STUDY_OBJECTS = _words(
    """review reviews study studies assessment assessments evaluation evaluations analysis
    analyses examination survey surveys research reflection reflections appraisal
    mapping"""
)
# objects of "seek", "request" and the like that ask for help
_ASSISTANCE = _words(
    """assistance support help cooperation co-operation advice expertise aid partnership
    partnerships funding"""
)
# subjects (before "should") that are not the State under review
_NON_SUR_SUBJECTS = (
    ("international", "community"),
    ("other", "states"),
    ("other", "countries"),
    ("developed", "countries"),
    ("donor",),
    ("donors",),
    ("united", "nations"),
    ("ohchr",),
    ("council",),
    ("high", "commissioner"),
    ("partners",),
)
# nouns naming a specific act, for the examples principle: "including the ratification of"
_SPECIFIC_NOUNS = _words(
    """ratification accession adoption amendment amendments abolition enactment
    establishment investigation investigations prosecution repeal creation introduction
    withdrawal criminalization criminalisation decriminalization moratorium"""
)
_EXAMPLE_MARKERS = (
    ("including",),
    ("includes",),
    ("in", "particular"),
    ("particularly",),
    ("notably",),
    ("inter", "alia"),
    ("such", "as"),
    ("especially",),
    ("specifically",),
    ("for", "example"),
    ("for", "instance"),
    ("e", "g"),
    ("namely",),
    ("by",),
    ("through",),
)
_ADVERBS = _words(
    """further fully effectively immediately promptly actively seriously favourably
    favorably positively urgently swiftly also duly firmly thoroughly systematically
    expeditiously formally explicitly publicly strictly closely progressively rapidly
    vigorously completely significantly regularly widely successfully unconditionally
    expressly definitively clearly strongly speedily forcefully carefully legally
    quickly officially resolutely consistently gradually eventually finally urgently
    genuinely concretely properly substantially steadily continuously constantly
    decisively diligently earnestly energetically truly really sincerely specially
    specifically necessarily adequately appropriately actually thereby hereby then
    still now soon already first firstly secondly lastly again additionally moreover
    equally both either not proactively meaningfully transparently independently
    impartially fairly openly critically periodically routinely sufficiently
    comprehensively efficiently credibly"""
)
_CLAUSE_OPENERS = _words(
    """in as while with within without following given bearing taking building noting
    on through after before when upon based according pursuant consistent recalling
    acknowledging regarding concerning mindful where if once since for at by during
    under beyond besides alongside together particularly especially whilst whereas
    although though considering recognizing recognising welcoming emphasizing
    appreciating commending aware"""
)
_FOREIGN = _words(
    """le la les des du et une dans pour sur est aux au el los las y que del por para
    con una lo su sus se ne pas ou il elle nous vous ils qui"""
)
_ENGLISH = _words("the of and to in for with on its that all by from as be")
_TRAILING_FUNCTION_WORDS = _words("the a an and or its their")

# share of sessions 1–13 recommendations each rule got right, (right + 1) / (n + 2), from
# `bench/action_category.py --rules`; a rule not listed has 0.5
_CONFIDENCE: dict[str, float] = {
    "assistance-verb": 0.97,
    "continuity-with-example": 0.60,
    "continuity-with-means": 0.71,
    "further-continuity": 0.62,
    "general-with-example": 0.60,
    "give": 0.84,
    "give-consideration": 0.82,
    "late-verb-1": 0.58,
    "late-verb-2": 0.62,
    "late-verb-3": 0.72,
    "late-verb-4": 0.64,
    "late-verb-5": 0.53,
    "look-into": 0.67,
    "make": 0.73,
    "make-use-of-assistance": 0.40,
    "no-verb": 0.51,
    "nominal-2": 0.75,
    "nominal-3": 0.75,
    "nominal-4": 0.67,
    "nominal-5": 0.86,
    "non-sur-subject": 0.67,
    "object-general": 0.78,
    "object-specific": 0.90,
    "object-unknown-4": 0.73,
    "object-unknown-5": 0.82,
    "passive-2": 0.25,
    "passive-3": 0.38,
    "passive-4": 0.69,
    "passive-5": 0.74,
    "passive-assistance": 0.50,
    "put-an-end": 0.67,
    "quantity": 0.81,
    "second-verb-4": 0.89,
    "second-verb-5": 0.62,
    "seek-assistance": 0.97,
    "seek-other": 0.66,
    "share": 0.97,
    "take-into-account": 0.43,
    "take-measures": 0.96,
    "undertake-study": 0.57,
    "verb-1": 0.33,
    "verb-2": 0.98,
    "verb-3": 0.98,
    "verb-4": 0.92,
    "verb-5": 0.94,
}

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*|\d+|[,;:.()]")


def _confidence(rule: str) -> float:
    return _CONFIDENCE.get(rule, 0.5)


def _lemma(word: str) -> str | None:
    """The lexicon verb a word is a form of ("ratifying" → "ratify"), or None."""
    if word in _VERBS:
        return word
    candidates = []
    if word.endswith("ise"):
        candidates.append(word[:-3] + "ize")
    if word.endswith("ing") and len(word) > 5:
        stem = word[:-3]
        candidates += [stem, stem + "e"]
        if len(stem) > 2 and stem[-1] == stem[-2]:
            candidates.append(stem[:-1])
        if stem.endswith("is"):
            candidates.append(stem[:-2] + "iz")
            candidates.append(stem[:-2] + "ize")
    if "-" in word:
        head, _, tail = word.partition("-")
        candidates += [tail] if head in ("re", "re'") else [head]
    for candidate in candidates:
        if candidate in _VERBS:
            return candidate
    return None


def _participle_lemma(word: str) -> str | None:
    """The lexicon verb of a past participle ("established" → "establish"), or None."""
    if word in _IRREGULAR_PARTICIPLES:
        return _IRREGULAR_PARTICIPLES[word]
    if not word.endswith("ed") or len(word) < 5:
        return None
    stem = word[:-2]
    for candidate in (stem, word[:-1], stem[:-1] if stem[-1] == stem[-2] else "", stem[:-1] + "y"):
        if candidate in _VERBS:
            return candidate
    return None


def _starts_with(tokens: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(tokens[i : i + len(phrase)]) == phrase


def _skip_adverbs(tokens: list[str], i: int) -> int:
    while i < len(tokens) and (tokens[i] in _ADVERBS or tokens[i] in ("to", "and")):
        if tokens[i] == "further" and i + 1 < len(tokens) and _lemma(tokens[i + 1]) is None:
            break  # "further" is the verb: "Further the rights of …"
        i += 1
    return i


@dataclass(slots=True)
class _Lead:
    start: int
    non_sur: tuple[str, ...] | None = None


def _lead(tokens: list[str]) -> _Lead:
    """Where the recommendation's own verbs start, past "To", "That", subjects, clauses."""
    i = 0
    for _ in range(6):
        i = _skip_adverbs(tokens, i)
        if i >= len(tokens):
            return _Lead(i)
        word = tokens[i]
        if word in ("recommended", "recommends", "recommend", "recommendation", "it", "is"):
            i += 1
            continue
        if word == "that":
            i += 1
            continue
        if word in ("(", ")", ",", ":", ";", ".") or word.isdigit():
            i += 1
            continue
        for phrase in _NON_SUR_SUBJECTS:
            # "That the international community redouble …", "To the donors: assist …"
            for k in (i, i + 1):
                if _starts_with(tokens, k, phrase) and (k == i or tokens[i] in ("the", "all")):
                    return _Lead(k + len(phrase), phrase)
        if word in _CLAUSE_OPENERS and _lemma(word) is None:
            comma = _next_comma(tokens, i, 45)
            if comma is not None:
                after = _skip_adverbs(tokens, comma + 1)
                if after < len(tokens) and _lemma(tokens[after]) is not None:
                    i = after
                    continue
        modal = _modal(tokens, i)
        if modal is not None and _lemma(word) is None:
            subject = tokens[i:modal]
            for phrase in _NON_SUR_SUBJECTS:
                if _contains(subject, phrase):
                    return _Lead(modal + 1, phrase)
            i = modal + 1
            if i < len(tokens) and tokens[i] == "be":
                return _Lead(i)
            continue
        return _Lead(i)
    return _Lead(i)


def _next_comma(tokens: list[str], i: int, limit: int) -> int | None:
    for j in range(i, min(len(tokens), i + limit)):
        if tokens[j] == ",":
            return j
        if tokens[j] in (".", ";"):
            return None
    return None


def _modal(tokens: list[str], i: int) -> int | None:
    for j in range(i, min(len(tokens), i + 15)):
        if tokens[j] in ("should", "must", "shall"):
            return j
        if tokens[j] in (",", ".", ";"):
            return None
    return None


def _contains(tokens: list[str], phrase: tuple[str, ...]) -> bool:
    return any(_starts_with(tokens, j, phrase) for j in range(len(tokens)))


@dataclass(slots=True)
class _Verb:
    index: int
    lemma: str


def _verb_chain(tokens: list[str], i: int) -> tuple[list[_Verb], int]:
    """The coordinated verbs at position i ("sign and ratify") and the index after them."""
    verbs: list[_Verb] = []
    while i < len(tokens):
        while i < len(tokens) and tokens[i] in _ADVERBS and tokens[i] != "further":
            i += 1
        if i >= len(tokens):
            break
        lemma = _lemma(tokens[i])
        if lemma is None:
            break
        verbs.append(_Verb(i, lemma))
        i += 1
        # particles of phrasal verbs: "step up", "carry out", "set up", "look into"
        if (
            i < len(tokens)
            and tokens[i] in ("up", "out", "into", "on", "upon", "for", "at")
            and lemma in ("step", "speed", "carry", "set", "look", "call", "follow", "draw")
        ):
            i += 1
        j = i
        if j < len(tokens) and tokens[j] == ",":
            j += 1
        if j < len(tokens) and tokens[j] in ("and", "or", "and/or"):
            j += 1
        elif j == i:
            break
        j = _skip_coordinated_adverbs(tokens, j)
        if j < len(tokens) and tokens[j] == "to":
            j += 1
        if j < len(tokens) and _lemma(tokens[j]) is not None and not _is_noun_here(tokens, j):
            i = j
            continue
        break
    return verbs, i


def _skip_coordinated_adverbs(tokens: list[str], j: int) -> int:
    while j < len(tokens) and tokens[j] in _ADVERBS and tokens[j] != "further":
        j += 1
    return j


def _is_noun_here(tokens: list[str], j: int) -> bool:
    """A verb-looking word used as a noun after "and": "measures and support for"."""
    word = tokens[j]
    return word.endswith("s") and not word.endswith("ss") and word not in _VERBS


def _object(tokens: list[str], i: int, limit: int = 9) -> tuple[str, str | None]:
    """Classify the object after the verbs.

    "general" ("measures"), "specific" (a specific modifier or object: "legislative
    measures", "training"), "study" ("a review"), "assistance" ("technical assistance"),
    "quantity" ("the minimum age") or "unknown", with the word that decided.
    """
    for j in range(i, min(len(tokens), i + limit + 2)):
        if tokens[j] in (".", ";", ":", "to"):
            break
        if tokens[j] in _ASSISTANCE:
            return "assistance", tokens[j]
    specific = None
    end = min(len(tokens), i + limit)
    for j in range(i, end):
        word = tokens[j]
        if word in (".", ";", ":", "(", ")", "to", "for", "in", "with", "that", "on", "of"):
            end = j
            break
        if word in _STUDY_OBJECTS:
            return "study", word
        if word in _ASSISTANCE:
            return "assistance", word
        if word in _QUANTITIES:
            return "quantity", word
        if word in _SPECIFIC_MODIFIERS and specific is None:
            specific = word
        if word in _GENERAL_OBJECTS:
            if specific is not None:
                return "specific", specific
            return "general", word
        if word in _SPECIFIC_OBJECTS and specific is None:
            specific = word
    if specific is not None:
        return "specific", specific
    for j in range(end, min(len(tokens), i + 14)):
        word = tokens[j]
        if word in (",", ".", ";", ":", "(", ")"):
            break
        if word in _SPECIFIC_OBJECTS:
            return "specific", word
    return "unknown", None


_MARKER_STARTS = frozenset(marker[0] for marker in _EXAMPLE_MARKERS)


def _example(tokens: list[str], i: int) -> tuple[str, ...] | None:
    """Words of an example of a specific action after position i, if any."""
    for j in range(i, len(tokens)):
        if tokens[j] not in _MARKER_STARTS:
            continue
        for marker in _EXAMPLE_MARKERS:
            if not _starts_with(tokens, j, marker):
                continue
            k = j + len(marker)
            while k < len(tokens) and tokens[k] in (",", "by", "through", "the", "a", "an"):
                k += 1
            k = _skip_coordinated_adverbs(tokens, k)
            if k >= len(tokens):
                continue
            word = tokens[k]
            lemma = _lemma(word)
            if word.endswith("ing") and lemma is not None and _VERBS[lemma] == 5:
                category, _, evidence = _verb_category(tokens, _Verb(k, lemma), k + 1)
                if category == 5:
                    return (*marker, *evidence)
            if marker not in (("by",), ("through",)) and word in _SPECIFIC_NOUNS:
                return (*marker, word)
    return None


def _means(tokens: list[str], i: int) -> tuple[str, ...] | None:
    """ "by" and a gerund after position i ("by reinforcing"), if any."""
    for j in range(i, len(tokens) - 1):
        if tokens[j] == "by":
            k = _skip_coordinated_adverbs(tokens, j + 1)
            if k < len(tokens) and tokens[k].endswith("ing") and len(tokens[k]) > 5:
                return ("by", tokens[k])
    return None


def _verb_category(tokens: list[str], verb: _Verb, after: int) -> tuple[int, str, tuple[str, ...]]:
    """The category of one verb given what follows the verb chain, with rule and evidence."""
    lemma, word = verb.lemma, tokens[verb.index]
    nxt = tokens[verb.index + 1] if verb.index + 1 < len(tokens) else ""
    kind, obj = _object(tokens, after)
    if lemma == "seek":
        if kind == "assistance":
            return 1, "seek-assistance", (word, obj or "")
        if nxt == "to" and _object(tokens, verb.index + 3)[0] == "assistance":
            return 1, "seek-assistance", (word, _object(tokens, verb.index + 3)[1] or "")
        return 4, "seek-other", (word,)
    if lemma in ("request", "call", "appeal", "ask", "solicit", "avail", "enlist"):
        return 1, "assistance-verb", (word,)
    if lemma in ("share", "exchange"):
        return 1, "share", (word,)
    if lemma == "take":
        if _starts_with(tokens, verb.index + 1, ("into", "consideration")):
            return 4, "take-into-account", (word, "into", "consideration")
        return 4, "take-measures", (word,)
    if lemma == "give":
        if kind != "study" and _contains(tokens[after : after + 5], ("consideration",)):
            return 3, "give-consideration", (word, "consideration")
        return 4, "give", (word,)
    if lemma == "look" and nxt in ("into", "at"):
        return 3, "look-into", (word, nxt)
    if lemma in ("undertake", "conduct", "carry", "initiate", "launch", "make") and kind == "study":
        return 3, "undertake-study", (word, obj or "")
    if lemma == "make":
        window = tokens[after : after + 8]
        if "use" in window[:3] and kind == "assistance":
            return 1, "make-use-of-assistance", (word, "use")
        if kind == "general":
            return 4, "object-general", (word, obj or "")
        for shared in ("experience", "experiences", "practices"):
            if shared in window:
                return 1, "share", (word, shared)  # "Make available its experience in …"
        if kind == "specific":
            return 5, "object-specific", (word, obj or "")
        return 4, "make", (word,)
    if lemma == "put" and nxt == "an" and _starts_with(tokens, verb.index + 2, ("end",)):
        return 4, "put-an-end", (word, "end")
    if lemma in _QUANTITY_VERBS and kind == "quantity":
        return 5, "quantity", (word, obj or "")
    if lemma in _OBJECT_DEPENDENT:
        if kind == "general" or kind == "assistance":
            return 4, "object-general", (word, obj or "")
        if kind == "study":
            return 3, "undertake-study", (word, obj or "")
        if kind == "specific":
            return 5, "object-specific", (word, obj or "")
        category = _OBJECT_DEPENDENT[lemma]
        return category, f"object-unknown-{category}", (word,)
    category = _VERBS[lemma]
    return category, f"verb-{category}", (word,)


def _refusal(text: str, tokens: list[str]) -> str | None:
    """Why a text cannot be given a category, or None when it can."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return "empty"
    if sum(c.isascii() for c in letters) < 0.8 * len(letters):
        return "not English (non-Latin script)"
    words = [t for t in tokens if t[0].isalpha()]
    if len(words) < 2:
        return "too short"
    foreign = sum(w in _FOREIGN for w in words)
    english = sum(w in _ENGLISH for w in words)
    if foreign >= 3 and foreign > english:
        return "not English"
    stripped = text.rstrip()
    if stripped.endswith(("...", "…")):
        return "truncated"
    if tokens[-1] in _TRAILING_FUNCTION_WORDS and stripped[-1].isalpha():
        return "truncated"
    return None


def _tokens(text: str) -> list[str]:
    return [t.lower().replace("’", "'") for t in _TOKEN.findall(text)]


_DETERMINERS = _words("the a an its all prompt swift immediate early speedy full")


def _verbless(tokens: list[str], start: int) -> ActionCategory | None:
    """A recommendation without a leading verb: a nominal ("Recommended the adoption of"),
    a passive ("That a commission be established"), or an unknown leading verb."""
    j = start
    while j < len(tokens) and j < start + 3 and tokens[j] in _DETERMINERS:
        j += 1
    if j < len(tokens) and tokens[j] in _NOMINALS:
        category = _NOMINALS[tokens[j]]
        rule = f"nominal-{category}"
        return ActionCategory(category, _confidence(rule), (tokens[j],), rule)
    for k in range(start, min(len(tokens) - 1, start + 20)):
        if tokens[k] in (".", ";"):
            break
        if tokens[k] in ("be", "is", "are", "been"):
            m = _skip_coordinated_adverbs(tokens, k + 1)
            lemma = _participle_lemma(tokens[m]) if m < len(tokens) else None
            if lemma is not None:
                category = _VERBS[lemma]
                if _object(tokens, m + 1)[0] == "assistance" and lemma in ("provide", "give"):
                    rule = "passive-assistance"  # "That Mali be provided with assistance"
                    return ActionCategory(1, _confidence(rule), (tokens[m], "assistance"), rule)
                if lemma in _OBJECT_DEPENDENT:
                    kind, _ = _object(tokens, start)
                    category = 4 if kind == "general" else _OBJECT_DEPENDENT[lemma]
                rule = f"passive-{category}"
                return ActionCategory(category, _confidence(rule), (tokens[k], tokens[m]), rule)
    return None


def classify(text: str) -> ActionCategory:
    """The action category of one recommendation's text (never raises)."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    tokens = _tokens(text)
    reason = _refusal(text, tokens)
    if reason is not None:
        return ActionCategory(None, 0.0, (), "refused", reason)
    lead = _lead(tokens)
    if not any(t[0].isalpha() for t in tokens[lead.start :]):
        return ActionCategory(None, 0.0, (), "refused", "truncated")  # "Recommended that"
    if lead.non_sur is not None:
        rule = "non-sur-subject"
        return ActionCategory(1, _confidence(rule), lead.non_sur, rule)
    verbs, after = _verb_chain(tokens, lead.start)
    fallback = False
    if not verbs:
        verbless = _verbless(tokens, lead.start)
        if verbless is not None:
            return verbless
        # no verb where one was expected: the first lexicon verb anywhere, weakly
        for j in range(lead.start, len(tokens)):
            if _lemma(tokens[j]) is not None:
                verbs, after = _verb_chain(tokens, j)
                fallback = True
                break
        if not verbs:
            rule = "no-verb"
            return ActionCategory(4, _confidence(rule), (), rule)
    decided = [_verb_category(tokens, verb, after) for verb in verbs]
    category, rule, evidence = decided[0]
    for later in decided[1:]:
        if (later[0] >= category and later[0] != 1) or (category == 2 and later[0] != 2):
            category, rule = later[0], later[1]
        evidence = (*evidence, *later[2])
    if len(decided) > 1 and category != decided[0][0]:
        rule = f"second-verb-{category}"
    if category == 4:
        example = _example(tokens, after)
        if example is not None:
            category, rule, evidence = 5, "general-with-example", (*evidence, *example)
    elif category == 2:
        # continuity with a means of action is an action: "Continue its efforts to prevent
        # domestic violence, notably by reinforcing the legal framework" is 4
        example = _example(tokens, after)
        means = _means(tokens, after)
        if example is not None:
            category, rule, evidence = 5, "continuity-with-example", (*evidence, *example)
        elif means is not None:
            category, rule, evidence = 4, "continuity-with-means", (*evidence, *means)
        elif "further" in tokens[max(0, verbs[0].index - 2) : verbs[0].index]:
            category, rule, evidence = 4, "further-continuity", ("further", *evidence)
    if fallback:
        rule = f"late-verb-{category}"
    evidence = tuple(dict.fromkeys(w for w in evidence if w))
    return ActionCategory(category, _confidence(rule), evidence, rule)


def classify_many(texts: Iterable[str]) -> list[ActionCategory]:
    """``classify`` for many texts; a text seen before is not classified again."""
    cache: dict[str, ActionCategory] = {}
    results = []
    for text in texts:
        result = cache.get(text)
        if result is None:
            result = cache[text] = classify(text)
        results.append(result)
    return results
