"""Subcategories used by the sandbox (facts §5) and the event-category listing of the API."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Subcategory:
    id: str
    category: str
    label: str
    is_event: bool
    is_online: bool = False


_ROWS: tuple[tuple[str, str, str, bool, bool], ...] = (
    ("LIVRE_PAPIER", "LIVRE", "Livre", False, False),
    ("LIVRE_AUDIO_PHYSIQUE", "LIVRE", "Livre audio sur support physique", False, False),
    ("LIVRE_NUMERIQUE", "LIVRE", "Livre numérique, e-book", False, True),
    ("ABO_LIVRE_NUMERIQUE", "LIVRE", "Abonnement livres numériques", False, True),
    ("FESTIVAL_LIVRE", "LIVRE", "Festival et salon du livre", True, False),
    ("SUPPORT_PHYSIQUE_FILM", "FILM", "Support physique (DVD, Blu-ray...)", False, False),
    ("VOD", "FILM", "Vidéo à la demande", False, True),
    ("ABO_PLATEFORME_VIDEO", "FILM", "Abonnement plateforme streaming", False, True),
    ("CONCERT", "MUSIQUE_LIVE", "Concert", True, False),
    ("FESTIVAL_MUSIQUE", "MUSIQUE_LIVE", "Festival de musique", True, False),
    ("LIVESTREAM_MUSIQUE", "MUSIQUE_LIVE", "Livestream musical", True, True),
    ("SUPPORT_PHYSIQUE_MUSIQUE_CD", "MUSIQUE_ENREGISTREE", "CD", False, False),
    (
        "SUPPORT_PHYSIQUE_MUSIQUE_VINYLE",
        "MUSIQUE_ENREGISTREE",
        "Vinyles et autres supports",
        False,
        False,
    ),
    ("SPECTACLE_REPRESENTATION", "SPECTACLE", "Spectacle, représentation", True, False),
    ("LIVESTREAM_EVENEMENT", "SPECTACLE", "Live stream d’évènement", True, True),
    ("SPECTACLE_ENREGISTRE", "SPECTACLE", "Spectacle enregistré", False, True),
    ("VISITE_VIRTUELLE", "MUSEE", "Visite virtuelle", False, True),
    ("VISITE_GUIDEE", "MUSEE", "Visite guidée", True, False),
    ("ATELIER_PRATIQUE_ART", "PRATIQUE_ART", "Atelier, stage de pratique artistique", True, False),
    ("RENCONTRE", "CONFERENCE", "Rencontre", True, False),
    ("SEANCE_CINE", "CINEMA", "Séance de cinéma", True, False),
    ("CARTE_CINE_MULTISEANCES", "CINEMA", "Carte cinéma multi-séances", False, False),
)

SUBCATEGORIES: dict[str, Subcategory] = {row[0]: Subcategory(*row) for row in _ROWS}

# Event categories as GET /public/offers/v1/events/categories lists them: id, label and the
# fields of the matching ``*_read`` schema of the spec (value = mandatory at creation).
_EVENT_CATEGORIES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("ACTIVATION_EVENT", "Catégorie technique d'évènement d'activation ", ()),
    ("ATELIER_PRATIQUE_ART", "Atelier, stage de pratique artistique", ("speaker",)),
    ("CINE_PLEIN_AIR", "Cinéma plein air", ("author", "stageDirector", "visa")),
    ("CONCERT", "Concert", ("author", "musicType", "performer")),
    ("CONCOURS", "Concours - jeux", ()),
    ("CONFERENCE", "Conférence", ("speaker",)),
    ("DECOUVERTE_METIERS", "Découverte des métiers", ("speaker",)),
    ("EVENEMENT_CINE", "Évènement cinématographique", ("author", "stageDirector", "visa")),
    ("EVENEMENT_JEU", "Évènements - jeux", ()),
    ("EVENEMENT_MUSIQUE", "Autre type d'évènement musical", ("author", "musicType", "performer")),
    ("EVENEMENT_PATRIMOINE", "Évènement et atelier patrimoine", ()),
    ("FESTIVAL_ART_VISUEL", "Festival d'arts visuels / arts numériques", ("author", "performer")),
    ("FESTIVAL_CINE", "Festival de cinéma", ("author", "stageDirector", "visa")),
    ("FESTIVAL_LIVRE", "Festival et salon du livre", ()),
    ("FESTIVAL_MUSIQUE", "Festival de musique", ("author", "musicType", "performer")),
    (
        "FESTIVAL_SPECTACLE",
        "Festival de spectacle vivant",
        ("author", "performer", "showType", "stageDirector"),
    ),
    (
        "LIVESTREAM_EVENEMENT",
        "Livestream d'évènement",
        ("author", "performer", "showType", "stageDirector"),
    ),
    ("LIVESTREAM_MUSIQUE", "Livestream musical", ("author", "musicType", "performer")),
    ("LIVESTREAM_PRATIQUE_ARTISTIQUE", "Pratique artistique - livestream", ()),
    ("RENCONTRE_EN_LIGNE", "Rencontre en ligne", ("speaker",)),
    ("RENCONTRE_JEU", "Rencontres - jeux", ()),
    ("RENCONTRE", "Rencontre", ("speaker",)),
    ("SALON", "Salon, Convention", ("speaker",)),
    ("SEANCE_CINE", "Séance de cinéma", ("author", "stageDirector", "visa")),
    ("SEANCE_ESSAI_PRATIQUE_ART", "Séance d'essai", ("speaker",)),
    (
        "SPECTACLE_REPRESENTATION",
        "Spectacle, représentation",
        ("author", "performer", "showType", "stageDirector"),
    ),
    ("VISITE_GUIDEE", "Visite guidée", ()),
    ("VISITE", "Visite libre", ()),
)

_MANDATORY_FIELDS = frozenset({"musicType", "showType"})


def event_categories() -> list[dict[str, object]]:
    return [
        {
            "id": category_id,
            "conditionalFields": {name: name in _MANDATORY_FIELDS for name in fields},
            "label": label,
        }
        for category_id, label, fields in _EVENT_CATEGORIES
    ]


def get(subcategory_id: str) -> Subcategory:
    try:
        return SUBCATEGORIES[subcategory_id]
    except KeyError:
        raise ValueError(f"unknown subcategory {subcategory_id!r}") from None
