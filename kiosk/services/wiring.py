"""Wiring: from a Config to the database, the counter service and the sync engine.

Used by the CLI, the UI and the demo, so that every entry point builds the same objects.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

from kiosk.domain.clock import Clock, utcnow
from kiosk.domain.texts import Phrase
from kiosk.platform import logs
from kiosk.platform.config import Config, log_dir, save
from kiosk.services.counter import Counter
from kiosk.store import backup, peers, retention
from kiosk.store.database import Database
from kiosk.store.errors import DatabaseCorrupt
from kiosk.store.health import mark_clean, quick_check, take_clean_mark
from kiosk.store.lock import DataDirLock, make_data_dir
from kiosk.store.recovery import RecoveryReport, recover
from kiosk.sync.api import ApiClient
from kiosk.sync.connectivity import Connectivity
from kiosk.sync.engine import SyncEngine
from kiosk.sync.limiter import RequestScheduler, Unlimited

if TYPE_CHECKING:
    from kiosk.mesh.node import MeshNode

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
    # The start skipped the integrity check (clean shutdown): housekeeping() runs it.
    check_deferred: bool = False
    damaged: Phrase | None = None  # what that check found, if anything
    mesh: MeshNode | None = None  # the other counters of the venue, when turned on

    def close(self) -> None:
        if self.mesh is not None:
            self.mesh.close()
        self.counter.close()
        if self.client is not None:
            self.client.close()
        if self.lock is not None:  # the owner of the data dir backs it up on a clean shutdown
            self.backup_if_stale(SHUTDOWN_BACKUP_AFTER)
        self.db.dispose()
        if self.lock is not None:
            if self.damaged is None:  # a damaged file is checked (and repaired) at next start
                try:
                    mark_clean(self.config.data_dir)
                except OSError as exc:
                    log.warning("clean-shutdown mark not written: %s", exc)
            self.lock.release()
            logs.shutdown_logging()

    def housekeeping(self) -> int | None:
        """The start's chores for the owner of the data dir (today: the retention purge of
        names). Never raises: the counter works without them. Returns how many bookings were
        erased, None when it could not run."""
        if self.client is not None:
            self.client.warm_up()  # httpx, before the first online check needs it
        if self.lock is None:
            return None  # a reader never writes: the process holding the data dir does
        if self.check_deferred:
            self.check_deferred = False
            self._check_integrity()
        try:
            return retention.purge(self.db, self.clock(), self.config.retention_days)
        except Exception as exc:  # e.g. disk full: the counter still works
            log.warning("retention purge failed at start: %s", exc)
            return None

    def _check_integrity(self) -> None:
        """The check a clean start skipped, while the counter already works: a problem is said
        (`damaged`) and leaves no clean mark, so the next start repairs the file."""
        try:
            rows = quick_check(self.db.path)
        except sqlite3.Error as exc:  # busy, full, unreadable surroundings: not the file's fault
            log.warning("deferred integrity check could not run: %s", exc)
            return
        if rows != ["ok"]:
            log.error("database damaged (found after start): %s", rows[0][:200])
            self.damaged = Phrase.of("store.damaged_while_open", detail=rows[0][:120])

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


def open_database(
    config: Config, clock: Clock = utcnow, *, check: bool = True
) -> tuple[Database, RecoveryReport | None]:
    """Open the database; a damaged one is set aside and restored from the last good backup
    with the operations not yet sent recovered (see kiosk.store.recovery). `check=False` skips
    the integrity check (after a clean shutdown, see kiosk.store.health)."""
    try:
        return Database.open(config.data_dir, check="quick" if check else None), None
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


@contextmanager
def reader_log(config: Config, command: str) -> Iterator[None]:
    """For the readers (`kiosk status`, `kiosk doctor`) that never take the data dir: they
    write to its log when nobody owns it (one writer per log: rotation is not shared), and
    keep quiet while the counter runs (its own log says what it does)."""
    held = DataDirLock(config.data_dir)
    try:
        config.data_dir.mkdir(parents=True, exist_ok=True)
        held.acquire()
    except Exception:  # the counter owns it, or the folder cannot be made: no log
        yield
        return
    try:
        try:
            logs.setup_logging(log_dir(config.data_dir), secrets=[config.api_key])
        except OSError as exc:
            log.warning("log file unavailable: %s", exc)
        log.info("command %s", command)
        yield
    finally:
        logs.shutdown_logging()
        held.release()


def open_services(
    config: Config,
    *,
    lock: bool | DataDirLock = True,
    clock: Clock = utcnow,
    housekeeping: bool = True,
) -> Services:
    """Open everything for `config`. Raises StoreError subclasses with French messages.
    A recovered database is reported in `Services.recovery` and `Services.notices`.
    `lock`: take the data dir (True), read it only (False), or a `DataDirLock` the caller
    already holds (the window takes it before anything else), owned by the services from now
    on — released at `close()`, or here if opening fails.
    `housekeeping=False` leaves `Services.housekeeping()` to the caller: the window runs it
    after its first paint, off the path to a counter ready to scan."""
    held: DataDirLock | None = lock if isinstance(lock, DataDirLock) else None
    if held is None:  # a held lock lives in the data dir: it exists
        make_data_dir(config.data_dir)
    if lock is True:
        held = DataDirLock(config.data_dir)
        held.acquire()
    if held is not None:
        # The process that owns the data dir writes its log (one writer: rotation is not
        # shared between processes); every entry point (run, demo, the CLI) comes through here.
        try:
            logs.setup_logging(log_dir(config.data_dir), secrets=[config.api_key])
        except OSError as exc:  # no log is no reason to refuse the counter
            log.warning("log file unavailable: %s", exc)
    deferred = False
    try:
        if held is not None:
            # After a clean shutdown the window checks the file after its first paint.
            deferred = take_clean_mark(config.data_dir) and not housekeeping
            db, report = open_database(config, clock, check=not deferred)
        else:  # a reader never repairs: the process holding the data dir does
            db, report = Database.open(config.data_dir), None
        if not config.path.exists() or (held is not None and config.kiosk_id_new):
            save(config)  # keeps the generated kiosk id stable across runs
            config.kiosk_id_new = False
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
        mesh = start_mesh(config, db, counter, client, clock) if held is not None else None
    except BaseException:
        if held is not None:
            held.release()
            logs.shutdown_logging()
        raise
    notices = [report.phrase] if report else []
    services = Services(
        config,
        db,
        counter,
        engine,
        client,
        connectivity,
        held,
        report,
        notices,
        clock,
        check_deferred=deferred,
        mesh=mesh,
    )
    if housekeeping:
        services.housekeeping()
    return services


def start_mesh(
    config: Config, db: Database, counter: Counter, client: ApiClient | None, clock: Clock
) -> MeshNode | None:
    """Join the venue's mesh when turned on (and a key to derive its keys from); otherwise
    stop recording own records for it. A mesh that cannot start is logged, never fatal."""
    if not (config.mesh and config.api_key):
        # Read first: with sharing off (the usual start) no write transaction on the way to
        # the window; only a counter that had it on writes once.
        with db.connect() as conn:
            recording = peers.get_origin(conn) is not None
        if recording:
            with db.connect_writer() as conn, conn.begin():
                peers.set_origin(conn, None)
        return None
    # Zenoh and cryptography: loaded only where the venue turned sharing on.
    from kiosk.mesh.node import DEFAULT_LISTEN, MeshNode, MeshSettings

    limiter = client.limiter if client is not None else None

    def share(n: int) -> None:  # live counters of the key divide the background budget
        if isinstance(limiter, RequestScheduler):
            limiter.set_peers(n + 1)

    node = MeshNode(
        db,
        api_key=config.api_key,
        origin=config.kiosk_id,
        counter_name=config.counter_name,
        settings=MeshSettings(
            config.mesh_listen or DEFAULT_LISTEN, config.mesh_connect, config.mesh_multicast
        ),
        clock=clock,
        on_peers=share,
    ).start()
    counter.on_recorded = node.notify
    return node
