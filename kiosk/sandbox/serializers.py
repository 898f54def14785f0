"""Rows → JSON bodies, field for field as the spec declares them."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from kiosk.sandbox.db import wire_datetime

ACCESSIBILITY = {
    "audioDisabilityCompliant": False,
    "mentalDisabilityCompliant": True,
    "motorDisabilityCompliant": True,
    "visualDisabilityCompliant": False,
}


def booking_public(row: sqlite3.Row, *, utc_z: bool = False) -> dict[str, Any]:
    """``GetBookingResponse``: exactly the spec's fields, never the token. ``utc_z``: dates
    as the real server writes them (``…Z``); else as stored (``+00:00``)."""
    digital = bool(row["is_digital"])
    date = wire_datetime if utc_z else _same
    return {
        "confirmationDate": date(row["cancellation_limit_date"]) if row["is_event"] else None,
        "creationDate": date(row["date_created"]),
        "id": row["id"],
        "offerAddress": None if digital else row["venue_address"],
        "offerDepartmentCode": None if digital else row["department_code"],
        "offerEan": row["offer_ean"],
        "offerId": row["offer_id"],
        "offerName": row["offer_name"],
        "price": row["amount"],
        "priceCategoryId": row["price_category_id"],
        "priceCategoryLabel": row["price_category_label"],
        "quantity": row["quantity"],
        "status": row["status"],
        "stockId": row["stock_id"],
        "userBirthDate": row["user_birth_date"],
        "userEmail": row["user_email"],
        "userFirstName": row["user_first_name"],
        "userLastName": row["user_last_name"],
        "userPhoneNumber": row["user_phone"],
        "userPostalCode": row["user_postal_code"],
        "venueId": row["venue_id"],
        "venueName": row["venue_name"],
    }


def _same(value: str | None) -> str | None:
    return value


def booking_sandbox(row: sqlite3.Row) -> dict[str, Any]:
    """Sandbox view: the public fields plus what only the youth/back office know."""
    body = booking_public(row)
    body.update(
        {
            "token": row["token"],
            "status": row["status"],
            "beginningDatetime": row["beginning_datetime"],
            "subcategoryId": row["subcategory_id"],
            "isEvent": bool(row["is_event"]),
            "isDigital": bool(row["is_digital"]),
            "dateUsed": row["date_used"],
            "cancellationDate": row["cancellation_date"],
            "cancellationReason": row["cancellation_reason"],
            "reimbursementDate": row["reimbursement_date"],
            "validationAuthorType": row["validation_author"],
            "hasActivationCode": bool(row["has_activation_code"]),
            "reimbursementPending": bool(row["reimbursement_pending"]),
        }
    )
    return body


def offerer(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "allowedOnAdage": False,
        "createdDatetime": row["created"],
        "id": row["id"],
        "name": row["name"],
        "siren": row["siren"],
    }


def venue(row: sqlite3.Row) -> dict[str, Any]:
    digital = bool(row["is_digital"])
    location: dict[str, Any]
    if digital:
        location = {"type": "digital"}
    else:
        location = {
            "type": "physical",
            "address": row["address"],
            "city": row["city"],
            "postalCode": row["postal_code"],
        }
    accessibility = {key: None for key in ACCESSIBILITY} if digital else dict(ACCESSIBILITY)
    return {
        "accessibility": accessibility,
        "activityDomain": row["activity_domain"],
        "bookingUrl": None,
        "cancelUrl": None,
        "createdDatetime": row["created"],
        "id": row["id"],
        "legalName": row["name"],
        "location": location,
        "notificationUrl": None,
        "publicName": row["public_name"],
        "siret": None if digital else row["siret"],
        "siretComment": None,
    }


def _category_fields(row: sqlite3.Row) -> dict[str, Any]:
    fields: dict[str, Any] = {"category": row["subcategory_id"]}
    fields.update(json.loads(row["extra"] or "{}"))
    if row["ean"] and row["subcategory_id"] in {
        "LIVRE_PAPIER",
        "SUPPORT_PHYSIQUE_MUSIQUE_CD",
        "SUPPORT_PHYSIQUE_MUSIQUE_VINYLE",
        "SUPPORT_PHYSIQUE_FILM",
        "LIVRE_AUDIO_PHYSIQUE",
    }:
        fields["ean"] = row["ean"]
    return fields


def _location(row: sqlite3.Row) -> dict[str, Any]:
    if row["is_digital"]:
        return {"type": "digital", "venueId": row["venue_id"], "url": row["url"]}
    return {"type": "physical", "venueId": row["venue_id"]}


def _offer_common(row: sqlite3.Row, base_url: str, status: str) -> dict[str, Any]:
    return {
        "accessibility": dict(ACCESSIBILITY),
        "bookingAllowedDatetime": None,
        "bookingContact": None if row["is_digital"] else "contact@lesmotspassants.example.fr",
        "bookingEmail": "reservations@lesmotspassants.example.fr",
        "categoryRelatedFields": _category_fields(row),
        "description": row["description"],
        "enableDoubleBookings": bool(row["is_duo"]),
        "externalTicketOfficeUrl": None,
        "id": row["id"],
        "idAtProvider": row["id_at_provider"],
        "image": {
            "credit": row["image_credit"],
            "url": f"{base_url}/sandbox/images/{row['id']}.png",
        },
        "itemCollectionDetails": row["withdrawal_details"],
        "location": _location(row),
        "name": row["name"],
        "publicationDatetime": row["created"],
        "status": status,
    }


def product(row: sqlite3.Row, stock: sqlite3.Row | None, base_url: str) -> dict[str, Any]:
    status = "ACTIVE"
    stock_body = None
    if stock is not None:
        remaining = (
            None if stock["quantity"] is None else stock["quantity"] - stock["booked_quantity"]
        )
        if remaining is not None and remaining <= 0:
            status = "SOLD_OUT"
        stock_body = {
            "bookedQuantity": stock["booked_quantity"],
            "bookingLimitDatetime": stock["booking_limit_datetime"],
            "price": stock["price"],
            "quantity": "unlimited" if remaining is None else max(remaining, 0),
        }
    body = _offer_common(row, base_url, status)
    body["stock"] = stock_body
    return body


def event(
    row: sqlite3.Row,
    price_categories: list[sqlite3.Row],
    has_future_date: bool,
    base_url: str,
) -> dict[str, Any]:
    body = _offer_common(row, base_url, "ACTIVE" if has_future_date else "EXPIRED")
    body.update(
        {
            "eventDuration": row["duration_minutes"],
            "hasTicket": False,
            "priceCategories": [price_category(pc) for pc in price_categories],
            "videoUrl": None,
        }
    )
    return body


def price_category(row: sqlite3.Row) -> dict[str, Any]:
    return {"id": row["id"], "idAtProvider": None, "label": row["label"], "price": row["price"]}


def event_date(stock: sqlite3.Row) -> dict[str, Any]:
    quantity = stock["quantity"]
    return {
        "beginningDatetime": stock["beginning_datetime"],
        "bookedQuantity": stock["booked_quantity"],
        "bookingLimitDatetime": stock["booking_limit_datetime"] or stock["beginning_datetime"],
        "id": stock["id"],
        "idAtProvider": None,
        "priceCategory": {
            "id": stock["price_category_id"],
            "idAtProvider": None,
            "label": stock["pc_label"],
            "price": stock["pc_price"],
        },
        "quantity": "unlimited"
        if quantity is None
        else max(quantity - stock["booked_quantity"], 0),
    }
