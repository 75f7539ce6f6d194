"""The action category computed from a recommendation's text, on real recommendations.

Every text below is a recommendation from UPR Info's 2015 export (sessions 1–13, the tuning
sessions), with the category UPR Info's coders gave it.
"""

import re

import pytest

from app.classification.action_category import (
    METHOD,
    ActionCategory,
    classify,
    classify_many,
)

# (UPR Info's category, text)
REAL = [
    # 1: seeking assistance, sharing information, directed at other states
    (1, "Seek the assistance of the international community to achieve comprehensive "
        "national development"),
    (1, "Seek technical, material and financial assistance from the international community "
        "in order to help to address its human rights challenges"),
    (1, "Request assistance from OHCHR in preparing a common core document to streamline "
        "treaty reporting"),
    (1, "Call on the international community to support Sierra Leone's efforts through "
        "development assistance, technical assistance and capacity-building"),
    (1, "Share best practices with other developing countries on poverty reduction programmes "
        "and strategies, especially in rural areas"),
    (1, "Share its best practices in terms of promoting education for children with "
        "disabilities"),
    (1, "That the international community redouble cooperation with Nicaragua and eliminate "
        "any political conditioning of aid"),
    (1, "To the international community: assist Guinea technically and financially in meeting "
        "the various challenges it faces in the field of human rights"),
    (1, "Make use of the technical support from OHCHR to finalizing the overdue reports"),
    # 2: continuity
    (2, "Continue the actions it has undertaken to overcome the crisis, consolidate the rule of "
        "law and fight poverty and unemployment"),
    (2, "Pursue National Economic and Social Development Plans aiming at supporting the poor "
        "and the disadvantaged to ensure adequate living standards for all the population"),
    (2, "Continue to seek technical assistance where capacity issues may impede progress."),
    (2, "Recommended the continuation of the moratorium on death penalty."),
    # 3: considering change
    (3, "Consider withdrawing the reservations to articles 14, 20 and 21 of the Convention on "
        "the Rights of the Child"),
    (3, "Positively consider issuing a standing invitation to the special procedures of the "
        "Human Rights Council"),
    (3, "Give consideration to ratifying the Optional Protocol to CAT"),
    (3, "Look into the possibility of creating a national human rights institution"),
    (3, "Undertake a study on the sexual exploitation of children and adopt a national plan of "
        "action against sexual exploitation of children"),
    (3, "Consideration be given to revising the Criminal Code in order to repeal the provision "
        "that criminalizes the sexual activity between consenting adults."),
    # 4: general action
    (4, "Take all necessary measures to ensure the physical integrity of journalists and human "
        "rights defenders"),
    (4, "Redouble its advocacy efforts to enhance public awareness on gender equality and "
        "women's role in social and economic development."),
    (4, "Implement measures to ensure girls' and women's access to all levels of education and "
        "ensure a higher level of women's participation in public life"),
    (4, "Undertake additional measures to protect rights of women and children"),
    (4, "Put an end to kidnapping and enforced disappearance of persons, whatever their country "
        "of origin"),
    (4, "Seek to remove the obstacles faced by victims trying to access justice"),
    # 5: specific action
    (5, "Ratify the Second Optional Protocol to the International Covenant on Civil and "
        "Political Rights, aiming at the Abolition of the Death Penalty"),
    (5, "Enact the Prevention and Combating of Trafficking in Persons Bill as soon as possible"),
    (5, "Establish an independent national human rights institution in accordance with the "
        "Paris Principles"),
    (5, "Raise the minimum age of criminal responsibility in compliance with international "
        "standards"),
    (5, "Ratify the OP-CAT"),
    (5, "Recommended the accession to the ICCPR, ICESCR"),
    (5, "Ghana's Criminal Code be amended to decriminalise sexual activity between consenting "
        "adults."),
    # second verb counts
    (4, "Continue and strengthen the activities of the Extraordinary Chambers in the area of "
        "the right to truth and reconciliation"),
    (4, "Maintain and strengthen the moratorium currently in force with a view to abolishing "
        "the death penalty."),
    (4, "Continue and intensify efforts to reduce poverty and social inequality."),
    (5, "Review and amend the various penal laws that prevent journalists from carrying out "
        "their essential mission in full security and independence."),
    # a general action with examples of specific actions is 5
    (5, "Take more effective steps to eradicate cases of police misconduct including by "
        "establishing independent body to investigate police misconduct"),
    (5, "Protect victims by defining hate crimes as crimes under criminal laws"),
    (5, "Continue making progress by ratifying ICRMW"),
    (5, "Continue the reforms already accomplished by withdrawing the reservation to article 22 "
        "of the Convention against Torture"),
]  # fmt: skip


