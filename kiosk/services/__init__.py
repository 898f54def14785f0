"""Use cases above the store and the sync engine: counter, catalogue, importer, staff,
security, today, doctor, and the wiring that builds them from a Config. No Qt."""
