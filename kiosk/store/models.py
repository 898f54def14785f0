"""The tables: only what the counter and the catalogue need.

SQLAlchemy Core tables (`Booking.__table__`, or `table(Booking)`), not ORM classes: nothing
here maps rows to objects, and the ORM alone cost a third of the counter's start-up imports.

Privacy by schema: the youth's first and last name are kept (for the ID check); email, phone,
birth date and postal code have no column anywhere.
"""

from __future__ import annotations

from typing import ClassVar

from sqlalchemy import Boolean, Column, ForeignKey, Index, Integer, MetaData, String, Table, Text

from kiosk.store.types import UtcDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


metadata = MetaData(naming_convention=NAMING_CONVENTION)


class _Model:
    """A table under the name the code uses for it (`models.Booking`)."""

    __table__: ClassVar[Table]


class Base:
    """Every table's metadata (Alembic's target, the schema tests)."""

    metadata = metadata


class Venue(_Model):
    __table__ = Table(
        "venue",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=False),
        Column("name", String(200), nullable=False),
        Column("public_name", String(200)),
        Column("offerer_name", String(200)),
        Column("address", String(300)),
        Column("postal_code", String(10)),
        Column("city", String(120)),
        Column("department_code", String(3)),
        Column("synced_at", UtcDateTime),
    )


class Offer(_Model):
    __table__ = Table(
        "offer",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=False),
        Column("venue_id", Integer, index=True, nullable=False),
        Column("name", String(200), nullable=False),
        Column("description", Text),
        Column("subcategory_id", String(40), nullable=False),
        Column("is_event", Boolean, default=False, nullable=False),
        Column("is_digital", Boolean, default=False, nullable=False),
        Column("is_duo", Boolean, default=False, nullable=False),
        Column("ean", String(13)),
        Column("author", String(200)),
        Column("performer", String(200)),
        Column("image_url", String(500)),
        Column("withdrawal_type", String(20)),
        Column("withdrawal_details", Text),
        Column("withdrawal_delay", Integer),
        Column("accessibility", String(200)),  # JSON object of flags
        Column("address", String(300)),
        Column("department_code", String(3)),
        Column("min_price_cents", Integer),
        Column("max_price_cents", Integer),
        Column("next_date", UtcDateTime),
        Column("synced_at", UtcDateTime),
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


class Stock(_Model):
    """A product stock or an event date (with its price category)."""

    __table__ = Table(
        "stock",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=False),
        Column("offer_id", ForeignKey("offer.id", ondelete="CASCADE"), index=True, nullable=False),
        Column("beginning", UtcDateTime),
        Column("booking_limit", UtcDateTime),
        Column("price_cents", Integer, nullable=False),
        Column("price_category_label", String(100)),
        Column("quantity", Integer),  # None: unlimited
        Column("booked_quantity", Integer, default=0, nullable=False),
    )


class Booking(_Model):
    """A booking of the kiosk's venues. `token` is the token index: null until learned."""

    __table__ = Table(
        "booking",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=False),
        Column("token", String(6), unique=True),
        Column("token_source", String(10)),  # online | import | local
        Column("status", String(12), nullable=False),
        Column("quantity", Integer, nullable=False),
        Column("price_cents", Integer, nullable=False),
        Column("offer_id", Integer, index=True, nullable=False),
        Column("offer_name", String(200), nullable=False),
        Column("offer_ean", String(13)),
        Column("stock_id", Integer),
        Column("price_category_label", String(100)),
        Column("venue_id", Integer, nullable=False),
        Column("venue_name", String(200), nullable=False),
        Column("department_code", String(3)),
        Column("first_name", String(100)),
        Column("last_name", String(100)),
        Column("search_name", String(200), index=True),
        Column("created_at", UtcDateTime),
        Column("cancellation_limit", UtcDateTime),
        Column("beginning", UtcDateTime),
        Column("used_at", UtcDateTime),
        Column("used_counter", String(100)),
        Column("used_staff", String(100)),
        Column("closed_at", UtcDateTime),  # first seen closed
        Column("refreshed_at", UtcDateTime),  # last seen on server
        # When pass Culture reimbursed it: the export's date (source "import"), else when a pull
        # first saw it REIMBURSED (source "pull": the API list carries no date).
        Column("reimbursed_at", UtcDateTime),
        Column("reimbursed_source", String(10)),
        Index(None, "venue_id", "status"),
        # The manager's report (kiosk.store.report, migration 0004).
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


