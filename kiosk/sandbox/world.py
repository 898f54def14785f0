"""Queries and state changes on the sandbox world, scoped to the API key's offerer."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.sandbox import rules
from kiosk.sandbox.clock import Clock
from kiosk.sandbox.db import Database, fits_sqlite, iso, parse_iso
from kiosk.sandbox.tokens import random_token

BOOKING_SELECT = """
SELECT b.*, o.name AS offer_name, o.ean AS offer_ean, o.subcategory_id, o.is_event,
       o.is_digital, o.is_duo, v.name AS venue_name, v.public_name AS venue_public_name,
       v.address AS venue_address, v.city AS venue_city, v.postal_code AS venue_postal_code,
       v.department_code, v.provider_active, f.is_closed AS offerer_closed,
       s.beginning_datetime
FROM booking b
JOIN stock s ON s.id = b.stock_id
JOIN offer o ON o.id = b.offer_id
JOIN venue v ON v.id = b.venue_id
JOIN offerer f ON f.id = b.offerer_id
"""
# The real API only sees venues whose VenueProvider is active (else 404).
ACTIVE = " AND v.provider_active = 1"

OFFER_SELECT = """
SELECT o.*, v.offerer_id, v.department_code
FROM offer o JOIN venue v ON v.id = o.venue_id
"""


@dataclass(frozen=True)
class BookingFilters:
    offer_id: int | None = None
    venue_id: int | None = None
    status: str | None = None
    stock_id: int | None = None
    price_category_id: int | None = None
    beginning_datetime: datetime | None = None
    first_index: int = 1
    limit: int | None = 50
    # Sandbox views also list bookings of venues whose provider link is inactive.
    include_inactive: bool = False


class NotFoundError(Exception):
    def __init__(self, body: dict[str, Any]) -> None:
        super().__init__(str(body))
        self.body = body


class InvalidRequestError(Exception):
    def __init__(self, body: dict[str, Any], status_code: int = 400) -> None:
        super().__init__(str(body))
        self.body = body
        self.status_code = status_code


def booking_state(row: sqlite3.Row) -> rules.BookingState:
    return rules.BookingState(
        status=row["status"],
        is_event=bool(row["is_event"]),
        cancellation_limit_date=parse_iso(row["cancellation_limit_date"]),
        department_code=row["department_code"],
        has_activation_code=bool(row["has_activation_code"]),
        offerer_closed=bool(row["offerer_closed"]),
        reimbursement_pending=bool(row["reimbursement_pending"]),
    )


class World:
    def __init__(self, db: Database, clock: Clock) -> None:
        self.db = db
        self.clock = clock

    # --- keys, offerers, venues -------------------------------------------------------
    def offerer_id_for_key(self, key: str) -> int | None:
        return self.db.scalar("SELECT offerer_id FROM api_key WHERE key = ?", (key,))

    def set_api_keys(self, keys: dict[str, int]) -> None:
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM api_key")
            conn.executemany(
                "INSERT INTO api_key (key, offerer_id) VALUES (?, ?)", list(keys.items())
            )

    def offerer(self, offerer_id: int) -> sqlite3.Row | None:
        return self.db.one("SELECT * FROM offerer WHERE id = ?", (offerer_id,))

    def venues(self, offerer_id: int) -> list[sqlite3.Row]:
        return self.db.all("SELECT * FROM venue WHERE offerer_id = ? ORDER BY id", (offerer_id,))

    def venue(self, offerer_id: int, venue_id: int, *, public: bool = False) -> sqlite3.Row | None:
        """``public``: as the real API sees it (active provider link only)."""
        if not fits_sqlite(venue_id):
            return None
        sql = "SELECT * FROM venue v WHERE offerer_id = ? AND id = ?"
        return self.db.one(sql + (ACTIVE if public else ""), (offerer_id, venue_id))

    def set_offerer_closed(self, offerer_id: int, closed: bool) -> None:
        self.db.execute("UPDATE offerer SET is_closed = ? WHERE id = ?", (int(closed), offerer_id))

    def set_venue_provider_active(self, offerer_id: int, venue_id: int, active: bool) -> bool:
        if self.venue(offerer_id, venue_id) is None:
            return False
        self.db.execute(
            "UPDATE venue SET provider_active = ? WHERE id = ?", (int(active), venue_id)
        )
        return True

    # --- offers ------------------------------------------------------------------------
    def offers(
        self,
        offerer_id: int,
        *,
        is_event: bool,
        venue_id: int | None,
        first_index: int,
        limit: int,
    ) -> list[sqlite3.Row]:
        sql = OFFER_SELECT + " WHERE v.offerer_id = ? AND o.is_event = ? AND o.id >= ?"
        params: list[Any] = [offerer_id, int(is_event), first_index]
        if venue_id is not None:
            sql += " AND o.venue_id = ?"
            params.append(venue_id)
        sql += " ORDER BY o.id LIMIT ?"
        params.append(limit)
        return self.db.all(sql, params)

    def offer(self, offerer_id: int, offer_id: int, *, public: bool = False) -> sqlite3.Row | None:
        if not fits_sqlite(offer_id):
            return None
        sql = OFFER_SELECT + " WHERE v.offerer_id = ? AND o.id = ?" + (ACTIVE if public else "")
        return self.db.one(sql, (offerer_id, offer_id))

    def offer_by_id(self, offer_id: int) -> sqlite3.Row | None:
        return self.db.one(OFFER_SELECT + " WHERE o.id = ?", (offer_id,))

    def stocks_of(self, offer_ids: list[int]) -> dict[int, list[sqlite3.Row]]:
        result: dict[int, list[sqlite3.Row]] = {offer_id: [] for offer_id in offer_ids}
        if not offer_ids:
            return result
        marks = ",".join("?" * len(offer_ids))
        rows = self.db.all(
            f"SELECT s.*, pc.label AS pc_label, pc.price AS pc_price FROM stock s "
            f"LEFT JOIN price_category pc ON pc.id = s.price_category_id "
            f"WHERE s.offer_id IN ({marks}) ORDER BY s.id",
            offer_ids,
        )
        for row in rows:
            result[row["offer_id"]].append(row)
        return result

    def price_categories_of(self, offer_ids: list[int]) -> dict[int, list[sqlite3.Row]]:
        result: dict[int, list[sqlite3.Row]] = {offer_id: [] for offer_id in offer_ids}
        if not offer_ids:
            return result
        marks = ",".join("?" * len(offer_ids))
        rows = self.db.all(
            f"SELECT * FROM price_category WHERE offer_id IN ({marks}) ORDER BY id", offer_ids
        )
        for row in rows:
            result[row["offer_id"]].append(row)
        return result

    def event_dates(self, offer_id: int, first_index: int, limit: int) -> list[sqlite3.Row]:
        return self.db.all(
            "SELECT s.*, pc.label AS pc_label, pc.price AS pc_price FROM stock s "
            "LEFT JOIN price_category pc ON pc.id = s.price_category_id "
            "WHERE s.offer_id = ? AND s.id >= ? ORDER BY s.id LIMIT ?",
            (offer_id, first_index, limit),
        )

    # --- bookings: reads ---------------------------------------------------------------
    def booking_by_token(
        self, offerer_id: int, token: str, *, public: bool = False
    ) -> sqlite3.Row | None:
        sql = BOOKING_SELECT + " WHERE b.token = ? AND b.offerer_id = ?"
        return self.db.one(sql + (ACTIVE if public else ""), (token.upper(), offerer_id))

    def booking_by_id(self, booking_id: int) -> sqlite3.Row | None:
        return self.db.one(BOOKING_SELECT + " WHERE b.id = ?", (booking_id,))

    def bookings(self, offerer_id: int | None, filters: BookingFilters) -> list[sqlite3.Row]:
        values = (filters.first_index, filters.offer_id, filters.venue_id, filters.stock_id)
        if not all(fits_sqlite(v) for v in (*values, filters.price_category_id)):
            return []  # such an id matches nothing (no int64 overflow in SQLite)
        sql = BOOKING_SELECT + " WHERE b.id >= ?"
        if not filters.include_inactive:
            sql += ACTIVE
        params: list[Any] = [filters.first_index]
        if offerer_id is not None:
            sql += " AND b.offerer_id = ?"
            params.append(offerer_id)
        for column, value in (
            ("b.offer_id", filters.offer_id),
            ("b.venue_id", filters.venue_id),
            ("b.status", filters.status),
            ("b.stock_id", filters.stock_id),
            ("s.price_category_id", filters.price_category_id),
            ("s.beginning_datetime", iso(filters.beginning_datetime)),
        ):
            if value is not None:
                sql += f" AND {column} = ?"
                params.append(value)
        sql += " ORDER BY b.id"
        if filters.limit is not None:
            sql += " LIMIT ?"
            params.append(filters.limit)
        return self.db.all(sql, params)

    # --- bookings: public operations ----------------------------------------------------
    def _locked_booking(
        self, conn: sqlite3.Connection, offerer_id: int, token: str, *, public: bool = True
    ) -> Any:
        sql = BOOKING_SELECT + " WHERE b.token = ? AND b.offerer_id = ?"
        row = conn.execute(sql + (ACTIVE if public else ""), (token.upper(), offerer_id)).fetchone()
        if row is None:
            raise rules.BookingRuleError(404, rules.NOT_FOUND_BODY)
        return row

    def check_usable(self, offerer_id: int, token: str) -> sqlite3.Row:
        row = self.booking_by_token(offerer_id, token, public=True)
        if row is None:
            raise rules.BookingRuleError(404, rules.NOT_FOUND_BODY)
        rules.check_is_usable(booking_state(row), self.clock.now())
        return row

    def use(self, offerer_id: int, token: str, author: str = "OFFERER") -> None:
        now = self.clock.now()
        with self.db.transaction() as conn:
            row = self._locked_booking(conn, offerer_id, token)
            rules.check_is_usable(booking_state(row), now)
            conn.execute(
                "UPDATE booking SET status = ?, date_used = ?, validation_author = ? WHERE id = ?",
                (rules.USED, iso(now), author, row["id"]),
            )

    def keep(self, offerer_id: int, token: str) -> None:
        with self.db.transaction() as conn:
            row = self._locked_booking(conn, offerer_id, token)
            rules.check_can_be_marked_unused(booking_state(row))
            conn.execute(
                "UPDATE booking SET status = ?, date_used = NULL, validation_author = NULL "
                "WHERE id = ?",
                (rules.CONFIRMED, row["id"]),
            )

    def cancel_by_offerer(self, offerer_id: int, token: str) -> None:
        now = self.clock.now()
        with self.db.transaction() as conn:
            row = self._locked_booking(conn, offerer_id, token)
            rules.check_can_be_cancelled_by_offerer(booking_state(row), now)
            self._cancel(conn, row, now, "OFFERER")

    # --- bookings: sandbox-only operations ------------------------------------------------
    def cancel_by_beneficiary(self, offerer_id: int, token: str) -> sqlite3.Row:
        now = self.clock.now()
        with self.db.transaction() as conn:
            row = self._locked_booking(conn, offerer_id, token, public=False)
            rules.check_can_be_cancelled_by_beneficiary(booking_state(row), now)
            self._cancel(conn, row, now, "BENEFICIARY")
        return self._reload(row["id"])

    def reimburse(self, offerer_id: int, token: str, at: datetime | None = None) -> sqlite3.Row:
        """`at`: the reimbursement's date (default: now), as the pro export will show it."""
        now = at or self.clock.now()
        with self.db.transaction() as conn:
            row = self._locked_booking(conn, offerer_id, token, public=False)
            rules.check_can_be_reimbursed(booking_state(row))
            conn.execute(
                "UPDATE booking SET status = ?, reimbursement_date = ?, "
                "reimbursement_pending = 0 WHERE id = ?",
                (rules.REIMBURSED, iso(now), row["id"]),
            )
        return self._reload(row["id"])

    def start_reimbursement(self, offerer_id: int, token: str) -> sqlite3.Row:
        """The booking stays USED while its payment is processed (pcapi pricing exists)."""
        with self.db.transaction() as conn:
            row = self._locked_booking(conn, offerer_id, token, public=False)
            rules.check_can_start_reimbursement(booking_state(row))
            conn.execute("UPDATE booking SET reimbursement_pending = 1 WHERE id = ?", (row["id"],))
        return self._reload(row["id"])

    def _reload(self, booking_id: int) -> sqlite3.Row:
        row = self.booking_by_id(booking_id)
        assert row is not None
        return row

    @staticmethod
    def _cancel(conn: sqlite3.Connection, row: Any, now: datetime, reason: str) -> None:
        conn.execute(
            "UPDATE booking SET status = ?, cancellation_date = ?, cancellation_reason = ? "
            "WHERE id = ?",
            (rules.CANCELLED, iso(now), reason, row["id"]),
        )
        conn.execute(
            "UPDATE stock SET booked_quantity = MAX(booked_quantity - ?, 0) WHERE id = ?",
            (row["quantity"], row["stock_id"]),
        )

    def create_booking(self, offerer_id: int, payload: dict[str, Any]) -> sqlite3.Row:
        now = self.clock.now()
        stock = self._stock_for_payload(offerer_id, payload, now)
        quantity = payload.get("quantity", 1)
        if quantity not in (1, 2) or isinstance(quantity, bool):
            raise InvalidRequestError({"quantity": ["La quantité doit être 1 ou 2."]})
        if quantity == 2 and not stock["is_duo"]:
            raise InvalidRequestError(
                {"quantity": ["Vous ne pouvez réserver qu'une place pour cette offre."]}
            )
        if (
            stock["quantity"] is not None
            and stock["booked_quantity"] + quantity > stock["quantity"]
        ):
            raise InvalidRequestError({"stock": ["Ce stock est épuisé."]})
        created = _parse_payload_datetime(payload, "creationDate") or now
        event_start = parse_iso(stock["beginning_datetime"])
        limit = rules.cancellation_limit_date(event_start, created)
        first = payload.get("userFirstName") or "Camille"
        last = payload.get("userLastName") or "Martin"
        email = payload.get("userEmail") or f"{_slug(first)}.{_slug(last)}@example.com"
        with self.db.transaction() as conn:
            token = _fresh_token(conn)
            cursor = conn.execute(
                "INSERT INTO booking (token, offerer_id, venue_id, offer_id, stock_id, quantity,"
                " amount, price_category_id, price_category_label, status, date_created,"
                " cancellation_limit_date, has_activation_code, user_first_name, user_last_name,"
                " user_email, user_phone, user_birth_date, user_postal_code)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    token,
                    offerer_id,
                    stock["venue_id"],
                    stock["offer_id"],
                    stock["id"],
                    quantity,
                    stock["price"],
                    stock["price_category_id"],
                    stock["pc_label"],
                    rules.CONFIRMED,
                    iso(created),
                    iso(limit),
                    int(bool(payload.get("hasActivationCode", False))),
                    first,
                    last,
                    email,
                    payload.get("userPhoneNumber"),
                    payload.get("userBirthDate") or "2006-05-14",
                    payload.get("userPostalCode"),
                ),
            )
            conn.execute(
                "UPDATE stock SET booked_quantity = booked_quantity + ? WHERE id = ?",
                (quantity, stock["id"]),
            )
            booking_id = cursor.lastrowid
        assert booking_id is not None
        return self._reload(booking_id)

    def _stock_for_payload(
        self, offerer_id: int, payload: dict[str, Any], now: datetime
    ) -> sqlite3.Row:
        base = (
            "SELECT s.*, o.venue_id, o.is_duo, o.is_event, pc.label AS pc_label FROM stock s "
            "JOIN offer o ON o.id = s.offer_id JOIN venue v ON v.id = o.venue_id "
            "LEFT JOIN price_category pc ON pc.id = s.price_category_id "
            "WHERE v.offerer_id = ?"
        )
        stock_id = payload.get("stockId")
        offer_id = payload.get("offerId")
        if stock_id is not None:
            row = self.db.one(base + " AND s.id = ?", (offerer_id, stock_id))
        elif offer_id is not None:
            rows = self.db.all(base + " AND s.offer_id = ? ORDER BY s.id", (offerer_id, offer_id))
            upcoming = [
                r
                for r in rows
                if r["beginning_datetime"] is None or r["beginning_datetime"] > iso(now)
            ]
            candidates = upcoming or rows
            row = candidates[0] if candidates else None
        else:
            raise InvalidRequestError({"stockId": ["offerId ou stockId est requis."]})
        if row is None:
            raise NotFoundError({"global": "Cette offre ou ce stock n'existe pas pour cette clé."})
        return row

    def create_offer(self, offerer_id: int, payload: dict[str, Any]) -> sqlite3.Row:
        from kiosk.sandbox import subcategories

        venue_id = payload.get("venueId")
        venue = self.venue(offerer_id, venue_id) if isinstance(venue_id, int) else None
        if venue is None:
            raise NotFoundError({"venueId": ["Ce lieu n'existe pas pour cette clé."]})
        try:
            sub = subcategories.get(str(payload.get("subcategoryId", "LIVRE_PAPIER")))
        except ValueError as exc:
            raise InvalidRequestError({"subcategoryId": [str(exc)]}) from None
        name = payload.get("name")
        price = payload.get("price", 1000)
        if not isinstance(name, str) or not name or not isinstance(price, int) or price < 0:
            raise InvalidRequestError({"name": ["name (str) et price (centimes) sont requis."]})
        beginning = _parse_payload_datetime(payload, "beginningDatetime")
        if sub.is_event and beginning is None:
            raise InvalidRequestError({"beginningDatetime": ["Requis pour un évènement."]})
        # Further dates of the same event (one stock each), e.g. to try the stock filters.
        more = payload.get("moreBeginningDatetimes") or []
        if not isinstance(more, list) or (more and not sub.is_event):
            raise InvalidRequestError({"moreBeginningDatetimes": ["Liste de dates (évènement)."]})
        dates = [beginning] + [_parse_payload_datetime({"d": value}, "d") for value in more]
        now = self.clock.now()
        with self.db.transaction() as conn:
            offer_id = conn.execute(
                "INSERT INTO offer (venue_id, name, subcategory_id, is_event, is_digital, is_duo,"
                " ean, created) VALUES (?,?,?,?,?,?,?,?)",
                (
                    venue["id"],
                    name,
                    sub.id,
                    int(sub.is_event),
                    int(bool(venue["is_digital"])),
                    int(bool(payload.get("isDuo", False))),
                    payload.get("ean"),
                    iso(now),
                ),
            ).lastrowid
            price_category_id = None
            if sub.is_event:
                price_category_id = conn.execute(
                    "INSERT INTO price_category (offer_id, label, price) VALUES (?,?,?)",
                    (offer_id, payload.get("priceCategoryLabel", "Tarif unique"), price),
                ).lastrowid
            conn.executemany(
                "INSERT INTO stock (offer_id, price, quantity, beginning_datetime,"
                " booking_limit_datetime, price_category_id) VALUES (?,?,?,?,?,?)",
                [
                    (offer_id, price, payload.get("quantity"), iso(d), iso(d), price_category_id)
                    for d in dates
                ],
            )
        row = self.offer(offerer_id, int(offer_id or 0))
        assert row is not None
        return row


def _fresh_token(conn: sqlite3.Connection) -> str:
    for _ in range(100):
        token = random_token()
        if conn.execute("SELECT 1 FROM booking WHERE token = ?", (token,)).fetchone() is None:
            return token
    raise ValueError("Could not generate new booking token")


def _parse_payload_datetime(payload: dict[str, Any], key: str) -> datetime | None:
    value = payload.get(key)
    if value is None:
        return None
    try:
        return parse_iso(str(value))
    except ValueError:
        raise InvalidRequestError({key: ["Date ISO 8601 invalide."]}) from None


def _slug(text: str) -> str:
    import unicodedata

    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in ascii_text.lower() if ch.isalnum() or ch == "-")
