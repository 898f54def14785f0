from tests.ui.conftest import settle


def test_shot(window, qtbot, screenshot_dir):
    window.handle_scan("PASSCULTURE:v3;TOKEN:DUO234", "wedge")
    settle(qtbot, window)
    window.grab().save(str(screenshot_dir / "tmp_duo.png"))
