"""Explain a failed check so that a contributor can fix it from the message alone."""

from __future__ import annotations

import difflib
import textwrap

from .matcher import Matcher, normalise
from .notation import Expectation
from .runner import Run


def status_problem(run: Run, expectation: Expectation) -> str | None:
    if run.timed_out:
        return (f"did not finish within {expectation.timeout:g} s; its whole process group was "
                "killed (declare ':stop-after: N' if it is meant to run forever, or raise ':timeout:')")
    if run.orphans:
        return "the main process ended but child processes kept running; they were killed"
    if expectation.stop_after is not None:
        if not run.stopped:
            return (f"was declared to run until stopped after {expectation.stop_after:g} s, "
                    f"but ended by itself with exit status {run.returncode}")
        return None
    if run.returncode != expectation.exit_status:
        return f"exit status {run.returncode}, expected {expectation.exit_status}"
    return None


def describe_output_mismatch(matcher: Matcher, expectation: Expectation, run: Run,
                             block_line: int) -> str:
    expected = [line.text for line in expectation.lines]
    folded = matcher.fold(run.output)
    diff = list(difflib.unified_diff(
        expected, folded, lineterm="",
        fromfile=f"expected (output block at line {block_line})",
        tofile="actual (lines that match shown as written)",
    ))
    if not diff:
        diff = ["(every line matches some expected line, yet the whole does not: a named "
                "placeholder takes two values, two ⟨pid:…⟩ names share one value, or lines "
                "broke an :any-order:/:order-within: constraint)"]
    return "output differs:\n" + "\n".join(diff)


def raw_output(run: Run) -> str:
    shown = "\n".join(normalise(run.output)) or "(nothing)"
    return "raw output:\n" + textwrap.indent(shown, "    | ", lambda line: True)
