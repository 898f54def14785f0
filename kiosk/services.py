"""Wiring: from a Config to the database, the counter service and the sync engine.

Used by the CLI, the UI and the demo, so that every entry point builds the same objects.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.clock import Clock, utcnow
from kiosk.config import Config, save
from kiosk.counter import Counter
from kiosk.store.database import Database
from kiosk.store.errors import DataDirError
from kiosk.store.lock import DataDirLock
from kiosk.sync.api import ApiClient
from kiosk.sync.connectivity import Connectivity
from kiosk.sync.engine import SyncEngine
from kiosk.sync.limiter import RateLimiter, Unlimited


@dataclass
class Services:
    config: Config
    db: Database
    counter: Counter
    engine: SyncEngine | None
    client: ApiClient | None
    connectivity: Connectivity
    lock: DataDirLock | None

    def close(self) -> None:
        self.counter.close()
        if self.client is not None:
            self.client.close()
        self.db.dispose()
        if self.lock is not None:
            self.lock.release()


def open_services(config: Config, *, lock: bool = True, clock: Clock = utcnow) -> Services:
    """Open everything for `config`. Raises StoreError subclasses with French messages."""
    held: DataDirLock | None = None
    try:
        config.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(
            f"Impossible de créer le dossier de données {config.data_dir} ({exc.strerror}). "
            "Vérifiez le chemin et les droits, ou choisissez-en un autre avec --data-dir."
        ) from None
    if lock:
        held = DataDirLock(config.data_dir)
        held.acquire()
    try:
        db = Database.open(config.data_dir)
        if not config.path.exists():
            save(config)  # keeps the generated kiosk id stable across runs
        connectivity = Connectivity()
        client = engine = None
        if config.configured:
            assert config.api_url and config.api_key
            limiter = RateLimiter(190, 60.0) if config.rate_limit else Unlimited()
            client = ApiClient(config.api_url, config.api_key, limiter=limiter)
            engine = SyncEngine(
                db, client, list(config.venue_ids), clock=clock, connectivity=connectivity
            )
        else:
            connectivity.unconfigured()
        counter = Counter(
            db,
            venue_ids=config.venue_ids,
            counter_name=config.counter_name,
            kiosk_id=config.kiosk_id,
            clock=clock,
            channel=engine,
        )
    except BaseException:
        if held is not None:
            held.release()
        raise
    return Services(config, db, counter, engine, client, connectivity, held)
