"""GET/PATCH /public/bookings/v1/.../token/{token}: statuses, rules and exact error bodies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import httpx

from kiosk.sandbox import SandboxServer
from tests.fixtures.sandbox import client_for
from tests.unit.sandbox.helpers import find_booking, too_early_booking, validatable_event_booking

NOT_FOUND = {"global": "This countermark cannot be found"}


def test_get_confirmed_thing_is_case_insensitive(
    sandbox: SandboxServer, sandbox_client: httpx.Client
) -> None:
    booking = find_booking(sandbox, status="CONFIRMED", subcategoryId="LIVRE_PAPIER")
    response = sandbox_client.get(f"/public/bookings/v1/token/{booking['token'].lower()}")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == booking["id"]
    assert body["confirmationDate"] is None
    assert body["offerEan"] and len(body["offerEan"]) == 13
    assert "token" not in body


def test_unknown_token_is_404(sandbox_client: httpx.Client) -> None:
    response = sandbox_client.get("/public/bookings/v1/token/ZZZZZZ")
    assert response.status_code == 404
    assert response.json() == NOT_FOUND
    for verb in ("use", "keep", "cancel"):
        response = sandbox_client.patch(f"/public/bookings/v1/{verb}/token/ZZZZZZ")
        assert (response.status_code, response.json()) == (404, NOT_FOUND)


def test_other_offerers_booking_is_404(sandbox: SandboxServer) -> None:
    theirs = sandbox.bookings(offerer_id=2)[0]
    with client_for(sandbox) as client:
        response = client.get(f"/public/bookings/v1/token/{theirs['token']}")
        assert (response.status_code, response.json()) == (404, NOT_FOUND)
        response = client.patch(f"/public/bookings/v1/use/token/{theirs['token']}")
        assert response.status_code == 404
    with client_for(sandbox, sandbox.other_api_key) as other:
        assert other.get(f"/public/bookings/v1/token/{theirs['token']}").status_code in (
            200,
            403,
            410,
        )


def test_status_errors_in_check_order(sandbox: SandboxServer, sandbox_client: httpx.Client) -> None:
    expected = {
        "REIMBURSED": (403, {"payment": "This booking has already been reimbursed"}),
        "USED": (410, {"booking": "This booking has already been validated"}),
        "CANCELLED": (410, {"booking": "This booking has been cancelled"}),
    }
    for status, (code, body) in expected.items():
        token = find_booking(sandbox, status=status)["token"]
        for method, verb in (("GET", "token"), ("PATCH", "use/token")):
            response = sandbox_client.request(method, f"/public/bookings/v1/{verb}/{token}")
            assert (response.status_code, response.json()) == (code, body), status


def test_use_then_keep_round_trip(sandbox: SandboxServer, sandbox_client: httpx.Client) -> None:
    booking = find_booking(sandbox, status="CONFIRMED", subcategoryId="LIVRE_PAPIER")
    token = booking["token"]
    response = sandbox_client.patch(f"/public/bookings/v1/use/token/{token}")
    assert response.status_code == 204 and response.content == b""
    used = sandbox.booking(token)
    assert used is not None and used["status"] == "USED" and used["dateUsed"]
    assert used["validationAuthorType"] == "OFFERER"
    again = sandbox_client.patch(f"/public/bookings/v1/use/token/{token}")
    assert again.status_code == 410
    assert again.json() == {"booking": "This booking has already been validated"}
    assert sandbox_client.patch(f"/public/bookings/v1/keep/token/{token}").status_code == 204
    kept = sandbox.booking(token)
    assert kept is not None and kept["status"] == "CONFIRMED" and kept["dateUsed"] is None


def test_keep_errors(sandbox: SandboxServer, sandbox_client: httpx.Client) -> None:
    cases = [
        (
            {"status": "CONFIRMED", "isEvent": False},
            403,
            {"booking": "This booking has not been used"},
        ),
        ({"status": "CANCELLED"}, 410, {"booking": "This booking has been cancelled"}),
        (
            {"status": "REIMBURSED", "hasActivationCode": False},
            403,
            {"payment": "This booking has been reimbursed"},
        ),
        (
            {"hasActivationCode": True},
            403,
            {"booking": "This booking has validation codes, and cannot be marked as unused"},
        ),
    ]
    for criteria, code, body in cases:
        token = find_booking(sandbox, **criteria)["token"]
        response = sandbox_client.patch(f"/public/bookings/v1/keep/token/{token}")
        assert (response.status_code, response.json()) == (code, body), criteria


def test_cancel_rules(sandbox: SandboxServer, sandbox_client: httpx.Client) -> None:
    cases = [
        ({"status": "CANCELLED"}, 410, {"booking": "This booking has already been cancelled"}),
        ({"status": "REIMBURSED"}, 403, {"payment": "This booking has been reimbursed"}),
        ({"status": "USED"}, 410, {"booking": "This booking has been validated"}),
    ]
    for criteria, code, body in cases:
        token = find_booking(sandbox, **criteria)["token"]
        response = sandbox_client.patch(f"/public/bookings/v1/cancel/token/{token}")
        assert (response.status_code, response.json()) == (code, body), criteria
    confirmed_event = validatable_event_booking(sandbox)["token"]
    response = sandbox_client.patch(f"/public/bookings/v1/cancel/token/{confirmed_event}")
    assert response.status_code == 403
    assert response.json() == {"booking": "This booking cannot be cancelled anymore"}
    thing = find_booking(sandbox, status="CONFIRMED", subcategoryId="LIVRE_PAPIER")
    response = sandbox_client.patch(f"/public/bookings/v1/cancel/token/{thing['token']}")
    assert response.status_code == 204
    cancelled = sandbox.booking(thing["token"])
    assert cancelled is not None and cancelled["status"] == "CANCELLED"
    assert cancelled["cancellationReason"] == "OFFERER"
    cancellable_event = too_early_booking(sandbox)["token"]
    assert (
        sandbox_client.patch(f"/public/bookings/v1/cancel/token/{cancellable_event}").status_code
        == 204
    )


def _expected_too_early(limit: str, zone: str) -> dict[str, str]:
    local = datetime.fromisoformat(limit).astimezone(ZoneInfo(zone))
    return {
        "booking": "Vous pourrez valider cette contremarque à partir du "
        f"{local:%d/%m/%Y à %H:%M}, une fois le délai d’annulation passé."
    }


def test_event_inside_cancellation_window_is_403_with_local_date(
    sandbox: SandboxServer, sandbox_client: httpx.Client
) -> None:
    booking = too_early_booking(sandbox, department="13")
    for method, verb in (("GET", "token"), ("PATCH", "use/token")):
        response = sandbox_client.request(method, f"/public/bookings/v1/{verb}/{booking['token']}")
        assert response.status_code == 403
        assert response.json() == _expected_too_early(booking["confirmationDate"], "Europe/Paris")


def test_too_early_message_uses_overseas_timezone(sandbox: SandboxServer) -> None:
    reunion_event = next(
        b for b in sandbox.bookings() if b["isEvent"] and b["offerDepartmentCode"] == "974"
    )
    start = datetime.fromisoformat(reunion_event["beginningDatetime"])
    created = sandbox.create_booking(
        stockId=reunion_event["stockId"], creationDate=(start - timedelta(days=5)).isoformat()
    )
    sandbox.set_now(start - timedelta(days=4, hours=12))
    with client_for(sandbox) as client:
        response = client.get(f"/public/bookings/v1/token/{created['token']}")
    assert response.status_code == 403
    assert response.json() == _expected_too_early(created["confirmationDate"], "Indian/Reunion")
    utc_text = datetime.fromisoformat(created["confirmationDate"]).astimezone(UTC)
    assert f"{utc_text:%H:%M}" not in response.json()["booking"]


def test_moving_the_clock_ends_the_48h_window(
    sandbox: SandboxServer, sandbox_client: httpx.Client
) -> None:
    booking = too_early_booking(sandbox)
    url = f"/public/bookings/v1/token/{booking['token']}"
    assert sandbox_client.get(url).status_code == 403
    response = sandbox_client.post(
        "/sandbox/clock", json={"now": booking["confirmationDate"], "frozen": True}
    )
    assert response.status_code == 200
    assert sandbox_client.get(url).status_code == 200
    assert (
        sandbox_client.patch(f"/public/bookings/v1/use/token/{booking['token']}").status_code == 204
    )
    date_header = sandbox_client.get("/sandbox/clock").headers["date"]
    assert date_header.endswith("GMT")
    assert str(datetime.fromisoformat(booking["confirmationDate"]).year) in date_header


def test_tonights_concert_has_many_validatable_bookings(
    sandbox: SandboxServer, sandbox_client: httpx.Client
) -> None:
    now = sandbox.now()
    by_offer: dict[int, list[dict[str, object]]] = {}
    for booking in sandbox.bookings(status="CONFIRMED"):
        begin = booking["beginningDatetime"]
        if begin and now < datetime.fromisoformat(begin) < now + timedelta(hours=30):
            by_offer.setdefault(booking["offerId"], []).append(booking)
    tonight = max(by_offer.values(), key=len)
    assert len(tonight) >= 30
    for booking in tonight[:5]:
        token = booking["token"]
        assert sandbox_client.patch(f"/public/bookings/v1/use/token/{token}").status_code == 204
