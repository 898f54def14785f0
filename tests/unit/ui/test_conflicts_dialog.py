"""The conflicts dialog speaks the window's language, conflict texts included."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from kiosk.domain.operations import Operation, OpKind, OpState
from tests.fixtures.store import NOW


def _op(conflict: str) -> Operation:
    return Operation(
        id=1,
        op_id="op-1",
        kind=OpKind.USE,
        token="ABC123",
        booking_id=None,
        created_at=NOW,
        counter="Guichet",
        staff=None,
        unverified=True,
        state=OpState.CONFLICT,
        attempts=1,
        ambiguous=False,
        next_attempt_at=None,
        last_error=None,
        http_status=410,
        conflict=conflict,
        settled_at=NOW,
        acknowledged_at=None,
    )


@pytest.mark.parametrize(
    ("lang", "title", "todo"),
    [
        ("fr", "Validée ailleurs", "Vérifiez que le jeune n'a pas reçu son offre deux fois."),
        ("en", "Validated elsewhere", "Check that the youth did not receive the offer twice."),
    ],
)
def test_conflict_texts_in_the_window_language(qtbot, lang: str, title: str, todo: str) -> None:
    from kiosk.ui.counter.conflicts_dialog import ConflictsDialog

    dialog = ConflictsDialog([(_op("used_elsewhere"), None)], lambda _op_id: None, lang=lang)
    qtbot.addWidget(dialog)
    shown = "\n".join(label.text() for label in dialog.findChildren(QLabel))
    assert title in shown
    assert todo in shown
