"""The human pages on both databases: what they show agrees with the API, every value is
escaped, bad input gets a kind HTML page with the API's status, never a 500."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from app.web.rendering import FOLD_SCRIPT, PAGE_CSP, similarity

PAGES = [
    "/",
    "/search",
    "/search?q=death+penalty",
    "/sessions/48",
    "/states/SVN",
    "/states/KAZ",
    "/reviews/48-SVN",
    "/reviews/48-KAZ",
    "/recommendations/48-SVN-140.69",
]


class _Page(HTMLParser):
    """Collects what the tests look at: tags, attributes and text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(response: Response) -> _Page:
    page = _Page()
    page.feed(response.text)
    return page


def text_of(response: Response) -> str:
    """The page's text, whitespace collapsed."""
    return " ".join(" ".join(parse(response).text).split())


def only_our_scripts(response: Response) -> bool:
    """Whether the page's scripts are the site's file and the hashed folding script alone."""
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", response.text, re.S)
    return (
        all(
            (attrs.strip().startswith('src="/static/web/') and not body) or body == FOLD_SCRIPT
            for attrs, body in scripts
        )
        and len(scripts) <= 2
    )


def html_page(client: TestClient, url: str, status: int = 200) -> Response:
    response = client.get(url)
    assert response.status_code == status, (url, response.text[:2000])
    assert response.headers["content-type"].startswith("text/html")
    return response


@pytest.mark.parametrize("url", PAGES)
def test_every_page_renders_links_its_twin_and_loads_only_local_assets(
    client: TestClient, url: str
) -> None:
    response = html_page(client, url)
    page = parse(response)
    assert response.headers["content-security-policy"] == PAGE_CSP
    assert "'unsafe-inline'" not in PAGE_CSP and "script-src 'self' 'sha256-" in PAGE_CSP
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert len(response.content) < 200_000
    hrefs = [attrs.get("href") or "" for tag, attrs in page.tags if tag == "a"]
    assert "/docs" in hrefs
    twin = response.headers["link"].split(";")[0].strip("<>")
    assert twin.startswith("/v1/") and twin in hrefs
    assert client.get(twin).status_code == 200
    assets = [
        attrs.get("src") or attrs.get("href") or ""
        for tag, attrs in page.tags
        if tag in ("script", "link", "img") and (attrs.get("src") or attrs.get("href"))
    ]
    assert assets and all(a.startswith(("/static/web/", "/v1/")) for a in assets), assets
    for asset in assets:
        if asset.startswith("/static/"):
            assert client.get(asset).status_code == 200, asset
    for script in re.findall(r"<script>(.*?)</script>", response.text, re.S):
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in PAGE_CSP  # an inline script only if the CSP names it
    assert not any("style" in attrs for _, attrs in page.tags)  # no inline style
    names = {tag for tag, _ in page.tags}
    assert {"header", "main", "footer", "nav"} <= names
    assert ("html", {"lang": "en"}) in page.tags


