"""The real pass Culture answers the kiosk had never met, at the counter (online) and through
the sync engine (a validation recorded offline, then pushed): closed structure, reimbursement
in progress, 400 ApiErrors, bodies with keys we do not know, 404 `{}` of a wrong address, and
429 without `Retry-After`.

Everything runs against the real sandbox on loopback; the two answers the sandbox never gives
(a 400 on a token, a body with unknown keys) are scripted by a transport that forwards every
other request to it.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import httpx
import pytest

from kiosk.domain.messages import render
from kiosk.domain.operations import Conflict, OpState
from kiosk.domain.verdict import Family, VerdictKind
from kiosk.sync import api as api_mod
from kiosk.sync.api import ApiClient, _retry_after
from kiosk.sync.conflicts import text_for
from kiosk.sync.errors import KeyRefused, RateLimited, WrongAddress
from kiosk.sync.limiter import Unlimited
from tests.unit.sync.conftest import assert_accounted, sandbox_token

CLOSED = "Vous ne pouvez plus valider de contremarque sur une structure fermée"


class Scripted(httpx.BaseTransport):
    """Answers (method, path regex) with a canned (status, body, headers); forwards the rest."""

    def __init__(self, script: dict[tuple[str, str], tuple[int, Any, dict[str, str]]]):
        self.script = script
        self.real = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        for (method, pattern), (status, body, headers) in self.script.items():
            if request.method == method and re.search(pattern, request.url.path):
                return httpx.Response(status, json=body, headers=headers)
        return self.real.handle_request(request)


def _script(kiosk, sandbox, script) -> None:
    """Point the kiosk's engine (counter lookups, push, pull) at a scripted transport."""
    transport = Scripted(script)
    client = ApiClient(sandbox.url, sandbox.api_key, limiter=Unlimited(), transport=transport)
    engine = kiosk.engine
    engine.client = engine.pusher.client = engine.puller.client = client


def _learn_then_cut(kiosk, sandbox, token: str) -> None:
    assert kiosk.counter.check(token).source == "online"
    sandbox.cut_network()


# -- 1. closed structure ------------------------------------------------------------------
def test_closed_structure_online_is_its_own_verdict(make_kiosk, sandbox):
    kiosk = make_kiosk()
    unknown, known = [b["token"] for b in sandbox.bookings(status="CONFIRMED") if not b["isEvent"]][
        :2
    ]
    assert kiosk.counter.check(known).verdict.kind is VerdictKind.VALIDABLE  # now cached
    sandbox.close_offerer(closed=True)
    checked = kiosk.counter.check(unknown)
    assert checked.source == "online"
    assert checked.verdict.kind is VerdictKind.STRUCTURE_CLOSED  # not TOO_EARLY
    assert checked.verdict.reason == CLOSED  # the server's words
    shown = render(checked.verdict)
    assert shown.title == "STRUCTURE FERMÉE" and CLOSED in shown.message
    assert "support pass Culture" in shown.message
    assert "closed" in render(checked.verdict, "en").message
    # Not cached: validate asks first and records nothing.
    refused = kiosk.counter.validate(unknown)
    assert refused.verdict.kind is VerdictKind.STRUCTURE_CLOSED and refused.op_id is None
    assert kiosk.ops() == []
    # Cached: the use is recorded, refused at once, and undone locally.
    result = kiosk.counter.validate(known)
    assert result.verdict.kind is VerdictKind.STRUCTURE_CLOSED
    assert result.verdict.reason == CLOSED and result.op_state is OpState.CONFLICT
    [op] = kiosk.ops()
    assert op.conflict == Conflict.STRUCTURE_CLOSED and op.last_error == CLOSED
    assert kiosk.booking(known).status.value == "CONFIRMED"
    assert sandbox.booking(known)["status"] == "CONFIRMED"


def test_closed_structure_pushed_later_is_its_own_conflict(make_kiosk, sandbox):
    kiosk = make_kiosk()
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False)
    _learn_then_cut(kiosk, sandbox, b["token"])
    assert kiosk.counter.validate(b["token"]).verdict.kind is VerdictKind.VALIDATED
    sandbox.close_offerer(closed=True)
    sandbox.restore_network()
    summary = kiosk.engine.sync_once()
    assert (summary.pushed, summary.conflicts) == (0, 1)
    [op] = kiosk.ops()
    assert op.state is OpState.CONFLICT and op.conflict == Conflict.STRUCTURE_CLOSED
    assert op.http_status == 403 and op.last_error == CLOSED
    text = text_for(op)
    assert text.title == "Structure fermée"
    assert CLOSED in text.what_happened and "support pass Culture" in text.what_to_do
    assert text_for(op, "en").title == "Structure closed"
    assert kiosk.booking(b["token"]).status.value == "CONFIRMED"
    assert_accounted(kiosk, sandbox)


