"""Population mode of `bench/load.py`: distinct questions taken from the data, no response cache.

The single-URL figures of `bench/load.py` repeat one question, which a response cache answers
after the first request. This module builds, from the SQLite benchmark file itself, the lists of
distinct paths a real population of clients would send, writes them into a wrk Lua script, and
judges the figures against issue 17's targets:

  (a) every (state under review, session) pair of the data: its list, 50 rows
  (b) 30 search terms and phrases, ranked with snippets, 20 rows
  (c) every state under review: five facets
  (e) the full CSV export (rows/s, peak RSS)

Every request carries `Cache-Control: no-cache`. The paths are shuffled (fixed seed) and walked
in turn by the connections of the wrk thread; a measured run starts where its warm-up stopped.
"""

from __future__ import annotations

import json
import random
import sqlite3
import sys
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

NO_CACHE = ("Cache-Control", "no-cache")

# Words and phrases of the recommendations' vocabulary, from rare (~300 matches in 130k rows)
# to very common (~12,500); every one must match at least one recommendation.
SEARCH_TERMS = [
    "torture",
    '"domestic violence"',
    "women",
    '"freedom of expression"',
    "children",
    '"death penalty"',
    "journalists",
    '"human rights defenders"',
    "trafficking",
    "discrimination",
    '"national human rights institution"',
    '"Paris Principles"',
    "education",
    "health",
    "disability",
    "migrants",
    "refugees",
    "corruption",
    '"juvenile justice"',
    "prison",
    '"enforced disappearance"',
    '"optional protocol"',
    "indigenous",
    "minorities",
    '"sexual orientation"',
    "poverty",
    '"birth registration"',
    '"racial discrimination"',
    '"ill-treatment"',
    '"hate speech"',
]

# A state's profile: how it answered, when, on what and who recommended. Datasette facets
# columns only (no link tables), so it gets five column facets of the same rows.
FACETS_OURS = ["position", "session", "theme", "recommending_state", "recommending_state_group"]
FACETS_DATASETTE = ["position", "session_number", "review_id", "state_iso3", "text_from"]

DATASETTE_SEARCH_SQL = (
    "select r.*, snippet(recommendation_fts, 0, '<mark>', '</mark>', '…', 24) as snippet,"
    " -bm25(recommendation_fts) as score from recommendation_fts join recommendation r"
    " on r.rowid = recommendation_fts.rowid where recommendation_fts match :q"
    " order by bm25(recommendation_fts) limit 20"
)

QUERIES = {
    "a": "list by state and session, 50 rows",
    "b": "ranked search with snippets, 20 rows",
    "c": "five facets of a state under review",
}


@dataclass
class Population:
    """What the paths are made of, read from the benchmark database."""

    reviews: list[tuple[str, int]]
    states: list[str]
    terms: dict[str, int] = field(default_factory=dict)  # term -> matches (FTS5, as written)

    def describe(self) -> dict[str, Any]:
        return {
            "a_paths": len(self.reviews),
            "b_paths": len(self.terms),
            "c_paths": len(self.states),
            "search_matches": self.terms,
        }


def load_population(sqlite_path: str, seed: int = 17) -> Population:
    """Every (state, session) pair and every state under review of the file, shuffled."""
    with sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True) as db:
        reviews = db.execute(
            "SELECT DISTINCT state_iso3, session_number FROM recommendation ORDER BY 1, 2"
        ).fetchall()
        states = [row[0] for row in db.execute("SELECT DISTINCT state_iso3 FROM recommendation")]
        terms = {}
        for term in SEARCH_TERMS:
            (matches,) = db.execute(
                "SELECT count(*) FROM recommendation_fts WHERE recommendation_fts MATCH ?",
                (term,),
            ).fetchone()
            if not matches:
                raise SystemExit(f"search term {term} matches nothing in {sqlite_path}")
            terms[term] = matches
    shuffle = random.Random(seed)
    shuffle.shuffle(reviews)
    states.sort()
    shuffle.shuffle(states)
    ordered = list(terms)
    shuffle.shuffle(ordered)
    return Population(reviews, states, {term: terms[term] for term in ordered})


def service_paths(population: Population) -> dict[str, list[str]]:
    """The service's paths for (a), (b) and (c)."""
    facets = "&".join(f"facet={name}" for name in FACETS_OURS)
    return {
        "a": [
            f"/v1/recommendations?state_under_review={iso3}&session={session}&limit=50"
            for iso3, session in population.reviews
        ],
        "b": [
            "/v1/recommendations?" + urllib.parse.urlencode({"q": term, "limit": 20})
            for term in population.terms
        ],
        "c": [
            f"/v1/recommendations/facets?state_under_review={iso3}&{facets}"
            for iso3 in population.states
        ],
    }


