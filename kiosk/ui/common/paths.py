"""Where the application's resources (sounds, translations) are, in a checkout or a bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resources_dir() -> Path:
    bundle = getattr(sys, "_MEIPASS", None)  # PyInstaller onedir
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def sound_path(name: str) -> Path:
    return resources_dir() / "sounds" / f"{name}.wav"


def translation_path(lang: str) -> Path:
    return resources_dir() / "i18n" / f"kiosk_{lang}.qm"
