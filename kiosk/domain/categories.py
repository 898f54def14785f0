"""pass Culture offer categories as the youth app shows them (pure data, no I/O).

The 73 subcategories with their French `appLabel`, event and online flags come from the youth
app's `src/libs/subcategories/placeholderData.ts` (facts §5). Category tiles reuse the app's
own search wording ("Livres", "Concerts & festivals", "Musées & visites culturelles"…); the
TECHNIQUE category is never shown to youths.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

YOUTH_APP_OFFER_URL = "https://passculture.app/offre/{id}"


@dataclass(frozen=True, slots=True)
class Subcategory:
    id: str
    category_id: str
    label: str
    is_event: bool = False
    is_online: bool = False


@dataclass(frozen=True, slots=True)
class Category:
    id: str
    label: str  # the tile's label


E, ON = "E", "on"

# category id → [(subcategory id, appLabel, flags)]
_TABLE: dict[str, list[tuple[str, str, str]]] = {
    "LIVRE": [
        ("LIVRE_PAPIER", "Livre", ""),
        ("LIVRE_AUDIO_PHYSIQUE", "Livre audio sur support physique", ""),
        ("LIVRE_NUMERIQUE", "Livre numérique, e-book", ON),
        ("TELECHARGEMENT_LIVRE_AUDIO", "Livre audio à télécharger", ON),
        ("ABO_BIBLIOTHEQUE", "Abonnement (bibliothèques, médiathèques...)", ""),
        ("ABO_LIVRE_NUMERIQUE", "Abonnement livres numériques", ON),
        ("FESTIVAL_LIVRE", "Festival et salon du livre", E),
    ],
    "CINEMA": [
        ("SEANCE_CINE", "Séance de cinéma", E),
        ("EVENEMENT_CINE", "Évènement cinéma", E),
        ("FESTIVAL_CINE", "Festival de cinéma", E),
        ("CINE_PLEIN_AIR", "Cinéma plein air", E),
        ("CARTE_CINE_MULTISEANCES", "Carte cinéma multi-séances", ""),
        ("CARTE_CINE_ILLIMITE", "Carte cinéma illimité", ""),
        ("CINE_VENTE_DISTANCE", "Cinéma", ON),
    ],
    "FILM": [
        ("SUPPORT_PHYSIQUE_FILM", "Support physique (DVD, Blu-ray...)", ""),
        ("ABO_MEDIATHEQUE", "Abonnement médiathèque", ""),
        ("VOD", "Vidéo à la demande", ON),
        ("ABO_PLATEFORME_VIDEO", "Abonnement plateforme streaming", ON),
        ("AUTRE_SUPPORT_NUMERIQUE", "Autre support numérique", ON),
    ],
    "MUSIQUE_LIVE": [
        ("CONCERT", "Concert", E),
        ("FESTIVAL_MUSIQUE", "Festival de musique", E),
        ("EVENEMENT_MUSIQUE", "Autre type d’évènement musical", E),
        ("LIVESTREAM_MUSIQUE", "Livestream musical", E + ON),
        ("ABO_CONCERT", "Abonnement concert", ""),
    ],
    "MUSIQUE_ENREGISTREE": [
        ("SUPPORT_PHYSIQUE_MUSIQUE_CD", "CD", ""),
        ("SUPPORT_PHYSIQUE_MUSIQUE_VINYLE", "Vinyles et autres supports", ""),
        ("TELECHARGEMENT_MUSIQUE", "Téléchargement de musique", ON),
        ("ABO_PLATEFORME_MUSIQUE", "Abonnement plateforme musicale", ON),
        ("CAPTATION_MUSIQUE", "Captation musicale", ""),
    ],
    "SPECTACLE": [
        ("SPECTACLE_REPRESENTATION", "Spectacle, représentation", E),
        ("FESTIVAL_SPECTACLE", "Festival", E),
        ("LIVESTREAM_EVENEMENT", "Live stream d’évènement", E + ON),
        ("SPECTACLE_ENREGISTRE", "Spectacle enregistré", ON),
        ("SPECTACLE_VENTE_DISTANCE", "Spectacle vivant - vente à distance", ON),
        ("ABO_SPECTACLE", "Abonnement spectacle", ""),
    ],
    "MUSEE": [
        ("VISITE", "Visite", E),
        ("VISITE_GUIDEE", "Visite guidée", E),
        ("EVENEMENT_PATRIMOINE", "Évènement et atelier patrimoine", E),
        ("FESTIVAL_ART_VISUEL", "Festival d’arts visuels / arts numériques", E),
        ("CARTE_MUSEE", "Abonnement musée, carte ou pass", ""),
        ("VISITE_VIRTUELLE", "Visite virtuelle", ON),
        ("MUSEE_VENTE_DISTANCE", "Musée vente à distance", ON),
    ],
    "PRATIQUE_ART": [
        ("ATELIER_PRATIQUE_ART", "Atelier, stage de pratique artistique", E),
        ("SEANCE_ESSAI_PRATIQUE_ART", "Séance d’essai", E),
        ("LIVESTREAM_PRATIQUE_ARTISTIQUE", "Pratique artistique - livestream", E + ON),
        ("ABO_PRATIQUE_ART", "Abonnement pratique artistique", ""),
        ("PLATEFORME_PRATIQUE_ARTISTIQUE", "Plateforme de pratique artistique", ON),
        ("PRATIQUE_ART_VENTE_DISTANCE", "Pratique artistique - vente à distance", ON),
    ],
    "CONFERENCE": [
        ("CONFERENCE", "Conférence", E),
        ("RENCONTRE", "Rencontre", E),
        ("DECOUVERTE_METIERS", "Découverte des métiers", E),
        ("SALON", "Salon, Convention", E),
        ("RENCONTRE_EN_LIGNE", "Rencontre en ligne", E + ON),
    ],
    "JEU": [
        ("CONCOURS", "Concours - jeux", E),
        ("RENCONTRE_JEU", "Rencontres - jeux", E),
        ("EVENEMENT_JEU", "Évènements - jeux", E),
        ("ESCAPE_GAME", "Escape game", ""),
        ("ABO_LUDOTHEQUE", "Abonnement ludothèque", ""),
        ("JEU_EN_LIGNE", "Jeux en ligne", ON),
        ("ABO_JEU_VIDEO", "Abonnement jeux vidéos", ON),
    ],
    "MEDIA": [
        ("ABO_PRESSE_EN_LIGNE", "Abonnement presse en ligne", ON),
        ("PODCAST", "Podcast", ON),
        ("APP_CULTURELLE", "Application culturelle", ON),
    ],
    "INSTRUMENT": [
        ("ACHAT_INSTRUMENT", "Achat instrument", ""),
        ("BON_ACHAT_INSTRUMENT", "Bon d’achat instrument", ""),
        ("LOCATION_INSTRUMENT", "Location instrument", ""),
        ("PARTITION", "Partition", ""),
    ],
    "BEAUX_ARTS": [("MATERIEL_ART_CREATIF", "Matériel arts créatifs", "")],
    "CARTE_JEUNES": [("CARTE_JEUNES", "Carte jeunes", "")],
    "TECHNIQUE": [
        ("ACTIVATION_EVENT", "Catégorie technique d’évènement d’activation", E),
        ("ACTIVATION_THING", "Catégorie technique de thing d’activation", ""),
        ("JEU_SUPPORT_PHYSIQUE", "Catégorie technique", ""),
        ("OEUVRE_ART", "Catégorie technique", ""),
    ],
}

SUBCATEGORIES: dict[str, Subcategory] = {
    sub_id: Subcategory(sub_id, cat_id, label, flags.startswith(E), flags.endswith(ON))
    for cat_id, subs in _TABLE.items()
    for sub_id, label, flags in subs
}

HIDDEN_CATEGORY = "TECHNIQUE"

# Tiles, in the order youths meet them at a library counter.
CATEGORIES: tuple[Category, ...] = (
    Category("LIVRE", "Livres"),
    Category("MUSIQUE_LIVE", "Concerts & festivals"),
    Category("CINEMA", "Cinéma"),
    Category("FILM", "Films, séries et documentaires"),
    Category("SPECTACLE", "Spectacles"),
    Category("MUSEE", "Musées & visites culturelles"),
    Category("PRATIQUE_ART", "Pratiques & ateliers artistiques"),
    Category("MUSIQUE_ENREGISTREE", "CD, vinyles, musique en ligne"),
    Category("CONFERENCE", "Conférences & rencontres"),
    Category("JEU", "Jeux & jeux vidéos"),
    Category("MEDIA", "Médias & presse"),
    Category("INSTRUMENT", "Instruments de musique"),
    Category("BEAUX_ARTS", "Matériels créatifs"),
    Category("CARTE_JEUNES", "Cartes jeunes"),
)
CATEGORY_BY_ID: dict[str, Category] = {c.id: c for c in CATEGORIES}
# The tiles in English (the counter's language setting "en").
CATEGORY_LABELS_EN: dict[str, str] = {
    "LIVRE": "Books",
    "MUSIQUE_LIVE": "Concerts & festivals",
    "CINEMA": "Cinema",
    "FILM": "Films, series and documentaries",
    "SPECTACLE": "Shows",
    "MUSEE": "Museums & cultural visits",
    "PRATIQUE_ART": "Artistic practice & workshops",
    "MUSIQUE_ENREGISTREE": "CDs, vinyl, music online",
    "CONFERENCE": "Talks & meetings",
    "JEU": "Games & video games",
    "MEDIA": "Media & press",
    "INSTRUMENT": "Musical instruments",
    "BEAUX_ARTS": "Art supplies",
    "CARTE_JEUNES": "Youth cards",
}

# The youth app's subcategory labels in English (the counter's language setting "en").
SUBCATEGORY_LABELS_EN: dict[str, str] = {
    "LIVRE_PAPIER": "Book",
    "LIVRE_AUDIO_PHYSIQUE": "Audiobook on a physical medium",
    "LIVRE_NUMERIQUE": "Digital book, e-book",
    "TELECHARGEMENT_LIVRE_AUDIO": "Downloadable audiobook",
    "ABO_BIBLIOTHEQUE": "Membership (libraries, media libraries...)",
    "ABO_LIVRE_NUMERIQUE": "E-book subscription",
    "FESTIVAL_LIVRE": "Book festival and fair",
    "SEANCE_CINE": "Cinema screening",
    "EVENEMENT_CINE": "Cinema event",
    "FESTIVAL_CINE": "Film festival",
    "CINE_PLEIN_AIR": "Open-air cinema",
    "CARTE_CINE_MULTISEANCES": "Multi-screening cinema card",
    "CARTE_CINE_ILLIMITE": "Unlimited cinema card",
    "CINE_VENTE_DISTANCE": "Cinema (remote sale)",
    "SUPPORT_PHYSIQUE_FILM": "Physical medium (DVD, Blu-ray...)",
    "ABO_MEDIATHEQUE": "Media library membership",
    "VOD": "Video on demand",
    "ABO_PLATEFORME_VIDEO": "Streaming platform subscription",
    "AUTRE_SUPPORT_NUMERIQUE": "Other digital medium",
    "CONCERT": "Concert",
    "FESTIVAL_MUSIQUE": "Music festival",
    "EVENEMENT_MUSIQUE": "Other music event",
    "LIVESTREAM_MUSIQUE": "Music livestream",
    "ABO_CONCERT": "Concert subscription",
    "SUPPORT_PHYSIQUE_MUSIQUE_CD": "CD",
    "SUPPORT_PHYSIQUE_MUSIQUE_VINYLE": "Vinyl and other media",
    "TELECHARGEMENT_MUSIQUE": "Music download",
    "ABO_PLATEFORME_MUSIQUE": "Music platform subscription",
    "CAPTATION_MUSIQUE": "Music recording",
    "SPECTACLE_REPRESENTATION": "Show, performance",
    "FESTIVAL_SPECTACLE": "Performing arts festival",
    "LIVESTREAM_EVENEMENT": "Event livestream",
    "SPECTACLE_ENREGISTRE": "Recorded show",
    "SPECTACLE_VENTE_DISTANCE": "Live show - remote sale",
    "ABO_SPECTACLE": "Show subscription",
    "VISITE": "Visit",
    "VISITE_GUIDEE": "Guided tour",
    "EVENEMENT_PATRIMOINE": "Heritage event and workshop",
    "FESTIVAL_ART_VISUEL": "Visual arts / digital arts festival",
    "CARTE_MUSEE": "Museum subscription, card or pass",
    "VISITE_VIRTUELLE": "Virtual visit",
    "MUSEE_VENTE_DISTANCE": "Museum remote sale",
    "ATELIER_PRATIQUE_ART": "Artistic practice workshop or course",
    "SEANCE_ESSAI_PRATIQUE_ART": "Trial session",
    "LIVESTREAM_PRATIQUE_ARTISTIQUE": "Artistic practice - livestream",
    "ABO_PRATIQUE_ART": "Artistic practice subscription",
    "PLATEFORME_PRATIQUE_ARTISTIQUE": "Artistic practice platform",
    "PRATIQUE_ART_VENTE_DISTANCE": "Artistic practice - remote sale",
    "CONFERENCE": "Talk",
    "RENCONTRE": "Meeting",
    "DECOUVERTE_METIERS": "Discovering careers",
    "SALON": "Fair, convention",
    "RENCONTRE_EN_LIGNE": "Online meeting",
    "CONCOURS": "Contest - games",
    "RENCONTRE_JEU": "Meetups - games",
    "EVENEMENT_JEU": "Events - games",
    "ESCAPE_GAME": "Escape game",
    "ABO_LUDOTHEQUE": "Game library membership",
    "JEU_EN_LIGNE": "Online games",
    "ABO_JEU_VIDEO": "Video game subscription",
    "ABO_PRESSE_EN_LIGNE": "Online press subscription",
    "PODCAST": "Podcast",
    "APP_CULTURELLE": "Cultural app",
    "ACHAT_INSTRUMENT": "Instrument purchase",
    "BON_ACHAT_INSTRUMENT": "Instrument voucher",
    "LOCATION_INSTRUMENT": "Instrument rental",
    "PARTITION": "Sheet music",
    "MATERIEL_ART_CREATIF": "Creative art supplies",
    "CARTE_JEUNES": "Youth card",
    "ACTIVATION_EVENT": "Technical category of activation event",
    "ACTIVATION_THING": "Technical category of activation thing",
    "JEU_SUPPORT_PHYSIQUE": "Technical category",
    "OEUVRE_ART": "Technical category",
}

# Pro labels of WithdrawalTypeEnum (facts §5), as the youth reads "how do I get it".
WITHDRAWAL_LABELS: dict[str, str] = {
    "on_site": "Retrait sur place (guichet, comptoir...)",
    "no_ticket": "Aucun billet n’est nécessaire",
    "by_email": "Les billets seront envoyés par email",
    "in_app": "Les billets seront affichés dans l’application",
}

WITHDRAWAL_LABELS_EN: dict[str, str] = {
    "on_site": "Collect on site (counter, desk...)",
    "no_ticket": "No ticket needed",
    "by_email": "The tickets will be sent by email",
    "in_app": "The tickets will be shown in the app",
}

# Offer accessibility flags (audio/mental/motor/visual disability compliant).
ACCESSIBILITY_LABELS: dict[str, str] = {
    "motor": "Handicap moteur",
    "visual": "Handicap visuel",
    "audio": "Handicap auditif",
    "mental": "Handicap psychique ou cognitif",
}


ACCESSIBILITY_LABELS_EN: dict[str, str] = {
    "motor": "Motor disability",
    "visual": "Visual impairment",
    "audio": "Hearing impairment",
    "mental": "Mental or cognitive disability",
}


def category_label(category_id: str | None, lang: str = "fr") -> str:
    """A tile's label in `lang` ("" for unknown or technical categories)."""
    cat = CATEGORY_BY_ID.get(category_id or "")
    if cat is None:
        return ""
    return CATEGORY_LABELS_EN.get(cat.id, cat.label) if lang == "en" else cat.label