def datasette_paths(population: Population, database: str) -> dict[str, list[str]]:
    """Datasette's equivalent paths, on the database named `database`."""
    facets = "&".join(f"_facet={name}" for name in FACETS_DATASETTE)
    return {
        "a": [
            f"/{database}/recommendation.json?state_iso3={iso3}&session_number={session}&_size=50"
            for iso3, session in population.reviews
        ],
        "b": [
            f"/{database}.json?" + urllib.parse.urlencode({"sql": DATASETTE_SEARCH_SQL, "q": term})
            for term in population.terms
        ],
        "c": [
            f"/{database}/recommendation.json?state_iso3={iso3}&{facets}&_size=0"
            for iso3 in population.states
        ],
    }


LUA = """-- wrk script written by bench/population.py: walks a list of paths, one per request.
local paths = {
%s
}
local requests = {}
local i = 0
init = function(args)
  local headers = { ["%s"] = "%s" }
  for k, path in ipairs(paths) do requests[k] = wrk.format("GET", path, headers) end
  i = tonumber(args[1] or "0") %% #requests
end
request = function()
  i = i %% #requests + 1
  return requests[i]
end
"""


def write_script(paths: list[str], target: Path) -> Path:
    """A wrk script sending `paths` in turn with `Cache-Control: no-cache`; its first argument
    is the index to start after (the warm-up's request count)."""
    for path in paths:
        if not path.isascii() or any(c in path for c in '"\\\n'):
            raise ValueError(f"path not safe in a Lua string: {path!r}")
    lines = ",\n".join(f'  "{path}"' for path in paths)
    target.write_text(LUA % (lines, *NO_CACHE))
    return target


def _ratio(figure: dict[str, Any]) -> str:
    return f"{figure['ratio']:.2f}×"


# Issue 17's targets: (label, server, query, test of the figure, how to show it).
TARGETS = [
    (
        "(a) list ≥ 5× Datasette, p99 < 50 ms",
        "sqlite",
        "a",
        lambda f: f["ratio"] >= 5 and f["p99_ms"] < 50,
        lambda f: f"{_ratio(f)}, p99 {f['p99_ms']:.0f} ms",
    ),
    ("(b) search ≥ 3×", "sqlite", "b", lambda f: f["ratio"] >= 3, _ratio),
    (
        "(c) facets p50 < 50 ms, ≥ 2×",
        "sqlite",
        "c",
        lambda f: f["p50_ms"] < 50 and f["ratio"] >= 2,
        lambda f: f"p50 {f['p50_ms']:.0f} ms, {_ratio(f)}",
    ),
    (
        "(e) CSV ≥ 80,000 rows/s, < 150 MB RSS",
        "sqlite",
        "e",
        lambda f: f["rows_per_s"] >= 80_000 and f["peak_rss_mb"] < 150,
        lambda f: f"{f['rows_per_s']:,} rows/s, {f['peak_rss_mb']:.0f} MB",
    ),
    ("PostgreSQL (a) ≥ 3×", "postgresql", "a", lambda f: f["ratio"] >= 3, _ratio),
    ("PostgreSQL (b) ≥ 2×", "postgresql", "b", lambda f: f["ratio"] >= 2, _ratio),
]


def add_ratios(run: dict[str, Any]) -> None:
    """Each service figure's req/s as a multiple of Datasette's in the same run."""
    datasette = run.get("datasette", {})
    for server in ("sqlite", "postgresql"):
        for name, figure in run.get(server, {}).items():
            theirs = datasette.get(name, {})
            if not isinstance(figure, dict):
                continue
            if "rps" in figure and theirs.get("rps"):
                figure["ratio"] = round(figure["rps"] / theirs["rps"], 2)
                # steadier on a shared host: Datasette's CPU per request over ours (with the
                # PostgreSQL backends')
                ours = figure.get("cpu_ms", 0) + figure.get("db_cpu_ms", 0)
                if ours and theirs.get("cpu_ms"):
                    figure["cpu_ratio"] = round(theirs["cpu_ms"] / ours, 2)
            elif "rows_per_s" in figure and theirs.get("rows_per_s"):
                figure["ratio"] = round(figure["rows_per_s"] / theirs["rows_per_s"], 2)


def _clean(figure: dict[str, Any]) -> bool:
    return not figure.get("non_2xx") and not figure.get("socket_errors")


