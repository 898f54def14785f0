"""Parse what a scanner (keyboard wedge or camera) or a person typed into a booking token.

Accepted (case-insensitive, surrounding whitespace and control characters ignored):

- ``PASSCULTURE:v3;TOKEN:XXXXXX`` (current QR code of the youth app);
- ``PASSCULTURE:v2;[EAN13:<isbn>;]TOKEN:XXXXXX``;
- ``PASSCULTURE:v1;TOKEN:XXXXXX;EMAIL:…;OFFERID:…;OFFERNAME:…;…;[EAN13:…;]`` (free text fields);
- ``PASSCULTURE:v<n>;…;TOKEN:XXXXXX;…`` for an unknown future version (form ``OTHER``);
- a bare 6-character token (``ABC123``, also ``abc 123``);
- the pro Guichet's rule as a last resort: the text after the last ``:`` (form ``OTHER``).

Scanner decorations are removed: an AIM symbology identifier (``]Q1``, ``]Q3``, ``]d2``…), AIM ECI
designators (``\\000026``, with the ECI protocol's doubled backslashes), STX/ETX and other control
characters, CR/LF/TAB terminators. A keyboard-wedge scanner whose layout does not match the host
(``PQSSCULTUREMv"mTOKENMQBC&é"``) is repaired with :mod:`kiosk.domain.layouts`.

Pure Python: no Qt, no I/O. :func:`parse_payload` never raises.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import Enum, StrEnum
from typing import Final

from kiosk.domain.layouts import (
    FR_DIGITS_LAYOUT,
    FR_TO_US_LAYOUT,
    US_TO_FR_CAPS_LAYOUT,
    US_TO_FR_LAYOUT,
    repair,
)
from kiosk.domain.texts import say
from kiosk.domain.tokens import TOKEN_LENGTH, is_generated_token, is_token, normalize_token

MAX_INPUT_LENGTH: Final = 1000
"""Longer input is rejected at once (a v1 payload with long offer names stays far below)."""

MAX_RAW_KEPT: Final = 200
"""``ParsedScan.raw`` is cut to this many characters (storage, display)."""


class PayloadForm(StrEnum):
    V3 = "v3"
    V2 = "v2"
    V1 = "v1"
    BARE = "bare"
    OTHER = "other"
    """Unknown ``PASSCULTURE:vN`` version, or the Guichet's "after the last ':'" rule."""


class ScanRejection(Enum):
    """Why a scan or an input is not a usable token. ``.message`` is shown to staff (French)."""

    EMPTY = "Aucun code lu : scannez ou saisissez une contremarque."
    TOO_LONG = "Ce code est beaucoup trop long pour être une contremarque pass Culture."
    URL = "Ce code est un lien, pas une contremarque pass Culture."
    PRODUCT_BARCODE = "Ce code-barres est celui d'un produit (EAN), pas une contremarque."
    EXTERNAL_TICKET = (
        "Ce code est un billet d'une autre billetterie (cinéma, spectacle…), "
        "pas une contremarque pass Culture."
    )
    MALFORMED_PASS_CULTURE = "Ce QR code pass Culture ne contient pas de contremarque lisible."
    TOKEN_TOO_SHORT = "La contremarque est trop courte : elle fait 6 caractères."
    TOKEN_TOO_LONG = "La contremarque ne peut pas faire plus de 6 caractères"
    INVALID_CHARACTERS = "Caractères valides : de A à Z et de 0 à 9"
    NOT_PASS_CULTURE = "Ce code n'est pas une contremarque pass Culture"

    @property
    def msg_id(self) -> str:
        """The sentence's id in kiosk.domain.texts (French and English)."""
        return f"scan.{self.name.lower()}"

    @property
    def message(self) -> str:
        return self.text("fr")

    def text(self, lang: str = "fr") -> str:
        return say(self.msg_id, lang)