def subcategory_label(sub_id: str, lang: str = "fr") -> str:
    """The youth app's label in `lang` ("" for an unknown id)."""
    sub = SUBCATEGORIES.get(sub_id)
    if sub is None:
        return ""
    return SUBCATEGORY_LABELS_EN.get(sub.id, sub.label) if lang == "en" else sub.label


def withdrawal_label(key: str, lang: str = "fr") -> str:
    return (WITHDRAWAL_LABELS_EN if lang == "en" else WITHDRAWAL_LABELS).get(key, "")


def accessibility_label(key: str, lang: str = "fr") -> str:
    return (ACCESSIBILITY_LABELS_EN if lang == "en" else ACCESSIBILITY_LABELS).get(key, "")


def subcategory(sub_id: str) -> Subcategory | None:
    return SUBCATEGORIES.get(sub_id)


def category_id_of(sub_id: str) -> str | None:
    sub = SUBCATEGORIES.get(sub_id)
    return sub.category_id if sub else None


def category_label_of(sub_id: str) -> str:
    """The tile label of a subcategory's category ("" for unknown or technical ones)."""
    cat = CATEGORY_BY_ID.get(category_id_of(sub_id) or "")
    return cat.label if cat else ""


def subcategory_ids(category_id: str) -> tuple[str, ...]:
    return tuple(s for s, _, _ in _TABLE.get(category_id, ()))


