"""Deterministic worlds: ``empty`` (offerers and venues only) and ``demo``.

Everything is relative to the clock's now at seeding time, and derived from one
``random.Random(seed_value)``: same now + same seed value → same world.
"""

from __future__ import annotations

import json
import random
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from kiosk.sandbox import demo_data as data
from kiosk.sandbox import rules
from kiosk.sandbox.db import Database, iso
from kiosk.sandbox.timezones import zone_for_department
from kiosk.sandbox.tokens import unique_tokens

MAIN_OFFERER_ID = 1
OTHER_OFFERER_ID = 2
BOOKSHOP_VENUE_ID = 1
CONCERT_HALL_VENUE_ID = 2
REUNION_VENUE_ID = 3
DIGITAL_VENUE_ID = 4
CINEMA_VENUE_ID = 5
MADELEN_PROGRAMMES = 13_000
DAY = timedelta(days=1)
HOUR = timedelta(hours=1)


def ean13(rng: random.Random, prefix: str) -> str:
    body = prefix + "".join(str(rng.randrange(10)) for _ in range(12 - len(prefix)))
    return body + str(ean_check_digit(body))


def ean_check_digit(first12: str) -> int:
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return (10 - total % 10) % 10


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


@dataclass
class _Offer:
    id: int
    venue_id: int
    subcategory_id: str
    is_event: bool
    is_digital: bool
    is_duo: bool
    price: int
    group: str
    name: str
    stock_ids: list[int] = field(default_factory=list)


@dataclass
class _Stock:
    id: int
    offer_id: int
    price: int
    beginning: datetime | None
    price_category_id: int | None
    price_category_label: str | None


