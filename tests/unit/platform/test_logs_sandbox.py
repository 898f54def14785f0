"""After a real validation and sync against the sandbox, the logs hold neither the API key nor
the youth's names — but do hold one line per scan, validation and sync step."""

from __future__ import annotations

from pathlib import Path

from kiosk.platform import logs
from kiosk.platform.config import Config, log_dir
from kiosk.services.wiring import open_services


def test_no_key_no_names_in_logs(sandbox, data_dir: Path) -> None:
    cfg = Config(
        data_dir=data_dir,
        api_url=sandbox.url,
        api_key=sandbox.api_key,
        venue_ids=(1,),
        counter_name="Accueil",
        rate_limit=False,
    )
    where = log_dir(data_dir)
    logs.setup_logging(where, secrets=[cfg.api_key])
    services = open_services(cfg)
    try:
        assert services.engine is not None
        assert services.engine.sync_once(full=True).error is None
        booking = next(
            b
            for b in sandbox.bookings(status="CONFIRMED", venue_id=1)
            if not b["isEvent"] and b["userFirstName"] and b["userLastName"]
        )
        token = booking["token"]
        assert services.counter.check(f"PASSCULTURE:v3;TOKEN:{token}").ok
        result = services.counter.validate(token, staff="Marie")
        assert result.ok
        services.engine.sync_once()
    finally:
        services.close()
        logs.shutdown_logging()
    text = "\n".join(p.read_text(encoding="utf-8") for p in where.glob("kiosk.log*"))
    assert f"scan {token}" in text and f"on {token}" in text and "sync full" in text
    assert sandbox.api_key not in text
    assert booking["userFirstName"] not in text
    assert booking["userLastName"] not in text
    assert booking["userEmail"] not in text


def test_the_cli_writes_the_log_file(sandbox, data_dir: Path, monkeypatch) -> None:
    """`kiosk sync --once` and `kiosk validate` (as `kiosk run` and `kiosk demo`, through
    open_services) write the promised log file, without the key."""
    from kiosk.main import run

    monkeypatch.setenv("KIOSK_API_URL", sandbox.url)
    monkeypatch.setenv("KIOSK_API_KEY", sandbox.api_key)
    monkeypatch.setenv("KIOSK_VENUE_IDS", "1")
    assert run(["sync", "--once", "--data-dir", str(data_dir)]) == 0
    token = next(
        b["token"]
        for b in sandbox.bookings(status="CONFIRMED", venue_id=1)
        if not b["isEvent"] and not b["isDigital"]
    )
    assert run(["validate", token, "--staff", "Marie", "--data-dir", str(data_dir)]) == 0
    text = (log_dir(data_dir) / logs.LOG_NAME).read_text(encoding="utf-8")
    assert token in text
    assert "sync" in text
    assert sandbox.api_key not in text
    assert logs._installed is None  # closed with the services
