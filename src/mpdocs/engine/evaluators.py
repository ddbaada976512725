"""Sybil evaluators: what checking each kind of example means.

An evaluator returns ``None`` when the example holds, or a message saying why
not; sybil turns that message into a failure naming the page and line.
"""

from __future__ import annotations

import doctest
import io
import json
import multiprocessing
import os
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from unittest import SkipTest

from sybil import Example

from . import settings, update
from .matcher import Context, Matcher
from .notation import START_METHODS, Expectation, NotationError, parse_expectation
from .report import describe_output_mismatch, raw_output, status_problem
from .runner import Run, run_program
from .startmethod import default_start_method


@dataclass(frozen=True)
class OutputBlock:
    expectation: Expectation
    line: int  # line of the block in its page
    index: int  # position among the page's {output} blocks, for the update mode


def assign_methods(outputs: list[OutputBlock]) -> dict[str, OutputBlock]:
    """Which block states the expected output under each start method, on this Python.

    A block without :methods: covers every method, so it must be the program's
    only block: the page then shows readers exactly which block is theirs."""
    outputs = [b for b in outputs if b.expectation.python is None or sys.version_info in b.expectation.python]
    if len(outputs) > 1 and any(block.expectation.methods is None for block in outputs):
        raise NotationError("a program with several {output} blocks must name the :methods: of each")
    plan: dict[str, OutputBlock] = {}
    for block in outputs:
        for method in block.expectation.methods or START_METHODS:
            if method in plan:
                raise NotationError(f"two {{output}} blocks claim the start method {method}")
            plan[method] = block
    return plan


class Script:
    """A whole program, run as ``python file.py`` under each start method."""

    def __init__(self, source: str, filename: str, outputs: list[OutputBlock]) -> None:
        self.source = source
        self.filename = filename
        self.plan = assign_methods(outputs)

    def __call__(self, example: Example) -> str | None:
        methods = [m for m in settings.current.methods if m in self.plan]
        if not methods:
            declared = ", ".join(self.plan) or "other Python versions"
            raise SkipTest(f"declared only for {declared}")
        with ThreadPoolExecutor(len(methods)) as pool:
            runs = dict(zip(methods, pool.map(self.run, methods)))
        for method, run in runs.items():
            record_timing(example, method, run)
        if settings.current.update:
            self.update(example, runs)
        problems = [self.check(method, run) for method, run in runs.items()]
        problems = [p for p in problems if p]
        return "\n\n".join(problems) or None

    def run(self, method: str) -> Run:
        expectation = self.plan[method].expectation
        return run_program(self.source, self.filename, method=method,
                           timeout=expectation.timeout, stop_after=expectation.stop_after)

    def matcher(self, method: str, run: Run) -> Matcher:
        return Matcher(self.plan[method].expectation, Context(os.cpu_count() or 1, run.workdir))

    def check(self, method: str, run: Run) -> str | None:
        block = self.plan[method]
        matcher = self.matcher(method, run)
        problems = []
        status = status_problem(run, block.expectation)
        if status:
            problems.append(status)
        if not matcher.matches(run.output):
            problems.append(describe_output_mismatch(matcher, block.expectation, run, block.line))
        if not problems:
            return None
        return "\n".join([f"[start method {method}] {self.filename}: " + problems[0],
                          *problems[1:], raw_output(run)])

    def update(self, example: Example, runs: dict[str, Run]) -> None:
        """Rewrite each block from the first run it covers that does not match it."""
        for block in {id(b): b for b in self.plan.values()}.values():
            covered = [(m, r) for m, r in runs.items() if self.plan[m] is block]
            if not covered:  # its start methods were not selected for this run
                continue
            method, run = covered[0]
            matcher = self.matcher(method, run)
            if matcher.matches(run.output):
                continue
            body = "\n".join(matcher.fold(run.output)).replace(run.workdir, "⟨dir⟩") + "\n"
            update.rewrite_output_block(Path(example.path), block.index, body)
            rewritten = OutputBlock(parse_expectation(block.expectation.options, body),
                                    block.line, block.index)
            self.plan = {m: rewritten if b is block else b for m, b in self.plan.items()}


def record_timing(example: Example, method: str, run: Run) -> None:
    if settings.current.timings is None:
        return
    line = json.dumps({"page": example.path, "line": example.line, "method": method,
                       "seconds": run.duration})
    with open(settings.current.timings, "a", encoding="utf-8") as timings:
        timings.write(line + "\n")


class Session:
    """A ``>>>`` session, run in-process as doctest would, once per start method.

    Each run starts from an empty namespace named ``__main__``, like a fresh
    interpreter prompt."""

    def __init__(self, line: int) -> None:
        self.line = line

    def __call__(self, example: Example) -> str | None:
        problems = []
        for method in settings.current.methods:
            with default_start_method(method):
                problem = self.run(example, method)
            leftover = multiprocessing.active_children()
            if leftover:
                for child in leftover:
                    child.kill()
                problem = (problem or "") + f"\nleft {len(leftover)} child process(es) running"
            if problem:
                problems.append(f"[start method {method}]\n{problem}")
        return "\n\n".join(problems) or None

    def run(self, example: Example, method: str) -> str | None:
        test = doctest.DocTestParser().get_doctest(
            example.parsed, {"__name__": "__main__"}, f"{example.path}:{self.line}",
            example.path, self.line - 1)
        report = io.StringIO()
        runner = doctest.DocTestRunner(optionflags=doctest.REPORT_UDIFF)
        runner.run(test, out=report.write)
        return report.getvalue() if runner.failures else None


class Skipped:
    def __call__(self, example: Example) -> None:
        raise SkipTest(example.parsed)


class Failing:
    """Something on the page that cannot be checked; the message says what."""

    def __call__(self, example: Example) -> str:
        return example.parsed

