<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="263" />
        <source>Code administrateur et personnel</source>
        <translation>Administrator PIN and staff</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="266" />
        <source>Le code administrateur (6 chiffres ou plus) protège les réglages et la sortie du mode guichet. Gardez-le en lieu sûr.</source>
        <translation>The administrator PIN (6 digits or more) protects the settings and leaving counter mode. Keep it safe.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="276" />
        <source>facultatif, ex. Marie</source>
        <translation>optional, e.g. Marie</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="280" />
        <source>4 à 6 chiffres</source>
        <translation>4 to 6 digits</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="286" />
        <source>Code administrateur</source>
        <translation>Administrator PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="287" />
        <source>Confirmez le code</source>
        <translation>Confirm the PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="288" />
        <source>Premier membre du personnel (facultatif)</source>
        <translation>First staff member (optional)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="289" />
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="290" />
        <source>Code personnel</source>
        <translation>Staff PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="300" />
        <source>Les deux codes administrateur sont différents.</source>
        <translation>The two administrator PINs differ.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="306" />
        <source>Code personnel : </source>
        <translation>Staff PIN: </translation>
    </message>
</context>
<context>
    <name>DoctorDialog</name>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="67" />
        <source>Diagnostic du kiosque</source>
        <translation>Kiosk diagnostics</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="71" />
        <source>Diagnostic en cours…</source>
        <translation>Running diagnostics…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="72" />
        <source>Exporter dans un fichier…</source>
        <translation>Export to a file…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="75" />
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="90" />
        <source>Le diagnostic a échoué ({}).</source>
        <translation>Diagnostics failed ({}).</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="106" />
        <source>Exporter le diagnostic</source>
        <translation>Export the diagnostics</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="113" />
        <source>
Impossible d'écrire {} ({}).</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>Lockdown</name>
    <message>
        <location filename="../../kiosk/ui/lockdown.py" line="54" />
        <source>Déverrouiller (administrateur)…</source>
        <translation>Unlock (administrator)…</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <location filename="../../kiosk/ui/pin_dialog.py" line="97" />
        <source>Tapez le code puis « Valider ».</source>
        <translation>Type the PIN, then “Validate”.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pin_dialog.py" line="105" />
        <location filename="../../kiosk/ui/pin_dialog.py" line="159" />
        <source>Valider</source>
        <translation>Validate</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pin_dialog.py" line="108" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pin_dialog.py" line="160" />
        <source>Vous pouvez réessayer.</source>
        <translation>You can try again.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pin_dialog.py" line="165" />
        <source>Patientez {}</source>
        <translation>Wait {}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/pin_dialog.py" line="171" />
        <source>Code administrateur</source>
        <translation>Administrator PIN</translation>
    </message>
</context>
<context>
    <name>ServerPage</name>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="116" />
        <source>Serveur pass Culture et clé d'API</source>
        <translation>pass Culture server and API key</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="118" />
        <source>La clé se trouve dans l'espace partenaire pass Culture (menu Intégrations).</source>
        <translation>The key is in the pass Culture partner portal (Integrations menu).</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="120" />
        <source>Production (le vrai pass Culture)</source>
        <translation>Production (the real pass Culture)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="121" />
        <source>Intégration (essais de pass Culture)</source>
        <translation>Integration (pass Culture test environment)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="122" />
        <source>Autre adresse (bac à sable local)</source>
        <translation>Other address (local sandbox)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="133" />
        <source>Collez la clé ici</source>
        <translation>Paste the key here</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="140" />
        <source>Adresse</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="141" />
        <source>Clé d'API</source>
        <translation>API key</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="174" />
        <source>Collez la clé d'API fournie par pass Culture.</source>
        <translation>Paste the API key provided by pass Culture.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="178" />
        <source>Vérification de la clé auprès du serveur…</source>
        <translation>Checking the key with the server…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="196" />
        <source>Cette clé ne donne accès à aucun lieu : vérifiez-la dans l'espace partenaire.</source>
        <translation>This key gives access to no venue: check it in the partner portal.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="131" />
        <source>Réglages du guichet</source>
        <translation>Counter settings</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="138" />
        <source>Deux étapes : afficher, puis « Valider »</source>
        <translation>Two steps: show, then “Validate”</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="140" />
        <source>Sons activés</source>
        <translation>Sounds on</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="150" />
        <source> jours</source>
        <translation> days</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="153" />
        <source>Nom du guichet</source>
        <translation>Counter name</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="156" />
        <source>Caméra</source>
        <translation>Camera</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="157" />
        <source>Retour à l'accueil (mode jeune) après</source>
        <translation>Back to the start (youth mode) after</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="158" />
        <source>Conserver les noms des réservations closes</source>
        <translation>Keep names of closed bookings for</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="159" />
        <source>Général</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="167" />
        <source>clé enregistrée — collez une nouvelle clé pour la remplacer</source>
        <translation>key saved — paste a new key to replace it</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="169" />
        <source>aucune clé : collez la clé d'API</source>
        <translation>no key: paste the API key</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="179" />
        <source>Adresse du serveur</source>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="180" />
        <source>Clé d'API</source>
        <translation>API key</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="181" />
        <source>Lieux servis</source>
        <translation>Venues served</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="182" />
        <source>Serveur</source>
        <translation>Server</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="186" />
        <source>Personnel</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="196" />
        <source>Laissez vide pour garder le code actuel.</source>
        <translation>Leave empty to keep the current PIN.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="197" />
        <source>Nouveau code administrateur</source>
        <translation>New administrator PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="198" />
        <source>Confirmez</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="199" />
        <source>Sécurité</source>
        <translation>Security</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="205" />
        <source>Diagnostic</source>
        <translation>Diagnostics</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="207" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="209" />
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="228" />
        <source>Aucune caméra détectée</source>
        <translation>No camera detected</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="242" />
        <source>Lieu n° {}</source>
        <translation>Venue no. {}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="255" />
        <source>Cochez au moins un lieu.</source>
        <translation>Tick at least one venue.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="259" />
        <source>Donnez un nom à ce guichet.</source>
        <translation>Name this counter.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/settings_dialog.py" line="263" />
        <source>Les deux codes administrateur sont différents.</source>
        <translation>The two administrator PINs differ.</translation>
    </message>
