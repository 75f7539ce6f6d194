"""Load test: the service on SQLite and on PostgreSQL against Datasette on the same SQLite file.

Usage (from the repository root; needs `wrk` (apt-get install wrk) and Datasette in another
virtualenv, e.g. `python3 -m venv /tmp/dsvenv && /tmp/dsvenv/bin/pip install datasette`):

    .venv/bin/python bench/load.py --sqlite bench/out/upr-130k.sqlite3 \
        --postgres postgresql+psycopg://postgres@127.0.0.1/upr_bench_130k \
        --datasette /tmp/dsvenv/bin/datasette --duration 10 --out bench/out/load-130k.json

One server at a time listens on 127.0.0.1 (one uvicorn worker, or Datasette with its
defaults), gets a warm-up run, then `wrk -t1 -c8 --latency` for `--duration` seconds per query:

  (a) list filtered by state under review and session, 50 rows
  (b) ranked full-text search, 20 rows, with highlighted snippets
  (c) five facets over a filtered set (the 4th cycle), also with one connection
  (d) a conditional GET answered 304 (the service only), against `GET /health/live`
  (e) the full CSV export, timed with one client; rows/s and the server's peak RSS

The service answers a repeated read from its response cache; (a)-(c) are therefore also
measured with `Cache-Control: no-cache` (`a_uncached`, ...), which makes every request run its
queries, as every Datasette request does. Each wrk figure includes the server's CPU time per
request (`cpu_ms`), which depends less on what else the host is doing than req/s.

With `--population` (issue 17; `bench/population.py`) the servers get instead a population of
distinct questions taken from the data, all with `Cache-Control: no-cache`: (a) every (state,
session) pair's list, (b) 30 search terms, (c) five facets of every state under review, and (e)
the full export; `--runs 2` repeats the whole sequence, and a table of the figures and of the
targets with pass/fail is printed and written next to `--out` (`.md`).

`--app-dir` (default: this checkout) is the checkout whose `app` is served, with its
`.venv/bin/python` unless `--python` says otherwise, so that this script measures another
worktree's code (e.g. the code before a change).

Requests go to 127.0.0.1 only and every run stops by itself.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import population

ROOT = Path(__file__).resolve().parent.parent
SEARCH = '"domestic violence"'
FACETS_OURS = ["position", "session", "state_under_review", "theme", "recommending_state_group"]
FACETS_DATASETTE = ["position", "session_number", "state_iso3", "text_from", "review_id"]


def wait_until_up(url: str, timeout: float = 120) -> None:
    """Return once `url` answers; a first answer may be slow (Datasette counts a 1M table)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=30):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up")


class Server:
    """A server process on 127.0.0.1, stopped on exit."""

    def __init__(
        self, command: list[str], env: dict[str, str], probe: str, cwd: Path = ROOT
    ) -> None:
        self.process = subprocess.Popen(
            command, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            wait_until_up(probe)
        except BaseException:
            self.process.kill()  # not left behind holding the port
            raise

    def peak_rss_mb(self) -> float:
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        return int(re.search(r"VmHWM:\s+(\d+) kB", status)[1]) / 1024

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *_: object) -> None:
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()


NO_CACHE = "Cache-Control: no-cache"


