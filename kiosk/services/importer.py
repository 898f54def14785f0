"""Import the pro portal's bookings export (CSV with `;`, or XLSX) into the cache.

The public API never gives tokens (facts §8); the export does, for event bookings and closed
ones. The export has no booking id either, so each line is matched to a cached booking by
(youth's name, offer name, booking time ±1 min); a line with no match becomes a local booking
with a negative id, reconciled with the real one when the API list brings it.
The whole file is checked before anything is written: a bad line refuses the file, with its
line number and the reason, and nothing is half-imported.
"""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from kiosk.domain.clock import utcnow
from kiosk.domain.errors import KioskError
from kiosk.domain.rules import cancellation_limit
from kiosk.domain.texts import Phrase
from kiosk.store import bookings, venues
from kiosk.store.database import Database

PARIS = ZoneInfo("Europe/Paris")
CURRENT = {
    "venue": "Structure",
    "offer": "Nom de l’offre",
    "beginning": "Date de l'évènement",
    "ean": "EAN",
    "first_name": "Prénom du bénéficiaire",
    "last_name": "Nom du bénéficiaire",
    "created": "Date et heure de réservation",
    "used": "Date et heure de validation",
    "token": "Contremarque",
    "price_category": "Intitulé du tarif",
    "price": "Prix de la réservation",
    "status": "Statut de la contremarque",
    "reimbursed": "Date et heure de remboursement",
    "duo": "Duo",
}
LEGACY = {
    "venue": "Lieu",
    "offer": "Nom de l’offre",
    "beginning": "Date de l'évènement",
    "ean": "ISBN",
    "full_name": "Nom et prénom du bénéficiaire",
    "created": "Date et heure de réservation",
    "used": "Date et heure de validation",
    "token": "Contremarque",
    "price_category": "Intitulé du tarif",
    "price": "Prix de la réservation",
    "status": "Statut de la contremarque",
    "reimbursed": "Date et heure de remboursement",
}
OPTIONAL = ("duo", "reimbursed")  # older files may lack them
STATUSES = {
    "réservé": "CONFIRMED",
    "confirmé": "CONFIRMED",
    "validé": "USED",
    "annulé": "CANCELLED",
    "en cours de remboursement": "REIMBURSED",
    "remboursé": "REIMBURSED",
}


class ImportError_(KioskError):
    """An export file the kiosk cannot read (`message` French, `text(lang)` either)."""


@dataclass
class ImportReport:
    format: str
    bookings: int
    tokens: int
    matched: int
    created: int
    covered: int = 0  # current bookings whose token is now known offline
    current: int = 0  # current (CONFIRMED) bookings of the counter's venues

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _norm_header(h: Any) -> str:
    return str(h or "").strip().lstrip("\ufeff").replace("'", "’") if h else ""


def _read_rows(path: Path) -> tuple[list[str], list[list[Any]]]:
    data = path.read_bytes()
    if data[:2] == b"PK":
        try:
            from openpyxl import load_workbook

            wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:
            raise ImportError_(Phrase.of("import.bad_xlsx", kind=type(exc).__name__)) from None
        ws = wb.active
        rows = [list(r) for r in ws.iter_rows(values_only=True)] if ws is not None else []
        wb.close()
    else:
        try:
            content = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            content = data.decode("cp1252", errors="strict")
        rows = [list(r) for r in csv.reader(io.StringIO(content), delimiter=";")]
    rows = [r for r in rows if any(c not in (None, "") for c in r)]
    if not rows:
        raise ImportError_(Phrase.of("import.empty"))
    return [_norm_header(h) for h in rows[0]], rows[1:]


def _columns(header: list[str]) -> tuple[str, dict[str, int]]:
    for name, spec in (("export actuel", CURRENT), ("ancien export", LEGACY)):
        wanted = {k: _norm_header(v) for k, v in spec.items()}
        if all(v in header for k, v in wanted.items() if k not in OPTIONAL):
            return name, {k: header.index(v) for k, v in wanted.items() if v in header}
    missing = [v for v in CURRENT.values() if _norm_header(v) not in header]
    raise ImportError_(Phrase.of("import.not_an_export", columns=", ".join(missing[:4])))


def _datetime(value: Any, line: int, what: str) -> datetime | None:
    """`what`: the column, an `import.what.*` id suffix (said in the reader's language)."""
    if value in (None, ""):
        return None
    if isinstance(value, datetime):
        dt = value
    else:
        s = str(value).strip()
        dt = None
        for fmt in ("%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y %Hh%M", "%d/%m/%Y"):
            try:
                dt = datetime.strptime(s, fmt)
                break
            except ValueError:
                continue
        if dt is None:
            try:
                dt = datetime.fromisoformat(s)
            except ValueError:
                raise ImportError_(
                    Phrase.of(
                        "import.bad_date", line=line, what=Phrase.of(f"import.what.{what}"), value=s
                    )
                ) from None
    return dt if dt.tzinfo else dt.replace(tzinfo=PARIS)


def _price(value: Any, line: int) -> int:
    if isinstance(value, (int, float)):
        return round(float(value) * 100)
    s = str(value or "").replace("€", "").replace("\u202f", "").replace(" ", "").replace(",", ".")
    try:
        return round(float(s) * 100)
    except ValueError:
        raise ImportError_(Phrase.of("import.bad_price", line=line, value=value)) from None