class _Builder:
    def __init__(self, db: Database, now: datetime, seed_value: int) -> None:
        self.db = db
        self.now = now.replace(microsecond=0)
        self.rng = random.Random(seed_value)
        self.offer_rows: list[tuple[Any, ...]] = []
        self.stock_rows: list[tuple[Any, ...]] = []
        self.pc_rows: list[tuple[Any, ...]] = []
        self.offers: dict[int, _Offer] = {}
        self.stocks: dict[int, _Stock] = {}
        self.next_offer_id = 1
        self.next_stock_id = 1
        self.next_pc_id = 1
        self.venue_departments: dict[int, str | None] = {}

    # --- base world ------------------------------------------------------------------
    def base(self) -> None:
        created = iso(self.now - 900 * DAY)
        offerers = [
            (MAIN_OFFERER_ID, "Médiathèque & Librairie Les Mots Passants", "532478109", created),
            (OTHER_OFFERER_ID, "Cinéma Le Rex", "419283746", created),
        ]
        venues = [
            (
                BOOKSHOP_VENUE_ID,
                1,
                "Librairie Les Mots Passants",
                "Les Mots Passants",
                "53247810900018",
                "12 rue de la République",
                "Lyon",
                "69002",
                "69",
                "BOOKSTORE",
                0,
            ),
            (
                CONCERT_HALL_VENUE_ID,
                1,
                "La Halle aux Sons",
                "La Halle aux Sons",
                "53247810900026",
                "41 quai de Rive-Neuve",
                "Marseille",
                "13007",
                "13",
                "CONCERT_HALL",
                0,
            ),
            (
                REUNION_VENUE_ID,
                1,
                "Médiathèque Ti Kaz Lecture",
                "Ti Kaz Lecture",
                "53247810900034",
                "8 rue de Paris",
                "Saint-Denis",
                "97400",
                "974",
                "LIBRARY",
                0,
            ),
            (
                DIGITAL_VENUE_ID,
                1,
                "Les Mots Passants - Offre numérique",
                None,
                None,
                None,
                None,
                None,
                None,
                "DIGITAL",
                1,
            ),
            (
                CINEMA_VENUE_ID,
                2,
                "Cinéma Le Rex",
                "Le Rex",
                "41928374600011",
                "1 boulevard Poissonnière",
                "Paris",
                "75002",
                "75",
                "MOVIE",
                0,
            ),
        ]
        with self.db.transaction() as conn:
            conn.executemany(
                "INSERT INTO offerer (id, name, siren, created) VALUES (?,?,?,?)", offerers
            )
            conn.executemany(
                "INSERT INTO venue (id, offerer_id, name, public_name, siret, address, city,"
                " postal_code, department_code, activity_domain, is_digital, created)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [(*venue, created) for venue in venues],
            )
        self.venue_departments = {venue[0]: venue[8] for venue in venues}

    # --- offers ------------------------------------------------------------------------
    def add_offer(
        self,
        venue_id: int,
        subcategory_id: str,
        name: str,
        *,
        group: str,
        price: int,
        is_event: bool = False,
        is_duo: bool = False,
        ean: str | None = None,
        extra: dict[str, Any] | None = None,
        description: str | None = None,
        url: str | None = None,
        credit: str | None = None,
        duration: int | None = None,
        quantity: int | None = None,
    ) -> _Offer:
        offer_id = self.next_offer_id
        self.next_offer_id += 1
        is_digital = venue_id == DIGITAL_VENUE_ID
        withdrawal = None
        if not is_digital and not is_event:
            withdrawal = (
                "À retirer en librairie, aux horaires d'ouverture, "
                "sur présentation de la contremarque."
            )
        elif is_event and not is_digital:
            withdrawal = (
                "Billet à retirer à l'accueil le soir même, sur présentation de la contremarque."
            )
        self.offer_rows.append(
            (
                offer_id,
                venue_id,
                name,
                subcategory_id,
                int(is_event),
                int(is_digital),
                int(is_duo),
                ean,
                json.dumps(extra or {}, ensure_ascii=False),
                description,
                url,
                f"lmp-{offer_id}" if offer_id % 3 == 0 else None,
                withdrawal,
                duration,
                credit,
                iso(self.now - (200 + offer_id % 300) * DAY),
            )
        )
        offer = _Offer(
            offer_id, venue_id, subcategory_id, is_event, is_digital, is_duo, price, group, name
        )
        self.offers[offer_id] = offer
        if not is_event:
            self._add_stock(offer, price, None, None, None, quantity)
        return offer

    def _add_stock(
        self,
        offer: _Offer,
        price: int,
        beginning: datetime | None,
        pc_id: int | None,
        pc_label: str | None,
        quantity: int | None,
    ) -> _Stock:
        stock_id = self.next_stock_id
        self.next_stock_id += 1
        self.stock_rows.append(
            (stock_id, offer.id, price, quantity, iso(beginning), iso(beginning), pc_id)
        )
        stock = _Stock(stock_id, offer.id, price, beginning, pc_id, pc_label)
        self.stocks[stock_id] = stock
        offer.stock_ids.append(stock_id)
        return stock

    def add_dates(
        self, offer: _Offer, starts: list[datetime], categories: list[tuple[str, int]]
    ) -> None:
        pcs: list[tuple[int, str, int]] = []
        for label, price in categories:
            pcs.append((self.next_pc_id, label, price))
            self.pc_rows.append((self.next_pc_id, offer.id, label, price))
            self.next_pc_id += 1
        for start in starts:
            for pc_id, label, price in pcs:
                self._add_stock(offer, price, start, pc_id, label, 400)

    def local_evening(self, venue_id: int, days: int, hour: int = 20, minute: int = 30) -> datetime:
        zone = zone_for_department(self.venue_departments[venue_id])
        local_day = (self.now.astimezone(zone) + days * DAY).date()
        return datetime.combine(local_day, time(hour, minute), tzinfo=zone)

    def tonight(self) -> datetime:
        start = self.local_evening(CONCERT_HALL_VENUE_ID, 0)
        if start < self.now + HOUR:
            start = (self.now + 2 * HOUR).replace(minute=0, second=0)
        return start

    def catalogue(self) -> dict[str, _Offer]:
        rng = self.rng
        landmarks: dict[str, _Offer] = {}
        # Click-and-collect books (Lyon, and a shelf in La Réunion).
        for title, author in data.CLASSIC_BOOKS:
            for venue_id in (BOOKSHOP_VENUE_ID, REUNION_VENUE_ID):
                if venue_id == REUNION_VENUE_ID and rng.random() < 0.6:
                    continue
                ean = ean13(rng, "9782")
                self.add_offer(
                    venue_id,
                    "LIVRE_PAPIER",
                    title,
                    group="book",
                    price=rng.choice([590, 790, 850, 990, 1250, 2100]),
                    ean=ean,
                    extra={"author": author},
                    quantity=rng.choice([None, 5, 10]),
                    description=f"{title}, de {author}. Édition de poche.",
                )
        for series, author, volumes in data.MANGA_SERIES + data.BD_SERIES:
            shown = sorted(rng.sample(range(1, volumes + 1), min(volumes, 14)))
            for volume in shown:
                name = (
                    f"{series} {volume}" if series.endswith("Tome") else f"{series} - Tome {volume}"
                )
                self.add_offer(
                    BOOKSHOP_VENUE_ID,
                    "LIVRE_PAPIER",
                    name,
                    group="book",
                    price=rng.choice([695, 720, 1150, 1295]),
                    ean=ean13(rng, "9782"),
                    extra={"author": author},
                    quantity=rng.choice([None, 3, 8]),
                )
        for album, artist, music_type in data.ALBUMS:
            vinyl = rng.random() < 0.35
            self.add_offer(
                BOOKSHOP_VENUE_ID,
                "SUPPORT_PHYSIQUE_MUSIQUE_VINYLE" if vinyl else "SUPPORT_PHYSIQUE_MUSIQUE_CD",
                f"{album} ({'vinyle' if vinyl else 'CD'})",
                group="music",
                price=rng.choice([2499, 2999, 3490]) if vinyl else rng.choice([999, 1299, 1599]),
                ean=ean13(rng, rng.choice(["060", "019", "3700"])),
                extra={"author": artist, "performer": artist, "musicType": music_type},
            )
        # Digital: Izneo, platforms, films, the Cluny 3D visit, Madelen programmes.
        for months, price in ((1, 999), (3, 2499), (6, 4499)):
            self.add_offer(
                DIGITAL_VENUE_ID,
                "ABO_LIVRE_NUMERIQUE",
                f"Abonnement izneo BD & mangas - {months} mois",
                group="book",
                price=price,
                url="https://www.izneo.com/fr/pass-culture",
                description="Des milliers de BD, mangas et comics en lecture numérique.",
            )
        for platform, name in data.VIDEO_PLATFORMS:
            self.add_offer(
                DIGITAL_VENUE_ID,
                "ABO_PLATEFORME_VIDEO",
                name,
                group="video",
                price=rng.choice([699, 1499, 1990]),
                url=f"https://pass.example.fr/{_ascii(platform).replace(' ', '-')}",
                credit=platform,
            )
        for film, director in data.FILMS:
            platform = rng.choice(data.VIDEO_PLATFORMS[:4])[0]
            self.add_offer(
                DIGITAL_VENUE_ID,
                "VOD",
                f"{film} - {platform}",
                group="video",
                price=rng.choice([299, 399, 499]),
                credit=platform,
                url=f"https://vod.example.fr/film/{self.next_offer_id}",
                description=f"Un film de {director}, en location 48 h sur {platform}.",
            )
        landmarks["cluny"] = self.add_offer(
            DIGITAL_VENUE_ID,
            "VISITE_VIRTUELLE",
            "Visite 3D du musée de Cluny - musée national du Moyen Âge",
            group="other",
            price=0,
            url="https://www.musee-moyenage.fr/visite-virtuelle",
            credit="Musée de Cluny",
            description="Parcourez en 3D les salles du musée de Cluny et la Dame à la licorne.",
        )
        # Live events in Marseille, La Réunion and online.
        tonight = self.tonight()
        first_artist, first_type = data.CONCERT_ARTISTS[0]
        landmarks["tonight"] = concert = self.add_offer(
            CONCERT_HALL_VENUE_ID,
            "CONCERT",
            f"{first_artist} en concert",
            group="concert",
            price=2500,
            is_event=True,
            is_duo=True,
            duration=120,
            extra={"performer": first_artist, "musicType": first_type},
        )
        self.add_dates(concert, [tonight], [("Tarif unique", 2500)])
        for index, (artist, music_type) in enumerate(data.CONCERT_ARTISTS[1:], start=1):
            offer = self.add_offer(
                CONCERT_HALL_VENUE_ID,
                "CONCERT",
                f"{artist} en concert",
                group="concert",
                price=3000,
                is_event=True,
                is_duo=True,
                duration=120,
                extra={"performer": artist, "musicType": music_type},
            )
            days = [-40 + index * 7, index * 9 - 20]
            self.add_dates(
                offer,
                [self.local_evening(CONCERT_HALL_VENUE_ID, d) for d in days],
                [("Fosse", 2500), ("Balcon", 3500)],
            )
        landmarks["soon"] = soon = self.add_offer(
            CONCERT_HALL_VENUE_ID,
            "CONCERT",
            "Ibrahim Maalouf - Trumpets of Michel-Ange",
            group="concert",
            price=3200,
            is_event=True,
            is_duo=True,
            duration=110,
            extra={"performer": "Ibrahim Maalouf", "musicType": "JAZZ-BLUES"},
        )
        self.add_dates(soon, [self.local_evening(CONCERT_HALL_VENUE_ID, 5)], [("Carré or", 3200)])
        festival = self.add_offer(
            CONCERT_HALL_VENUE_ID,
            "FESTIVAL_MUSIQUE",
            "Festival Les Nuits du Vieux-Port - pass 3 jours",
            group="concert",
            price=5900,
            is_event=True,
            duration=1440,
            extra={"performer": "Artistes variés", "musicType": "ELECTRO"},
        )
        self.add_dates(
            festival,
            [self.local_evening(CONCERT_HALL_VENUE_ID, d, 18, 0) for d in (-60, 25)],
            [("Pass 3 jours", 5900)],
        )
        for title, author, show_type in data.SHOWS:
            offer = self.add_offer(
                CONCERT_HALL_VENUE_ID,
                "SPECTACLE_REPRESENTATION",
                title,
                group="other",
                price=2200,
                is_event=True,
                is_duo=True,
                duration=90,
                extra={"author": author, "showType": show_type},
            )
            days = [rng.randint(-30, -3), rng.randint(3, 30)]
            self.add_dates(
                offer,
                [self.local_evening(CONCERT_HALL_VENUE_ID, d, 21, 0) for d in days],
                [("Plein tarif", 2200)],
            )
        for title, speaker in data.WORKSHOPS:
            offer = self.add_offer(
                BOOKSHOP_VENUE_ID,
                "ATELIER_PRATIQUE_ART",
                title,
                group="art",
                price=1500,
                is_event=True,
                duration=150,
                extra={"speaker": speaker},
            )
            days = [rng.randint(-20, -2), rng.randint(4, 20)]
            self.add_dates(
                offer,
                [self.local_evening(BOOKSHOP_VENUE_ID, d, 14, 0) for d in days],
                [("Tarif unique", 1500)],
            )
        for title, speaker in data.REUNION_WORKSHOPS:
            offer = self.add_offer(
                REUNION_VENUE_ID,
                "ATELIER_PRATIQUE_ART",
                title,
                group="art",
                price=1000,
                is_event=True,
                duration=120,
                extra={"speaker": speaker},
            )
            days = [-10, 6]
            self.add_dates(
                offer,
                [self.local_evening(REUNION_VENUE_ID, d, 15, 0) for d in days],
                [("Tarif unique", 1000)],
            )
        for index, (artist, music_type) in enumerate(data.REUNION_ARTISTS):
            offer = self.add_offer(
                REUNION_VENUE_ID,
                "CONCERT",
                f"{artist} - concert maloya",
                group="concert",
                price=1800,
                is_event=True,
                is_duo=True,
                duration=100,
                extra={"performer": artist, "musicType": music_type},
            )
            days = [-15 + index, 4 + index * 3]
            self.add_dates(
                offer,
                [self.local_evening(REUNION_VENUE_ID, d, 19, 30) for d in days],
                [("Tarif unique", 1800)],
            )
            if index == 0:
                landmarks["reunion"] = offer
        for title, artist, music_type in data.LIVESTREAMS_MUSIC:
            offer = self.add_offer(
                DIGITAL_VENUE_ID,
                "LIVESTREAM_MUSIQUE",
                title,
                group="music",
                price=500,
                is_event=True,
                duration=90,
                url="https://live.example.fr/stream",
                extra={"performer": artist, "musicType": music_type},
            )
            self.add_dates(
                offer,
                [self.local_evening(BOOKSHOP_VENUE_ID, d) for d in (-12, 8)],
                [("Accès au direct", 500)],
            )
        for title, author, show_type in data.LIVESTREAMS_SHOWS:
            offer = self.add_offer(
                DIGITAL_VENUE_ID,
                "LIVESTREAM_EVENEMENT",
                title,
                group="other",
                price=500,
                is_event=True,
                duration=100,
                url="https://live.example.fr/scene",
                extra={"author": author, "showType": show_type},
            )
            self.add_dates(
                offer,
                [self.local_evening(BOOKSHOP_VENUE_ID, d) for d in (-8, 12)],
                [("Accès au direct", 500)],
            )
        # The other offerer: a cinema, to check that keys do not see each other's data.
        for film, director in data.FILMS[:3]:
            offer = self.add_offer(
                CINEMA_VENUE_ID,
                "SEANCE_CINE",
                film,
                group="cinema",
                price=700,
                is_event=True,
                duration=110,
                extra={"stageDirector": director},
            )
            self.add_dates(
                offer,
                [self.local_evening(CINEMA_VENUE_ID, d) for d in (-3, 0, 4)],
                [("Plein tarif", 700)],
            )
        self._madelen()
        return landmarks

    def _madelen(self) -> None:
        rng = self.rng
        series = data.MADELEN_SERIES
        for index in range(MADELEN_PROGRAMMES):
            show = series[index % len(series)]
            number = index // len(series) + 1
            kind = data.MADELEN_EPISODE_KINDS[index % len(data.MADELEN_EPISODE_KINDS)]
            if kind == "Émission du":
                year = 1955 + (index * 7) % 40
                label = f"Émission du {1 + index % 28:02d}/{1 + index % 12:02d}/{year}"
            else:
                label = f"{kind} {number}"
            self.add_offer(
                DIGITAL_VENUE_ID,
                "VOD",
                f"{show} - {label}",
                group="video",
                price=rng.choice((199, 299)),
                credit="INA - Madelen",
                url=f"https://madelen.ina.fr/programme/{index + 1}",
            )

    def flush_catalogue(self) -> None:
        with self.db.transaction() as conn:
            conn.executemany(
                "INSERT INTO offer (id, venue_id, name, subcategory_id, is_event, is_digital,"
                " is_duo, ean, extra, description, url, id_at_provider, withdrawal_details,"
                " duration_minutes, image_credit, created)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                self.offer_rows,
            )
            conn.executemany("INSERT INTO price_category VALUES (?,?,?,?)", self.pc_rows)
            conn.executemany(
                "INSERT INTO stock (id, offer_id, price, quantity, beginning_datetime,"
                " booking_limit_datetime, price_category_id) VALUES (?,?,?,?,?,?,?)",
                self.stock_rows,
            )

    # --- bookings ------------------------------------------------------------------------
    def users(self, count: int) -> dict[str, list[dict[str, Any]]]:
        rng = self.rng
        regions: dict[str, list[dict[str, Any]]] = {"69": [], "13": [], "974": [], "75": []}
        region_cycle = ["69"] * 6 + ["13"] * 2 + ["974"] + ["75"]
        seen: set[str] = set()
        for index in range(count):
            region = region_cycle[index % len(region_cycle)]
            first = rng.choice(data.FIRST_NAMES)
            last_pool = data.REUNION_LAST_NAMES if region == "974" else data.LAST_NAMES
            last = rng.choice(last_pool)
            handle = f"{_ascii(first)}.{_ascii(last).replace(' ', '')}"
            email = f"{handle}@example.fr"
            suffix = 2
            while email in seen:
                email = f"{handle}{suffix}@example.fr"
                suffix += 1
            seen.add(email)
            birth = (self.now - timedelta(days=365 * 18 + rng.randrange(0, 700))).date()
            if region == "974":
                phone = f"+262692{rng.randrange(10**6):06d}"
                postal = rng.choice(["97400", "97410", "97460", "97490"])
            else:
                phone = f"+336{rng.randrange(10**8):08d}"
                postal = {
                    "69": rng.choice(["69001", "69003", "69007", "69100", "69500"]),
                    "13": rng.choice(["13001", "13005", "13008", "13090"]),
                    "75": rng.choice(["75002", "75011", "75018", "93100"]),
                }[region]
            regions[region].append(
                {
                    "first": first,
                    "last": last,
                    "email": email,
                    "phone": phone if rng.random() < 0.85 else None,
                    "birth": birth.isoformat(),
                    "postal": postal,
                }
            )
        return regions

    def bookings(self, landmarks: dict[str, _Offer], total: int = 1500) -> None:
        rng = self.rng
        users = self.users(700)
        by_group: dict[str, list[_Offer]] = {}
        for offer in self.offers.values():
            if offer.venue_id == CINEMA_VENUE_ID:
                continue
            by_group.setdefault(offer.group, []).append(offer)
        madelen = [o for o in by_group["video"] if o.subcategory_id == "VOD"]
        # Concerts get 5 here: the 50 landmark bookings above bring them to ~8 %.
        weights = {"book": 55, "music": 12, "video": 10, "concert": 5, "art": 4, "other": 11}
        plan: list[tuple[_Offer, _Stock | None, dict[str, Any]]] = []
        tonight_offer = landmarks["tonight"]
        tonight_stock = self.stocks[tonight_offer.stock_ids[0]]
        for _ in range(42):  # a full house tonight, all past their cancellation window
            plan.append((tonight_offer, tonight_stock, {"age_days": rng.uniform(3, 25)}))
        soon = landmarks["soon"]
        for _ in range(8):  # booked < 48 h ago for an event in 5 days: still cancellable
            plan.append((soon, self.stocks[soon.stock_ids[0]], {"age_days": rng.uniform(0.1, 1.8)}))
        groups = list(weights)
        for _ in range(total - len(plan)):
            group = rng.choices(groups, weights=[weights[g] for g in groups])[0]
            pool = by_group[group]
            if group == "video" and rng.random() < 0.7:
                offer = rng.choice(madelen)
            else:
                offer = rng.choice(pool)
            if offer.id == tonight_offer.id:
                offer = soon
            plan.append((offer, None, {}))
        other = [o for o in self.offers.values() if o.venue_id == CINEMA_VENUE_ID]
        for _ in range(30):
            plan.append((rng.choice(other), None, {}))
        tokens = unique_tokens(rng, len(plan))
        rows = [
            self._booking_row(index + 1, tokens[index], offer, stock, options, users)
            for index, (offer, stock, options) in enumerate(plan)
        ]
        booked: dict[int, int] = {}
        for row in rows:
            if row[10] != rules.CANCELLED:
                booked[row[5]] = booked.get(row[5], 0) + row[6]
        with self.db.transaction() as conn:
            conn.executemany(
                "INSERT INTO booking (id, token, offerer_id, venue_id, offer_id, stock_id,"
                " quantity, amount, price_category_id, price_category_label, status,"
                " date_created, date_used, cancellation_date, cancellation_limit_date,"
                " cancellation_reason, reimbursement_date, validation_author,"
                " has_activation_code, user_first_name, user_last_name, user_email, user_phone,"
                " user_birth_date, user_postal_code)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                rows,
            )
            conn.executemany(
                "UPDATE stock SET booked_quantity = ? WHERE id = ?",
                [(quantity, stock_id) for stock_id, quantity in booked.items()],
            )

    def _booking_row(
        self,
        booking_id: int,
        token: str,
        offer: _Offer,
        stock: _Stock | None,
        options: dict[str, Any],
        users: dict[str, list[dict[str, Any]]],
    ) -> tuple[Any, ...]:
        rng = self.rng
        now = self.now
        if stock is None:
            stock = self.stocks[rng.choice(offer.stock_ids)]
        department = self.venue_departments[offer.venue_id]
        region = department if department in users else rng.choice(["69", "69", "13", "974"])
        user = rng.choice(users[region])
        quantity = 2 if offer.is_duo and rng.random() < 0.25 else 1
        status = rules.CONFIRMED
        used = cancelled = reimbursed = None
        reason = author = None
        activation = 0
        start = stock.beginning
        if start is None:
            created = now - timedelta(days=options.get("age_days", rng.uniform(0.02, 45)))
            age = now - created
            delay = rules.expiry_delay(offer.subcategory_id)
            if offer.is_digital:
                activation = int(offer.subcategory_id == "ABO_LIVRE_NUMERIQUE")
                if activation or rng.random() < 0.85:
                    status, used = rules.USED, created + timedelta(minutes=rng.randint(1, 90))
                    author = "AUTO" if activation else "OFFERER"
            elif age > delay:
                if rng.random() < 0.8:
                    status, author = rules.USED, "OFFERER"
                    used = created + timedelta(hours=rng.uniform(2, delay.days * 24 - 1))
                else:
                    status, reason, cancelled = rules.CANCELLED, "EXPIRED", created + delay
            else:
                draw = rng.random()
                if draw < 0.2:
                    status, author = rules.USED, "OFFERER"
                    used = created + (now - created) * rng.uniform(0.1, 0.9)
                elif draw < 0.28:
                    status, reason = rules.CANCELLED, "BENEFICIARY"
                    cancelled = created + (now - created) * rng.uniform(0.1, 0.9)
        else:
            lead = timedelta(days=options.get("age_days", rng.uniform(0.1, 25)))
            created = min(start - lead, now - timedelta(minutes=rng.randint(5, 600)))
            if "age_days" in options:
                created = now - lead
            if start < now:
                draw = rng.random()
                if draw < 0.1:
                    status, reason = rules.CANCELLED, "BENEFICIARY"
                    cancelled = created + (start - created) * 0.3
                elif now - start < 2 * DAY and draw < 0.5:
                    pass  # not yet auto-used: still CONFIRMED after the event
                else:
                    status = rules.USED
                    if rng.random() < 0.85:
                        used, author = start - timedelta(minutes=rng.randint(5, 60)), "OFFERER"
                    else:
                        used, author = start + 2 * DAY, "AUTO"
            elif "age_days" not in options and rng.random() < 0.12:
                status, reason = rules.CANCELLED, "BENEFICIARY"
                cancelled = created + (now - created) * 0.5
        old_use = status == rules.USED and used is not None and now - used > timedelta(days=16)
        if old_use and rng.random() < 0.7:
            status, reimbursed = rules.REIMBURSED, used + timedelta(days=14)
        if used is not None and used > now:
            used = now - timedelta(minutes=1)
        limit = rules.cancellation_limit_date(start, created)
        return (
            booking_id,
            token,
            1 if offer.venue_id != CINEMA_VENUE_ID else 2,
            offer.venue_id,
            offer.id,
            stock.id,
            quantity,
            stock.price,
            stock.price_category_id,
            stock.price_category_label,
            status,
            iso(created),
            iso(used),
            iso(cancelled),
            iso(limit),
            reason,
            iso(reimbursed),
            author,
            activation,
            user["first"],
            user["last"],
            user["email"],
            user["phone"],
            user["birth"],
            user["postal"],
        )


