"""Booking tokens (*contremarques*): 6 characters, upper case, A-Z and 0-9.

The server generates tokens from a 30-character alphabet (Base32 letters and digits without
``0 1 8 9 I O``) but only checks ``[A-Z0-9]{6}`` case-insensitively, as does the pro Guichet.
"""

from __future__ import annotations

import re

TOKEN_LENGTH = 6
GENERATED_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ234567"
VALID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

_TOKEN_RE = re.compile(r"[A-Z0-9]{6}")
_GENERATED_SET = frozenset(GENERATED_ALPHABET)


def normalize_token(s: str) -> str:
    """Upper-case a token and drop surrounding (and inner) whitespace.

    This does not validate: call :func:`is_token` on the result.
    """
    return "".join(s.split()).upper()


def is_token(s: str) -> bool:
    """True for exactly 6 characters of ``A-Z0-9`` (upper case, nothing else)."""
    return len(s) == TOKEN_LENGTH and _TOKEN_RE.fullmatch(s) is not None


def is_generated_token(s: str) -> bool:
    """True when ``s`` is a token that the server could have generated (30-char alphabet)."""
    return len(s) == TOKEN_LENGTH and all(c in _GENERATED_SET for c in s)
