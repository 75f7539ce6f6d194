"""Import time and memory of official documents, one `upr import` process per document.

Usage (from the repository root, with the project's virtualenv):

    .venv/bin/python bench/document_import.py [FILE ...] [--session N] [--state NAME]
        [--database-url URL]

Without files it takes every document listed in data/documents/bundled.json, in order. A file
listed there is imported as its entry says (kind, session, state); any other file as a
thematic list if it is a .docx, as an addendum if its name has "_Add.", else as a Working
Group report, with --session and --state where the command needs them. The documents are
imported in the order given into one fresh database (a temporary SQLite file unless
--database-url names an empty PostgreSQL database), migrated and seeded first: an addendum
or a thematic list needs its report before it. Each `python -m app.cli import report|addendum|
thematic-list FILE` runs under `/usr/bin/time -v`, and the wall time (interpreter start
included), CPU time (user + system) and peak resident memory are printed with whether the
document meets its target, on wall time: a report under 3 s, a thematic list under 2 s.
Nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "data" / "documents"
UPR = [sys.executable, "-m", "app.cli"]
COMMANDS = {
    "working_group_report": "report",
    "addendum": "addendum",
    "thematic_list": "thematic-list",
}
TARGETS = {"working_group_report": 3.0, "thematic_list": 2.0}  # seconds


@dataclass(frozen=True)
class Job:
    """A document to import: its file, kind and the review options its command takes."""

    path: Path
    kind: str
    session: int | None = None
    state: str | None = None

    def command(self) -> list[str]:
        """The `upr import` command line for the document."""
        options = []
        if self.kind != "working_group_report" and self.session is not None:
            options += ["--session", str(self.session)]
        if self.kind != "working_group_report" and self.state is not None:
            options += ["--state", self.state]
        return [*UPR, "import", COMMANDS[self.kind], str(self.path), *options]


def bundled() -> dict[Path, Job]:
    """The documents of data/documents/bundled.json by resolved path, in their order."""
    manifest = json.loads((DOCUMENTS / "bundled.json").read_text(encoding="utf-8"))
    jobs = {}
    for entry in manifest["documents"]:
        path = (DOCUMENTS / entry["file"]).resolve()
        jobs[path] = Job(path, entry["kind"], entry.get("session"), entry.get("state"))
    return jobs


def guessed(path: Path, session: int | None, state: str | None) -> Job:
    """A job for a file not in bundled.json, its kind guessed from its name."""
    if path.suffix.lower() == ".docx":
        kind = "thematic_list"
    elif "_Add." in path.name:
        kind = "addendum"
    else:
        kind = "working_group_report"
    return Job(path, kind, session, state)


def statistic(label: str, report: str) -> str:
    """A value of /usr/bin/time -v's report, by its label (a regular expression)."""
    found = re.search(rf"{label}: (\S+)", report)
    if found is None:
        raise SystemExit(f"/usr/bin/time -v reported no {label!r}:\n{report}")
    return found[1]


@dataclass(frozen=True)
class Measure:
    """What /usr/bin/time -v measured of one process, and what the process said."""

    wall: float  # seconds
    cpu: float  # user + system seconds: what the process cost, whatever else the host runs
    peak_mb: float
    line: str  # its first line of output, or "FAILED: " and its last error


def timed(command: list[str], env: dict[str, str]) -> Measure:
    """Run a command under /usr/bin/time -v."""
    done = subprocess.run(
        ["/usr/bin/time", "-v", *command], env=env, capture_output=True, text=True, cwd=ROOT
    )
    wall = statistic(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\)", done.stderr)
    seconds = sum(float(part) * 60**i for i, part in enumerate(reversed(wall.split(":"))))
    cpu = float(statistic(r"User time \(seconds\)", done.stderr)) + float(
        statistic(r"System time \(seconds\)", done.stderr)
    )
    peak_mb = int(statistic(r"Maximum resident set size \(kbytes\)", done.stderr)) / 1024
    if done.returncode:
        errors = [line for line in done.stderr.splitlines() if line.startswith("error")]
        line = "FAILED: " + (errors or ["(no message)"])[-1]
    else:
        line = (done.stdout.strip().splitlines() or [""])[0]
    return Measure(seconds, cpu, peak_mb, line)


def label(path: Path) -> str:
    """A document's path as printed: relative to data/documents when it is there."""
    return str(path.relative_to(DOCUMENTS) if path.is_relative_to(DOCUMENTS) else path)


def verdict(job: Job, seconds: float) -> str:
    """Whether the document meets the target of its kind."""
    target = TARGETS.get(job.kind)
    if target is None:
        return "no target"
    return f"< {target:g} s: {'met' if seconds < target else 'MISSED'}"


def main() -> None:
    """Prepare the database, import each document, report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="documents (default: bundled.json)")
    parser.add_argument("--session", type=int, help="session, for files not in bundled.json")
    parser.add_argument("--state", help="state under review, for files not in bundled.json")
    parser.add_argument("--database-url")
    args = parser.parse_args()
    known = bundled()
    paths = [path.resolve() for path in args.files] or list(known)
    jobs = [known.get(path) or guessed(path, args.session, args.state) for path in paths]
    failed = False
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "UPR_DATABASE_URL": args.database_url or f"sqlite:///{folder}/bench.sqlite3",
        }
        for step in (["db", "upgrade"], ["db", "seed"]):
            subprocess.run([*UPR, *step], env=env, check=True, cwd=ROOT, capture_output=True)
        print(f"{'document':<58} {'kind':<20} {'wall':>7} {'cpu':>7} {'peak RSS':>9}  target")
        for job in jobs:
            measure = timed(job.command(), env)
            failed = failed or measure.line.startswith("FAILED")
            print(
                f"{label(job.path):<58} {job.kind:<20} {measure.wall:>6.2f}s {measure.cpu:>6.2f}s "
                f"{measure.peak_mb:>6.0f} MB  {verdict(job, measure.wall)}"
            )
            print(f"  {measure.line.removeprefix(f'{job.path}: ')}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
