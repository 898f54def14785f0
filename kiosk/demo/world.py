"""The demo world: an in-process sandbox of the pass Culture API, a kiosk configured against it,
and the codes worth trying (no Qt here; the Démo menu lives in `kiosk.ui.demo_menu`).

The demo counter serves the demo offerer's Lyon bookshop (books, CDs: click and collect) and its
Marseille concert hall (events, DUO, bookings still inside their cancellation window), so every
verdict can be shown; the offerer's library in La Réunion is "another venue", and a booking of
the other offerer (a cinema) is unknown to this counter's key.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

from kiosk.domain.messages import render
from kiosk.domain.verdict import Verdict, VerdictKind
from kiosk.platform.config import Config

if TYPE_CHECKING:  # the sandbox is only imported by the demo and CLI wiring
    from kiosk.sandbox.server import SandboxServer
    from kiosk.store.database import Database

BOOKSHOP_VENUE = 1
CONCERT_HALL_VENUE = 2
OTHER_VENUE = 3  # same offerer, not served by the demo counter
DEMO_VENUES = (BOOKSHOP_VENUE, CONCERT_HALL_VENUE)
OTHER_OFFERER_KEY = "sandbox-other-key"
# Staff accounts and admin PIN of the demo counter, so the staff bar, the settings and the
# kiosk mode can be shown (listed in the demo's help panel).
DEMO_STAFF = (("Camille", "1234"), ("Yanis", "5678"))
DEMO_ADMIN_PIN = "123456"


@dataclass(frozen=True)
class DemoTicket:
    kind: str  # validable | duo | used | payment_locked | cancelled | reimbursed | too_early |
    # other_venue | unknown
    token: str
    offer: str
    youth: str
    is_event: bool
    quantity: int
    expect: str  # what the counter should show, in its own words

    @property
    def qr_payload(self) -> str:
        """What the youth's app encodes (facts §2): events withdrawn on site show the raw
        token; things show the v3 voucher."""
        return self.token if self.is_event else f"PASSCULTURE:v3;TOKEN:{self.token}"


def _title(kind: VerdictKind) -> str:
    return render(Verdict(kind)).title


_OFFLINE_UNKNOWN = _title(VerdictKind.UNKNOWN_OFFLINE)
EXPECT = {
    "validable": f"{_title(VerdictKind.VALIDABLE)} puis {_title(VerdictKind.VALIDATED)}",
    "duo": f"{_title(VerdictKind.VALIDABLE)} — DUO, 2 places",
    "used": _title(VerdictKind.ALREADY_USED),
    "cancelled": _title(VerdictKind.CANCELLED),
    "reimbursed": _title(VerdictKind.REIMBURSED),
    # pass Culture answers "reimbursed" once it has started paying; undoing the validation
    # (Invalider, offline, or `kiosk unvalidate` once the export taught the code) is refused.
    "payment_locked": f"{_title(VerdictKind.REIMBURSED)} ; Invalider : "
    f"{_title(VerdictKind.PAYMENT_LOCKED)}",
    "too_early": f"{_title(VerdictKind.TOO_EARLY)} (avec la date)",
    "other_venue": _title(VerdictKind.WRONG_VENUE),
    "unknown": f"{_title(VerdictKind.UNKNOWN)} (hors ligne : {_OFFLINE_UNKNOWN})",
}
KIND_LABELS = {
    "validable": "Validable",
    "duo": "DUO",
    "used": "Déjà validée",
    "cancelled": "Annulée",
    "reimbursed": "Remboursée",
    "payment_locked": "Paiement engagé",
    "too_early": "Trop tôt",
    "other_venue": "Autre lieu",
    "unknown": "Inconnue",
}


def _parse(ts: str | None) -> datetime | None:
    return datetime.fromisoformat(ts.replace("Z", "+00:00")) if ts else None


def _ticket(kind: str, b: dict[str, Any]) -> DemoTicket:
    youth = " ".join(p for p in (b.get("userFirstName"), b.get("userLastName")) if p)
    return DemoTicket(
        kind=kind,
        token=b["token"],
        offer=b["offerName"],
        youth=youth,
        is_event=bool(b.get("isEvent")),
        quantity=int(b.get("quantity") or 1),
        expect=EXPECT[kind],
    )


def pick_tickets(
    main: list[dict[str, Any]], other: list[dict[str, Any]], now: datetime, per_kind: int = 2
) -> list[DemoTicket]:
    """A few bookings of each kind, always the same ones for the same world (lowest ids)."""
    rules: dict[str, Any] = {
        "validable": lambda b: (
            b["status"] == "CONFIRMED"
            and b["venueId"] == BOOKSHOP_VENUE
            and not b.get("isEvent")
            and not b.get("isDigital")
        ),
        "duo": lambda b: (
            b["status"] == "CONFIRMED"
            and b["venueId"] == CONCERT_HALL_VENUE
            and b.get("quantity") == 2
            and (_parse(b.get("confirmationDate")) or now) <= now
        ),
        "used": lambda b: (
            b["status"] == "USED"
            and b["venueId"] in DEMO_VENUES
            and not b.get("reimbursementPending")
        ),
        "payment_locked": lambda b: b["status"] == "USED" and b.get("reimbursementPending"),
        "cancelled": lambda b: b["status"] == "CANCELLED" and b["venueId"] in DEMO_VENUES,
        "reimbursed": lambda b: b["status"] == "REIMBURSED" and b["venueId"] in DEMO_VENUES,
        "too_early": lambda b: (
            b["status"] == "CONFIRMED"
            and b["venueId"] == CONCERT_HALL_VENUE
            and (_parse(b.get("confirmationDate")) or now) > now
        ),
        "other_venue": lambda b: b["status"] == "CONFIRMED" and b["venueId"] == OTHER_VENUE,
    }
    ordered = sorted(main, key=lambda b: b["id"])
    out: list[DemoTicket] = []
    for kind, rule in rules.items():
        found = [b for b in ordered if b.get("token") and rule(b)]
        count = per_kind if kind in ("validable", "duo") else 1
        out.extend(_ticket(kind, b) for b in found[:count])
    out.extend(_ticket("unknown", b) for b in sorted(other, key=lambda b: b["id"])[:1])
    return out


def fetch_bookings(url: str, api_key: str) -> list[dict[str, Any]]:
    """All bookings of the key's offerer, with tokens (sandbox-only endpoint)."""
    with httpx.Client(base_url=url, timeout=30) as client:
        r = client.get("/sandbox/bookings", headers={"Authorization": f"Bearer {api_key}"})
        r.raise_for_status()
        return list(r.json()["bookings"])