def test_pages_stay_out_of_the_openapi_document(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert all(path.startswith(("/v1/", "/health", "/metrics")) for path in paths), paths
    api = client.get("/v1/states/SVN")
    assert api.headers["content-security-policy"] == "default-src 'none'; frame-ancestors 'none'"
    assert client.head("/reviews/48-SVN").status_code == 200


def test_home_shows_the_counts_the_latest_sessions_and_the_48th_session(
    client: TestClient,
) -> None:
    response = html_page(client, "/")
    text = text_of(response)
    total = client.get("/v1/stats/recommendations?group_by=cycle").json()["total"]["count"]
    assert f"{total:,} recommendations" in text
    assert "The 48th session's 14 reviews" in text
    reviews = client.get("/v1/sessions/48/reviews").json()["items"]
    for review in reviews:
        assert f'href="/reviews/{review["id"]}"' in response.text
    assert "294 received / 259 supported / 35 noted" in text  # Kazakhstan, reported
    assert 'href="/sessions/48"' in response.text
    assert 'action="/search"' in response.text and 'name="q"' in response.text


def test_search_results_counts_and_facets_agree_with_the_api(client: TestClient) -> None:
    response = html_page(client, "/search?q=death+penalty")
    api = client.get("/v1/recommendations?q=death+penalty&limit=20").json()
    text = text_of(response)
    assert f"{api['total']:,} recommendations match" in text
    ids = re.findall(r'class="result-title"><a href="/recommendations/([^"]+)"', response.text)
    assert ids == [item["id"] for item in api["items"]]
    assert "<mark>death</mark>" in response.text.lower()
    facets = client.get(
        "/v1/recommendations/facets?q=death+penalty&facet=position&facet=recommending_state"
        "&facet_size=500"
    ).json()["facets"]
    for facet in facets:
        for value in facet["values"][:5]:
            pattern = (
                rf'name="{facet["facet"]}" value="{re.escape(str(value["value"]))}"[^>]*>\s*'
                rf'<label[^>]*>[^<]*<span class="count">{value["count"]:,}</span>'
            )
            assert re.search(pattern, response.text), (facet["facet"], value)


def test_ticking_a_facet_narrows_and_keeps_the_other_values(client: TestClient) -> None:
    response = html_page(client, "/search?q=death+penalty&position=noted")
    api = client.get("/v1/recommendations?q=death+penalty&position=noted&limit=20").json()
    assert f"{api['total']:,} recommendations match" in text_of(response)
    assert re.search(r'name="position" value="noted" checked', response.text)
    assert re.search(r'name="position" value="supported"', response.text)  # still offered
    assert response.text.count('class="tag tag-noted"') >= len(api["items"])
    assert "tag-supported" not in response.text.split('class="result-list"')[1]
    exports = re.findall(r'href="(/v1/recommendations/export\?[^"]+)"', response.text)
    assert exports
    for url in exports:
        assert "q=death+penalty" in url and "position=noted" in url
        export = client.get(url.replace("&amp;", "&"))
        assert export.status_code == 200
    ndjson = client.get(
        "/v1/recommendations/export?q=death+penalty&position=noted&format=ndjson"
    ).text
    assert len(ndjson.splitlines()) == api["total"]


def test_cursor_pages_follow_on_and_the_url_is_the_view(client: TestClient) -> None:
    first = html_page(client, "/search?state_under_review=SVN&sort=-session")
    found = re.search(r'href="(/search\?[^"]*cursor=[^"]+)" rel="next"', first.text)
    assert found
    second = html_page(client, found.group(1).replace("&amp;", "&"))
    ids = re.compile(r'class="result-title"><a href="/recommendations/([^"]+)"')
    page_one, page_two = ids.findall(first.text), ids.findall(second.text)
    assert page_one and page_two and not set(page_one) & set(page_two)
    api = client.get("/v1/recommendations?state_under_review=SVN&sort=-session&limit=40").json()
    assert page_one + page_two == [item["id"] for item in api["items"]]
    assert "First page" in second.text
    again = html_page(client, found.group(1).replace("&amp;", "&"))
    assert ids.findall(again.text) == page_two


HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</mark><script>x</script>",
    "' OR 1=1 --",
    "&lt;b&gt;",
]


@pytest.mark.parametrize("q", HOSTILE)
def test_hostile_searches_never_inject_markup(client: TestClient, q: str) -> None:
    response = client.get("/search", params={"q": q})
    assert response.status_code in (200, 400), response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    page = parse(response)
    assert not any(tag == "img" for tag, _ in page.tags)
    assert only_our_scripts(response)
    assert q in " ".join(page.text) or response.status_code == 400


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({"theme": "<b>bold</b>"}, 400),
        ({"recommending_state_group": "<i>x</i>"}, 422),
        ({"recommending_state": "<x>"}, 422),
        ({"sdg": '"><svg onload=alert(1)>'}, 422),
        ({"cursor": "<script>"}, 422),
    ],
)
def test_hostile_filter_values_are_refused_kindly_and_escaped(
    client: TestClient, params: dict[str, str], status: int
) -> None:
    response = html_page(
        client, "/search?" + "&".join(f"{k}={v}" for k, v in params.items()), status
    )
    page = parse(response)
    assert not {"b", "i", "x", "svg"} & {tag for tag, _ in page.tags}
    assert only_our_scripts(response)
    assert "There is a problem" in response.text or "not valid" in response.text


