"""Camera scan source: QCamera frames -> QR decoding off the Qt thread -> ``scanned`` signal.

Pipeline::

    QCamera -> QMediaCaptureSession -> QVideoSink.videoFrameChanged (Qt thread)
        -> throttle (default 15 decodes/s) and drop while a decode is in flight
        -> decode worker thread: QVideoFrame.toImage() -> Grayscale8 -> FrameDecoder
           (fast pass + cheap rescue passes on every frame, the costly ones on every 3rd frame
           or when zxing located a code it could not read: a code missed on one frame is
           usually read on a neighbour)
        -> back on the Qt thread: de-duplicate (default 5 s) -> scanned(payload, "camera")

``scanned`` has the same shape as the keyboard-wedge capture's signal, so the counter screen
connects one slot to every scan source. Frames may also be pushed straight into ``video_sink``
(``sink.setVideoFrame(QVideoFrame(qimage))``): that is how the tests and the benchmark drive it
without a camera.

The same payload is reported once while it stays in view: the duplicate window restarts each time
the payload is seen again, so a phone held in front of the camera for a minute gives one scan, and
showing it again after it was away for ``duplicate_window_s`` gives a new one.

Call ``shutdown()`` before dropping the scanner (it is also called on ``aboutToQuit``): it stops
the camera and joins the decode thread.

The decode thread is a long-lived one of its own, not the UI's one-shot task pool
(``kiosk/ui/common/tasks.py``): it lives as long as the camera runs, keeps one worker object and
its decoder, and takes at most one frame at a time (the next is dropped, not queued).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCameraPermission,
    QCoreApplication,
    QObject,
    Qt,
    QThread,
    Signal,
    Slot,
)
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QMediaCaptureSession,
    QMediaDevices,
    QVideoFrame,
    QVideoSink,
)

from kiosk.scan.decoder import FrameDecoder

__all__ = ["SOURCE_CAMERA", "CameraScanner", "CameraState"]

log = logging.getLogger(__name__)

SOURCE_CAMERA = "camera"
Decoder = Callable[[QImage], list[str]]


class CameraState:
    """Plain string constants for ``CameraScanner.state`` (what the view may style on)."""

    IDLE = "idle"
    STARTING = "starting"
    ACTIVE = "active"
    NO_CAMERA = "no_camera"
    UNPLUGGED = "unplugged"
    DENIED = "denied"
    ERROR = "error"


def _device_id(device: QCameraDevice) -> str:
    return bytes(device.id().data()).decode("utf-8", errors="replace")


class _DecodeWorker(QObject):
    """Lives in the decode thread; turns one frame into a list of payloads."""

    done = Signal(object, object)  # (sequence number, list[str])

    def __init__(self, decoder: Decoder) -> None:
        super().__init__()
        self._decoder = decoder

    @Slot(object, int)
    def process(self, frame: Any, seq: int) -> None:
        payloads: list[str] = []
        try:
            image = frame.toImage() if isinstance(frame, QVideoFrame) else frame
            if not image.isNull():
                payloads = list(self._decoder(image))
        except Exception:  # a bad frame must never kill the scan path
            log.exception("camera frame decoding failed")
        self.done.emit(seq, payloads)


class CameraScanner(QObject):
    """Scan QR codes from a camera (or frames pushed into ``video_sink``).

    Signals:
        scanned(payload, "camera"): a QR code text, once per appearance (see module doc).
        status_changed(message): a French sentence for the screen ("Aucune caméra détectée").
    """

    scanned = Signal(str, str)
    status_changed = Signal(str)
    _decode_requested = Signal(object, int)

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        decode_rate_hz: float = 15.0,
        duplicate_window_s: float = 5.0,
        decoder: Decoder | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.decode_rate_hz = decode_rate_hz
        self.duplicate_window_s = duplicate_window_s
        self._clock = clock
        self._state = CameraState.IDLE
        self._status = ""
        self._wanted = False  # start() was called and stop() was not
        self._selected_id: str | None = None
        self._camera: QCamera | None = None
        self._camera_id: str | None = None

        # Counters, for the benchmark and for diagnostics.
        self.frames_seen = 0
        self.frames_decoded = 0
        self.frames_dropped = 0

        self._busy = False
        self._seq = 0
        self._last_dispatch: float | None = None
        self._last_seen: dict[str, float] = {}

        self._sink = QVideoSink(self)
        self._sink.videoFrameChanged.connect(self._on_frame)
        self._session = QMediaCaptureSession(self)
        self._session.setVideoSink(self._sink)
        self._devices = QMediaDevices(self)
        self._devices.videoInputsChanged.connect(self._on_inputs_changed)

        self._thread = QThread()
        self._thread.setObjectName("camera-decode")
        self._worker = _DecodeWorker(decoder or FrameDecoder())
        self._worker.moveToThread(self._thread)
        self._decode_requested.connect(self._worker.process, Qt.ConnectionType.QueuedConnection)
        self._worker.done.connect(self._on_decoded, Qt.ConnectionType.QueuedConnection)
        self._thread.start()
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    # ----------------------------------------------------------------- public API

    @property
    def video_sink(self) -> QVideoSink:
        """The sink every frame goes through (the camera's, or pushed by hand)."""
        return self._sink

    @property
    def status(self) -> str:
        """The last status message (French), empty before anything happened."""
        return self._status

    @property
    def state(self) -> str:
        """One of the ``CameraState`` constants."""
        return self._state

    def available_cameras(self) -> list[tuple[str, str]]:
        """``[(device id, human description), ...]`` of the cameras plugged in now."""
        return [(_device_id(d), d.description()) for d in QMediaDevices.videoInputs()]

    def select_camera(self, camera_id: str | None) -> None:
        """Prefer this device (None: the system default); switch to it at once if running."""
        self._selected_id = camera_id
        if self._wanted:
            self._open_camera()

    def start(self) -> None:
        """Start scanning with the selected (or default) camera; safe to call with none."""
        self._wanted = True
        self._check_permission_then_open()

    def stop(self) -> None:
        self._wanted = False
        self._close_camera()
        self._set_state(
            CameraState.IDLE, QCoreApplication.translate("CameraView", "Caméra arrêtée")
        )

    def is_active(self) -> bool:
        return self._camera is not None and self._camera.isActive()

    @Slot()
    def shutdown(self) -> None:
        """Stop the camera and join the decode thread. Idempotent."""
        self._wanted = False
        self._close_camera()
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()

    # ----------------------------------------------------------------- camera handling

    def _permission_status(self) -> Qt.PermissionStatus:
        app = QCoreApplication.instance()
        if app is None:
            return Qt.PermissionStatus.Granted
        return app.checkPermission(QCameraPermission())

    def _check_permission_then_open(self) -> None:
        status = self._permission_status()
        if status == Qt.PermissionStatus.Undetermined:
            self._set_state(
                CameraState.STARTING,
                QCoreApplication.translate("CameraView", "Autorisation d'accès à la caméra…"),
            )
            app = QCoreApplication.instance()
            assert app is not None
            app.requestPermission(
                QCameraPermission(), self, lambda p: self._on_permission(p.status())
            )
            return
        self._on_permission(status)

    def _on_permission(self, status: Qt.PermissionStatus) -> None:
        if status == Qt.PermissionStatus.Granted:
            if self._wanted:
                self._open_camera()
            return
        self._close_camera()
        self._set_state(
            CameraState.DENIED,
            QCoreApplication.translate(
                "CameraView",
                "Accès à la caméra refusé : autorisez la caméra pour cette application "
                "dans les réglages du système",
            ),
        )

    def _pick_device(self) -> QCameraDevice | None:
        devices = QMediaDevices.videoInputs()
        if not devices:
            return None
        if self._selected_id is not None:
            for device in devices:
                if _device_id(device) == self._selected_id:
                    return device
        default = QMediaDevices.defaultVideoInput()
        return devices[0] if default.isNull() else default

    def _open_camera(self) -> None:
        device = self._pick_device()
        if device is None:
            self._close_camera()
            self._set_state(
                CameraState.NO_CAMERA,
                QCoreApplication.translate("CameraView", "Aucune caméra détectée"),
            )
            return
        device_id = _device_id(device)
        if self._camera is not None and device_id == self._camera_id:
            if not self._camera.isActive():
                self._camera.start()
            return
        self._close_camera()
        camera = QCamera(device, self)
        camera.errorOccurred.connect(self._on_camera_error)
        camera.activeChanged.connect(self._on_active_changed)
        self._camera, self._camera_id = camera, device_id
        self._session.setCamera(camera)
        self._set_state(
            CameraState.STARTING,
            QCoreApplication.translate("CameraView", "Démarrage de la caméra « %1 »…").replace(
                "%1", device.description()
            ),
        )
        camera.start()

    def _close_camera(self) -> None:
        camera, self._camera, self._camera_id = self._camera, None, None
        if camera is None:
            return
        camera.errorOccurred.disconnect(self._on_camera_error)
        camera.activeChanged.disconnect(self._on_active_changed)
        camera.stop()
        self._session.setCamera(None)
        camera.deleteLater()

    @Slot()
    def _on_inputs_changed(self) -> None:
        present = {_device_id(d) for d in QMediaDevices.videoInputs()}
        if self._camera_id is not None and self._camera_id not in present:
            lost = self._camera_id
            self._close_camera()
            if self._wanted and present:
                log.info("camera %s unplugged, switching to another one", lost)
                self._open_camera()
            else:
                self._set_state(
                    CameraState.UNPLUGGED,
                    QCoreApplication.translate(
                        "CameraView", "Caméra débranchée : rebranchez-la pour reprendre le scan"
                    ),
                )
            return
        if self._wanted and self._camera is None and present:
            # A camera came (back): pick it up without any restart.
            self._open_camera()
            return
        if self._wanted and not present and self._camera is None:
            self._set_state(
                CameraState.NO_CAMERA,
                QCoreApplication.translate("CameraView", "Aucune caméra détectée"),
            )

    @Slot(QCamera.Error, str)
    def _on_camera_error(self, error: QCamera.Error, message: str) -> None:
        if error == QCamera.Error.NoError:
            return
        log.warning("camera error: %s", message)
        self._set_state(
            CameraState.ERROR,
            QCoreApplication.translate("CameraView", "Erreur de la caméra : %1").replace(
                "%1", message or QCoreApplication.translate("CameraView", "inconnue")
            ),
        )

    @Slot(bool)
    def _on_active_changed(self, active: bool) -> None:
        if active:
            self._set_state(
                CameraState.ACTIVE,
                QCoreApplication.translate("CameraView", "Caméra active : présentez le QR code"),
            )
        elif self._wanted and self._state == CameraState.ACTIVE:
            self._set_state(
                CameraState.ERROR,
                QCoreApplication.translate("CameraView", "La caméra s'est arrêtée"),
            )

    def _set_state(self, state: str, message: str) -> None:
        self._state = state
        if message != self._status:
            self._status = message
            self.status_changed.emit(message)

    # ----------------------------------------------------------------- frames

    @Slot(QVideoFrame)
    def _on_frame(self, frame: QVideoFrame) -> None:
        if not frame.isValid():
            return
        self.frames_seen += 1
        if self._busy:
            self.frames_dropped += 1
            return
        now = self._clock()
        if (
            self.decode_rate_hz > 0
            and self._last_dispatch is not None
            and now - self._last_dispatch < 1.0 / self.decode_rate_hz
        ):
            return
        if not self._thread.isRunning():
            return
        self._busy = True
        self._last_dispatch = now
        self._seq += 1
        # A QVideoFrame copy is a cheap shared handle; toImage() runs in the worker thread.
        self._decode_requested.emit(QVideoFrame(frame), self._seq)

    @Slot(object, object)
    def _on_decoded(self, seq: int, payloads: list[str]) -> None:
        self._busy = False
        self.frames_decoded += 1
        now = self._clock()
        self._forget_older_than(now)
        for payload in payloads:
            last = self._last_seen.get(payload)
            self._last_seen[payload] = now
            if last is not None and now - last < self.duplicate_window_s:
                continue
            self.scanned.emit(payload, SOURCE_CAMERA)

    def _forget_older_than(self, now: float) -> None:
        stale = [p for p, t in self._last_seen.items() if now - t >= self.duplicate_window_s]
        for payload in stale:
            del self._last_seen[payload]
