"""Wiring: from a Config to the database, the counter service and the sync engine.

Used by the CLI, the UI and the demo, so that every entry point builds the same objects.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass, field
from datetime import timedelta

from kiosk.domain.clock import Clock, utcnow
from kiosk.domain.texts import Phrase
from kiosk.platform import logs
from kiosk.platform.config import Config, log_dir, save
from kiosk.services.counter import Counter
from kiosk.store import backup, retention
from kiosk.store.database import Database
from kiosk.store.errors import DatabaseCorrupt, DataDirError
from kiosk.store.lock import DataDirLock
from kiosk.store.recovery import RecoveryReport, recover
from kiosk.sync.api import ApiClient
from kiosk.sync.connectivity import Connectivity
from kiosk.sync.engine import SyncEngine
from kiosk.sync.limiter import RequestScheduler, Unlimited

log = logging.getLogger("kiosk.services.wiring")

SHUTDOWN_BACKUP_AFTER = timedelta(minutes=15)  # a clean shutdown backs up unless one is fresh
OWN_PART_OF_LIMIT = 0.95  # of the key's limit: 190 of 200 a minute, room for clocks that differ


def make_scheduler(config: Config) -> RequestScheduler:
    """The process's one request scheduler, as `kiosk.toml` sets it (the wizard's first sync
    and open_services both build theirs here)."""
    if not config.rate_limit:
        return Unlimited()
    return RequestScheduler(
        max(1, int(config.request_limit * OWN_PART_OF_LIMIT)),
        config.request_window,
        background_share=config.background_share,
        lend_after=config.counter_quiet_seconds or None,  # 0: never lend the reserve
    )


@dataclass
class Services:
    config: Config
    db: Database
    counter: Counter
    engine: SyncEngine | None
    client: ApiClient | None
    connectivity: Connectivity
    lock: DataDirLock | None
    recovery: RecoveryReport | None = None
    # For staff at start: the window says them in its language, the CLI in French (stderr).
    notices: list[Phrase] = field(default_factory=list)
    clock: Clock = utcnow

    def close(self) -> None:
        self.counter.close()
        if self.client is not None:
            self.client.close()
        if self.lock is not None:  # the owner of the data dir backs it up on a clean shutdown
            self.backup_if_stale(SHUTDOWN_BACKUP_AFTER)
        self.db.dispose()
        if self.lock is not None:
            self.lock.release()
            logs.shutdown_logging()

    def backup_if_stale(self, max_age: timedelta) -> backup.BackupFile | None:
        """Take a backup unless one younger than `max_age` exists. Never raises."""
        try:
            now = self.clock()
            newest = backup.list_backups(self.config.data_dir)
            if newest and now - newest[0].taken_at < max_age:
                return None
            return backup.take_backup(self.db.path, self.config.data_dir, now=now)
        except (OSError, sqlite3.Error) as exc:
            log.warning("backup failed: %s", exc)
            return None


def open_database(config: Config, clock: Clock = utcnow) -> tuple[Database, RecoveryReport | None]:
    """Open the database; a damaged one is set aside and restored from the last good backup
    with the operations not yet sent recovered (see kiosk.store.recovery)."""
    try:
        return Database.open(config.data_dir), None
    except DatabaseCorrupt as exc:
        log.error("database damaged: %s", exc.message)
    try:
        report = recover(config.data_dir, now=clock())
        db = Database.open(config.data_dir)
    except (OSError, sqlite3.Error, DatabaseCorrupt) as exc:
        raise DatabaseCorrupt(
            Phrase.of("store.not_restored", detail=exc, path=config.data_dir)
        ) from None
    log.warning("database recovered: %s", report.message)
    return db, report


def open_services(config: Config, *, lock: bool = True, clock: Clock = utcnow) -> Services:
    """Open everything for `config`. Raises StoreError subclasses with French messages.
    A recovered database is reported in `Services.recovery` and `Services.notices`."""
    held: DataDirLock | None = None
    try:
        config.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DataDirError(
            Phrase.of("store.cannot_create_dir", path=config.data_dir, reason=exc.strerror)
        ) from None
    if lock:
        held = DataDirLock(config.data_dir)
        held.acquire()
        # The process that owns the data dir writes its log (one writer: rotation is not
        # shared between processes); every entry point (run, demo, the CLI) comes through here.
        try:
            logs.setup_logging(log_dir(config.data_dir), secrets=[config.api_key])
        except OSError as exc:  # no log is no reason to refuse the counter
            log.warning("log file unavailable: %s", exc)
    try:
        if lock:
            db, report = open_database(config, clock)
        else:  # a reader never repairs: the process holding the data dir does
            db, report = Database.open(config.data_dir), None
        if lock:
            try:
                retention.purge(db, clock(), config.retention_days)
            except Exception as exc:  # e.g. disk full: the counter still works
                log.warning("retention purge failed at start: %s", exc)
        if not config.path.exists():
            save(config)  # keeps the generated kiosk id stable across runs
        connectivity = Connectivity()
        client = engine = None
        if config.configured:
            assert config.api_url and config.api_key
            client = ApiClient(config.api_url, config.api_key, limiter=make_scheduler(config))
            engine = SyncEngine(
                db,
                client,
                list(config.venue_ids),
                clock=clock,
                connectivity=connectivity,
                retention_days=config.retention_days,
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
            logs.shutdown_logging()
        raise
    notices = [report.phrase] if report else []
    return Services(config, db, counter, engine, client, connectivity, held, report, notices, clock)
