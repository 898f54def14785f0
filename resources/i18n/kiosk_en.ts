<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>Banner</name>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="45" />
        <source>État du kiosque</source>
        <translation>Kiosk state</translation>
    </message>
</context>
<context>
    <name>BookingCard</name>
    <message>
        <location filename="../../kiosk/ui/booking_card.py" line="21" />
        <location filename="../../kiosk/ui/booking_card.py" line="26" />
        <source>Réservation</source>
        <translation>Booking</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/booking_card.py" line="32" />
        <source>Réservation DUO</source>
        <translation>DUO booking</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/booking_card.py" line="56" />
        <source>Aucune réservation affichée.</source>
        <translation>No booking shown.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/booking_card.py" line="82" />
        <source>DUO — %n places</source>
        <translation>
            <numerusform>DUO — %n place</numerusform><numerusform>DUO — %n places</numerusform></translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="79" />
        <source>Démo — annuler une réservation comme le jeune</source>
        <translation>Demo — cancel a booking as the youth</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="86" />
        <source>Le jeune annule dans son application. Validez ensuite ce code hors ligne : au retour du réseau, pass Culture le refusera et un conflit apparaîtra.</source>
        <translation>The youth cancels in their app. Then validate this code offline: when the network is back, pass Culture will refuse it and a conflict will appear.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="92" />
        <source>Réservations annulables</source>
        <translation>Cancellable bookings</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="101" />
        <source>Annuler la réservation</source>
        <translation>Cancel the booking</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="103" />
        <source>Annuler la réservation choisie</source>
        <translation>Cancel the chosen booking</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="104" />
        <location filename="../../kiosk/ui/demo_menu.py" line="105" />
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../kiosk/ui/conflicts_dialog.py" line="37" />
        <source>Conflits à traiter</source>
        <translation>Conflicts to handle</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/conflicts_dialog.py" line="41" />
        <source>Aucun conflit à traiter.</source>
        <translation>No conflict to handle.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/conflicts_dialog.py" line="51" />
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/conflicts_dialog.py" line="70" />
        <source>Traité</source>
        <translation>Handled</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/conflicts_dialog.py" line="72" />
        <source>Marquer le conflit %1 comme traité</source>
        <translation>Mark conflict %1 as handled</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/conflicts_dialog.py" line="79" />
        <source>Ce qui s’est passé : </source>
        <translation>What happened: </translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/conflicts_dialog.py" line="80" />
        <source>Que faire : </source>
        <translation>What to do: </translation>
    </message>
</context>
<context>
    <name>CounterScreen</name>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="112" />
        <source>Rappel : vérifier l’identité</source>
        <translation>Reminder: check the ID</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="129" />
        <source>Entrée, ou scanner le même code une 2e fois</source>
        <translation>Enter, or scan the same code again</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="141" />
        <source>Chercher par le nom du jeune (F3)</source>
        <translation>Find by the youth's name (F3)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="143" />
        <source>Chercher la réservation par le nom du jeune</source>
        <translation>Find the booking by the youth's name</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="187" />
        <source>ERREUR</source>
        <translation>ERROR</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="195" />
        <source>VÉRIFICATION…</source>
        <translation>CHECKING…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="196" />
        <source>Vérification de la contremarque %1 auprès de pass Culture...</source>
        <translation>Checking countermark %1 with pass Culture...</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="228" />
        <source> — vérification en ligne…</source>
        <translation> — checking online…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="230" />
        <source>Enregistrée sur ce guichet — en attente d’envoi à pass Culture</source>
        <translation>Recorded at this counter — waiting to be sent to pass Culture</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="287" />
        <source>PRÊT</source>
        <translation>READY</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="288" />
        <source>Scannez le QR code du jeune ou saisissez sa contremarque.</source>
        <translation>Scan the youth's QR code or type their countermark.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="310" />
        <source>Validation en cours...</source>
        <translation>Validating...</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="320" />
        <source>Enregistrement en cours...</source>
        <translation>Recording...</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="335" />
        <location filename="../../kiosk/ui/counter_screen.py" line="337" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="336" />
        <location filename="../../kiosk/ui/counter_screen.py" line="338" />
        <source>Continuer</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="348" />
        <source>Invalidation en cours...</source>
        <translation>Invalidating...</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="399" />
        <source>Cette réservation n’est plus dans les données locales.</source>
        <translation>This booking is no longer in the local data.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="402" />
        <source>NON ENREGISTRÉE</source>
        <translation>NOT RECORDED</translation>
    </message>
