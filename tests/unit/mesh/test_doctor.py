"""`kiosk doctor` lists the counters of the venue connected now and the last exchange, or says
sharing is off."""

from __future__ import annotations

import json

from kiosk.main import run
from kiosk.mesh.node import MeshNode, MeshSettings
from kiosk.platform.config import Config, save
from kiosk.store import peers
from kiosk.store.database import Database
from tests.e2e.mesh_helpers import free_ports

KEY = "structure key"


def _doctor(data_dir, capsys) -> dict:
    run(["doctor", "--data-dir", str(data_dir), "--no-devices", "--json"])
    report = json.loads(capsys.readouterr().out)
    return next(c for c in report["checks"] if c["key"] == "mesh")


def _config(data_dir, **over) -> None:
    cfg = Config(data_dir=data_dir, api_url="http://127.0.0.1:9", venue_ids=(1,))
    for k, v in over.items():
        setattr(cfg, k, v)
    save(cfg)


def test_doctor_says_sharing_is_off(data_dir, capsys, monkeypatch):
    monkeypatch.setenv("KIOSK_API_KEY", KEY)
    _config(data_dir)
    check = _doctor(data_dir, capsys)
    assert check["level"] == "info" and "partage désactivé" in check["message"]


def test_doctor_lists_the_connected_counters(data_dir, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("KIOSK_API_KEY", KEY)
    port_b, port_a = free_ports(2)
    other_db = Database.open(tmp_path / "B")
    other = MeshNode(
        other_db,
        api_key=KEY,
        origin="kiosk-B",
        counter_name="Entrée Nord",
        settings=MeshSettings(listen=(f"tcp/127.0.0.1:{port_b}",), multicast=False),
    ).start()
    try:
        _config(
            data_dir,
            kiosk_id="kiosk-A",
            mesh=True,
            mesh_listen=(f"tcp/127.0.0.1:{port_a}",),
            mesh_connect=(f"tcp/127.0.0.1:{port_b}",),
            mesh_multicast=False,
        )
        check = _doctor(data_dir, capsys)
        assert check["level"] == "ok", check
        assert "connectés : Entrée Nord" in check["message"]
        assert "dernier échange : jamais" in check["message"]
        # once B has said something, the last exchange is known
        db = Database.open(data_dir)
        with db.connect_writer() as conn, conn.begin():
            peers.insert_received(
                conn,
                [
                    {
                        "origin": "kiosk-B",
                        "seq": 1,
                        "kind": "token",
                        "token": "ABC234",
                        "booking_id": 1,
                        "counter": "Entrée Nord",
                    }
                ],
                other.clock(),
            )
        db.dispose()
        check = _doctor(data_dir, capsys)
        assert "jamais" not in check["message"]
    finally:
        other.close()
        other_db.dispose()
    check = _doctor(data_dir, capsys)
    assert "aucun autre guichet connecté" in check["message"]
