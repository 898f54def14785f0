"""Check server JSON before it touches the cache, and turn it into store rows.

Only the fields the kiosk uses are checked (name and type); an unexpected shape raises
BadResponse and nothing is written. Personal fields the kiosk must not keep (email, phone,
birth date, postal code) are dropped here, at the door.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from kiosk.domain.texts import Phrase
from kiosk.sync.errors import BadResponse

_STATUSES = {"CONFIRMED", "USED", "CANCELLED", "REIMBURSED"}


def _bad(msg_id: str, key: str, where: str) -> BadResponse:
    """`where`: the part of the answer, a `server.where.*` id suffix (said in the UI's language)."""
    return BadResponse(Phrase.of(msg_id, key=key, where=Phrase.of(f"server.where.{where}")))


def _req(obj: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
    if not isinstance(obj, dict) or key not in obj:
        raise _bad("server.missing", key, where)
    return _opt(obj, key, kind, where, nullable=False)


def _opt(
    obj: Any, key: str, kind: type | tuple[type, ...], where: str, nullable: bool = True
) -> Any:
    value = obj.get(key) if isinstance(obj, dict) else None
    if value is None:
        if not nullable and isinstance(obj, dict) and key in obj:
            raise _bad("server.empty", key, where)
        return None
    if kind is int and isinstance(value, bool):
        raise _bad("server.mistyped", key, where)
    if not isinstance(value, kind):
        raise _bad("server.mistyped", key, where)
    return value


def parse_datetime(value: str | None, key: str = "date") -> datetime | None:
    if value is None or value == "":
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        raise BadResponse(Phrase.of("server.bad_date", key=key)) from None
    if dt.tzinfo is None:
        raise BadResponse(Phrase.of("server.no_zone", key=key))
    return dt


def booking_row(obj: Any) -> dict[str, Any]:
    """A GetBookingResponse → a `booking` row (without token: the API never gives it)."""
    w = "booking"
    status = _req(obj, "status", str, w)
    if status not in _STATUSES:
        raise BadResponse(Phrase.of("server.bad_status", status=status))
    quantity = _req(obj, "quantity", int, w)
    if quantity not in (1, 2):
        raise BadResponse(Phrase.of("server.bad_quantity"))
    return {
        "id": _req(obj, "id", int, w),
        "status": status,
        "quantity": quantity,
        "price_cents": _req(obj, "price", int, w),
        "offer_id": _req(obj, "offerId", int, w),
        "offer_name": _req(obj, "offerName", str, w)[:200],
        "offer_ean": _opt(obj, "offerEan", str, w),
        "stock_id": _req(obj, "stockId", int, w),
        "price_category_label": _opt(obj, "priceCategoryLabel", str, w),
        "venue_id": _req(obj, "venueId", int, w),
        "venue_name": _req(obj, "venueName", str, w)[:200],
        "department_code": _opt(obj, "offerDepartmentCode", str, w),
        "first_name": _opt(obj, "userFirstName", str, w),
        "last_name": _opt(obj, "userLastName", str, w),
        "created_at": parse_datetime(_req(obj, "creationDate", str, w), "creationDate"),
        "cancellation_limit": parse_datetime(
            _opt(obj, "confirmationDate", str, w), "confirmationDate"
        ),
    }


def bookings_page(obj: Any) -> list[dict[str, Any]]:
    items = _req(obj, "bookings", list, "bookings")
    return [booking_row(b) for b in items]


def venues(obj: Any) -> list[dict[str, Any]]:
    """GetOfferersVenuesResponse → `venue` rows."""
    if not isinstance(obj, list):
        raise BadResponse(Phrase.of("server.venue_list"))
    rows = []
    for group in obj:
        offerer = _req(group, "offerer", dict, "offerer")
        for v in _req(group, "venues", list, "venues"):
            loc = _opt(v, "location", dict, "venue") or {}
            postal = _opt(loc, "postalCode", str, "venue")
            rows.append(
                {
                    "id": _req(v, "id", int, "venue"),
                    "name": _req(v, "legalName", str, "venue"),
                    "public_name": _opt(v, "publicName", str, "venue"),
                    "offerer_name": _req(offerer, "name", str, "offerer"),
                    "address": _opt(loc, "address", str, "venue"),
                    "postal_code": postal,
                    "city": _opt(loc, "city", str, "venue"),
                    "department_code": department_of(postal),
                }
            )
    return rows


def department_of(postal_code: str | None) -> str | None:
    """French department code from a postal code (overseas: 3 digits; Corsica: 2A/2B)."""
    if not postal_code or len(postal_code) < 2:
        return None
    if postal_code.startswith("97") or postal_code.startswith("98"):
        return postal_code[:3]
    if postal_code.startswith("20"):
        return "2A" if postal_code < "20200" else "2B"
    return postal_code[:2]


def _accessibility(obj: Any) -> str | None:
    acc = _opt(obj, "accessibility", dict, "offer")
    if not acc:
        return None
    import json

    keys = ("audio", "mental", "motor", "visual")
    flags = {k: acc.get(f"{k}DisabilityCompliant") for k in keys}
    return json.dumps({k: bool(v) for k, v in flags.items() if v is not None}, sort_keys=True)


def offer_row(obj: Any, *, is_event: bool) -> dict[str, Any]:
    """A product or event offer → an `offer` row (prices and dates come from stocks)."""
    w = "offer"
    fields = _req(obj, "categoryRelatedFields", dict, w)
    loc = _req(obj, "location", dict, w)
    image = _opt(obj, "image", dict, w) or {}
    return {
        "id": _req(obj, "id", int, w),
        "venue_id": _req(loc, "venueId", int, w),
        "name": _req(obj, "name", str, w)[:200],
        "description": _opt(obj, "description", str, w),
        "subcategory_id": _req(fields, "category", str, w),
        "is_event": is_event,
        "is_digital": loc.get("type") == "digital",
        "is_duo": bool(_opt(obj, "enableDoubleBookings", bool, w)),
        "ean": _opt(fields, "ean", str, w),
        "author": _opt(fields, "author", str, w),
        "performer": _opt(fields, "performer", str, w),
        "image_url": _opt(image, "url", str, w),
        "withdrawal_type": ("on_site" if obj.get("hasTicket") else "no_ticket")
        if is_event
        else None,
        "withdrawal_details": _opt(obj, "itemCollectionDetails", str, w),
        "accessibility": _accessibility(obj),
        "address": _opt(loc, "addressLabel", str, w),
    }


def product_stock_row(obj: Any, offer_id: int) -> dict[str, Any] | None:
    stock = _opt(obj, "stock", dict, "offer")
    if not stock:
        return None
    qty = stock.get("quantity")
    return {
        "id": -offer_id,  # products have one stock, without id in this API: key it by the offer
        "offer_id": offer_id,
        "beginning": None,
        "booking_limit": parse_datetime(_opt(stock, "bookingLimitDatetime", str, "stock")),
        "price_cents": _req(stock, "price", int, "stock"),
        "price_category_label": None,
        "quantity": qty if isinstance(qty, int) else None,
        "booked_quantity": _req(stock, "bookedQuantity", int, "stock"),
    }


def dates(obj: Any, offer_id: int) -> list[dict[str, Any]]:
    rows = []
    for d in _req(obj, "dates", list, "dates"):
        pc = _req(d, "priceCategory", dict, "date")
        qty = d.get("quantity")
        rows.append(
            {
                "id": _req(d, "id", int, "date"),
                "offer_id": offer_id,
                "beginning": parse_datetime(_req(d, "beginningDatetime", str, "date")),
                "booking_limit": parse_datetime(_opt(d, "bookingLimitDatetime", str, "date")),
                "price_cents": _req(pc, "price", int, "price"),
                "price_category_label": _req(pc, "label", str, "price"),
                "quantity": qty if isinstance(qty, int) else None,
                "booked_quantity": _req(d, "bookedQuantity", int, "date"),
            }
        )
    return rows