@dataclass(frozen=True)
class ParsedScan:
    raw: str
    """As received, cut to ``MAX_RAW_KEPT`` characters."""
    candidates: tuple[str, ...]
    """Upper-case tokens, most likely first; empty when rejected."""
    form: PayloadForm | None
    layout: str | None
    """Keyboard-layout repair that was needed (``"us->fr"``…), else None."""
    ean13: str | None
    reason: str | None
    """French reason when rejected, None when ok."""
    rejection: ScanRejection | None = None

    @property
    def ok(self) -> bool:
        return bool(self.candidates)

    @property
    def token(self) -> str | None:
        return self.candidates[0] if self.candidates else None


# --- cleaning -------------------------------------------------------------------------------

_AIM_RE: Final = re.compile(r"\][A-Za-z][0-9A-Za-z]")
# AIM modifiers saying the ECI protocol is on (QR ]Q2/4/6, Data Matrix ]d4/5/6, Aztec ]z3/4/5).
_AIM_WITH_ECI: Final = frozenset({"Q2", "Q4", "Q6", "d4", "d5", "d6", "z3", "z4", "z5"})
_ECI_DESIGNATOR_RE: Final = re.compile(r"\\\d{6}")
_ECI_ESCAPE_RE: Final = re.compile(r"\\(\\|\d{6})")


def _clean(text: str) -> str:
    """Drop control/format characters anywhere (STX, ETX, CR, LF, TAB, NUL, BOM…), then strip."""
    kept = [c for c in text if unicodedata.category(c) not in ("Cc", "Cf")]
    return "".join(kept).strip()


def _strip_scanner_prefixes(text: str) -> str:
    """Remove an AIM symbology identifier and decode AIM ECI escapes."""
    eci = False
    if _AIM_RE.match(text):
        eci = text[1:3] in _AIM_WITH_ECI
        text = text[3:].lstrip()
    if _ECI_DESIGNATOR_RE.match(text):
        eci = True
    if eci:
        text = _ECI_ESCAPE_RE.sub(lambda m: "\\" if m.group(1) == "\\" else "", text).strip()
    return text


# --- PASSCULTURE payloads -------------------------------------------------------------------

_SIGNATURE: Final = "PASSCULTURE"
_MAX_PREFIX_BEFORE_SIGNATURE: Final = 16  # e.g. a scanner's own code-ID character(s)
_HEADER_RE: Final = re.compile(r"PASSCULTURE:V(\d{1,3});")
_TOKEN_FIELD_RE: Final = re.compile(r"(?:^|;)TOKEN:([^;]*)")
_V2_EAN_RE: Final = re.compile(r"EAN13:([^;]*);")
_V1_EAN_RE: Final = re.compile(r";EAN13:([0-9X-]*);?\s*$")
_FORMS: Final = {1: PayloadForm.V1, 2: PayloadForm.V2, 3: PayloadForm.V3}


@dataclass(frozen=True)
class _Outcome:
    token: str | None
    form: PayloadForm | None
    ean13: str | None
    rejection: ScanRejection | None


def _parse_pass_culture(text: str) -> _Outcome | None:
    """None when ``text`` carries no ``PASSCULTURE`` signature near its start."""
    upper = text.upper()
    start = upper.find(_SIGNATURE, 0, _MAX_PREFIX_BEFORE_SIGNATURE + len(_SIGNATURE))
    if start < 0:
        return None
    header = _HEADER_RE.match(upper, start)
    if header is None:
        return _Outcome(None, None, None, ScanRejection.MALFORMED_PASS_CULTURE)
    version = int(header.group(1))
    rest = upper[header.end() :]
    form = _FORMS.get(version, PayloadForm.OTHER)
    field = _TOKEN_FIELD_RE.search(rest)
    if field is None:
        return _Outcome(None, form, None, ScanRejection.MALFORMED_PASS_CULTURE)
    value = "".join(field.group(1).split())
    ean13: str | None = None
    if form is PayloadForm.V2:
        ean = _V2_EAN_RE.match(rest)
        ean13 = ean.group(1).strip() if ean else None
    elif form is PayloadForm.V1:
        ean = _V1_EAN_RE.search(rest)
        ean13 = ean.group(1).strip() if ean else None
    if not is_token(value):
        return _Outcome(None, form, ean13, _token_shape_rejection(value))
    return _Outcome(value, form, ean13 or None, None)


