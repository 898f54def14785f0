"""One counter on the venue's mesh: publish its own records, store its peers', catch up.

Eclipse Zenoh in peer mode: no server to install. Peers find each other by multicast scouting
where the LAN allows it, or through the `connect` endpoints of the settings where it does not.
- Live: every own record (kiosk.store.peers, appended in the operation's own transaction) is
  published as soon as the counter commits it (`notify`), sealed (kiosk.mesh.crypto).
- Catch-up: at start, when a peer appears, when a gap shows in an origin's sequence, and every
  `catchup_every` seconds, the node asks (a Zenoh query to one peer's own key expression) for
  every origin's records after the last sequence it holds without a gap: each origin of one
  peer only, the origin itself when it is up, else one of the others in turn, so no record
  comes N times; any peer answers for any origin, so a counter that is down does not stop the
  others from catching up on what it said.
- Liveliness tokens tell who is up now; a hello (sealed) tells which counter a token is. Only
  counters that proved they hold the key count as peers (they divide the request budget).
Messages that do not open with the key are dropped and counted (`rejected`), records already
held are dropped and counted (`replayed`). The mesh never stops the counter: any failure is
logged and shown in `status()`.
"""

from __future__ import annotations

import contextlib
import json
import logging
import queue
import threading
import time
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from kiosk.domain.clock import Clock, utcnow
from kiosk.mesh.crypto import MeshKeys
from kiosk.store import peers
from kiosk.store.database import Database

log = logging.getLogger("kiosk.mesh")

# One known port on every network of the machine, so the venue's firewall can name it
# (docs/operations.md); Zenoh's own default is a random port.
DEFAULT_LISTEN = ("tcp/0.0.0.0:7447",)
BATCH = 500  # records per catch-up reply (Zenoh fragments larger payloads itself)
CATCHUP_EVERY = 30.0  # seconds between two rounds of anti-entropy
CATCHUP_TIMEOUT = 5.0

_MAX_TEXT = {"origin": 64, "op_id": 64, "token": 16, "counter": 100, "staff": 100, "conflict": 30}
_OP_KINDS = (None, "use", "keep")
_STATES = (None, "done", "conflict")


@dataclass(frozen=True, slots=True)
class MeshSettings:
    listen: tuple[str, ...] = ()
    connect: tuple[str, ...] = ()
    multicast: bool = True


@dataclass(frozen=True, slots=True)
class Peer:
    origin: str
    counter: str


@dataclass(frozen=True, slots=True)
class MeshStatus:
    running: bool
    error: str | None
    peers: tuple[Peer, ...]  # connected now, proved to hold the key
    last_exchange: datetime | None
    received: int
    sent: int
    rejected: int
    replayed: int


@dataclass
class _Stats:
    received: int = 0
    sent: int = 0
    rejected: int = 0
    replayed: int = 0
    last_exchange: datetime | None = None


def valid_record(r: Any) -> bool:
    """A record as a peer may send it: the known fields only, each of its type and size."""
    if not isinstance(r, dict) or not set(r) <= set(peers.FIELDS):
        return False
    if not isinstance(r.get("origin"), str) or r.get("kind") not in peers.KINDS:
        return False
    seq = r.get("seq")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        return False
    for name, size in _MAX_TEXT.items():
        value = r.get(name)
        if value is not None and (not isinstance(value, str) or len(value) > size):
            return False
    booking = r.get("booking_id")
    if booking is not None and (not isinstance(booking, int) or isinstance(booking, bool)):
        return False
    if r.get("op_kind") not in _OP_KINDS or r.get("state") not in _STATES:
        return False
    if not isinstance(r.get("unverified", False), bool):
        return False
    at = r.get("at")
    if at is not None:
        try:
            if not isinstance(at, str) or datetime.fromisoformat(at).tzinfo is None:
                return False
        except ValueError:
            return False
    return True


