"""The API contract under fuzzing: schemathesis against a live server, with a write+tracking key.

Usage (from the repository root, with the project's virtualenv):

    .venv/bin/python bench/fuzz.py --database-url URL [--max-time 600] [--seed 7]
        [--report FILE.json]

The database must be migrated and hold the data to fuzz (the default instance: `upr db upgrade
&& upr db seed && upr import bundled`); the run writes to it (writes are part of the contract),
so give it a copy. The script makes an API key with the scopes `write` and `tracking` (`upr
keys create`), starts one uvicorn worker on a free port of 127.0.0.1 and runs

    schemathesis run http://127.0.0.1:PORT/openapi.json --checks all
        --phases examples,coverage,fuzzing,stateful --max-time T --seed S
        -H "Authorization: Bearer KEY"

with one setting (`schemathesis.toml`, written to a temporary folder): "schema-valid data is
accepted" also accepts 400, 404, 409, 415 and 422, documented problem answers (with examples in
the OpenAPI document) for what a schema cannot express: a well-formed value that names
nothing, an upload whose content is not of its declared kind, a tracking entry superseding
one that does not exist, a CSV upload without its header row. It prints schemathesis's
summary and, from its JSON report, the cases generated and the failures; the exit status
is schemathesis's (0: no failure).

The suite runs the same checks briefly and seeded on both databases (`tests/api/
test_schema_fuzz.py` per operation, `test_schema_stateful.py` for linked calls); the long
runs of this script are reported in docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CONFIG = """\
[checks.positive_data_acceptance]
expected-statuses = ["2xx", "3xx", "400", "401", "403", "404", "409", "415", "422", "429"]
"""
PHASES = "examples,coverage,fuzzing,stateful"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def make_key(env: dict[str, str]) -> str:
    """A new API key with the write and tracking scopes; its token."""
    created = subprocess.run(
        [
            *(str(BIN / "upr"), "keys", "create", "--name", "fuzz"),
            *("--scope", "write", "--scope", "tracking"),
        ],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    token = re.search(r"upr_[A-Za-z0-9_\-]+", created.stdout)
    if token is None:
        raise SystemExit(f"no token in the output of `upr keys create`:\n{created.stdout}")
    return token.group(0)


def wait_until_live(base: str, deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{base}/health/live", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the server at {base} did not start")


def summary(report_path: Path) -> str:
    """Cases generated and failures, from schemathesis's JSON report."""
    if not report_path.exists():
        return "no report"
    report = json.loads(report_path.read_text())
    cases = report["test_cases"]
    return (
        f"{cases['generated']} cases generated, {cases['with_failures']} with failures, "
        f"{len(report['failures'])} failures, {len(report['errors'])} errors "
        f"(stopped: {report['stop_reason']})"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--max-time", type=int, default=600, help="seconds of fuzzing")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--report", type=Path, help="keep schemathesis's JSON report here")
    args = parser.parse_args()

    env = {**os.environ, "UPR_DATABASE_URL": args.database_url}
    token = make_key(env)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            *(str(BIN / "uvicorn"), "app.main:app", "--host", "127.0.0.1", "--port", str(port)),
            *("--no-access-log", "--log-level", "warning"),
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        wait_until_live(base, time.monotonic() + 60)
        with tempfile.TemporaryDirectory(prefix="upr-fuzz-") as folder:
            config = Path(folder) / "schemathesis.toml"
            config.write_text(CONFIG)
            report = args.report or Path(folder) / "report.json"
            started = time.monotonic()
            run = subprocess.run(
                [
                    *(str(BIN / "schemathesis"), "--config-file", str(config), "run"),
                    *(f"{base}/openapi.json", "--checks", "all", "--phases", PHASES),
                    *("--max-time", str(args.max_time), "--seed", str(args.seed)),
                    *("-H", f"Authorization: Bearer {token}"),
                    *("--report", "json", "--report-json-path", str(report)),
                ],
                cwd=folder,
            )
            print(
                f"\nfuzzed {args.database_url.split('@')[-1]} for "
                f"{time.monotonic() - started:.0f} s (seed {args.seed}): {summary(report)}; "
                f"exit status {run.returncode}"
            )
            return run.returncode
    finally:
        server.terminate()
        server.wait(timeout=30)


if __name__ == "__main__":
    sys.exit(main())