# -- 2. reimbursement in progress: "Invalider" refused, the booking stays USED -------------
def _validated_then_in_reimbursement(kiosk, sandbox) -> str:
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False)
    assert kiosk.counter.validate(b["token"]).op_state is OpState.DONE
    sandbox.start_reimbursement(b["token"])
    assert sandbox.booking(b["token"])["status"] == "USED"
    return b["token"]


def _says_payment_locked(verdict) -> None:
    assert verdict.kind is VerdictKind.PAYMENT_LOCKED
    assert verdict.family is Family.WARNING and not verdict.can_unvalidate
    shown = render(verdict)
    assert "ne peut plus être annulée" in shown.message and "paiement" in shown.message
    assert "remboursée" not in (shown.title + shown.message).lower()
    assert "can no longer be undone" in render(verdict, "en").message


def test_unvalidate_refused_online_while_payment_is_under_way(make_kiosk, sandbox):
    kiosk = make_kiosk()
    token = _validated_then_in_reimbursement(kiosk, sandbox)
    result = kiosk.counter.unvalidate(token, staff="Marie")
    assert result.op_state is OpState.CONFLICT and result.source == "online"
    _says_payment_locked(result.verdict)
    keep = kiosk.ops()[-1]
    assert keep.conflict == Conflict.PAYMENT_LOCKED
    assert keep.last_error == "This booking has been reimbursed"
    assert kiosk.booking(token).status.value == "USED"  # not REIMBURSED, not CONFIRMED
    assert sandbox.booking(token)["status"] == "USED"


def test_queued_unvalidate_refused_while_payment_is_under_way(make_kiosk, sandbox):
    kiosk = make_kiosk()
    token = _validated_then_in_reimbursement(kiosk, sandbox)
    sandbox.cut_network()
    queued = kiosk.counter.unvalidate(token)
    assert queued.verdict.kind is VerdictKind.UNVALIDATED and queued.op_state is OpState.PENDING
    sandbox.restore_network()
    summary = kiosk.engine.sync_once()
    assert summary.conflicts == 1
    keep = kiosk.ops()[-1]
    assert keep.state is OpState.CONFLICT and keep.conflict == Conflict.PAYMENT_LOCKED
    text = text_for(keep)
    assert "paiement engagé" in text.title
    assert "ne peut plus être annulée" in text.what_happened
    assert "This booking has been reimbursed" in text.what_happened  # the server's words
    assert "remboursé" not in text.title.lower()
    assert kiosk.booking(token).status.value == "USED"
    assert kiosk.counter.check(token, online=False).verdict.kind is VerdictKind.ALREADY_USED


# -- 3. a 400 with the ApiErrors shape -----------------------------------------------------
MALFORMED = {"token": ["La contremarque doit comporter 6 caractères"]}  # ApiErrors shape


def test_400_on_a_token_at_the_counter_is_a_clear_error(make_kiosk, sandbox, caplog):
    kiosk = make_kiosk()
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False)
    _script(kiosk, sandbox, {("GET", "/token/"): (400, MALFORMED, {})})
    with caplog.at_level(logging.WARNING, logger="kiosk.sync.api"):
        checked = kiosk.counter.check(b["token"])
    assert checked.source == "online"
    assert checked.verdict.kind is VerdictKind.SERVER_REFUSED
    assert checked.verdict.reason == "token : La contremarque doit comporter 6 caractères"
    assert checked.verdict.reason in render(checked.verdict).message
    assert "HTTP 400" in caplog.text and "6 caractères" in caplog.text
    result = kiosk.counter.validate(b["token"])  # unknown locally: the server's refusal stands
    assert result.verdict.kind is VerdictKind.SERVER_REFUSED and result.op_id is None
    assert kiosk.ops() == []


def test_400_on_a_pushed_validation_is_a_conflict_with_its_words(make_kiosk, sandbox):
    kiosk = make_kiosk()
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False)
    _learn_then_cut(kiosk, sandbox, b["token"])
    kiosk.counter.validate(b["token"])
    sandbox.restore_network()
    _script(kiosk, sandbox, {("PATCH", "/use/token/"): (400, MALFORMED, {})})
    assert kiosk.engine.sync_once().conflicts == 1
    [op] = kiosk.ops()
    assert op.conflict == Conflict.REFUSED and op.http_status == 400
    assert op.last_error == "token : La contremarque doit comporter 6 caractères"
    assert op.last_error in text_for(op).what_happened
    assert kiosk.booking(b["token"]).status.value == "CONFIRMED"


