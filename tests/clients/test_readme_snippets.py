"""The README's "Use from Python" and "Use from TypeScript" snippets run against a live server."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.clients.test_typescript_client import built  # noqa: F401  (fixture)

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
DEFAULT_URL = "http://127.0.0.1:8000"


def snippet(heading: str, language: str) -> str:
    """The first code block of `language` under the README heading."""
    section = README.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    match = re.search(rf"```{language}\n(.*?)```", section, re.DOTALL)
    assert match, f"no {language} block under {heading!r}"
    return match.group(1)


def test_python_snippet(live_url: str) -> None:
    code = snippet("Use from Python", "python").replace(DEFAULT_URL, live_url)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT / "clients" / "python")},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3 and all(
        line.startswith("48-SVN-") and " noted " in line for line in lines
    )


def test_typescript_snippet(built: Path, live_url: str) -> None:  # noqa: F811
    example = ROOT / "clients" / "typescript" / "src" / "example.ts"
    assert snippet("Use from TypeScript", "ts") == example.read_text(encoding="utf-8")
    result = subprocess.run(
        ["node", str(built / "example.js"), live_url], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3 and all(
        line.startswith("48-SVN-") and " noted " in line for line in lines
    )
