"""The category of a recommendation's leading verbs, judged on what they govern.

`verb_chain` reads the coordinated verbs at the start ("sign and ratify", "continue and
strengthen"); `object_kind` says what follows them (general measures, a specific act, a study,
assistance, a quantity); `verb_category` gives one verb its category, rule and evidence; and
`specific_example` and `means_of_action` find the example of a specific action or the means
that raise a general action or a continuity (see `app.classification.action_category`).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.classification.action_lexicon import (
    ADVERBS,
    ASSISTANCE,
    EXAMPLE_MARKERS,
    GENERAL_OBJECTS,
    MARKER_STARTS,
    OBJECT_DEPENDENT,
    QUANTITIES,
    QUANTITY_VERBS,
    SPECIFIC_MODIFIERS,
    SPECIFIC_NOUNS,
    SPECIFIC_OBJECTS,
    STUDY_OBJECTS,
    VERBS,
)
from app.classification.action_tokens import (
    contains,
    lemma_of,
    skip_coordinated_adverbs,
    starts_with,
)


@dataclass(slots=True)
class Verb:
    index: int
    lemma: str


def verb_chain(tokens: list[str], i: int) -> tuple[list[Verb], int]:
    """The coordinated verbs at position i ("sign and ratify") and the index after them."""
    verbs: list[Verb] = []
    while i < len(tokens):
        while i < len(tokens) and tokens[i] in ADVERBS and tokens[i] != "further":
            i += 1
        if i >= len(tokens):
            break
        lemma = lemma_of(tokens[i])
        if lemma is None:
            break
        verbs.append(Verb(i, lemma))
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
        j = skip_coordinated_adverbs(tokens, j)
        if j < len(tokens) and tokens[j] == "to":
            j += 1
        if j < len(tokens) and lemma_of(tokens[j]) is not None and not _is_noun_here(tokens, j):
            i = j
            continue
        break
    return verbs, i


def _is_noun_here(tokens: list[str], j: int) -> bool:
    """A verb-looking word used as a noun after "and": "measures and support for"."""
    word = tokens[j]
    return word.endswith("s") and not word.endswith("ss") and word not in VERBS


def object_kind(tokens: list[str], i: int, limit: int = 9) -> tuple[str, str | None]:
    """Classify the object after the verbs.

    "general" ("measures"), "specific" (a specific modifier or object: "legislative
    measures", "training"), "study" ("a review"), "assistance" ("technical assistance"),
    "quantity" ("the minimum age") or "unknown", with the word that decided.
    """
    for j in range(i, min(len(tokens), i + limit + 2)):
        if tokens[j] in (".", ";", ":", "to"):
            break
        if tokens[j] in ASSISTANCE:
            return "assistance", tokens[j]
    specific = None
    end = min(len(tokens), i + limit)
    for j in range(i, end):
        word = tokens[j]
        if word in (".", ";", ":", "(", ")", "to", "for", "in", "with", "that", "on", "of"):
            end = j
            break
        if word in STUDY_OBJECTS:
            return "study", word
        if word in ASSISTANCE:
            return "assistance", word
        if word in QUANTITIES:
            return "quantity", word
        if word in SPECIFIC_MODIFIERS and specific is None:
            specific = word
        if word in GENERAL_OBJECTS:
            if specific is not None:
                return "specific", specific
            return "general", word
        if word in SPECIFIC_OBJECTS and specific is None:
            specific = word
    if specific is not None:
        return "specific", specific
    for j in range(end, min(len(tokens), i + 14)):
        word = tokens[j]
        if word in (",", ".", ";", ":", "(", ")"):
            break
        if word in SPECIFIC_OBJECTS:
            return "specific", word
    return "unknown", None


def specific_example(tokens: list[str], i: int) -> tuple[str, ...] | None:
    """Words of an example of a specific action after position i, if any."""
    for j in range(i, len(tokens)):
        if tokens[j] not in MARKER_STARTS:
            continue
        for marker in EXAMPLE_MARKERS:
            if not starts_with(tokens, j, marker):
                continue
            k = j + len(marker)
            while k < len(tokens) and tokens[k] in (",", "by", "through", "the", "a", "an"):
                k += 1
            k = skip_coordinated_adverbs(tokens, k)
            if k >= len(tokens):
                continue
            word = tokens[k]
            lemma = lemma_of(word)
            if word.endswith("ing") and lemma is not None and VERBS[lemma] == 5:
                category, _, evidence = verb_category(tokens, Verb(k, lemma), k + 1)
                if category == 5:
                    return (*marker, *evidence)
            if marker not in (("by",), ("through",)) and word in SPECIFIC_NOUNS:
                return (*marker, word)
    return None


def means_of_action(tokens: list[str], i: int) -> tuple[str, ...] | None:
    """ "by" and a gerund after position i ("by reinforcing"), if any."""
    for j in range(i, len(tokens) - 1):
        if tokens[j] == "by":
            k = skip_coordinated_adverbs(tokens, j + 1)
            if k < len(tokens) and tokens[k].endswith("ing") and len(tokens[k]) > 5:
                return ("by", tokens[k])
    return None


def verb_category(tokens: list[str], verb: Verb, after: int) -> tuple[int, str, tuple[str, ...]]:
    """The category of one verb given what follows the verb chain, with rule and evidence."""
    lemma, word = verb.lemma, tokens[verb.index]
    nxt = tokens[verb.index + 1] if verb.index + 1 < len(tokens) else ""
    kind, obj = object_kind(tokens, after)
    if lemma == "seek":
        if kind == "assistance":
            return 1, "seek-assistance", (word, obj or "")
        if nxt == "to" and object_kind(tokens, verb.index + 3)[0] == "assistance":
            return 1, "seek-assistance", (word, object_kind(tokens, verb.index + 3)[1] or "")
        return 4, "seek-other", (word,)
    if lemma in ("request", "call", "appeal", "ask", "solicit", "avail", "enlist"):
        return 1, "assistance-verb", (word,)
    if lemma in ("share", "exchange"):
        return 1, "share", (word,)
    if lemma == "take":
        if starts_with(tokens, verb.index + 1, ("into", "consideration")):
            return 4, "take-into-account", (word, "into", "consideration")
        return 4, "take-measures", (word,)
    if lemma == "give":
        if kind != "study" and contains(tokens[after : after + 5], ("consideration",)):
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
    if lemma == "put" and nxt == "an" and starts_with(tokens, verb.index + 2, ("end",)):
        return 4, "put-an-end", (word, "end")
    if lemma in QUANTITY_VERBS and kind == "quantity":
        return 5, "quantity", (word, obj or "")
    if lemma in OBJECT_DEPENDENT:
        if kind == "general" or kind == "assistance":
            return 4, "object-general", (word, obj or "")
        if kind == "study":
            return 3, "undertake-study", (word, obj or "")
        if kind == "specific":
            return 5, "object-specific", (word, obj or "")
        category = OBJECT_DEPENDENT[lemma]
        return category, f"object-unknown-{category}", (word,)
    category = VERBS[lemma]
    return category, f"verb-{category}", (word,)