</context>
<context>
    <name>DemoMenu</name>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="122" />
        <source>Dé&amp;mo</source>
        <translation>De&amp;mo</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="123" />
        <source>&amp;Couper le réseau</source>
        <translation>&amp;Cut the network</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="126" />
        <source>&amp;Rétablir le réseau</source>
        <translation>&amp;Restore the network</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="131" />
        <source>&amp;Annuler une réservation comme le jeune…</source>
        <translation>&amp;Cancel a booking as the youth…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="134" />
        <source>Contremarques à &amp;essayer…</source>
        <translation>Countermarks to &amp;try…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="138" />
        <source>&amp;Importer l’export du portail pro (démo)</source>
        <translation>&amp;Import the pro portal export (demo)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="160" />
        <source>Export de démonstration indisponible (réseau coupé ?).</source>
        <translation>Demo export unavailable (network cut?).</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="176" />
        <source>Démo : réseau coupé.</source>
        <translation>Demo: network cut.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="176" />
        <source>Démo : réseau rétabli.</source>
        <translation>Demo: network restored.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="195" />
        <source>Démo : le jeune a annulé %1.</source>
        <translation>Demo: the youth cancelled %1.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="198" />
        <source>Démo : annulation refusée pour %1.</source>
        <translation>Demo: cancellation refused for %1.</translation>
    </message>
</context>
<context>
    <name>HourChart</name>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="27" />
        <source>Validations par heure</source>
        <translation>Validations per hour</translation>
    </message>
