"""Explain a failed check so that a contributor can fix it from the message alone."""

from __future__ import annotations

import difflib
import textwrap

from .matcher import STEP_LIMIT, Matcher
from .notation import DEFAULT_TIMEOUT, Expectation, terminal_lines
from .runner import GRACE, OUTPUT_LIMIT, Run


def status_problem(run: Run, expectation: Expectation | None) -> str | None:
    """What was wrong with the way the run ended, if anything.  ``expectation`` is None for a
    session, which must end by itself with exit status 0."""
    closed = (" without its terminal (it closed it or sent its output elsewhere)"
              if run.terminal_closed else "")
    if run.flooded:
        return (f"printed more than {OUTPUT_LIMIT:,} bytes, more than any page shows; every process "
                "it started was killed")
    if run.orphans:
        after = "after Ctrl+C" if run.stopped else "until the time limit"
        return (f"the main process ended (exit status {run.returncode}) but processes it started kept "
                f"running {after}{closed}; they were killed")
    if run.timed_out:
        limit = expectation.timeout if expectation else DEFAULT_TIMEOUT
        still = f", still running{closed}" if closed else ""
        advice = (" (declare ':stop-after: N' if it is meant to run until stopped, or raise ':timeout:')"
                  if expectation else "")
        return f"did not finish within {limit:g} s{still}; every process it started was killed{advice}"
    stop_after = expectation.stop_after if expectation else None
    if stop_after is not None:
        return stop_problem(run, stop_after)
    exit_status = expectation.exit_status if expectation else 0
    if run.returncode != exit_status:
        return f"exit status {run.returncode}, expected {exit_status}"
    return None


def stop_problem(run: Run, stop_after: float) -> str | None:
    if not run.stopped:
        return (f"was declared to run until stopped after {stop_after:g} s, "
                f"but ended by itself with exit status {run.returncode}")
    if run.killed:
        return (f"was still running {GRACE:g} s after Ctrl+C (^C typed on the terminal: SIGINT to its "
                f"foreground process group, pressed at {stop_after:g} s), so it does not stop as a reader "
                "is told to stop it; every process it started was killed")
    return None


def describe_output_mismatch(matcher: Matcher, expectation: Expectation, run: Run,
                             block_line: int) -> str:
    """A diff of the block against the run, each printed line that lines up with an expected
    line shown as written there, so that only the real differences stand out."""
    if matcher.undecided:
        return (f"output not decided: the comparison gave up after {STEP_LIMIT} steps, because "
                "many lines of an :any-order: range could pair in many ways; give the placeholders "
                "in it names that tell the lines apart, or split the range")
    expected = [line.text for line in expectation.lines]
    diff = list(difflib.unified_diff(
        expected, matcher.align(run.output), lineterm="",
        fromfile=f"expected (output block at line {block_line})",
        tofile="actual (lines that match shown as written)",
    ))
    if not diff:
        diff = ["(every line matches the expected line it lines up with, yet the whole does not: "
                "a named placeholder takes two values, two names of a kind that must differ "
                "(⟨pid:…⟩, ⟨id:…⟩, ⟨addr:…⟩, …) share one value, an unnamed one takes a named one's "
                "value, or lines broke an :any-order:, :order-within:, :together:, :repeat:, "
                ":either: or :optional: declaration)"]
    return "output differs:\n" + "\n".join(shortened(diff))


SHOWN_LINES = 200  # of a long output or diff, the first and last halves are shown


def shortened(lines: list[str]) -> list[str]:
    if len(lines) <= SHOWN_LINES:
        return lines
    half = SHOWN_LINES // 2
    return [*lines[:half], f"… {len(lines) - SHOWN_LINES} more lines …", *lines[-half:]]


def raw_output(run: Run) -> str:
    shown = "\n".join(shortened(terminal_lines(run.output))) or "(nothing)"
    return "raw output:\n" + textwrap.indent(shown, "    | ", lambda line: True)