def shown_subcategory_ids() -> tuple[str, ...]:
    return tuple(s.id for s in SUBCATEGORIES.values() if s.category_id != HIDDEN_CATEGORY)


def _folded(text: str) -> str:
    """Lower case without accents: "Évènement" and "evenement" are the same word."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _words(text: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", _folded(text)) if w]


MIN_CATEGORY_QUERY = 3  # letters: "sp" would name half the catalogue


def subcategories_named(text: str) -> tuple[str, ...]:
    """Shown subcategories that the youth's search words name, through their tile's label or
    their own ("spectacle" → every subcategory of the Spectacles tile, "concert" → the
    concerts): each word must begin a word of those labels, accents and case aside."""
    words = _words(text)
    if not words or sum(map(len, words)) < MIN_CATEGORY_QUERY:
        return ()
    found = []
    for sub in SUBCATEGORIES.values():
        cat = CATEGORY_BY_ID.get(sub.category_id)
        if cat is None:
            continue  # the technical category is never shown
        vocabulary = _words(cat.label) + _words(sub.label)
        if all(any(v.startswith(w) for v in vocabulary) for w in words):
            found.append(sub.id)
    return tuple(found)


def offer_link(offer_id: int) -> str:
    """The offer's page in the youth app (no tracking parameters)."""
    return YOUTH_APP_OFFER_URL.format(id=int(offer_id))
