"""A counter process for the mesh tests and benchmark: the real wiring (`open_services`, as
`kiosk run` builds it) driven by JSON lines on stdin, one JSON answer per line on stdout.

    python -m tests.e2e.mesh_counter DATA_DIR   (the API key in KIOSK_API_KEY)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import text

from kiosk.domain.messages import render
from kiosk.platform.config import load
from kiosk.services.wiring import Services, open_services, start_mesh
from kiosk.store import outbox


def _result(r: Any) -> dict[str, Any]:
    v = r.verdict
    shown = render(v)
    return {
        "kind": v.kind.value,
        "title": shown.title,
        "message": shown.message,
        "counter": v.used_counter,
        "unconfirmed": v.unconfirmed,
        "booking_id": r.booking.id if r.booking else None,
        "op_id": r.op_id,
    }


def handle(services: Services, cmd: dict[str, Any]) -> Any:
    name = cmd["cmd"]
    counter = services.counter
    if name == "sync":
        assert services.engine is not None
        return services.engine.sync_once(full=bool(cmd.get("full"))).as_dict()
    if name == "check":
        return _result(counter.check(cmd["code"], online=cmd.get("online", True)))
    if name == "validate":
        return _result(counter.validate(cmd["code"], staff=cmd.get("staff")))
    if name == "status":
        mesh = services.mesh
        if mesh is None:
            return {"running": False}
        s = mesh.status()
        return {
            "running": s.running,
            "error": s.error,
            "peers": [p.counter for p in s.peers],
            "received": s.received,
            "sent": s.sent,
            "rejected": s.rejected,
            "replayed": s.replayed,
        }
    if name == "mesh_off":
        if services.mesh is not None:
            services.mesh.close()
            services.mesh = None
        return True
    if name == "mesh_on":
        services.mesh = start_mesh(
            services.config, services.db, counter, services.client, services.clock
        )
        return True
    if name == "records":
        with services.db.connect() as conn:
            per_origin = dict(
                conn.execute(text("SELECT origin, count(*) FROM peer_record GROUP BY origin")).all()
            )
            doubled = conn.execute(
                text(
                    "SELECT count(*) FROM (SELECT op_id FROM peer_record WHERE kind = 'op' "
                    "GROUP BY op_id HAVING count(*) > 1)"
                )
            ).scalar_one()
        return {"per_origin": per_origin, "doubled": doubled}
    if name == "record":  # one operation's record as held here, with when it was stored
        with services.db.connect() as conn:
            row = conn.execute(
                text(
                    "SELECT origin, seq, at, received_at FROM peer_record "
                    "WHERE kind = 'op' AND op_id = :op_id"
                ),
                {"op_id": cmd["op_id"]},
            ).first()
        return dict(row._mapping) if row is not None else None
    if name == "ops":
        with services.db.connect() as conn:
            ops = outbox.all_ops(conn)
        return [
            {"token": o.token, "kind": o.kind.value, "state": o.state.value, "conflict": o.conflict}
            for o in ops
        ]
    raise ValueError(name)


def main(argv: list[str]) -> int:
    services = open_services(load(Path(argv[1])))
    print(json.dumps({"ready": services.config.counter_name}), flush=True)
    try:
        for line in sys.stdin:
            cmd = json.loads(line)
            if cmd["cmd"] == "quit":
                break
            try:
                out = {"ok": handle(services, cmd)}
            except Exception as exc:  # the test reads it
                out = {"error": repr(exc)}
            print(json.dumps(out, default=str), flush=True)
    finally:
        services.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