</context>
<context>
    <name>SetupWizard</name>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="406" />
        <source>Installation du guichet pass Culture</source>
        <translation>pass Culture counter set-up</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="412" />
        <source>&lt; Précédent</source>
        <translation>&lt; Back</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="413" />
        <source>Suivant &gt;</source>
        <translation>Next &gt;</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="414" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="415" />
        <source>Terminer</source>
        <translation>Finish</translation>
    </message>
</context>
<context>
    <name>StaffBar</name>
    <message>
        <location filename="../../kiosk/ui/staff_bar.py" line="132" />
        <source>Changer</source>
        <translation>Change</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff_bar.py" line="161" />
        <source>En service : {}</source>
        <translation>On duty: {}</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff_bar.py" line="163" />
        <source>Personne en service : touchez « Changer »</source>
        <translation>Nobody on duty: tap “Change”</translation>
    </message>
</context>
<context>
    <name>StaffManager</name>
    <message>
        <location filename="../../kiosk/ui/staff_manage.py" line="27" />
        <source>Prénom (ex. Marie)</source>
        <translation>First name (e.g. Marie)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff_manage.py" line="31" />
        <source>4 à 6 chiffres</source>
        <translation>4 to 6 digits</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff_manage.py" line="32" />
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff_manage.py" line="33" />
        <source>Désactiver / réactiver</source>
        <translation>Disable / enable</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff_manage.py" line="34" />
        <source>Nouveau code pour la sélection</source>
        <translation>New PIN for the selection</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff_manage.py" line="43" />
        <source>Nom</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff_manage.py" line="44" />
        <source>Code</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff_manage.py" line="60" />
        <source>{} (désactivé)</source>
        <translation>{} (disabled)</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff_manage.py" line="84" />
        <source>{} peut maintenant se mettre en service.</source>
        <translation>{} can now go on duty.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff_manage.py" line="89" />
        <location filename="../../kiosk/ui/staff_manage.py" line="104" />
        <source>Choisissez d'abord un nom dans la liste.</source>
        <translation>First choose a name in the list.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff_manage.py" line="96" />
        <source>{} est désactivé.</source>
        <translation>{} is disabled.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff_manage.py" line="98" />
        <source>{} est réactivé.</source>
        <translation>{} is enabled again.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff_manage.py" line="112" />
        <source>Nouveau code enregistré.</source>
        <translation>New PIN saved.</translation>
    </message>
</context>
<context>
    <name>StaffSwitchDialog</name>
    <message>
        <location filename="../../kiosk/ui/staff_bar.py" line="31" />
        <source>Qui est en service ?</source>
        <translation>Who is on duty?</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff_bar.py" line="39" />
        <source>Qui prend le guichet ? Touchez votre nom.</source>
        <translation>Who is taking the counter? Tap your name.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff_bar.py" line="57" />
        <source>Aucun compte du personnel. Un administrateur peut en créer dans les réglages.</source>
        <translation>No staff accounts. An administrator can create them in the settings.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff_bar.py" line="73" />
        <source>← Autre nom</source>
        <translation>← Other name</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff_bar.py" line="74" />
        <source>Valider</source>
        <translation>Validate</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff_bar.py" line="91" />
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/staff_bar.py" line="99" />
        <source>{} : votre code</source>
        <translation>{}: your PIN</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="321" />
        <source>Première synchronisation</source>
        <translation>First synchronisation</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="322" />
        <source>Le guichet récupère les lieux, les offres et les réservations.</source>
        <translation>The counter is fetching venues, offers and bookings.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="328" />
        <source>Réessayer</source>
        <translation>Retry</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="352" />
        <source>Synchronisation en cours…</source>
        <translation>Synchronising…</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="378" />
        <source>Terminé : {} réservations et {} offres reçues. Le guichet est prêt.</source>
        <translation>Done: {} bookings and {} offers received. The counter is ready.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="391" />
        <source>Synchronisation incomplète : {} Vous pouvez réessayer, ou terminer : le guichet réessaiera tout seul.</source>
        <translation>Synchronisation incomplete: {} You can retry, or finish: the counter will retry by itself.</translation>
    </message>
</context>
<context>
    <name>VenuePage</name>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="219" />
        <source>Lieux servis par ce guichet</source>
        <translation>Venues served by this counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="220" />
        <source>Cochez les lieux dont ce guichet valide les réservations.</source>
        <translation>Tick the venues whose bookings this counter validates.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="228" />
        <source>Nom de ce guichet</source>
        <translation>Name of this counter</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="252" />
        <source>Cochez au moins un lieu.</source>
        <translation>Tick at least one venue.</translation>
    </message>
    <message>
        <location filename="../../kiosk/ui/wizard.py" line="255" />
        <source>Donnez un nom à ce guichet (ex. Accueil).</source>
        <translation>Name this counter (e.g. Front desk).</translation>
    </message>
</context>
</TS>