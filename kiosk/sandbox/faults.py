"""Fault injection settings for ``/public/...`` requests."""

from __future__ import annotations

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

    def to_json(self) -> dict[str, Any]:
        raw = asdict(self)
        return {
            "latencyMs": raw["latency_ms"],
            "errorRate": raw["error_rate"],
            "dropAfterCommit": raw["drop_after_commit"],
            "refuseConnections": raw["refuse_connections"],
        }


def parse_fault_payload(payload: dict[str, Any], current: FaultSettings) -> FaultSettings:
    """Merge a ``POST /sandbox/faults`` body into the current settings (ValueError if bad)."""
    known = {
        "latencyMs",
        "errorRate",
        "dropAfterCommit",
        "refuseConnections",
        "refuseForSeconds",
        "seed",
    }
    unknown = set(payload) - known
    if unknown:
        raise ValueError(f"unknown fields: {sorted(unknown)}")
    latency = payload.get("latencyMs", current.latency_ms)
    error_rate = payload.get("errorRate", current.error_rate)
    drop = payload.get("dropAfterCommit", current.drop_after_commit)
    refuse = payload.get("refuseConnections", current.refuse_connections)
    if not isinstance(latency, int | float) or isinstance(latency, bool) or latency < 0:
        raise ValueError("latencyMs must be a number >= 0")
    for name, value in (("errorRate", error_rate), ("dropAfterCommit", drop)):
        if not isinstance(value, int | float) or isinstance(value, bool) or not 0 <= value <= 1:
            raise ValueError(f"{name} must be a number between 0 and 1")
    if not isinstance(refuse, bool):
        raise ValueError("refuseConnections must be a boolean")
    return FaultSettings(int(latency), float(error_rate), float(drop), refuse)


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
