"""Booking tokens (contremarques): 6 characters of the backend's 30-letter alphabet."""

from __future__ import annotations

import random
import secrets

TOKEN_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ234567"
TOKEN_LENGTH = 6


def random_token(rng: random.Random | None = None) -> str:
    if rng is None:
        return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))
    return "".join(rng.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))


def unique_tokens(rng: random.Random, count: int, taken: set[str] | None = None) -> list[str]:
    """``count`` distinct tokens, none of them in ``taken`` (which is updated)."""
    seen = taken if taken is not None else set()
    tokens: list[str] = []
    while len(tokens) < count:
        token = random_token(rng)
        if token not in seen:
            seen.add(token)
            tokens.append(token)
    return tokens
