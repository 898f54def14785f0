"""One base for every error people must be told about.

`message` is the French sentence (logs, CLI, the default screen language); `phrase`, when the
raising layer has one, is the same message as a catalogue id and values, so the UI can show it
in English too (`text("en")`). Callers that catch several kinds catch `KioskError`.
"""

from __future__ import annotations

from kiosk.domain.texts import Phrase


class KioskError(Exception):
    def __init__(self, message: str | Phrase) -> None:
        self.phrase = message if isinstance(message, Phrase) else None
        self.message = message.text() if isinstance(message, Phrase) else message
        super().__init__(self.message)

    def text(self, lang: str = "fr") -> str:
        """The message in `lang` ("fr" or "en"); French when it has no catalogue id."""
        return self.phrase.text(lang) if self.phrase is not None else self.message
