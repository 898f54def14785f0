"""Sandbox-only control routes under ``/sandbox/`` (not part of the real API)."""

from __future__ import annotations

import asyncio
import json
from datetime import datetime
from typing import Any

from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from kiosk.sandbox import export, serializers
from kiosk.sandbox.context import SandboxContext, context_of, offerer_id_of
from kiosk.sandbox.db import iso, parse_iso
from kiosk.sandbox.faults import parse_fault_payload
from kiosk.sandbox.images import offer_png
from kiosk.sandbox.params import QueryReader
from kiosk.sandbox.rules import BookingRuleError
from kiosk.sandbox.world import BookingFilters, InvalidRequestError

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


async def _body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if not raw:
        return {}
    try:
        payload = json.loads(raw)
    except json.JSONDecodeError:
        raise InvalidRequestError({"global": ["Corps JSON invalide."]}) from None
    if not isinstance(payload, dict):
        raise InvalidRequestError({"global": ["Un objet JSON est attendu."]})
    return payload


async def list_bookings(request: Request) -> Response:
    reader = QueryReader(request.query_params)
    venue_id = reader.integer("venueId")
    offer_id = reader.integer("offerId")
    status = reader.status()
    reader.done()
    world = context_of(request).world
    filters = BookingFilters(
        offer_id=offer_id, venue_id=venue_id, status=status, limit=None, include_inactive=True
    )
    rows = world.bookings(offerer_id_of(request), filters)
    token = request.query_params.get("token")
    if token:
        rows = [row for row in rows if row["token"] == token.upper()]
    return JSONResponse({"bookings": [serializers.booking_sandbox(row) for row in rows]})


async def create_booking(request: Request) -> Response:
    payload = await _body(request)
    row = context_of(request).world.create_booking(offerer_id_of(request), payload)
    return JSONResponse(serializers.booking_sandbox(row), status_code=201)


async def beneficiary_cancel(request: Request) -> Response:
    world = context_of(request).world
    try:
        row = world.cancel_by_beneficiary(offerer_id_of(request), request.path_params["token"])
    except BookingRuleError as exc:
        return JSONResponse(exc.body, status_code=exc.status_code)
    return JSONResponse(serializers.booking_sandbox(row))


async def reimburse(request: Request) -> Response:
    """Optional body ``{"date": ISO 8601}``: when pass Culture paid (default: now)."""
    payload = await _body(request)
    at = None
    if "date" in payload:
        try:
            at = parse_iso(str(payload["date"]))
        except ValueError:
            raise InvalidRequestError({"date": ["Date ISO 8601 invalide."]}) from None
    world = context_of(request).world
    try:
        row = world.reimburse(offerer_id_of(request), request.path_params["token"], at)
    except BookingRuleError as exc:
        return JSONResponse(exc.body, status_code=exc.status_code)
    return JSONResponse(serializers.booking_sandbox(row))


async def start_reimbursement(request: Request) -> Response:
    """USED booking whose payment is being processed: use/keep/cancel answer 403 payment."""
    world = context_of(request).world
    try:
        row = world.start_reimbursement(offerer_id_of(request), request.path_params["token"])
    except BookingRuleError as exc:
        return JSONResponse(exc.body, status_code=exc.status_code)
    return JSONResponse(serializers.booking_sandbox(row))


def _flag(payload: dict[str, Any], key: str) -> bool:
    value = payload.get(key, True)
    if not isinstance(value, bool):
        raise InvalidRequestError({key: ["Booléen attendu."]})
    return value


async def set_offerer(request: Request) -> Response:
    """``{"closed": true}`` closes the key's structure (pcapi ``Offerer.isClosed``)."""
    payload = await _body(request)
    closed = _flag(payload, "closed")
    world = context_of(request).world
    offerer_id = offerer_id_of(request)
    world.set_offerer_closed(offerer_id, closed)
    return JSONResponse({"id": offerer_id, "closed": closed})


async def set_venue_provider(request: Request) -> Response:
    """``{"active": false}`` deactivates the provider link of one venue: the real API then
    answers 404 for everything of that venue."""
    payload = await _body(request)
    active = _flag(payload, "active")
    try:
        venue_id = int(request.path_params["venue_id"])
    except ValueError:
        venue_id = 0
    if not context_of(request).world.set_venue_provider_active(
        offerer_id_of(request), venue_id, active
    ):
        raise InvalidRequestError({"venueId": ["Lieu inconnu."]}, status_code=404)
    return JSONResponse({"id": venue_id, "providerActive": active})


def clock_body(context: SandboxContext) -> dict[str, Any]:
    clock = context.clock
    return {"now": iso(clock.now()), "offsetSeconds": clock.offset_seconds, "frozen": clock.frozen}


async def get_clock(request: Request) -> Response:
    return JSONResponse(clock_body(context_of(request)))


