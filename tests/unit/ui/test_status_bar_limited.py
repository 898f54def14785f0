"""A 429 is not an outage: the status bar says the requests are limited, not online/offline."""

from __future__ import annotations

from kiosk.sync.connectivity import Connectivity, NetState
from kiosk.ui.counter.status_bar import KioskStatusBar


def test_status_bar_shows_the_limit_state(qtbot) -> None:
    bar = KioskStatusBar()
    qtbot.addWidget(bar)
    net = Connectivity()
    net.add_listener(lambda state, reason: bar.set_net(state.value, reason))
    net.limited(54.0)
    text = bar.net.text()
    assert bar.net_state == "limited"
    assert "Requêtes limitées" in text and "nouvel essai dans 54 s" in text
    assert "En ligne" not in text and "Hors ligne" not in text
    bar.set_net(net.state.value, net.said, "en")
    assert "pass Culture is limiting requests: next try in 54 s" in bar.net.text()


def test_limited_is_reachable_and_ends_with_the_next_answer() -> None:
    net = Connectivity()
    net.failure("x")
    net.limited(30.0)
    assert net.state is NetState.LIMITED and net.is_online()
    net.failure("y")  # a 429 reset the failure count: one error is not yet an outage
    assert net.state is NetState.LIMITED
    net.success()
    assert net.state is NetState.ONLINE


def test_one_miss_is_unsteady_not_a_plain_online(qtbot) -> None:
    """A call that failed or came late, not yet an outage: the counter may just have decided
    locally, so the bar says so instead of "● En ligne"."""
    from kiosk.domain.texts import Phrase

    bar = KioskStatusBar()
    qtbot.addWidget(bar)
    net = Connectivity()
    net.add_listener(lambda state, reason: bar.set_net(state.value, reason))
    net.failure(Phrase.of("net.late"))
    assert net.state is NetState.UNSTEADY and net.is_online()
    assert bar.net.text() == "● Connexion instable — pass Culture n'a pas répondu à temps"
    bar.set_net(net.state.value, net.said, "en")
    assert "pass Culture did not answer in time" in bar.net.text()
    net.failure(Phrase.of("net.late"))
    assert net.state is NetState.OFFLINE
    net.success()
    assert net.state is NetState.ONLINE and bar.net.text() == "● En ligne"
    net.success(latency=net.slow_seconds + 1)  # an answer, but too slow
    assert net.state is NetState.UNSTEADY
