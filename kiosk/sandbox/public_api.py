"""Routes of the real public API (``/public/bookings/v1``, ``/public/offers/v1``)."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kiosk.sandbox import serializers, subcategories
from kiosk.sandbox.context import context_of, offerer_id_of
from kiosk.sandbox.db import iso
from kiosk.sandbox.params import QueryReader
from kiosk.sandbox.rules import BookingRuleError
from kiosk.sandbox.world import BookingFilters

VENUE_NOT_FOUND = {"venueId": ["The venue could not be found"]}
# GET /public/bookings/v1/bookings (upstream get_bookings_test.py @ eb160c9).
BOOKINGS_OFFER_NOT_FOUND = {"offerId": "we could not find this offer"}
BOOKINGS_VENUE_NOT_FOUND = {"venueId": "we could not find this venue"}
OFFER_OR_VENUE_REQUIRED = "`offerId` or `venueId` must be set"
PRODUCT_NOT_FOUND = {"product_id": ["The product offer could not be found"]}
EVENT_NOT_FOUND = {"event_id": ["The event could not be found"]}


def _json(body: Any, status_code: int = 200) -> JSONResponse:
    return JSONResponse(body, status_code=status_code)


def base_url(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _error(exc: BookingRuleError) -> JSONResponse:
    return _json(exc.body, exc.status_code)


def _booking_body(request: Request, row: Any) -> dict[str, Any]:
    return serializers.booking_public(row, utc_z=context_of(request).wire.utc_z_dates)


async def get_booking(request: Request) -> Response:
    world = context_of(request).world
    try:
        row = world.check_usable(offerer_id_of(request), request.path_params["token"])
    except BookingRuleError as exc:
        return _error(exc)
    return _json(_booking_body(request, row))


async def use_booking(request: Request) -> Response:
    try:
        context_of(request).world.use(offerer_id_of(request), request.path_params["token"])
    except BookingRuleError as exc:
        return _error(exc)
    return Response(status_code=204)


async def keep_booking(request: Request) -> Response:
    try:
        context_of(request).world.keep(offerer_id_of(request), request.path_params["token"])
    except BookingRuleError as exc:
        return _error(exc)
    return Response(status_code=204)


async def cancel_booking(request: Request) -> Response:
    world = context_of(request).world
    try:
        world.cancel_by_offerer(offerer_id_of(request), request.path_params["token"])
    except BookingRuleError as exc:
        return _error(exc)
    return Response(status_code=204)


async def list_bookings(request: Request) -> Response:
    reader = QueryReader(request.query_params)
    first_index, limit = reader.pagination()
    offer_id = reader.integer("offerId")
    venue_id = reader.integer("venueId")
    status = reader.status()
    stock_id = reader.integer("stockId")
    price_category_id = reader.integer("priceCategoryId")
    beginning = reader.datetime("beginningDatetime")
    if offer_id is None and venue_id is None and not reader.errors:
        reader.root_error(OFFER_OR_VENUE_REQUIRED)
    reader.done()
    world = context_of(request).world
    offerer_id = offerer_id_of(request)
    if offer_id is not None and world.offer(offerer_id, offer_id, public=True) is None:
        return _json(BOOKINGS_OFFER_NOT_FOUND, 404)
    if venue_id is not None and world.venue(offerer_id, venue_id, public=True) is None:
        return _json(BOOKINGS_VENUE_NOT_FOUND, 404)
    filters = BookingFilters(
        offer_id=offer_id,
        venue_id=venue_id,
        status=status,
        stock_id=stock_id,
        price_category_id=price_category_id,
        beginning_datetime=beginning,
        first_index=first_index,
        limit=limit,
    )
    rows = world.bookings(offerer_id, filters)
    return _json({"bookings": [_booking_body(request, row) for row in rows]})


async def offerer_venues(request: Request) -> Response:
    reader = QueryReader(request.query_params)
    siren = request.query_params.get("siren")
    if siren is not None and not (
        (len(siren) == 9 and siren.isdigit())
        or (len(siren) == 9 and siren.startswith("NC") and siren[2:].isdigit())
    ):
        reader.errors.append(
            {
                "loc": ["siren"],
                "msg": 'string does not match regex "^(\\d{9}|NC\\d{7})$"',
                "type": "value_error.str.regex",
                "ctx": {"pattern": "^(\\d{9}|NC\\d{7})$"},
            }
        )
    reader.done()
    world = context_of(request).world
    offerer = world.offerer(offerer_id_of(request))
    if offerer is None or (siren is not None and siren != offerer["siren"]):
        return _json([])
    venues = [serializers.venue(row) for row in world.venues(offerer["id"])]
    return _json([{"offerer": serializers.offerer(offerer), "venues": venues}])


def _venue_filter(request: Request, reader: QueryReader) -> tuple[int | None, Response | None]:
    venue_id = reader.integer("venueId")
    reader.done()
    if venue_id is not None:
        world = context_of(request).world
        if world.venue(offerer_id_of(request), venue_id, public=True) is None:
            return venue_id, _json(VENUE_NOT_FOUND, 404)
    return venue_id, None


async def list_products(request: Request) -> Response:
    reader = QueryReader(request.query_params)
    first_index, limit = reader.pagination()
    venue_id, error = _venue_filter(request, reader)
    if error is not None:
        return error
    world = context_of(request).world
    rows = world.offers(
        offerer_id_of(request),
        is_event=False,
        venue_id=venue_id,
        first_index=first_index,
        limit=limit,
    )
    stocks = world.stocks_of([row["id"] for row in rows])
    url = base_url(request)
    products = [serializers.product(row, (stocks[row["id"]] or [None])[0], url) for row in rows]
    return _json({"products": products})


def _path_int(request: Request, name: str) -> int | None:
    try:
        return int(request.path_params[name])
    except ValueError:
        return None


def _path_int_error(name: str) -> JSONResponse:
    return _json(
        [{"loc": [name], "msg": "value is not a valid integer", "type": "type_error.integer"}],
        422,
    )


async def get_product(request: Request) -> Response:
    product_id = _path_int(request, "product_id")
    if product_id is None:
        return _path_int_error("product_id")
    world = context_of(request).world
    row = world.offer(offerer_id_of(request), product_id, public=True)
    if row is None or row["is_event"]:
        return _json(PRODUCT_NOT_FOUND, 404)
    stocks = world.stocks_of([product_id])[product_id]
    return _json(serializers.product(row, stocks[0] if stocks else None, base_url(request)))


def _events_body(request: Request, rows: list[Any]) -> list[dict[str, Any]]:
    world = context_of(request).world
    ids = [row["id"] for row in rows]
    stocks = world.stocks_of(ids)
    categories = world.price_categories_of(ids)
    now = iso(context_of(request).clock.now()) or ""
    url = base_url(request)
    return [
        serializers.event(
            row,
            categories[row["id"]],
            any((s["beginning_datetime"] or "") > now for s in stocks[row["id"]]),
            url,
        )
        for row in rows
    ]


async def list_events(request: Request) -> Response:
    reader = QueryReader(request.query_params)
    first_index, limit = reader.pagination()
    venue_id, error = _venue_filter(request, reader)
    if error is not None:
        return error
    rows = context_of(request).world.offers(
        offerer_id_of(request),
        is_event=True,
        venue_id=venue_id,
        first_index=first_index,
        limit=limit,
    )
    return _json({"events": _events_body(request, rows)})


def _event_row(request: Request) -> tuple[Any, Response | None]:
    event_id = _path_int(request, "event_id")
    if event_id is None:
        return None, _path_int_error("event_id")
    row = context_of(request).world.offer(offerer_id_of(request), event_id, public=True)
    if row is None or not row["is_event"]:
        return None, _json(EVENT_NOT_FOUND, 404)
    return row, None


async def get_event(request: Request) -> Response:
    row, error = _event_row(request)
    if error is not None:
        return error
    return _json(_events_body(request, [row])[0])


async def event_dates(request: Request) -> Response:
    reader = QueryReader(request.query_params)
    first_index, limit = reader.pagination()
    reader.done()
    row, error = _event_row(request)
    if error is not None:
        return error
    stocks = context_of(request).world.event_dates(row["id"], first_index, limit)
    return _json({"dates": [serializers.event_date(stock) for stock in stocks]})


async def event_categories(request: Request) -> Response:
    return _json(subcategories.event_categories())


ROUTES = [
    Route("/public/bookings/v1/bookings", list_bookings, methods=["GET"]),
    Route("/public/bookings/v1/token/{token}", get_booking, methods=["GET"]),
    Route("/public/bookings/v1/use/token/{token}", use_booking, methods=["PATCH"]),
    Route("/public/bookings/v1/keep/token/{token}", keep_booking, methods=["PATCH"]),
    Route("/public/bookings/v1/cancel/token/{token}", cancel_booking, methods=["PATCH"]),
    Route("/public/offers/v1/offerer_venues", offerer_venues, methods=["GET"]),
    Route("/public/offers/v1/products", list_products, methods=["GET"]),
    Route("/public/offers/v1/products/{product_id}", get_product, methods=["GET"]),
    Route("/public/offers/v1/events", list_events, methods=["GET"]),
    Route("/public/offers/v1/events/categories", event_categories, methods=["GET"]),
    Route("/public/offers/v1/events/{event_id}", get_event, methods=["GET"]),
    Route("/public/offers/v1/events/{event_id}/dates", event_dates, methods=["GET"]),
]