class Outbox(_Model):
    """Operations recorded at this counter, waiting for or settled by the central API.

    state: pending → done | conflict. Nothing leaves except as done or conflict.
    `ambiguous` is set when an attempt may have reached the server (timeout, dropped connection)
    so that a later 410 "already validated" is recognised as our own.
    """

    __table__ = Table(
        "outbox",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("op_id", String(36), unique=True, nullable=False),
        Column("kind", String(8), nullable=False),  # use | keep
        Column("token", String(6), index=True, nullable=False),
        Column("booking_id", Integer),
        Column("created_at", UtcDateTime, nullable=False),
        Column("created_local", String(40), nullable=False),  # local time with its UTC offset
        Column("counter", String(100), nullable=False),
        Column("staff", String(100)),
        Column("kiosk_id", String(36), nullable=False),
        Column("unverified", Boolean, default=False, nullable=False),
        Column("state", String(10), default="pending", nullable=False),
        Column("attempts", Integer, default=0, nullable=False),
        Column("ambiguous", Boolean, default=False, nullable=False),
        Column("next_attempt_at", UtcDateTime),
        Column("last_error", Text),
        Column("http_status", Integer),
        Column("conflict", String(30)),
        Column("settled_at", UtcDateTime),
        Column("acknowledged_at", UtcDateTime),
        Column("acknowledged_by", String(100)),
        Index(None, "state", "id"),
        # The manager's report: a period of operations read from the index alone.
        Index("ix_outbox_period", "created_at", "kind", "state", "booking_id", "staff", "conflict"),
        Index(None, "booking_id", "id"),  # an operation's later invalidation
    )


class Audit(_Model):
    """What happened at this counter: tokens, times, counters and staff only, never names."""

    __table__ = Table(
        "audit",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("at", UtcDateTime, index=True, nullable=False),
        Column("action", String(20), nullable=False),
        Column("token", String(6), index=True),
        Column("booking_id", Integer),
        Column("op_id", String(36)),
        Column("counter", String(100)),
        Column("staff", String(100)),
        Column("outcome", String(30)),
        Column("detail", Text),
    )


class SyncState(_Model):
    __table__ = Table(
        "sync_state",
        metadata,
        Column("key", String(80), primary_key=True),
        Column("value", Text),
    )


class Staff(_Model):
    __table__ = Table(
        "staff",
        metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("name", String(100), unique=True, nullable=False),
        Column("pin_hash", String(200), nullable=False),
        Column("active", Boolean, default=True, nullable=False),
        Column("created_at", UtcDateTime, nullable=False),
    )


class PeerRecord(_Model):
    """What the counters of a venue told each other (kiosk.mesh), one log per origin counter:
    operations (op), their outcomes from the server (outcome) and tokens learned (token).
    Never a youth's name. Times are stored as sent (UTC ISO text)."""

    __table__ = Table(
        "peer_record",
        metadata,
        Column("origin", String(36), primary_key=True),
        Column("seq", Integer, primary_key=True, autoincrement=False),
        Column("kind", String(8), nullable=False),
        Column("op_id", String(36)),
        Column("op_kind", String(8)),
        Column("token", String(16)),
        Column("booking_id", Integer),
        Column("at", String(40)),
        Column("counter", String(100)),
        Column("staff", String(100)),
        Column("unverified", Boolean, default=False, nullable=False),
        Column("state", String(10)),
        Column("conflict", String(30)),
        Column("received_at", String(40), nullable=False),
        Index("ix_peer_record_token", "token", "kind", "at"),
        Index("ix_peer_record_op_id", "op_id"),
    )


class Setting(_Model):
    __table__ = Table(
        "setting",
        metadata,
        Column("key", String(80), primary_key=True),
        Column("value", Text),
    )


def table(model: type[_Model]) -> Table:
    """The Core table of a model."""
    return model.__table__
