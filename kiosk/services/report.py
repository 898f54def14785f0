"""The manager's report ("Bilan"): what this counter validated in a period, per venue, offer,
category and staff member, and whether pass Culture paid for it (no Qt).

The sums come from SQL (kiosk.store.report); this module folds them into what people read:
days in the venue's timezone, subcategories into the youth app's categories, and for each
reconciliation case a sentence saying what to do (kiosk.domain.texts, French or English).
Privacy: no youth's name by default; `names=True` is refused for a period reaching back past
the retention period (names are erased after it anyway: kiosk.store.retention).
Exports: CSV (`;`, UTF-8 with BOM, for Excel) and XLSX; the PDF is drawn by the UI layer.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any

from kiosk.domain.categories import category_label_of
from kiosk.domain.errors import KioskError
from kiosk.domain.texts import Phrase, say
from kiosk.services.today import counter_zone
from kiosk.store import report as sql
from kiosk.store.database import Database

LATE_DAYS = 30  # past this, a validation still unpaid is worth reporting to pass Culture
LINE_LIMIT = 1000  # detail lines per case kept in a report (the sums cover everything)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ReportError(KioskError):
    """A report that cannot be made as asked (`text(lang)` says why and what to do)."""


@dataclass(frozen=True, slots=True)
class Period:
    """Calendar days `first`..`last` (both included) in the counter's timezone."""

    first: date
    last: date

    def __post_init__(self) -> None:
        if self.last < self.first:
            raise ReportError(Phrase.of("report.bad_period", start=self.first, end=self.last))

    @classmethod
    def day(cls, d: date) -> Period:
        return cls(d, d)

    @classmethod
    def week(cls, d: date) -> Period:
        monday = d - timedelta(days=d.weekday())
        return cls(monday, monday + timedelta(days=6))

    @classmethod
    def month(cls, d: date) -> Period:
        first = d.replace(day=1)
        nxt = (first + timedelta(days=32)).replace(day=1)
        return cls(first, nxt - timedelta(days=1))

    @property
    def days(self) -> list[date]:
        return [self.first + timedelta(days=i) for i in range((self.last - self.first).days + 1)]

    def bounds(self, zone: tzinfo | None) -> tuple[datetime, datetime]:
        """[start, end) as aware datetimes: local midnights (23 or 25 h days when clocks change)."""
        start = datetime.combine(self.first, time.min, tzinfo=zone)
        end = datetime.combine(self.last + timedelta(days=1), time.min, tzinfo=zone)
        if zone is None:
            start, end = start.astimezone(), end.astimezone()
        return start, end


def counter_today(db: Database, venue_ids: Collection[int], now: datetime) -> date:
    """Today in the counter's venue timezone (periods are its calendar days)."""
    with db.connect() as conn, conn.begin():
        return now.astimezone(counter_zone(conn, venue_ids)).date()


def parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ReportError(Phrase.of("report.bad_date", value=value)) from None


@dataclass(frozen=True, slots=True)
class Line:
    """A row of a per-dimension table."""

    label: str
    validations: int
    places: int
    amount_cents: int
    invalidations: int
    conflicts: int


@dataclass(frozen=True, slots=True)
class CaseSummary:
    case: str
    title: str
    count: int
    places: int
    amount_cents: int
    oldest: datetime | None
    action: str


@dataclass(frozen=True, slots=True)
class DetailLine:
    case: str
    at: datetime  # local time
    token: str | None
    offer: str | None
    venue: str | None
    staff: str | None
    quantity: int
    amount_cents: int
    status: str | None
    reimbursed_at: datetime | None
    youth: str | None  # only in a report asked with names
    action: str


@dataclass
class Report:
    period: Period
    zone: tzinfo | None
    generated: datetime
    lang: str
    names: bool
    total: Line
    tables: dict[str, list[Line]]  # venue | offer | category | staff
    per_day: list[tuple[date, int]]
    amount_per_category: list[tuple[str, int]]
    cases: list[CaseSummary]
    lines: list[DetailLine]
    truncated: dict[str, int] = field(default_factory=dict)  # case → total, when cut

    def t(self, msg_id: str, **values: Any) -> str:
        return say(msg_id, self.lang, **values)


