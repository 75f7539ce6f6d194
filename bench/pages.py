"""Page timings of the web explorer: many distinct page URLs, p50/p95 per page kind.

Usage (from the repository root), against the default instance:

    .venv/bin/python bench/pages.py --database-url sqlite:///var/upr.sqlite3
    .venv/bin/python bench/pages.py --base-url http://127.0.0.1:8000   # a server already up

With `--database-url` the script serves this checkout's app itself (one uvicorn worker on a
free port of 127.0.0.1) and stops it afterwards. It reads the instance's states, sessions,
reviews and some recommendations from the JSON API, builds the population of distinct page
URLs (every state, session and review page, recommendations of many states, and searches: 40
terms alone, with a facet ticked, with a state, with two facets), warms up on a few other
URLs, then requests each URL once, in a shuffled order, with one client on a kept-alive
connection, timing until the whole HTML body is read. It prints, per page kind, the number of
URLs, p50, p95 and max in milliseconds, and the median and largest HTML size (uncompressed,
and gzip-compressed as sent to browsers that accept it), then the same as Markdown (`--out`
writes it, with the raw figures beside it as JSON). Every timed request carries
`Cache-Control: no-cache`, so each page is rendered from the database; "home, kept" is the
home page answered from the page cache (`app.web.cache`) instead.

Only 127.0.0.1 or localhost is ever requested, and the run stops by itself (`--per-kind`
bounds the URLs of each kind, every request has a timeout).
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 30.0
TERMS = [
    "torture", '"death penalty"', "women", "children", "roma", '"Paris Principles"',
    "trafficking", "disabilities", "migrants", "journalists", '"freedom of expression"',
    "corruption", "education", "health", "indigenous", "refugees", "LGBTI", "racism",
    "discrimin*", "police", "prison*", "child marriage", '"domestic violence"', "ratify",
    "ICRMW", "Optional Protocol", "ombudsman", "climate", "water", "poverty", "housing",
    "elections", "judiciary", "minorities", "religion", "sexual orientation", "FGM",
    "labour", "HIV", "birth registration",
]  # fmt: skip
FACETS = [
    "position=noted", "position=supported", "cycle=1", "cycle=2",
    "recommending_state_group=African", "recommending_state_group=Western+European+and+others",
    "sdg=16", "sdg=5",
]  # fmt: skip


class Client:
    """One kept-alive HTTP/1.1 connection to a local server."""

    def __init__(self, base_url: str) -> None:
        url = urllib.parse.urlsplit(base_url)
        if url.hostname not in ("127.0.0.1", "localhost"):
            raise SystemExit("bench/pages.py requests 127.0.0.1 or localhost only")
        self.host, self.port = url.hostname, url.port or 80
        self.connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)

    def get(self, path: str, gzip: bool = False, fresh: bool = True) -> tuple[int, bytes, float]:
        """Status, body and seconds until the body was read; `fresh` asks for a page rendered
        from the database (`Cache-Control: no-cache`), not one kept from before."""
        headers = {"Accept-Encoding": "gzip"} if gzip else {}
        if fresh:
            headers["Cache-Control"] = "no-cache"
        for attempt in (1, 2):
            try:
                started = time.perf_counter()
                self.connection.request("GET", path, headers=headers)
                response = self.connection.getresponse()
                body = response.read()
                return response.status, body, time.perf_counter() - started
            except (http.client.HTTPException, ConnectionError):
                self.connection.close()
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=TIMEOUT)
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def json(self, path: str) -> Any:
        status, body, _ = self.get(path)
        if status != 200:
            raise SystemExit(f"{path}: {status}")
        return json.loads(body)


def population(client: Client, per_kind: int, rng: random.Random) -> dict[str, list[str]]:
    """Distinct page URLs of each kind, read from the instance's own API."""
    states = [s["iso3"] for s in client.json("/v1/states")["items"]]
    sessions = [s["number"] for s in client.json("/v1/sessions")["items"]]
    reviews: list[str] = []
    for number in sessions:
        items = client.json(f"/v1/sessions/{number}/reviews")["items"]
        reviews += [r["id"] for r in items if r["loaded_recommendations"]]
    recommendations: list[str] = []
    for iso3 in rng.sample(states, min(len(states), 80)):
        page = client.json(f"/v1/recommendations?state_under_review={iso3}&limit=3&count=none")
        recommendations += [item["id"] for item in page["items"]]
    searches = [f"/search?q={urllib.parse.quote_plus(t)}" for t in TERMS]
    searches += [f"/search?q={urllib.parse.quote_plus(t)}&{rng.choice(FACETS)}" for t in TERMS]
    searches += [
        f"/search?q={urllib.parse.quote_plus(t)}&state_under_review={rng.choice(states)}"
        for t in TERMS
    ]
    searches += [f"/search?{a}&{b}" for a in FACETS for b in FACETS if a < b][:20]
    searches += [f"/search?state_under_review={iso3}" for iso3 in rng.sample(states, 20)]
    kinds = {
        "home": ["/"],
        "search": searches,
        "session": [f"/sessions/{n}" for n in sessions],
        "state": [f"/states/{iso3}" for iso3 in states],
        "review": [f"/reviews/{rid}" for rid in reviews],
        "recommendation": [f"/recommendations/{rid}" for rid in recommendations],
    }
    return {kind: rng.sample(urls, min(per_kind, len(urls))) for kind, urls in kinds.items()}


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile of `values`."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(share * len(ordered) + 0.5) - 1))]


