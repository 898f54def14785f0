"""Keys of the mesh, derived from the structure's API key: only counters holding the key read
or write, and the key expressions say nothing about the structure.

- HKDF(SHA-256) of the API key → an AES-256-GCM key (payloads) and a naming key (HMAC-SHA256
  of fixed labels → opaque key expressions). Two structures on one LAN never share a topic.
- A sealed message: version byte, 12-byte random nonce, ciphertext and tag. The key expression
  is the associated data, so a message cannot be moved from one topic to another.
- Each message carries its origin counter and per-origin sequence inside the ciphertext; the
  node drops a sequence it already holds (a replay), and `open` drops a bad tag.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

VERSION = 1
_SALT = b"kiosk-passculture mesh v1"
_NONCE = 12


def _derive(secret: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=_SALT, info=info).derive(secret)


class MeshKeys:
    def __init__(self, api_key: str) -> None:
        secret = api_key.encode("utf-8")
        self._aead = AESGCM(_derive(secret, b"payload aes-256-gcm"))
        self._names = _derive(secret, b"key expressions")
        self.records = self.name("records")  # live records (pub/sub)
        self.catchup = self.name("catch-up")  # a queryable: records after a given sequence
        self.hello = self.name("hello")  # who is who (origin id → counter name)
        self.live = self.name("live")  # liveliness tokens live under it: `{live}/{tag}`

    def name(self, label: str) -> str:
        """An opaque key expression for `label` (hex of a keyed hash, nothing readable)."""
        digest = hmac.new(self._names, label.encode(), hashlib.sha256).hexdigest()
        return f"k{digest[:31]}"

    def tag(self, origin: str) -> str:
        """A counter's opaque liveliness tag (its id is not readable on the LAN)."""
        return hmac.new(self._names, b"counter:" + origin.encode(), hashlib.sha256).hexdigest()[:24]

    def seal(self, message: dict[str, Any], topic: str) -> bytes:
        nonce = os.urandom(_NONCE)
        plain = json.dumps(message, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        return bytes([VERSION]) + nonce + self._aead.encrypt(nonce, plain, topic.encode())

    def open(self, data: bytes, topic: str) -> dict[str, Any] | None:
        """The message, or None when it was not sealed with this key for this topic (bad tag,
        truncated, another version, not a JSON object)."""
        if len(data) < 1 + _NONCE + 16 or data[0] != VERSION:
            return None
        try:
            plain = self._aead.decrypt(data[1 : 1 + _NONCE], data[1 + _NONCE :], topic.encode())
            message = json.loads(plain)
        except (InvalidTag, ValueError):
            return None
        return message if isinstance(message, dict) else None
