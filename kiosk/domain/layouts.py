"""Keyboard-layout garbling of keyboard-wedge scanners, and its repair.

A HID scanner sends key *positions*; the host turns them into characters with its own layout.
A scanner set to US on a French AZERTY host turns ``PASSCULTURE:v3;TOKEN:ABC123`` into
``PQSSCULTUREMv"mTOKENMQBC&é"``. The table below is the exact US → French (``fr``) mapping
computed with libxkbcommon (see ``docs/qt-stack-notes.md`` §10); Belgian (``be``) gives the same
result for the payload alphabet.

Layout names (``repair`` returns them, ``garble`` takes them):

- ``"us->fr"``: US scanner, French AZERTY host.
- ``"us->fr+caps"``: the same with Caps Lock on (every cased character flips case).
- ``"fr->us"``: AZERTY scanner, US host (the exact inverse mapping).
- ``"fr-digits"``: a person typing on AZERTY without Shift, so the digit row gives ``&é"'(-è_çà``.
"""

from __future__ import annotations

from typing import Final

US_TO_FR_LAYOUT: Final = "us->fr"
US_TO_FR_CAPS_LAYOUT: Final = "us->fr+caps"
FR_TO_US_LAYOUT: Final = "fr->us"
FR_DIGITS_LAYOUT: Final = "fr-digits"

LAYOUTS: Final = (US_TO_FR_LAYOUT, US_TO_FR_CAPS_LAYOUT, FR_TO_US_LAYOUT, FR_DIGITS_LAYOUT)

# Character a US scanner means → character a French AZERTY host types. Characters absent from
# the table are typed unchanged (B-L, N-P, R-V, X, Y in both cases, space, ``+ = ~``).
US_TO_FR: Final[dict[str, str]] = {
    # letters
    "A": "Q",
    "Q": "A",
    "Z": "W",
    "W": "Z",
    "M": "?",
    "a": "q",
    "q": "a",
    "z": "w",
    "w": "z",
    "m": ",",
    # digits (AZERTY needs Shift for digits)
    "1": "&",
    "2": "é",
    "3": '"',
    "4": "'",
    "5": "(",
    "6": "-",
    "7": "è",
    "8": "_",
    "9": "ç",
    "0": "à",
    # punctuation
    ":": "M",
    ";": "m",
    "-": ")",
    "_": "°",
    ".": ":",
    "/": "!",
    "?": "§",
    ",": ";",
    "&": "7",
    '"': "%",
    "'": "ù",
    "!": "1",
    "@": "2",
    "#": "3",
    "$": "4",
    "%": "5",
    "(": "9",
    ")": "0",
    "*": "8",
    "<": ".",
    ">": "/",
    "\\": "*",
    "|": "µ",
    "]": "$",
    "}": "£",
    "^": "6",
    "`": "²",
}

# French host character → the US character the scanner meant (the repair table).
FR_TO_US: Final[dict[str, str]] = {fr: us for us, fr in US_TO_FR.items()}
assert len(FR_TO_US) == len(US_TO_FR), "the US → fr table must be injective"

# ``[`` and ``{`` land on dead keys (circumflex, diaeresis): they type nothing and modify the
# next character when it can carry the accent.
_DEAD_KEYS: Final[dict[str, dict[str, str]]] = {
    "[": dict(zip("aeiouAEIOU", "âêîôûÂÊÎÔÛ", strict=True)),
    "{": dict(zip("aeiouyAEIOU", "äëïöüÿÄËÏÖÜ", strict=True)),
}

# Digit row of AZERTY typed without Shift → the digit that was meant.
FR_DIGIT_ROW: Final[dict[str, str]] = dict(zip("&é\"'(-è_çà", "1234567890", strict=True))

_US_TO_FR_TRANS: Final = str.maketrans(US_TO_FR)
_FR_TO_US_TRANS: Final = str.maketrans(FR_TO_US)
_FR_DIGITS_TRANS: Final = str.maketrans(FR_DIGIT_ROW)


def _swap_case(text: str) -> str:
    """Caps Lock: flip the case of characters that have a one-character other case.

    ``µ`` (micro sign) is left alone: Caps Lock does not turn it into a Greek capital.
    """
    out = []
    for c in text:
        s = c.swapcase()
        out.append(s if len(s) == 1 and c != "µ" else c)
    return "".join(out)


def _garble_us_to_fr(text: str) -> str:
    out: list[str] = []
    dead: dict[str, str] | None = None
    for c in text:
        if c in _DEAD_KEYS:
            dead = _DEAD_KEYS[c]
            continue
        typed = US_TO_FR.get(c, c)
        if dead is not None:
            typed = dead.get(typed, typed)
            dead = None
        out.append(typed)
    return "".join(out)


def garble(text: str, layout: str) -> str:
    """What the host types when a scanner sends ``text`` through the ``layout`` mismatch.

    Used by tests and simulations. ``"fr-digits"`` simulates a person typing digits on AZERTY
    without Shift.
    """
    if layout == US_TO_FR_LAYOUT:
        return _garble_us_to_fr(text)
    if layout == US_TO_FR_CAPS_LAYOUT:
        return _swap_case(_garble_us_to_fr(text))
    if layout == FR_TO_US_LAYOUT:
        return text.translate(_FR_TO_US_TRANS)
    if layout == FR_DIGITS_LAYOUT:
        return text.translate({ord(d): c for c, d in FR_DIGIT_ROW.items()})
    raise ValueError(f"unknown layout {layout!r}")


def repair_as(text: str, layout: str) -> str:
    """Undo the garbling of one ``layout`` (the inverse of :func:`garble` on payload text)."""
    if layout == US_TO_FR_LAYOUT:
        return text.translate(_FR_TO_US_TRANS)
    if layout == US_TO_FR_CAPS_LAYOUT:
        return _swap_case(text).translate(_FR_TO_US_TRANS)
    if layout == FR_TO_US_LAYOUT:
        return text.translate(_US_TO_FR_TRANS)
    if layout == FR_DIGITS_LAYOUT:
        return text.translate(_FR_DIGITS_TRANS)
    raise ValueError(f"unknown layout {layout!r}")


def repair(text: str, layouts: tuple[str, ...] = LAYOUTS) -> list[tuple[str, str]]:
    """Every distinct repaired reading of ``text``, as ``(layout_name, repaired_text)``.

    Readings identical to ``text`` (nothing to repair) or to an earlier reading are left out.
    The caller decides which reading validates (a payload's own structure, a token's alphabet).
    """
    seen = {text}
    out: list[tuple[str, str]] = []
    for layout in layouts:
        fixed = repair_as(text, layout)
        if fixed not in seen:
            seen.add(fixed)
            out.append((layout, fixed))
    return out
