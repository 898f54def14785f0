"""One error base: every error people are told about is a KioskError carrying its message."""

from __future__ import annotations

import pytest

from kiosk.cli.commands import CliError
from kiosk.demo.tickets import TicketError
from kiosk.domain.errors import KioskError
from kiosk.domain.texts import Phrase
from kiosk.platform.config import ConfigError
from kiosk.services.importer import ImportError_
from kiosk.services.security import PinError
from kiosk.services.staff import StaffError
from kiosk.store.errors import DatabaseCorrupt, StorageFull, StoreError
from kiosk.sync.errors import ApiError, NetworkError, RateLimited


@pytest.mark.parametrize(
    "error",
    [
        StoreError("Panne."),
        StorageFull("Panne."),
        DatabaseCorrupt("Panne."),
        ConfigError("Panne."),
        ApiError("Panne."),
        NetworkError("Panne.", maybe_sent=False),
        ImportError_("Panne."),
        TicketError("Panne."),
        CliError("Panne.", 2),
    ],
)
def test_every_error_derives_from_the_base_with_its_message(error: KioskError) -> None:
    assert isinstance(error, KioskError)
    assert error.message == str(error) == "Panne."
    assert error.text("en") == "Panne."  # no catalogue id: the French message


def test_an_error_from_the_catalogue_speaks_either_language() -> None:
    error = RateLimited(12.4)
    assert error.message == "Trop de requêtes : nouvel essai dans 12 s."
    assert error.text("en") == "Too many requests: next try in 12 s."
    assert error.retry_after == 12.4


@pytest.mark.parametrize("cls", [PinError, StaffError])
def test_pin_and_staff_errors_stay_value_errors(cls: type[KioskError]) -> None:
    error = cls(Phrase.of("pin.too_short", n=4))
    assert isinstance(error, KioskError) and isinstance(error, ValueError)
    assert error.message == "Le code doit comporter au moins 4 chiffres."
    assert error.text("en") == "The PIN must have at least 4 digits."
    with pytest.raises(KioskError):
        raise error


def test_store_errors_from_the_catalogue_speak_english(tmp_path) -> None:
    from kiosk.store.database import Database
    from kiosk.store.errors import DataDirError

    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(OSError) as os_error:  # the system's own wording
        blocker.mkdir()
    reason = os_error.value.strerror
    with pytest.raises(KioskError) as err:
        Database.open(blocker)
    assert isinstance(err.value, DataDirError)
    assert err.value.message == (
        f"Impossible de créer le dossier de données {blocker} ({reason}). Vérifiez le chemin "
        "et les droits, ou choisissez-en un autre avec --data-dir."
    )
    assert err.value.text("en") == (
        f"Cannot create the data folder {blocker} ({reason}). Check the path and the "
        "permissions, or choose another one with --data-dir."
    )


def test_api_errors_from_the_catalogue_speak_english() -> None:
    error = NetworkError(Phrase.of("sync.unreachable", kind="ConnectError"), maybe_sent=False)
    assert error.message == "Serveur pass Culture injoignable (ConnectError)."
    assert error.text("en") == "pass Culture server unreachable (ConnectError)."
    assert not error.maybe_sent


def test_import_config_and_ticket_errors_speak_english(tmp_path) -> None:
    from kiosk.demo.tickets import write_tickets
    from kiosk.platform.config import load
    from kiosk.services.importer import import_file

    with pytest.raises(ImportError_) as imported:
        import_file(None, tmp_path / "absent.csv")  # type: ignore[arg-type]
    assert imported.value.message == f"Fichier introuvable : {tmp_path / 'absent.csv'}"
    assert imported.value.text("en") == f"File not found: {tmp_path / 'absent.csv'}"

    with pytest.raises(ConfigError) as configured:
        load(tmp_path, env={"KIOSK_VENUE_IDS": "12,douze"})
    assert configured.value.message == (
        "KIOSK_VENUE_IDS doit être une liste d'identifiants de lieux séparés par des virgules "
        "(ex. 12,34)."
    )
    assert configured.value.text("en").startswith("KIOSK_VENUE_IDS must be a comma-separated")
    (tmp_path / "kiosk.toml").write_text("language = ", encoding="utf-8")
    with pytest.raises(ConfigError) as unreadable:
        load(tmp_path, env={})
    assert unreadable.value.message.startswith("Le fichier de configuration ")
    assert "is unreadable" in unreadable.value.text("en")

    with pytest.raises(TicketError) as printed:
        write_tickets([], tmp_path / "out.pdf")
    assert printed.value.message == (
        "Aucune réservation de démonstration trouvée : rien à imprimer."
    )
    assert printed.value.text("en") == "No demo booking found: nothing to print."
