"""The UI holds no SQL: it goes through kiosk.services (SQL lives in kiosk.store)."""

from __future__ import annotations

import ast
from pathlib import Path

import kiosk.ui

UI = Path(kiosk.ui.__file__).parent


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_ui_imports_no_sql_library():
    offenders = {
        str(p.relative_to(UI)): sorted(
            m for m in _imports(p) if m.split(".")[0] in ("sqlalchemy", "sqlite3")
        )
        for p in UI.rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_settings_reads_no_table():
    imported = _imports(UI / "admin" / "settings.py")
    assert not any(m.startswith("kiosk.store") for m in imported), imported
