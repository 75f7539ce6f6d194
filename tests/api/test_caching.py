"""Caching of reads: strong ETags from the dataset version, 304 without the database, gzip."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event
from sqlmodel import Session

from app.importers.documents import bundled_documents, parse_document
from app.kit.caching import VersionCache, etag_matches
from app.kit.response_cache import CachedBody, ResponseCache
from app.models.states import State
from app.versioning import bump, read_version
from tests.support.writes import load_committed, seed_committed

ETAG = re.compile(r'^"[0-9]+-[0-9a-f]{16}"$')


@pytest.fixture
def statements(engine: Engine) -> Iterator[list[str]]:
    """Every SQL statement sent to the test database while the test runs."""
    seen: list[str] = []

    def record(*args: object) -> None:
        seen.append(str(args[2]))

    event.listen(engine, "before_cursor_execute", record)
    yield seen
    event.remove(engine, "before_cursor_execute", record)


def test_reads_carry_a_strong_etag_and_cache_control(client: TestClient) -> None:
    response = client.get("/v1/states/TUR")
    assert response.status_code == 200
    assert ETAG.match(response.headers["etag"])
    assert response.headers["cache-control"] == "public, max-age=60"
    assert {"Accept", "Accept-Encoding"} <= set(response.headers["vary"].split(", "))


def test_etags_differ_by_url_and_encoding(client: TestClient) -> None:
    one = client.get("/v1/states/TUR").headers["etag"]
    assert client.get("/v1/states/TUR").headers["etag"] == one
    assert client.get("/v1/states/KAZ").headers["etag"] != one
    assert (
        client.get("/v1/states/TUR", headers={"Accept-Encoding": "identity"}).headers["etag"]
        != client.get("/v1/states/TUR", headers={"Accept-Encoding": "gzip"}).headers["etag"]
    )


def test_if_none_match_gets_304_without_touching_the_database(
    client: TestClient, statements: list[str]
) -> None:
    etag = client.get("/v1/recommendations?limit=5").headers["etag"]
    statements.clear()
    response = client.get("/v1/recommendations?limit=5", headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""
    assert response.headers["etag"] == etag
    assert response.headers["cache-control"] == "public, max-age=60"
    assert statements == []
    for header in (f"W/{etag}", f'"nope", {etag}'):
        assert (
            client.get("/v1/recommendations?limit=5", headers={"If-None-Match": header}).status_code
            == 304
        )


def test_a_stale_etag_gets_the_full_response(client: TestClient) -> None:
    response = client.get("/v1/states/TUR", headers={"If-None-Match": '"0-0000000000000000"'})
    assert response.status_code == 200
    assert response.json()["iso3"] == "TUR"


def test_errors_and_non_reads_carry_no_etag(client: TestClient) -> None:
    assert "etag" not in client.get("/v1/states/XYZ").headers
    assert "etag" not in client.get("/health/live").headers


def test_a_write_through_the_api_changes_every_etag_at_once(
    client: TestClient, write_token: str
) -> None:
    before = client.get("/v1/states/TUR").headers["etag"]
    other = client.get("/v1/sessions/48").headers["etag"]
    added = client.post(
        "/v1/states/TUR/aliases",
        json={"alias": "Türkiye Cumhuriyeti"},
        headers={"Authorization": f"Bearer {write_token}"},
    )
    assert added.status_code == 201
    after = client.get("/v1/states/TUR", headers={"If-None-Match": before})
    assert after.status_code == 200
    assert "Türkiye Cumhuriyeti" in after.json()["aliases"]
    assert after.headers["etag"] != before
    assert client.get("/v1/sessions/48", headers={"If-None-Match": other}).status_code == 200


class FakeClock:
    """A monotonic clock that moves only when the test advances it (by binary fractions of
    a second here, so that sums are exact)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def test_a_write_by_another_process_shows_after_the_ttl(
    make_client: Callable[..., TestClient], db: Session
) -> None:
    client = make_client(version_ttl=1.0)
    cache = client.app.state.version_cache  # type: ignore[attr-defined]
    assert cache.ttl == 1.0
    clock = FakeClock()
    cache.clock = clock
    assert cache.peek() is None  # nothing loaded yet: the first read loads at the fake time
    before = client.get("/v1/states/TUR").headers["etag"]
    bump(db)  # as an import in another process would, in its own transaction
    db.commit()
    clock.advance(0.5)
    assert client.get("/v1/states/TUR", headers={"If-None-Match": before}).status_code == 304
    clock.advance(0.25)
    stale = client.get("/v1/states/TUR", headers={"If-None-Match": before})
    assert stale.status_code == 304  # still within the TTL: the version read first is trusted
    assert stale.headers["etag"] == before
    clock.advance(0.25)  # 1 s after the first read the TTL is over: the new version is read
    refreshed = client.get("/v1/states/TUR", headers={"If-None-Match": before})
    assert refreshed.status_code == 200
    assert refreshed.headers["etag"] != before
    assert refreshed.json()["iso3"] == "TUR"
    assert client.get("/v1/states/TUR").headers["etag"] == refreshed.headers["etag"]