# --- rejections -----------------------------------------------------------------------------

_URL_RE: Final = re.compile(r"(?:[A-Z][A-Z0-9+.-]{1,30}://|WWW\.|HTTPS?:)", re.IGNORECASE)
_ALNUM_RE: Final = re.compile(r"[A-Z0-9]+")


def _token_shape_rejection(value: str) -> ScanRejection:
    """Reason for a would-be token (already upper case, no whitespace) that is not one."""
    if not value:
        return ScanRejection.MALFORMED_PASS_CULTURE
    if _ALNUM_RE.fullmatch(value) is None:
        return ScanRejection.INVALID_CHARACTERS
    if len(value) < TOKEN_LENGTH:
        return ScanRejection.TOKEN_TOO_SHORT
    return ScanRejection.TOKEN_TOO_LONG


def _ean_checksum_ok(digits: str) -> bool:
    """GTIN check digit (EAN-8, UPC-A, EAN-13): weights 3,1,… from the right, before the check."""
    body, check = digits[:-1], int(digits[-1])
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(body)))
    return (10 - total % 10) % 10 == check


def _isbn10_ok(code: str) -> bool:
    if len(code) != 10 or not code[:9].isdigit() or not (code[9].isdigit() or code[9] == "X"):
        return False
    values = [int(c) for c in code[:9]] + [10 if code[9] == "X" else int(code[9])]
    return sum((10 - i) * v for i, v in enumerate(values)) % 11 == 0


def _numeric_rejection(compact: str) -> ScanRejection | None:
    """Product barcodes (EAN/UPC/ISBN) and long numbers (other ticketing systems)."""
    code = compact.replace("-", "")
    if _isbn10_ok(code):
        return ScanRejection.PRODUCT_BARCODE
    if not (code.isascii() and code.isdigit()):
        return None
    if len(code) == 13 and (code.startswith(("978", "979")) or _ean_checksum_ok(code)):
        return ScanRejection.PRODUCT_BARCODE
    if len(code) in (8, 12) and _ean_checksum_ok(code):
        return ScanRejection.PRODUCT_BARCODE
    if len(code) >= 10:
        return ScanRejection.EXTERNAL_TICKET
    return None


def _classify_rejection(readings: list[tuple[str | None, str]]) -> ScanRejection:
    """Best reason for input that gave no token. ``readings[0]`` is the raw (cleaned) reading."""
    compacts = ["".join(_strip_scanner_prefixes(text).split()).upper() for _, text in readings]
    raw = compacts[0]
    numeric = _numeric_rejection(raw)
    if numeric is not None:
        return numeric
    tail = raw.rsplit(":", 1)[-1]
    if _ALNUM_RE.fullmatch(tail) is None:
        # A repaired reading made of A-Z0-9 explains the odd characters: judge its length.
        for compact in compacts[1:]:
            if _ALNUM_RE.fullmatch(compact) and len(compact) < 10:
                return _token_shape_rejection(compact)
        if len(tail) <= 2 * TOKEN_LENGTH:
            return ScanRejection.INVALID_CHARACTERS
        digits = sum(c.isdigit() for c in raw)
        if len(raw) >= 16 and digits >= 8:
            return ScanRejection.EXTERNAL_TICKET
        return ScanRejection.NOT_PASS_CULTURE
    if len(tail) < 10:
        return _token_shape_rejection(tail)
    if any(c.isdigit() for c in tail):
        return ScanRejection.EXTERNAL_TICKET
    return ScanRejection.NOT_PASS_CULTURE


# --- entry point ----------------------------------------------------------------------------

