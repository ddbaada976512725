"""Limits are absolute, Ctrl+C is what :stop-after: presses, and fixed names do not collide:
sample pages that must pass, and pages that must fail with a message saying how the run ended."""

from __future__ import annotations

import time

import pytest
from support import CheckPage

PASSING = [
    "stop_after_traceback.md",  # the KeyboardInterrupt traceback a reader sees is compared
    "stop_after_cleanup.md",  # Ctrl+C reaches the children, which clean up
    "collision_shared_memory.md",  # fixed names, three start methods at once
    "collision_port.md",
    "collision_temp_file.md",
]


@pytest.mark.parametrize("page", PASSING)
def test_page_passes(check_page: CheckPage, page: str) -> None:
    check_page(page).assert_outcomes(passed=1)


NO_TERMINAL = "did not finish within 2 s, still running without its terminal*"
# page, then the lines of the message: the first one follows "[start method fork] example.py: "
FAILING = [
    ("limit_closed_terminal.md", [NO_TERMINAL]),
    ("limit_devnull_ignoring_signals.md", [NO_TERMINAL]),
    ("limit_new_session.md", ["the main process ended (exit status 0) but processes it started kept "
                              "running until the time limit without its terminal*; they were killed"]),
    ("stop_after_ctrl_c_ignored.md", ["was still running 2 s after Ctrl+C (^C typed on the terminal: "
                                      "SIGINT to its foreground process group, pressed at 1.5 s)*"]),
    ("stop_after_orphan.md", ["the main process ended (exit status -2) but processes it started kept "
                              "running after Ctrl+C; they were killed"]),
    ("collision_literal_pid.md", ["output differs:", "-my pid is 3", "+my pid is *"]),
    ("limit_flood.md", ["printed more than 1,000,000 bytes, more than any page shows; every process it "
                        "started was killed"]),
]


@pytest.mark.parametrize("page, message", FAILING, ids=[f[0] for f in FAILING])
def test_page_fails_saying_how_the_run_ended(check_page: CheckPage, page: str, message: list[str]) -> None:
    result = check_page(page)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*[[]start method fork[]] example.py: " + message[0], *message[1:]])


def test_a_flood_of_output_ends_the_run_at_once(check_page: CheckPage) -> None:
    started = time.monotonic()
    check_page("limit_flood.md", args=("--start-method", "fork")).assert_outcomes(failed=1)
    assert time.monotonic() - started < 10  # its :timeout: is 15 s