def test_400_in_the_pull_is_reported_and_not_retried_in_a_loop(
    make_kiosk, sandbox, monkeypatch, caplog
):
    kiosk = make_kiosk()
    monkeypatch.setattr(api_mod, "PAGE_LIMIT", 500)  # the real server refuses limit > 50
    with caplog.at_level(logging.WARNING, logger="kiosk.sync"):
        summary = kiosk.engine.sync_once()
    assert summary.error is not None
    assert "HTTP 400" in summary.error
    assert "limit : ensure this value is less than or equal to 50" in summary.error
    assert kiosk.engine.status().last_error == summary.error
    assert "less than or equal to 50" in caplog.text
    kiosk.engine.tick()  # the schedule asks again later, not at once
    asked = kiosk.engine.client.requests
    for _ in range(3):
        kiosk.engine.tick()
    assert kiosk.engine.client.requests == asked
    monkeypatch.setattr(api_mod, "PAGE_LIMIT", 50)
    assert kiosk.engine.sync_once().error is None
    assert kiosk.engine.status().last_error is None


# -- 4. keys we do not know: verbatim --------------------------------------------------------
ODD = {"offer": ["Cette offre a été désactivée"], "stock": "épuisé"}
ODD_WORDS = "offer : Cette offre a été désactivée | stock : épuisé"


def test_unknown_keys_at_the_counter_are_shown_verbatim(make_kiosk, sandbox, caplog):
    kiosk = make_kiosk()
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False)
    _script(kiosk, sandbox, {("GET", "/token/"): (410, ODD, {})})
    with caplog.at_level(logging.WARNING, logger="kiosk.sync.api"):
        checked = kiosk.counter.check(b["token"])
    assert checked.verdict.kind is VerdictKind.SERVER_REFUSED  # not "already used"
    assert checked.verdict.reason == ODD_WORDS
    assert ODD_WORDS in render(checked.verdict).message
    assert "Cette offre a été désactivée" in caplog.text


def test_unknown_keys_on_a_pushed_validation_are_kept_verbatim(make_kiosk, sandbox):
    kiosk = make_kiosk()
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False)
    _learn_then_cut(kiosk, sandbox, b["token"])
    kiosk.counter.validate(b["token"])
    sandbox.restore_network()
    _script(kiosk, sandbox, {("PATCH", "/use/token/"): (409, ODD, {})})
    assert kiosk.engine.sync_once().conflicts == 1
    [op] = kiosk.ops()
    assert (op.conflict, op.http_status, op.last_error) == (Conflict.REFUSED, 409, ODD_WORDS)
    assert ODD_WORDS in text_for(op).what_happened
    assert ODD_WORDS in text_for(op, "en").what_happened


# -- 5. 404 `{}`: a wrong server address, not a refused key, not a booking ------------------
@pytest.mark.parametrize("key", ["sandbox", "not-a-key"])
def test_404_empty_on_the_api_root_is_a_wrong_address(sandbox, key):
    client = ApiClient(sandbox.url + "/api", sandbox.api_key if key == "sandbox" else key)
    try:
        with pytest.raises(WrongAddress) as caught:
            client.offerer_venues()
    finally:
        client.close()
    assert "adresse du serveur" in caught.value.message
    assert "address" in caught.value.text("en")


def test_a_wrong_address_never_turns_a_validation_into_a_conflict(make_kiosk, sandbox):
    kiosk = make_kiosk(api_url=sandbox.url + "/api")
    b = sandbox_token(sandbox, status="CONFIRMED", isEvent=False)
    recorded = kiosk.counter.validate(b["token"], unverified=True)
    assert recorded.verdict.kind is VerdictKind.TO_CONFIRM
    summary = kiosk.engine.sync_once()
    assert summary.conflicts == 0 and "adresse" in (summary.error or "")
    [op] = kiosk.ops()
    assert op.state is OpState.PENDING and not op.ambiguous