</context>
<context>
    <name>KioskStatusBar</name>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="22" />
        <source>État du réseau</source>
        <translation>Network state</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="25" />
        <source>Validations en attente d’envoi</source>
        <translation>Validations waiting to be sent</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="29" />
        <source>Conflits à traiter</source>
        <translation>Conflicts to handle</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="33" />
        <source>Dernier message</source>
        <translation>Last message</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="38" />
        <source>Dernière synchronisation</source>
        <translation>Last synchronisation</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="41" />
        <source>Première synchronisation</source>
        <translation>First synchronisation</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="46" />
        <source>Synchroniser</source>
        <translation>Synchronise</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="47" />
        <source>Synchroniser maintenant</source>
        <translation>Synchronise now</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="67" />
        <source>● En ligne</source>
        <translation>● Online</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="68" />
        <source>● Hors ligne</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="69" />
        <source>● Clé d’API refusée</source>
        <translation>● API key refused</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="70" />
        <source>● Serveur non configuré</source>
        <translation>● Server not configured</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/status_bar.py" line="81" />
        <source>%n validation(s) en attente d’envoi</source>
        <translation>
            <numerusform>%n validation waiting to be sent</numerusform><numerusform>%n validations waiting to be sent</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/status_bar.py" line="83" />
        <source>%n conflit(s) à traiter</source>
        <translation>
            <numerusform>%n conflict to handle</numerusform><numerusform>%n conflicts to handle</numerusform></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="85" />
        <source>Aucun conflit</source>
        <translation>No conflict</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="96" />
        <source>Lieux</source>
        <translation>Venues</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="97" />
        <source>Offres</source>
        <translation>Offers</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="98" />
        <source>Réservations</source>
        <translation>Bookings</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="107" />
        <source>Première synchronisation : %1 %2</source>
        <translation>First synchronisation: %1 %2</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="79" />
        <source>Guichet pass Culture — %1</source>
        <translation>pass Culture counter — %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="176" />
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="177" />
        <source>&amp;Importer l’export du portail pro…</source>
        <translation>&amp;Import the pro portal export…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="181" />
        <source>&amp;Synchroniser maintenant</source>
        <translation>&amp;Synchronise now</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="185" />
        <source>&amp;Conflits à traiter…</source>
        <translation>&amp;Conflicts to handle…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="189" />
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="194" />
        <source>&amp;Réglages</source>
        <translation>&amp;Settings</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="195" />
        <source>&amp;Son des verdicts</source>
        <translation>Verdict &amp;sounds</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="200" />
        <source>Validation en &amp;deux étapes (scan, puis « Valider »)</source>
        <translation>&amp;Two-step validation (scan, then “Validate”)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="225" />
        <source>Réglage non enregistré ( %1 ) : il sera perdu au redémarrage.</source>
        <translation>Setting not saved ( %1 ): it will be lost on restart.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="238" />
        <source>Hors ligne — les validations sont enregistrées et partiront au retour du réseau</source>
        <translation>Offline — validations are recorded and will be sent when the network is back</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="245" />
        <source>Serveur non configuré — le guichet fonctionne sur ses données locales ; les validations seront envoyées une fois le serveur configuré.</source>
        <translation>Server not configured — the counter works on its local data; validations will be sent once the server is configured.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="252" />
        <source>Clé d’API refusée par pass Culture — les validations sont gardées ici. Vérifiez la clé dans les réglages.</source>
        <translation>API key refused by pass Culture — validations are kept here. Check the key in the settings.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="263" />
        <source>Synchronisation demandée…</source>
        <translation>Synchronisation requested…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="265" />
        <source>Aucun serveur configuré.</source>
        <translation>No server configured.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="276" />
        <source>Première synchronisation incomplète : %1</source>
        <translation>First synchronisation incomplete: %1</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="316" />
        <source>Importer l’export des réservations (CSV ou XLSX)</source>
        <translation>Import the bookings export (CSV or XLSX)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="317" />
        <source>Exports pass Culture (*.csv *.xlsx)</source>
        <translation>pass Culture exports (*.csv *.xlsx)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="328" />
        <source>Import de %1…</source>
        <translation>Importing %1…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="333" />
        <source>Import terminé : %1 réservations, dont %2 contremarques connues.</source>
        <translation>Import done: %1 bookings, %2 of them with a known countermark.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="338" />
        <source>Import terminé</source>
        <translation>Import done</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="347" />
        <source>Le fichier n’a pas pu être importé (%1).</source>
        <translation>The file could not be imported (%1).</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="352" />
        <source>Import impossible</source>
        <translation>Import failed</translation>
    </message>
</context>
<context>
    <name>ManualEntry</name>
    <message>
        <location filename="../../kiosk/ui/manual_entry.py" line="40" />
        <location filename="../../kiosk/ui/manual_entry.py" line="46" />
        <source>Contremarque</source>
        <translation>Countermark</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/manual_entry.py" line="45" />
        <source>ex : AZE123</source>
        <translation>e.g. AZE123</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/manual_entry.py" line="47" />
        <source>Saisissez les 6 caractères du code</source>
        <translation>Type the 6 characters of the code</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/manual_entry.py" line="53" />
        <source>Aide à la saisie</source>
        <translation>Typing help</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/manual_entry.py" line="64" />
        <source>Caractères restants : %1/6</source>
        <translation>Characters left: %1/6</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/manual_entry.py" line="66" />
        <source>Saisissez une contremarque</source>
        <translation>Type a countermark</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/manual_entry.py" line="68" />
        <source>Caractères valides : de A à Z et de 0 à 9</source>
        <translation>Valid characters: A to Z and 0 to 9</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/manual_entry.py" line="71" />
        <source>La contremarque ne peut pas faire plus de 6 caractères</source>
        <translation>The countermark cannot be longer than 6 characters</translation>
    </message>