def zenoh_config(settings: MeshSettings) -> Any:
    import zenoh

    conf = zenoh.Config()
    conf.insert_json5("mode", '"peer"')
    if settings.listen:
        conf.insert_json5("listen/endpoints", json.dumps(list(settings.listen)))
    conf.insert_json5("connect/endpoints", json.dumps(list(settings.connect)))
    conf.insert_json5("scouting/multicast/enabled", "true" if settings.multicast else "false")
    return conf


class MeshNode:
    def __init__(
        self,
        db: Database,
        *,
        api_key: str,
        origin: str,
        counter_name: str,
        settings: MeshSettings,
        clock: Clock = utcnow,
        on_peers: Callable[[int], None] | None = None,
        catchup_every: float = CATCHUP_EVERY,
    ) -> None:
        self.db = db
        self.keys = MeshKeys(api_key)
        self.origin = origin
        self.counter_name = counter_name
        self.settings = settings
        self.clock = clock
        self.on_peers = on_peers
        self.catchup_every = catchup_every
        self.error: str | None = None
        self._stats = _Stats()
        self._session: Any = None
        self._handles: list[Any] = []
        self._stop = threading.Event()
        self._wake = threading.Event()  # own records to publish
        self._want_catchup = threading.Event()
        self._inbox: queue.Queue[bytes] = queue.Queue()
        self._threads: list[threading.Thread] = []
        self._lock = threading.Lock()  # `_held` and the store's peer log, between threads
        self._held: dict[str, peers.Held] = {}
        self._last_sent = 0
        self._alive: set[str] = set()  # liveliness tags up now
        self._names: dict[str, Peer] = {}  # tag → who (from a hello or a record that opened)
        self._my_tag = self.keys.tag(origin)
        self._round = 0  # catch-up rounds: whom to ask turns with it

    # -- life ---------------------------------------------------------------------------
    def start(self) -> MeshNode:
        """Join the mesh; start the threads. Raises nothing: a failure is kept in `error`."""
        try:
            import zenoh

            zenoh.init_log_from_env_or("error")
            with self.db.connect() as conn, conn.begin():
                peers.set_origin(conn, self.origin)
                self._held = peers.held(conn)
                self._last_sent = peers.last_seq(conn, self.origin)
            self._session = zenoh.open(zenoh_config(self.settings))
            s = self._session
            self._handles = [
                s.declare_subscriber(self.keys.records, self._on_sample),
                s.declare_subscriber(self.keys.hello, self._on_hello),
                s.declare_queryable(f"{self.keys.catchup}/{self._my_tag}", self._on_query),
                s.liveliness().declare_token(f"{self.keys.live}/{self._my_tag}"),
                s.liveliness().declare_subscriber(
                    f"{self.keys.live}/*", self._on_liveliness, history=True
                ),
            ]
        except Exception as exc:  # no mesh is no reason to refuse the counter
            self.error = str(exc) or type(exc).__name__
            log.warning("mesh unavailable: %s", self.error)
            self.close()
            return self
        for name, target in (
            ("mesh-publish", self._publish_loop),
            ("mesh-receive", self._receive_loop),
            ("mesh-catchup", self._catchup_loop),
        ):
            t = threading.Thread(target=target, name=name, daemon=True)
            t.start()
            self._threads.append(t)
        self._say_hello()
        self._want_catchup.set()
        log.info("mesh started (%d origins held)", len(self._held))
        return self

    @property
    def running(self) -> bool:
        return self._session is not None

    def close(self) -> None:
        self._stop.set()
        self._wake.set()
        self._want_catchup.set()
        self._inbox.put(b"")
        for t in self._threads:
            t.join(timeout=CATCHUP_TIMEOUT + 1)
        self._threads = []
        for h in reversed(self._handles):
            with contextlib.suppress(Exception):
                h.undeclare()
        self._handles = []
        if self._session is not None:
            with contextlib.suppress(Exception):
                self._session.close()
            self._session = None

    def notify(self) -> None:
        """Own records were committed: publish them now (the counter calls this)."""
        self._wake.set()

    # -- what the counter and doctor see -------------------------------------------------
    def live_peers(self) -> tuple[Peer, ...]:
        with self._lock:
            found = [self._names[t] for t in self._alive if t in self._names]
        return tuple(sorted(found, key=lambda p: (p.counter, p.origin)))

    def status(self) -> MeshStatus:
        s = self._stats
        return MeshStatus(
            self.running,
            self.error,
            self.live_peers(),
            s.last_exchange,
            s.received,
            s.sent,
            s.rejected,
            s.replayed,
        )

    # -- publishing ---------------------------------------------------------------------
    def _publish_loop(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(1.0)
            self._wake.clear()
            try:
                self._publish_own()
            except Exception:
                log.exception("mesh publish failed")

    def _publish_own(self) -> None:
        while not self._stop.is_set():
            with self.db.connect() as conn, conn.begin():
                records = peers.after(conn, self.origin, self._last_sent, BATCH)
            if not records:
                return
            self._put(self.keys.records, {"type": "records", "records": records})
            self._last_sent = records[-1]["seq"]
            self._stats.sent += len(records)
            self._stats.last_exchange = self.clock()
            with self._lock:
                for r in records:
                    self._held.setdefault(self.origin, peers.Held()).add(r["seq"])

    def _put(self, topic: str, message: dict[str, Any]) -> None:
        if self._session is not None:
            import zenoh

            # Not to this process's own subscribers: an own record coming back is a replay.
            self._session.put(
                topic, self.keys.seal(message, topic), allowed_destination=zenoh.Locality.REMOTE
            )

    def _say_hello(self) -> None:
        self._put(
            self.keys.hello, {"type": "hello", "origin": self.origin, "counter": self.counter_name}
        )

    # -- receiving ----------------------------------------------------------------------
    def _on_sample(self, sample: Any) -> None:  # a Zenoh thread: hand over, never block
        self._inbox.put(bytes(sample.payload.to_bytes()))

    def _receive_loop(self) -> None:
        while not self._stop.is_set():
            first = self._inbox.get()
            batch = [first]
            while len(batch) < 64:
                try:
                    batch.append(self._inbox.get_nowait())
                except queue.Empty:
                    break
            records: list[dict[str, Any]] = []
            for data in batch:
                if not data:
                    continue
                message = self.keys.open(data, self.keys.records)
                got = self._records_of(message)
                if got is None:
                    self._stats.rejected += 1
                    continue
                records.extend(got)
            if records:
                try:
                    self._ingest(records, live=True)
                except Exception:
                    log.exception("mesh: storing peers' records failed")

    def _records_of(self, message: Mapping[str, Any] | None) -> list[dict[str, Any]] | None:
        if message is None or message.get("type") != "records":
            return None
        records = message.get("records")
        if not isinstance(records, list) or not all(valid_record(r) for r in records):
            return None
        return records

    def _ingest(self, records: list[dict[str, Any]], *, live: bool) -> int:
        """Store the records not held yet; count the others. A live record claiming to be ours
        is a replay (this counter is the only author of its log); in a catch-up answer it is
        ours indeed, from before a restore of the database, and is taken back."""
        now = self.clock()
        fresh: list[dict[str, Any]] = []
        gap = False
        with self._lock:
            for r in records:
                origin = r["origin"]
                if live and origin == self.origin:
                    self._stats.replayed += 1
                    continue
                held = self._held.setdefault(origin, peers.Held())
                if not held.add(r["seq"]):
                    if live:
                        self._stats.replayed += 1
                    continue
                fresh.append(r)
                gap = gap or held.gap
                if r.get("counter") and origin != self.origin:
                    self._names[self.keys.tag(origin)] = Peer(origin, r["counter"])
            if fresh:
                with self.db.connect_writer() as conn, conn.begin():
                    peers.insert_received(conn, fresh, now)
        if fresh:
            self._stats.received += len(fresh)
            self._stats.last_exchange = now
            self._peers_changed()
        if gap and live:
            self._want_catchup.set()  # a record went missing on the way: ask for it
        return len(fresh)

    def _on_hello(self, sample: Any) -> None:
        message = self.keys.open(bytes(sample.payload.to_bytes()), self.keys.hello)
        if message is None or message.get("type") != "hello":
            self._stats.rejected += 1
            return
        origin, counter = message.get("origin"), message.get("counter")
        if not isinstance(origin, str) or not isinstance(counter, str) or origin == self.origin:
            return
        with self._lock:
            self._names[self.keys.tag(origin)] = Peer(origin, counter[:100])
        self._peers_changed()

    def _on_liveliness(self, sample: Any) -> None:
        import zenoh

        tag = str(sample.key_expr).rsplit("/", 1)[-1]
        if tag == self._my_tag:
            return
        joined = sample.kind == zenoh.SampleKind.PUT
        with self._lock:
            if joined:
                self._alive.add(tag)
            else:
                self._alive.discard(tag)
        if joined:
            self._say_hello()  # so the newcomer knows who this is
            self._want_catchup.set()  # it may have said things while we did not listen
        self._peers_changed()

    def _peers_changed(self) -> None:
        if self.on_peers is not None:
            try:
                self.on_peers(len(self.live_peers()))
            except Exception:
                log.exception("mesh: peers callback failed")

    # -- catch-up -----------------------------------------------------------------------
    def _catchup_loop(self) -> None:
        while not self._stop.is_set():
            self._want_catchup.wait(self.catchup_every)
            if self._stop.is_set():
                return
            self._want_catchup.clear()
            time.sleep(0.05)  # let a burst of reasons (several peers joining) make one round
            try:
                self.catch_up()
            except Exception:
                log.exception("mesh catch-up failed")

    def heads(self) -> dict[str, int]:
        with self._lock:
            return {origin: h.head for origin, h in self._held.items()}

    def plan(self) -> dict[str, dict[str, Any]]:
        """Whom to ask for what: each origin's records from one live peer only (the origin
        itself when it is up: it holds its whole log; otherwise one of the others, in turn
        from round to round), and the origins not heard of yet from one of them. Asking
        every peer brought each record once per peer, all but one dropped as duplicates.
        Tag of the peer → the `want` message for it; empty while no peer is known up (a
        peer coming up starts a round)."""
        with self._lock:
            alive = sorted(self._alive)
            heads = {origin: h.head for origin, h in self._held.items()}
        if not alive:
            return {}
        up = set(alive)
        turn = self._round
        self._round += 1
        wants: dict[str, dict[str, Any]] = {}

        def want(tag: str) -> dict[str, Any]:
            return wants.setdefault(tag, {"type": "want", "origin": self.origin, "heads": {}})

        for origin, head in heads.items():
            tag = self.keys.tag(origin)
            if tag not in up:
                tag = alive[(zlib.crc32(origin.encode()) + turn) % len(alive)]
            want(tag)["heads"][origin] = head
        want(alive[turn % len(alive)])["rest"] = sorted(heads)  # and every origin not in it
        return wants

    def catch_up(self, timeout: float = CATCHUP_TIMEOUT) -> int:
        """Ask the live peers (each origin from one of them, see `plan`) for its records after
        the last sequence held without a gap; store them. Returns how many were new."""
        import zenoh

        if self._session is None:
            return 0
        pending = [
            self._session.get(
                f"{self.keys.catchup}/{tag}",
                payload=self.keys.seal(want, self.keys.catchup),
                timeout=timeout,
                consolidation=zenoh.ConsolidationMode.NONE,
            )
            for tag, want in self.plan().items()
        ]
        new = 0
        for replies in pending:  # the queries run side by side; their answers in turn
            for reply in replies:
                if self._stop.is_set():
                    break
                if reply.ok is None:
                    continue
                message = self.keys.open(bytes(reply.ok.payload.to_bytes()), self.keys.catchup)
                records = self._records_of(message)
                if records is None:
                    self._stats.rejected += 1
                    continue
                assert message is not None
                self._skip_purged(records, message.get("floor"))
                new += self._ingest(records, live=False)
        if new:
            log.info("mesh catch-up: %d new records", new)
        return new

    def _skip_purged(self, records: list[dict[str, Any]], floor: Any) -> None:
        """A reply's origin was purged up to `floor` where it came from (older than the
        retention): count those as held, here and after a restart, rather than asking for
        them again at every round. Never past the reply's own first record."""
        if not records or not isinstance(floor, int) or isinstance(floor, bool) or floor < 1:
            return
        origin = records[0]["origin"]
        if any(r["origin"] != origin for r in records):
            return
        upto = min(floor, min(r["seq"] for r in records) - 1)
        with self._lock:
            if not self._held.setdefault(origin, peers.Held()).skip_to(upto):
                return
            with self.db.connect_writer() as conn, conn.begin():
                peers.raise_floors(conn, {origin: upto})

    def _on_query(self, query: Any) -> None:
        payload = query.payload
        message = self.keys.open(bytes(payload.to_bytes()), self.keys.catchup) if payload else None
        heads = message.get("heads") if message and message.get("type") == "want" else None
        if not isinstance(heads, dict):
            self._stats.rejected += 1
            return
        assert message is not None
        rest = message.get("rest")  # also every origin not in this list, from the start
        rest = set(rest) if isinstance(rest, list) else None
        try:
            with self.db.connect() as conn, conn.begin():
                floors = peers.floors(conn)
                for origin in peers.origins(conn):
                    if origin not in heads and (rest is None or origin in rest):
                        continue  # asked of another peer (or held already)
                    since = heads.get(origin, 0)
                    since = since if isinstance(since, int) else 0
                    while True:
                        batch = peers.after(conn, origin, since, BATCH)
                        if not batch:
                            break
                        # "floor": purged here up to it, so an asker below it stops asking.
                        reply: dict[str, Any] = {"type": "records", "records": batch}
                        if floors.get(origin, 0) > since:
                            reply["floor"] = floors[origin]
                        sealed = self.keys.seal(reply, self.keys.catchup)
                        query.reply(query.key_expr, sealed)
                        since = batch[-1]["seq"]
                        if len(batch) < BATCH:
                            break
        except Exception:
            log.exception("mesh: answering a catch-up failed")


def probe(
    db: Database, *, api_key: str, settings: MeshSettings, wait: float = 1.5
) -> tuple[Peer, ...]:
    """Who is on the mesh now, seen from a process that does not run the node (`kiosk doctor`
    beside a running counter): join for a moment without taking the counter's port, show a
    liveliness token of its own so the counters say hello, and read theirs. Raises what
    Zenoh raises."""
    import zenoh

    keys = MeshKeys(api_key)
    with db.connect() as conn, conn.begin():
        me = peers.get_origin(conn) or ""
        known = {s.origin: s.counter for s in peers.summaries(conn, me)}
    names = {keys.tag(o): Peer(o, c or o) for o, c in known.items()}
    # The running counter listens on its endpoints: dial them instead of binding them.
    local = tuple(
        e.replace("0.0.0.0", "127.0.0.1").replace("[::]", "[::1]") for e in settings.listen
    )
    quiet = MeshSettings(
        listen=("tcp/127.0.0.1:0",),
        connect=settings.connect + local,
        multicast=settings.multicast,
    )
    session: Any = zenoh.open(zenoh_config(quiet))
    lock = threading.Lock()

    def hello(sample: Any) -> None:
        message = keys.open(bytes(sample.payload.to_bytes()), keys.hello)
        if message and isinstance(message.get("origin"), str):
            with lock:
                names[keys.tag(message["origin"])] = Peer(
                    message["origin"], str(message.get("counter"))[:100]
                )

    try:
        sub = session.declare_subscriber(keys.hello, hello)
        token = session.liveliness().declare_token(f"{keys.live}/{keys.tag(me + ':doctor')}")
        time.sleep(wait)  # connections, then the counters' hellos
        tags = {
            str(r.ok.key_expr).rsplit("/", 1)[-1]
            for r in session.liveliness().get(f"{keys.live}/*", timeout=wait)
            if r.ok is not None
        }
        token.undeclare()
        sub.undeclare()
    finally:
        session.close()
    own = keys.tag(me)
    with lock:
        found = [names[t] for t in tags if t in names and t != own]
    return tuple(sorted(found, key=lambda p: p.counter))
