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

Requests go to 127.0.0.1 only and every run stops by itself.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

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

    def __init__(self, command: list[str], env: dict[str, str], probe: str) -> None:
        self.process = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
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


def wrk(
    url: str,
    duration: int,
    headers: list[str] | None = None,
    connections: int = 8,
    pid: int | None = None,
) -> dict[str, float]:
    """Requests per second and p50/p99 latency (ms) of `url` under wrk, after a warm-up, and
    the CPU time (ms) the server process `pid` spent per request."""
    extra = [arg for header in headers or [] for arg in ("-H", header)]
    load = ["wrk", "-t1", f"-c{connections}"]
    subprocess.run([*load, "-d2s", *extra, url], capture_output=True, check=True)
    cpu_before = cpu_seconds(pid) if pid else 0.0
    out = subprocess.run(
        [*load, f"-d{duration}s", "--latency", *extra, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    requests = int(re.search(r"(\d+) requests in", out)[1])
    result = {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out)[1]),
        "p50_ms": _ms(re.search(r"\s50%\s+([\d.]+\w+)", out)[1]),
        "p99_ms": _ms(re.search(r"\s99%\s+([\d.]+\w+)", out)[1]),
        "non_2xx": int(errors[1]) if errors else 0,
    }
    if pid:
        result["cpu_ms"] = round((cpu_seconds(pid) - cpu_before) * 1000 / max(requests, 1), 2)
    return result


def _ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def timed_download(url: str) -> dict[str, float]:
    """Seconds, bytes and CSV lines of one full download."""
    started = time.perf_counter()
    size = lines = 0
    with urllib.request.urlopen(url, timeout=600) as response:
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


def run_service(url: str, port: int, args: argparse.Namespace, review: tuple[str, int]) -> dict:
    env = {**os.environ, "UPR_DATABASE_URL": url}
    base = f"http://127.0.0.1:{port}"
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "app.main:app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--no-access-log",
        "--log-level",
        "warning",
    ]
    iso3, session = review
    results: dict[str, Any] = {}
    with Server(command, env, f"{base}/health/live") as server:
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


def run_datasette(args: argparse.Namespace, review: tuple[str, int]) -> dict:
    port, name = 8201, Path(args.sqlite).stem
    base = f"http://127.0.0.1:{port}/{name}"
    command = [
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
    iso3, session = review
    results: dict[str, Any] = {}
    with Server(command, dict(os.environ), f"{base}.json") as server:
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


def main() -> None:
    """Run every server in turn and write the figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sqlite", required=True)
    parser.add_argument("--postgres")
    parser.add_argument("--datasette", default="datasette")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    review = pick_review(args.sqlite)
    with sqlite3.connect(args.sqlite) as db:
        rows = db.execute("SELECT count(*) FROM recommendation").fetchone()[0]
    results: dict[str, Any] = {"rows": rows, "review": review, "search": SEARCH, "workers": 1}
    results["datasette"] = run_datasette(args, review)
    results["sqlite"] = run_service(f"sqlite:///{Path(args.sqlite).resolve()}", 8202, args, review)
    if args.postgres:
        results["postgresql"] = run_service(args.postgres, 8203, args, review)
    args.out.write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