def test_cache_control_is_configurable_and_private_when_reads_need_a_key(
    make_client: Callable[..., TestClient], read_token: str
) -> None:
    public = make_client(cache_max_age=300).get("/v1/states/TUR")
    assert public.headers["cache-control"] == "public, max-age=300"
    private = make_client(read_requires_key=True).get(
        "/v1/states/TUR", headers={"Authorization": f"Bearer {read_token}"}
    )
    assert private.headers["cache-control"] == "private, max-age=60"
    assert "Authorization" in private.headers["vary"]


def test_version_moves_with_real_changes_only(db: Session) -> None:
    start = read_version(db)
    assert start >= 1
    document = parse_document(bundled_documents()[-1])
    load_committed(db, document, dry_run=True)
    assert read_version(db) == start  # a dry run writes nothing, the version included
    load_committed(db, document)
    assert read_version(db) == start  # an import that changed nothing keeps every ETag valid
    corrected = copy.deepcopy(document)
    corrected.recommendations[0].affected_groups = ["Persons in a test group"]
    load_committed(db, corrected)
    assert read_version(db) == start + 1  # a corrected document moves it
    seed_committed(db)
    assert read_version(db) == start + 1  # the seed found nothing to change
    state = db.get(State, "TUR")
    assert state is not None
    state.name = "Turkey (test)"
    db.commit()
    seed_committed(db)
    assert read_version(db) == start + 2


def test_version_cache_trusts_its_value_for_the_ttl_only() -> None:
    loads: list[int] = []

    def load() -> int:
        loads.append(1)
        return len(loads)

    clock = FakeClock()
    cache = VersionCache(ttl=0.25, clock=clock)
    assert cache.peek() is None
    assert cache.get(load) == 1
    clock.advance(0.125)
    assert cache.get(load) == 1
    clock.advance(0.0625)
    assert cache.peek() == 1
    assert cache.get(load) == 1
    clock.advance(0.0625)  # 0.25 s after the load
    assert cache.peek() is None
    assert cache.get(load) == 2
    assert loads == [1, 1]
    clock.advance(0.125)
    assert cache.get(load) == 2  # the TTL runs from the last load
    cache.invalidate()
    assert cache.peek() is None
    assert cache.get(load) == 3
    assert cache.get(load) == 3
    assert len(loads) == 3


def test_etag_matching() -> None:
    assert etag_matches('"1-ab"', '"1-ab"')
    assert etag_matches('W/"1-ab"', '"1-ab"')
    assert etag_matches('"x", "1-ab"', '"1-ab"')
    assert not etag_matches('"1-abc"', '"1-ab"')
    assert not etag_matches(None, '"1-ab"')
    assert not etag_matches("*", '"1-ab"')


