"""The status bar: network state and why, validations waiting, conflicts, last sync, and
"Synchroniser"."""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QProgressBar, QPushButton, QSizePolicy, QStatusBar, QWidget

from kiosk.domain.display import age_text
from kiosk.sync.connectivity import Reason, reason_text
from kiosk.ui.common.elided import ElidedLabel

# First-sync stages that come after the bookings: the counter already answers, the catalogue
# (offers, then their images) is still coming.
CATALOGUE_STAGES = ("offers", "images")


class KioskStatusBar(QStatusBar):
    sync_requested = Signal()
    conflicts_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        # Every text here may shorten with "…" (whole text in its tooltip): the bar must never
        # make the window wider than a 1024-pixel screen.
        self.net = ElidedLabel(min_chars=9)
        self.net.setMaximumWidth(460)
        self.net.setAccessibleName(self.tr("État du réseau"))
        self.addWidget(self.net)
        self.pending = ElidedLabel(min_chars=12)
        self.pending.setAccessibleName(self.tr("Validations en attente d’envoi"))
        self.addWidget(self.pending)
        self.conflicts = QPushButton()
        self.conflicts.setObjectName("conflicts")
        self.conflicts.setAccessibleName(self.tr("Conflits à traiter"))
        self.conflicts.clicked.connect(self.conflicts_requested)
        self.addWidget(self.conflicts)
        self.peers = ElidedLabel(min_chars=8)
        self.peers.setAccessibleName(self.tr("Guichets connectés"))
        self.peers.hide()
        self.addWidget(self.peers)
        self.message = ElidedLabel(min_chars=0)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message.setAccessibleName(self.tr("Dernier message"))
        self.addWidget(self.message, 1)
        self._clear = QTimer(self, singleShot=True)
        self._clear.timeout.connect(self.message.clear)
        self.last_sync = ElidedLabel(min_chars=12)
        self.last_sync.setAccessibleName(self.tr("Dernière synchronisation"))
        self.addPermanentWidget(self.last_sync)
        self.bar = QProgressBar()
        self.bar.setAccessibleName(self.tr("Première synchronisation"))
        self.bar.setMaximumWidth(260)
        self.bar.setMinimumWidth(120)
        self.bar.setTextVisible(True)
        self.bar.hide()
        self.addPermanentWidget(self.bar)
        self.sync = QPushButton(self.tr("Synchroniser"))
        self.sync.setAccessibleName(self.tr("Synchroniser maintenant"))
        self.sync.clicked.connect(self.sync_requested)
        self.addPermanentWidget(self.sync)
        self.set_net("online", "")
        self.set_counts(0, 0)
        self.set_last_sync(None)
        self.peer_names: list[str] | None = None

    def showMessage(self, text: str, timeout: int = 0) -> None:
        """Messages go beside the counts instead of hiding them (Qt's default)."""
        self.message.setText(text)
        if timeout:
            self._clear.start(timeout)
        else:
            self._clear.stop()

    def currentMessage(self) -> str:
        return self.message.text()

    def set_net(self, state: str, reason: Reason, lang: str = "fr") -> None:
        """Network state and why; the reason is said in `lang`, the window's language."""
        reason = reason_text(reason, lang)
        text = {
            "online": self.tr("● En ligne"),
            "offline": self.tr("● Hors ligne"),
            # pass Culture answered 429: reachable, but the key's budget is spent for a while
            "limited": self.tr("● Requêtes limitées"),
            # a call just failed or came late: the counter may have decided locally
            "unsteady": self.tr("● Connexion instable"),
            "key_refused": self.tr("● Clé d’API refusée"),
            "unconfigured": self.tr("● Serveur non configuré"),
        }.get(state, state)
        if reason and state != "online" and reason not in text:
            text += f" — {reason}"
        amber = "#8A6100"
        colour = {"online": "#1B7A36", "offline": amber, "limited": amber, "unsteady": amber}.get(
            state, "#B3121B"
        )
        self.net.setStyleSheet(f"color: {colour}; font-weight: 600;")
        self.net.setText(text)
        self.net.setToolTip(text)
        self.net_state = state

    def set_peers(self, names: list[str] | None) -> None:
        """The other counters of the venue connected now; None: sharing is off (hidden)."""
        self.peer_names = names
        if names is None:
            self.peers.hide()
            return
        self.peers.setText(
            self.tr("Guichets connectés : %1").replace("%1", ", ".join(names))
            if names
            else self.tr("Aucun autre guichet connecté")
        )
        self.peers.show()

    def set_counts(self, pending: int, conflicts: int) -> None:
        self.pending_count, self.conflict_count = pending, conflicts
        self.pending.setText(self.tr("%n validation(s) en attente d’envoi", "", pending))
        self.conflicts.setText(
            self.tr("%n conflit(s) à traiter", "", conflicts)
            if conflicts
            else self.tr("Aucun conflit")
        )
        self.conflicts.setProperty("none", "true" if not conflicts else "false")
        self.conflicts.style().unpolish(self.conflicts)
        self.conflicts.style().polish(self.conflicts)

    def set_last_sync(
        self, as_of: datetime | None, lang: str = "fr", zone: tzinfo | None = None
    ) -> None:
        self.last_sync.setText(age_text(as_of, lang=lang, zone=zone))

    def show_progress(self, stage: str, done: int, total: int) -> None:
        names = {
            "venues": self.tr("Lieux"),
            "offers": self.tr("Offres"),
            "bookings": self.tr("Réservations"),
            "images": self.tr("Images"),
        }
        if stage in CATALOGUE_STAGES and self.message.text() != self._catalogue_text():
            self.showMessage(self._catalogue_text())
        self.bar.show()
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))
        else:
            self.bar.setRange(0, 0)  # busy indicator: the total is not known yet
        self.bar.setFormat(
            self.tr("Première synchronisation : %1 %2")
            .replace("%1", names.get(stage, stage))
            .replace("%2", str(done))
        )

    def _catalogue_text(self) -> str:
        return self.tr("Guichet prêt — catalogue en cours de synchronisation…")

    def hide_progress(self) -> None:
        self.bar.hide()
        if self.message.text() == self._catalogue_text():
            self.message.clear()