</context>
<context>
    <name>NameSearchDialog</name>
    <message>
        <location filename="../../kiosk/ui/name_search.py" line="39" />
        <source>Chercher la réservation par le nom du jeune</source>
        <translation>Find the booking by the youth's name</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/name_search.py" line="45" />
        <source>La contremarque %1 est inconnue hors ligne. Cherchez la réservation du jeune, vérifiez sa pièce d’identité, puis enregistrez la validation « à confirmer ».</source>
        <translation>Countermark %1 is unknown offline. Find the youth's booking, check their ID, then record the validation “to confirm”.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/name_search.py" line="51" />
        <source>&amp;Nom ou prénom du jeune</source>
        <translation>Youth's &amp;name</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/name_search.py" line="53" />
        <source>Nom ou prénom du jeune</source>
        <translation>Youth's first or last name</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/name_search.py" line="58" />
        <source>Réservations à retirer</source>
        <translation>Bookings to collect</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/name_search.py" line="64" />
        <source>Enregistrer « à confirmer »</source>
        <translation>Record “to confirm”</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/name_search.py" line="66" />
        <source>Enregistrer la validation à confirmer</source>
        <translation>Record the validation to confirm</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/name_search.py" line="68" />
        <location filename="../../kiosk/ui/name_search.py" line="69" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/name_search.py" line="91" />
        <source>Tapez au moins 2 lettres.</source>
        <translation>Type at least 2 letters.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/name_search.py" line="93" />
        <source>Recherche...</source>
        <translation>Searching...</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/name_search.py" line="101" />
        <source>%n réservation(s) à retirer</source>
        <translation>
            <numerusform>%n booking to collect</numerusform><numerusform>%n bookings to collect</numerusform></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/name_search.py" line="103" />
        <source>Aucune réservation à retirer à ce nom dans les données locales.</source>
        <translation>No booking to collect under this name in the local data.</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="87" />
        <location filename="../../kiosk/ui/today_panel.py" line="90" />
        <source>Aujourd’hui à ce guichet</source>
        <translation>Today at this counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="96" />
        <source>Compteurs du jour</source>
        <translation>Today's counts</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="101" />
        <source>Validations du jour</source>
        <translation>Today's validations</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="103" />
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="103" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="103" />
        <source>Offre</source>
        <translation>Offer</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="103" />
        <source>Jeune</source>
        <translation>Youth</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="103" />
        <source>État</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="119" />
        <source>à confirmer</source>
        <translation>to confirm</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="119" />
        <source>en attente</source>
        <translation>waiting</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="121" />
        <source>conflit</source>
        <translation>conflict</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="122" />
        <source>synchronisée</source>
        <translation>synchronised</translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/today_panel.py" line="127" />
        <source>%n validation(s)</source>
        <translation>
            <numerusform>%n validation</numerusform><numerusform>%n validations</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/today_panel.py" line="128" />
        <source>%n place(s)</source>
        <translation>
            <numerusform>%n place</numerusform><numerusform>%n places</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/today_panel.py" line="131" />
        <source>%n invalidation(s)</source>
        <translation>
            <numerusform>%n invalidation</numerusform><numerusform>%n invalidations</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/today_panel.py" line="132" />
        <source>%n en attente d’envoi</source>
        <translation>
            <numerusform>%n waiting to be sent</numerusform><numerusform>%n waiting to be sent</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/today_panel.py" line="134" />
        <source>%n conflit(s)</source>
        <translation>
            <numerusform>%n conflict</numerusform><numerusform>%n conflicts</numerusform></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="139" />
        <source> (invalidée)</source>
        <translation> (invalidated)</translation>
    </message>
</context>
<context>
    <name>TokensPanel</name>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="41" />
        <source>Démo — contremarques à essayer</source>
        <translation>Demo — countermarks to try</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="48" />
        <source>Scannez les QR codes imprimés avec « kiosk tickets », tapez le code, ou double-cliquez une ligne pour la « scanner ».</source>
        <translation>Scan the QR codes printed with “kiosk tickets”, type the code, or double-click a row to “scan” it.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="55" />
        <source>Contremarques de démonstration</source>
        <translation>Demo countermarks</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="57" />
        <source>Cas</source>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="57" />
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="57" />
        <source>Offre</source>
        <translation>Offer</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="57" />
        <source>Le guichet affiche</source>
        <translation>The counter shows</translation>
    </message>
</context>
<context>
    <name>VerdictBand</name>
    <message>
        <location filename="../../kiosk/ui/verdict_band.py" line="33" />
        <source>Verdict</source>
        <translation>Verdict</translation>
    </message>
</context>
</TS>