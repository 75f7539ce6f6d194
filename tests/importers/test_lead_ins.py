"""What lead-in paragraphs mean: the wordings of the reports we have, and others like them."""

from __future__ import annotations

import pytest

from app.importers.parsing.lead_ins import (
    Meaning,
    expand_numbers,
    is_closing,
    read_meaning,
    split_qualifications,
)
from app.vocab import ImplementationClaim, Position

SUPPORTED, NOTED, PENDING = Position.supported, Position.noted, Position.pending
ALREADY = ImplementationClaim.already_implemented
IN_PROGRESS = ImplementationClaim.in_progress
EITHER = ImplementationClaim.implemented_or_in_progress


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        # wordings of the bundled reports
        (
            "The following recommendations enjoy the support of Kazakhstan, which considers that "
            "they have already been implemented.",
            Meaning(SUPPORTED, ALREADY),
        ),
        (
            "The following recommendations enjoy the support of Kazakhstan, which considers that "
            "they are in the process of being implemented.",
            Meaning(SUPPORTED, IN_PROGRESS),
        ),
        (
            "The following recommendations did not enjoy the support of Kazakhstan and would thus "
            "be noted:",
            Meaning(NOTED),
        ),
        (
            "The recommendations formulated during the interactive dialogue have been examined by "
            "Madagascar, and the recommendations listed below enjoy its support:",
            Meaning(SUPPORTED),
        ),
        (
            "The following enjoy the support of El Salvador, which considers that they are already "
            "implemented or in the process of implementation:",
            Meaning(SUPPORTED, EITHER),
        ),
        (
            "The following recommendations did not enjoy the support since Egypt considers they "
            "are inaccurate and/or factually incorrect:",
            Meaning(NOTED),
        ),
        (
            "The following recommendations will be examined by Iraq which will provide responses "
            "in due time, but no later than the twenty-eighth session of the Human Rights Council",
            Meaning(PENDING),
        ),
        # wordings of other reports of the same families
        ("The following recommendations have been noted by Ruritania:", Meaning(NOTED)),
        ("Ruritania has noted the following recommendations:", Meaning(NOTED)),
        (
            "The following recommendations have been examined by Ruritania and have been noted:",
            Meaning(NOTED),
        ),
        ("The recommendations below have the support of Ruritania:", Meaning(SUPPORTED)),
        (
            "Ruritania agreed to examine the following recommendations and will respond in due "
            "time:",
            Meaning(PENDING),
        ),
        ("Ruritania does not support the following recommendations:", Meaning(NOTED)),
        ("The following recommendations were rejected by Ruritania:", Meaning(NOTED)),
        ("Ruritania accepted the recommendations listed below:", Meaning(SUPPORTED)),
        ("The recommendations below are supported by Ruritania:", Meaning(SUPPORTED)),
        (
            "Ruritania partially supports the following recommendations:",
            Meaning(Position.supported_in_part),
        ),
        (
            "The following recommendations will be considered by Ruritania, which will respond "
            "in due course:",
            Meaning(PENDING),
        ),
        (
            "Ruritania considers that recommendations listed below are either already implemented "
            "or in the process of implementation:",
            Meaning(SUPPORTED, EITHER),
        ),
    ],
)
def test_lead_ins_are_read_by_meaning(text: str, meaning: Meaning) -> None:
    assert read_meaning(text, lists_items=True) == meaning


def test_a_bare_claim_about_other_items_keeps_their_position() -> None:
    text = "Ruritania considers that these have already been implemented."
    assert read_meaning(text, lists_items=False) == Meaning(None, ALREADY)


def test_words_that_say_nothing_of_positions_are_not_understood() -> None:
    assert read_meaning("The following recommendations are listed below:", lists_items=True) is None


def test_the_closing_paragraph() -> None:
    assert is_closing(
        "All conclusions and/or recommendations contained in the present report reflect the "
        "position of the submitting State(s) and/or the State under review."
    )
    assert not is_closing("The following recommendations enjoy the support of Fiji:")


@pytest.mark.parametrize(
    ("listing", "numbers"),
    [
        ("7, 8, 9, 10 and 12", ["7", "8", "9", "10", "12"]),
        ("85- 119", [str(n) for n in range(85, 120)]),
        ("102 to 105", ["102", "103", "104", "105"]),
        ("6\u201313, 17", [str(n) for n in range(6, 14)] + ["17"]),
        ("124.3 and 124.5", ["124.3", "124.5"]),
        ("124.3-124.5", ["124.3", "124.4", "124.5"]),
    ],
)
def test_number_lists_and_ranges(listing: str, numbers: list[str]) -> None:
    assert expand_numbers(listing) == numbers


def test_a_prose_paragraph_qualifies_the_items_it_names() -> None:
    rest, found = split_qualifications(
        "Kazakhstan considers that recommendations Nos. 7, 8, 9 above have already been "
        "implemented or are in the process of implementation.."
    )
    assert rest == ""
    assert [(q.numbers, q.meaning) for q in found] == [(["7", "8", "9"], Meaning(None, EITHER))]


def test_a_lead_in_can_qualify_some_of_its_own_items() -> None:
    rest, found = split_qualifications(
        "The recommendations listed below enjoy the support of Ruritania, out of which "
        "recommendations 102 to 104 Ruritania considers as already implemented:"
    )
    assert read_meaning(rest, lists_items=True) == Meaning(SUPPORTED)
    assert [(q.numbers, q.meaning) for q in found] == [
        (["102", "103", "104"], Meaning(None, ALREADY))
    ]
