"""The counter window with the venue's mesh on: the status bar shows the connected counters,
and a code validated at the other counter shows DÉJÀ VALIDÉE, not yet confirmed."""

from __future__ import annotations

from kiosk.mesh.node import MeshNode, MeshSettings
from kiosk.services.counter import Counter
from kiosk.store import peers
from kiosk.store.database import Database
from tests.e2e.mesh_helpers import free_ports
from tests.fixtures.store import VENUE, insert_bookings
from tests.unit.ui.conftest import ROWS, settle

KEY = "structure key"


def test_status_bar_and_verdict_with_another_counter(
    make_services, window_factory, qtbot, tmp_path, clock
):
    ports = free_ports(2)
    services = make_services(
        api_key=KEY,
        kiosk_id="kiosk-A",
        mesh=True,
        mesh_listen=(f"tcp/127.0.0.1:{ports[0]}",),
        mesh_multicast=False,
    )
    insert_bookings(services.db, ROWS)
    window = window_factory(services)
    window.refresh()
    qtbot.waitUntil(lambda: window.status.peer_names == [], timeout=5_000)
    assert window.status.peers.text() == "Aucun autre guichet connecté"

    other_db = Database.open(tmp_path / "B")
    with other_db.connect_writer() as conn, conn.begin():
        peers.set_origin(conn, "kiosk-B")
    insert_bookings(other_db, ROWS)
    other = MeshNode(
        other_db,
        api_key=KEY,
        origin="kiosk-B",
        counter_name="Entrée Nord",
        settings=MeshSettings(
            listen=(f"tcp/127.0.0.1:{ports[1]}",),
            connect=(f"tcp/127.0.0.1:{ports[0]}",),
            multicast=False,
        ),
    ).start()
    counter_b = Counter(other_db, venue_ids=[VENUE], counter_name="Entrée Nord", clock=clock)
    counter_b.on_recorded = other.notify
    try:

        def shows_b() -> bool:
            window.refresh()
            qtbot.wait(50)
            return window.status.peer_names == ["Entrée Nord"]

        qtbot.waitUntil(shows_b, timeout=10_000)
        assert window.status.peers.text() == "Guichets connectés : Entrée Nord"
        assert counter_b.validate("ABC234", staff="Zoé").verdict.kind.value == "validated"

        # The scan waits for B's record to reach A: a code on screen scanned again at once is
        # only re-shown (the screen's duplicate window), so a scan that beat the record would
        # keep showing its first answer.
        def heard() -> bool:
            with services.db.connect() as conn:
                return [r["kind"] for r in peers.after(conn, "kiosk-B", 0)][-1:] == ["op"]

        qtbot.waitUntil(heard, timeout=10_000)
        window.handle_scan("ABC234", "wedge")
        settle(qtbot, window)
        assert window.screen.band.title == "DÉJÀ VALIDÉE"
        assert "au guichet « Entrée Nord »" in window.screen.band.message
        assert "(pas encore confirmé par pass Culture)" in window.screen.band.message
    finally:
        counter_b.close()
        other.close()
        other_db.dispose()
