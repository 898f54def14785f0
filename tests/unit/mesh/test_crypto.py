"""The mesh's keys: derived from the API key, payloads sealed with AES-GCM, opaque names."""

from __future__ import annotations

import re

from kiosk.mesh.crypto import MeshKeys

KEY = "pk_live_structure_42"


def test_sealed_message_opens_with_the_same_key_only():
    keys = MeshKeys(KEY)
    sealed = keys.seal({"type": "records", "records": []}, keys.records)
    assert MeshKeys(KEY).open(sealed, keys.records) == {"type": "records", "records": []}
    assert MeshKeys("another structure").open(sealed, keys.records) is None
    assert b"records" not in sealed  # encrypted, not merely signed


def test_a_message_cannot_move_to_another_topic():
    keys = MeshKeys(KEY)
    sealed = keys.seal({"type": "records", "records": []}, keys.records)
    assert keys.open(sealed, keys.catchup) is None


def test_tampered_truncated_or_foreign_bytes_are_refused():
    keys = MeshKeys(KEY)
    sealed = bytearray(keys.seal({"type": "hello"}, keys.hello))
    sealed[-1] ^= 1
    assert keys.open(bytes(sealed), keys.hello) is None
    assert keys.open(bytes(sealed[:20]), keys.hello) is None
    assert keys.open(b"", keys.hello) is None
    assert keys.open(b"\x02" + bytes(sealed[1:]), keys.hello) is None  # another version


def test_each_seal_has_its_own_nonce():
    keys = MeshKeys(KEY)
    a = keys.seal({"n": 1}, keys.records)
    b = keys.seal({"n": 1}, keys.records)
    assert a != b and a[1:13] != b[1:13]


def test_key_expressions_are_opaque_stable_and_per_structure():
    keys, same, other = MeshKeys(KEY), MeshKeys(KEY), MeshKeys("another structure")
    names = [keys.records, keys.catchup, keys.hello, keys.live]
    assert names == [same.records, same.catchup, same.hello, same.live]
    assert not set(names) & {other.records, other.catchup, other.hello, other.live}
    assert len(set(names)) == 4
    for name in names:
        assert re.fullmatch(r"k[0-9a-f]{31}", name)
    assert keys.tag("kiosk-A") != keys.tag("kiosk-B") != other.tag("kiosk-A")
    assert "kiosk" not in keys.tag("kiosk-A")
