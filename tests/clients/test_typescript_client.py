"""The TypeScript types and typed fetch client (clients/typescript): fresh, type-checked by
`tsc`, and run against a live server."""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "clients" / "typescript"
NPM = shutil.which("npm")


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=PACKAGE, capture_output=True, text=True, timeout=300, check=False
    )


@pytest.fixture(scope="module")
def built() -> Path:
    """Install the pinned npm packages (no lock file is kept) and compile with tsc, once."""
    if NPM is None:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail("CI=true but npm is not installed")
        pytest.skip("Node.js and npm are needed for the TypeScript client")
    with (PACKAGE / ".build.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one xdist worker builds, the others wait
        if not (PACKAGE / "node_modules" / ".bin" / "tsc").exists():
            installed = _run(NPM, "install", "--no-package-lock", "--no-audit", "--no-fund")
            assert installed.returncode == 0, installed.stderr
        compiled = _run(NPM, "run", "--silent", "build")
        assert compiled.returncode == 0, compiled.stdout + compiled.stderr
    return PACKAGE / "dist"


def test_committed_types_are_fresh(built: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "schema.d.ts"
    made = _run(
        str(PACKAGE / "node_modules" / ".bin" / "openapi-typescript"),
        str(ROOT / "openapi" / "openapi.json"), "--output", str(fresh),
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    committed = (PACKAGE / "src" / "schema.d.ts").read_text()
    assert fresh.read_text() == committed, "clients/typescript is stale: run `make clients`"


def test_typed_client_against_a_live_server(built: Path, live_url: str) -> None:
    result = subprocess.run(
        ["node", str(built / "smoke.js"), live_url], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["recommendations"] == found["unique"] == 254
    assert found["text"].startswith("Ratify the Optional Protocol")
    assert found["missingStatus"] == 404
    assert found["problemType"].startswith("https://")
