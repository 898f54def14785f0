"""The on-duty bar and the quick switch dialog; the administrator's staff list."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from kiosk.services.security import Security
from kiosk.services.staff import StaffService
from kiosk.store.database import Database
from kiosk.ui.admin.staff_manage import StaffManager
from kiosk.ui.counter.staff_bar import StaffBar, StaffSwitchDialog


@pytest.fixture
def staff(db: Database) -> StaffService:
    s = StaffService(db, Security(db))
    for name, pin in (("Marie", "1234"), ("Ahmed", "5678"), ("Zoé", "2468")):
        s.add(name, pin)
    return s


def test_switch_with_the_right_pin(qtbot, staff: StaffService, screenshot_dir: Path) -> None:
    bar = StaffBar(staff)
    qtbot.addWidget(bar)
    bar.resize(900, 60)
    assert "Personne en service" in bar.label.text()

    def drive() -> None:
        dlg = bar._dialog
        dlg.grab().save(str(screenshot_dir / "ops-staff-switch.png"))
        dlg.choose("Marie")
        dlg.pad.field.setText("0000")
        dlg.ok_button.click()
        assert "incorrect" in dlg.message.text()
        dlg.pad.field.setText("1234")
        dlg.ok_button.click()

    original = bar.make_dialog

    def make() -> StaffSwitchDialog:
        bar._dialog = original()
        QTimer.singleShot(0, drive)
        return bar._dialog

    bar.make_dialog = make  # type: ignore[method-assign]
    with qtbot.waitSignal(bar.staff_changed) as sig:
        assert bar.open_switch()
    assert sig.args == ["Marie"]
    assert bar.current_name() == "Marie"
    assert bar.label.text() == "En service : Marie"
    bar.grab().save(str(screenshot_dir / "ops-staff-bar.png"))


def test_manager_adds_disables_and_resets(qtbot, staff: StaffService) -> None:
    m = StaffManager(staff)
    qtbot.addWidget(m)
    m.name.setText("Louis")
    m.pin.setText("12")
    m.add_button.click()
    assert "au moins 4" in m.message.text()
    m.pin.setText("1357")
    m.add_button.click()
    assert "Louis" in [x.name for x in staff.members()]
    m.list.setCurrentRow([m.list.item(i).text() for i in range(m.list.count())].index("Louis"))
    m.toggle_button.click()
    assert "Louis" not in [x.name for x in staff.members()]
    m.pin.setText("9753")
    m.reset_button.click()
    louis = next(x for x in staff.members(include_inactive=True) if x.name == "Louis")
    staff.set_active(louis.id, True)
    assert staff.authenticate(louis.id, "9753").ok


def test_switch_and_manager_say_pin_errors_in_english(qtbot, staff: StaffService) -> None:
    dlg = StaffSwitchDialog(staff, lang="en")
    qtbot.addWidget(dlg)
    dlg.choose("Marie")
    dlg.pad.field.setText("0000")
    dlg.ok_button.click()
    assert dlg.message.text() == "Wrong PIN. 2 more tries before a waiting time."
    bar = StaffBar(staff, lang="en")
    qtbot.addWidget(bar)
    switch = bar.make_dialog()
    qtbot.addWidget(switch)
    assert switch.lang == "en"  # the bar's language reaches its dialog

    m = StaffManager(staff, lang="en")
    qtbot.addWidget(m)
    m.name.setText("Louis")
    m.pin.setText("12")
    m.add_button.click()
    assert m.message.text() == "The PIN must have at least 4 digits."
    m.name.setText("Marie")
    m.pin.setText("1357")
    m.add_button.click()
    assert m.message.text().startswith('"Marie" already exists')
    m.list.setCurrentRow(0)
    m.pin.setText("1")
    m.reset_button.click()
    assert m.message.text() == "The PIN must have at least 4 digits."


def test_switch_and_manager_stay_french_by_default(qtbot, staff: StaffService) -> None:
    dlg = StaffSwitchDialog(staff)
    qtbot.addWidget(dlg)
    dlg.choose("Marie")
    dlg.pad.field.setText("0000")
    dlg.ok_button.click()
    assert dlg.message.text() == "Code incorrect. Encore 2 essais avant un temps d'attente."
    m = StaffManager(staff)
    qtbot.addWidget(m)
    m.list.setCurrentRow(0)
    m.pin.setText("1")
    m.reset_button.click()
    assert m.message.text() == "Le code doit comporter au moins 4 chiffres."
