"""`kiosk run` with sharing turned on in kiosk.toml: the counter joins the venue's mesh (status
bar), hears another counter's validation (DÉJÀ VALIDÉE, not yet confirmed), tells the other
counter its own, and leaves the mesh when the window closes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from kiosk.mesh.node import MeshNode, MeshSettings
from kiosk.services.counter import Counter
from kiosk.store import peers
from kiosk.store.database import Database
from kiosk.ui.common import i18n
from kiosk.ui.entry import Session, start_counter
from tests.e2e.entry_helpers import args, configure, wait_idle
from tests.e2e.mesh_helpers import free_ports, until
from tests.fixtures.store import FixedClock, booking_row, insert_bookings

KEY = "test-key"  # configure() stores it as the counter's API key
ROWS = [booking_row(1, "ABC234"), booking_row(2, "DEF567")]


@pytest.fixture
def sessions(qtbot) -> Iterator[list[Session]]:
    started: list[Session] = []
    yield started
    for s in started:
        s.close()
    i18n.install("fr")


def test_kiosk_run_shares_with_the_other_counters(qtbot, data_dir, tmp_path, sessions):
    port_a, port_b = free_ports(2)
    configure(
        data_dir,
        key=KEY,
        rows=ROWS,
        kiosk_id="kiosk-A",
        mesh=True,
        mesh_listen=(f"tcp/127.0.0.1:{port_a}",),
        mesh_multicast=False,
    )
    other_db = Database.open(tmp_path / "B")
    insert_bookings(other_db, ROWS)
    other = MeshNode(
        other_db,
        api_key=KEY,
        origin="kiosk-B",
        counter_name="Entrée Nord",
        settings=MeshSettings(
            listen=(f"tcp/127.0.0.1:{port_b}",),
            connect=(f"tcp/127.0.0.1:{port_a}",),
            multicast=False,
        ),
    ).start()
    counter_b = Counter(other_db, venue_ids=[100], counter_name="Entrée Nord", clock=FixedClock())
    counter_b.on_recorded = other.notify
    try:
        session = start_counter(args("run", "--data-dir", str(data_dir)))
        sessions.append(session)
        window = session.window
        assert window.services.mesh is not None and window.services.mesh.running

        def shows_b() -> bool:
            window.refresh()
            qtbot.wait(50)
            return window.status.peer_names == ["Entrée Nord"]

        qtbot.waitUntil(shows_b, timeout=10_000)

        # B lets a youth in: A says so. The scan waits for B's record to reach A: a code on
        # screen scanned again at once is only re-shown (the screen's duplicate window), so a
        # scan that beat the record would keep showing its first answer.
        assert counter_b.validate("ABC234").verdict.kind.value == "validated"

        def heard() -> bool:
            with window.services.db.connect() as conn:
                return [r["kind"] for r in peers.after(conn, "kiosk-B", 0)] == ["op"]

        qtbot.waitUntil(heard, timeout=10_000)
        window.handle_scan("ABC234", "wedge")
        wait_idle(qtbot, window)
        assert window.screen.band.title == "DÉJÀ VALIDÉE"
        assert "(pas encore confirmé par pass Culture)" in window.screen.band.message

        # A validates another code: B hears of it.
        window.handle_scan("DEF567", "wedge")
        wait_idle(qtbot, window)
        window.screen.validate_button.click()  # two steps: "Valider" (a rescan only re-shows)
        wait_idle(qtbot, window)
        assert window.screen.band.title == "VALIDÉE"
        assert until(
            lambda: counter_b.check("DEF567", online=False).verdict.kind.value == "already_used",
            5,
        )
        session.close()
        sessions.remove(session)
        assert until(lambda: other.live_peers() == (), 10)  # A left the mesh
        with other_db.connect() as conn:
            assert [r["kind"] for r in peers.after(conn, "kiosk-A", 0)][-1] == "op"
    finally:
        counter_b.close()
        other.close()
        other_db.dispose()
