"""The pro portal's bookings export (CSV ``;`` or XLSX), current and legacy column sets.

Mirrors pcapi ``core/bookings/repository.py`` (``_write_bookings_to_csv``/``_excel``):
one row per place (DUO bookings give "DUO 1" and "DUO 2"), dates in the venue's
local time, token hidden for things still to collect (``get_booking_token``).
"""

from __future__ import annotations

import csv
import io
import sqlite3
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from kiosk.sandbox import rules
from kiosk.sandbox.db import parse_iso
from kiosk.sandbox.timezones import zone_for_department

CURRENT_HEADER: tuple[str, ...] = (
    "Structure",
    "Nom de l’offre",
    "Localisation",
    "Date de l'évènement",
    "EAN",
    "Prénom du bénéficiaire",
    "Nom du bénéficiaire",
    "Email du bénéficiaire",
    "Téléphone du bénéficiaire",
    "Date et heure de réservation",
    "Date et heure de validation",
    "Contremarque",
    "Intitulé du tarif",
    "Prix de la réservation",
    "Statut de la contremarque",
    "Date et heure de remboursement",
    "Type d'offre",
    "Code postal du bénéficiaire",
    "Duo",
)

LEGACY_HEADER: tuple[str, ...] = (
    "Lieu",
    "Nom de l’offre",
    "Date de l'évènement",
    "ISBN",
    "Nom et prénom du bénéficiaire",
    "Email du bénéficiaire",
    "Téléphone du bénéficiaire",
    "Date et heure de réservation",
    "Date et heure de validation",
    "Contremarque",
    "Intitulé du tarif",
    "Prix de la réservation",
    "Statut de la contremarque",
    "Date et heure de remboursement",
    "Type d'offre",
    "Code postal du bénéficiaire",
    "Duo",
)

STATUS_LABELS = {
    rules.CONFIRMED: "réservé",
    rules.CANCELLED: "annulé",
    rules.USED: "validé",
    rules.REIMBURSED: "remboursé",
}
CONFIRMED_LABEL = "confirmé"
OFFER_TYPE = "offre grand public"


def export_token(row: sqlite3.Row) -> str | None:
    """pcapi ``get_booking_token``: hidden for non-event bookings not yet closed."""
    if row["beginning_datetime"] is None and row["status"] == rules.CONFIRMED:
        return None
    return row["token"]


def status_label(row: sqlite3.Row, now: datetime) -> str:
    limit = parse_iso(row["cancellation_limit_date"])
    if row["status"] == rules.CONFIRMED and limit is not None and limit <= now:
        return CONFIRMED_LABEL
    return STATUS_LABELS[row["status"]]


def _local(value: str | None, department: str | None) -> datetime | None:
    parsed = parse_iso(value)
    return None if parsed is None else parsed.astimezone(zone_for_department(department))


def _location(row: sqlite3.Row) -> str:
    if row["is_digital"]:
        return "Numérique"
    return f"{row['venue_address']} {row['venue_postal_code']} {row['venue_city']}"


def export_rows(
    bookings: list[sqlite3.Row], now: datetime, *, legacy: bool = False
) -> list[list[Any]]:
    """Header excluded; datetimes stay ``datetime`` (aware, venue local time) or None."""
    rows: list[list[Any]] = []
    for row in bookings:
        department = row["department_code"]
        venue_name = row["venue_public_name"] or row["venue_name"]
        common_dates = (
            _local(row["date_created"], department),
            _local(row["date_used"], department),
        )
        tail = [
            export_token(row),
            row["price_category_label"],
            row["amount"] / 100,
            status_label(row, now),
            _local(row["reimbursement_date"], department),
            OFFER_TYPE,
            row["user_postal_code"],
        ]
        event_date = _local(row["beginning_datetime"], department)
        if legacy:
            head = [
                venue_name,
                row["offer_name"],
                event_date,
                row["offer_ean"],
                f"{row['user_last_name']} {row['user_first_name']}",
                row["user_email"],
                row["user_phone"],
                *common_dates,
            ]
        else:
            head = [
                venue_name,
                row["offer_name"],
                _location(row),
                event_date,
                row["offer_ean"],
                row["user_first_name"],
                row["user_last_name"],
                row["user_email"],
                row["user_phone"],
                *common_dates,
            ]
        duo_labels = ["DUO 1", "DUO 2"] if row["quantity"] == 2 else ["Non"]
        for duo in duo_labels:
            rows.append([*head, *tail, duo])
    return rows


def to_csv(bookings: list[sqlite3.Row], now: datetime, *, legacy: bool = False) -> bytes:
    output = io.StringIO()
    writer = csv.writer(output, dialect=csv.excel, delimiter=";", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(LEGACY_HEADER if legacy else CURRENT_HEADER)
    for values in export_rows(bookings, now, legacy=legacy):
        writer.writerow(
            ["" if v is None else str(v) if isinstance(v, datetime) else v for v in values]
        )
    return ("\ufeff" + output.getvalue()).encode("utf-8")


def to_xlsx(bookings: list[sqlite3.Row], now: datetime, *, legacy: bool = False) -> bytes:
    header = LEGACY_HEADER if legacy else CURRENT_HEADER
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    price_column = header.index("Prix de la réservation") + 1
    for values in export_rows(bookings, now, legacy=legacy):
        sheet.append([str(v) if isinstance(v, datetime) else v for v in values])
        sheet.cell(row=sheet.max_row, column=price_column).number_format = "###0.00[$€-fr-FR]"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