def process_cpu(pid: int | None) -> float:
    """CPU seconds (user and system) the process `pid` has used; 0 when unknown."""
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def measure(
    client: Client, kinds: dict[str, list[str]], repeat_home: int, pid: int | None
) -> dict[str, Any]:
    """Request every URL once (the home page `repeat_home` times) in a shuffled order; with
    the server's `pid`, also the server's CPU time per request (in 10 ms ticks: meaningful
    as a mean over a kind), which depends less on the other load of a shared host."""
    jobs = [(kind, url) for kind, urls in kinds.items() for url in urls]
    jobs += [("home", "/")] * (repeat_home - 1)
    random.Random(7).shuffle(jobs)
    timings: dict[str, list[float]] = {kind: [] for kind in kinds}
    cpu: dict[str, list[float]] = {kind: [] for kind in kinds}
    sizes: dict[str, list[int]] = {kind: [] for kind in kinds}
    failures = []
    by_url: list[tuple[float, str]] = []
    for kind, url in jobs:
        before = process_cpu(pid)
        status, body, seconds = client.get(url)
        cpu[kind].append((process_cpu(pid) - before) * 1000)
        if status != 200:
            failures.append((url, status))
            continue
        timings[kind].append(seconds * 1000)
        by_url.append((round(seconds * 1000, 1), url))
        sizes[kind].append(len(body))
    cached = [client.get(url, fresh=False)[2] * 1000 for url in ("/",) * repeat_home]
    timings["home, kept"] = cached[1:]  # the first one stores the page
    sizes["home, kept"] = sizes["home"]
    compressed: dict[str, list[int]] = {"home, kept": []}
    for kind, urls in kinds.items():  # the bytes sent to a browser that accepts gzip
        compressed[kind] = [len(client.get(url, gzip=True)[1]) for url in urls[:20]]
    slowest = sorted(by_url, reverse=True)[:15]
    return {
        "timings": timings,
        "sizes": sizes,
        "gzip": compressed,
        "failures": failures,
        "slowest": slowest,
        "cpu": cpu if pid is not None else {},
    }


def report(result: dict[str, Any]) -> str:
    """The figures as a Markdown table."""
    lines = [
        "| Page kind | URLs | p50 ms | p95 ms | max ms | server CPU ms (mean) | HTML median "
        "| HTML max | gzip max |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for kind, values in result["timings"].items():
        if not values:
            continue
        sizes, packed = result["sizes"][kind], result["gzip"][kind] or [0]
        spent = result["cpu"].get(kind)
        cpu = f"{statistics.mean(spent):.1f}" if spent else "–"
        lines.append(
            f"| {kind} | {len(values)} | {percentile(values, 0.5):.1f} | "
            f"{percentile(values, 0.95):.1f} | {max(values):.1f} | {cpu} | "
            f"{statistics.median(sizes) / 1024:.0f} KB | {max(sizes) / 1024:.0f} KB | "
            f"{max(packed) / 1024:.0f} KB |"
        )
    every = [
        v for kind, values in result["timings"].items() if kind != "home, kept" for v in values
    ]
    lines.append(f"| all | {len(every)} | {percentile(every, 0.5):.1f} | "
                 f"{percentile(every, 0.95):.1f} | {max(every):.1f} | | | | |")  # fmt: skip
    lines.append(
        "\nSlowest: " + ", ".join(f"{url} {ms:.0f} ms" for ms, url in result["slowest"][:8])
    )
    if result["failures"]:
        lines.append(f"\nFailed: {result['failures'][:10]}")
    return "\n".join(lines)


def serve(database_url: str) -> tuple[subprocess.Popen[bytes], str]:
    """This checkout's app on a free local port, one worker, logs to stderr at warning level."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "UPR_DATABASE_URL": database_url, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "uvicorn", "app.main:app", "--host", "127.0.0.1",
               "--port", str(port), "--log-level", "warning", "--no-access-log"]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return process, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("the server did not start")


def main() -> None:
    """Measure and print the page timings."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = parser.add_mutually_exclusive_group(required=True)
    where.add_argument("--base-url", help="a running server on 127.0.0.1")
    where.add_argument("--database-url", help="serve this database with this checkout's app")
    parser.add_argument("--per-kind", type=int, default=150, help="URLs per page kind at most")
    parser.add_argument("--home", type=int, default=30, help="requests of the home page")
    parser.add_argument("--seed", type=int, default=48)
    parser.add_argument("--out", type=Path, help="write the Markdown here (and .json beside)")
    args = parser.parse_args()
    process = None
    base_url = args.base_url
    if args.database_url:
        process, base_url = serve(args.database_url)
    try:
        client = Client(base_url)
        rng = random.Random(args.seed)
        kinds = population(client, args.per_kind, rng)
        for url in ("/", "/search?q=water", "/states/FRA", "/sessions/1", "/reviews/48-SVN"):
            client.get(url)  # warm-up: templates compiled, statements built, caches filled
        result = measure(client, kinds, args.home, process.pid if process else None)
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=30)
    table = report(result)
    print(table)
    if args.out:
        args.out.write_text(table + "\n")
        args.out.with_suffix(".json").write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
