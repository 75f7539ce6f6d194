"""Highlighted excerpts: the databases mark matches with private-use characters, which are
turned into `<mark>` tags only after the text itself has been HTML-escaped."""

import html

MARK_START = "\ue000"
MARK_END = "\ue001"


def to_html(excerpt: str) -> str:
    """An HTML-safe excerpt with the matches inside `<mark>…</mark>`."""
    return (
        html.escape(excerpt, quote=False).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
    )
