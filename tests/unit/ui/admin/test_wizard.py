"""The first-run wizard against the real sandbox on loopback."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
import shiboken6
from sqlalchemy import func, select

from kiosk.platform import config as config_mod
from kiosk.services.security import Security
from kiosk.services.staff import StaffService
from kiosk.store import models
from kiosk.store.database import Database
from kiosk.ui.admin.wizard import SetupWizard
from kiosk.ui.common import i18n, tasks
from tests.portable import WINDOWS


@pytest.fixture
def wizard(qtbot, data_dir: Path) -> SetupWizard:
    w = SetupWizard(data_dir)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def _server(w: SetupWizard, url: str, key: str) -> None:
    w.server_page.custom.setChecked(True)
    w.server_page.url.setText(url)
    w.server_page.key.setText(key)
    w.next()


def test_good_key_to_first_sync(
    qtbot, wizard: SetupWizard, sandbox, data_dir: Path, screenshot_dir: Path
) -> None:
    w = wizard
    _server(w, sandbox.url, sandbox.api_key)
    qtbot.waitUntil(lambda: w.currentPage() is w.venue_page, timeout=10_000)
    labels = {vid: cb.text() for vid, cb in w.venue_page.checks.items()}
    assert set(labels) == {1, 2, 3, 4}
    assert "Les Mots Passants — Lyon" in labels[1]
    w.venue_page.checks[1].setChecked(True)
    w.venue_page.checks[2].setChecked(True)
    w.venue_page.counter_name.setText("Accueil")
    w.grab().save(str(screenshot_dir / "ops-wizard-venues.png"))
    w.next()
    assert w.currentPage() is w.admin_page
    w.admin_page.pin1.setText("482913")
    w.admin_page.pin2.setText("482914")
    w.next()
    assert "différents" in w.admin_page.error.text()
    w.admin_page.pin2.setText("482913")
    w.admin_page.staff_name.setText("Marie")
    w.admin_page.staff_pin.setText("1234")
    w.next()
    assert w.currentPage() is w.sync_page
    qtbot.waitUntil(lambda: w.sync_page.finished_ok, timeout=60_000)
    w.grab().save(str(screenshot_dir / "ops-wizard-synced.png"))
    assert "Le guichet est prêt" in w.sync_page.status.text()
    w.accept()

    cfg = config_mod.load(data_dir)
    assert cfg.api_url == sandbox.url and cfg.venue_ids == (1, 2)
    assert cfg.counter_name == "Accueil" and cfg.api_key == sandbox.api_key
    toml = (data_dir / config_mod.CONFIG_NAME).read_text(encoding="utf-8")
    assert sandbox.api_key not in toml
    key_file = data_dir / "api-key"
    # Windows: no permission bits; the data dir's private ACL covers the key (test_privacy).
    assert WINDOWS or stat.S_IMODE(key_file.stat().st_mode) == 0o600
    db = Database.open(data_dir)
    try:
        sec = Security(db)
        assert sec.check_admin_pin("482913").ok
        assert [m.name for m in StaffService(db, sec).members()] == ["Marie"]
        with db.connect() as conn:
            bookings = models.table(models.Booking)
            n = conn.execute(select(func.count()).select_from(bookings)).scalar_one()
        assert n > 0
    finally:
        db.dispose()


def test_refused_key_stays_on_the_page(
    qtbot, wizard: SetupWizard, sandbox, screenshot_dir: Path
) -> None:
    _server(wizard, sandbox.url, "not-a-key")
    page = wizard.server_page
    qtbot.waitUntil(lambda: "refusée" in page.error.text(), timeout=10_000)
    assert page.error.text().startswith("La clé d'API est refusée")
    assert wizard.currentPage() is page
    wizard.grab().save(str(screenshot_dir / "ops-wizard-key-refused.png"))


def test_unreachable_server(qtbot, wizard: SetupWizard, sandbox) -> None:
    url = sandbox.url
    sandbox.cut_network()
    _server(wizard, url, sandbox.api_key)
    page = wizard.server_page
    qtbot.waitUntil(lambda: "injoignable" in page.error.text(), timeout=15_000)
    assert "vérifiez l'adresse et le réseau" in page.error.text()
    assert wizard.currentPage() is page


def test_wrong_address_is_not_a_refused_key(qtbot, wizard: SetupWizard, sandbox) -> None:
    """A 404 `{}` on the API root (pcapi routes before it authenticates): the address."""
    _server(wizard, sandbox.url + "/api", "not-a-key")
    page = wizard.server_page
    qtbot.waitUntil(lambda: "adresse" in page.error.text(), timeout=10_000)
    assert "n'est pas l'API pass Culture" in page.error.text()
    assert "clé" not in page.error.text()
    assert wizard.currentPage() is page


@pytest.mark.parametrize("url", ["ftp://example.org", "backend.passculture.app", "http://x.org"])
def test_malformed_url(wizard: SetupWizard, url: str) -> None:
    _server(wizard, url, "some-key")
    assert "Adresse" in wizard.server_page.error.text()
    assert wizard.currentPage() is wizard.server_page


def test_pin_rules_in_the_wizard_language(qtbot, data_dir: Path) -> None:
    assert i18n.install("en")
    try:
        w = SetupWizard(data_dir, lang="en")
        qtbot.addWidget(w)
        page = w.admin_page
        page.pin1.setText("12")
        assert not page.validatePage()
        assert page.error.text() == "The PIN must have at least 6 digits."
        page.pin1.setText("482913")
        page.pin2.setText("482913")
        page.staff_name.setText("Marie")
        page.staff_pin.setText("12")
        assert not page.validatePage()
        assert page.error.text() == "Staff PIN: The PIN must have at least 4 digits."
        # A refusal while saving (before the first sync) too.
        page.pin1.setText("12")
        w.sync_page.initializePage()
        assert w.sync_page.status.text() == "The PIN must have at least 6 digits."
    finally:
        i18n.install("fr")  # translators are application-wide


def test_wizard_pin_rules_stay_french_by_default(wizard: SetupWizard) -> None:
    wizard.admin_page.pin1.setText("12")
    assert not wizard.admin_page.validatePage()
    assert wizard.admin_page.error.text() == "Le code doit comporter au moins 6 chiffres."


def test_closing_the_wizard_during_the_key_check_delivers_nothing(qtbot, data_dir, sandbox):
    """The check's answer must not reach a deleted page (tasks.shared(), owner=the page)."""
    w = SetupWizard(data_dir)
    w.show()
    _server(w, sandbox.url, sandbox.api_key)
    assert w.server_page._call is not None
    page = w.server_page
    w.close()
    shiboken6.delete(w)  # page and buttons go with it, the check still running
    assert not shiboken6.isValid(page)
    qtbot.waitUntil(lambda: tasks.shared().pending == 0, timeout=10_000)
