"""The one reader of recommending states that every parser uses."""

import pytest

from app.importers.parsing.state_groups import inline_states, name_key, split_trailing_states


@pytest.mark.parametrize(
    ("sentence", "text", "states"),
    [
        ("Ratify the Optional Protocol (Maldives) (Portugal);", "Ratify the Optional Protocol",
         ["Maldives", "Portugal"]),
        ("Combat racism (Portugal, Slovakia);", "Combat racism", ["Portugal", "Slovakia"]),
        ("Ratify the Domestic Workers Convention, 2011 (No. 189) (Philippines).",
         "Ratify the Domestic Workers Convention, 2011 (No. 189)", ["Philippines"]),
        ("Ratify the ICRMW (ICRMW) (Iran (Islamic Republic of));", "Ratify the ICRMW (ICRMW)",
         ["Iran (Islamic Republic of)"]),
        ("Act (Senegal, Venezuela (Bolivarian Republic of),Peru);", "Act",
         ["Senegal", "Venezuela (Bolivarian Republic of)", "Peru"]),
        ("Act (Iran) (Islamic Republic of);", "Act", ["Iran (Islamic Republic of)"]),
        ("Adopt the National Action Plan (Plan);", "Adopt the National Action Plan (Plan)", []),
        ("Protect the Roma", "Protect the Roma", []),
    ],
)  # fmt: skip
def test_trailing_groups(sentence: str, text: str, states: list[str]) -> None:
    assert split_trailing_states(sentence) == (text, states)


def test_known_names_and_a_cap_on_guessed_ones() -> None:
    sentence = "Include the Roma (Roma) (Spain);"
    # Guessing would take "(Roma)" as a state; with one recommending state known, it stops.
    assert split_trailing_states(sentence, {name_key("Spain")}, max_names=1) == (
        "Include the Roma (Roma)", ["Spain"],
    )  # fmt: skip
    assert split_trailing_states("Act (ICELAND);", {name_key("Iceland")}) == ("Act", ["ICELAND"])


def test_inline_states_of_the_first_cycle() -> None:
    text = "To examine joining (Algeria)/sign and ratify (Egypt)/consider (No. 3) the Convention"
    assert inline_states(text) == ["Algeria", "Egypt"]