def seed_world(db: Database, kind: str, now: datetime, seed_value: int = 1) -> None:
    """Fill an empty database with the ``demo`` or ``empty`` world."""
    if kind not in ("demo", "empty"):
        raise ValueError(f"unknown seed {kind!r} (expected 'demo' or 'empty')")
    builder = _Builder(db, now, seed_value)
    builder.base()
    if kind == "demo":
        landmarks = builder.catalogue()
        builder.flush_catalogue()
        builder.bookings(landmarks)
        _payment_under_way(db)
    with db.transaction() as conn:
        conn.executemany(
            "INSERT OR REPLACE INTO meta VALUES (?, ?)",
            [("seed", kind), ("seed_value", str(seed_value)), ("seeded_at", iso(builder.now))],
        )


def _payment_under_way(db: Database) -> None:
    """One validated bookshop booking whose payment pass Culture has started (still USED): its
    validation can no longer be undone. The second used one, so the first stays a plain
    "already used" example."""
    with db.transaction() as conn:
        row = conn.execute(
            "SELECT id FROM booking WHERE status = 'USED' AND venue_id = ? "
            "ORDER BY id LIMIT 1 OFFSET 1",
            (BOOKSHOP_VENUE_ID,),
        ).fetchone()
        if row is not None:
            conn.execute("UPDATE booking SET reimbursement_pending = 1 WHERE id = ?", (row[0],))
