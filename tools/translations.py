"""Refresh the Qt catalogues: lupdate the French source strings of kiosk/ui and kiosk/scan, fill
the English translations (and French plural forms) from the tables below, and lrelease the .qm
files. kiosk_<lang>.qm is the only catalogue the application loads.

    python tools/translations.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
BIN = Path(sys.executable).parent
# Every module with on-screen texts (lupdate reads these, and the tests check them).
SOURCE_PACKAGES = ("kiosk/ui", "kiosk/scan")

EN: dict[str, str] = {
    "Structure &fermée sur pass Culture": "Structure &closed on pass Culture",
    "Salle de concert &désactivée (clé)": "Concert hall &deactivated (key)",
    "Démo : structure fermée.": "Demo: structure closed.",
    "Démo : structure rouverte.": "Demo: structure reopened.",
    "Démo : salle de concert désactivée pour cette clé.": (
        "Demo: concert hall deactivated for this key."
    ),
    "Démo : salle de concert réactivée.": "Demo: concert hall reactivated.",
    " (invalidée)": " (invalidated)",
    " — vérification en ligne…": " — checking online…",
    "&Affichage": "Vie&w",  # Alt+V is "Validate"
    "Réglage inchangé : code administrateur requis.": (
        "Setting unchanged: the administrator PIN is required."
    ),
    "Validation non enregistrée : choisissez d’abord la personne en service (« Changer »).": (
        "Validation not recorded: first choose who is on duty (\u201cChange\u201d)."
    ),
    "Mode &bibliothécaire (offres)": "&Librarian mode (offers)",
    "&Guichet": "&Counter",
    "Guichet": "Counter",
    "Importer l’export des réservations (facultatif)": "Import the bookings export (optional)",
    (
        "pass Culture ne donne pas les contremarques des évènements : sans cet export, une "
        "coupure du réseau fait répondre « INCONNUE HORS LIGNE » à des réservations valables. "
        "Téléchargez l’export des réservations (CSV ou XLSX) sur le portail pro, puis "
        "choisissez-le ici. Vous pourrez aussi l’importer plus tard (Fichier › Importer "
        "l’export du portail pro…)."
    ): (
        "pass Culture does not give the countermarks of events: without this export, a "
        "network outage answers \u201cUNKNOWN OFFLINE\u201d to valid bookings. Download the "
        "bookings export (CSV or XLSX) from the pro portal, then choose it here. You can also "
        "import it later (File › Import the pro portal export…)."
    ),
    "Choisir le fichier…": "Choose the file…",
    "&Annuler une réservation comme le jeune…": "&Cancel a booking as the youth…",
    "&Conflits à traiter…": "&Conflicts to handle…",
    "&Couper le réseau": "&Cut the network",
    "&Fichier": "&File",
    "&Importer l’export du portail pro (démo)": "&Import the pro portal export (demo)",
    "&Importer l’export du portail pro…": "&Import the pro portal export…",
    "&Nom ou prénom du jeune": "Youth's &name",
    "&Quitter": "&Quit",
    "&Réglages": "&Settings",
    "&Rétablir le réseau": "&Restore the network",
    "&Son des verdicts": "Verdict &sounds",
    "&Synchroniser maintenant": "&Synchronise now",
    "Aide à la saisie": "Typing help",
    "Annuler": "Cancel",
    "Annuler la réservation": "Cancel the booking",
    "Annuler la réservation choisie": "Cancel the chosen booking",
    "Aucun conflit": "No conflict",
    "Aucun autre guichet connecté": "No other counter connected",
    "Guichets connectés": "Connected counters",
    "Guichets connectés : %1": "Connected counters: %1",
    "Guichets du lieu": "Counters of the venue",
    "Partager les validations avec les autres guichets du lieu": (
        "Share validations with the other counters of the venue"
    ),
    "Trouver les guichets automatiquement (multicast)": "Find the counters automatically "
    "(multicast)",
    "ex. tcp/192.168.1.21:7447": "e.g. tcp/192.168.1.21:7447",
    "par défaut : tcp/0.0.0.0:7447 (tous les réseaux)": "default: tcp/0.0.0.0:7447 (every network)",
    "Adresses des autres guichets": "Addresses of the other counters",
    "Écouter sur": "Listen on",
    "Aucun conflit à traiter.": "No conflict to handle.",
    "Aucun serveur configuré.": "No server configured.",
    "Aucune réservation affichée.": "No booking shown.",
    "Aucune réservation à retirer à ce nom dans les données locales.": (
        "No booking to collect under this name in the local data."
    ),
    "Aujourd’hui à ce guichet": "Today at this counter",
    "Caractères restants : %1/6": "Characters left: %1/6",
    "Caractères valides : de A à Z et de 0 à 9": "Valid characters: A to Z and 0 to 9",
    "Cas": "Case",
    "Ce qui s’est passé : ": "What happened: ",
    "Cette réservation n’est plus dans les données locales.": (
        "This booking is no longer in the local data."
    ),
    "Chercher la réservation par le nom du jeune": "Find the booking by the youth's name",
    "Chercher par le nom du jeune (F3)": "Find by the youth's name (F3)",
    "Clé d’API refusée par pass Culture — les validations sont gardées ici. Vérifiez la clé "
    "dans les réglages.": (
        "API key refused by pass Culture — validations are kept here. Check the key in the "
        "settings."
    ),
    "Code": "Code",
    "Compteurs du jour": "Today's counts",
    "Conflits à traiter": "Conflicts to handle",
    "Continuer": "Continue",
    "Contremarque": "Countermark",
    "Contremarques de démonstration": "Demo countermarks",
    "Contremarques à &essayer…": "Countermarks to &try…",
    "Dernier message": "Last message",
    "Dernière synchronisation": "Last synchronisation",
    "Dé&mo": "De&mo",
    "Démo : annulation refusée pour %1.": "Demo: cancellation refused for %1.",
    "Démo : le jeune a annulé %1.": "Demo: the youth cancelled %1.",
    "Démo : réseau coupé.": "Demo: network cut.",
    "Démo : réseau rétabli.": "Demo: network restored.",
    "Démo — annuler une réservation comme le jeune": "Demo — cancel a booking as the youth",
    "Démo — contremarques à essayer": "Demo — countermarks to try",
    "ERREUR": "ERROR",
    "Enregistrement en cours...": "Recording...",
    "Enregistrer la validation à confirmer": "Record the validation to confirm",
    "Enregistrer « à confirmer »": "Record \u201cto confirm\u201d",
    "Enregistrée sur ce guichet — en attente d’envoi à pass Culture": (
        "Recorded at this counter — waiting to be sent to pass Culture"
    ),
    "Entrée": "Enter",
    "Enregistrée sur ce guichet — reçue par pass Culture": (
        "Recorded at this counter — received by pass Culture"
    ),
    "Refusée ensuite par pass Culture — voir « Conflits à traiter »": (
        "Refused later by pass Culture — see \u201cConflicts to handle\u201d"
    ),
    "invalidée": "invalidated",
    "conflit traité": "conflict handled",
    "Annulation refusée": "Cancellation refused",
    "pass Culture : « %1 »": "pass Culture: \u201c%1\u201d",
    "Même contremarque, déjà affichée": "Same countermark, already shown",
    "Scan ignoré : une fenêtre est ouverte (code, réglages…). Terminez-la ou fermez-la, "
    "puis scannez à nouveau.": (
        "Scan ignored: a window is open (PIN, settings…). Finish or close it, then scan again."
    ),
    "Export de démonstration indisponible (réseau coupé ?).": (
        "Demo export unavailable (network cut?)."
    ),
    "Exports pass Culture (*.csv *.xlsx)": "pass Culture exports (*.csv *.xlsx)",
    "Fermer": "Close",
    "Guichet pass Culture": "pass Culture counter",
    "● Connexion instable": "● Unsteady connection",
    "Heure": "Time",
    "Hors ligne — les validations sont enregistrées et partiront au retour du réseau": (
        "Offline — validations are recorded and will be sent when the network is back"
    ),
    "Import de %1…": "Importing %1…",
    "Import impossible": "Import failed",
    "À savoir au démarrage": "Worth knowing at start-up",
    "Démarrage du guichet…": "Starting the counter…",
    "Base de données à réparer": "Database to be repaired",
    "Import terminé": "Import done",
    "Import terminé : %1 réservations, dont %2 contremarques connues.": (
        "Import done: %1 bookings, %2 of them with a known countermark."
    ),
    "Importer l’export des réservations (CSV ou XLSX)": "Import the bookings export (CSV or XLSX)",
    "Invalidation en cours...": "Invalidating...",
    "Jeune": "Youth",
    "La contremarque %1 est inconnue hors ligne. Cherchez la réservation du jeune, vérifiez sa "
    "pièce d’identité, puis enregistrez la validation « à confirmer ».": (
        "Countermark %1 is unknown offline. Find the youth's booking, check their ID, then "
        "record the validation \u201cto confirm\u201d."
    ),
    "La contremarque ne peut pas faire plus de 6 caractères": (
        "The countermark cannot be longer than 6 characters"
    ),
    "Le fichier n’a pas pu être importé (%1).": "The file could not be imported (%1).",
    "Le guichet affiche": "The counter shows",
    "Le jeune annule dans son application. Validez ensuite ce code hors ligne (un code que ce "
    "guichet ne connaît pas encore : retrouvez la réservation par le nom du jeune, F3, et "
    "enregistrez-la « à confirmer ») : au retour du réseau, pass Culture refusera la "
    "validation et un conflit apparaîtra, compté dans la barre d’état et nommé dans "
    "« Conflits à traiter ».": (
        "The youth cancels in their app. Then validate this code offline (a code this counter "
        "does not know yet: find the booking by the youth's name, F3, and record it \u201cto "
        "confirm\u201d): when the network is back, pass Culture will refuse the validation and "
        "a conflict will appear, counted in the status bar and named in \u201cConflicts to "
        "handle\u201d."
    ),
    "connue de ce guichet": "known to this counter",
    "inconnue hors ligne : par le nom (F3)": "unknown offline: by name (F3)",
    "conflit : %1": "conflict: %1",
    "Lieux": "Venues",
    "Marquer le conflit %1 comme traité": "Mark conflict %1 as handled",
    "NON ENREGISTRÉE": "NOT RECORDED",
    "Nom ou prénom du jeune": "Youth's first or last name",
    "Offre": "Offer",
    "Offres": "Offers",
    "PRÊT": "READY",
    "Première synchronisation": "First synchronisation",
    "Première synchronisation : %1 %2": "First synchronisation: %1 %2",
    "Première synchronisation incomplète : %1": "First synchronisation incomplete: %1",
    "Guichet prêt — catalogue en cours de synchronisation…": (
        "Counter ready — catalogue still synchronising…"
    ),
    "Images": "Images",
    "Que faire : ": "What to do: ",
    "Rappel : vérifier l’identité": "Reminder: check the ID",
    "Recherche...": "Searching...",
    "Réglage non enregistré ( %1 ) : il sera perdu au redémarrage.": (
        "Setting not saved ( %1 ): it will be lost on restart."
    ),
    "Réservation": "Booking",
    "Réservation DUO": "DUO booking",
    "Réservations": "Bookings",
    "Réservations annulables": "Cancellable bookings",
    "Réservations à retirer": "Bookings to collect",
    "Saisissez les 6 caractères du code": "Type the 6 characters of the code",
    "Saisissez une contremarque": "Type a countermark",
    "Scannez le QR code du jeune ou saisissez sa contremarque.": (
        "Scan the youth's QR code or type their countermark."
    ),
    "Scannez les QR codes imprimés avec « kiosk tickets », tapez le code, ou double-cliquez une "
    "ligne pour la « scanner ».": (
        "Scan the QR codes printed with \u201ckiosk tickets\u201d, type the code, or double-click "
        "a row to \u201cscan\u201d it."
    ),
    "Serveur non configuré — le guichet fonctionne sur ses données locales ; les validations "
    "seront envoyées une fois le serveur configuré.": (
        "Server not configured — the counter works on its local data; validations will be sent "
        "once the server is configured."
    ),
    "Synchronisation demandée…": "Synchronisation requested…",
    "Synchroniser": "Synchronise",
    "Synchroniser maintenant": "Synchronise now",
    "Tapez au moins 2 lettres.": "Type at least 2 letters.",
    "Traité": "Handled",
    "Validation en &deux étapes (scan, puis « Valider »)": (
        "&Two-step validation (scan, then \u201cValidate\u201d)"
    ),
    "Validation en cours...": "Validating...",
    "Validations du jour": "Today's validations",
    "Validations en attente d’envoi": "Validations waiting to be sent",
    "Validations par heure": "Validations per hour",
    "Verdict": "Verdict",
    "VÉRIFICATION…": "CHECKING…",
    "Vérification de la contremarque %1 auprès de pass Culture...": (
        "Checking countermark %1 with pass Culture..."
    ),
    "conflit": "conflict",
    "en attente": "waiting",
    "ex : AZE123": "e.g. AZE123",
    "synchronisée": "synchronised",
    "État": "State",
    "État du kiosque": "Kiosk state",
    "État du réseau": "Network state",
    "à confirmer": "to confirm",
    "● Clé d’API refusée": "● API key refused",
    "● En ligne": "● Online",
    "● Hors ligne": "● Offline",
    "● Requêtes limitées": "● Requests limited",
    "● Serveur non configuré": "● Server not configured",
    # Librarian mode (catalogue screen, offer card): the youth is addressed as "tu".
    "← Guichet": "← Counter",
    "Explore l’offre culturelle": "Explore what's on",
    "Un livre, un concert, un artiste, un lieu…": "A book, a concert, an artist, a place…",
    "Gratuit": "Free",
    "Payant": "Paid",
    "Sur place": "On site",
    "En ligne": "Online",
    "Cette semaine": "This week",
    "Les plus pertinentes": "Most relevant",
    "Par date": "By date",
    "Par prix": "By price",
    "← Catégories": "← Categories",
    "Cette offre n’est plus disponible.": "This offer is no longer available.",
    "Tous les lieux": "All places",
    "Aucune offre ne correspond. Essaie un autre mot ou enlève un filtre.": (
        "No offer matches. Try another word or remove a filter."
    ),
    "plus de %1 offres": "more than %1 offers",
    "1 offre": "1 offer",
    "%1 offres": "%1 offers",
    "Le catalogue est momentanément illisible. Réessaie dans un instant ; si cela continue, "
    "préviens l’équipe de la médiathèque.": (
        "The catalogue cannot be read right now. Try again in a moment; if it goes on, tell "
        "the library staff."
    ),
    "← Retour aux résultats": "← Back to the results",
    "DUO : 2 places": "DUO: 2 places",
    "Où ?": "Where?",
    "Quand ?": "When?",
    "Comment l’obtenir ?": "How to get it?",
    "Accessibilité": "Accessibility",
    "En quelques mots": "In a few words",
    "Scanne-moi avec ton téléphone": "Scan me with your phone",
    "et réserve l’offre dans l’application pass Culture": (
        "and book the offer in the pass Culture app"
    ),
    "En ligne, sur ton téléphone ou ton ordinateur": "Online, on your phone or computer",
    "… et d’autres dates dans l’application": "… and more dates in the app",
    "Pas de date à venir": "No upcoming date",
    "Accès en ligne après la réservation dans l’application": (
        "Online access after booking in the app"
    ),
    "À retirer sur place après la réservation dans l’application": (
        "To collect on site after booking in the app"
    ),
    # Settings, kiosk mode, camera and staff bar wiring in the main window.
    "\nImpossible d'écrire {} ({}).": "\nCannot write {} ({}).",
    "Caméra indisponible sur cet ordinateur.": "Camera unavailable on this computer.",
    "&Caméra (scanner avec la webcam)": "&Camera (scan with the webcam)",
    "&Réglages du guichet (administrateur)…": "Counter &settings (administrator)…",
    "Réglages enregistrés": "Settings saved",
    "Le serveur, la clé d’API, les lieux ou la langue ont changé : ils s’appliqueront au "
    "prochain démarrage du kiosque. Fermez-le puis relancez-le.": (
        "The server, API key, venues or language changed: they apply the next time the kiosk "
        "starts. Close it, then start it again."
    ),
    "Réglages enregistrés et appliqués.": "Settings saved and applied.",
    "Mode kiosque non appliqué : aucun code administrateur n’est défini (assistant "
    "d’installation).": "Kiosk mode not applied: no administrator PIN is set (setup wizard).",
    "Re&verrouiller le mode kiosque": "Re&lock kiosk mode",
    "Changer la personne en service": "Change who is on duty",
    "Aucun compte du personnel : les validations sont enregistrées sans nom.": (
        "No staff account: validations are recorded without a name."
    ),
    "%1 (code %2)": "%1 (PIN %2)",
    "Personnel : %1 — « Changer » en haut à droite du guichet. Code administrateur "
    "(réglages, sortie du mode kiosque) : %2.": (
        "Staff: %1 — \u201cChange\u201d at the top right of the counter. Administrator PIN "
        "(settings, leaving kiosk mode): %2."
    ),
    # Set-up wizard, settings and diagnostics, PIN pad, staff screens, lockdown.
    "Code administrateur et personnel": "Administrator PIN and staff",
    "Le code administrateur (6 chiffres ou plus) protège les réglages et la sortie du mode "
    "guichet. Gardez-le en lieu sûr.": (
        "The administrator PIN (6 digits or more) protects the settings and leaving counter "
        "mode. Keep it safe."
    ),
    "facultatif, ex. Marie": "optional, e.g. Marie",
    "4 à 6 chiffres": "4 to 6 digits",
    "Code administrateur": "Administrator PIN",
    "Confirmez le code": "Confirm the PIN",
    "Premier membre du personnel (facultatif)": "First staff member (optional)",
    "Nom": "Name",
    "Code personnel": "Staff PIN",
    "Les deux codes administrateur sont différents.": "The two administrator PINs differ.",
    "Code personnel : ": "Staff PIN: ",
    "Diagnostic du kiosque": "Kiosk diagnostics",
    "Diagnostic en cours…": "Running diagnostics…",
    "Exporter dans un fichier…": "Export to a file…",
    "Le diagnostic a échoué ({}).": "Diagnostics failed ({}).",
    "Exporter le diagnostic": "Export the diagnostics",
    "Déverrouiller (administrateur)…": "Unlock (administrator)…",
    "Tapez le code puis « Valider ».": "Type the PIN, then \u201cValidate\u201d.",
    "Valider": "Validate",
    "Vous pouvez réessayer.": "You can try again.",
    "Patientez {}": "Wait {}",
    "Serveur pass Culture et clé d'API": "pass Culture server and API key",
    "La clé se trouve dans l'espace partenaire pass Culture (menu Intégrations).": (
        "The key is in the pass Culture partner portal (Integrations menu)."
    ),
    "Production (le vrai pass Culture)": "Production (the real pass Culture)",
    "Intégration (essais de pass Culture)": "Integration (pass Culture test environment)",
    "Autre adresse (bac à sable local)": "Other address (local sandbox)",
    "Collez la clé ici": "Paste the key here",
    "Adresse": "Address",
    "Clé d'API": "API key",
    "Collez la clé d'API fournie par pass Culture.": "Paste the API key provided by pass Culture.",
    "Vérification de la clé auprès du serveur…": "Checking the key with the server…",
    "Cette clé ne donne accès à aucun lieu : vérifiez-la dans l'espace partenaire.": (
        "This key gives access to no venue: check it in the partner portal."
    ),
    "Réglages du guichet": "Counter settings",
    "Deux étapes : afficher, puis « Valider »": "Two steps: show, then \u201cValidate\u201d",
    "Sons activés": "Sounds on",
    " jours": " days",
    "Nom du guichet": "Counter name",
    "Caméra": "Camera",
    "Retour à l'accueil (mode jeune) après": "Back to the start (youth mode) after",
    "Conserver les noms des réservations closes": "Keep names of closed bookings for",
    "Général": "General",
    "clé enregistrée — collez une nouvelle clé pour la remplacer": (
        "key saved — paste a new key to replace it"
    ),
    "aucune clé : collez la clé d'API": "no key: paste the API key",
    "Adresse du serveur": "Server address",
    "Lieux servis": "Venues served",
    "Serveur": "Server",
    "Personnel": "Staff",
    "Laissez vide pour garder le code actuel.": "Leave empty to keep the current PIN.",
    "Nouveau code administrateur": "New administrator PIN",
    "Confirmez": "Confirm",
    "Sécurité": "Security",
    "Diagnostic": "Diagnostics",
    "Enregistrer": "Save",
    "Aucune caméra détectée": "No camera detected",  # also the camera's status line
    "Lieu n° {}": "Venue no. {}",
    "Cochez au moins un lieu.": "Tick at least one venue.",
    "Donnez un nom à ce guichet.": "Name this counter.",
    "Installation du guichet pass Culture": "pass Culture counter set-up",
    "< Précédent": "< Back",
    "Suivant >": "Next >",
    "Terminer": "Finish",
    "Changer": "Change",
    "En service : {}": "On duty: {}",
    "Personne en service : touchez «\u00a0Changer\u00a0»": "Nobody on duty: tap \u201cChange\u201d",
    "Prénom (ex. Marie)": "First name (e.g. Marie)",
    "Ajouter": "Add",
    "Désactiver / réactiver": "Disable / enable",
    "Nouveau code pour la sélection": "New PIN for the selection",
    "{} (désactivé)": "{} (disabled)",
    "{} peut maintenant se mettre en service.": "{} can now go on duty.",
    "Choisissez d'abord un nom dans la liste.": "First choose a name in the list.",
    "{} est désactivé.": "{} is disabled.",
    "{} est réactivé.": "{} is enabled again.",
    "Nouveau code enregistré.": "New PIN saved.",
    "Qui est en service ?": "Who is on duty?",
    "Qui prend le guichet ? Touchez votre nom.": "Who is taking the counter? Tap your name.",
    "Aucun compte du personnel. Un administrateur peut en créer dans les réglages.": (
        "No staff accounts. An administrator can create them in the settings."
    ),
    "← Autre nom": "← Other name",
    "{} : votre code": "{}: your PIN",
    "Le guichet récupère les lieux, les offres et les réservations.": (
        "The counter is fetching venues, offers and bookings."
    ),
    "Réessayer": "Retry",
    "Synchronisation en cours…": "Synchronising…",
    "Terminé : {} réservations et {} offres reçues. Le guichet est prêt.": (
        "Done: {} bookings and {} offers received. The counter is ready."
    ),
    "Synchronisation incomplète : {} Vous pouvez réessayer, ou terminer : le guichet "
    "réessaiera tout seul.": (
        "Synchronisation incomplete: {} You can retry, or finish: the counter will retry by itself."
    ),
    "Lieux servis par ce guichet": "Venues served by this counter",
    "Cochez les lieux dont ce guichet valide les réservations.": (
        "Tick the venues whose bookings this counter validates."
    ),
    "Nom de ce guichet": "Name of this counter",
    "Donnez un nom à ce guichet (ex. Accueil).": "Name this counter (e.g. Front desk).",
    # Camera preview and the camera scanner's status line (kiosk/scan).
    "Aperçu de la caméra": "Camera preview",
    "Présentez le QR code dans le cadre": "Show the QR code inside the frame",
    "Caméra arrêtée": "Camera stopped",
    "Autorisation d'accès à la caméra…": "Asking for access to the camera…",
    "Accès à la caméra refusé : autorisez la caméra pour cette application dans les réglages "
    "du système": (
        "Camera access refused: allow the camera for this application in the system settings"
    ),
    "Démarrage de la caméra « %1 »…": "Starting the camera \u201c%1\u201d…",
    "Caméra débranchée : rebranchez-la pour reprendre le scan": (
        "Camera unplugged: plug it back in to resume scanning"
    ),
    "Erreur de la caméra : %1": "Camera error: %1",
    "inconnue": "unknown",
    "Caméra active : présentez le QR code": "Camera on: show the QR code",
    "La caméra s'est arrêtée": "The camera stopped",
    # -- the Bilan (kiosk/ui/admin/report_screen.py)
    "&Bilan du guichet (administrateur)…": "Counter &report (administrator)…",
    "Bilan du guichet": "Counter report",
    "Jour": "Day",
    "Semaine": "Week",
    "Mois": "Month",
    "Période…": "Period…",
    "Durée de la période": "Length of the period",
    "Premier jour": "First day",
    "Dernier jour": "Last day",
    "Liste nominative (noms des jeunes)": "List with names (the youths' names)",
    "Seulement pour une période dans la durée de conservation des noms ; à ne demander que si "
    "c’est nécessaire.": (
        "Only for a period within how long names are kept; ask for it only when needed."
    ),
    "Afficher": "Show",
    "du": "from",
    "au": "to",
    "Calcul du bilan…": "Computing the report…",
    "Validations par jour": "Validations per day",
    "Montants par catégorie": "Amounts per category",
    "Graphiques": "Charts",
    "Par lieu": "Per venue",
    "Par offre": "Per offer",
    "Par catégorie": "Per category",
    "Par personnel": "Per staff member",
    "Rapprochement pass Culture": "Reconciliation with pass Culture",
    "Exporter en CSV…": "Export as CSV…",
    "Exporter en Excel…": "Export as Excel…",
    "Exporter en PDF…": "Export as PDF…",
    "Le bilan n’a pas pu être calculé (%1). Réessayez ; si cela recommence, lancez le "
    "diagnostic (Réglages).": (
        "The report could not be computed (%1). Try again; if it happens again, run the "
        "diagnostic (Settings)."
    ),
    "%1 validations, %2 places, %3 € remis ; %4 invalidations, %5 conflits.": (
        "%1 validations, %2 places, €%3 handed over; %4 invalidations, %5 conflicts."
    ),
    "Exporter le bilan": "Export the report",
    "Bilan exporté dans %1.": "Report exported to %1.",
    "L’export a échoué (%1).": "The export failed (%1).",
}
# Where one French word needs a different English one depending on the screen: (context, source).
EN_IN_CONTEXT: dict[tuple[str, str], str] = {
    ("StaffManager", "Code"): "PIN",  # the staff member's PIN field, not a countermark
}
# Plurals: (one, other) per language.
PLURALS: dict[str, dict[str, tuple[str, str]]] = {
    "%n conflit(s)": {"fr": ("%n conflit", "%n conflits"), "en": ("%n conflict", "%n conflicts")},
    "%n conflit(s) à traiter": {
        "fr": ("%n conflit à traiter", "%n conflits à traiter"),
        "en": ("%n conflict to handle", "%n conflicts to handle"),
    },
    "%n en attente d’envoi": {
        "fr": ("%n en attente d’envoi", "%n en attente d’envoi"),
        "en": ("%n waiting to be sent", "%n waiting to be sent"),
    },
    "%n invalidation(s)": {
        "fr": ("%n invalidation", "%n invalidations"),
        "en": ("%n invalidation", "%n invalidations"),
    },
    "%n place(s)": {"fr": ("%n place", "%n places"), "en": ("%n place", "%n places")},
    "%n réservation(s) à retirer": {
        "fr": ("%n réservation à retirer", "%n réservations à retirer"),
        "en": ("%n booking to collect", "%n bookings to collect"),
    },
    "%n validation(s)": {
        "fr": ("%n validation", "%n validations"),
        "en": ("%n validation", "%n validations"),
    },
    "%n validation(s) en attente d’envoi": {
        "fr": ("%n validation en attente d’envoi", "%n validations en attente d’envoi"),
        "en": ("%n validation waiting to be sent", "%n validations waiting to be sent"),
    },
    "DUO — %n places": {
        "fr": ("DUO — %n place", "DUO — %n places"),
        "en": ("DUO — %n place", "DUO — %n places"),
    },
}


def _tool(name: str) -> str:
    found = shutil.which(f"pyside6-{name}") or str(BIN / f"pyside6-{name}")
    return found


def fill(ts: Path, lang: str) -> list[str]:
    tree = ET.parse(ts)
    missing: list[str] = []
    for context in tree.iter("context"):
        missing += _fill_context(context, context.findtext("name") or "", lang)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def _fill_context(context: ET.Element, name: str, lang: str) -> list[str]:
    missing: list[str] = []
    for msg in context.iter("message"):
        source = msg.findtext("source") or ""
        tr = msg.find("translation")
        assert tr is not None
        if msg.get("numerus") == "yes":
            forms = PLURALS.get(source, {}).get(lang)
            if forms is None:
                missing.append(source)
                continue
            for child in list(tr):
                tr.remove(child)
            for form in forms:
                ET.SubElement(tr, "numerusform").text = form
            tr.attrib.pop("type", None)
        elif lang == "en":
            text = EN_IN_CONTEXT.get((name, source), EN.get(source))
            if text is None:
                missing.append(f"{name}: {source}")
                continue
            tr.text = text
            tr.attrib.pop("type", None)
    return missing


def main() -> int:
    sources = sorted(
        str(p.relative_to(ROOT)) for pkg in SOURCE_PACKAGES for p in (ROOT / pkg).rglob("*.py")
    )
    targets = {"en": I18N / "kiosk_en.ts", "fr": I18N / "kiosk_fr.ts"}
    I18N.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [_tool("lupdate"), "-no-obsolete", *sources, "-ts", *map(str, targets.values())],
        cwd=ROOT,
        check=True,
    )
    status = 0
    for lang, ts in targets.items():
        missing = fill(ts, lang)
        for m in missing:
            print(f"{lang}: no translation for {m!r}")
            status = 1
        subprocess.run([_tool("lrelease"), str(ts)], cwd=ROOT, check=True)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
