"""The search syntax parser and the two compilers, without a database."""

import re

import pytest

from app.kit.problems import ProblemError
from app.search import parse_query
from app.search.postgresql import compile_query as to_tsquery
from app.search.sqlite import compile_query as to_fts5
from app.search.syntax import And, Not, Or, SearchSyntaxError, Term, parse


def test_words_are_anded_and_folded() -> None:
    assert parse("Roma  Housing").root == And((Term(("roma",)), Term(("housing",))))
    assert parse("Česká ROMÁ").root == And((Term(("ceska",)), Term(("roma",))))


def test_phrases_prefixes_and_punctuation() -> None:
    assert parse('"Paris Principles"').root == Term(("paris", "principles"))
    assert parse("non-discrimination").root == Term(("non", "discrimination"))
    assert parse("discrimin*").root == Term(("discrimin",), prefix=True)
    assert parse('"paris princ"*').root == Term(("paris", "princ"), prefix=True)
    assert parse("women's ;; rights").root == And((Term(("women", "s")), Term(("rights",))))


def test_operators_and_precedence() -> None:
    # AND binds tighter than OR; lower-case operators are words.
    assert parse("a b OR c").root == Or((And((Term(("a",)), Term(("b",)))), Term(("c",))))
    assert parse("a and b").root == And((Term(("a",)), Term(("and",)), Term(("b",))))
    assert parse("(a OR b) -c").root == And((Or((Term(("a",)), Term(("b",)))), Not(Term(("c",)))))
    assert parse("roma NOT housing").root == And((Term(("roma",)), Not(Term(("housing",)))))
    assert parse("a AND (b AND c)").root == And((Term(("a",)), Term(("b",)), Term(("c",))))


def test_irregular_plurals_match_both_ways() -> None:
    assert parse("woman").root == Or((Term(("woman",)), Term(("women",))))
    assert parse("children").root == Or((Term(("child",)), Term(("children",))))
    # not inside phrases or prefixes: those are exact
    assert parse('"woman"').root == Term(("woman",))
    assert parse("woman*").root == Term(("woman",), prefix=True)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('"Paris Principles', "never closed"),
        ("(roma OR sinti", "never closed"),
        ("(", "never closed"),
        ("roma)", "no matching '('"),
        ("()", "empty group"),
        ("AND", "needs a search term before it"),
        ("OR roma", "needs a search term before it"),
        ("roma OR", "needs a search term after it"),
        ("roma AND", "needs a search term after it"),
        ("roma AND OR sinti", "needs a search term after it"),
        ("NOT", "needs a search term after it"),
        ("NOT roma", "can only exclude"),
        ("-roma", "can only exclude"),
        ("roma OR -housing", "can only exclude"),
        ("roma NOT NOT housing", "can only exclude"),
        ("a*", "at least 2 letters"),
        ("", "no words"),
        ("   ", "no words"),
        ("!!! ;; --", "no words"),
        ("((((((((((a))))))))))", "nested more than"),
        (" ".join(f"w{i}" for i in range(40)), "more than 32 terms"),
    ],
)
def test_malformed_searches_explain_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(SearchSyntaxError, match=re.escape(message)):
        parse(text)


def test_parse_query_turns_syntax_errors_into_400_problems() -> None:
    with pytest.raises(ProblemError) as caught:
        parse_query('"unclosed')
    assert (caught.value.status, caught.value.slug) == (400, "invalid-search")
    assert "quote at character 1" in caught.value.detail


@pytest.mark.parametrize(
    "hostile",
    [
        "'; DROP TABLE recommendation; --",
        '" OR 1=1 --',
        "text:roma",
        "NEAR(roma housing)",
        "roma\x00housing",
        '" OR 1=1 --"',
        '" OR 1=1 --',
        "roma' | 'x",
        "^roma + {x} :* & ! <->",
        "x" * 5000,
        "Robert'); DELETE FROM state;--",
    ],
)
def test_hostile_input_is_refused_or_compiles_to_quoted_letters_and_digits(hostile: str) -> None:
    try:
        query = parse(hostile)
    except SearchSyntaxError as error:
        assert "character" in str(error)  # refused, saying where
        return
    fts5, tsquery = to_fts5(query.root), to_tsquery(query.root)
    # Every operand is quoted and holds only letters and digits; no user character survives
    # outside them but spaces, the compilers' own operators and parentheses.
    for compiled, quote in ((fts5, '"'), (tsquery, "'")):
        outside = compiled.split(quote)[0::2]
        inside = compiled.split(quote)[1::2]
        assert all(token.isalnum() for part in inside for token in part.split()), compiled
        leftover = "".join(outside).replace("AND", "").replace("OR", "").replace("NOT", "")
        assert set(leftover) <= set(" ()*&|!<->:"), compiled


def test_compilers() -> None:
    query = parse('"paris principles" OR (roma -housing) discrimin*')
    assert to_fts5(query.root) == (
        '("paris principles" OR (("roma" AND "discrimin"*) NOT ("housing")))'
    )
    assert to_tsquery(query.root) == (
        "(('paris' <-> 'principles') | ('roma' & !'housing' & 'discrimin':*))"
    )


def test_sqlite_stems_a_prefix_as_its_index_does() -> None:
    assert to_fts5(parse("rights*").root) == '"right"*'
