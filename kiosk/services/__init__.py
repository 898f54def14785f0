"""Use cases above the store and the sync engine: counter, catalogue, importer, staff, security, today, doctor, wiring. No Qt."""
