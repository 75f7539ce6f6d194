"""The terms the linker compares: framing dropped, treaties unified, state names removed."""

from app.linking.text import terms


def test_framing_and_function_words_are_dropped_and_words_stemmed() -> None:
    assert terms("Continue its efforts to combat trafficking in human beings") == [
        "combat",
        "traffick",
        "person",
    ]
    assert terms("To take further measures to reduce the case backlog before its courts") == [
        "reduc",
        "case",
        "backlog",
        "befor",
        "court",
    ]


def test_a_treaty_is_one_term_whatever_its_name() -> None:
    acronym = terms("Ratify ICRMW")
    full = terms(
        "Ratify the International Convention on the Protection of the Rights of All Migrant "
        "Workers and Members of Their Families"
    )
    short = terms("Consider the ratification of the Convention on Migrant Workers and Members "
                  "of Their Families")  # fmt: skip
    assert acronym == full == ["treaty_icrmw", "ratifi"]
    assert "treaty_icrmw" in short and "ratifi" in short


def test_two_treaties_named_with_the_same_words_stay_apart() -> None:
    disappearance = terms(
        "Ratify the International Convention for the Protection of All Persons from Enforced "
        "Disappearance"
    )
    migrants = terms(
        "Ratify the International Convention on the Protection of the Rights of All Migrant "
        "Workers and Members of Their Families"
    )
    assert disappearance == ["treaty_ced", "ratifi"]
    assert set(disappearance) & set(migrants) == {"ratifi"}


def test_parentheses_naming_only_states_are_dropped() -> None:
    names = frozenset({"algeria", "egypt", "spain", "argentina"})
    text = "To ratify (Spain)/consider ratifying (Argentina) the Convention (Spain, Argentina)"
    assert terms(text, names) == ["ratifi", "ratifi", "convent"]
    assert terms("Ratify the Convention (ICRMW)", names) == ["treaty_icrmw", "ratifi", "convent"]


def test_equivalent_words_are_unified() -> None:
    assert (
        terms("Fight hate speech") == terms("Counter hate speech") == ["combat", "hate", "speech"]
    )
    assert terms("access to healthcare") == terms("access to health care")
    assert terms("Accede to the 1961 Convention on the Reduction of Statelessness") == terms(
        "Ratify the Convention on the Reduction of Statelessness"
    )