def tickets_from_server(url: str, api_key: str, other_key: str | None) -> list[DemoTicket]:
    main = fetch_bookings(url, api_key)
    other: list[dict[str, Any]] = []
    if other_key:
        try:
            other = fetch_bookings(url, other_key)
        except httpx.HTTPError:
            other = []
    with httpx.Client(base_url=url, timeout=10) as client:
        clock = client.get("/sandbox/clock").json()
    now = _parse(clock.get("now")) or datetime.now().astimezone()
    return pick_tickets(main, other, now)


def start_sandbox(seed_value: int = 1) -> SandboxServer:
    from kiosk.sandbox.server import SandboxServer

    return SandboxServer(seed="demo", seed_value=seed_value, rate_limit=False).start()


def demo_config(server: SandboxServer, data_dir: Path | None) -> Config:
    """A kiosk configuration for the sandbox (the key stays in memory, never saved)."""
    if data_dir is None:
        data_dir = Path(tempfile.mkdtemp(prefix="kiosk-demo-"))
    return Config(
        data_dir=data_dir,
        api_url=server.url,
        api_key=server.api_key,
        venue_ids=DEMO_VENUES,
        counter_name="Accueil",
        kiosk_id="demo-kiosk",
        rate_limit=False,
        demo=True,
    )


