"""Import time and memory of the bulk datasets: the SDG–HR Data Explorer export, then UPR Info's.

Usage (from the repository root, with the project's virtualenv):

    .venv/bin/python bench/dataset_import.py [--upr-info DIR] [--explorer FILE ...]
        [--postgres SERVER_URL] [--no-sqlite]

On a fresh database (a temporary SQLite file; with --postgres also a scratch database created
on that PostgreSQL server, e.g. postgresql+psycopg://postgres@127.0.0.1:5432/postgres, and
dropped afterwards), migrated, seeded and holding the bundled official documents
(data/documents/bundled.json, loaded as `upr import bundled` loads them), it runs, each step
in a child process under `/usr/bin/time -v`:

1. the SDG–HR explorer export, both files (default data/datasets/sdg-hr-explorer/upr1.xlsx and
   upr2.xlsx), as `upr import sdg-explorer` does (one transaction per file, then linking);
2. the same again: a second import must change nothing;
3. every CSV file of UPR Info's export in DIR (`1-5.csv` ... `17-20.csv`, `voluntary.csv`), in
   session order, matched to what is loaded, one transaction per file, then linking the states
   whose reviews changed, once after the last file; skipped
   when --upr-info is not given or the folder does not exist (UPR Info's export is not part of
   the repository: its publisher states no licence);
4. the same again.

For each step it prints the wall time (interpreter start included), CPU time and peak resident
memory of the process and whether it meets the targets of issue 14 (explorer: under 60 s and
300 MB on SQLite; UPR Info's five files: under 60 s), then each file's own time, what its
import report says (recommendations read, added, changed, unchanged, pledges, disagreements by
field) and, for UPR Info, the matching counts. Nothing is written into the repository.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXPLORER = [
    ROOT / "data/datasets/sdg-hr-explorer/upr1.xlsx",
    ROOT / "data/datasets/sdg-hr-explorer/upr2.xlsx",
]
TARGETS = {"explorer": (60.0, 300.0), "upr-info": (60.0, None)}  # seconds, MB (SQLite)
WORKER = [sys.executable, str(Path(__file__).resolve()), "--worker"]
_DIFFERS = re.compile(r"^[^:]+: (\w+) differs:")
_MATCHED = re.compile(r"recommendations \(groups of rows\) read: ")


# --- the child process: one step --------------------------------------------------------


def work(step: str, files: list[Path]) -> None:
    """Run one step in this process (the database is UPR_DATABASE_URL); print one JSON line per
    file on stdout."""
    sys.path.insert(0, str(ROOT))
    from sqlmodel import Session

    from app.db import get_engine

    engine = get_engine()

    def new_session() -> Session:
        return Session(engine)

    if step == "prepare":
        from app.config import get_settings
        from app.importers.documents import bundled_documents, parse_document, with_state_name
        from app.importers.loading import load_document
        from app.migrate import upgrade
        from app.reference import seed
        from app.unit_of_work import unit_of_work

        upgrade(get_settings().database_url)
        with new_session() as db, unit_of_work(db) as work:
            seed(work)
        for spec in bundled_documents():
            with new_session() as db, unit_of_work(db) as work:
                load_document(work, parse_document(with_state_name(db, spec)))
        return
    from app.importers.loading.explorer import load_explorer
    from app.importers.loading.upr_info import load_upr_info
    from app.linking.runs import link_pending

    for path in files:
        started = time.perf_counter()
        if step == "explorer":  # as `upr import sdg-explorer` does: linking after each file
            report = load_explorer(new_session, path)
        else:  # linking once, after the last file
            report = load_upr_info(new_session, path, link=False)
        fields = Counter(
            match[1] for line in report.disagreements if (match := _DIFFERS.match(line))
        )
        matching = next((line for line in report.warnings if _MATCHED.search(line)), "")
        print(
            json.dumps(
                {
                    "file": path.name,
                    "seconds": time.perf_counter() - started,
                    "read": report.recommendations,
                    "added": report.added,
                    "changed": report.changed,
                    "unchanged": report.unchanged,
                    "pledges": report.pledges,
                    "disagreements": dict(sorted(fields.items())),
                    "warnings": len(report.warnings),
                    "matching": matching,
                }
            ),
            flush=True,
        )
    if step == "upr-info":
        started = time.perf_counter()
        linked = link_pending(new_session)
        print(
            json.dumps(
                {
                    "file": "(linking)",
                    "seconds": time.perf_counter() - started,
                    "states": len(linked.states),
                }
            ),
            flush=True,
        )


# --- the parent: steps, measures, table -------------------------------------------------


@dataclass(frozen=True)
class Measure:
    """What /usr/bin/time -v measured of one child process, and what it printed per file."""

    wall: float  # seconds
    cpu: float  # user + system seconds
    peak_mb: float
    files: list[dict[str, object]]


def statistic(label: str, report: str) -> str:
    """A value of /usr/bin/time -v's report, by its label (a regular expression)."""
    found = re.search(rf"{label}: (\S+)", report)
    if found is None:
        raise SystemExit(f"/usr/bin/time -v reported no {label!r}:\n{report}")
    return found[1]


