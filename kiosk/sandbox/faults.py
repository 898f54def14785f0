"""Fault injection settings for ``/public/...`` requests.

Besides latency, 500s, drops after commit and refused connections, answers themselves can be
damaged (successful answers with a body only): malformed JSON, a body cut short, an oversized
body, values of the wrong type, or a body trickled slower than any client timeout.
"""

from __future__ import annotations

import json
import random
import threading
from dataclasses import asdict, dataclass
from typing import Any


@dataclass(frozen=True)
class FaultSettings:
    latency_ms: int = 0
    error_rate: float = 0.0
    drop_after_commit: float = 0.0
    refuse_connections: bool = False
    malformed_rate: float = 0.0
    truncate_rate: float = 0.0
    oversize_rate: float = 0.0
    wrong_types_rate: float = 0.0
    slow_rate: float = 0.0
    slow_ms: int = 30_000  # how long a slow answer takes to trickle out

    def to_json(self) -> dict[str, Any]:
        raw = asdict(self)
        return {_JSON_NAMES[k]: v for k, v in raw.items()}

    @property
    def damages_bodies(self) -> bool:
        return any(getattr(self, f) > 0 for f in BODY_FAULTS)


BODY_FAULTS = ("malformed_rate", "truncate_rate", "oversize_rate", "wrong_types_rate", "slow_rate")
_JSON_NAMES = {
    "latency_ms": "latencyMs",
    "error_rate": "errorRate",
    "drop_after_commit": "dropAfterCommit",
    "refuse_connections": "refuseConnections",
    "malformed_rate": "malformedRate",
    "truncate_rate": "truncateRate",
    "oversize_rate": "oversizeRate",
    "wrong_types_rate": "wrongTypesRate",
    "slow_rate": "slowRate",
    "slow_ms": "slowMs",
}
_RATES = ("errorRate", "dropAfterCommit", "malformedRate", "truncateRate", "oversizeRate")


def parse_fault_payload(payload: dict[str, Any], current: FaultSettings) -> FaultSettings:
    """Merge a ``POST /sandbox/faults`` body into the current settings (ValueError if bad)."""
    known = {*_JSON_NAMES.values(), "refuseForSeconds", "seed"}
    unknown = set(payload) - known
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    values = {k: payload.get(j, getattr(current, k)) for k, j in _JSON_NAMES.items()}
    for key in ("latency_ms", "slow_ms"):
        v = values[key]
        if not isinstance(v, int | float) or isinstance(v, bool) or v < 0:
            raise ValueError(f"{_JSON_NAMES[key]} must be a number >= 0")
        values[key] = int(v)
    for key, name in _JSON_NAMES.items():
        if name in (*_RATES, "wrongTypesRate", "slowRate"):
            v = values[key]
            if not isinstance(v, int | float) or isinstance(v, bool) or not 0 <= v <= 1:
                raise ValueError(f"{name} must be a number between 0 and 1")
            values[key] = float(v)
    if not isinstance(values["refuse_connections"], bool):
        raise ValueError("refuseConnections must be a boolean")
    return FaultSettings(**values)


class FaultState:
    """Current settings plus the (seedable) random source that decides each request."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.settings = FaultSettings()
        self._rng = random.Random(0)

    def update(self, settings: FaultSettings, seed: int | None = None) -> None:
        with self._lock:
            self.settings = settings
            if seed is not None:
                self._rng = random.Random(seed)

    def reset(self) -> None:
        self.update(FaultSettings(), seed=0)

    def draw(self, rate: float) -> bool:
        if rate <= 0:
            return False
        with self._lock:
            return self._rng.random() < rate

    def body_fault(self) -> str | None:
        """Which damage (if any) this answer gets: the first fault whose draw hits."""
        settings = self.settings
        for name in BODY_FAULTS:
            if self.draw(getattr(settings, name)):
                return name.removesuffix("_rate")
        return None

    def child_rng(self) -> random.Random:
        with self._lock:
            return random.Random(self._rng.random())


OVERSIZE_BYTES = 6_000_000  # above the kiosk's 5 MB limit


def damage(kind: str, body: bytes, rng: random.Random) -> bytes:
    """A successful answer's body, damaged as `kind` says (see FaultSettings)."""
    if kind == "malformed":
        return rng.choice(
            [
                b"<html><body>502 Bad Gateway</body></html>",
                b'{"bookings": [1, 2,,]}',
                b"\xff\xfe\x00garbage\x00",
                b"[" * 100_000 + b"]" * 100_000,  # nesting deeper than any parser allows
                b'{"id": NaN, "status": "USED"',
                b"",
            ]
        )
    if kind == "truncate":
        return body[: rng.randrange(0, max(1, len(body)))]
    if kind == "oversize":
        try:
            value = json.loads(body)
        except ValueError:
            value = None
        return json.dumps({"padding": "x" * OVERSIZE_BYTES, "data": value}).encode()
    if kind == "wrong_types":
        try:
            value = json.loads(body)
        except ValueError:
            return body
        return json.dumps(_retype(value, rng, force=True)).encode()
    return body


def _retype(value: Any, rng: random.Random, force: bool = False) -> Any:
    """Change the type of some values, recursively (always at least one at the top)."""
    if isinstance(value, dict):
        keys = list(value)
        forced = rng.choice(keys) if force and keys else None
        return {
            k: _swap(v, rng) if k == forced or rng.random() < 0.2 else _retype(v, rng)
            for k, v in value.items()
        }
    if isinstance(value, list):
        if force and not value:
            return {"unexpected": True}
        forced_i = rng.randrange(len(value)) if force and value else -1
        return [_retype(v, rng, force=i == forced_i) for i, v in enumerate(value)]
    return _swap(value, rng) if force else value


def _swap(value: Any, rng: random.Random) -> Any:
    if isinstance(value, bool):
        return "true" if value else 0
    if isinstance(value, int | float):
        return rng.choice([str(value), None, [value], True])
    if isinstance(value, str):
        return rng.choice([123, None, {"value": value}, False])
    if isinstance(value, list):
        return rng.choice([{}, "list", None])
    if isinstance(value, dict):
        return rng.choice([[], "object", 7])
    return rng.choice(["null", 0, []])
