"""One short sound per verdict family, played with QSoundEffect.

A counter without a sound card (or a test machine) is normal: it is logged once, never an error.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QUrl

from kiosk.domain.verdict import Family
from kiosk.platform.resources import sound_path

log = logging.getLogger("kiosk.ui.common.sounds")


class SoundPlayer(QObject):
    def __init__(self, parent: QObject | None = None, *, enabled: bool = True) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.last_requested: Family | None = None  # what the counter asked for (tests, logs)
        self._effects: dict[Family, Any] = {}  # QSoundEffect
        self._warned = False

    def warm_up(self) -> None:
        """Load the audio backend (QtMultimedia, FFmpeg: a tenth of a second) before the
        first verdict needs it, not on the way to the window's first paint."""
        if self.enabled and self._device_ok():
            for family in Family:
                self._effect(family)

    def _device_ok(self) -> bool:
        from PySide6.QtMultimedia import QMediaDevices  # loaded on first use: see warm_up

        if QMediaDevices.defaultAudioOutput().isNull():
            if not self._warned:
                log.info("no audio output device: verdict sounds are off")
                self._warned = True
            return False
        return True

    def _effect(self, family: Family) -> Any:
        effect = self._effects.get(family)
        if effect is None:
            path = sound_path(family.value)
            if not path.exists():
                if not self._warned:
                    log.info("sound file missing: %s", path)
                    self._warned = True
                return None
            from PySide6.QtMultimedia import QSoundEffect

            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(path)))
            effect.setVolume(0.6)
            self._effects[family] = effect
        return effect

    def play(self, family: Family) -> None:
        if not self.enabled:
            return
        self.last_requested = family
        if not self._device_ok():
            return
        effect = self._effect(family)
        if effect is not None:
            effect.play()