def summary(runs: list[dict[str, Any]], scale_from: list[dict[str, Any]] | None = None) -> str:
    """Markdown tables: every figure of every run, then the targets with pass/fail per run."""
    out = [
        f"run {n}: host loop {run['host_ms']} ms, load average {run['load']:.1f} → "
        f"{run['load_after']:.1f}"
        for n, run in enumerate(runs, 1)
        if "host_ms" in run
    ]
    out += [
        "",
        "| run | server | query | req/s | p50 ms | p99 ms | CPU ms/req | DB CPU ms/req | "
        "× Datasette | × by CPU | errors |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for number, run in enumerate(runs, 1):
        for server in ("datasette", "sqlite", "postgresql"):
            for name in ("a", "b", "c", "health"):
                f = run.get(server, {}).get(name)
                if not f:
                    continue
                errors = f.get("non_2xx", 0) + f.get("socket_errors", 0)
                ratio = f"{f['ratio']:.2f}×" if "ratio" in f else "—"
                by_cpu = f"{f['cpu_ratio']:.2f}×" if "cpu_ratio" in f else "—"
                out.append(
                    f"| {number} | {server} | {name} | {f['rps']:,.0f} | {f['p50_ms']:.1f} | "
                    f"{f['p99_ms']:.1f} | {f.get('cpu_ms', '—')} | {f.get('db_cpu_ms', '—')} | "
                    f"{ratio} | {by_cpu} | {errors} |"
                )
            e = run.get(server, {}).get("e")
            if e:
                ratio = f"{e['ratio']:.2f}×" if "ratio" in e else "—"
                out.append(
                    f"| {number} | {server} | e: {e['rows']:,} rows | {e['rows_per_s']:,} rows/s | "
                    f"{e['seconds']} s | | peak RSS {e['peak_rss_mb']} MB | | {ratio} | | |"
                )
    out += ["", "| target | " + " | ".join(f"run {n}" for n in range(1, len(runs) + 1)) + " |"]
    out.append("|---|" + "---|" * len(runs))
    for label, server, name, test, show in TARGETS:
        cells = []
        for run in runs:
            figure = run.get(server, {}).get(name)
            if not figure or ("ratio" not in figure and name != "e"):
                cells.append("not measured")
                continue
            verdict = "PASS" if test(figure) and _clean(figure) else "FAIL"
            cells.append(f"{show(figure)} **{verdict}**")
        out.append(f"| {label} | " + " | ".join(cells) + " |")
    if scale_from:
        out += [_scale_row(runs, scale_from), "", scale_table(runs, scale_from)]
    return "\n".join(out)


def scale_table(runs: list[dict[str, Any]], smaller: list[dict[str, Any]]) -> str:
    """Each service query's p50 on the smaller file (mean of its runs) and on this one."""
    out = ["| server | query | p50 smaller file, ms | p50 here, ms (per run) | growth |"]
    out.append("|---|---|---|---|---|")
    for server in ("datasette", "sqlite", "postgresql"):
        for name in ("a", "b", "c"):
            before = [r[server][name]["p50_ms"] for r in smaller if name in r.get(server, {})]
            after = [r[server][name]["p50_ms"] for r in runs if name in r.get(server, {})]
            if before and after:
                mean = sum(before) / len(before)
                here = " / ".join(f"{p:.0f}" for p in after)
                growth = " / ".join(f"{p / mean:.2f}×" for p in after)
                out.append(f"| {server} | {name} | {mean:.0f} | {here} | {growth} |")
    return "\n".join(out)


def _scale_row(runs: list[dict[str, Any]], smaller: list[dict[str, Any]]) -> str:
    """'1M at most doubles any p50': each service p50 against the mean of the smaller file's."""
    cells = []
    for run in runs:
        worst, where = 0.0, ""
        for server in ("sqlite", "postgresql"):
            for name in ("a", "b", "c"):
                before = [r[server][name]["p50_ms"] for r in smaller if name in r.get(server, {})]
                figure = run.get(server, {}).get(name)
                if before and figure:
                    growth = figure["p50_ms"] / (sum(before) / len(before))
                    if growth > worst:
                        worst, where = growth, f"{server} ({name})"
        verdict = "PASS" if worst <= 2 else "FAIL"
        cells.append(f"worst p50 × {worst:.2f}, {where} **{verdict}**" if where else "—")
    return "| larger file: no p50 more than doubled | " + " | ".join(cells) + " |"


if __name__ == "__main__":  # the tables again from saved results: population.py RESULTS [SMALLER]
    saved = [json.loads(Path(name).read_text())["runs"] for name in sys.argv[1:3]]
    for run in saved[0]:
        add_ratios(run)
    print(summary(saved[0], saved[1] if len(saved) > 1 else None))
