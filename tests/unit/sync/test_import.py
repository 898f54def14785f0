"""Importing the pro portal's export: tokens of event bookings become known offline."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.domain.verdict import VerdictKind
from kiosk.sandbox.seed import CONCERT_HALL_VENUE_ID
from kiosk.services.importer import ImportError_, import_file
from kiosk.store import bookings
from tests.fixtures.sandbox import client_for


def _export(sandbox, tmp_path: Path, fmt: str, legacy: bool = False) -> Path:
    params = {"venueId": CONCERT_HALL_VENUE_ID, "format": fmt}
    if legacy:
        params["legacy"] = 1
    with client_for(sandbox) as http:
        r = http.get("/sandbox/pro-export", params=params)
    assert r.status_code == 200
    path = tmp_path / f"export{'-legacy' if legacy else ''}.{fmt}"
    path.write_bytes(r.content)
    return path


@pytest.mark.parametrize(("fmt", "legacy"), [("csv", False), ("xlsx", False), ("csv", True)])
def test_import_after_sync_matches_cached_bookings(make_kiosk, sandbox, tmp_path, fmt, legacy):
    kiosk = make_kiosk()
    kiosk.engine.sync_once(full=True)
    report = import_file(kiosk.services.db, _export(sandbox, tmp_path, fmt, legacy), venue_ids=(2,))
    assert report.tokens > 0 and report.created == 0 and report.matched == report.bookings
    event = next(
        b
        for b in sandbox.bookings(venue_id=CONCERT_HALL_VENUE_ID, status="CONFIRMED")
        if b["isEvent"]
    )
    sandbox.cut_network()
    result = kiosk.counter.check(event["token"])
    assert result.booking is not None and result.booking.id == event["id"]
    assert result.verdict.kind in (VerdictKind.VALIDABLE, VerdictKind.TOO_EARLY)
    assert result.booking.quantity == event["quantity"]


def test_import_before_any_sync_then_reconciled_by_the_pull(make_kiosk, sandbox, tmp_path):
    kiosk = make_kiosk()
    report = import_file(kiosk.services.db, _export(sandbox, tmp_path, "csv"), venue_ids=(2,))
    assert report.created == report.bookings > 0
    kiosk.engine.sync_once(full=True)
    with kiosk.services.db.connect() as conn:
        leftovers = conn.execute(bookings.T.select().where(bookings.T.c.id < 0)).all()
        assert leftovers == []
        some = next(
            b
            for b in sandbox.bookings(venue_id=CONCERT_HALL_VENUE_ID)
            if b["token"] and b["isEvent"]
        )
        assert bookings.by_token(conn, some["token"]).id == some["id"]


def test_the_export_hides_tokens_of_things_to_collect(make_kiosk, sandbox, tmp_path):
    kiosk = make_kiosk()
    with client_for(sandbox) as http:
        r = http.get("/sandbox/pro-export", params={"venueId": 1, "format": "csv"})
    path = tmp_path / "books.csv"
    path.write_bytes(r.content)
    import_file(kiosk.services.db, path, venue_ids=(1,))
    thing = next(b for b in sandbox.bookings(venue_id=1, status="CONFIRMED") if not b["isEvent"])
    sandbox.cut_network()
    assert kiosk.counter.check(thing["token"]).verdict.kind is VerdictKind.UNKNOWN_OFFLINE


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "vide"),
        (b"a;b;c\n1;2;3\n", "colonnes manquantes"),
        (b"\x00\x01binary", "colonnes manquantes"),
    ],
)
def test_bad_files_are_refused_with_a_reason(db, tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(ImportError_) as err:
        import_file(db, path)
    assert message in err.value.message


def test_a_bad_line_refuses_the_whole_file_and_imports_nothing(make_kiosk, sandbox, tmp_path):
    kiosk = make_kiosk()
    good = _export(sandbox, tmp_path, "csv").read_text(encoding="utf-8-sig").splitlines()
    broken = [*good[:4], good[4].replace('"confirmé"', '"perdu"').replace('"validé"', '"perdu"')]
    broken[4] = broken[4].replace('"annulé"', '"perdu"').replace('"remboursé"', '"perdu"')
    path = tmp_path / "broken.csv"
    path.write_text("\n".join(broken + good[5:]), encoding="utf-8")
    with pytest.raises(ImportError_) as err:
        import_file(kiosk.services.db, path)
    assert err.value.message.startswith("Ligne 5 : statut inconnu")
    with kiosk.services.db.connect() as conn:
        assert bookings.count(conn) == 0


def test_missing_file(db, tmp_path):
    with pytest.raises(ImportError_) as err:
        import_file(db, tmp_path / "nope.csv")
    assert "introuvable" in err.value.message
