<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>Banner</name>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="45" />
        <source>État du kiosque</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BookingCard</name>
    <message>
        <location filename="../../kiosk/ui/booking_card.py" line="21" />
        <location filename="../../kiosk/ui/booking_card.py" line="26" />
        <source>Réservation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/booking_card.py" line="32" />
        <source>Réservation DUO</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/booking_card.py" line="56" />
        <source>Aucune réservation affichée.</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="86" />
        <source>Le jeune annule dans son application. Validez ensuite ce code hors ligne : au retour du réseau, pass Culture le refusera et un conflit apparaîtra.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="92" />
        <source>Réservations annulables</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="101" />
        <source>Annuler la réservation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="103" />
        <source>Annuler la réservation choisie</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="104" />
        <location filename="../../kiosk/ui/demo_menu.py" line="105" />
        <source>Fermer</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../kiosk/ui/conflicts_dialog.py" line="37" />
        <source>Conflits à traiter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/conflicts_dialog.py" line="41" />
        <source>Aucun conflit à traiter.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/conflicts_dialog.py" line="51" />
        <source>Fermer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/conflicts_dialog.py" line="70" />
        <source>Traité</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/conflicts_dialog.py" line="72" />
        <source>Marquer le conflit %1 comme traité</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/conflicts_dialog.py" line="79" />
        <source>Ce qui s’est passé : </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/conflicts_dialog.py" line="80" />
        <source>Que faire : </source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CounterScreen</name>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="112" />
        <source>Rappel : vérifier l’identité</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="129" />
        <source>Entrée, ou scanner le même code une 2e fois</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="141" />
        <source>Chercher par le nom du jeune (F3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="143" />
        <source>Chercher la réservation par le nom du jeune</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="187" />
        <source>ERREUR</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="195" />
        <source>VÉRIFICATION…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="196" />
        <source>Vérification de la contremarque %1 auprès de pass Culture...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="228" />
        <source> — vérification en ligne…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="230" />
        <source>Enregistrée sur ce guichet — en attente d’envoi à pass Culture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="287" />
        <source>PRÊT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="288" />
        <source>Scannez le QR code du jeune ou saisissez sa contremarque.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="310" />
        <source>Validation en cours...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="320" />
        <source>Enregistrement en cours...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="335" />
        <location filename="../../kiosk/ui/counter_screen.py" line="337" />
        <source>Annuler</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="336" />
        <location filename="../../kiosk/ui/counter_screen.py" line="338" />
        <source>Continuer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="348" />
        <source>Invalidation en cours...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="399" />
        <source>Cette réservation n’est plus dans les données locales.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter_screen.py" line="402" />
        <source>NON ENREGISTRÉE</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DemoMenu</name>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="122" />
        <source>Dé&amp;mo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="123" />
        <source>&amp;Couper le réseau</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="126" />
        <source>&amp;Rétablir le réseau</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="131" />
        <source>&amp;Annuler une réservation comme le jeune…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="134" />
        <source>Contremarques à &amp;essayer…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="138" />
        <source>&amp;Importer l’export du portail pro (démo)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="160" />
        <source>Export de démonstration indisponible (réseau coupé ?).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="176" />
        <source>Démo : réseau coupé.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="176" />
        <source>Démo : réseau rétabli.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="195" />
        <source>Démo : le jeune a annulé %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="198" />
        <source>Démo : annulation refusée pour %1.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HourChart</name>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="27" />
        <source>Validations par heure</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>KioskStatusBar</name>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="22" />
        <source>État du réseau</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="25" />
        <source>Validations en attente d’envoi</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="29" />
        <source>Conflits à traiter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="33" />
        <source>Dernier message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="38" />
        <source>Dernière synchronisation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="41" />
        <source>Première synchronisation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="46" />
        <source>Synchroniser</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="47" />
        <source>Synchroniser maintenant</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="67" />
        <source>● En ligne</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="68" />
        <source>● Hors ligne</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="69" />
        <source>● Clé d’API refusée</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="70" />
        <source>● Serveur non configuré</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/status_bar.py" line="81" />
        <source>%n validation(s) en attente d’envoi</source>
        <translation>
            <numerusform>%n validation en attente d’envoi</numerusform><numerusform>%n validations en attente d’envoi</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/status_bar.py" line="83" />
        <source>%n conflit(s) à traiter</source>
        <translation>
            <numerusform>%n conflit à traiter</numerusform><numerusform>%n conflits à traiter</numerusform></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="85" />
        <source>Aucun conflit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="96" />
        <source>Lieux</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="97" />
        <source>Offres</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="98" />
        <source>Réservations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/status_bar.py" line="107" />
        <source>Première synchronisation : %1 %2</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="79" />
        <source>Guichet pass Culture — %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="176" />
        <source>&amp;Fichier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="177" />
        <source>&amp;Importer l’export du portail pro…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="181" />
        <source>&amp;Synchroniser maintenant</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="185" />
        <source>&amp;Conflits à traiter…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="189" />
        <source>&amp;Quitter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="194" />
        <source>&amp;Réglages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="195" />
        <source>&amp;Son des verdicts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="200" />
        <source>Validation en &amp;deux étapes (scan, puis « Valider »)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="225" />
        <source>Réglage non enregistré ( %1 ) : il sera perdu au redémarrage.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="238" />
        <source>Hors ligne — les validations sont enregistrées et partiront au retour du réseau</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="245" />
        <source>Serveur non configuré — le guichet fonctionne sur ses données locales ; les validations seront envoyées une fois le serveur configuré.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="252" />
        <source>Clé d’API refusée par pass Culture — les validations sont gardées ici. Vérifiez la clé dans les réglages.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="263" />
        <source>Synchronisation demandée…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="265" />
        <source>Aucun serveur configuré.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="276" />
        <source>Première synchronisation incomplète : %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="316" />
        <source>Importer l’export des réservations (CSV ou XLSX)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="317" />
        <source>Exports pass Culture (*.csv *.xlsx)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="328" />
        <source>Import de %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="333" />
        <source>Import terminé : %1 réservations, dont %2 contremarques connues.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="338" />
        <source>Import terminé</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="347" />
        <source>Le fichier n’a pas pu être importé (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="352" />
        <source>Import impossible</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ManualEntry</name>
    <message>
        <location filename="../../kiosk/ui/manual_entry.py" line="40" />
        <location filename="../../kiosk/ui/manual_entry.py" line="46" />
        <source>Contremarque</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/manual_entry.py" line="45" />
        <source>ex : AZE123</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/manual_entry.py" line="47" />
        <source>Saisissez les 6 caractères du code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/manual_entry.py" line="53" />
        <source>Aide à la saisie</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/manual_entry.py" line="64" />
        <source>Caractères restants : %1/6</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/manual_entry.py" line="66" />
        <source>Saisissez une contremarque</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/manual_entry.py" line="68" />
        <source>Caractères valides : de A à Z et de 0 à 9</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/manual_entry.py" line="71" />
        <source>La contremarque ne peut pas faire plus de 6 caractères</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NameSearchDialog</name>
    <message>
        <location filename="../../kiosk/ui/name_search.py" line="39" />
        <source>Chercher la réservation par le nom du jeune</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/name_search.py" line="45" />
        <source>La contremarque %1 est inconnue hors ligne. Cherchez la réservation du jeune, vérifiez sa pièce d’identité, puis enregistrez la validation « à confirmer ».</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/name_search.py" line="51" />
        <source>&amp;Nom ou prénom du jeune</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/name_search.py" line="53" />
        <source>Nom ou prénom du jeune</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/name_search.py" line="58" />
        <source>Réservations à retirer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/name_search.py" line="64" />
        <source>Enregistrer « à confirmer »</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/name_search.py" line="66" />
        <source>Enregistrer la validation à confirmer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/name_search.py" line="68" />
        <location filename="../../kiosk/ui/name_search.py" line="69" />
        <source>Annuler</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/name_search.py" line="91" />
        <source>Tapez au moins 2 lettres.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/name_search.py" line="93" />
        <source>Recherche...</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/name_search.py" line="101" />
        <source>%n réservation(s) à retirer</source>
        <translation>
            <numerusform>%n réservation à retirer</numerusform><numerusform>%n réservations à retirer</numerusform></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/name_search.py" line="103" />
        <source>Aucune réservation à retirer à ce nom dans les données locales.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="87" />
        <location filename="../../kiosk/ui/today_panel.py" line="90" />
        <source>Aujourd’hui à ce guichet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="96" />
        <source>Compteurs du jour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="101" />
        <source>Validations du jour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="103" />
        <source>Heure</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="103" />
        <source>Code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="103" />
        <source>Offre</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="103" />
        <source>Jeune</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="103" />
        <source>État</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="119" />
        <source>à confirmer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="119" />
        <source>en attente</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="121" />
        <source>conflit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="122" />
        <source>synchronisée</source>
        <translation type="unfinished" />
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
            <numerusform>%n en attente d’envoi</numerusform><numerusform>%n en attente d’envoi</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/today_panel.py" line="134" />
        <source>%n conflit(s)</source>
        <translation>
            <numerusform>%n conflit</numerusform><numerusform>%n conflits</numerusform></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/today_panel.py" line="139" />
        <source> (invalidée)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TokensPanel</name>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="41" />
        <source>Démo — contremarques à essayer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="48" />
        <source>Scannez les QR codes imprimés avec « kiosk tickets », tapez le code, ou double-cliquez une ligne pour la « scanner ».</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="55" />
        <source>Contremarques de démonstration</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="57" />
        <source>Cas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="57" />
        <source>Code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="57" />
        <source>Offre</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="57" />
        <source>Le guichet affiche</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VerdictBand</name>
    <message>
        <location filename="../../kiosk/ui/verdict_band.py" line="33" />
        <source>Verdict</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>