"""GET /public/offers/v1/...: venues, products, events, dates, categories."""

from __future__ import annotations

import httpx

from kiosk.sandbox import SandboxServer


def test_offerer_venues_only_for_the_key(
    sandbox: SandboxServer, sandbox_client: httpx.Client
) -> None:
    body = sandbox_client.get("/public/offers/v1/offerer_venues").json()
    assert len(body) == 1
    assert body[0]["offerer"]["name"].startswith("Médiathèque & Librairie")
    venues = body[0]["venues"]
    assert [v["id"] for v in venues] == [1, 2, 3, 4]
    assert {v["location"]["type"] for v in venues} == {"physical", "digital"}
    assert any(v["location"].get("postalCode") == "97400" for v in venues)
    siren = body[0]["offerer"]["siren"]
    assert sandbox_client.get("/public/offers/v1/offerer_venues", params={"siren": siren}).json()
    assert (
        sandbox_client.get("/public/offers/v1/offerer_venues", params={"siren": "000000000"}).json()
        == []
    )
    bad = sandbox_client.get("/public/offers/v1/offerer_venues", params={"siren": "12"})
    assert bad.status_code == 400 and list(bad.json()) == ["siren"]


def test_products_pagination_and_detail(sandbox_client: httpx.Client) -> None:
    page = sandbox_client.get("/public/offers/v1/products", params={"venueId": 1}).json()
    products = page["products"]
    assert len(products) == 50
    book = next(p for p in products if p["categoryRelatedFields"]["category"] == "LIVRE_PAPIER")
    assert len(book["categoryRelatedFields"]["ean"]) == 13
    assert book["image"]["url"].endswith(f"/sandbox/images/{book['id']}.png")
    detail = sandbox_client.get(f"/public/offers/v1/products/{book['id']}")
    assert detail.status_code == 200 and detail.json() == book
    next_page = sandbox_client.get(
        "/public/offers/v1/products",
        params={"venueId": 1, "firstIndex": products[-1]["id"] + 1, "limit": 10},
    ).json()["products"]
    assert next_page[0]["id"] > products[-1]["id"]
    assert sandbox_client.get("/public/offers/v1/products/99999999").status_code == 404
    assert (
        sandbox_client.get("/public/offers/v1/products", params={"venueId": 5}).status_code == 404
    )


def test_madelen_catalogue_is_large(sandbox: SandboxServer) -> None:
    count = sandbox.world.db.scalar(
        "SELECT COUNT(*) FROM offer WHERE subcategory_id = 'VOD' AND image_credit = 'INA - Madelen'"
    )
    assert count >= 13_000


def test_events_dates_and_categories(sandbox_client: httpx.Client) -> None:
    events = sandbox_client.get("/public/offers/v1/events", params={"venueId": 2}).json()["events"]
    assert events and all(e["priceCategories"] for e in events)
    concert = next(e for e in events if e["categoryRelatedFields"]["category"] == "CONCERT")
    assert sandbox_client.get(f"/public/offers/v1/events/{concert['id']}").json() == concert
    dates = sandbox_client.get(f"/public/offers/v1/events/{concert['id']}/dates").json()["dates"]
    assert dates and dates[0]["priceCategory"]["id"] in {
        pc["id"] for pc in concert["priceCategories"]
    }
    assert sandbox_client.get("/public/offers/v1/events/99999999").status_code == 404
    categories = sandbox_client.get("/public/offers/v1/events/categories").json()
    concert_category = next(c for c in categories if c["id"] == "CONCERT")
    assert concert_category["conditionalFields"]["musicType"] is True
    assert len(categories) == 28
