"""Administration: set-up wizard, settings, staff accounts, lockdown."""
