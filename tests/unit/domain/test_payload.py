"""Payload parsing: every accepted form, every rejection, and property tests."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.domain import payload as payload_module
from kiosk.domain.layouts import FR_TO_US_LAYOUT, US_TO_FR_CAPS_LAYOUT, US_TO_FR_LAYOUT, garble
from kiosk.domain.payload import (
    MAX_RAW_KEPT,
    ParsedScan,
    PayloadForm,
    ScanRejection,
    parse_payload,
)
from kiosk.domain.tokens import GENERATED_ALPHABET, is_token, normalize_token

V1 = (
    "PASSCULTURE:v1;TOKEN:ABC234;EMAIL:jeune@example.com;OFFERID:AE4Q;"
    "OFFERNAME:Concert : Orelsan; tournée;TOKEN:ZZZZZZ;VENUE:Le Zénith;TYPE:EVT;PRICE:12.5;QTY:2;"
    "FORMULA:PLACE;DATETIME:2019-10-12T20:00:00Z;"
)

ACCEPTED: list[tuple[str, str, tuple[str, ...], PayloadForm, str | None, str | None]] = [
    # (id, raw, candidates, form, layout, ean13)
    ("v3", "PASSCULTURE:v3;TOKEN:ABC123", ("ABC123",), PayloadForm.V3, None, None),
    ("v3-lower", "passculture:v3;token:abc123", ("ABC123",), PayloadForm.V3, None, None),
    (
        "v3-trailing-semicolon",
        "PASSCULTURE:v3;TOKEN:ABC123;",
        ("ABC123",),
        PayloadForm.V3,
        None,
        None,
    ),
    ("v3-crlf", "PASSCULTURE:v3;TOKEN:ABC123\r\n", ("ABC123",), PayloadForm.V3, None, None),
    ("v3-stx-etx", "\x02PASSCULTURE:v3;TOKEN:ABC123\x03", ("ABC123",), PayloadForm.V3, None, None),
    (
        "v3-nul-tab",
        "\x00\tPASSCULTURE:v3;TOKEN:ABC123\t\x00",
        ("ABC123",),
        PayloadForm.V3,
        None,
        None,
    ),
    ("v3-aim-q1", "]Q1PASSCULTURE:v3;TOKEN:ABC123", ("ABC123",), PayloadForm.V3, None, None),
    ("v3-aim-q3", "]Q3PASSCULTURE:v3;TOKEN:ABC123", ("ABC123",), PayloadForm.V3, None, None),
    ("v3-aim-d2", "]d2PASSCULTURE:v3;TOKEN:ABC123", ("ABC123",), PayloadForm.V3, None, None),
    ("v3-eci", "\\000026PASSCULTURE:v3;TOKEN:ABC123", ("ABC123",), PayloadForm.V3, None, None),
    (
        "v3-aim-eci",
        "]Q2\\000026PASSCULTURE:v3;TOKEN:ABC123",
        ("ABC123",),
        PayloadForm.V3,
        None,
        None,
    ),
    ("v3-code-id", "QPASSCULTURE:v3;TOKEN:ABC123", ("ABC123",), PayloadForm.V3, None, None),
    (
        "v2-ean",
        "PASSCULTURE:v2;EAN13:9782070368228;TOKEN:XYZ234",
        ("XYZ234",),
        PayloadForm.V2,
        None,
        "9782070368228",
    ),
    ("v2-no-ean", "PASSCULTURE:v2;TOKEN:XYZ234", ("XYZ234",), PayloadForm.V2, None, None),
    ("v1", V1, ("ABC234",), PayloadForm.V1, None, None),
    (
        "v1-ean",
        V1 + "EAN13:9782070368228;",
        ("ABC234",),
        PayloadForm.V1,
        None,
        "9782070368228",
    ),
    ("v4-future", "PASSCULTURE:v4;TOKEN:ABC123;X:Y", ("ABC123",), PayloadForm.OTHER, None, None),
    ("bare", "ABC123", ("ABC123",), PayloadForm.BARE, None, None),
    ("bare-lower-spaces", "  abc 123\n", ("ABC123",), PayloadForm.BARE, None, None),
    ("bare-digits", "234567", ("234567",), PayloadForm.BARE, None, None),
    ("bare-outside-alphabet", "T0K3N1", ("T0K3N1",), PayloadForm.BARE, None, None),
    ("bare-aim", "]Q1ABC123", ("ABC123",), PayloadForm.BARE, None, None),
    ("guichet-rule", "CODE:ABC123", ("ABC123",), PayloadForm.OTHER, None, None),
    (
        "us-fr",
        'PQSSCULTUREMv"mTOKENMQBC&é"',
        ("ABC123",),
        PayloadForm.V3,
        US_TO_FR_LAYOUT,
        None,
    ),
    (
        "us-fr-caps",
        'pqssculturemV"Mtokenmqbc&É"',
        ("ABC123",),
        PayloadForm.V3,
        US_TO_FR_CAPS_LAYOUT,
        None,
    ),
    (
        "fr-us",
        "PQSSCULTURE.v#,TOKEN.QBC!@#",
        ("ABC123",),
        PayloadForm.V3,
        FR_TO_US_LAYOUT,
        None,
    ),
    ("bare-us-fr", 'QBC&é"', ("ABC123", "QBC123"), PayloadForm.BARE, US_TO_FR_LAYOUT, None),
    ("bare-no-shift", 'abc&é"', ("ABC123", "QBC123"), PayloadForm.BARE, "fr-digits", None),
    ("bare-ambiguous", "QBCDEF", ("QBCDEF", "ABCDEF"), PayloadForm.BARE, None, None),
    ("bare-fr-us", "QBC!@#", ("ABC123",), PayloadForm.BARE, FR_TO_US_LAYOUT, None),
]


@pytest.mark.parametrize(
    ("raw", "candidates", "form", "layout", "ean13"),
    [case[1:] for case in ACCEPTED],
    ids=[case[0] for case in ACCEPTED],
)
def test_accepted(
    raw: str,
    candidates: tuple[str, ...],
    form: PayloadForm,
    layout: str | None,
    ean13: str | None,
) -> None:
    scan = parse_payload(raw)
    assert scan.ok
    assert scan.candidates == candidates
    assert scan.token == candidates[0]
    assert scan.form is form
    assert scan.layout == layout
    assert scan.ean13 == ean13
    assert scan.reason is None
    assert scan.rejection is None
    assert scan.raw == raw[: MAX_RAW_KEPT - 1] + "…" if len(raw) > MAX_RAW_KEPT else raw


REJECTED: list[tuple[str, str, ScanRejection]] = [
    ("empty", "", ScanRejection.EMPTY),
    ("blank", " \r\n\t\x00\x02\x03", ScanRejection.EMPTY),
    ("url", "https://passculture.app/offre/123", ScanRejection.URL),
    ("url-www", "www.example.com/ABC123", ScanRejection.URL),
    ("url-deeplink", "passculture://offre?id=12", ScanRejection.URL),
    ("url-garbled", "httpsM!!passculture:app", ScanRejection.URL),
    ("isbn-13", "9782070368228", ScanRejection.PRODUCT_BARCODE),
    ("isbn-hyphens", "978-2-07-036822-8", ScanRejection.PRODUCT_BARCODE),
    ("isbn-10", "207036822X", ScanRejection.PRODUCT_BARCODE),
    ("ean-13-food", "3017620422003", ScanRejection.PRODUCT_BARCODE),
    ("ean-8", "96385074", ScanRejection.PRODUCT_BARCODE),
    ("upc-a", "036000291452", ScanRejection.PRODUCT_BARCODE),
    ("cinema-numeric", "123456789012345678", ScanRejection.EXTERNAL_TICKET),
    ("cinema-alnum", "CGR20241012A1B2C3D4", ScanRejection.EXTERNAL_TICKET),
    ("ticket-fields", "EVT|2024-10-12|SALLE 3|RANG F|12345678", ScanRejection.EXTERNAL_TICKET),
    ("junk-10kb", "x" * 10_000, ScanRejection.TOO_LONG),
    ("too-short", "ABC12", ScanRejection.TOKEN_TOO_SHORT),
    ("too-long", "ABC1234", ScanRejection.TOKEN_TOO_LONG),
    ("invalid-chars", "AB#123", ScanRejection.INVALID_CHARACTERS),
    ("invalid-accent", "ABCDÉ1", ScanRejection.INVALID_CHARACTERS),
    ("v3-short-token", "PASSCULTURE:v3;TOKEN:AB12", ScanRejection.TOKEN_TOO_SHORT),
    ("v3-long-token", "PASSCULTURE:v3;TOKEN:ABC12345", ScanRejection.TOKEN_TOO_LONG),
    ("v3-bad-token", "PASSCULTURE:v3;TOKEN:AB-123", ScanRejection.INVALID_CHARACTERS),
    ("v3-no-token", "PASSCULTURE:v3;TICKET:ABC123", ScanRejection.MALFORMED_PASS_CULTURE),
    ("signature-only", "PASSCULTURE", ScanRejection.MALFORMED_PASS_CULTURE),
    ("prose", "Bonjour, voici mon billet pour ce soir", ScanRejection.NOT_PASS_CULTURE),
    ("letters-long", "ABCDEFGHIJKLMNOP", ScanRejection.NOT_PASS_CULTURE),
]


@pytest.mark.parametrize(
    ("raw", "rejection"), [case[1:] for case in REJECTED], ids=[case[0] for case in REJECTED]
)
def test_rejected(raw: str, rejection: ScanRejection) -> None:
    scan = parse_payload(raw)
    assert not scan.ok
    assert scan.candidates == ()
    assert scan.token is None
    assert scan.form is None
    assert scan.rejection is rejection
    assert scan.reason == rejection.message
    assert len(scan.raw) <= MAX_RAW_KEPT


def test_rejection_messages_are_distinct_and_french() -> None:
    messages = [r.message for r in ScanRejection]
    assert len(set(messages)) == len(messages)
    assert ScanRejection.INVALID_CHARACTERS.message == "Caractères valides : de A à Z et de 0 à 9"
    assert (
        ScanRejection.NOT_PASS_CULTURE.message == "Ce code n'est pas une contremarque pass Culture"
    )


def test_huge_input_is_rejected_fast() -> None:
    started = time.perf_counter()
    for junk in ("A" * 1_000_000, "PASSCULTURE:v3;" * 50_000, "é" * 999, ":" * 999):
        assert not parse_payload(junk).ok
    assert time.perf_counter() - started < 0.5


def test_raw_is_truncated_for_storage() -> None:
    scan = parse_payload("PASSCULTURE:v1;TOKEN:ABC234;OFFERNAME:" + "x" * 500 + ";")
    assert scan.ok
    assert len(scan.raw) == MAX_RAW_KEPT


def test_bytes_and_non_str_do_not_raise() -> None:
    assert parse_payload(b"PASSCULTURE:v3;TOKEN:ABC123").token == "ABC123"  # type: ignore[arg-type]
    assert not parse_payload(b"\xff\xfe\x00").ok  # type: ignore[arg-type]
    assert not parse_payload(None).ok  # type: ignore[arg-type]


# --- properties -----------------------------------------------------------------------------

tokens = st.text(alphabet=GENERATED_ALPHABET, min_size=6, max_size=6)
free_text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60)
isbn = st.from_regex(r"97[89][0-9]{10}", fullmatch=True)
decorations = st.text(alphabet=" \t\r\n\x00\x02\x03\x04", max_size=3)
aim = st.sampled_from(["", "]Q1", "]Q3", "]d2", "]Q0", "]z0"])


@st.composite
def payloads(draw: st.DrawFn, token: str) -> tuple[str, bool]:
    """A payload carrying ``token``; the flag says whether it has a PASSCULTURE prefix."""
    form = draw(st.sampled_from(["v3", "v2", "v2-ean", "v1", "v1-full", "bare"]))
    if form == "v3":
        text = f"PASSCULTURE:v3;TOKEN:{token}"
    elif form == "v2":
        text = f"PASSCULTURE:v2;TOKEN:{token}"
    elif form == "v2-ean":
        text = f"PASSCULTURE:v2;EAN13:{draw(isbn)};TOKEN:{token}"
    elif form in ("v1", "v1-full"):
        text = (
            f"PASSCULTURE:v1;TOKEN:{token};EMAIL:{draw(free_text)};OFFERID:{draw(free_text)};"
            f"OFFERNAME:{draw(free_text)};VENUE:{draw(free_text)};"
            f"TYPE:{draw(st.sampled_from(['EVT', 'BIEN']))};PRICE:{draw(free_text)};QTY:1;"
        )
        if form == "v1-full":
            text += f"FORMULA:PLACE;DATETIME:2019-10-12T20:00:00Z;EAN13:{draw(isbn)};"
    else:
        text = token
    if draw(st.booleans()):
        text = text.lower()
    return text, form != "bare"


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=1500))
def test_never_raises_on_text(text: str) -> None:
    scan = payload_module._parse(text)  # no safety net: the parser itself must not raise
    assert isinstance(scan, ParsedScan)
    assert scan.ok == (scan.reason is None)
    assert all(is_token(c) for c in scan.candidates)
    assert len(scan.raw) <= MAX_RAW_KEPT


@settings(max_examples=200)
@given(data=st.binary(max_size=2000))
def test_never_raises_on_binaryish(data: bytes) -> None:
    scan = payload_module._parse(data.decode("latin-1"))
    assert scan.ok == (scan.reason is None)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(token=tokens, data=st.data())
def test_every_form_round_trips(token: str, data: st.DataObject) -> None:
    text, _prefixed = data.draw(payloads(token))
    raw = data.draw(decorations) + data.draw(aim) + text + data.draw(decorations)
    scan = payload_module._parse(raw)
    assert scan.token == token, scan
    assert scan.layout is None


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(
    token=tokens,
    data=st.data(),
    layout=st.sampled_from([US_TO_FR_LAYOUT, US_TO_FR_CAPS_LAYOUT, FR_TO_US_LAYOUT]),
)
def test_every_form_round_trips_through_layout_garbling(
    token: str, data: st.DataObject, layout: str
) -> None:
    text, prefixed = data.draw(payloads(token))
    # An AZERTY scanner cannot type ']' without AltGr, so no AIM prefix in that direction.
    prefix = data.draw(aim) if layout != FR_TO_US_LAYOUT else ""
    garbled = garble(prefix + text, layout)
    raw = data.draw(decorations) + garbled + data.draw(decorations)
    scan = payload_module._parse(raw)
    assert scan.ok, (raw, scan)
    if prefixed:
        assert scan.token == token, (raw, scan)
    else:
        assert token in scan.candidates, (raw, scan)


@given(token=tokens)
def test_normalize_token(token: str) -> None:
    assert normalize_token(f" {token.lower()[:3]} {token.lower()[3:]}\n") == token