def seed_demo_people(db: Database) -> None:
    """The demo's admin PIN and staff accounts (kept if the demo data dir is reused)."""
    from kiosk.services.security import Security
    from kiosk.services.staff import StaffService

    security = Security(db)
    if not security.has_admin_pin():
        security.set_admin_pin(DEMO_ADMIN_PIN)
    staff = StaffService(db, security)
    existing = {m.name for m in staff.members(include_inactive=True)}
    for name, pin in DEMO_STAFF:
        if name not in existing:
            staff.add(name, pin)


def download_export(server: SandboxServer, dest: Path) -> Path:
    """The pro portal's bookings export for the demo venues, as staff would download it."""
    with httpx.Client(base_url=server.url, timeout=30) as client:
        r = client.get(
            "/sandbox/pro-export",
            params={"format": "csv"},
            headers={"Authorization": f"Bearer {server.api_key}"},
        )
        r.raise_for_status()
    dest.write_bytes(r.content)
    return dest


def cancel_as_youth(server: SandboxServer, token: str) -> dict[str, Any]:
    """The youth cancels in their app (works whatever the kiosk's network state)."""
    from kiosk.sandbox import serializers
    from kiosk.sandbox.seed import MAIN_OFFERER_ID

    row = server.world.cancel_by_beneficiary(MAIN_OFFERER_ID, token)
    return serializers.booking_sandbox(row)


def _within_cancellation_window(booking: dict[str, Any], now: datetime) -> bool:
    """pcapi's rule: the youth may cancel an event only before its confirmation date (the end
    of the cancellation window); things and digital offers have none."""
    limit = booking.get("confirmationDate")
    if not limit:
        return True
    return datetime.fromisoformat(str(limit).replace("Z", "+00:00")) > now


def cancellable(server: SandboxServer, limit: int = 200) -> list[dict[str, Any]]:
    """Bookings of the demo venues a youth can still cancel: CONFIRMED and, for an event,
    inside its cancellation window (the others were offered, then refused: issue 14)."""
    now = server.now()
    rows = [
        b
        for b in server.bookings()
        if b["status"] == "CONFIRMED"
        and b["venueId"] in DEMO_VENUES
        and b.get("token")
        and _within_cancellation_window(b, now)
    ]
    return sorted(rows, key=lambda b: b["id"])[:limit]


class DemoControls:
    """What the Démo menu may do to the demo world. The UI gets this object, never the sandbox
    (`kiosk.ui.demo_menu.DemoWorld` is the shape it expects)."""

    staff = DEMO_STAFF
    admin_pin = DEMO_ADMIN_PIN
    kind_labels = KIND_LABELS

    def __init__(self, server: SandboxServer) -> None:
        self.server = server

    def cut_network(self) -> None:
        self.server.cut_network()

    def restore_network(self) -> None:
        self.server.restore_network()

    def close_structure(self, closed: bool) -> None:
        """The demo offerer's structure closed on pass Culture: nothing can be validated."""
        self.server.close_offerer(closed=closed)

    def set_concert_hall_active(self, active: bool) -> None:
        """The concert hall's link to this key switched off: pass Culture answers 404."""
        self.server.set_venue_provider_active(CONCERT_HALL_VENUE, active)

    def download_export(self, dest: Path) -> Path:
        return download_export(self.server, dest)

    def cancellable(self) -> list[dict[str, Any]]:
        return cancellable(self.server)

    def cancel_as_youth(self, token: str) -> dict[str, Any]:
        return cancel_as_youth(self.server, token)

    def tickets(self) -> list[DemoTicket]:
        return pick_tickets(
            self.server.bookings(), self.server.bookings(offerer_id=2), self.server.now()
        )
