"""The manager's report on real data: a counter synced with the sandbox on loopback, every
reconciliation case set up through /sandbox/*, the pro export imported."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

import pytest
from openpyxl import load_workbook

from kiosk.services import report
from kiosk.services.importer import import_file
from kiosk.store import bookings, models
from kiosk.store import report as sql
from tests.unit.services.report_world import REIMBURSED_ON, build_world, period_around_now
from tests.unit.sync.conftest import make_kiosk  # noqa: F401 - the fixture


@pytest.fixture
def world(make_kiosk, sandbox, tmp_path):  # noqa: F811
    return build_world(make_kiosk, sandbox, tmp_path)


def _build(world, **kw):
    first, last = period_around_now()
    db = world.kiosk.services.db
    return report.build(
        db, report.Period(first, last), now=datetime.now(UTC), venue_ids=(1, 2), **kw
    )


def test_every_reconciliation_case_with_what_to_do(world):
    k = world.kiosk
    with k.services.db.connect() as conn:
        b = bookings.by_token(conn, world.tokens["reimbursed"])
        assert b is not None and b.status.value == "REIMBURSED"
        row = conn.execute(bookings.T.select().where(bookings.T.c.id == b.id)).one()
        assert row.reimbursed_source == "pull"  # the API list carries no date
    rep = import_file(k.services.db, world.export, venue_ids=(1,))
    assert rep.matched == rep.bookings
    r = _build(world)
    by_case = {c.case: c for c in r.cases}
    assert set(by_case) == {"reimbursed", "awaiting", "cancelled", "unknown", "unsent", "elsewhere"}
    counts = {c.case: c.count for c in r.cases}
    assert {k: v for k, v in counts.items() if k != "elsewhere"} == dict.fromkeys(
        ("reimbursed", "awaiting", "cancelled", "unknown", "unsent"), 1
    )
    here = {op.token for op in k.ops()}
    elsewhere = [ln for ln in r.lines if ln.case == "elsewhere"]
    assert world.tokens["elsewhere"] in {ln.token for ln in elsewhere}
    assert len(elsewhere) == counts["elsewhere"]  # the seed's reimbursed bookings too
    for ln in elsewhere:
        assert ln.token not in here
        assert ln.token is None or world.sandbox.booking(ln.token)["status"] == "REIMBURSED"
    lines = {ln.case: ln for ln in r.lines if ln.case != "elsewhere"}
    lines["elsewhere"] = next(ln for ln in elsewhere if ln.token == world.tokens["elsewhere"])
    assert {ln.token for ln in lines.values()} == {
        world.tokens[c]
        for c in ("reimbursed", "awaiting", "cancelled", "unknown", "unsent", "elsewhere")
    }
    # the export's date is the reimbursement date, in the counter's timezone
    paid = lines["reimbursed"]
    assert paid.reimbursed_at == REIMBURSED_ON
    local = REIMBURSED_ON.astimezone(r.zone).strftime("%d/%m/%Y")
    assert paid.action == f"Rien à faire : remboursée le {local}."
    assert "En attente depuis 0 jour(s)" in lines["awaiting"].action
    assert "ne sera pas remboursée" in lines["cancelled"].action
    assert "Contremarque inconnue" in lines["unknown"].action
    assert "ligne par ligne" in by_case["unknown"].action  # the summary sends to the lines
    assert "synchronisation" in lines["unsent"].action
    assert "Validée ailleurs" in lines["elsewhere"].action
    assert lines["elsewhere"].staff is None
    # the invalidated one is counted, not reconciled
    assert world.tokens["invalidated"] not in {ln.token for ln in r.lines}
    assert r.total.invalidations == 1
    # amounts are price × quantity, from the server's data
    for case in ("reimbursed", "awaiting"):
        sb = world.bookings[case]
        assert lines[case].amount_cents == sb["price"] * sb["quantity"]


def test_english_and_sums_per_dimension(world):
    r = _build(world, lang="en")
    assert {c.title for c in r.cases} >= {"Validated here and reimbursed"}
    staff = {ln.label: ln for ln in r.tables["staff"]}
    # A validation counts while it stands; invalidated or refused ones are counted as such.
    # Alice: reimbursed, unsent (+ one invalidated); Bob: awaiting (+ cancelled and unknown,
    # both refused by pass Culture: conflicts)
    assert (staff["Alice"].validations, staff["Alice"].invalidations) == (2, 1)
    assert (staff["Bob"].validations, staff["Bob"].conflicts) == (1, 2)
    assert r.total.validations == 3 and r.total.conflicts == 2
    assert sum(ln.validations for ln in r.tables["venue"]) == 3
    assert sum(ln.validations for ln in r.tables["category"]) == 3
    assert sum(ln.amount_cents for ln in r.tables["offer"]) == r.total.amount_cents
    assert sum(n for _, n in r.per_day) == 3
    assert "Livres" in {label for label, _ in r.amount_per_category}


def test_no_names_by_default_and_only_within_retention(world):
    r = _build(world)
    assert all(ln.youth is None for ln in r.lines)
    assert not any("Bénéficiaire" in h for _, h, _ in report.sections(r))
    named = _build(world, names=True)
    assert any(ln.youth for ln in named.lines)
    first = datetime.now(UTC).date() - timedelta(days=40)
    with pytest.raises(report.ReportError) as err:
        report.build(
            world.kiosk.services.db,
            report.Period(first, first + timedelta(days=45)),
            now=datetime.now(UTC),
            names=True,
            retention_days=30,
        )
    assert "derniers jours" in err.value.text() and "last 30 days" in err.value.text("en")


def test_csv_has_bom_semicolons_and_neutralised_formulas(world):
    k = world.kiosk
    evil = '=HYPERLINK("http://x";"clic")'
    with k.services.db.connect_writer() as conn, conn.begin():
        conn.execute(bookings.T.update().values(offer_name=evil))
    data = report.to_csv(_build(world))
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    cells = [c for r in rows for c in r]
    assert "'" + evil in cells and evil not in cells
    assert not any(c.startswith(("=", "+", "@")) for c in cells)
    assert not any(c.startswith("-") and not c[1:].replace(",", "").isdigit() for c in cells)
    assert ["Libellé", "Validations", "Places", "Montant (€)", "Invalidations", "Conflits"] in rows


@pytest.mark.parametrize("start", ["=1+1", "+33", "-2", "@SUM(A1)", "plain"])
def test_neutralise(start):
    out = report.neutralise(start)
    assert out == (start if start == "plain" else "'" + start)
    assert report.neutralise(-2) == -2  # numbers stay numbers


def test_xlsx_reads_back(world, tmp_path):
    with world.kiosk.services.db.connect_writer() as conn, conn.begin():
        conn.execute(bookings.T.update().values(offer_name="@evil"))
        conn.execute(models.table(models.Offer).update().values(name="@evil"))
    path = tmp_path / "bilan.xlsx"
    built = _build(world)
    path.write_bytes(report.to_xlsx(built))
    wb = load_workbook(path)
    assert "Par membre du personnel" in wb.sheetnames
    staff = wb["Par membre du personnel"]
    rows = list(staff.iter_rows(values_only=True))
    assert rows[0][:4] == ("Libellé", "Validations", "Places", "Montant (€)")
    assert {r[0] for r in rows[1:]} == {"Alice", "Bob"}
    assert all(isinstance(r[3], float | int) for r in rows[1:])
    offers = [r[0] for r in wb["Par offre"].iter_rows(values_only=True)]
    assert "'@evil" in offers and "@evil" not in offers
    lines = list(wb["Détail du rapprochement"].iter_rows(values_only=True))
    assert len(lines) == 1 + sum(c.count for c in built.cases) and lines[0][-1] == "À faire"
    assert {r[2] for r in lines[1:]} >= {built.lines[0].token}


def test_reports_use_indexes_and_never_sort_the_period(world):
    first, last = period_around_now()
    with world.kiosk.services.db.connect() as conn:
        plans = sql.query_plans(
            conn,
            datetime.combine(first, datetime.min.time(), UTC),
            datetime.combine(last, datetime.min.time(), UTC),
        )
    text = "\n".join(f"{k}: {v}" for k, v in plans.items())
    # the period's validations stream through the index in its order: no sort of their rows
    assert "SCAN booking USING COVERING INDEX ix_booking_report" in plans["standing"], text
    assert plans["standing"].index("SCAN g") < plans["standing"].index(
        "USE TEMP B-TREE FOR GROUP BY"
    ), text  # only the small materialised groups are sorted
    assert any("COVERING INDEX ix_outbox_period" in p for p in plans["other_ops"]), text
    assert any("COVERING INDEX ix_booking_status_used" in p for p in plans["days"]), text
    assert "ix_booking_status_reimbursed_at" in "".join(plans["elsewhere"]), text
    for name in ("lines_standing", "lines_ops", "lines_elsewhere"):  # stop at their LIMIT
        assert not any("ORDER BY" in p for p in plans[name]), text


def test_an_export_imported_before_any_sync_keeps_its_reimbursement_date(
    make_kiosk,  # noqa: F811
    sandbox,
    tmp_path,
):
    import httpx

    from tests.fixtures.sandbox import client_for

    paid_on = REIMBURSED_ON
    thing = next(b for b in sandbox.bookings(venue_id=1, status="CONFIRMED") if not b["isEvent"])
    with client_for(sandbox) as http:
        assert http.patch(f"/public/bookings/v1/use/token/{thing['token']}").status_code == 204
        r = http.post(
            f"/sandbox/bookings/{thing['token']}/reimburse", json={"date": paid_on.isoformat()}
        )
        assert r.status_code == 200 and r.json()["status"] == "REIMBURSED"
        bad = http.post(f"/sandbox/bookings/{thing['token']}/reimburse", json={"date": "hier"})
        assert bad.status_code in (400, 422)
        export = http.get("/sandbox/pro-export", params={"venueId": 1, "format": "xlsx"})
    assert isinstance(export, httpx.Response)
    path = tmp_path / "export.xlsx"
    path.write_bytes(export.content)
    kiosk = make_kiosk()
    import_file(kiosk.services.db, path, venue_ids=(1,))  # stand-ins: nothing synced yet
    kiosk.engine.sync_once(full=True)  # the real bookings arrive, REIMBURSED without a date
    with kiosk.services.db.connect() as conn:
        row = conn.execute(bookings.T.select().where(bookings.T.c.id == thing["id"])).one()
    assert (row.reimbursed_at, row.reimbursed_source) == (paid_on, "import")
    assert row.token == thing["token"]


def test_a_validation_reverted_on_the_web_guichet_is_unknown_there(world):
    from tests.fixtures.sandbox import client_for

    token = world.tokens["awaiting"]
    with client_for(world.sandbox) as http:  # someone invalidated it on the pro portal
        assert http.patch(f"/public/bookings/v1/keep/token/{token}").status_code == 204
    world.kiosk.engine.sync_once(full=True)
    r = _build(world)
    unknown = {ln.token: ln for ln in r.lines if ln.case == "unknown"}
    assert set(unknown) == {"ZZZZZ2", token}
    assert "statut CONFIRMED" in unknown[token].action
    awaiting = {ln.token for ln in r.lines if ln.case == "awaiting"}
    assert token not in awaiting and world.tokens["unsent"] in awaiting  # sent by this sync
