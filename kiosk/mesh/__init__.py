"""The counters of a venue know each other: a peer-to-peer mesh on the venue's LAN (Eclipse
Zenoh, peer mode), encrypted with a key derived from the structure's API key.

`crypto` seals and opens messages and derives the opaque key expressions; `node` runs the
session (publish own records, receive peers', catch up, count live peers). No Qt; services use
it through `MeshNode` (wiring) and the counter's `on_recorded` hook.
"""
