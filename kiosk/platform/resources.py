"""Where the shipped files (fonts, sounds, translations, placeholders) are, from source or frozen.

From source they sit in `resources/` at the repository root; in a PyInstaller bundle they are
unpacked under `sys._MEIPASS/resources`.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    """`resource_path("fonts", "DejaVuSans.ttf")` → absolute path (which may not exist)."""
    return resource_root().joinpath(*parts)


def sound_path(name: str) -> Path:
    return resource_path("sounds", f"{name}.wav")


def translation_path(lang: str) -> Path:
    return resource_path("i18n", f"kiosk_{lang}.qm")
