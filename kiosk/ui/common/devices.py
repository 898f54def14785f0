"""Cameras and sound outputs as QtMultimedia sees them (the doctor's device probe)."""

from __future__ import annotations

import os


def list_devices() -> dict[str, list[str]] | None:
    try:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError:  # no QtMultimedia (libpulse missing, …)
        return None
    if QCoreApplication.instance() is None:
        if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtGui import QGuiApplication

        list_devices.app = QGuiApplication(["kiosk-doctor"])  # type: ignore[attr-defined]
    cams = QMediaDevices.videoInputs()
    return {
        "cameras": [c.description() for c in cams],
        "camera_ids": [bytes(c.id().data()).decode(errors="replace") for c in cams],
        "audio_outputs": [a.description() for a in QMediaDevices.audioOutputs()],
    }
