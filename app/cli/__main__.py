"""`python -m app.cli`: the `upr` command."""

from app.cli import main

main()
