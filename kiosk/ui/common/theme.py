"""Colours, shapes and type sizes of the counter: high contrast, readable from a step back."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosk.domain.verdict import Family


@dataclass(frozen=True)
class BandStyle:
    background: str
    foreground: str
    icon: str  # "check" | "warning" | "cross" | "undo" | "dots" | "scan"


UNDONE = "undone"  # the band's look for INVALIDÉE

# White on dark green/red and black on amber all pass WCAG AA for large text.
BANDS: dict[str, BandStyle] = {
    Family.OK.value: BandStyle("#1B7A36", "#FFFFFF", "check"),
    Family.WARNING.value: BandStyle("#F2B200", "#111111", "warning"),
    Family.REFUSED.value: BandStyle("#C0262D", "#FFFFFF", "cross"),
    # INVALIDÉE: an undone validation must never be read as VALIDÉE from a step back (not
    # green, no tick): deep violet with an "undo" arrow; white on it passes WCAG AA.
    UNDONE: BandStyle("#4A2C82", "#FFFFFF", "undo"),
    "busy": BandStyle("#34495E", "#FFFFFF", "dots"),
    "idle": BandStyle("#E9EDF2", "#1F2A36", "scan"),
}

BANNER_OFFLINE = "#FFF4D6"
BANNER_TEXT = "#3D2F00"
BANNER_ERROR = "#FDE2E1"
CALLOUT = "#E7F0FB"
CALLOUT_BORDER = "#2F6DB5"

STYLE = """
QWidget { font-size: 16px; }
QPushButton { padding: 8px 18px; border-radius: 6px; }
QPushButton#validate { background: #1B7A36; color: white; font-size: 22px; font-weight: 600;
    padding: 14px 28px; }
QPushButton#validate:disabled { background: #B9C6BD; color: #F4F6F5; }
QPushButton#unvalidate { background: #FFFFFF; color: #8A1C21; border: 2px solid #C0262D;
    font-size: 18px; padding: 12px 20px; }
QPushButton#secondary { background: #FFFFFF; border: 2px solid #34495E; color: #1F2A36;
    font-size: 18px; padding: 12px 20px; }
QPushButton:focus { outline: none; border: 3px solid #2F6DB5; }
QLineEdit#token { font-size: 34px; font-family: "DejaVu Sans Mono"; letter-spacing: 4px;
    padding: 6px 10px; border: 2px solid #7A8A99; border-radius: 6px; }
QLineEdit#token:focus { border: 3px solid #2F6DB5; }
QLabel#hint { color: #44525F; font-size: 16px; }
QLabel#hint[error="true"] { color: #B3121B; font-weight: 600; }
QFrame#callout { background: #E7F0FB; border-left: 6px solid #2F6DB5; }
QLabel#calloutTitle { font-size: 18px; font-weight: 600; color: #12385F; }
QLabel#calloutDetail { font-size: 15px; color: #12385F; }
QFrame#banner { background: #FFF4D6; border-bottom: 2px solid #E0B400; }
QFrame#banner[kind="error"] { background: #FDE2E1; border-bottom: 2px solid #C0262D; }
QLabel#bannerText { font-size: 17px; color: #3D2F00; }
QLabel#cardLabel { color: #5A6772; font-size: 17px; }
QLabel#cardValue { color: #111; font-size: 22px; font-weight: 600; }
QLabel#duo { background: #5B2A86; color: white; font-size: 22px; font-weight: 700;
    padding: 4px 14px; border-radius: 6px; }
QLabel#sectionTitle { font-size: 18px; font-weight: 700; color: #1F2A36; }
QLabel#todayCount { font-size: 15px; color: #1F2A36; }
QPushButton#conflicts { background: #C0262D; color: white; font-weight: 700; padding: 2px 10px; }
QWidget#staffBar QLabel { font-size: 18px; font-weight: 600; color: #1F2A36; }
QWidget#staffBar[discreet="true"] QLabel { font-size: 14px; font-weight: 400; color: #5A6772; }
QPushButton#staffChange { background: #FFFFFF; border: 2px solid #34495E; color: #1F2A36;
    padding: 4px 16px; }
QPushButton#conflicts[none="true"] { background: transparent; color: #44525F;
    font-weight: 400; }
"""

# A screen less than this tall (1366×768, 1024×768) gets smaller letters: at full size the
# counter's lines need more height than a 768-pixel screen leaves under a title bar.
COMPACT_BELOW_PX = 900
COMPACT_SCALE = 0.86


def text_scale(available_height: int) -> float:
    """How much the counter's type sizes are scaled on a screen with that free height."""
    return COMPACT_SCALE if available_height < COMPACT_BELOW_PX else 1.0


def style(scale: float = 1.0) -> str:
    """The counter's style sheet with every font size multiplied by `scale`."""
    if scale == 1.0:
        return STYLE
    return re.sub(
        r"font-size: (\d+)px",
        lambda m: f"font-size: {max(11, round(int(m.group(1)) * scale))}px",
        STYLE,
    )