def test_large_responses_are_gzipped_small_ones_not(client: TestClient) -> None:
    large = client.get("/v1/states", headers={"Accept-Encoding": "gzip"})
    assert large.headers["content-encoding"] == "gzip"
    assert int(large.headers["content-length"]) < len(large.content)  # httpx decoded it
    raw = client.get("/v1/states", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in raw.headers
    assert raw.json() == large.json()
    small = client.get("/v1/states/TUR", headers={"Accept-Encoding": "gzip"})
    assert "content-encoding" not in small.headers


# -- response cache ---------------------------------------------------------------------------


def test_a_repeated_read_is_answered_from_the_response_cache(
    client: TestClient, statements: list[str]
) -> None:
    url = "/v1/recommendations?state_under_review=SVN&session=48&limit=20"
    first = client.get(url)
    assert first.status_code == 200
    statements.clear()
    again = client.get(url)
    assert statements == []  # no database work at all
    assert again.content == first.content
    for header in ("etag", "cache-control", "vary", "content-type", "link", "x-request-id"):
        assert header in again.headers, header
    assert again.headers["etag"] == first.headers["etag"]
    assert again.headers["link"] == first.headers["link"]
    assert again.headers["content-length"] == first.headers["content-length"]
    assert again.headers["content-encoding"] == first.headers["content-encoding"] == "gzip"
    assert again.headers["vary"].count("Accept-Encoding") == 1


def test_no_cache_requests_and_other_urls_read_the_database(
    client: TestClient, statements: list[str]
) -> None:
    client.get("/v1/states/TUR")
    statements.clear()
    fresh = client.get("/v1/states/TUR", headers={"Cache-Control": "no-cache"})
    assert fresh.status_code == 200 and statements
    statements.clear()
    assert client.get("/v1/states/KAZ").json()["iso3"] == "KAZ"
    assert statements


def test_the_cache_keeps_gzip_and_identity_bodies_apart(client: TestClient) -> None:
    for _ in range(2):
        gzipped = client.get("/v1/states", headers={"Accept-Encoding": "gzip"})
        plain = client.get("/v1/states", headers={"Accept-Encoding": "identity"})
        assert gzipped.headers["content-encoding"] == "gzip"
        assert "content-encoding" not in plain.headers
        assert gzipped.json() == plain.json()


def test_errors_and_exports_are_not_stored(client: TestClient) -> None:
    cache = client.app.state.response_cache  # type: ignore[attr-defined]
    assert client.get("/v1/states/XYZ").status_code == 404
    assert client.get("/v1/recommendations/export?review=48-SVN&format=ndjson").status_code == 200
    assert len(cache) == 0
    client.get("/v1/states/TUR")
    assert len(cache) == 1


def test_a_write_empties_the_response_cache(client: TestClient, write_token: str) -> None:
    cache = client.app.state.response_cache  # type: ignore[attr-defined]
    assert "Türkiye Cumhuriyeti" not in client.get("/v1/states/TUR").json()["aliases"]
    client.get("/v1/states/KAZ")
    assert len(cache) == 2
    added = client.post(
        "/v1/states/TUR/aliases",
        json={"alias": "Türkiye Cumhuriyeti"},
        headers={"Authorization": f"Bearer {write_token}"},
    )
    assert added.status_code == 201
    assert "Türkiye Cumhuriyeti" in client.get("/v1/states/TUR").json()["aliases"]
    assert len(cache) == 1  # the new version's body only


def test_a_budget_of_zero_turns_the_response_cache_off(
    make_client: Callable[..., TestClient], statements: list[str]
) -> None:
    client = make_client(response_cache_mb=0)
    client.get("/v1/states/TUR")
    statements.clear()
    assert client.get("/v1/states/TUR").status_code == 200
    assert statements


def test_response_cache_evicts_least_recently_used_within_its_budget() -> None:
    cache = ResponseCache(max_bytes=1600)  # entries up to 100 bytes
    body = CachedBody([(b"content-type", b"application/json")], b"x" * 100)
    for n in range(16):
        cache.put(1, f"e{n}", body)
    assert cache.get("e0") is not None  # now the most recently used
    cache.put(1, "e16", body)
    assert (len(cache), cache.size) == (16, 1600)
    assert cache.get("e1") is None and cache.get("e0") is not None
    cache.put(1, "big", CachedBody([], b"x" * 101))
    assert cache.get("big") is None
    cache.put(0, "older", body)  # a body read at an earlier version is dropped
    assert cache.get("older") is None
    cache.put(2, "newer", body)  # a newer version empties the cache
    assert (len(cache), cache.size) == (1, 100)
