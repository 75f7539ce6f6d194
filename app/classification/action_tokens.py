"""A recommendation's text as the action-category rules read it: lower-cased tokens
(`tokenize`), the lexicon verb a token is a form of (`lemma_of`, `participle_lemma_of`), and
the small moves over tokens that the rules share (phrases, adverbs to skip).
"""

from __future__ import annotations

import re

from app.classification.action_lexicon import ADVERBS, IRREGULAR_PARTICIPLES, VERBS

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*|\d+|[,;:.()]")


def tokenize(text: str) -> list[str]:
    """The text's words, numbers and punctuation marks, lower-cased, curly apostrophes straight."""
    return [t.lower().replace("’", "'") for t in _TOKEN.findall(text)]


def lemma_of(word: str) -> str | None:
    """The lexicon verb a word is a form of ("ratifying" → "ratify"), or None."""
    if word in VERBS:
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
        if candidate in VERBS:
            return candidate
    return None


def participle_lemma_of(word: str) -> str | None:
    """The lexicon verb of a past participle ("established" → "establish"), or None."""
    if word in IRREGULAR_PARTICIPLES:
        return IRREGULAR_PARTICIPLES[word]
    if not word.endswith("ed") or len(word) < 5:
        return None
    stem = word[:-2]
    for candidate in (stem, word[:-1], stem[:-1] if stem[-1] == stem[-2] else "", stem[:-1] + "y"):
        if candidate in VERBS:
            return candidate
    return None


def starts_with(tokens: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    """Whether the tokens from position i are `phrase`."""
    return tuple(tokens[i : i + len(phrase)]) == phrase


def skip_adverbs(tokens: list[str], i: int) -> int:
    """The position after the adverbs, "to" and "and" at position i (a verb "further" stays)."""
    while i < len(tokens) and (tokens[i] in ADVERBS or tokens[i] in ("to", "and")):
        if tokens[i] == "further" and i + 1 < len(tokens) and lemma_of(tokens[i + 1]) is None:
            break  # "further" is the verb: "Further the rights of …"
        i += 1
    return i


def contains(tokens: list[str], phrase: tuple[str, ...]) -> bool:
    """Whether `phrase` is anywhere among the tokens."""
    return any(starts_with(tokens, j, phrase) for j in range(len(tokens)))


def skip_coordinated_adverbs(tokens: list[str], j: int) -> int:
    """The position after the adverbs at position j (but for "further", which may be a verb)."""
    while j < len(tokens) and tokens[j] in ADVERBS and tokens[j] != "further":
        j += 1
    return j
