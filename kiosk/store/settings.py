"""The `setting` table: small key/value facts of this kiosk (PIN hashes, PIN back-off)."""

from __future__ import annotations

from kiosk.store import models
from kiosk.store.keyvalue import KeyValue

T = models.table(models.Setting)
_kv = KeyValue(T)
get = _kv.get
put = _kv.put
