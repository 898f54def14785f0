"""The message catalogue of the Qt-free layers: every sentence domain, store, sync and services
show to people, in French (the default) and English, keyed by a message id.

The UI translates its own widgets with Qt `tr()`; what the lower layers say goes through `say()`
(or a `Phrase` kept for later), so the window can ask for the same message in its language.
Templates use `str.format` fields; both languages of an id take the same fields.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

LANGUAGES = ("fr", "en")

FR: dict[str, str] = {
    # -- the counter screen: the Guichet's permanent callout and invalidation dialog (facts §6)
    "counter.id_reminder": "N’oubliez pas de vérifier l’identité du bénéficiaire avant de "
    "valider la contremarque.",
    "counter.id_reminder_detail": "Les pièces d’identité doivent impérativement être présentées "
    "physiquement. Merci de ne pas accepter les pièces d’identité au format numérique.",
    "counter.unvalidate_confirm_title": "Voulez-vous vraiment invalider cette contremarque ?",
    "counter.unvalidate_confirm_body": "Cette contremarque a déjà été validée. Si vous "
    "l’invalidez, la réservation ne vous sera pas remboursée.",
    "counter.validate_button": "Valider la contremarque",
    "counter.unvalidate_button": "Invalider la contremarque",
    # -- verdicts: the big word and the sentence (kiosk.domain.messages.render)
    "verdict.validable.title": "VALIDABLE",
    "verdict.validable.message": 'Coupon vérifié, cliquez sur "Valider" pour enregistrer',
    "verdict.validated.title": "VALIDÉE",
    "verdict.validated.message": "Contremarque validée !",
    "verdict.to_confirm.title": "À CONFIRMER",
    "verdict.to_confirm.message": "Validation enregistrée à confirmer : pass Culture la "
    "vérifiera au retour du réseau.",
    "verdict.unvalidated.title": "INVALIDÉE",
    "verdict.unvalidated.message": "Contremarque invalidée !",
    "verdict.already_used.title": "DÉJÀ VALIDÉE",
    "verdict.already_used.message": "Cette contremarque a déjà été validée{when}.",
    "verdict.already_used.here_today": "Validée ici à {at:%H:%M}{staff} : rien à refaire.",
    "verdict.already_used.here_before": "Validée ici le {at:%d/%m/%Y} à {at:%H:%M}{staff}.",
    "verdict.cancelled.title": "ANNULÉE",
    "verdict.cancelled.message": "Cette réservation a été annulée",
    "verdict.reimbursed.title": "REMBOURSÉE",
    "verdict.reimbursed.message": "Cette réservation a été remboursée",
    "verdict.too_early.title": "TROP TÔT",
    "verdict.too_early.message": "Vous pourrez valider cette contremarque à partir du {date}, "
    "une fois le délai d’annulation passé.",
    "verdict.too_early.no_date": "Vous pourrez valider cette contremarque une fois le délai "
    "d’annulation passé.",
    "verdict.wrong_venue.title": "AUTRE LIEU",
    "verdict.wrong_venue.message": "Vous n'avez pas les droits nécessaires pour voir cette "
    "contremarque{venue}",
    "verdict.unknown.title": "INCONNUE",
    "verdict.unknown.message": "La contremarque n'existe pas",
    "verdict.unknown_offline.title": "INCONNUE HORS LIGNE",
    "verdict.unknown_offline.message": "Ce guichet ne connaît pas encore cette contremarque et "
    "pass Culture est injoignable. Cherchez la réservation par le nom du jeune pour "
    "l’enregistrer « à confirmer ».",
    "verdict.not_used.title": "NON VALIDÉE",
    "verdict.not_used.message": "Cette réservation n'a pas encore été validée",
    "verdict.invalid_scan.title": "CODE REFUSÉ",
    "verdict.invalid_scan.message": "{reason}",
    "verdict.invalid_scan.no_reason": "Ce code n'est pas une contremarque pass Culture",
    # -- librarian mode: prices, dates, places and counts (kiosk.services.catalogue)
    "catalogue.free": "Gratuit",
    "catalogue.from": "Dès {price}",
    "catalogue.date": "{day} {date} à {hour}h{minute}",
    "catalogue.days": "lundi,mardi,mercredi,jeudi,vendredi,samedi,dimanche",
    "catalogue.full": "Complet",
    "catalogue.one_place": "1 place restante",
    "catalogue.places": "{n} places restantes",
    "catalogue.no_offer": "Aucune offre pour l’instant",
    "catalogue.one_offer": "1 offre",
    "catalogue.offers": "{n} offres",
    "catalogue.online": "En ligne",
    # -- why a scan is not a countermark (kiosk.domain.payload.ScanRejection)
    "scan.empty": "Aucun code lu : scannez ou saisissez une contremarque.",
    "scan.too_long": "Ce code est beaucoup trop long pour être une contremarque pass Culture.",
    "scan.url": "Ce code est un lien, pas une contremarque pass Culture.",
    "scan.product_barcode": "Ce code-barres est celui d'un produit (EAN), pas une contremarque.",
    "scan.external_ticket": "Ce code est un billet d'une autre billetterie (cinéma, "
    "spectacle…), pas une contremarque pass Culture.",
    "scan.malformed_pass_culture": "Ce QR code pass Culture ne contient pas de contremarque "
    "lisible.",
    "scan.token_too_short": "La contremarque est trop courte : elle fait 6 caractères.",
    "scan.token_too_long": "La contremarque ne peut pas faire plus de 6 caractères",
    "scan.invalid_characters": "Caractères valides : de A à Z et de 0 à 9",
    "scan.not_pass_culture": "Ce code n'est pas une contremarque pass Culture",
    "verdict.structure_closed.title": "STRUCTURE FERMÉE",
    # Short: the band shows two lines at 1024 px; the server's words already say why.
    "verdict.structure_closed.message": "pass Culture : « {reason} ». Contactez le support "
    "pass Culture.",
    "verdict.payment_locked.title": "VALIDATION DÉFINITIVE",
    "verdict.payment_locked.message": "pass Culture a engagé le paiement de cette réservation : "
    "la validation ne peut plus être annulée. La contremarque reste validée.",
    "verdict.server_refused.title": "REFUSÉE PAR PASS CULTURE",
    "verdict.server_refused.message": "pass Culture refuse : « {reason} ».",
    "verdict.when.on": " le {at}",
    "verdict.when.counter": ", au guichet « {counter} »",
    "verdict.when.staff": ", par {staff}",
    "verdict.when.unconfirmed": " (pas encore confirmé par pass Culture)",
    "verdict.venue": " (réservation pour {venue})",
    "datetime": "{at:%d/%m/%Y} à {at:%H:%M}",
    # -- the booking card and the data's age (kiosk.domain.display)
    "card.user": "Utilisateur",
    "card.offer": "Offre",
    "card.date": "Date de l’offre",
    "card.permanent": "Permanent",
    "card.price": "Prix",
    "card.price_category": "Intitulé du tarif",
    "card.ean": "EAN-13",
    "card.venue": "Lieu",
    "card.duo": "DUO",
    "card.places": "{n} places",
    "age.none": "Aucune donnée synchronisée",
    "age.now": "à l’instant",
    "age.minutes": "il y a {n} min",
    "age.hours": "il y a {n} h",
    "age.data": "Données du {at:%d/%m} à {at:%H:%M} ({ago})",
    "source.online": "Vérifié en ligne auprès de pass Culture",
    "source.offline": "Décidé hors ligne, sur les données locales — {age}",
    # -- conflicts: refusals of the central API after the fact (kiosk.sync.conflicts)
    "conflict.used_elsewhere.title": "Validée ailleurs",
    "conflict.used_elsewhere.what": "pass Culture indique que cette contremarque avait déjà été "
    "validée, par un autre guichet ou un autre outil, avant que cette validation ne lui "
    "parvienne.",
    "conflict.used_elsewhere.todo": "Vérifiez que le jeune n'a pas reçu son offre deux fois. Si "
    "c'est le cas, contactez-le.",
    "conflict.cancelled.title": "Réservation annulée",
    "conflict.cancelled.what": "La réservation avait été annulée (par le jeune ou par pass "
    "Culture) avant que la validation ne parvienne à pass Culture.",
    "conflict.cancelled.todo": "L'offre remise ne sera pas remboursée. Contactez le jeune pour "
    "qu'il réserve à nouveau, ou le support pass Culture.",
    "conflict.reimbursed.title": "Déjà remboursée",
    "conflict.reimbursed.what": "pass Culture a déjà remboursé cette réservation : elle ne peut "
    "plus changer d'état.",
    "conflict.reimbursed.todo": "Rien à faire si l'offre a bien été remise ; sinon contactez le "
    "support pass Culture.",
    "conflict.too_early.title": "Trop tôt",
    "conflict.too_early.what": "La réservation était encore dans son délai d'annulation : pass "
    "Culture a refusé la validation.",
    "conflict.too_early.todo": "Validez à nouveau la contremarque après la date indiquée.",
    "conflict.not_found.title": "Contremarque inconnue",
    "conflict.not_found.what": "pass Culture ne connaît pas cette contremarque pour vos lieux "
    "(code erroné, ou réservation d'un autre lieu).",
    "conflict.not_found.todo": "Vérifiez le code avec le jeune ; une offre remise sur ce code ne "
    "sera pas remboursée.",
    "conflict.not_used.title": "Invalidation refusée",
    "conflict.not_used.what": "pass Culture indique que cette réservation n'était pas validée : "
    "il n'y avait rien à invalider.",
    "conflict.not_used.todo": "Rien à faire.",
    "conflict.activation_code.title": "Invalidation impossible",
    "conflict.activation_code.what": "Cette réservation a un code d'activation : elle ne peut "
    "pas être invalidée.",
    "conflict.activation_code.todo": "Contactez le support pass Culture si l'invalidation est "
    "nécessaire.",
    "conflict.mismatch.title": "Autre réservation",
    "conflict.mismatch.what": "Le code présenté correspond à une autre réservation que celle "
    "choisie par le nom du jeune : la validation n'a pas été envoyée.",
    "conflict.mismatch.todo": "Vérifiez la réservation du jeune, puis validez à nouveau avec le "
    "bon code.",
    "conflict.refused.title": "Refusée",
    "conflict.refused.what": "pass Culture a refusé l'opération.",
    "conflict.refused.todo": "Contactez le support pass Culture avec le code et l'heure.",
    "conflict.structure_closed.title": "Structure fermée",
    "conflict.structure_closed.what": "pass Culture a refusé la validation : la structure de ce "
    "lieu est fermée sur pass Culture, aucune contremarque ne peut y être validée.",
    "conflict.structure_closed.todo": "Ne remettez plus d'offre sur ce lieu et contactez le "
    "support pass Culture (une offre déjà remise ne sera pas remboursée).",
    "conflict.payment_locked.title": "Invalidation impossible : paiement engagé",
    "conflict.payment_locked.what": "pass Culture a engagé le paiement de cette réservation à "
    "votre structure : la validation est définitive et ne peut plus être annulée. La "
    "contremarque reste validée.",
    "conflict.payment_locked.todo": "Rien à faire si l'offre a bien été remise ; sinon contactez "
    "le support pass Culture.",
    "conflict.server_said": "Réponse de pass Culture : « {words} »",
    # -- PINs (kiosk.services.security)
    "pin.digits_only": "Le code ne doit contenir que des chiffres.",
    "pin.too_short": "Le code doit comporter au moins {n} chiffres.",
    "pin.too_long": "Le code doit comporter au plus {n} chiffres.",
    "pin.no_admin_pin": "Aucun code administrateur n'est défini : relancez l'assistant "
    "d'installation.",
    "pin.wrong_last_try": "Code incorrect. Encore {left} essai avant un temps d'attente.",
    "pin.wrong_tries": "Code incorrect. Encore {left} essais avant un temps d'attente.",
    "pin.locked": "Trop d'essais : réessayez dans {wait}.",
    "pin.wrong_locked": "Code incorrect. Trop d'essais : réessayez dans {wait}.",
    # -- staff accounts (kiosk.services.staff)
    "staff.no_name": "Indiquez le prénom ou le nom du membre du personnel.",
    "staff.name_too_long": "Le nom est trop long ({n} caractères au plus).",
    "staff.name_taken": "« {name} » existe déjà : choisissez un autre nom (ou réactivez ce "
    "compte).",
    "staff.gone": "Ce compte n'existe plus ou a été désactivé.",
    # -- storage failures (kiosk.store), classified by SQLite error code
    "store.disk_full": "Le disque est plein : la validation n'a pas été enregistrée. Libérez de "
    "la place puis réessayez.",
    "store.read_only": "Le dossier de données est en lecture seule : la validation n'a pas été "
    "enregistrée. Vérifiez les droits du dossier ou le disque.",
    "store.corrupt": "La base de données du kiosque est endommagée. Relancez le kiosque : il "
    "restaurera la dernière sauvegarde.",
    "store.busy": "La base de données est occupée. Réessayez dans un instant.",
    "store.other": "Erreur de la base de données locale ({detail}).",
    "store.cannot_create_dir": "Impossible de créer le dossier de données {path} ({reason}). "
    "Vérifiez le chemin et les droits, ou choisissez-en un autre avec --data-dir.",
    "store.not_a_dir": "{path} n'est pas un dossier. Choisissez un dossier de données.",
    "store.cannot_read": "Impossible de lire {path} ({reason}).",
    "store.bad_header": "Le fichier {path} n'est pas une base du kiosque ou est endommagé. "
    "Relancez le kiosque pour restaurer la dernière sauvegarde, ou contactez le support.",
    "store.damaged": "La base de données du kiosque est endommagée ({detail}). Le kiosque va la "
    "mettre de côté et restaurer la dernière sauvegarde.",
    "store.damaged_while_open": "La vérification de la base de données du kiosque a trouvé un "
    "problème ({detail}). Le guichet continue ; redémarrez-le dès que possible : il mettra la "
    "base de côté et restaurera la dernière sauvegarde, sans perdre les validations non envoyées.",
    "store.not_restored": "La base de données du kiosque est endommagée et n'a pas pu être "
    "restaurée ({detail}). Contactez le support ; le fichier endommagé est conservé dans {path}.",
    "store.dir_not_writable": "Le dossier de données {path} n'est pas accessible en écriture "
    "({reason} : disque en lecture seule ou droits insuffisants). Vérifiez le disque et les "
    "droits du dossier, ou choisissez-en un autre avec --data-dir.",
    "store.already_running": "Le kiosque est déjà ouvert sur ce dossier de données (processus "
    "{pid}). Utilisez la fenêtre ouverte, ou fermez-la avant d'en lancer une autre.",
    # -- the central API (kiosk.sync)
    "sync.rate_limited": "Trop de requêtes : nouvel essai dans {seconds:.0f} s.",
    "sync.unreachable": "Serveur pass Culture injoignable ({kind}).",
    "sync.timeout": "Le serveur pass Culture ne répond pas à temps ({kind}).",
    "sync.interrupted": "Connexion interrompue avec le serveur pass Culture ({kind}).",
    "sync.too_big": "Réponse du serveur trop volumineuse : ignorée.",
    "sync.too_slow": "Le serveur pass Culture ne répond pas à temps (réponse trop lente).",
    "sync.server_error": "Le serveur pass Culture est en erreur (HTTP {status}).",
    "sync.bad_json": "Réponse illisible du serveur (JSON invalide).",
    "sync.key_refused": "La clé d'API est refusée par pass Culture (HTTP 401).",
    "sync.key_forbidden": "La clé d'API n'a pas les droits nécessaires (HTTP 403).",
    "sync.unexpected_status": "Réponse inattendue du serveur (HTTP {status}).",
    "sync.refused": "pass Culture a refusé la demande (HTTP {status}) : « {words} ».",
    "sync.unexpected_said": "Réponse inattendue du serveur (HTTP {status}) : « {words} ».",
    "sync.key_forbidden_said": "La clé d'API n'a pas les droits nécessaires (HTTP 403) : "
    "« {words} ».",
    "sync.wrong_address": "Aucune API pass Culture à cette adresse (HTTP 404 sur {path}) : "
    "l'adresse du serveur est probablement erronée.",
    # -- `kiosk status` (kiosk.cli.commands), in the counter's language
    "status.unconfigured": "non configuré",
    "status.online": "en ligne",
    "status.offline": "hors ligne",
    "status.network": "Réseau : {state}",
    "status.pending": "Validations en attente d'envoi : {n}",
    "status.conflicts": "Conflits à traiter : {n}",
    "status.data": "Données : {age}",
    # -- the set-up wizard's server check (kiosk.ui.admin.wizard)
    "wizard.key_refused": "La clé d'API est refusée par ce serveur : vérifiez-la (copiez-la à "
    "nouveau depuis l'espace partenaire pass Culture) et qu'elle correspond bien au serveur "
    "choisi.",
    "wizard.unreachable": "Serveur injoignable ({url}) : vérifiez l'adresse et le réseau.",
    "wizard.wrong_address": "Ce serveur ({url}) répond, mais ce n'est pas l'API pass Culture à "
    "cette adresse : vérifiez l'adresse du serveur (ex. https://backend.passculture.app).",
    "wizard.unexpected_answer": "Réponse inattendue du serveur ({detail}) : vérifiez l'adresse.",
    "wizard.unexpected_error": "Erreur inattendue ({kind}) : réessayez ou contactez le support.",
    # -- `kiosk doctor` (kiosk.services.doctor): check labels, then sentences
    "doctor.label.server": "Serveur",
    "doctor.label.key": "Clé d'API",
    "doctor.label.clock": "Horloge",
    "doctor.label.disk": "Disque",
    "doctor.label.database": "Base de données",
    "doctor.label.pending": "Validations en attente d'envoi",
    "doctor.label.conflicts": "Conflits à traiter",
    "doctor.label.data": "Données locales",
    "doctor.label.devices": "Caméra et son",
    "doctor.label.camera": "Caméra",
    "doctor.label.sound": "Son",
    "doctor.label.mesh": "Guichets du lieu",
    "doctor.title": "Diagnostic du kiosque — {at:%d/%m/%Y %H:%M:%S}",
    "doctor.sep": " : ",
    "doctor.healthy": "Tout est en ordre.",
    "doctor.unhealthy": "À corriger : voir les lignes marquées !! (attention) et XX (erreur).",
    "doctor.version": "Version",
    "doctor.system": "Système",
    "doctor.counter": "Guichet",
    "doctor.data_dir": "Dossier de données",
    "doctor.venues": "Lieux",
    "doctor.no_venue": "aucun",
    "doctor.not_configured": "Aucun serveur ou aucune clé configurés : lancez l'assistant "
    "d'installation.",
    "doctor.answers": "{url} répond.",
    "doctor.key_refused": "{error} Remplacez la clé dans les réglages (code administrateur).",
    "doctor.unreachable": "{error} Vérifiez l'adresse ({url}) et le réseau. Les validations "
    "restent enregistrées et partiront au retour du réseau.",
    "doctor.odd_answer": "Réponse anormale : {error}",
    "doctor.wrong_address": "{error} Vérifiez l'adresse du serveur ({url}) dans les réglages "
    "(ex. https://backend.passculture.app).",
    "doctor.venues_missing": "Clé acceptée, mais elle ne donne pas accès aux lieux {venues} : "
    "vérifiez les lieux choisis dans les réglages.",
    "doctor.key_ok": "Acceptée ({n} lieu(x) visibles).",
    "doctor.ahead": "en avance",
    "doctor.behind": "en retard",
    "doctor.skew": "L'horloge de cet ordinateur est {direction} de {minutes:.0f} min sur celle "
    "de pass Culture : les dates d'évènements seraient mal jugées. Réglez l'heure du système "
    "(synchronisation automatique).",
    "doctor.clock_ok": "Écart de {seconds:.0f} s avec le serveur.",
    "doctor.disk_unreadable": "Impossible de lire l'espace libre ({error}).",
    "doctor.disk_low": "Seulement {mb:.0f} Mo libres : libérez de la place, sinon les "
    "validations ne pourront plus être enregistrées.",
    "doctor.disk_ok": "{gb:.1f} Go libres dans {path}.",
    "doctor.db_refused": "{error}",
    "doctor.db_unreadable": "Illisible ({kind}) : relancez le kiosque ou contactez le support.",
    "doctor.db_ok": "Intègre ({path}).",
    "doctor.db_damaged": "Endommagée ({rows}) : contactez le support.",
    "doctor.pending_none": "aucune",
    "doctor.pending": "{n} (elles partiront au retour du réseau)",
    "doctor.conflicts_none": "aucun",
    "doctor.conflicts": "{n} : ouvrez la liste des conflits au guichet.",
    "doctor.devices_unknown": "non vérifiés ici.",
    "doctor.camera_gone": "La caméra choisie n'est plus branchée (présentes : {cameras}) : "
    "choisissez-en une dans les réglages.",
    "doctor.no_camera": "Aucune caméra détectée (la douchette et la saisie du code restent "
    "possibles).",
    "doctor.no_sound": "Aucune sortie son détectée : les bips sont muets (l'écran reste coloré).",
    "doctor.mesh_off": "partage désactivé (Réglages › Guichets du lieu).",
    "doctor.mesh_peers": "connectés : {peers} ; dernier échange : {last}.",
    "doctor.mesh_alone": "aucun autre guichet connecté ; dernier échange : {last}.",
    "doctor.mesh_never": "jamais",
    "doctor.mesh_dropped": " {rejected} message(s) refusé(s) (autre clé), {replayed} rejoué(s).",
    "doctor.mesh_error": "le partage ne démarre pas ({error}) : vérifiez les adresses dans les "
    "réglages et le pare-feu (ports TCP 7447, UDP 7446 multicast).",
    # -- the manager's report (kiosk.services.report): columns, cases and what to do
    "report.title": "Bilan du guichet",
    "report.period": "Période du {start} au {end}",
    "report.generated": "Établi le {now}",
    "report.col.dimension": "Regroupement",
    "report.col.label": "Libellé",
    "report.col.validations": "Validations",
    "report.col.places": "Places",
    "report.col.amount": "Montant (€)",
    "report.col.invalidations": "Invalidations",
    "report.col.conflicts": "Conflits",
    "report.col.day": "Jour",
    "report.col.category": "Catégorie",
    "report.col.case": "Situation",
    "report.col.count": "Réservations",
    "report.col.oldest": "La plus ancienne",
    "report.col.action": "À faire",
    "report.col.at": "Date",
    "report.col.token": "Contremarque",
    "report.col.offer": "Offre",
    "report.col.venue": "Lieu",
    "report.col.staff": "Personnel",
    "report.col.status": "Statut pass Culture",
    "report.col.reimbursed_at": "Remboursée le",
    "report.col.youth": "Bénéficiaire",
    "report.dim.total": "Total",
    "report.dim.venue": "Par lieu",
    "report.dim.offer": "Par offre",
    "report.dim.category": "Par catégorie",
    "report.dim.staff": "Par membre du personnel",
    "report.dim.days": "Validations par jour",
    "report.dim.cases": "Rapprochement avec pass Culture",
    "report.dim.lines": "Détail du rapprochement",
    "report.none": "(non renseigné)",
    "report.no_staff": "(sans nom)",
    "report.other_category": "Autre",
    "report.case.reimbursed": "Validée ici et remboursée",
    "report.case.awaiting": "Validée ici, pas encore remboursée",
    "report.case.unsent": "Validée ici, pas encore envoyée à pass Culture",
    "report.case.cancelled": "Validée ici mais annulée chez pass Culture",
    "report.case.unknown": "Validée ici mais inconnue ou refusée chez pass Culture",
    "report.case.elsewhere": "Remboursée mais jamais validée ici",
    "report.do.reimbursed": "Rien à faire : remboursée le {date}.",
    "report.do.reimbursed_seen": "Rien à faire : remboursée (vue remboursée le {date}).",
    "report.do.reimbursed_all": "Rien à faire : pass Culture a remboursé.",
    "report.do.awaiting": "En attente depuis {days} jour(s) : pass Culture rembourse toutes les "
    "deux semaines environ ; au-delà d’un mois, signalez-la à pass Culture (portail pro, "
    "Remboursements).",
    "report.do.awaiting_late": "En attente depuis {days} jours : signalez-la à pass Culture "
    "(portail pro, Remboursements) avec la contremarque.",
    "report.do.unsent": "Pas encore envoyée : reconnectez le kiosque au réseau et lancez une "
    "synchronisation (Fichier > Synchroniser maintenant).",
    "report.do.cancelled": "Annulée chez pass Culture : elle ne sera pas remboursée. Vérifiez "
    "ce qui a été remis et voyez avec le jeune ou pass Culture.",
    "report.do.unknown": "pass Culture ne la compte pas comme validée ({reason}) : vérifiez la "
    "contremarque sur le portail pro (page Guichet) ; sans validation, pas de remboursement.",
    "report.do.elsewhere": "Validée ailleurs (autre guichet ou page Guichet du portail pro) : "
    "vérifiez que l’offre a bien été remise.",
    "report.reason.none": "statut {status}",
    "report.reason.missing": "réservation absente des données",
    "report.reason.see_lines": "le motif est donné ligne par ligne",
    "report.names_outside_retention": "La liste nominative n’est possible que pour les {days} "
    "derniers jours (durée de conservation des noms) : choisissez une période qui commence au "
    "plus tôt le {first}.",
    "report.bad_period": "Période invalide : la date de fin ({end}) précède la date de début "
    "({start}).",
    "report.bad_date": "Date illisible : « {value} ». Écrivez-la AAAA-MM-JJ (par exemple "
    "2026-11-30).",
    "report.write_failed": "Le rapport n’a pas pu être écrit dans {path} ({error}) : vérifiez "
    "le dossier et la place disponible.",
    "report.truncated": "{shown} lignes affichées sur {total} : exportez le rapport pour la "
    "liste complète.",
    # -- texts-rest: network reason, recovery notice, server answers, import, config, tickets
    "net.unconfigured": "Serveur non configuré",
    "net.too_slow": "Réponses trop lentes du serveur pass Culture",
    "recovery.notice": "{what} {saved} {then}",
    "recovery.restored": "La base de données du kiosque était endommagée (coupure de courant ou "
    "disque défaillant). Elle a été mise de côté et la sauvegarde du {at:%d/%m/%Y} à "
    "{at:%H:%M} a été restaurée.",
    "recovery.fresh": "La base de données du kiosque était endommagée et aucune sauvegarde "
    "valide n'a été trouvée : une base neuve a été créée.",
    "recovery.saved_one": "{n} validation récente a été récupérée.",
    "recovery.saved_many": "{n} validations récentes ont été récupérées.",
    "recovery.none_lost": "Aucune validation n'a été perdue.",
    "recovery.partly_lost": "{n} validation(s) récente(s) récupérée(s), mais une partie du "
    "fichier était illisible : vérifiez les validations des dernières heures sur le portail "
    "pass Culture.",
    "recovery.then": "Les réservations seront rechargées à la prochaine synchronisation : gardez "
    "le kiosque connecté. Si cela se reproduit, faites vérifier le disque.",
    "server.missing": "Réponse inattendue du serveur : « {key} » manque ({where}).",
    "server.empty": "Réponse inattendue du serveur : « {key} » est vide ({where}).",
    "server.mistyped": "Réponse inattendue du serveur : « {key} » mal typé ({where}).",
    "server.bad_date": "Réponse inattendue du serveur : date illisible « {key} ».",
    "server.no_zone": "Réponse inattendue du serveur : date sans fuseau « {key} ».",
    "server.bad_status": "Réponse inattendue du serveur : statut « {status} » inconnu.",
    "server.bad_quantity": "Réponse inattendue du serveur : quantité hors de 1 ou 2.",
    "server.venue_list": "Réponse inattendue du serveur : liste des lieux attendue.",
    "server.list_expected": "Réponse inattendue du serveur : liste « {kind} » attendue.",
    "server.where.booking": "réservation",
    "server.where.bookings": "liste des réservations",
    "server.where.offerer": "structure",
    "server.where.venues": "lieux",
    "server.where.venue": "lieu",
    "server.where.offer": "offre",
    "server.where.stock": "stock",
    "server.where.dates": "dates",
    "server.where.date": "date",
    "server.where.price": "tarif",
    "import.coverage": "Contremarques connues hors ligne : {known} des {total} réservations "
    "en cours.",
    "import.hint": "Les données locales connaissent peu de contremarques ({known} des {total} "
    "réservations en cours) : importez l'export des réservations du portail pro (Fichier › "
    "Importer…) pour reconnaître les autres hors ligne.",
    "import.bad_xlsx": "Fichier XLSX illisible ({kind}).",
    "import.empty": "Le fichier est vide.",
    "import.not_an_export": "Ce fichier n'est pas un export des réservations du portail pro : "
    "colonnes manquantes ({columns}…).",
    "import.bad_date": "Ligne {line} : {what} illisible (« {value} »).",
    "import.what.created": "date de réservation",
    "import.what.used": "date de validation",
    "import.what.beginning": "date de l'évènement",
    "import.what.reimbursed": "date de remboursement",
    "import.bad_price": "Ligne {line} : prix illisible (« {value} »).",
    "import.bad_status": "Ligne {line} : statut inconnu (« {value} »).",
    "import.bad_token": "Ligne {line} : contremarque invalide (« {value} »).",
    "import.no_created": "Ligne {line} : date de réservation manquante.",
    "import.no_offer": "Ligne {line} : nom de l'offre manquant.",
    "import.not_found": "Fichier introuvable : {path}",
    "import.unreadable": "Fichier illisible : {error}",
    "config.unreadable": "Le fichier de configuration {path} est illisible ({error}). Corrigez-le "
    "ou supprimez-le pour relancer l'assistant d'installation.",
    "config.bad_venue_ids": "KIOSK_VENUE_IDS doit être une liste d'identifiants de lieux séparés "
    "par des virgules (ex. 12,34).",
    "config.bad_number": "Réglage « {key} » invalide dans {path} : un nombre entre {low} et {high} "
    "est attendu (trouvé : {value}). Corrigez-le ou supprimez la ligne (valeur par défaut).",
    "tickets.none": "Aucune réservation de démonstration trouvée : rien à imprimer.",
    "tickets.bad_format": "Format inconnu « {suffix} » : choisissez un fichier .pdf ou .png.",
    "tickets.cannot_write": "Impossible d'écrire {path} ({error}).",
    # -- the key's request budget: pass Culture limits the requests (429), not an outage
    "source.limited": "pass Culture limite les requêtes — décidé sur les données locales "
    "(nouvel essai dans {seconds} s) — {age}",
    "net.limited": "pass Culture limite les requêtes : nouvel essai dans {seconds:.0f} s",
    "verdict.unknown_offline.limited": "Ce guichet ne connaît pas encore cette contremarque et "
    "pass Culture limite les requêtes pour le moment. Cherchez la réservation par le nom du "
    "jeune pour l’enregistrer « à confirmer », ou scannez à nouveau dans un instant.",
    # -- a slow or loaded server: reached, but no answer within the counter's wait
    "source.late": "pass Culture n'a pas répondu à temps — décidé sur les données locales — {age}",
    "net.late": "pass Culture n'a pas répondu à temps",
    "verdict.unknown_offline.late": "Ce guichet ne connaît pas encore cette contremarque et "
    "pass Culture n'a pas répondu à temps. Scannez-la à nouveau dans un instant, ou cherchez "
    "la réservation par le nom du jeune pour l’enregistrer « à confirmer ».",
}

EN: dict[str, str] = {
    "counter.id_reminder": "Remember to check the beneficiary's identity before validating the "
    "countermark.",
    "counter.id_reminder_detail": "Identity documents must be shown physically. Please do not "
    "accept digital ID.",
    "counter.unvalidate_confirm_title": "Do you really want to invalidate this countermark?",
    "counter.unvalidate_confirm_body": "This countermark has already been validated. If you "
    "invalidate it, the booking will not be reimbursed to you.",
    "counter.validate_button": "Validate the countermark",
    "counter.unvalidate_button": "Invalidate the countermark",
    "verdict.validable.title": "VALID",
    "verdict.validable.message": 'Countermark checked, click "Validate" to record it',
    "verdict.validated.title": "VALIDATED",
    "verdict.validated.message": "Countermark validated!",
    "verdict.to_confirm.title": "TO CONFIRM",
    "verdict.to_confirm.message": "Validation recorded to confirm: pass Culture will check it "
    "when the network is back.",
    "verdict.unvalidated.title": "INVALIDATED",
    "verdict.unvalidated.message": "Countermark invalidated!",
    "verdict.already_used.title": "ALREADY USED",
    "verdict.already_used.message": "This countermark was already validated{when}.",
    "verdict.already_used.here_today": "Validated here at {at:%H:%M}{staff}: nothing more to do.",
    "verdict.already_used.here_before": "Validated here on {at:%d/%m/%Y} at {at:%H:%M}{staff}.",
    "verdict.cancelled.title": "CANCELLED",
    "verdict.cancelled.message": "This booking has been cancelled",
    "verdict.reimbursed.title": "REIMBURSED",
    "verdict.reimbursed.message": "This booking has been reimbursed",
    "verdict.too_early.title": "TOO EARLY",
    "verdict.too_early.message": "You can validate this countermark from {date}, once the "
    "cancellation period is over.",
    "verdict.too_early.no_date": "You can validate this countermark once the cancellation "
    "period is over.",
    "verdict.wrong_venue.title": "OTHER VENUE",
    "verdict.wrong_venue.message": "You are not allowed to see this countermark{venue}",
    "verdict.unknown.title": "UNKNOWN",
    "verdict.unknown.message": "This countermark does not exist",
    "verdict.unknown_offline.title": "UNKNOWN OFFLINE",
    "verdict.unknown_offline.message": "This counter does not know this countermark yet and "
    "pass Culture cannot be reached. Search the booking by the youth's name to record it "
    '"to confirm".',
    "verdict.not_used.title": "NOT VALIDATED",
    "verdict.not_used.message": "This booking has not been validated yet",
    "verdict.invalid_scan.title": "REFUSED CODE",
    "verdict.invalid_scan.message": "{reason}",
    "verdict.invalid_scan.no_reason": "This code is not a pass Culture countermark",
    # -- librarian mode: prices, dates, places and counts (kiosk.services.catalogue)
    "catalogue.free": "Free",
    "catalogue.from": "From {price}",
    "catalogue.date": "{day} {date} at {hour}:{minute}",
    "catalogue.days": "Monday,Tuesday,Wednesday,Thursday,Friday,Saturday,Sunday",
    "catalogue.full": "Full",
    "catalogue.one_place": "1 place left",
    "catalogue.places": "{n} places left",
    "catalogue.no_offer": "No offers yet",
    "catalogue.one_offer": "1 offer",
    "catalogue.offers": "{n} offers",
    "catalogue.online": "Online",
    # -- why a scan is not a countermark (kiosk.domain.payload.ScanRejection)
    "scan.empty": "No code read: scan or type a countermark.",
    "scan.too_long": "This code is far too long to be a pass Culture countermark.",
    "scan.url": "This code is a link, not a pass Culture countermark.",
    "scan.product_barcode": "This barcode is a product's (EAN), not a countermark.",
    "scan.external_ticket": "This code is a ticket from another ticketing system (cinema, "
    "show…), not a pass Culture countermark.",
    "scan.malformed_pass_culture": "This pass Culture QR code holds no readable countermark.",
    "scan.token_too_short": "The countermark is too short: it has 6 characters.",
    "scan.token_too_long": "A countermark cannot have more than 6 characters",
    "scan.invalid_characters": "Valid characters: A to Z and 0 to 9",
    "scan.not_pass_culture": "This code is not a pass Culture countermark",
    "verdict.structure_closed.title": "STRUCTURE CLOSED",
    # The server's words are French: say what they mean too.
    "verdict.structure_closed.message": "pass Culture: “{reason}” (the structure is closed). "
    "Contact pass Culture support.",
    "verdict.payment_locked.title": "VALIDATION FINAL",
    "verdict.payment_locked.message": "pass Culture has started paying this booking: the "
    "validation can no longer be undone. The countermark stays validated.",
    "verdict.server_refused.title": "REFUSED BY PASS CULTURE",
    "verdict.server_refused.message": "pass Culture refuses: “{reason}”.",
    "verdict.when.on": " on {at}",
    "verdict.when.counter": ', at counter "{counter}"',
    "verdict.when.staff": ", by {staff}",
    "verdict.when.unconfirmed": " (not yet confirmed by pass Culture)",
    "verdict.venue": " (booking for {venue})",
    "datetime": "{at:%d/%m/%Y} at {at:%H:%M}",
    "card.user": "User",
    "card.offer": "Offer",
    "card.date": "Offer date",
    "card.permanent": "Permanent",
    "card.price": "Price",
    "card.price_category": "Price category",
    "card.ean": "EAN-13",
    "card.venue": "Venue",
    "card.duo": "DUO",
    "card.places": "{n} places",
    "age.none": "No synchronised data",
    "age.now": "just now",
    "age.minutes": "{n} min ago",
    "age.hours": "{n} h ago",
    "age.data": "Data from {at:%d/%m} at {at:%H:%M} ({ago})",
    "source.online": "Checked online",
    "source.offline": "Decided offline — {age}",
    "conflict.used_elsewhere.title": "Validated elsewhere",
    "conflict.used_elsewhere.what": "pass Culture says this countermark had already been "
    "validated, by another counter or another tool, before this validation reached it.",
    "conflict.used_elsewhere.todo": "Check that the youth did not receive the offer twice. If "
    "so, contact them.",
    "conflict.cancelled.title": "Booking cancelled",
    "conflict.cancelled.what": "The booking had been cancelled (by the youth or by pass "
    "Culture) before the validation reached pass Culture.",
    "conflict.cancelled.todo": "The offer handed over will not be reimbursed. Contact the youth "
    "so they book again, or pass Culture support.",
    "conflict.reimbursed.title": "Already reimbursed",
    "conflict.reimbursed.what": "pass Culture has already reimbursed this booking: its state "
    "can no longer change.",
    "conflict.reimbursed.todo": "Nothing to do if the offer was handed over; otherwise contact "
    "pass Culture support.",
    "conflict.too_early.title": "Too early",
    "conflict.too_early.what": "The booking was still within its cancellation period: pass "
    "Culture refused the validation.",
    "conflict.too_early.todo": "Validate the countermark again after the date shown.",
    "conflict.not_found.title": "Unknown countermark",
    "conflict.not_found.what": "pass Culture does not know this countermark for your venues "
    "(wrong code, or a booking for another venue).",
    "conflict.not_found.todo": "Check the code with the youth; an offer handed over on this "
    "code will not be reimbursed.",
    "conflict.not_used.title": "Invalidation refused",
    "conflict.not_used.what": "pass Culture says this booking was not validated: there was "
    "nothing to invalidate.",
    "conflict.not_used.todo": "Nothing to do.",
    "conflict.activation_code.title": "Invalidation impossible",
    "conflict.activation_code.what": "This booking has an activation code: it cannot be "
    "invalidated.",
    "conflict.activation_code.todo": "Contact pass Culture support if the invalidation is needed.",
    "conflict.mismatch.title": "Other booking",
    "conflict.mismatch.what": "The code shown belongs to another booking than the one chosen "
    "by the youth's name: the validation was not sent.",
    "conflict.mismatch.todo": "Check the youth's booking, then validate again with the right code.",
    "conflict.refused.title": "Refused",
    "conflict.refused.what": "pass Culture refused the operation.",
    "conflict.refused.todo": "Contact pass Culture support with the code and the time.",
    "conflict.structure_closed.title": "Structure closed",
    "conflict.structure_closed.what": "pass Culture refused the validation: this venue's "
    "structure is closed on pass Culture, no countermark can be validated there.",
    "conflict.structure_closed.todo": "Do not hand over offers at this venue any more and contact "
    "pass Culture support (an offer already handed over will not be reimbursed).",
    "conflict.payment_locked.title": "Invalidation impossible: payment started",
    "conflict.payment_locked.what": "pass Culture has started paying this booking to your "
    "structure: the validation is final and can no longer be undone. The countermark stays "
    "validated.",
    "conflict.payment_locked.todo": "Nothing to do if the offer was handed over; otherwise "
    "contact pass Culture support.",
    "conflict.server_said": "pass Culture's answer: “{words}”",
    "pin.digits_only": "The PIN must contain digits only.",
    "pin.too_short": "The PIN must have at least {n} digits.",
    "pin.too_long": "The PIN must have at most {n} digits.",
    "pin.no_admin_pin": "No administrator PIN is set: run the setup wizard again.",
    "pin.wrong_last_try": "Wrong PIN. {left} more try before a waiting time.",
    "pin.wrong_tries": "Wrong PIN. {left} more tries before a waiting time.",
    "pin.locked": "Too many tries: try again in {wait}.",
    "pin.wrong_locked": "Wrong PIN. Too many tries: try again in {wait}.",
    "staff.no_name": "Enter the first name or the name of the staff member.",
    "staff.name_too_long": "The name is too long ({n} characters at most).",
    "staff.name_taken": '"{name}" already exists: choose another name (or enable that account '
    "again).",
    "staff.gone": "This account no longer exists or has been disabled.",
    "store.disk_full": "The disk is full: the validation was not recorded. Free some space, "
    "then try again.",
    "store.read_only": "The data folder is read-only: the validation was not recorded. Check "
    "the folder's permissions or the disk.",
    "store.corrupt": "The kiosk's database is damaged. Restart the kiosk: it will restore the "
    "last backup.",
    "store.busy": "The database is busy. Try again in a moment.",
    "store.other": "Local database error ({detail}).",
    "store.cannot_create_dir": "Cannot create the data folder {path} ({reason}). Check the path "
    "and the permissions, or choose another one with --data-dir.",
    "store.not_a_dir": "{path} is not a folder. Choose a data folder.",
    "store.cannot_read": "Cannot read {path} ({reason}).",
    "store.bad_header": "The file {path} is not a kiosk database or is damaged. Restart the "
    "kiosk to restore the last backup, or contact support.",
    "store.damaged": "The kiosk's database is damaged ({detail}). The kiosk will set it aside "
    "and restore the last backup.",
    "store.damaged_while_open": "The check of the kiosk's database found a problem ({detail}). "
    "The counter keeps working; restart it as soon as you can: it will set the database aside "
    "and restore the last backup, without losing validations not yet sent.",
    "store.not_restored": "The kiosk's database is damaged and could not be restored "
    "({detail}). Contact support; the damaged file is kept in {path}.",
    "store.dir_not_writable": "The data folder {path} cannot be written to ({reason}: read-only "
    "disk or insufficient permissions). Check the disk and the folder's permissions, or choose "
    "another one with --data-dir.",
    "store.already_running": "The kiosk is already open on this data folder (process {pid}). "
    "Use the open window, or close it before starting another one.",
    "sync.rate_limited": "Too many requests: next try in {seconds:.0f} s.",
    "sync.unreachable": "pass Culture server unreachable ({kind}).",
    "sync.timeout": "The pass Culture server does not answer in time ({kind}).",
    "sync.interrupted": "Connection to the pass Culture server interrupted ({kind}).",
    "sync.too_big": "Server answer too large: ignored.",
    "sync.too_slow": "The pass Culture server does not answer in time (answer too slow).",
    "sync.server_error": "The pass Culture server is failing (HTTP {status}).",
    "sync.bad_json": "Unreadable server answer (invalid JSON).",
    "sync.key_refused": "The API key is refused by pass Culture (HTTP 401).",
    "sync.key_forbidden": "The API key does not have the required rights (HTTP 403).",
    "sync.unexpected_status": "Unexpected server answer (HTTP {status}).",
    "sync.refused": "pass Culture refused the request (HTTP {status}): “{words}”.",
    "sync.unexpected_said": "Unexpected server answer (HTTP {status}): “{words}”.",
    "sync.key_forbidden_said": "The API key does not have the required rights (HTTP 403): "
    "“{words}”.",
    "sync.wrong_address": "No pass Culture API at this address (HTTP 404 on {path}): the "
    "server address is probably wrong.",
    # -- `kiosk status` (kiosk.cli.commands), in the counter's language
    "status.unconfigured": "not configured",
    "status.online": "online",
    "status.offline": "offline",
    "status.network": "Network: {state}",
    "status.pending": "Validations waiting to be sent: {n}",
    "status.conflicts": "Conflicts to handle: {n}",
    "status.data": "Data: {age}",
    # -- the set-up wizard's server check (kiosk.ui.admin.wizard)
    "wizard.key_refused": "This server refuses the API key: check it (copy it again from the "
    "pass Culture partner space) and that it belongs to the chosen server.",
    "wizard.unreachable": "Server unreachable ({url}): check the address and the network.",
    "wizard.wrong_address": "This server ({url}) answers, but it is not the pass Culture API "
    "at this address: check the server address (e.g. https://backend.passculture.app).",
    "wizard.unexpected_answer": "Unexpected answer from the server ({detail}): check the address.",
    "wizard.unexpected_error": "Unexpected error ({kind}): try again or contact support.",
    "doctor.label.server": "Server",
    "doctor.label.key": "API key",
    "doctor.label.clock": "Clock",
    "doctor.label.disk": "Disk",
    "doctor.label.database": "Database",
    "doctor.label.pending": "Validations waiting to be sent",
    "doctor.label.conflicts": "Conflicts to handle",
    "doctor.label.data": "Local data",
    "doctor.label.devices": "Camera and sound",
    "doctor.label.camera": "Camera",
    "doctor.label.sound": "Sound",
    "doctor.label.mesh": "Counters of the venue",
    "doctor.title": "Kiosk diagnostics — {at:%d/%m/%Y %H:%M:%S}",
    "doctor.sep": ": ",
    "doctor.healthy": "All is well.",
    "doctor.unhealthy": "To fix: see the lines marked !! (warning) and XX (error).",
    "doctor.version": "Version",
    "doctor.system": "System",
    "doctor.counter": "Counter",
    "doctor.data_dir": "Data folder",
    "doctor.venues": "Venues",
    "doctor.no_venue": "none",
    "doctor.not_configured": "No server or no key configured: run the setup wizard.",
    "doctor.answers": "{url} answers.",
    "doctor.key_refused": "Key refused: replace it in the settings (administrator PIN). "
    "Detail: {error}",
    "doctor.unreachable": "Server unreachable: check the address ({url}) and the network. "
    "Validations stay recorded and will be sent when the network is back. Detail: {error}",
    "doctor.odd_answer": "Abnormal answer from the server. Detail: {error}",
    "doctor.wrong_address": "{error} Check the server address ({url}) in the settings "
    "(e.g. https://backend.passculture.app).",
    "doctor.venues_missing": "Key accepted, but it gives no access to venues {venues}: check "
    "the venues chosen in the settings.",
    "doctor.key_ok": "Accepted ({n} venue(s) visible).",
    "doctor.ahead": "ahead of",
    "doctor.behind": "behind",
    "doctor.skew": "This computer's clock is {minutes:.0f} min {direction} pass Culture's: "
    "event dates would be misjudged. Set the system time (automatic synchronisation).",
    "doctor.clock_ok": "{seconds:.0f} s difference with the server.",
    "doctor.disk_unreadable": "Cannot read the free space ({error}).",
    "doctor.disk_low": "Only {mb:.0f} MB free: free some space, or validations can no longer "
    "be recorded.",
    "doctor.disk_ok": "{gb:.1f} GB free in {path}.",
    "doctor.db_refused": "Database unusable. Detail: {error}",
    "doctor.db_unreadable": "Unreadable ({kind}): restart the kiosk or contact support.",
    "doctor.db_ok": "Intact ({path}).",
    "doctor.db_damaged": "Damaged ({rows}): contact support.",
    "doctor.pending_none": "none",
    "doctor.pending": "{n} (they will be sent when the network is back)",
    "doctor.conflicts_none": "none",
    "doctor.conflicts": "{n}: open the conflict list at the counter.",
    "doctor.devices_unknown": "not checked here.",
    "doctor.camera_gone": "The chosen camera is no longer plugged in (present: {cameras}): "
    "choose one in the settings.",
    "doctor.no_camera": "No camera detected (the barcode scanner and typing the code still work).",
    "doctor.no_sound": "No sound output detected: beeps are silent (the screen still shows the "
    "colour).",
    "doctor.mesh_off": "sharing off (Settings › Counters of the venue).",
    "doctor.mesh_peers": "connected: {peers}; last exchange: {last}.",
    "doctor.mesh_alone": "no other counter connected; last exchange: {last}.",
    "doctor.mesh_never": "never",
    "doctor.mesh_dropped": " {rejected} message(s) refused (another key), {replayed} replayed.",
    "doctor.mesh_error": "sharing does not start ({error}): check the addresses in the "
    "settings and the firewall (TCP port 7447, UDP 7446 multicast).",
    # -- the manager's report (kiosk.services.report): columns, cases and what to do
    "report.title": "Counter report",
    "report.period": "Period from {start} to {end}",
    "report.generated": "Drawn up on {now}",
    "report.col.dimension": "Grouping",
    "report.col.label": "Label",
    "report.col.validations": "Validations",
    "report.col.places": "Places",
    "report.col.amount": "Amount (€)",
    "report.col.invalidations": "Invalidations",
    "report.col.conflicts": "Conflicts",
    "report.col.day": "Day",
    "report.col.category": "Category",
    "report.col.case": "Situation",
    "report.col.count": "Bookings",
    "report.col.oldest": "Oldest",
    "report.col.action": "What to do",
    "report.col.at": "Date",
    "report.col.token": "Countermark",
    "report.col.offer": "Offer",
    "report.col.venue": "Venue",
    "report.col.staff": "Staff",
    "report.col.status": "pass Culture status",
    "report.col.reimbursed_at": "Reimbursed on",
    "report.col.youth": "Beneficiary",
    "report.dim.total": "Total",
    "report.dim.venue": "Per venue",
    "report.dim.offer": "Per offer",
    "report.dim.category": "Per category",
    "report.dim.staff": "Per staff member",
    "report.dim.days": "Validations per day",
    "report.dim.cases": "Reconciliation with pass Culture",
    "report.dim.lines": "Reconciliation details",
    "report.none": "(not given)",
    "report.no_staff": "(no name)",
    "report.other_category": "Other",
    "report.case.reimbursed": "Validated here and reimbursed",
    "report.case.awaiting": "Validated here, not yet reimbursed",
    "report.case.unsent": "Validated here, not yet sent to pass Culture",
    "report.case.cancelled": "Validated here but cancelled at pass Culture",
    "report.case.unknown": "Validated here but unknown or refused at pass Culture",
    "report.case.elsewhere": "Reimbursed but never validated here",
    "report.do.reimbursed": "Nothing to do: reimbursed on {date}.",
    "report.do.reimbursed_seen": "Nothing to do: reimbursed (seen reimbursed on {date}).",
    "report.do.reimbursed_all": "Nothing to do: pass Culture has reimbursed.",
    "report.do.awaiting": "Waiting for {days} day(s): pass Culture reimburses about every two "
    "weeks; after a month, report it to pass Culture (pro portal, Reimbursements).",
    "report.do.awaiting_late": "Waiting for {days} days: report it to pass Culture (pro "
    "portal, Reimbursements) with the countermark.",
    "report.do.unsent": "Not sent yet: reconnect the kiosk to the network and run a sync "
    "(File > Sync now).",
    "report.do.cancelled": "Cancelled at pass Culture: it will not be reimbursed. Check what "
    "was handed over and talk to the youth or pass Culture.",
    "report.do.unknown": "pass Culture does not count it as validated ({reason}): check the "
    "countermark on the pro portal (Guichet page); without a validation, no reimbursement.",
    "report.do.elsewhere": "Validated elsewhere (another counter or the pro portal's Guichet "
    "page): check the offer was really handed over.",
    "report.reason.none": "status {status}",
    "report.reason.missing": "booking not in the data",
    "report.reason.see_lines": "the reason is given on each line",
    "report.names_outside_retention": "The list with names is only possible for the last "
    "{days} days (how long names are kept): choose a period starting on {first} or later.",
    "report.bad_period": "Invalid period: the end date ({end}) is before the start date ({start}).",
    "report.bad_date": 'Unreadable date: "{value}". Write it YYYY-MM-DD (for example 2026-11-30).',
    "report.write_failed": "The report could not be written to {path} ({error}): check the "
    "folder and the free space.",
    "report.truncated": "{shown} lines shown out of {total}: export the report for the full list.",
    # -- texts-rest: network reason, recovery notice, server answers, import, config, tickets
    "net.unconfigured": "Server not configured",
    "net.too_slow": "pass Culture server answers too slowly",
    "recovery.notice": "{what} {saved} {then}",
    "recovery.restored": "The kiosk's database was damaged (power cut or failing disk). It was "
    "set aside and the backup of {at:%d/%m/%Y} at {at:%H:%M} was restored.",
    "recovery.fresh": "The kiosk's database was damaged and no valid backup was found: a new "
    "database was created.",
    "recovery.saved_one": "{n} recent validation was recovered.",
    "recovery.saved_many": "{n} recent validations were recovered.",
    "recovery.none_lost": "No validation was lost.",
    "recovery.partly_lost": "{n} recent validation(s) recovered, but part of the file was "
    "unreadable: check the validations of the last hours on the pass Culture portal.",
    "recovery.then": "Bookings will be reloaded at the next synchronisation: keep the kiosk "
    "connected. If this happens again, have the disk checked.",
    "server.missing": 'Unexpected server answer: "{key}" is missing ({where}).',
    "server.empty": 'Unexpected server answer: "{key}" is empty ({where}).',
    "server.mistyped": 'Unexpected server answer: "{key}" has the wrong type ({where}).',
    "server.bad_date": 'Unexpected server answer: unreadable date "{key}".',
    "server.no_zone": 'Unexpected server answer: date without time zone "{key}".',
    "server.bad_status": 'Unexpected server answer: unknown status "{status}".',
    "server.bad_quantity": "Unexpected server answer: quantity other than 1 or 2.",
    "server.venue_list": "Unexpected server answer: a list of venues was expected.",
    "server.list_expected": 'Unexpected server answer: a "{kind}" list was expected.',
    "server.where.booking": "booking",
    "server.where.bookings": "booking list",
    "server.where.offerer": "offerer",
    "server.where.venues": "venues",
    "server.where.venue": "venue",
    "server.where.offer": "offer",
    "server.where.stock": "stock",
    "server.where.dates": "dates",
    "server.where.date": "date",
    "server.where.price": "price category",
    "import.coverage": "Countermarks known offline: {known} of the {total} current bookings.",
    "import.hint": "The local data knows few countermarks ({known} of the {total} current "
    "bookings): import the pro portal's bookings export (File › Import…) to recognise the "
    "others offline.",
    "import.bad_xlsx": "Unreadable XLSX file ({kind}).",
    "import.empty": "The file is empty.",
    "import.not_an_export": "This file is not a bookings export from the pro portal: missing "
    "columns ({columns}…).",
    "import.bad_date": 'Line {line}: unreadable {what} ("{value}").',
    "import.what.created": "booking date",
    "import.what.used": "validation date",
    "import.what.beginning": "event date",
    "import.what.reimbursed": "reimbursement date",
    "import.bad_price": 'Line {line}: unreadable price ("{value}").',
    "import.bad_status": 'Line {line}: unknown status ("{value}").',
    "import.bad_token": 'Line {line}: invalid countermark ("{value}").',
    "import.no_created": "Line {line}: booking date missing.",
    "import.no_offer": "Line {line}: offer name missing.",
    "import.not_found": "File not found: {path}",
    "import.unreadable": "Unreadable file: {error}",
    "config.unreadable": "The configuration file {path} is unreadable ({error}). Fix it or "
    "delete it to run the setup wizard again.",
    "config.bad_venue_ids": "KIOSK_VENUE_IDS must be a comma-separated list of venue ids (e.g. "
    "12,34).",
    "config.bad_number": 'Invalid setting "{key}" in {path}: a number between {low} and {high} '
    "is expected (found: {value}). Fix it or delete the line (default value).",
    "tickets.none": "No demo booking found: nothing to print.",
    "tickets.bad_format": 'Unknown format "{suffix}": choose a .pdf or .png file.',
    "tickets.cannot_write": "Cannot write {path} ({error}).",
    # -- the key's request budget: pass Culture limits the requests (429), not an outage
    "source.limited": "pass Culture is limiting requests — decided on local data "
    "(next try in {seconds} s) — {age}",
    "net.limited": "pass Culture is limiting requests: next try in {seconds:.0f} s",
    "verdict.unknown_offline.limited": "This counter does not know this countermark yet and "
    "pass Culture is limiting requests for now. Search the booking by the youth's name to "
    'record it "to confirm", or scan again in a moment.',
    "source.late": "pass Culture did not answer in time — decided on local data — {age}",
    "net.late": "pass Culture did not answer in time",
    "verdict.unknown_offline.late": "This counter does not know this countermark yet and "
    "pass Culture did not answer in time. Scan it again in a moment, or search the booking by "
    'the youth\'s name to record it "to confirm".',
}

CATALOGUE: dict[str, dict[str, str]] = {"fr": FR, "en": EN}


def template(msg_id: str, lang: str = "fr") -> str:
    """The raw template of `msg_id` in `lang` (French for an unknown language)."""
    return CATALOGUE.get(lang, FR)[msg_id]


def say(msg_id: str, lang: str = "fr", /, **values: Any) -> str:
    """Message `msg_id` in `lang` ("fr" or "en"; anything else: French), filled with `values`."""
    return template(msg_id, lang).format(**values)


@dataclass(frozen=True, slots=True)
class Phrase:
    """A message a Qt-free layer says, kept with its values so the UI can ask for it in the
    window's language: `text()` is French, `text("en")` English."""

    msg_id: str
    values: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, msg_id: str, **values: Any) -> Phrase:
        return cls(msg_id, values)

    def text(self, lang: str = "fr") -> str:
        # A value may itself be a Phrase (a part of the sentence): said in the same language.
        values = {k: v.text(lang) if isinstance(v, Phrase) else v for k, v in self.values.items()}
        return say(self.msg_id, lang, **values)