@pytest.mark.parametrize(("expected", "text"), REAL)
def test_real_recommendations_get_upr_infos_category(expected: int, text: str) -> None:
    result = classify(text)
    assert result.category == expected, (result.rule, result.evidence)


@pytest.mark.parametrize(("expected", "text"), REAL)
def test_evidence_words_are_words_of_the_text(expected: int, text: str) -> None:
    result = classify(text)
    words = set(re.findall(r"[a-z][a-z'’\-]*", text.lower()))
    assert result.evidence
    assert all(word in words for word in result.evidence), result.evidence


@pytest.mark.parametrize(("expected", "text"), REAL)
def test_confidence_is_a_probability_and_no_reason_is_given(expected: int, text: str) -> None:
    result = classify(text)
    assert 0.0 < result.confidence <= 1.0
    assert result.reason is None
    assert result.method == METHOD


def test_the_second_verb_counts_but_continue_to_stays_continuity() -> None:
    both = classify("Continue and strengthen its efforts to combat trafficking in persons")
    assert (both.category, both.evidence) == (4, ("continue", "strengthen"))
    assert both.rule == "second-verb-4"
    assert classify("Continue to strengthen its efforts to combat trafficking").category == 2
    assert classify("Sign and ratify the Optional Protocol to CAT").category == 5


def test_consider_decides_whatever_it_considers() -> None:
    result = classify("Consider ratifying the Convention against Torture")
    assert (result.category, result.evidence) == (3, ("consider",))
    assert classify("Ratify the Convention against Torture").category == 5


def test_the_object_decides_for_verbs_such_as_adopt() -> None:
    measures = classify("Adopt measures to eliminate all forms of violence against women")
    law = classify("Adopt a law to eliminate all forms of violence against women")
    assert (measures.category, measures.evidence) == (4, ("adopt", "measures"))
    assert (law.category, law.evidence) == (5, ("adopt", "law"))


def test_a_specific_example_makes_a_general_action_specific() -> None:
    general = classify("Improve women's rights")
    example = classify("Improve women's rights by amending the family code")
    assert general.category == 4
    assert example.category == 5
    assert example.rule == "general-with-example"
    assert example.evidence == ("improve", "by", "amending")


def test_lead_ins_are_stripped() -> None:
    for text in (
        "To ratify the Convention on the Rights of Persons with Disabilities",
        "Recommended that the Government ratify the Convention on the Rights of Persons with "
        "Disabilities",
        "In line with its commitments, ratify the Convention on the Rights of Persons with "
        "Disabilities",
        "The Government should ratify the Convention on the Rights of Persons with Disabilities",
        "Promptly and fully ratify the Convention on the Rights of Persons with Disabilities",
    ):
        assert classify(text).category == 5, text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("123.", "empty"),
        ("Ratify", "too short"),
        (
            "Ratifier la Convention et la mettre en œuvre dans le droit interne pour les enfants",
            "not English",
        ),
        ("Ратифицировать Конвенцию против пыток", "not English (non-Latin script)"),
        ("Take all necessary measures to ensure the", "truncated"),
        ("Recommended that", "truncated"),
        ("Ratify the Optional Protocol to the Convention against Torture and…", "truncated"),
    ],
)
def test_bad_input_gets_no_category_and_a_reason(text: str, reason: str) -> None:
    result = classify(text)
    assert result.category is None
    assert result.reason == reason
    assert result.confidence == 0.0
    assert result.evidence == ()


def test_none_and_non_strings_do_not_raise() -> None:
    assert classify(None).category is None  # type: ignore[arg-type]
    assert classify(42).category is None  # type: ignore[arg-type]


def test_a_preposition_at_the_end_is_not_truncation() -> None:
    text = "Ratify the human rights instruments to which it is not yet a party to"
    assert classify(text).category == 5


def test_deterministic_and_classify_many_agrees() -> None:
    texts = [text for _, text in REAL] * 2
    first = [classify(text) for text in texts]
    assert [classify(text) for text in texts] == first
    assert classify_many(texts) == first
    assert classify_many(iter(texts)) == first
    assert classify_many([]) == []


def test_result_is_frozen() -> None:
    result = classify("Ratify the OP-CAT")
    assert isinstance(result, ActionCategory)
    with pytest.raises(AttributeError):
        result.category = 4  # type: ignore[misc]
