"""The sandbox-wired kiosk of the sync tests, for the robustness scenarios."""

from tests.unit.sync.conftest import make_kiosk  # noqa: F401
