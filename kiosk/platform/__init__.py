"""Where the kiosk runs: configuration, logs, the API key's storage, shipped files."""