# -- 6. 429 without Retry-After: one minute ---------------------------------------------------
def test_429_without_retry_after_waits_a_minute(sandbox):
    body = {
        "global": ["Nombre de tentatives de connexion dépassé, veuillez réessayer dans une minute"]
    }
    client = ApiClient(
        sandbox.url, sandbox.api_key, transport=Scripted({("GET", "/token/"): (429, body, {})})
    )
    try:
        with pytest.raises(RateLimited) as caught:
            client.get_booking("ABC234", quick=True)
        assert caught.value.retry_after == 60.0
        assert 59.0 < client.limiter.wait_time() <= 60.0
    finally:
        client.close()


@pytest.mark.parametrize(
    ("header", "seconds"),
    [(None, 60.0), ("12", 12.0), ("nan", 60.0), ("inf", 60.0), ("-5", 60.0), ("soon", 60.0)],
)
def test_retry_after_header(header, seconds):
    assert _retry_after(header) == seconds


# -- the mapping itself ----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("status", "body", "kind", "verdict", "conflict"),
    [
        (403, {"booking": [CLOSED]}, "use", "structure_closed", "structure_closed"),
        (403, {"payment": "This booking has been reimbursed"}, "keep", "payment_locked",
         "payment_locked"),
        (403, {"payment": "This booking has already been reimbursed"}, "use", "reimbursed",
         "reimbursed"),
        (403, {"booking": "Vous pourrez valider cette contremarque à partir du 01/04/2026 à "
         "19:00, une fois le délai d’annulation passé."}, "use", "too_early", "too_early"),
        (403, {"booking": "Une phrase jamais vue"}, "use", "server_refused", "refused"),
        (410, {"booking": "This booking has already been validated"}, "use", "already_used",
         "used_elsewhere"),
        (410, {"offer": "gone"}, "use", "server_refused", "refused"),
        (404, {"global": "This countermark cannot be found"}, "use", "unknown", "not_found"),
        (404, {"venue": ["inconnu"]}, "use", "server_refused", "refused"),
        (400, {"limit": ["ensure this value is less than or equal to 50"]}, "use",
         "server_refused", "refused"),
    ],
)  # fmt: skip
def test_classify(status, body, kind, verdict, conflict):
    from kiosk.domain.operations import OpKind
    from kiosk.sync.conflicts import classify
    from kiosk.sync.errors import HttpRefusal

    got_verdict, got_conflict = classify(HttpRefusal(status, body), OpKind(kind))
    assert (got_verdict.kind.value, got_conflict.value) == (verdict, conflict)
    if verdict == "server_refused":
        assert got_verdict.reason == HttpRefusal(status, body).words()


def test_403_with_unknown_keys_keeps_the_server_words(sandbox):
    body = {"offerer": ["Votre structure est en cours de validation"]}
    client = ApiClient(
        sandbox.url,
        sandbox.api_key,
        transport=Scripted({("GET", "offerer_venues"): (403, body, {})}),
    )
    try:
        with pytest.raises(KeyRefused) as caught:
            client.offerer_venues()
    finally:
        client.close()
    assert "offerer : Votre structure est en cours de validation" in caught.value.message


# -- TROP TÔT answered online keeps its date (issue 14) ---------------------------------------
def test_too_early_answered_online_says_its_date(make_kiosk, sandbox):
    kiosk = make_kiosk()
    early = [
        b["token"] for b in sandbox.bookings(status="CONFIRMED") if b["isEvent"] and b["token"]
    ]
    for token in early:  # unknown locally: the verdict is the server's 403 sentence
        checked = kiosk.counter.check(token)
        if checked.verdict.kind is VerdictKind.TOO_EARLY:
            break
    else:
        pytest.fail("no booking still inside its cancellation window in the sandbox")
    assert checked.source == "online"
    said = re.search(r"\d{2}/\d{2}/\d{4} à \d{2}:\d{2}", checked.verdict.reason or "")
    assert said, checked.verdict.reason
    shown = render(checked.verdict)
    assert said.group(0) in shown.message  # the server's date, not "à partir du , une fois"
    assert "du ," not in shown.message
    assert said.group(0).split(" à ")[0] in render(checked.verdict, "en").message


def test_too_early_conflict_keeps_its_date():
    from kiosk.sync.conflicts import too_early

    message = (
        "Vous pourrez valider cette contremarque à partir du 01/04/2026 à 19:00, une fois le "
        "délai d’annulation passé."
    )
    shown = render(too_early(message))
    assert "à partir du 01/04/2026 à 19:00, une fois" in shown.message
    vague = render(too_early("Vous pourrez valider plus tard."))
    assert vague.title == "TROP TÔT" and "du ," not in vague.message