_SCANNER_ORDER: Final = (US_TO_FR_LAYOUT, US_TO_FR_CAPS_LAYOUT, FR_TO_US_LAYOUT, FR_DIGITS_LAYOUT)
# Lower-case letters only: more likely a person on AZERTY who forgot Shift for the digits.
_HUMAN_ORDER: Final = (FR_DIGITS_LAYOUT, US_TO_FR_LAYOUT, US_TO_FR_CAPS_LAYOUT, FR_TO_US_LAYOUT)


def _keep_raw(raw: str) -> str:
    return raw if len(raw) <= MAX_RAW_KEPT else raw[: MAX_RAW_KEPT - 1] + "…"


def _rejected(raw: str, rejection: ScanRejection) -> ParsedScan:
    return ParsedScan(_keep_raw(raw), (), None, None, None, rejection.message, rejection)


def _bare_candidates(readings: list[tuple[str | None, str]]) -> list[tuple[str, str | None]]:
    found: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    for layout, text in readings:
        token = normalize_token(_strip_scanner_prefixes(text))
        if is_token(token) and token not in seen:
            seen.add(token)
            found.append((token, layout))
    # Stable: keeps "raw first, then repairs" inside each group.
    found.sort(key=lambda item: not is_generated_token(item[0]))
    return found


def _parse(raw: str) -> ParsedScan:
    if len(raw) > MAX_INPUT_LENGTH:
        return _rejected(raw, ScanRejection.TOO_LONG)
    cleaned = _clean(raw)
    if not cleaned:
        return _rejected(raw, ScanRejection.EMPTY)

    letters = [c for c in cleaned if c.isalpha()]
    human = bool(letters) and all(c.islower() for c in letters)
    order = _HUMAN_ORDER if human else _SCANNER_ORDER
    readings: list[tuple[str | None, str]] = [(None, cleaned)]
    readings += repair(cleaned, order)

    # 0. A link (checked first: "https://passculture.app/…" carries the signature).
    if any(_URL_RE.match(_strip_scanner_prefixes(text)) for _, text in readings):
        return _rejected(raw, ScanRejection.URL)

    # 1. A PASSCULTURE payload, as is or once the keyboard layout is repaired. Nobody types a
    # whole payload by hand, so the "fr-digits" (person without Shift) reading is not tried.
    failure: _Outcome | None = None
    for layout, text in readings:
        if layout == FR_DIGITS_LAYOUT:
            continue
        outcome = _parse_pass_culture(_strip_scanner_prefixes(text))
        if outcome is None:
            continue
        if outcome.token is not None:
            return ParsedScan(
                _keep_raw(raw), (outcome.token,), outcome.form, layout, outcome.ean13, None
            )
        failure = failure or outcome
        if outcome.form is not None:
            break  # the header was read right: the layout is fine, the token itself is bad
    if failure is not None and failure.rejection is not None:
        return _rejected(raw, failure.rejection)

    # 2. A bare token: the raw reading first, then repairs; generated alphabet preferred.
    bare = _bare_candidates(readings)
    if bare:
        tokens = tuple(token for token, _ in bare)
        return ParsedScan(_keep_raw(raw), tokens, PayloadForm.BARE, bare[0][1], None, None)

    # 3. The pro Guichet's rule: keep the text after the last ':'.
    body = _strip_scanner_prefixes(cleaned)
    if ":" in body and not _URL_RE.match(body):
        tail = normalize_token(body.rsplit(":", 1)[1])
        if is_token(tail):
            return ParsedScan(_keep_raw(raw), (tail,), PayloadForm.OTHER, None, None, None)

    return _rejected(raw, _classify_rejection(readings))


def parse_payload(raw: str) -> ParsedScan:
    """Turn scanned or typed text into token candidates, or a French reason. Never raises."""
    try:
        if isinstance(raw, bytes | bytearray | memoryview):
            raw = bytes(raw).decode("utf-8", errors="replace")
        if not isinstance(raw, str):
            return _rejected("", ScanRejection.NOT_PASS_CULTURE)
        return _parse(raw)
    except Exception:  # pragma: no cover - safety net, the property tests call _parse directly
        text = raw if isinstance(raw, str) else ""
        return _rejected(text, ScanRejection.NOT_PASS_CULTURE)
