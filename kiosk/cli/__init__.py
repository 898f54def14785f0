"""The Qt-free command line: counter operations, sync, import, doctor, decode."""