def _fmt_date(d: datetime | date | None, zone: tzinfo | None, lang: str) -> str:
    if d is None:
        return ""
    if isinstance(d, datetime):
        d = d.astimezone(zone).date()
    return d.strftime("%d/%m/%Y") if lang == "fr" else d.isoformat()


def _line(label: str, s: sql.Sums) -> Line:
    return Line(label, s.validations, s.places, s.amount_cents, s.invalidations, s.conflicts)


def _fold(lines: Iterable[Line]) -> dict[str, Line]:
    """Sum lines of equal label (subcategories of one category, …)."""
    out: dict[str, Line] = {}
    for ln in lines:
        o = out.get(ln.label)
        out[ln.label] = (
            ln
            if o is None
            else Line(
                ln.label,
                o.validations + ln.validations,
                o.places + ln.places,
                o.amount_cents + ln.amount_cents,
                o.invalidations + ln.invalidations,
                o.conflicts + ln.conflicts,
            )
        )
    return out


def _action(
    case: str,
    lang: str,
    now: datetime,
    zone: tzinfo | None,
    *,
    at: datetime | None,
    reimbursed_at: datetime | None = None,
    source: str | None = None,
    status: str | None = None,
    conflict: str | None = None,
    summary: bool = False,
) -> str:
    if case == "reimbursed":
        if summary or reimbursed_at is None:
            return say("report.do.reimbursed_all", lang)
        key = "report.do.reimbursed" if source == "import" else "report.do.reimbursed_seen"
        return say(key, lang, date=_fmt_date(reimbursed_at, zone, lang))
    if case == "awaiting":
        days = max(0, (now - at).days) if at else 0
        key = "report.do.awaiting_late" if days > LATE_DAYS else "report.do.awaiting"
        return say(key, lang, days=days)
    if case == "unknown":
        if summary:
            reason = say("report.reason.see_lines", lang)
        elif conflict:
            reason = say(f"conflict.{conflict}.title", lang)
        elif status:
            reason = say("report.reason.none", lang, status=status)
        else:
            reason = say("report.reason.missing", lang)
        return say("report.do.unknown", lang, reason=reason)
    return say(f"report.do.{case}", lang)


