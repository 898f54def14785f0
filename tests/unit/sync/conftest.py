"""A kiosk wired to the real sandbox on loopback: data dir, counter, sync engine."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kiosk.domain.operations import Operation, OpState
from kiosk.platform.config import Config
from kiosk.sandbox.seed import BOOKSHOP_VENUE_ID, CONCERT_HALL_VENUE_ID
from kiosk.services.counter import Counter
from kiosk.services.wiring import Services, open_services
from kiosk.store import bookings, outbox
from kiosk.sync.engine import SyncEngine
from kiosk.sync.push import Backoff

VENUES = (BOOKSHOP_VENUE_ID, CONCERT_HALL_VENUE_ID)


@dataclass
class Kiosk:
    services: Services

    @property
    def counter(self) -> Counter:
        return self.services.counter

    @property
    def engine(self) -> SyncEngine:
        assert self.services.engine is not None
        return self.services.engine

    def ops(self) -> list[Operation]:
        with self.services.db.connect() as conn:
            return outbox.all_ops(conn)

    def booking(self, token: str):
        with self.services.db.connect() as conn:
            return bookings.by_token(conn, token)


@pytest.fixture
def make_kiosk(sandbox, tmp_path: Path) -> Iterator[Callable[..., Kiosk]]:
    opened: list[Services] = []

    def make(name: str = "k1", venue_ids: tuple[int, ...] = VENUES, **over: Any) -> Kiosk:
        cfg = Config(
            data_dir=tmp_path / name,
            api_url=over.pop("api_url", sandbox.url),
            api_key=over.pop("api_key", sandbox.api_key),
            venue_ids=venue_ids,
            counter_name=over.pop("counter_name", f"Guichet {name}"),
            kiosk_id=name,
            rate_limit=over.pop("rate_limit", False),
        )
        services = open_services(cfg)
        assert services.engine is not None
        # retries come back at once in tests (the schedule itself is tested separately)
        services.engine.pusher.backoff = Backoff(base=0.0, maximum=0.0)
        opened.append(services)
        return Kiosk(services)

    yield make
    for s in opened:
        s.close()


def sandbox_token(sandbox, **where: Any) -> dict[str, Any]:
    """The first seeded booking matching `where` (e.g. status="CONFIRMED", isEvent=False)."""
    for b in sandbox.bookings():
        if all(b.get(k) == v for k, v in where.items()):
            return b
    raise LookupError(where)


def assert_accounted(kiosk: Kiosk, sandbox) -> None:
    """Every validation recorded at this kiosk reached the server or is a visible conflict."""
    for op in kiosk.ops():
        assert op.state is not OpState.PENDING, f"{op.token} still pending: {op.last_error}"
        if op.kind.value == "use" and op.state is OpState.DONE:
            server = sandbox.booking(op.token)
            assert server is not None and server["status"] in ("USED", "REIMBURSED"), op.token
        if op.state is OpState.CONFLICT:
            assert op.conflict, op
