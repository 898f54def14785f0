"""SQLAlchemy models: only what the counter and the catalogue need.

Privacy by schema: the youth's first and last name are kept (for the ID check); email, phone,
birth date and postal code have no column anywhere.
"""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import Boolean, ForeignKey, Index, Integer, MetaData, String, Table, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from kiosk.store.types import UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Venue(Base):
    __tablename__ = "venue"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(200))
    public_name: Mapped[str | None] = mapped_column(String(200))
    offerer_name: Mapped[str | None] = mapped_column(String(200))
    address: Mapped[str | None] = mapped_column(String(300))
    postal_code: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(String(120))
    department_code: Mapped[str | None] = mapped_column(String(3))
    synced_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class Offer(Base):
    __tablename__ = "offer"
    __table_args__ = (
        Index(
            "ix_offer_browse",
            "subcategory_id",
            "is_event",
            "next_date",
            "min_price_cents",
            "is_digital",
            "venue_id",
        ),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    venue_id: Mapped[int] = mapped_column(Integer, index=True)
    name: Mapped[str] = mapped_column(String(200))
    description: Mapped[str | None] = mapped_column(Text)
    subcategory_id: Mapped[str] = mapped_column(String(40))
    is_event: Mapped[bool] = mapped_column(Boolean, default=False)
    is_digital: Mapped[bool] = mapped_column(Boolean, default=False)
    is_duo: Mapped[bool] = mapped_column(Boolean, default=False)
    ean: Mapped[str | None] = mapped_column(String(13))
    author: Mapped[str | None] = mapped_column(String(200))
    performer: Mapped[str | None] = mapped_column(String(200))
    image_url: Mapped[str | None] = mapped_column(String(500))
    withdrawal_type: Mapped[str | None] = mapped_column(String(20))
    withdrawal_details: Mapped[str | None] = mapped_column(Text)
    withdrawal_delay: Mapped[int | None] = mapped_column(Integer)
    accessibility: Mapped[str | None] = mapped_column(String(200))  # JSON object of flags
    address: Mapped[str | None] = mapped_column(String(300))
    department_code: Mapped[str | None] = mapped_column(String(3))
    min_price_cents: Mapped[int | None] = mapped_column(Integer)
    max_price_cents: Mapped[int | None] = mapped_column(Integer)
    next_date: Mapped[datetime | None] = mapped_column(UtcDateTime)
    synced_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


class Stock(Base):
    """A product stock or an event date (with its price category)."""

    __tablename__ = "stock"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    offer_id: Mapped[int] = mapped_column(ForeignKey("offer.id", ondelete="CASCADE"), index=True)
    beginning: Mapped[datetime | None] = mapped_column(UtcDateTime)
    booking_limit: Mapped[datetime | None] = mapped_column(UtcDateTime)
    price_cents: Mapped[int] = mapped_column(Integer)
    price_category_label: Mapped[str | None] = mapped_column(String(100))
    quantity: Mapped[int | None] = mapped_column(Integer)  # None: unlimited
    booked_quantity: Mapped[int] = mapped_column(Integer, default=0)


class Booking(Base):
    """A booking of the kiosk's venues. `token` is the token index: null until learned."""

    __tablename__ = "booking"
    __table_args__ = (
        Index(None, "venue_id", "status"),
        # The manager's report (kiosk.store.report, migration 0003).
        Index(
            "ix_booking_status_reimbursed_at",
            "status",
            "used_counter",
            "reimbursed_at",
            "quantity",
            "price_cents",
        ),
        Index(
            "ix_booking_report",
            "offer_id",
            "venue_id",
            "used_staff",
            "status",
            "used_counter",
            "used_at",
            "quantity",
            "price_cents",
        ),
        Index("ix_booking_status_used", "status", "used_at", "used_counter"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    token: Mapped[str | None] = mapped_column(String(6), unique=True)
    token_source: Mapped[str | None] = mapped_column(String(10))  # online | import | local
    status: Mapped[str] = mapped_column(String(12))
    quantity: Mapped[int] = mapped_column(Integer)
    price_cents: Mapped[int] = mapped_column(Integer)
    offer_id: Mapped[int] = mapped_column(Integer, index=True)
    offer_name: Mapped[str] = mapped_column(String(200))
    offer_ean: Mapped[str | None] = mapped_column(String(13))
    stock_id: Mapped[int | None] = mapped_column(Integer)
    price_category_label: Mapped[str | None] = mapped_column(String(100))
    venue_id: Mapped[int] = mapped_column(Integer)
    venue_name: Mapped[str] = mapped_column(String(200))
    department_code: Mapped[str | None] = mapped_column(String(3))
    first_name: Mapped[str | None] = mapped_column(String(100))
    last_name: Mapped[str | None] = mapped_column(String(100))
    search_name: Mapped[str | None] = mapped_column(String(200), index=True)
    created_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    cancellation_limit: Mapped[datetime | None] = mapped_column(UtcDateTime)
    beginning: Mapped[datetime | None] = mapped_column(UtcDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    used_counter: Mapped[str | None] = mapped_column(String(100))
    used_staff: Mapped[str | None] = mapped_column(String(100))
    closed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # first seen closed
    refreshed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)  # last seen on server
    # When pass Culture reimbursed it: the export's date (source "import"), else when a pull
    # first saw it REIMBURSED (source "pull": the API list carries no date).
    reimbursed_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    reimbursed_source: Mapped[str | None] = mapped_column(String(10))


class Outbox(Base):
    """Operations recorded at this counter, waiting for or settled by the central API.

    state: pending → done | conflict. Nothing leaves except as done or conflict.
    `ambiguous` is set when an attempt may have reached the server (timeout, dropped connection)
    so that a later 410 "already validated" is recognised as our own.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        Index(None, "state", "id"),
        # The manager's report: a period of operations read from the index alone.
        Index("ix_outbox_period", "created_at", "kind", "state", "booking_id", "staff", "conflict"),
        Index(None, "booking_id", "id"),  # an operation's later invalidation
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    op_id: Mapped[str] = mapped_column(String(36), unique=True)
    kind: Mapped[str] = mapped_column(String(8))  # use | keep
    token: Mapped[str] = mapped_column(String(6), index=True)
    booking_id: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    created_local: Mapped[str] = mapped_column(String(40))  # local time with its UTC offset
    counter: Mapped[str] = mapped_column(String(100))
    staff: Mapped[str | None] = mapped_column(String(100))
    kiosk_id: Mapped[str] = mapped_column(String(36))
    unverified: Mapped[bool] = mapped_column(Boolean, default=False)
    state: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    ambiguous: Mapped[bool] = mapped_column(Boolean, default=False)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    last_error: Mapped[str | None] = mapped_column(Text)
    http_status: Mapped[int | None] = mapped_column(Integer)
    conflict: Mapped[str | None] = mapped_column(String(30))
    settled_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    acknowledged_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    acknowledged_by: Mapped[str | None] = mapped_column(String(100))


class Audit(Base):
    """What happened at this counter: tokens, times, counters and staff only, never names."""

    __tablename__ = "audit"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    action: Mapped[str] = mapped_column(String(20))
    token: Mapped[str | None] = mapped_column(String(6), index=True)
    booking_id: Mapped[int | None] = mapped_column(Integer)
    op_id: Mapped[str | None] = mapped_column(String(36))
    counter: Mapped[str | None] = mapped_column(String(100))
    staff: Mapped[str | None] = mapped_column(String(100))
    outcome: Mapped[str | None] = mapped_column(String(30))
    detail: Mapped[str | None] = mapped_column(Text)


class SyncState(Base):
    __tablename__ = "sync_state"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text)


class Staff(Base):
    __tablename__ = "staff"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    pin_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Setting(Base):
    __tablename__ = "setting"
    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str | None] = mapped_column(Text)


def table(model: type[Base]) -> Table:
    """The Core table of a mapped class, typed as the `Table` it is (SQLAlchemy's stubs only
    promise a FromClause, which insert/update/delete refuse under mypy)."""
    return cast(Table, model.__table__)
