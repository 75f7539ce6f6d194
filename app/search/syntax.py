"""The user's search syntax, parsed into a small tree that each database backend compiles.

Syntax (like a web search engine's):

- words: `roma housing` finds texts with both words (AND is implied);
- `"exact phrases"`: the words next to each other, in that order;
- `AND`, `OR`, `NOT` in capitals (lower-case "and", "or", "not" are ordinary words), and
  `-word` for NOT; parentheses group: `(roma OR sinti) -housing`;
- `prefix*`: words starting with `prefix` (at least two characters before the `*`).

Words are matched on their stems (English), ignoring case and accents; a word is a run of
letters and digits, so `non-discrimination` is the phrase "non discrimination" and
punctuation alone is ignored. A few irregular plurals are matched both ways (woman ~ women).
A prefix is matched against the stems too (`discrimin*`, `educ*`): `educat*` does not find
"education", whose stem is "educ".

Only this module reads the user's text. The backends compile the tree it returns, whose terms
hold nothing but letters and digits, so no quote or operator of the user's can reach the SQL.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeAlias

MAX_TERMS = 32
MAX_DEPTH = 8
MIN_PREFIX = 2

_TOKEN = re.compile(r"[^\W_]+")  # runs of letters and digits, as the databases' tokenizers cut
_OPERATORS = {"AND", "OR", "NOT"}

# Irregular plurals that stemmers do not join (porter and snowball leave "women" alone).
_IRREGULAR = (("woman", "women"), ("man", "men"), ("child", "children"), ("wife", "wives"))
_ALTERNATIVES = {word: pair for pair in _IRREGULAR for word in pair}


class SearchSyntaxError(ValueError):
    """The search text cannot be understood; the message says what is wrong and how to fix it."""


@dataclass(frozen=True)
class Term:
    """A word (one token) or a phrase (several, adjacent); `prefix` marks the last as a prefix,
    `quoted` a term the user put in quotes (matched as written, without plural variants)."""

    tokens: tuple[str, ...]
    prefix: bool = False
    quoted: bool = field(default=False, compare=False)


@dataclass(frozen=True)
class Not:
    """Excludes texts matching `operand`; only ever an operand of an `And` with a positive term."""

    operand: Node


@dataclass(frozen=True)
class And:
    """All operands match."""

    operands: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    """Any operand matches."""

    operands: tuple[Node, ...]


Node: TypeAlias = Term | Not | And | Or


# The bound parameter through which the backends pass a compiled search to the database.
QUERY_PARAMETER = "search_query"


@dataclass(frozen=True)
class SearchQuery:
    """A parsed search: the user's text and the tree the backends compile."""

    text: str
    root: Node


@dataclass(frozen=True)
class _Token:
    kind: str  # "term", "and", "or", "not", "(", ")"
    position: int
    term: Term | None = None


def parse(text: str) -> SearchQuery:
    """Parse the user's search text; raises SearchSyntaxError explaining what is wrong."""
    tokens = _lex(text)
    if not tokens:
        raise SearchSyntaxError("The search has no words to look for (only spaces or punctuation).")
    parser = _Parser(tokens)
    root = parser.parse()
    if sum(1 for _ in _terms(root)) > MAX_TERMS:
        raise SearchSyntaxError(f"The search has more than {MAX_TERMS} terms; shorten it.")
    _check_negations(root, allowed=False)
    return SearchQuery(text=text, root=_expand(root))


def _lex(text: str) -> list[_Token]:
    tokens: list[_Token] = []
    i, length = 0, len(text)
    while i < length:
        char = text[i]
        if char.isspace():
            i += 1
        elif char in "()":
            tokens.append(_Token(char, i))
            i += 1
        elif char == '"':
            end = text.find('"', i + 1)
            if end < 0:
                raise SearchSyntaxError(
                    f'The quote at character {i + 1} is never closed: add a closing " or '
                    "remove the opening one."
                )
            prefix = end + 1 < length and text[end + 1] == "*"
            words = _words(text[i + 1 : end])
            if words:
                tokens.append(_term_token(Term(words, prefix, quoted=True), i))
            i = end + (2 if prefix else 1)
        elif char == "-" and i + 1 < length and (text[i + 1] in '"(' or _is_word(text[i + 1])):
            tokens.append(_Token("not", i))
            i += 1
        else:
            end = i
            while end < length and not text[end].isspace() and text[end] not in '()"':
                end += 1
            chunk = text[i:end]
            if chunk in _OPERATORS:
                tokens.append(_Token(chunk.lower(), i))
            else:
                words = _words(chunk)
                if words:
                    tokens.append(_term_token(Term(words, chunk.endswith("*")), i))
            i = end
    return tokens


