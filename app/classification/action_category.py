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

This module holds the engine (``classify``: refusals, the rules' order, the principles); the
word tables are in ``action_lexicon``, the rules' confidences in ``action_confidence``, the
tokens and verb forms in ``action_tokens``, the lead-in (step 2) in ``action_lead_in`` and the
verbs and their objects (steps 3 to 5) in ``action_verbs``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from app.classification.action_confidence import confidence
from app.classification.action_lead_in import read_lead_in
from app.classification.action_lexicon import (
    DETERMINERS,
    ENGLISH,
    FOREIGN,
    NOMINALS,
    OBJECT_DEPENDENT,
    TRAILING_FUNCTION_WORDS,
    VERBS,
)
from app.classification.action_tokens import (
    lemma_of,
    participle_lemma_of,
    skip_coordinated_adverbs,
    tokenize,
)
from app.classification.action_verbs import (
    means_of_action,
    object_kind,
    specific_example,
    verb_category,
    verb_chain,
)

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
    foreign = sum(w in FOREIGN for w in words)
    english = sum(w in ENGLISH for w in words)
    if foreign >= 3 and foreign > english:
        return "not English"
    stripped = text.rstrip()
    if stripped.endswith(("...", "…")):
        return "truncated"
    if tokens[-1] in TRAILING_FUNCTION_WORDS and stripped[-1].isalpha():
        return "truncated"
    return None


def _verbless(tokens: list[str], start: int) -> ActionCategory | None:
    """A recommendation without a leading verb: a nominal ("Recommended the adoption of"),
    a passive ("That a commission be established"), or an unknown leading verb."""
    j = start
    while j < len(tokens) and j < start + 3 and tokens[j] in DETERMINERS:
        j += 1
    if j < len(tokens) and tokens[j] in NOMINALS:
        category = NOMINALS[tokens[j]]
        rule = f"nominal-{category}"
        return ActionCategory(category, confidence(rule), (tokens[j],), rule)
    for k in range(start, min(len(tokens) - 1, start + 20)):
        if tokens[k] in (".", ";"):
            break
        if tokens[k] in ("be", "is", "are", "been"):
            m = skip_coordinated_adverbs(tokens, k + 1)
            lemma = participle_lemma_of(tokens[m]) if m < len(tokens) else None
            if lemma is not None:
                category = VERBS[lemma]
                if object_kind(tokens, m + 1)[0] == "assistance" and lemma in ("provide", "give"):
                    rule = "passive-assistance"  # "That Mali be provided with assistance"
                    return ActionCategory(1, confidence(rule), (tokens[m], "assistance"), rule)
                if lemma in OBJECT_DEPENDENT:
                    kind, _ = object_kind(tokens, start)
                    category = 4 if kind == "general" else OBJECT_DEPENDENT[lemma]
                rule = f"passive-{category}"
                return ActionCategory(category, confidence(rule), (tokens[k], tokens[m]), rule)
    return None


def classify(text: str) -> ActionCategory:
    """The action category of one recommendation's text (never raises)."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    tokens = tokenize(text)
    reason = _refusal(text, tokens)
    if reason is not None:
        return ActionCategory(None, 0.0, (), "refused", reason)
    lead = read_lead_in(tokens)
    if not any(t[0].isalpha() for t in tokens[lead.start :]):
        return ActionCategory(None, 0.0, (), "refused", "truncated")  # "Recommended that"
    if lead.non_sur is not None:
        rule = "non-sur-subject"
        return ActionCategory(1, confidence(rule), lead.non_sur, rule)
    verbs, after = verb_chain(tokens, lead.start)
    fallback = False
    if not verbs:
        verbless = _verbless(tokens, lead.start)
        if verbless is not None:
            return verbless
        # no verb where one was expected: the first lexicon verb anywhere, weakly
        for j in range(lead.start, len(tokens)):
            if lemma_of(tokens[j]) is not None:
                verbs, after = verb_chain(tokens, j)
                fallback = True
                break
        if not verbs:
            rule = "no-verb"
            return ActionCategory(4, confidence(rule), (), rule)
    decided = [verb_category(tokens, verb, after) for verb in verbs]
    category, rule, evidence = decided[0]
    for later in decided[1:]:
        if (later[0] >= category and later[0] != 1) or (category == 2 and later[0] != 2):
            category, rule = later[0], later[1]
        evidence = (*evidence, *later[2])
    if len(decided) > 1 and category != decided[0][0]:
        rule = f"second-verb-{category}"
    if category == 4:
        example = specific_example(tokens, after)
        if example is not None:
            category, rule, evidence = 5, "general-with-example", (*evidence, *example)
    elif category == 2:
        # continuity with a means of action is an action: "Continue its efforts to prevent
        # domestic violence, notably by reinforcing the legal framework" is 4
        example = specific_example(tokens, after)
        means = means_of_action(tokens, after)
        if example is not None:
            category, rule, evidence = 5, "continuity-with-example", (*evidence, *example)
        elif means is not None:
            category, rule, evidence = 4, "continuity-with-means", (*evidence, *means)
        elif "further" in tokens[max(0, verbs[0].index - 2) : verbs[0].index]:
            category, rule, evidence = 4, "further-continuity", ("further", *evidence)
    if fallback:
        rule = f"late-verb-{category}"
    evidence = tuple(dict.fromkeys(w for w in evidence if w))
    return ActionCategory(category, confidence(rule), evidence, rule)


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