async def set_clock(request: Request) -> Response:
    payload = await _body(request)
    clock = context_of(request).clock
    frozen = bool(payload.get("frozen", False))
    if "now" in payload:
        try:
            now = parse_iso(str(payload["now"]))
        except ValueError:
            raise InvalidRequestError({"now": ["Date ISO 8601 invalide."]}) from None
        assert now is not None
        clock.set_now(now, frozen=frozen)
    elif "offsetSeconds" in payload:
        clock.set_offset(_number(payload, "offsetSeconds"))
    elif "advanceSeconds" in payload:
        clock.advance(_number(payload, "advanceSeconds"))
    elif payload.get("reset"):
        clock.reset()
    else:
        raise InvalidRequestError(
            {"global": ["Attendu : now, offsetSeconds, advanceSeconds ou reset."]}
        )
    return JSONResponse(clock_body(context_of(request)))


def _number(payload: dict[str, Any], key: str) -> float:
    value = payload[key]
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidRequestError({key: ["Nombre attendu."]})
    return float(value)


async def get_faults(request: Request) -> Response:
    return JSONResponse(context_of(request).faults.settings.to_json())


async def set_faults(request: Request) -> Response:
    payload = await _body(request)
    context = context_of(request)
    try:
        settings = parse_fault_payload(payload, context.faults.settings)
    except ValueError as exc:
        raise InvalidRequestError({"global": [str(exc)]}) from None
    seed = payload.get("seed")
    context.faults.update(settings, seed if isinstance(seed, int) else None)
    task = None
    cut = context.set_network_cut
    if cut is not None:
        duration = payload.get("refuseForSeconds")
        duration = float(duration) if isinstance(duration, int | float) else None
        task = BackgroundTask(_switch_network, cut, settings.refuse_connections, duration)
    return JSONResponse(settings.to_json(), background=task)


async def _switch_network(cut: Any, refuse: bool, duration: float | None) -> None:
    await asyncio.sleep(0.05)  # let the response leave before the socket closes
    cut(refuse, duration)


async def reset_faults(request: Request) -> Response:
    context = context_of(request)
    context.faults.reset()
    if context.set_network_cut is not None:
        context.set_network_cut(False, None)
    return JSONResponse(context.faults.settings.to_json())


async def pro_export(request: Request) -> Response:
    reader = QueryReader(request.query_params)
    venue_id = reader.integer("venueId")
    reader.done()
    fmt = request.query_params.get("format", "csv").lower()
    legacy = request.query_params.get("legacy", "0") not in ("0", "", "false")
    if fmt not in ("csv", "xlsx"):
        raise InvalidRequestError({"format": ["csv ou xlsx"]})
    context = context_of(request)
    rows = context.world.bookings(
        offerer_id_of(request), BookingFilters(venue_id=venue_id, limit=None, include_inactive=True)
    )
    now: datetime = context.clock.now()
    if fmt == "xlsx":
        content, media = export.to_xlsx(rows, now, legacy=legacy), XLSX_TYPE
    else:
        content, media = export.to_csv(rows, now, legacy=legacy), "text/csv; charset=utf-8"
    filename = f"reservations_pass_culture.{fmt}"
    headers = {"Content-Disposition": f'attachment; filename="{filename}"'}
    return Response(content, media_type=media, headers=headers)


async def offer_image(request: Request) -> Response:
    try:
        offer_id = int(request.path_params["offer_id"])
    except ValueError:
        return Response(status_code=404)
    row = context_of(request).world.offer_by_id(offer_id)
    if row is None:
        return Response(status_code=404)
    png = offer_png(offer_id, row["name"])
    return Response(png, media_type="image/png", headers={"Cache-Control": "max-age=86400"})


async def create_offer(request: Request) -> Response:
    payload = await _body(request)
    row = context_of(request).world.create_offer(offerer_id_of(request), payload)
    stocks = context_of(request).world.stocks_of([row["id"]])[row["id"]]
    return JSONResponse(
        {
            "id": row["id"],
            "name": row["name"],
            "venueId": row["venue_id"],
            "subcategoryId": row["subcategory_id"],
            "isEvent": bool(row["is_event"]),
            "stockIds": [stock["id"] for stock in stocks],
        },
        status_code=201,
    )


ROUTES = [
    Route("/sandbox/bookings", list_bookings, methods=["GET"]),
    Route("/sandbox/bookings", create_booking, methods=["POST"]),
    Route("/sandbox/bookings/{token}/cancel", beneficiary_cancel, methods=["POST"]),
    Route("/sandbox/bookings/{token}/reimburse", reimburse, methods=["POST"]),
    Route("/sandbox/bookings/{token}/start-reimbursement", start_reimbursement, methods=["POST"]),
    Route("/sandbox/offerer", set_offerer, methods=["POST"]),
    Route("/sandbox/venues/{venue_id}/provider", set_venue_provider, methods=["POST"]),
    Route("/sandbox/offers", create_offer, methods=["POST"]),
    Route("/sandbox/clock", get_clock, methods=["GET"]),
    Route("/sandbox/clock", set_clock, methods=["POST"]),
    Route("/sandbox/faults", get_faults, methods=["GET"]),
    Route("/sandbox/faults", set_faults, methods=["POST"]),
    Route("/sandbox/faults", reset_faults, methods=["DELETE"]),
    Route("/sandbox/pro-export", pro_export, methods=["GET"]),
    Route("/sandbox/images/{offer_id}.png", offer_image, methods=["GET"]),
]