def timed(step: str, files: list[Path], env: dict[str, str]) -> Measure:
    """Run one step in a child process under /usr/bin/time -v."""
    done = subprocess.run(
        ["/usr/bin/time", "-v", *WORKER, step, *map(str, files)],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if done.returncode:
        errors = [line for line in done.stderr.splitlines() if not line.startswith("\t")]
        raise SystemExit(f"step {step} failed:\n" + "\n".join(errors[-30:]))
    wall = statistic(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\)", done.stderr)
    seconds = sum(float(part) * 60**i for i, part in enumerate(reversed(wall.split(":"))))
    cpu = float(statistic(r"User time \(seconds\)", done.stderr)) + float(
        statistic(r"System time \(seconds\)", done.stderr)
    )
    peak_mb = int(statistic(r"Maximum resident set size \(kbytes\)", done.stderr)) / 1024
    files_done = [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]
    return Measure(seconds, cpu, peak_mb, files_done)


def upr_info_files(folder: Path) -> list[Path]:
    """The export's CSV files in session order ("1-5.csv" before "10-13.csv"), pledges last."""

    def order(path: Path) -> tuple[int, int]:
        first = re.match(r"\d+", path.name)
        return (0, int(first[0])) if first else (1, 0)

    return sorted(folder.glob("*.csv"), key=order)


def verdict(kind: str, measure: Measure, backend: str) -> str:
    seconds, megabytes = TARGETS[kind]
    met = measure.wall < seconds and (
        megabytes is None or backend != "sqlite" or measure.peak_mb < megabytes
    )
    target = f"< {seconds:g} s" + (
        f", < {megabytes:g} MB" if megabytes and backend == "sqlite" else ""
    )
    return f"{target}: {'met' if met else 'MISSED'}"


def print_step(label: str, kind: str, measure: Measure, backend: str) -> None:
    print(
        f"{label:<28} {measure.wall:>7.1f}s {measure.cpu:>7.1f}s {measure.peak_mb:>7.0f} MB  "
        f"{verdict(kind, measure, backend)}"
    )
    for entry in measure.files:
        if "states" in entry:
            print(f"    {entry['file']:<14} {entry['seconds']:>6.1f}s  {entry['states']} states")
            continue
        disagreements = ", ".join(f"{k} {v}" for k, v in entry["disagreements"].items()) or "none"  # type: ignore[union-attr]
        pledges = f", {entry['pledges']} pledges" if entry["pledges"] else ""
        print(
            f"    {entry['file']:<14} {entry['seconds']:>6.1f}s  {entry['read']} read, "
            f"{entry['added']} added, {entry['changed']} changed, {entry['unchanged']} "
            f"unchanged{pledges}; disagreements: {disagreements}"
        )
        if entry["matching"]:
            print(f"      {entry['matching']}")


@contextlib.contextmanager
def scratch_postgres(server_url: str) -> Iterator[str]:
    """A new PostgreSQL database on the server, dropped afterwards."""
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import text
    from sqlalchemy.engine import make_url

    from app.db import build_engine

    name = f"upr_bench_{uuid.uuid4().hex[:12]}"
    admin = build_engine(server_url).execution_options(isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def run(backend: str, url: str, explorer: list[Path], upr_info: list[Path]) -> bool:
    """All steps on one database; whether every target was met."""
    env = {**os.environ, "UPR_DATABASE_URL": url}
    started = time.perf_counter()
    timed("prepare", [], env)
    print(
        f"\n{backend}: migrated, seeded, bundled documents loaded in "
        f"{time.perf_counter() - started:.0f} s"
    )
    print(f"{'step':<28} {'wall':>8} {'cpu':>8} {'peak RSS':>10}  target")
    steps = [("SDG-HR explorer", "explorer", explorer)]
    if upr_info:
        steps.append(("UPR Info", "upr-info", upr_info))
    met = True
    for label, kind, files in steps:
        for run_label in ("", " (again)"):
            measure = timed(kind, files, env)
            print_step(label + run_label, kind, measure, backend)
            met = met and "MISSED" not in verdict(kind, measure, backend)
            if run_label and any(
                entry.get("added") or entry.get("changed") for entry in measure.files
            ):
                print("    NOT IDEMPOTENT: the second import changed something")
                met = False
    return met


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--worker", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--upr-info", type=Path, help="folder of UPR Info's CSV export")
    parser.add_argument("--explorer", type=Path, nargs="+", default=EXPLORER)
    parser.add_argument("--postgres", help="PostgreSQL server URL: also run on a scratch database")
    parser.add_argument("--no-sqlite", action="store_true", help="only PostgreSQL")
    args = parser.parse_args()
    if args.worker:
        work(args.worker[0], [Path(name) for name in args.worker[1:]])
        return
    upr_info: list[Path] = []
    if args.upr_info is None:
        print("UPR Info: skipped (no --upr-info DIR)")
    elif not args.upr_info.is_dir():
        print(f"UPR Info: skipped ({args.upr_info} is not a folder)")
    else:
        upr_info = upr_info_files(args.upr_info)
    met = True
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory() as folder:
            met = run("sqlite", f"sqlite:///{folder}/bench.sqlite3", args.explorer, upr_info)
    if args.postgres:
        with scratch_postgres(args.postgres) as url:
            met = run("postgresql", url, args.explorer, upr_info) and met
    sys.exit(0 if met else 1)


if __name__ == "__main__":
    main()
