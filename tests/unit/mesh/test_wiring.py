"""The mesh through `open_services` (what `kiosk run` and `kiosk demo` call): off by default,
started from kiosk.toml with explicit endpoints, and the counter's commits reach it."""

from __future__ import annotations

from kiosk.platform.config import Config, load, save
from kiosk.services.wiring import open_services
from kiosk.store import peers
from tests.e2e.mesh_helpers import free_ports


def _config(data_dir, **over):
    cfg = Config(data_dir=data_dir, api_url="http://127.0.0.1:9", api_key="k", venue_ids=(1,))
    for k, v in over.items():
        setattr(cfg, k, v)
    return cfg


def test_the_mesh_is_off_unless_turned_on(data_dir):
    services = open_services(_config(data_dir))
    try:
        assert services.mesh is None and services.counter.on_recorded is None
        with services.db.connect() as conn:
            assert peers.get_origin(conn) is None
    finally:
        services.close()


def test_settings_round_trip_through_kiosk_toml(data_dir):
    save(
        _config(
            data_dir,
            mesh=True,
            mesh_listen=("tcp/0.0.0.0:7447",),
            mesh_connect=("tcp/10.0.0.2:7447", "tcp/10.0.0.3:7447"),
            mesh_multicast=False,
        )
    )
    cfg = load(data_dir, env={"KIOSK_API_KEY": "k"})
    assert cfg.mesh and not cfg.mesh_multicast
    assert cfg.mesh_listen == ("tcp/0.0.0.0:7447",)
    assert cfg.mesh_connect == ("tcp/10.0.0.2:7447", "tcp/10.0.0.3:7447")


def test_turned_on_it_joins_and_hears_the_counter(data_dir):
    [port] = free_ports(1)
    cfg = _config(
        data_dir,
        mesh=True,
        kiosk_id="kiosk-A",
        mesh_listen=(f"tcp/127.0.0.1:{port}",),
        mesh_multicast=False,
    )
    services = open_services(cfg)
    try:
        assert services.mesh is not None and services.mesh.running
        assert services.counter.on_recorded == services.mesh.notify
        with services.db.connect() as conn:
            assert peers.get_origin(conn) == "kiosk-A"
    finally:
        services.close()
    # turned off again: own records stop
    cfg.mesh = False
    services = open_services(cfg)
    try:
        with services.db.connect() as conn:
            assert peers.get_origin(conn) is None
    finally:
        services.close()


def test_a_mesh_that_cannot_start_never_stops_the_counter(data_dir):
    cfg = _config(data_dir, mesh=True, mesh_listen=("nonsense/endpoint",), mesh_multicast=False)
    services = open_services(cfg)
    try:
        assert services.mesh is not None and not services.mesh.running
        assert services.mesh.status().error
    finally:
        services.close()