@pytest.mark.parametrize(
    ("url", "status", "says"),
    [
        ("/states/XYZ", 404, "A state with ISO3 code 'XYZ' does not exist."),
        ("/states/X1Z", 422, "state code"),
        ("/sessions/5000", 422, "session number"),
        ("/sessions/99", 404, "Working Group session 99 does not exist."),
        ("/reviews/99-SVN", 404, "Review '99-SVN' does not exist."),
        ("/reviews/forty", 422, "review id"),
        ("/recommendations/48-SVN-999.9", 404, "does not exist"),
        ("/recommendations/48-SVN-x", 422, "recommendation id"),
        ('/search?q="unbalanced', 400, "Invalid search"),
        ("/search?q=roma)", 400, "Invalid search"),
        ("/search?theme=no-such-theme", 400, "No theme has the id or name"),
        ("/search?position=maybe", 422, "position"),
        ("/search?cursor=abc", 400, "start again"),
        ("/search?sort=relevance", 400, "needs search words"),
        ("/search?session=0", 422, "session"),
        ("/reviews/48-SVN?cursor=abc", 400, "cursor"),
        ("/reviews/48-SVN?theme=nope", 400, "No theme"),
        ("/reviews/48-SVN?position=nope", 422, "position"),
    ],
)
def test_bad_input_gets_a_kind_page_with_the_right_status(
    client: TestClient, url: str, status: int, says: str
) -> None:
    response = html_page(client, url, status)
    assert says in text_of(response)
    assert response.headers["cache-control"] == "no-store"
    assert 'class="error-summary"' in response.text
    assert 'name="q"' in response.text  # a way on: search again


def test_a_cursor_of_another_sort_is_refused(client: TestClient) -> None:
    first = html_page(client, "/search?state_under_review=SVN")
    cursor = re.search(r"cursor=([A-Za-z0-9_\-=]+)", first.text)
    assert cursor
    html_page(client, f"/search?state_under_review=SVN&sort=-session&cursor={cursor.group(1)}", 400)


def test_the_state_page_shows_reviews_regions_themes_and_what_it_made(
    client: TestClient,
) -> None:
    response = html_page(client, "/states/KAZ")
    text = text_of(response)
    summary = client.get("/v1/states/KAZ/summary").json()
    assert f"received {summary['received']['total']['count']:,} recommendations" in text
    assert f"made {summary['made']['total']['count']:,} to other states" in text
    # the 4th review: reported totals apart from the loaded counts
    assert "a source reports 294 recommendations received, 259 supported and 35 noted" in text
    assert 'class="bar-chart grouped"' in response.text
    for review in client.get("/v1/states/KAZ/reviews").json()["items"]:
        assert f"Session {review['session']}" in text
    stats = client.get(
        "/v1/stats/recommendations?group_by=recommending_state_group&state_under_review=KAZ"
    ).json()
    for row in stats["rows"]:
        rate = row["support_rate"]
        if rate is not None:
            assert f"{round(rate * 100)}% of" in text, row
    slovenia = html_page(client, "/states/SVN")
    words = text_of(slovenia)
    assert "Session 7" in words and "Session 20" in words and "Session 48" in words
    themes = client.get("/v1/stats/recommendations?group_by=theme&state_under_review=SVN").json()[
        "rows"
    ]
    top = max(themes, key=lambda row: row["count"])
    assert "Top themes over cycles" in words and top["labels"]["theme"] in words
    assert f"state_under_review=SVN&amp;theme={top['keys']['theme']}" in slovenia.text


def test_the_review_page_shows_facts_counts_and_its_recommendations(client: TestClient) -> None:
    response = html_page(client, "/reviews/48-SVN")
    text = text_of(response)
    detail = client.get("/v1/reviews/48-SVN").json()
    assert "254 recommendations loaded" in text
    assert "217 (85%)" in text and "37 (15%)" in text
    for seat in detail["troika"]:
        assert seat["name"] in text
    for document in detail["documents"]:
        if document["symbol"]:
            assert document["symbol"] in text
    novelty = detail["novelty"]
    assert f"{novelty['new']} new, {novelty['repeated']} repeating" in text
    assert "Paragraph 140" in text
    assert text.count("Repeated") >= 1 and "New" in text
    assert re.search(r'href="/reviews/48-SVN\?cursor=[^"]+" rel="next"', response.text)


