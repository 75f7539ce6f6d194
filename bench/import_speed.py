"""Import speed and memory: a UHRI-format export of N UPR recommendations, and a thematic list.

Usage (from the repository root, with the project's virtualenv):

    .venv/bin/python bench/import_speed.py --upr 130000 [--other 140000] [--database-url URL]

It generates the export in a temporary folder (realistic shape and distributions, see
tests/support/uhri_generator.py), migrates and seeds a fresh database (a temporary SQLite file
unless --database-url names an empty PostgreSQL database), then runs `upr import uhri
--no-link`, `upr link` and `upr import thematic-list` as child processes under `/usr/bin/time
-v`, and prints wall time and peak resident memory of each. Nothing is written into the
repository.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UPR = [sys.executable, "-m", "app.cli"]
THEMATIC = ROOT / "data/documents/SVN/session-48/thematic-list-of-recommendations.docx"


def timed(command: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Run a command under /usr/bin/time -v: (seconds, peak RSS in MB, its stdout)."""
    started = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-v", *command],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    seconds = time.perf_counter() - started
    peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", done.stderr)[1])
    return seconds, peak_kb / 1024, done.stdout.strip().splitlines()[0]


def main() -> None:
    """Generate, import, report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--upr", type=int, default=130_000)
    parser.add_argument("--other", type=int, default=140_000)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "export-full-en.json"
        env = {
            **os.environ,
            "UPR_DATABASE_URL": args.database_url or f"sqlite:///{folder}/bench.sqlite3",
        }
        subprocess.run(
            [
                sys.executable,
                "-m",
                "tests.support.uhri_generator",
                str(export),
                "--upr",
                str(args.upr),
                "--other",
                str(args.other),
                "--seed",
                "1",
            ],
            check=True,
            cwd=ROOT,
        )
        size_mb = export.stat().st_size / 1e6
        subprocess.run([*UPR, "db", "upgrade"], env=env, check=True, cwd=ROOT, capture_output=True)
        subprocess.run([*UPR, "db", "seed"], env=env, check=True, cwd=ROOT, capture_output=True)
        seconds, peak, line = timed([*UPR, "import", "uhri", "--no-link", str(export)], env)
        print(f"UHRI export: {args.upr:,} UPR + {args.other:,} other records, {size_mb:.0f} MB")
        print(f"  import (--no-link): {seconds:.1f} s, peak RSS {peak:.0f} MB")
        print(f"  {line}")
        seconds, peak, line = timed([*UPR, "link"], env)
        print(
            f"  then `upr link` (every changed state across cycles): {seconds:.1f} s, "
            f"peak RSS {peak:.0f} MB"
        )
        seconds, peak, line = timed([*UPR, "import", "uhri", str(export)], env)
        print(f"  re-import (no changes): {seconds:.1f} s, peak RSS {peak:.0f} MB")
        seconds, peak, line = timed(
            [
                *UPR,
                "import",
                "thematic-list",
                str(THEMATIC),
                "--session",
                "48",
                "--state",
                "Slovenia",
            ],
            env,
        )
        print(
            f"thematic list (48th session, 254 recommendations): {seconds:.2f} s "
            f"including process start, peak RSS {peak:.0f} MB"
        )


if __name__ == "__main__":
    main()