def cpu_seconds(pid: int) -> float:
    """User plus system CPU time a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class PostgresBackends:
    """CPU time of the PostgreSQL backends serving one application name (same host only)."""

    NAME = "upr-bench-load"

    def __init__(self, url: str) -> None:
        parts = urllib.parse.urlsplit(url.replace("+psycopg", "", 1))
        self.dsn = urllib.parse.urlunsplit(parts._replace(query=""))
        self.served = url + ("&" if parts.query else "?") + f"application_name={self.NAME}"

    def cpu(self) -> dict[int, float]:
        query = f"select pid from pg_stat_activity where application_name = '{self.NAME}'"
        out = subprocess.run(
            ["psql", self.dsn, "-Atc", query], capture_output=True, text=True, check=False
        ).stdout
        times = {}
        for pid in map(int, out.split()):
            with contextlib.suppress(FileNotFoundError, ProcessLookupError, PermissionError):
                times[pid] = cpu_seconds(pid)
        return times


def wrk(
    url: str,
    duration: int,
    headers: list[str] | None = None,
    connections: int = 8,
    pid: int | None = None,
    script: Path | None = None,
    db_cpu: Callable[[], dict[int, float]] | None = None,
    timeout: int | None = None,
) -> dict[str, float]:
    """Requests per second and p50/p99 latency (ms) of `url` under wrk, after a warm-up, and
    the CPU time (ms) the server process `pid` (and the database backends `db_cpu` lists)
    spent per request. A `script` (see population.py) starts where its warm-up stopped."""
    extra = [arg for header in headers or [] for arg in ("-H", header)]
    if script:
        extra += ["-s", str(script)]
    load = ["wrk", "-t1", f"-c{connections}", *([f"--timeout={timeout}s"] if timeout else [])]
    warm = subprocess.run(
        [*load, "-d2s", *extra, url], capture_output=True, text=True, check=True
    ).stdout
    after = ["--", re.search(r"(\d+) requests in", warm)[1]] if script else []
    cpu_before = cpu_seconds(pid) if pid else 0.0
    db_before = db_cpu() if db_cpu else {}
    out = subprocess.run(
        [*load, f"-d{duration}s", "--latency", *extra, url, *after],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sockets = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out
    )
    requests = int(re.search(r"(\d+) requests in", out)[1])
    result = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]),
        "p50_ms": _ms(re.search(r"\s50%\s+([\d.]+\w+)", out)[1]),
        "p99_ms": _ms(re.search(r"\s99%\s+([\d.]+\w+)", out)[1]),
        "non_2xx": int(errors[1]) if errors else 0,
    }
    if script:
        result["requests"] = requests
        result["socket_errors"] = sum(map(int, sockets.groups())) if sockets else 0
    if pid:
        result["cpu_ms"] = round((cpu_seconds(pid) - cpu_before) * 1000 / max(requests, 1), 2)
    if db_cpu:
        spent = sum(t - db_before.get(p, 0.0) for p, t in db_cpu().items())
        result["db_cpu_ms"] = round(spent * 1000 / max(requests, 1), 2)
    return result


def _ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def timed_download(url: str, headers: dict[str, str] | None = None) -> dict[str, float]:
    """Seconds, bytes and CSV lines of one full download."""
    started = time.perf_counter()
    size = lines = 0
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=600) as response:
        while chunk := response.read(1 << 20):
            size += len(chunk)
            lines += chunk.count(b"\n")
    seconds = time.perf_counter() - started
    return {
        "seconds": round(seconds, 2),
        "bytes": size,
        "rows": lines - 1,
        "rows_per_s": round((lines - 1) / seconds),
    }


def pick_review(sqlite_path: str) -> tuple[str, int]:
    """A 4th-cycle review with at least 100 recommendations: (ISO3, session)."""
    with sqlite3.connect(sqlite_path) as db:
        return db.execute(
            "SELECT state_iso3, session_number FROM recommendation WHERE session_number "
            "BETWEEN 41 AND 54 GROUP BY review_id HAVING count(*) >= 100 "
            "ORDER BY review_id LIMIT 1"
        ).fetchone()


def service(url: str, port: int, args: argparse.Namespace) -> Server:
    """One uvicorn worker serving `--app-dir`'s `app` on `url`."""
    env = {**os.environ, "UPR_DATABASE_URL": url}
    command = [args.python, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1"]
    command += ["--port", str(port), "--no-access-log", "--log-level", "warning"]
    return Server(command, env, f"http://127.0.0.1:{port}/health/live", cwd=args.app_dir)


def served_code(args: argparse.Namespace) -> dict[str, Any]:
    """Which `app` the servers import (checked to be under `--app-dir`) and at which commit."""
    found = subprocess.run(
        [args.python, "-c", "import app; print(app.__file__)"],
        cwd=args.app_dir,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    if not Path(found).resolve().is_relative_to(args.app_dir):
        raise SystemExit(f"{args.python} imports app from {found}, not from {args.app_dir}")
    git = ["git", "-C", str(args.app_dir)]
    commit = subprocess.run([*git, "rev-parse", "HEAD"], capture_output=True, text=True).stdout
    dirty = subprocess.run([*git, "status", "--porcelain", "--", "app"], capture_output=True)
    print(f"serving {found} ({commit.strip()[:10]})", file=sys.stderr)
    return {"app_file": found, "commit": commit.strip(), "app_dirty": bool(dirty.stdout)}


def run_service(url: str, port: int, args: argparse.Namespace, review: tuple[str, int]) -> dict:
    base = f"http://127.0.0.1:{port}"
    iso3, session = review
    results: dict[str, Any] = {}
    with service(url, port, args) as server:
        pid = server.process.pid
        results["e"] = timed_download(f"{base}/v1/recommendations/export?format=csv")
        results["e"]["peak_rss_mb"] = round(server.peak_rss_mb(), 1)
        list_url = f"{base}/v1/recommendations?state_under_review={iso3}&session={session}&limit=50"
        search = urllib.parse.quote(SEARCH)
        facets = "&".join(f"facet={name}" for name in FACETS_OURS)
        facets_url = f"{base}/v1/recommendations/facets?cycle=4&{facets}"
        queries = {"a": list_url, "b": f"{base}/v1/recommendations?q={search}&limit=20"}
        for name, url in {**queries, "c": facets_url}.items():
            results[name] = wrk(url, args.duration, pid=pid)
            results[f"{name}_uncached"] = wrk(url, args.duration, [NO_CACHE], pid=pid)
        results["c_one_client"] = wrk(facets_url, args.duration, connections=1, pid=pid)
        results["c_one_client_uncached"] = wrk(
            facets_url, args.duration, [NO_CACHE], connections=1, pid=pid
        )
        with urllib.request.urlopen(list_url) as response:
            etag = response.headers.get("ETag")
        if etag:
            request = urllib.request.Request(list_url, headers={"If-None-Match": etag})
            try:
                urllib.request.urlopen(request)
                status = 200
            except urllib.error.HTTPError as error:
                status = error.code
            results["d"] = {
                **wrk(list_url, args.duration, [f"If-None-Match: {etag}"], pid=pid),
                "status": status,
            }
        results["health"] = wrk(f"{base}/health/live", args.duration, pid=pid)
    return results


def datasette_command(args: argparse.Namespace, port: int) -> list[str]:
    return [
        args.datasette,
        "serve",
        args.sqlite,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--setting",
        "sql_time_limit_ms",
        "60000",
        "--setting",
        "facet_time_limit_ms",
        "60000",
    ]


def run_datasette(args: argparse.Namespace, review: tuple[str, int]) -> dict:
    port, name = 8201, Path(args.sqlite).stem
    base = f"http://127.0.0.1:{port}/{name}"
    iso3, session = review
    results: dict[str, Any] = {}
    with Server(datasette_command(args, port), dict(os.environ), f"{base}.json") as server:
        pid = server.process.pid
        results["e"] = timed_download(f"{base}/recommendation.csv?_stream=on&_size=max")
        results["e"]["peak_rss_mb"] = round(server.peak_rss_mb(), 1)
        results["a"] = wrk(
            f"{base}/recommendation.json?state_iso3={iso3}&session_number={session}&_size=50",
            args.duration,
            pid=pid,
        )
        sql = (
            "select r.*, snippet(recommendation_fts, 0, '<mark>', '</mark>', '…', 24) as snippet,"
            " -bm25(recommendation_fts) as score from recommendation_fts join recommendation r"
            " on r.rowid = recommendation_fts.rowid where recommendation_fts match :q"
            " order by bm25(recommendation_fts) limit 20"
        )
        query = urllib.parse.urlencode({"sql": sql, "q": SEARCH})
        results["b"] = wrk(f"{base}.json?{query}", args.duration, pid=pid)
        facets = "&".join(f"_facet={name}" for name in FACETS_DATASETTE)
        facets_url = (
            f"{base}/recommendation.json?session_number__gte=41&session_number__lte=54"
            f"&{facets}&_size=0"
        )
        results["c"] = wrk(facets_url, args.duration, pid=pid)
        results["c_one_client"] = wrk(facets_url, args.duration, connections=1, pid=pid)
    return results


def check_first(base: str, paths: dict[str, list[str]], keys: str) -> None:
    """The first path of each population answers 200 with rows (the data is the one expected);
    `keys` names the body's member that must not be empty, for (a), (b), (c)."""
    for walk, key in zip(paths.values(), keys.split(), strict=True):
        request = urllib.request.Request(base + walk[0], headers={"Cache-Control": "no-cache"})
        with urllib.request.urlopen(request, timeout=120) as response:
            body = json.load(response)
        if not body.get(key):
            raise SystemExit(f"{base}{walk[0]} answered no {key}: is it the same data?")


def host_speed_ms() -> float:
    """Milliseconds of a fixed pure-Python loop, best of three: how fast the host is now."""
    times = []
    for _ in range(3):
        started = time.perf_counter()
        sum(i * i for i in range(1_000_000))
        times.append((time.perf_counter() - started) * 1000)
    return round(min(times), 1)


def population_load(
    base: str,
    paths: dict[str, list[str]],
    args: argparse.Namespace,
    pid: int,
    tag: str,
    db_cpu: Callable[[], dict[int, float]] | None = None,
) -> dict[str, Any]:
    """(a)-(c) under wrk, each walking its population of paths."""
    results: dict[str, Any] = {}
    for name, walk in paths.items():
        script = population.write_script(walk, args.scripts / f"{tag}-{name}.lua")
        results[name] = wrk(
            base, args.duration, pid=pid, script=script, db_cpu=db_cpu, timeout=args.wrk_timeout
        )
    return results


def run_population_service(
    url: str,
    port: int,
    args: argparse.Namespace,
    paths: dict[str, list[str]],
    backends: PostgresBackends | None = None,
) -> dict[str, Any]:
    base = f"http://127.0.0.1:{port}"
    with service(backends.served if backends else url, port, args) as server:
        pid = server.process.pid
        check_first(base, paths, "items items facets")
        export = f"{base}/v1/recommendations/export?format=csv"
        results: dict[str, Any] = {"e": timed_download(export, {"Cache-Control": "no-cache"})}
        results["e"]["peak_rss_mb"] = round(server.peak_rss_mb(), 1)
        db_cpu = backends.cpu if backends else None
        results |= population_load(base, paths, args, pid, f"upr-{port}", db_cpu)
        results["health"] = wrk(f"{base}/health/live", args.duration, pid=pid)
        results["peak_rss_end_mb"] = round(server.peak_rss_mb(), 1)
    return results


def run_population_datasette(args: argparse.Namespace, paths: dict[str, list[str]]) -> dict:
    port, name = 8201, Path(args.sqlite).stem
    base = f"http://127.0.0.1:{port}"
    command = [*datasette_command(args, port), "--setting", "suggest_facets", "off"]
    with Server(command, dict(os.environ), f"{base}/{name}.json") as server:
        pid = server.process.pid
        check_first(base, paths, "rows rows facet_results")
        csv = f"{base}/{name}/recommendation.csv?_stream=on&_size=max"
        results: dict[str, Any] = {"e": timed_download(csv)}
        results["e"]["peak_rss_mb"] = round(server.peak_rss_mb(), 1)
        results |= population_load(base, paths, args, pid, "datasette")
        results["peak_rss_end_mb"] = round(server.peak_rss_mb(), 1)
    return results


def main_population(args: argparse.Namespace, results: dict[str, Any]) -> None:
    """`--runs` times: Datasette, the service on SQLite, on PostgreSQL; then the summary."""
    crowd = population.load_population(args.sqlite)
    ours = population.service_paths(crowd)
    theirs = population.datasette_paths(crowd, Path(args.sqlite).stem)
    version = subprocess.run([args.datasette, "--version"], capture_output=True, text=True)
    results |= {"mode": "population", "population": crowd.describe(), "runs": []}
    results["datasette_version"] = version.stdout.strip()
    sqlite_url = f"sqlite:///{Path(args.sqlite).resolve()}"
    with tempfile.TemporaryDirectory() as scripts:
        args.scripts = Path(scripts)
        for number in range(1, args.runs + 1):
            print(f"run {number} of {args.runs}", file=sys.stderr)
            run: dict[str, Any] = {"host_ms": host_speed_ms(), "load": os.getloadavg()[0]}
            run["datasette"] = run_population_datasette(args, theirs)
            run["sqlite"] = run_population_service(sqlite_url, 8202, args, ours)
            if args.postgres:
                backends = PostgresBackends(args.postgres)
                run["postgresql"] = run_population_service("", 8203, args, ours, backends)
            run["load_after"] = os.getloadavg()[0]
            population.add_ratios(run)
            results["runs"].append(run)
            args.out.write_text(json.dumps(results, indent=2))
    smaller = json.loads(args.scale_from.read_text())["runs"] if args.scale_from else None
    table = population.summary(results["runs"], smaller)
    args.out.with_suffix(".md").write_text(table + "\n")
    print(table)


def main() -> None:
    """Run every server in turn and write the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sqlite", required=True)
    parser.add_argument("--postgres")
    parser.add_argument("--datasette", default="datasette")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--app-dir", type=Path, default=ROOT, help="checkout whose app is served")
    parser.add_argument("--python", help="interpreter serving it (default: its .venv)")
    parser.add_argument("--population", action="store_true", help="distinct questions, no cache")
    parser.add_argument("--runs", type=int, default=1, help="population mode: whole repeats")
    parser.add_argument(
        "--wrk-timeout", type=int, default=30, help="population mode: seconds before wrk gives up"
    )
    parser.add_argument(
        "--scale-from", type=Path, help="population JSON of a smaller file: compare the p50s"
    )
    args = parser.parse_args()
    args.app_dir = args.app_dir.resolve()
    if not args.python:
        venv = args.app_dir / ".venv/bin/python"
        args.python = str(venv) if venv.exists() else sys.executable
    with sqlite3.connect(args.sqlite) as db:
        rows = db.execute("SELECT count(*) FROM recommendation").fetchone()[0]
    results: dict[str, Any] = {"rows": rows, "workers": 1, "code": served_code(args)}
    if args.population:
        main_population(args, results)
        return
    review = pick_review(args.sqlite)
    results |= {"review": review, "search": SEARCH}
    results["datasette"] = run_datasette(args, review)
    results["sqlite"] = run_service(f"sqlite:///{Path(args.sqlite).resolve()}", 8202, args, review)
    if args.postgres:
        results["postgresql"] = run_service(args.postgres, 8203, args, review)
    args.out.write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