def _words(text: str) -> tuple[str, ...]:
    """The tokens of a piece of text: letters and digits, lower-cased, accents removed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return tuple(_TOKEN.findall(bare))


def _is_word(char: str) -> bool:
    return bool(_TOKEN.match(char))


def _term_token(term: Term, position: int) -> _Token:
    if term.prefix and len(term.tokens) == 1 and len(term.tokens[0]) < MIN_PREFIX:
        raise SearchSyntaxError(
            f"The prefix search at character {position + 1} needs at least {MIN_PREFIX} "
            "letters before the *."
        )
    return _Token("term", position, term)


class _Parser:
    """Recursive descent: or := and ("OR" and)*; and := unary ("AND"? unary)*;
    unary := ("NOT" | "-") unary | term | "(" or ")"."""

    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = tokens
        self.at = 0
        self.depth = 0

    def peek(self) -> _Token | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def take(self) -> _Token:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def parse(self) -> Node:
        node = self.parse_or()
        extra = self.peek()
        if extra is not None:  # only a ")" can stop the top level early
            raise SearchSyntaxError(
                f"The ')' at character {extra.position + 1} has no matching '('."
            )
        return node

    def parse_or(self) -> Node:
        operands = [self.parse_and()]
        while (token := self.peek()) is not None and token.kind == "or":
            self.take()
            operands.append(self.operand_after(token, "OR", self.parse_and))
        return operands[0] if len(operands) == 1 else Or(_flatten(Or, operands))

    def parse_and(self) -> Node:
        operands = [self.parse_unary()]
        while (token := self.peek()) is not None and token.kind in ("and", "not", "term", "("):
            if token.kind == "and":
                self.take()
                operands.append(self.operand_after(token, "AND", self.parse_unary))
            else:
                operands.append(self.parse_unary())
        return operands[0] if len(operands) == 1 else And(_flatten(And, operands))

    def operand_after(self, operator: _Token, name: str, parse: Callable[[], Node]) -> Node:
        token = self.peek()
        if token is None or token.kind in ("and", "or", ")"):
            raise SearchSyntaxError(
                f"'{name}' at character {operator.position + 1} needs a search term after it."
            )
        return parse()

    def parse_unary(self) -> Node:
        token = self.peek()
        if token is None:
            raise SearchSyntaxError("The search ends where a search term was expected.")
        if token.kind == "not":
            self.take()
            return Not(self.operand_after(token, "NOT", self.parse_unary))
        if token.kind == "term":
            self.take()
            assert token.term is not None
            return token.term
        if token.kind == "(":
            return self.parse_group()
        if token.kind == ")":
            raise SearchSyntaxError(
                f"The ')' at character {token.position + 1} has no matching '(' or closes "
                "an empty group."
            )
        raise SearchSyntaxError(
            f"'{token.kind.upper()}' at character {token.position + 1} needs a search term "
            "before it."
        )

    def parse_group(self) -> Node:
        opening = self.take()
        if self.peek() is None:
            raise SearchSyntaxError(
                f"The '(' at character {opening.position + 1} is never closed: add a ')'."
            )
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise SearchSyntaxError(f"Parentheses are nested more than {MAX_DEPTH} deep.")
        node = self.parse_or()
        closing = self.peek()
        if closing is None or closing.kind != ")":
            raise SearchSyntaxError(
                f"The '(' at character {opening.position + 1} is never closed: add a ')'."
            )
        self.take()
        self.depth -= 1
        return node


def _flatten(kind: type[And] | type[Or], operands: list[Node]) -> tuple[Node, ...]:
    flat: list[Node] = []
    for operand in operands:
        flat.extend(operand.operands if isinstance(operand, kind) else (operand,))
    return tuple(flat)


def _terms(node: Node) -> list[Term]:
    if isinstance(node, Term):
        return [node]
    if isinstance(node, Not):
        return _terms(node.operand)
    return [term for operand in node.operands for term in _terms(operand)]


def _check_negations(node: Node, *, allowed: bool) -> None:
    """NOT may only narrow: it must sit in an AND beside at least one positive term."""
    if isinstance(node, Not):
        if not allowed:
            raise SearchSyntaxError(
                "NOT and '-' can only exclude words from a search that also has words to "
                "find, e.g. 'roma -housing' or '(roma OR sinti) NOT housing'."
            )
        _check_negations(node.operand, allowed=False)
    elif isinstance(node, And):
        has_positive = any(not isinstance(operand, Not) for operand in node.operands)
        for operand in node.operands:
            _check_negations(operand, allowed=has_positive)
    elif isinstance(node, Or):
        for operand in node.operands:
            _check_negations(operand, allowed=False)


def _expand(node: Node) -> Node:
    """Match irregular plurals both ways: the single word `woman` becomes (woman OR women)."""
    if isinstance(node, Term):
        single = len(node.tokens) == 1 and not (node.prefix or node.quoted)
        if single and node.tokens[0] in _ALTERNATIVES:
            return Or(tuple(Term((word,)) for word in _ALTERNATIVES[node.tokens[0]]))
        return node
    if isinstance(node, Not):
        return Not(_expand(node.operand))
    expanded = [_expand(operand) for operand in node.operands]
    return And(_flatten(And, expanded)) if isinstance(node, And) else Or(_flatten(Or, expanded))
