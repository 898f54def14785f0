<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="fr_FR">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="235" />
        <source>Code administrateur et personnel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="238" />
        <source>Le code administrateur (6 chiffres ou plus) protège les réglages et la sortie du mode guichet. Gardez-le en lieu sûr.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="248" />
        <source>facultatif, ex. Marie</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="252" />
        <source>4 à 6 chiffres</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="258" />
        <source>Code administrateur</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="259" />
        <source>Confirmez le code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="260" />
        <source>Premier membre du personnel (facultatif)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="261" />
        <source>Nom</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="262" />
        <source>Code personnel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="272" />
        <source>Les deux codes administrateur sont différents.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="278" />
        <source>Code personnel : </source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../kiosk/ui/common/i18n.py" line="41" />
        <source>Guichet pass Culture</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="73" />
        <source>État du kiosque</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>BookingCard</name>
    <message>
        <location filename="../../kiosk/ui/counter/booking_card.py" line="22" />
        <location filename="../../kiosk/ui/counter/booking_card.py" line="27" />
        <source>Réservation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/booking_card.py" line="33" />
        <source>Réservation DUO</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/booking_card.py" line="56" />
        <source>Aucune réservation affichée.</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/counter/booking_card.py" line="89" />
        <source>DUO — %n places</source>
        <translation>
            <numerusform>DUO — %n place</numerusform><numerusform>DUO — %n places</numerusform></translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <location filename="../../kiosk/scan/camera.py" line="199" />
        <location filename="../../kiosk/ui/counter/camera_view.py" line="67" />
        <source>Caméra arrêtée</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/scan/camera.py" line="227" />
        <source>Autorisation d'accès à la caméra…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/scan/camera.py" line="245" />
        <source>Accès à la caméra refusé : autorisez la caméra pour cette application dans les réglages du système</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/scan/camera.py" line="269" />
        <location filename="../../kiosk/scan/camera.py" line="325" />
        <source>Aucune caméra détectée</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/scan/camera.py" line="285" />
        <source>Démarrage de la caméra « %1 »…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/scan/camera.py" line="313" />
        <source>Caméra débranchée : rebranchez-la pour reprendre le scan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/scan/camera.py" line="335" />
        <source>Erreur de la caméra : %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/scan/camera.py" line="336" />
        <source>inconnue</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/scan/camera.py" line="345" />
        <source>Caméra active : présentez le QR code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/scan/camera.py" line="350" />
        <source>La caméra s'est arrêtée</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/camera_view.py" line="46" />
        <source>Aperçu de la caméra</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/camera_view.py" line="62" />
        <source>Présentez le QR code dans le cadre</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="126" />
        <source>Démo — annuler une réservation comme le jeune</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="133" />
        <source>Le jeune annule dans son application. Validez ensuite ce code hors ligne (un code que ce guichet ne connaît pas encore : retrouvez la réservation par le nom du jeune, F3, et enregistrez-la « à confirmer ») : au retour du réseau, pass Culture refusera la validation et un conflit apparaîtra, compté dans la barre d’état et nommé dans « Conflits à traiter ».</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="144" />
        <source>Réservations annulables</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="149" />
        <source>connue de ce guichet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="151" />
        <source>inconnue hors ligne : par le nom (F3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="159" />
        <source>Annuler la réservation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="161" />
        <source>Annuler la réservation choisie</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="162" />
        <location filename="../../kiosk/ui/demo_menu.py" line="163" />
        <source>Fermer</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CatalogueScreen</name>
    <message>
        <location filename="../../kiosk/ui/catalogue/screen.py" line="115" />
        <source>← Guichet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/screen.py" line="118" />
        <source>Explore l’offre culturelle</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/screen.py" line="122" />
        <source>Un livre, un concert, un artiste, un lieu…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/screen.py" line="143" />
        <source>Gratuit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/screen.py" line="144" />
        <source>Payant</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/screen.py" line="145" />
        <source>Sur place</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/screen.py" line="146" />
        <source>En ligne</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/screen.py" line="147" />
        <source>Cette semaine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/screen.py" line="165" />
        <source>Les plus pertinentes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/screen.py" line="166" />
        <source>Par date</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/screen.py" line="167" />
        <source>Par prix</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/screen.py" line="196" />
        <source>← Catégories</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/screen.py" line="376" />
        <source>Cette offre n’est plus disponible.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/screen.py" line="388" />
        <source>Tous les lieux</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/screen.py" line="413" />
        <source>Aucune offre ne correspond. Essaie un autre mot ou enlève un filtre.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/screen.py" line="423" />
        <source>plus de %1 offres</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/screen.py" line="425" />
        <source>1 offre</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/screen.py" line="425" />
        <source>%1 offres</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/screen.py" line="443" />
        <source>Le catalogue est momentanément illisible. Réessaie dans un instant ; si cela continue, préviens l’équipe de la médiathèque.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <location filename="../../kiosk/ui/counter/conflicts_dialog.py" line="40" />
        <source>Conflits à traiter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/conflicts_dialog.py" line="44" />
        <source>Aucun conflit à traiter.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/conflicts_dialog.py" line="54" />
        <source>Fermer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/conflicts_dialog.py" line="73" />
        <source>Traité</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/conflicts_dialog.py" line="75" />
        <source>Marquer le conflit %1 comme traité</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/conflicts_dialog.py" line="82" />
        <source>Ce qui s’est passé : </source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/conflicts_dialog.py" line="83" />
        <source>Que faire : </source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>CounterScreen</name>
    <message>
        <location filename="../../kiosk/ui/counter/screen.py" line="132" />
        <source>Rappel : vérifier l’identité</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/screen.py" line="147" />
        <source>Entrée</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/screen.py" line="159" />
        <source>Chercher par le nom du jeune (F3)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/screen.py" line="161" />
        <source>Chercher la réservation par le nom du jeune</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/screen.py" line="222" />
        <source>ERREUR</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/screen.py" line="230" />
        <source>VÉRIFICATION…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/screen.py" line="231" />
        <source>Vérification de la contremarque %1 auprès de pass Culture...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/screen.py" line="272" />
        <source>Même contremarque, déjà affichée</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/screen.py" line="294" />
        <source> — vérification en ligne…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/screen.py" line="296" />
        <source>Enregistrée sur ce guichet — en attente d’envoi à pass Culture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/screen.py" line="298" />
        <source>Enregistrée sur ce guichet — reçue par pass Culture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/screen.py" line="300" />
        <source>Refusée ensuite par pass Culture — voir « Conflits à traiter »</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/screen.py" line="380" />
        <source>PRÊT</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/screen.py" line="381" />
        <source>Scannez le QR code du jeune ou saisissez sa contremarque.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/screen.py" line="405" />
        <source>Validation en cours...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/screen.py" line="424" />
        <source>Enregistrement en cours...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/screen.py" line="439" />
        <location filename="../../kiosk/ui/counter/screen.py" line="441" />
        <source>Annuler</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/screen.py" line="440" />
        <location filename="../../kiosk/ui/counter/screen.py" line="442" />
        <source>Continuer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/screen.py" line="452" />
        <source>Invalidation en cours...</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/screen.py" line="505" />
        <source>Cette réservation n’est plus dans les données locales.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/screen.py" line="508" />
        <source>NON ENREGISTRÉE</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DemoMenu</name>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="181" />
        <source>Dé&amp;mo</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="182" />
        <source>&amp;Couper le réseau</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="185" />
        <source>&amp;Rétablir le réseau</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="191" />
        <source>Structure &amp;fermée sur pass Culture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="195" />
        <source>Salle de concert &amp;désactivée (clé)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="200" />
        <source>&amp;Annuler une réservation comme le jeune…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="203" />
        <source>Contremarques à &amp;essayer…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="207" />
        <source>&amp;Importer l’export du portail pro (démo)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="229" />
        <source>Export de démonstration indisponible (réseau coupé ?).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="243" />
        <source>Démo : structure fermée.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="243" />
        <source>Démo : structure rouverte.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="252" />
        <source>Démo : salle de concert désactivée pour cette clé.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="254" />
        <source>Démo : salle de concert réactivée.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="265" />
        <source>Démo : réseau coupé.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="265" />
        <source>Démo : réseau rétabli.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="295" />
        <source>Démo : le jeune a annulé %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="312" />
        <source>Démo : annulation refusée pour %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="314" />
        <source>pass Culture : « %1 »</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="317" />
        <source>Annulation refusée</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>DoctorDialog</name>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="70" />
        <source>Diagnostic du kiosque</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="74" />
        <source>Diagnostic en cours…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="75" />
        <source>Exporter dans un fichier…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="78" />
        <source>Fermer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="102" />
        <source>Le diagnostic a échoué ({}).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="118" />
        <source>Exporter le diagnostic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="125" />
        <source>
Impossible d'écrire {} ({}).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>HourChart</name>
    <message>
        <location filename="../../kiosk/ui/counter/today_panel.py" line="29" />
        <source>Validations par heure</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="384" />
        <source>Importer l’export des réservations (facultatif)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="387" />
        <source>pass Culture ne donne pas les contremarques des évènements : sans cet export, une coupure du réseau fait répondre « INCONNUE HORS LIGNE » à des réservations valables. Téléchargez l’export des réservations (CSV ou XLSX) sur le portail pro, puis choisissez-le ici. Vous pourrez aussi l’importer plus tard (Fichier › Importer l’export du portail pro…).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="394" />
        <source>Choisir le fichier…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="409" />
        <source>Importer l’export des réservations (CSV ou XLSX)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="411" />
        <source>Exports pass Culture (*.csv *.xlsx)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="433" />
        <source>Import de %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="440" />
        <source>Import terminé : %1 réservations, dont %2 contremarques connues.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="456" />
        <source>Le fichier n’a pas pu être importé (%1).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>KioskStatusBar</name>
    <message>
        <location filename="../../kiosk/ui/counter/status_bar.py" line="31" />
        <source>État du réseau</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/status_bar.py" line="34" />
        <source>Validations en attente d’envoi</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/status_bar.py" line="38" />
        <source>Conflits à traiter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/status_bar.py" line="42" />
        <source>Guichets connectés</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/status_bar.py" line="47" />
        <source>Dernier message</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/status_bar.py" line="52" />
        <source>Dernière synchronisation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/status_bar.py" line="55" />
        <source>Première synchronisation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/status_bar.py" line="61" />
        <source>Synchroniser</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/status_bar.py" line="62" />
        <source>Synchroniser maintenant</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/status_bar.py" line="85" />
        <source>● En ligne</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/status_bar.py" line="86" />
        <source>● Hors ligne</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/status_bar.py" line="88" />
        <source>● Requêtes limitées</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/status_bar.py" line="90" />
        <source>● Connexion instable</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/status_bar.py" line="91" />
        <source>● Clé d’API refusée</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/status_bar.py" line="92" />
        <source>● Serveur non configuré</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/status_bar.py" line="112" />
        <source>Guichets connectés : %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/status_bar.py" line="114" />
        <source>Aucun autre guichet connecté</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/counter/status_bar.py" line="120" />
        <source>%n validation(s) en attente d’envoi</source>
        <translation>
            <numerusform>%n validation en attente d’envoi</numerusform><numerusform>%n validations en attente d’envoi</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/counter/status_bar.py" line="122" />
        <source>%n conflit(s) à traiter</source>
        <translation>
            <numerusform>%n conflit à traiter</numerusform><numerusform>%n conflits à traiter</numerusform></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/status_bar.py" line="124" />
        <source>Aucun conflit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/status_bar.py" line="137" />
        <source>Lieux</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/status_bar.py" line="138" />
        <source>Offres</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/status_bar.py" line="139" />
        <source>Réservations</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/status_bar.py" line="140" />
        <source>Images</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/status_bar.py" line="151" />
        <source>Première synchronisation : %1 %2</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/status_bar.py" line="157" />
        <source>Guichet prêt — catalogue en cours de synchronisation…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Lockdown</name>
    <message>
        <location filename="../../kiosk/ui/admin/lockdown.py" line="54" />
        <source>Déverrouiller (administrateur)…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="257" />
        <source>À savoir au démarrage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="315" />
        <source>Caméra indisponible sur cet ordinateur.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="368" />
        <source>Scan ignoré : une fenêtre est ouverte (code, réglages…). Terminez-la ou fermez-la, puis scannez à nouveau.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="391" />
        <source>&amp;Fichier</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="392" />
        <source>&amp;Importer l’export du portail pro…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="396" />
        <source>&amp;Synchroniser maintenant</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="400" />
        <source>&amp;Conflits à traiter…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="405" />
        <source>&amp;Quitter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="411" />
        <source>&amp;Affichage</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="412" />
        <source>Mode &amp;bibliothécaire (offres)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="416" />
        <source>&amp;Guichet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="424" />
        <source>&amp;Caméra (scanner avec la webcam)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="430" />
        <source>&amp;Réglages</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="432" />
        <source>&amp;Réglages du guichet (administrateur)…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="436" />
        <source>&amp;Bilan du guichet (administrateur)…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="440" />
        <source>&amp;Son des verdicts</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="445" />
        <source>Validation en &amp;deux étapes (scan, puis « Valider »)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="521" />
        <source>Validation non enregistrée : choisissez d’abord la personne en service (« Changer »).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="601" />
        <source>Réglages enregistrés</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="603" />
        <source>Le serveur, la clé d’API, les lieux ou la langue ont changé : ils s’appliqueront au prochain démarrage du kiosque. Fermez-le puis relancez-le.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="609" />
        <source>Réglages enregistrés et appliqués.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="636" />
        <source>Mode kiosque non appliqué : aucun code administrateur n’est défini (assistant d’installation).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="647" />
        <source>Re&amp;verrouiller le mode kiosque</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="662" />
        <source>Réglage inchangé : code administrateur requis.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="684" />
        <source>Réglage non enregistré ( %1 ) : il sera perdu au redémarrage.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="697" />
        <source>Hors ligne — les validations sont enregistrées et partiront au retour du réseau</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="704" />
        <source>Serveur non configuré — le guichet fonctionne sur ses données locales ; les validations seront envoyées une fois le serveur configuré.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="711" />
        <source>Clé d’API refusée par pass Culture — les validations sont gardées ici. Vérifiez la clé dans les réglages.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="722" />
        <source>Synchronisation demandée…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="724" />
        <source>Aucun serveur configuré.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="735" />
        <source>Première synchronisation incomplète : %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="803" />
        <source>Importer l’export des réservations (CSV ou XLSX)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="804" />
        <source>Exports pass Culture (*.csv *.xlsx)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="817" />
        <source>Import de %1…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="822" />
        <source>Import terminé : %1 réservations, dont %2 contremarques connues.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="834" />
        <source>Import terminé</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="843" />
        <source>Le fichier n’a pas pu être importé (%1).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="848" />
        <source>Import impossible</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="860" />
        <source>Base de données à réparer</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ManualEntry</name>
    <message>
        <location filename="../../kiosk/ui/counter/manual_entry.py" line="42" />
        <location filename="../../kiosk/ui/counter/manual_entry.py" line="48" />
        <source>Contremarque</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/manual_entry.py" line="47" />
        <source>ex : AZE123</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/manual_entry.py" line="49" />
        <source>Saisissez les 6 caractères du code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/manual_entry.py" line="55" />
        <source>Aide à la saisie</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/manual_entry.py" line="66" />
        <source>Caractères restants : %1/6</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/manual_entry.py" line="68" />
        <source>Saisissez une contremarque</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/manual_entry.py" line="70" />
        <source>Caractères valides : de A à Z et de 0 à 9</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/manual_entry.py" line="73" />
        <source>La contremarque ne peut pas faire plus de 6 caractères</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>NameSearchDialog</name>
    <message>
        <location filename="../../kiosk/ui/counter/name_search.py" line="41" />
        <source>Chercher la réservation par le nom du jeune</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/name_search.py" line="47" />
        <source>La contremarque %1 est inconnue hors ligne. Cherchez la réservation du jeune, vérifiez sa pièce d’identité, puis enregistrez la validation « à confirmer ».</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/name_search.py" line="53" />
        <source>&amp;Nom ou prénom du jeune</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/name_search.py" line="55" />
        <source>Nom ou prénom du jeune</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/name_search.py" line="60" />
        <source>Réservations à retirer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/name_search.py" line="66" />
        <source>Enregistrer « à confirmer »</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/name_search.py" line="68" />
        <source>Enregistrer la validation à confirmer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/name_search.py" line="70" />
        <location filename="../../kiosk/ui/counter/name_search.py" line="71" />
        <source>Annuler</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/name_search.py" line="101" />
        <source>Tapez au moins 2 lettres.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/name_search.py" line="103" />
        <source>Recherche...</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/counter/name_search.py" line="111" />
        <source>%n réservation(s) à retirer</source>
        <translation>
            <numerusform>%n réservation à retirer</numerusform><numerusform>%n réservations à retirer</numerusform></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/name_search.py" line="113" />
        <source>Aucune réservation à retirer à ce nom dans les données locales.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>OfferCard</name>
    <message>
        <location filename="../../kiosk/ui/catalogue/offer_card.py" line="57" />
        <source>← Retour aux résultats</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/offer_card.py" line="94" />
        <source>DUO : 2 places</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/offer_card.py" line="104" />
        <source>Où ?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/offer_card.py" line="105" />
        <source>Quand ?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/offer_card.py" line="106" />
        <source>Comment l’obtenir ?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/offer_card.py" line="107" />
        <source>Accessibilité</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/offer_card.py" line="108" />
        <source>En quelques mots</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/offer_card.py" line="118" />
        <source>Scanne-moi avec ton téléphone</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/offer_card.py" line="126" />
        <source>et réserve l’offre dans l’application pass Culture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/offer_card.py" line="191" />
        <source>En ligne, sur ton téléphone ou ton ordinateur</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/offer_card.py" line="214" />
        <source>… et d’autres dates dans l’application</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/offer_card.py" line="215" />
        <source>Pas de date à venir</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/offer_card.py" line="222" />
        <source>Accès en ligne après la réservation dans l’application</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/catalogue/offer_card.py" line="224" />
        <source>À retirer sur place après la réservation dans l’application</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../kiosk/ui/common/pin_dialog.py" line="101" />
        <source>Tapez le code puis « Valider ».</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/common/pin_dialog.py" line="109" />
        <location filename="../../kiosk/ui/common/pin_dialog.py" line="167" />
        <source>Valider</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/common/pin_dialog.py" line="112" />
        <source>Annuler</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/common/pin_dialog.py" line="168" />
        <source>Vous pouvez réessayer.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/common/pin_dialog.py" line="173" />
        <source>Patientez {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/common/pin_dialog.py" line="181" />
        <source>Code administrateur</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="79" />
        <source>Bilan du guichet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="83" />
        <source>Jour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="83" />
        <source>Semaine</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="83" />
        <source>Mois</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="83" />
        <source>Période…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="85" />
        <source>Durée de la période</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="92" />
        <source>Premier jour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="93" />
        <source>Dernier jour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="94" />
        <source>Liste nominative (noms des jeunes)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="97" />
        <source>Seulement pour une période dans la durée de conservation des noms ; à ne demander que si c’est nécessaire.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="101" />
        <source>Afficher</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="107" />
        <source>du</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="109" />
        <source>au</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="115" />
        <location filename="../../kiosk/ui/admin/report_screen.py" line="231" />
        <source>Calcul du bilan…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="128" />
        <source>Validations par jour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="131" />
        <source>Montants par catégorie</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="134" />
        <source>Graphiques</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="137" />
        <source>Par lieu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="138" />
        <source>Par offre</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="139" />
        <source>Par catégorie</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="140" />
        <source>Par personnel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="155" />
        <source>Rapprochement pass Culture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="160" />
        <source>Exporter en CSV…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="161" />
        <source>Exporter en Excel…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="162" />
        <source>Exporter en PDF…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="170" />
        <source>Fermer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="242" />
        <source>Le bilan n’a pas pu être calculé (%1). Réessayez ; si cela recommence, lancez le diagnostic (Réglages).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="255" />
        <source>%1 validations, %2 places, %3 € remis ; %4 invalidations, %5 conflits.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="311" />
        <source>Exporter le bilan</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="335" />
        <source>Bilan exporté dans %1.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/report_screen.py" line="348" />
        <source>L’export a échoué (%1).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="85" />
        <source>Serveur pass Culture et clé d'API</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="87" />
        <source>La clé se trouve dans l'espace partenaire pass Culture (menu Intégrations).</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="89" />
        <source>Production (le vrai pass Culture)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="90" />
        <source>Intégration (essais de pass Culture)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="91" />
        <source>Autre adresse (bac à sable local)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="102" />
        <source>Collez la clé ici</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="109" />
        <source>Adresse</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="110" />
        <source>Clé d'API</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="143" />
        <source>Collez la clé d'API fournie par pass Culture.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="147" />
        <source>Vérification de la clé auprès du serveur…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="167" />
        <source>Cette clé ne donne accès à aucun lieu : vérifiez-la dans l'espace partenaire.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="144" />
        <source>Réglages du guichet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="151" />
        <source>Deux étapes : afficher, puis « Valider »</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="153" />
        <source>Sons activés</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="163" />
        <source> jours</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="166" />
        <source>Nom du guichet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="169" />
        <source>Caméra</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="170" />
        <source>Retour à l'accueil (mode jeune) après</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="171" />
        <source>Conserver les noms des réservations closes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="172" />
        <source>Général</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="180" />
        <source>clé enregistrée — collez une nouvelle clé pour la remplacer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="182" />
        <source>aucune clé : collez la clé d'API</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="192" />
        <source>Adresse du serveur</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="193" />
        <source>Clé d'API</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="194" />
        <source>Lieux servis</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="195" />
        <source>Serveur</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="200" />
        <source>Partager les validations avec les autres guichets du lieu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="204" />
        <source>Trouver les guichets automatiquement (multicast)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="208" />
        <source>ex. tcp/192.168.1.21:7447</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="211" />
        <source>par défaut : tcp/0.0.0.0:7447 (tous les réseaux)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="216" />
        <source>Adresses des autres guichets</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="217" />
        <source>Écouter sur</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="218" />
        <source>Guichets du lieu</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="222" />
        <source>Personnel</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="232" />
        <source>Laissez vide pour garder le code actuel.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="233" />
        <source>Nouveau code administrateur</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="234" />
        <source>Confirmez</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="235" />
        <source>Sécurité</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="241" />
        <source>Diagnostic</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="243" />
        <source>Annuler</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="245" />
        <source>Enregistrer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="264" />
        <source>Aucune caméra détectée</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="275" />
        <source>Lieu n° {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="288" />
        <source>Cochez au moins un lieu.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="292" />
        <source>Donnez un nom à ce guichet.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/settings.py" line="296" />
        <source>Les deux codes administrateur sont différents.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="467" />
        <source>Installation du guichet pass Culture</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="473" />
        <source>&lt; Précédent</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="474" />
        <location filename="../../kiosk/ui/admin/wizard.py" line="475" />
        <source>Suivant &gt;</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="476" />
        <source>Annuler</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="477" />
        <source>Terminer</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StaffBar</name>
    <message>
        <location filename="../../kiosk/ui/counter/staff_bar.py" line="144" />
        <source>Changer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/staff_bar.py" line="146" />
        <source>Changer la personne en service</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/staff_bar.py" line="200" />
        <source>En service : {}</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/staff_bar.py" line="203" />
        <source>Aucun compte du personnel : les validations sont enregistrées sans nom.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/staff_bar.py" line="207" />
        <source>Personne en service : touchez « Changer »</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StaffManager</name>
    <message>
        <location filename="../../kiosk/ui/admin/staff_manage.py" line="32" />
        <source>Prénom (ex. Marie)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/staff_manage.py" line="36" />
        <source>4 à 6 chiffres</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/staff_manage.py" line="37" />
        <source>Ajouter</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/staff_manage.py" line="38" />
        <source>Désactiver / réactiver</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/staff_manage.py" line="39" />
        <source>Nouveau code pour la sélection</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/staff_manage.py" line="48" />
        <source>Nom</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/staff_manage.py" line="49" />
        <source>Code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/staff_manage.py" line="65" />
        <source>{} (désactivé)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/staff_manage.py" line="89" />
        <source>{} peut maintenant se mettre en service.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/staff_manage.py" line="94" />
        <location filename="../../kiosk/ui/admin/staff_manage.py" line="109" />
        <source>Choisissez d'abord un nom dans la liste.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/staff_manage.py" line="101" />
        <source>{} est désactivé.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/staff_manage.py" line="103" />
        <source>{} est réactivé.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/staff_manage.py" line="117" />
        <source>Nouveau code enregistré.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StaffSwitchDialog</name>
    <message>
        <location filename="../../kiosk/ui/counter/staff_bar.py" line="36" />
        <source>Qui est en service ?</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/staff_bar.py" line="44" />
        <source>Qui prend le guichet ? Touchez votre nom.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/staff_bar.py" line="62" />
        <source>Aucun compte du personnel. Un administrateur peut en créer dans les réglages.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/staff_bar.py" line="78" />
        <source>← Autre nom</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/staff_bar.py" line="79" />
        <source>Valider</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/staff_bar.py" line="96" />
        <source>Annuler</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/staff_bar.py" line="104" />
        <source>{} : votre code</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>StartingPage</name>
    <message>
        <location filename="../../kiosk/ui/main_window.py" line="98" />
        <source>Démarrage du guichet…</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="293" />
        <source>Première synchronisation</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="294" />
        <source>Le guichet récupère les lieux, les offres et les réservations.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="300" />
        <source>Réessayer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="324" />
        <source>Synchronisation en cours…</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="352" />
        <source>Terminé : {} réservations et {} offres reçues. Le guichet est prêt.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="365" />
        <source>Synchronisation incomplète : {} Vous pouvez réessayer, ou terminer : le guichet réessaiera tout seul.</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <location filename="../../kiosk/ui/counter/today_panel.py" line="90" />
        <location filename="../../kiosk/ui/counter/today_panel.py" line="93" />
        <source>Aujourd’hui à ce guichet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/today_panel.py" line="98" />
        <source>Compteurs du jour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/today_panel.py" line="103" />
        <source>Validations du jour</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/today_panel.py" line="105" />
        <source>Heure</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/today_panel.py" line="105" />
        <source>Code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/today_panel.py" line="105" />
        <source>Offre</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/today_panel.py" line="105" />
        <source>Jeune</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/today_panel.py" line="105" />
        <source>État</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/today_panel.py" line="121" />
        <source>invalidée</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/today_panel.py" line="123" />
        <source>conflit traité</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/today_panel.py" line="125" />
        <source>à confirmer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/today_panel.py" line="125" />
        <source>en attente</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/today_panel.py" line="129" />
        <source>conflit : %1</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/today_panel.py" line="131" />
        <source>conflit</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/today_panel.py" line="132" />
        <source>synchronisée</source>
        <translation type="unfinished" />
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/counter/today_panel.py" line="137" />
        <source>%n validation(s)</source>
        <translation>
            <numerusform>%n validation</numerusform><numerusform>%n validations</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/counter/today_panel.py" line="138" />
        <source>%n place(s)</source>
        <translation>
            <numerusform>%n place</numerusform><numerusform>%n places</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/counter/today_panel.py" line="141" />
        <source>%n invalidation(s)</source>
        <translation>
            <numerusform>%n invalidation</numerusform><numerusform>%n invalidations</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/counter/today_panel.py" line="142" />
        <source>%n en attente d’envoi</source>
        <translation>
            <numerusform>%n en attente d’envoi</numerusform><numerusform>%n en attente d’envoi</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../kiosk/ui/counter/today_panel.py" line="144" />
        <source>%n conflit(s)</source>
        <translation>
            <numerusform>%n conflit</numerusform><numerusform>%n conflits</numerusform></translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/counter/today_panel.py" line="149" />
        <source> (invalidée)</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>TokensPanel</name>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="68" />
        <source>Démo — contremarques à essayer</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="75" />
        <source>Scannez les QR codes imprimés avec « kiosk tickets », tapez le code, ou double-cliquez une ligne pour la « scanner ».</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="82" />
        <source>%1 (code %2)</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="87" />
        <source>Personnel : %1 — « Changer » en haut à droite du guichet. Code administrateur (réglages, sortie du mode kiosque) : %2.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="97" />
        <source>Contremarques de démonstration</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="99" />
        <source>Cas</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="99" />
        <source>Code</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="99" />
        <source>Offre</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/demo_menu.py" line="99" />
        <source>Le guichet affiche</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VenuePage</name>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="190" />
        <source>Lieux servis par ce guichet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="191" />
        <source>Cochez les lieux dont ce guichet valide les réservations.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="199" />
        <source>Nom de ce guichet</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="223" />
        <source>Cochez au moins un lieu.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <location filename="../../kiosk/ui/admin/wizard.py" line="226" />
        <source>Donnez un nom à ce guichet (ex. Accueil).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>VerdictBand</name>
    <message>
        <location filename="../../kiosk/ui/counter/verdict_band.py" line="51" />
        <source>Verdict</source>
        <translation type="unfinished" />
    </message>
</context>
</TS>