def build(
    db: Database,
    period: Period,
    *,
    now: datetime,
    venue_ids: Collection[int] = (),
    lang: str = "fr",
    names: bool = False,
    retention_days: int = 30,
    line_limit: int = LINE_LIMIT,
) -> Report:
    """The report of `period` (days of the counter's venue timezone)."""
    with db.connect() as conn, conn.begin():
        zone = counter_zone(conn, venue_ids)
        if names:
            first_allowed = (now - timedelta(days=max(0, retention_days))).astimezone(zone).date()
            if period.first < first_allowed:
                raise ReportError(
                    Phrase.of(
                        "report.names_outside_retention",
                        days=retention_days,
                        first=_fmt_date(first_allowed, zone, lang),
                    )
                )
        start, end = period.bounds(zone)
        roll = sql.rollup(conn, start, end)
        days = []
        for d in period.days:
            day_start, day_end = Period.day(d).bounds(zone)
            days.append((d.isoformat(), day_start, day_end))
        per_day = sql.validations_per_day(conn, days)
        raw_lines: list[sql.CaseLine] = []
        truncated: dict[str, int] = {}
        for c in sorted(roll.cases, key=lambda c: sql.CASES.index(c.case)):
            got = list(sql.case_lines(conn, start, end, c.case, limit=line_limit, names=names))
            raw_lines.extend(got)
            if c.count > len(got):
                truncated[c.case] = c.count
    none, no_staff = say("report.none", lang), say("report.no_staff", lang)
    tables: dict[str, list[Line]] = {}
    by_dim: dict[str, list[sql.GroupRow]] = {}
    for g in roll.groups:
        by_dim.setdefault(g.dimension, []).append(g)
    tables["venue"] = [_line(g.label or none, g.sums) for g in by_dim.get("venue", [])]
    tables["offer"] = [_line(g.label or none, g.sums) for g in by_dim.get("offer", [])]
    tables["staff"] = [_line(g.label or no_staff, g.sums) for g in by_dim.get("staff", [])]
    other = say("report.other_category", lang)
    cats = _fold(
        _line(category_label_of(g.key or "") or other, g.sums)
        for g in by_dim.get("subcategory", [])
    )
    tables["category"] = list(cats.values())
    for name, lines in tables.items():
        lines.sort(key=lambda ln: (-ln.validations, -ln.amount_cents, ln.label))
        tables[name] = lines
    total = _fold(Line("total", *_sums(ln)) for ln in tables["staff"]).get(
        "total", Line("total", 0, 0, 0, 0, 0)
    )
    counts = [(d, per_day.get(d.isoformat(), 0)) for d in period.days]
    cases = [
        CaseSummary(
            c.case,
            say(f"report.case.{c.case}", lang),
            c.count,
            c.places,
            c.amount_cents,
            c.oldest,
            _action(c.case, lang, now, zone, at=c.oldest, summary=True),
        )
        for c in sorted(roll.cases, key=lambda c: sql.CASES.index(c.case))
    ]
    lines = [
        DetailLine(
            r.case,
            r.at.astimezone(zone),
            r.token,
            r.offer,
            r.venue,
            r.staff,
            r.quantity,
            r.amount_cents,
            r.status,
            r.reimbursed_at,
            r.youth,
            _action(
                r.case,
                lang,
                now,
                zone,
                at=r.at,
                reimbursed_at=r.reimbursed_at,
                source=r.reimbursed_source,
                status=r.status,
                conflict=r.conflict,
            ),
        )
        for r in raw_lines
    ]
    return Report(
        period=period,
        zone=zone,
        generated=now,
        lang=lang,
        names=names,
        total=total,
        tables=tables,
        per_day=counts,
        amount_per_category=[(ln.label, ln.amount_cents) for ln in tables["category"]],
        cases=cases,
        lines=lines,
        truncated=truncated,
    )


def _sums(ln: Line) -> tuple[int, int, int, int, int]:
    return ln.validations, ln.places, ln.amount_cents, ln.invalidations, ln.conflicts


# -- exports ---------------------------------------------------------------------------
def neutralise(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first) is
    prefixed with a quote: shown as typed, never executed."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _euros(cents: int) -> float:
    return round(cents / 100, 2)


