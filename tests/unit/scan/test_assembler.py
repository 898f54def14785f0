"""ScanAssembler with synthetic timestamps only (no Qt)."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.domain.layouts import garble
from kiosk.domain.payload import parse_payload
from kiosk.scan.assembler import (
    Action,
    HeldKey,
    KeyKind,
    ReleaseKeys,
    ScanAssembler,
    ScanComplete,
)

V3 = "PASSCULTURE:v3;TOKEN:ABC123"


def type_text(
    asm: ScanAssembler, text: str, start: int = 1000, gap: int = 5
) -> tuple[list[Action], int]:
    actions: list[Action] = []
    ts = start
    for i, c in enumerate(text):
        ts = start + i * gap
        actions += asm.feed(c, KeyKind.CHAR, ts, ref=i)
    return actions, ts


def released_text(actions: list[Action]) -> str:
    return "".join(k.text for a in actions if isinstance(a, ReleaseKeys) for k in a.keys)


def scans(actions: list[Action]) -> list[str]:
    return [a.payload for a in actions if isinstance(a, ScanComplete)]


def test_fast_burst_with_enter_is_a_scan_and_nothing_is_released() -> None:
    asm = ScanAssembler()
    actions, ts = type_text(asm, V3)
    assert actions == []  # everything held
    actions = asm.feed("\r", KeyKind.ENTER, ts + 6)
    assert actions == [ScanComplete(V3, KeyKind.ENTER)]
    assert asm.idle
    assert asm.tick(ts + 1000) == []


def test_fast_burst_with_tab_is_a_scan() -> None:
    asm = ScanAssembler()
    _, ts = type_text(asm, "ABC123", gap=3)
    assert asm.feed("\t", KeyKind.TAB, ts + 3) == [ScanComplete("ABC123", KeyKind.TAB)]


def test_terminated_burst_needs_four_characters() -> None:
    asm = ScanAssembler()
    _, ts = type_text(asm, "ok", gap=8)
    actions = asm.feed("\r", KeyKind.ENTER, ts + 8)
    assert released_text(actions) == "ok\r"
    assert scans(actions) == []


def test_terminated_junk_is_still_a_scan_so_it_never_reaches_a_field() -> None:
    asm = ScanAssembler()
    _, ts = type_text(asm, "9782070368228")
    assert asm.feed("\r", KeyKind.ENTER, ts + 5) == [ScanComplete("9782070368228", KeyKind.ENTER)]


def test_no_terminator_complete_payload_accepted_after_idle() -> None:
    asm = ScanAssembler(idle_accept_ms=120)
    _, ts = type_text(asm, V3, gap=7)
    assert asm.next_deadline() == ts + 41
    assert asm.tick(ts + 41) == []  # complete, waiting for a possible late suffix
    assert asm.next_deadline() == ts + 120
    assert asm.tick(ts + 119) == []
    assert asm.tick(ts + 120) == [ScanComplete(V3)]
    assert asm.idle


def test_no_terminator_incomplete_burst_is_released_after_threshold() -> None:
    asm = ScanAssembler()
    _, ts = type_text(asm, "PASSCULTURE:v3;TOK", gap=7)
    assert asm.tick(ts + 40) == []
    actions = asm.tick(ts + 41)
    assert released_text(actions) == "PASSCULTURE:v3;TOK"


def test_late_terminator_within_idle_still_counts() -> None:
    asm = ScanAssembler()
    _, ts = type_text(asm, V3)
    assert asm.feed("\r", KeyKind.ENTER, ts + 90) == [ScanComplete(V3, KeyKind.ENTER)]


def test_slow_typing_is_released_unchanged_and_in_order() -> None:
    asm = ScanAssembler()
    actions, ts = type_text(asm, 'abc&é"', gap=150)
    actions += asm.feed("\r", KeyKind.ENTER, ts + 150)
    assert scans(actions) == []
    keys = [k for a in actions if isinstance(a, ReleaseKeys) for k in a.keys]
    assert "".join(k.text for k in keys) == 'abc&é"\r'
    assert [k.ref for k in keys[:-1]] == list(range(6))


def test_slow_typing_released_by_tick_without_waiting_for_next_key() -> None:
    asm = ScanAssembler()
    assert asm.feed("A", KeyKind.CHAR, 0) == []
    assert asm.tick(41) == [ReleaseKeys((HeldKey("A", KeyKind.CHAR, 0),))]


def test_enter_alone_goes_straight_through() -> None:
    asm = ScanAssembler()
    assert asm.feed("\r", KeyKind.ENTER, 5) == [ReleaseKeys((HeldKey("\r", KeyKind.ENTER, 5),))]


def test_other_key_ends_a_burst() -> None:
    asm = ScanAssembler()
    asm.feed("A", KeyKind.CHAR, 0)
    asm.feed("B", KeyKind.CHAR, 10)
    actions = asm.feed("", KeyKind.OTHER, 20, ref="backspace")
    assert len(actions) == 1
    assert isinstance(actions[0], ReleaseKeys)
    assert [k.ref for k in actions[0].keys] == [None, None, "backspace"]


def test_human_fast_pair_then_pause() -> None:
    asm = ScanAssembler()
    actions = asm.feed("a", KeyKind.CHAR, 0) + asm.feed("b", KeyKind.CHAR, 25)
    actions += asm.feed("c", KeyKind.CHAR, 200)
    assert released_text(actions) == "ab"
    assert released_text(asm.tick(260)) == "c"


def test_prefix_marks_a_scan_whatever_the_timing() -> None:
    asm = ScanAssembler(prefix="\x02")
    actions, ts = type_text(asm, "\x02ABC123", gap=100)
    assert actions == []
    assert asm.feed("\r", KeyKind.ENTER, ts + 100) == [ScanComplete("ABC123", KeyKind.ENTER)]


def test_prefix_without_terminator_accepted_after_prefix_timeout() -> None:
    asm = ScanAssembler(prefix="§§", prefix_timeout_ms=300)
    _, ts = type_text(asm, "§§XYZ", gap=60)
    assert asm.tick(ts + 300) == []
    assert asm.tick(ts + 301) == [ScanComplete("XYZ")]


def test_prefix_alone_is_released() -> None:
    asm = ScanAssembler(prefix="§")
    asm.feed("§", KeyKind.CHAR, 0)
    assert released_text(asm.tick(1000)) == "§"


def test_azerty_garbled_burst_is_emitted_raw() -> None:
    asm = ScanAssembler()
    garbled = garble(V3, "us->fr")
    assert garbled == 'PQSSCULTUREMv"mTOKENMQBC&é"'
    _, ts = type_text(asm, garbled, gap=4)
    (scan,) = asm.tick(ts + 200)
    assert scan == ScanComplete(garbled)
    assert parse_payload(garbled).token == "ABC123"


def test_very_long_burst_does_not_hang_or_leak() -> None:
    asm = ScanAssembler(max_length=2048)
    started = time.perf_counter()
    actions, ts = type_text(asm, "X" * 20_000, gap=2)
    actions += asm.feed("\r", KeyKind.ENTER, ts + 2)
    actions += asm.tick(ts + 1000)
    assert time.perf_counter() - started < 2
    assert released_text(actions) == ""
    (payload,) = scans(actions)
    assert len(payload) == 2049
    assert not parse_payload(payload).ok
    assert asm.idle


def test_flush_releases_everything_held() -> None:
    asm = ScanAssembler()
    type_text(asm, "ABC")
    assert released_text(asm.flush()) == "ABC"
    assert asm.idle


@settings(max_examples=150)
@given(
    text=st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=30),
    gaps=st.lists(st.integers(min_value=41, max_value=400), min_size=30, max_size=30),
)
def test_slow_typing_never_loses_or_reorders_keys(text: str, gaps: list[int]) -> None:
    asm = ScanAssembler()
    actions: list[Action] = []
    ts = 0
    for c, gap in zip(text, gaps, strict=False):
        ts += gap
        actions += asm.feed(c, KeyKind.CHAR, ts)
    actions += asm.tick(ts + 10_000)
    assert scans(actions) == []
    assert released_text(actions) == text


@settings(max_examples=150)
@given(
    token=st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ234567", min_size=6, max_size=6),
    gaps=st.lists(st.integers(min_value=1, max_value=40), min_size=40, max_size=40),
    terminated=st.booleans(),
)
def test_fast_bursts_are_scans(token: str, gaps: list[int], terminated: bool) -> None:
    payload = f"PASSCULTURE:v3;TOKEN:{token}"
    asm = ScanAssembler()
    actions: list[Action] = []
    ts = 0
    for c, gap in zip(payload, gaps, strict=False):
        ts += gap
        actions += asm.feed(c, KeyKind.CHAR, ts)
    if terminated:
        actions += asm.feed("\r", KeyKind.ENTER, ts + 5)
    actions += asm.tick(ts + 1000)
    assert released_text(actions) == ""
    assert scans(actions) == [payload]