def test_the_review_list_filters_by_position_theme_and_novelty(client: TestClient) -> None:
    noted = html_page(client, "/reviews/48-SVN?position=noted")
    items = re.findall(r'class="result" id="r-([^"]+)"', noted.text)
    assert len(items) == 37
    assert "37 of 254" in text_of(noted)
    themes = client.get("/v1/recommendations/facets?review=48-SVN&facet=theme&facet_size=1").json()[
        "facets"
    ][0]["values"]
    top = themes[0]
    themed = html_page(client, f"/reviews/48-SVN?theme={top['value']}")
    assert len(re.findall(r'class="result" id="r-', themed.text)) == min(top["count"], 50)
    repeated = client.get("/v1/reviews/48-SVN").json()["novelty"]["repeated"]
    only = html_page(client, "/reviews/48-SVN?repeated=true")
    assert f"{repeated} of 254" in text_of(only)


def test_a_review_without_loaded_recommendations_shows_its_reported_totals(
    client: TestClient,
) -> None:
    text = text_of(html_page(client, "/reviews/48-KAZ"))
    assert "0 recommendations loaded" in text
    assert "294 received, 259 supported, 35 noted" in text


def test_the_recommendation_page_shows_provenance_and_related_ones(client: TestClient) -> None:
    response = html_page(client, "/recommendations/48-svn-140.69")
    text = text_of(response)
    item = client.get("/v1/recommendations/48-SVN-140.69").json()
    assert item["text"] in text
    for state in item["recommending_states"]:
        assert state["name"] in text
    assert item["position_source"] in text and "Noted" in text
    for source in item["sources"]:
        assert source["reference"] in text
    related = client.get("/v1/recommendations/48-SVN-140.69/related").json()
    assert related["novelty"] == "repeated"
    for earlier in related["earlier"]:
        assert f'href="/recommendations/{earlier["id"]}"' in response.text
        assert f"similarity {similarity(earlier['score'])}" in text
    later = html_page(client, "/recommendations/7-SVN-111.1")
    assert 'href="/recommendations/20-SVN-115.8"' in later.text
    assert "Later cycles that repeat it" in text_of(later)


def test_tracking_shows_on_the_recommendation_and_review_pages(
    client: TestClient, tracking_token: str
) -> None:
    before = text_of(html_page(client, "/reviews/48-SVN"))
    assert "Implementation progress" not in before
    entry = {"status": "in_progress", "status_date": "2025-06-30", "source": "government",
             "note": "Draft <b>amendment</b> submitted"}  # fmt: skip
    added = client.post(
        "/v1/recommendations/48-SVN-140.69/tracking",
        json=entry,
        headers={"Authorization": f"Bearer {tracking_token}"},
    )
    assert added.status_code == 201, added.text
    page = html_page(client, "/recommendations/48-SVN-140.69")
    assert "Government: In progress" in text_of(page)
    assert "Draft &lt;b&gt;amendment&lt;/b&gt; submitted" in page.text
    review = text_of(html_page(client, "/reviews/48-SVN"))
    assert "Implementation progress" in review and "1 of 254 recommendations" in review


def test_pages_are_kept_until_the_data_change(client: TestClient, tracking_token: str) -> None:
    cache = client.app.state.page_cache  # type: ignore[attr-defined]
    first = html_page(client, "/recommendations/48-SVN-140.69")
    assert len(cache) == 1
    assert html_page(client, "/recommendations/48-SVN-140.69").content == first.content
    fresh = client.get("/recommendations/48-SVN-140.69", headers={"Cache-Control": "no-cache"})
    assert fresh.content == first.content and len(cache) == 1
    html_page(client, "/states/XYZ", 404)
    assert len(cache) == 1  # error pages are not kept
    client.post(
        "/v1/recommendations/48-SVN-140.69/tracking",
        json={"status": "fully_implemented", "status_date": "2025-07-01", "source": "nhri"},
        headers={"Authorization": f"Bearer {tracking_token}"},
    )
    after = html_page(client, "/recommendations/48-SVN-140.69")
    assert "Fully implemented" in after.text and "Fully implemented" not in first.text


def test_the_session_page_lists_its_reviews(client: TestClient) -> None:
    response = html_page(client, "/sessions/20")
    for review in client.get("/v1/sessions/20/reviews").json()["items"]:
        assert f'href="/reviews/{review["id"]}"' in response.text
    assert 'href="/sessions/19"' in response.text and 'href="/sessions/21"' in response.text


def test_pages_are_off_when_reads_need_a_key(make_client: object) -> None:
    private = make_client(read_requires_key=True)  # type: ignore[operator]
    response = private.get("/search?q=roma")
    assert response.status_code == 403
    assert "requires an API key" in response.text