def sections(report: Report) -> list[tuple[str, list[str], list[list[Any]]]]:
    """The report as tables: (title, header, rows); values are str, int, float or ''."""
    t, z, lang = report.t, report.zone, report.lang
    sums_head = [
        t("report.col.label"),
        t("report.col.validations"),
        t("report.col.places"),
        t("report.col.amount"),
        t("report.col.invalidations"),
        t("report.col.conflicts"),
    ]

    def sums_rows(lines: list[Line]) -> list[list[Any]]:
        return [
            [
                ln.label,
                ln.validations,
                ln.places,
                _euros(ln.amount_cents),
                ln.invalidations,
                ln.conflicts,
            ]
            for ln in lines
        ]

    total = Line(t("report.dim.total"), *_sums(report.total))
    out: list[tuple[str, list[str], list[list[Any]]]] = [
        (
            t("report.title"),
            [t("report.col.label"), ""],
            [
                [
                    t(
                        "report.period",
                        start=_fmt_date(report.period.first, z, lang),
                        end=_fmt_date(report.period.last, z, lang),
                    ),
                    "",
                ],
                [t("report.generated", now=_fmt_date(report.generated, z, lang)), ""],
            ],
        ),
        (t("report.dim.total"), sums_head, sums_rows([total])),
    ]
    for dim, key in (
        ("venue", "report.dim.venue"),
        ("offer", "report.dim.offer"),
        ("category", "report.dim.category"),
        ("staff", "report.dim.staff"),
    ):
        out.append((t(key), sums_head, sums_rows(report.tables[dim])))
    out.append(
        (
            t("report.dim.days"),
            [t("report.col.day"), t("report.col.validations")],
            [[_fmt_date(d, z, lang), n] for d, n in report.per_day],
        )
    )
    out.append(
        (
            t("report.dim.cases"),
            [
                t("report.col.case"),
                t("report.col.count"),
                t("report.col.places"),
                t("report.col.amount"),
                t("report.col.oldest"),
                t("report.col.action"),
            ],
            [
                [
                    c.title,
                    c.count,
                    c.places,
                    _euros(c.amount_cents),
                    _fmt_date(c.oldest, z, lang),
                    c.action,
                ]
                for c in report.cases
            ],
        )
    )
    head = [
        t("report.col.case"),
        t("report.col.at"),
        t("report.col.token"),
        t("report.col.offer"),
        t("report.col.venue"),
        t("report.col.staff"),
        t("report.col.places"),
        t("report.col.amount"),
        t("report.col.status"),
        t("report.col.reimbursed_at"),
    ]
    if report.names:
        head.append(t("report.col.youth"))
    head.append(t("report.col.action"))
    rows = []
    for ln in report.lines:
        row: list[Any] = [
            t(f"report.case.{ln.case}"),
            ln.at.strftime("%d/%m/%Y %H:%M") if lang == "fr" else ln.at.strftime("%Y-%m-%d %H:%M"),
            ln.token or "",
            ln.offer or "",
            ln.venue or "",
            ln.staff or "",
            ln.quantity,
            _euros(ln.amount_cents),
            ln.status or "",
            _fmt_date(ln.reimbursed_at, z, lang),
        ]
        if report.names:
            row.append(ln.youth or "")
        row.append(ln.action)
        rows.append(row)
    out.append((t("report.dim.lines"), head, rows))
    return out


def to_csv(report: Report) -> bytes:
    """One file, one table after another (a title line, a header, the rows, a blank line);
    `;`-separated, UTF-8 with a BOM so Excel reads the accents."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
    for title, head, rows in sections(report):
        w.writerow([neutralise(title)])
        w.writerow([neutralise(h) for h in head])
        for r in rows:
            w.writerow([neutralise(_csv_cell(v, report.lang)) for v in r])
        w.writerow([])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _csv_cell(v: Any, lang: str) -> Any:
    if isinstance(v, float) and lang == "fr":
        return f"{v:.2f}".replace(".", ",")  # what a French Excel reads as a number
    if isinstance(v, float):
        return f"{v:.2f}"
    return v


def to_xlsx(report: Report) -> bytes:
    """One sheet per table; amounts as numbers in euros."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    first = wb.active
    assert first is not None
    wb.remove(first)
    amount_head = report.t("report.col.amount")
    used: set[str] = set()
    for title, head, rows in sections(report):
        name = _sheet_name(title, used)
        ws = wb.create_sheet(name)
        ws.append([neutralise(h) for h in head])
        for cell in ws[1]:
            cell.font = Font(bold=True)
        money = [i + 1 for i, h in enumerate(head) if h == amount_head]
        for r in rows:
            ws.append([neutralise(v) for v in r])
            for col in money:
                ws.cell(row=ws.max_row, column=col).number_format = "#,##0.00 [$€-fr-FR]"
        for i, h in enumerate(head):
            letter = ws.cell(row=1, column=i + 1).column_letter
            ws.column_dimensions[letter].width = max(10, min(60, len(str(h)) + 4))
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _sheet_name(title: str, used: set[str]) -> str:
    base = "".join(c for c in title if c not in "[]:*?/\\")[:31] or "Feuille"
    name, n = base, 2
    while name in used:
        name = f"{base[:28]} {n}"
        n += 1
    used.add(name)
    return name
