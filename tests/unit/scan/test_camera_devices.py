"""Camera plugged, unplugged and plugged back, with a fake camera (none exists here).

Only Qt's device layer is replaced (QMediaDevices, QCamera, the capture session): the
CameraScanner's own state machine is what runs.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from dataclasses import dataclass
from typing import ClassVar

import pytest
from PySide6.QtCore import QObject, Qt, Signal

from kiosk.scan import camera as camera_module
from kiosk.scan.camera import CameraScanner, CameraState


@dataclass(frozen=True)
class FakeDevice:
    id: str
    name: str

    def description(self) -> str:
        return self.name

    def isNull(self) -> bool:
        return False


PLUGGED: list[FakeDevice] = []


class FakeDevices(QObject):
    videoInputsChanged = Signal()
    instances: ClassVar[list[FakeDevices]] = []

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        FakeDevices.instances.append(self)

    @staticmethod
    def videoInputs() -> list[FakeDevice]:
        return list(PLUGGED)

    @staticmethod
    def defaultVideoInput() -> FakeDevice:
        return PLUGGED[0]


class FakeCamera(QObject):
    errorOccurred = Signal(object, str)
    activeChanged = Signal(bool)
    opened: ClassVar[list[FakeCamera]] = []

    def __init__(self, device: FakeDevice, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.device, self.active = device, False
        FakeCamera.opened.append(self)

    def start(self) -> None:
        self.active = True
        self.activeChanged.emit(True)

    def stop(self) -> None:
        self.active = False

    def isActive(self) -> bool:
        return self.active


class FakeSession:
    def setCamera(self, camera) -> None:
        self.camera = camera


def _plug_changed() -> None:
    for devices in FakeDevices.instances:
        devices.videoInputsChanged.emit()


@pytest.fixture
def scanner(qtbot, monkeypatch):
    PLUGGED.clear()
    FakeDevices.instances.clear()
    FakeCamera.opened.clear()
    monkeypatch.setattr(camera_module, "QMediaDevices", FakeDevices)
    monkeypatch.setattr(camera_module, "QCamera", FakeCamera)
    monkeypatch.setattr(camera_module, "_device_id", lambda d: d.id)
    monkeypatch.setattr(
        CameraScanner, "_permission_status", lambda self: Qt.PermissionStatus.Granted
    )
    s = CameraScanner()
    s._session = FakeSession()
    yield s
    s.shutdown()


def test_no_camera_says_so(scanner):
    scanner.start()
    assert scanner.state == CameraState.NO_CAMERA
    assert scanner.status == "Aucune caméra détectée"


def test_unplugged_then_plugged_back_without_restart(scanner, qtbot):
    PLUGGED.append(FakeDevice("usb-1", "Webcam USB"))
    scanner.start()
    assert scanner.state == CameraState.ACTIVE
    assert len(FakeCamera.opened) == 1

    PLUGGED.clear()
    with qtbot.waitSignal(scanner.status_changed):
        _plug_changed()
    assert scanner.state == CameraState.UNPLUGGED
    assert "débranchée" in scanner.status

    PLUGGED.append(FakeDevice("usb-1", "Webcam USB"))
    _plug_changed()
    assert scanner.state == CameraState.ACTIVE  # picked up again, nobody restarted anything
    assert len(FakeCamera.opened) == 2


def test_a_camera_plugged_in_later_is_picked_up(scanner):
    scanner.start()
    assert scanner.state == CameraState.NO_CAMERA
    PLUGGED.append(FakeDevice("usb-2", "Caméra du portable"))
    _plug_changed()
    assert scanner.state == CameraState.ACTIVE


def test_the_chosen_camera_is_used_and_another_takes_over_when_it_goes(scanner):
    PLUGGED.extend([FakeDevice("a", "Intégrée"), FakeDevice("b", "USB")])
    scanner.select_camera("b")
    scanner.start()
    assert FakeCamera.opened[-1].device.id == "b"
    PLUGGED.pop()  # the USB one goes
    _plug_changed()
    assert FakeCamera.opened[-1].device.id == "a"
    assert scanner.state == CameraState.ACTIVE


def test_permission_refused_is_a_clear_message(scanner, monkeypatch):
    PLUGGED.append(FakeDevice("usb-1", "Webcam USB"))
    monkeypatch.setattr(
        CameraScanner, "_permission_status", lambda self: Qt.PermissionStatus.Denied
    )
    scanner.start()
    assert "refusé" in scanner.status
    assert FakeCamera.opened == []