def _parse(path: Path) -> tuple[str, list[dict[str, Any]]]:
    header, rows = _read_rows(path)
    fmt, col = _columns(header)
    out = []
    for n, raw in enumerate(rows, start=2):
        cells = list(raw) + [None] * (len(header) - len(raw))

        def get(key: str, cells: list[Any] = cells) -> Any:
            i = col.get(key)
            v = cells[i] if i is not None else None
            return v.strip() if isinstance(v, str) else v

        status_label = str(get("status") or "").strip().lower()
        if status_label not in STATUSES:
            raise ImportError_(Phrase.of("import.bad_status", line=n, value=status_label))
        token = str(get("token") or "").strip().upper()
        if token and (len(token) != 6 or not token.isalnum()):
            raise ImportError_(Phrase.of("import.bad_token", line=n, value=token))
        if "full_name" in col:
            full = str(get("full_name") or "").split(" ", 1)
            last, first = full[0], (full[1] if len(full) > 1 else "")
        else:
            first, last = get("first_name") or "", get("last_name") or ""
        created = _datetime(get("created"), n, "created")
        if created is None:
            raise ImportError_(Phrase.of("import.no_created", line=n))
        offer = str(get("offer") or "").strip()
        if not offer:
            raise ImportError_(Phrase.of("import.no_offer", line=n))
        duo_cell = str(get("duo") or "").strip().lower()
        # The export lists a DUO booking as two lines, "DUO 1" and "DUO 2", each at the unit
        # price; older files said "Oui".
        duo = duo_cell.startswith("duo") or duo_cell in ("oui", "true", "1", "yes")
        if duo_cell.startswith("duo") and duo_cell != "duo 1" and token:
            continue
        out.append(
            {
                "token": token or None,
                "status": STATUSES[status_label],
                "offer_name": offer[:200],
                "venue_name": str(get("venue") or "").strip()[:200],
                "offer_ean": (str(get("ean")).strip() or None) if get("ean") else None,
                "first_name": str(first).strip() or None,
                "last_name": str(last).strip() or None,
                "created_at": created,
                "used_at": _datetime(get("used"), n, "used"),
                "reimbursed_at": _datetime(get("reimbursed"), n, "reimbursed"),
                "beginning": _datetime(get("beginning"), n, "beginning"),
                "price_category_label": get("price_category") or None,
                "price_cents": _price(get("price"), n),
                "quantity": 2 if duo else 1,
            }
        )
    return fmt, out


def _local_id(row: dict[str, Any]) -> int:
    key = f"{row['token']}|{row['offer_name']}|{row['created_at'].isoformat()}|{row['last_name']}"
    return -int.from_bytes(hashlib.sha256(key.encode()).digest()[:6], "big")


def import_file(db: Database, path: str | Path, *, venue_ids: tuple[int, ...] = ()) -> ImportReport:
    path = Path(path)
    if not path.is_file():
        raise ImportError_(Phrase.of("import.not_found", path=path))
    try:
        fmt, rows = _parse(path)
    except (OSError, UnicodeDecodeError) as exc:
        raise ImportError_(Phrase.of("import.unreadable", error=exc)) from None
    matched = created = tokens = 0
    now = utcnow()
    with db.connect_writer() as conn, conn.begin():
        by_name = venues.by_name(conn)
        for row in rows:
            venue = by_name.get(row["venue_name"])
            unit = row.pop("price_cents")
            key = bookings.search_key(row["first_name"], row["last_name"])
            found = bookings.find_same_booking(conn, row["offer_name"], key, row["created_at"])
            if found is not None:
                matched += 1
                booking_id = found
            else:
                created += 1
                booking_id = _local_id(row)
                vid = venue.id if venue is not None else (venue_ids[0] if venue_ids else 0)
                dep = venue.department_code if venue is not None else None
                bookings.upsert(
                    conn,
                    [
                        {
                            "id": booking_id,
                            "status": row["status"],
                            "quantity": row["quantity"],
                            "price_cents": unit,
                            "offer_id": 0,
                            "offer_name": row["offer_name"],
                            "offer_ean": row["offer_ean"],
                            "stock_id": None,
                            "price_category_label": row["price_category_label"],
                            "venue_id": vid,
                            "venue_name": row["venue_name"] or (venue.name if venue else ""),
                            "department_code": dep,
                            "first_name": row["first_name"],
                            "last_name": row["last_name"],
                            "created_at": row["created_at"],
                            "cancellation_limit": cancellation_limit(
                                row["created_at"], row["beginning"]
                            ),
                            "beginning": row["beginning"],
                            "used_at": row["used_at"],
                            "reimbursed_at": row["reimbursed_at"],
                            "reimbursed_source": "import" if row["reimbursed_at"] else None,
                        }
                    ],
                    now,
                )
            if row["status"] == "REIMBURSED":  # with the export's date: the report's truth
                bookings.mark_reimbursed(conn, booking_id, row["reimbursed_at"], now, "import")
            if row["token"]:
                tokens += 1
                bookings.learn_token(conn, booking_id, row["token"], "import")
        bookings.reconcile_imported(conn)
        covered, current = bookings.token_coverage(conn, venue_ids)
    return ImportReport(fmt, len(rows), tokens, matched, created, covered, current)
