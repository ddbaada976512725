"""Sybil evaluators: what checking each kind of example means.

An evaluator returns ``None`` when the example holds, or a message saying why
not; sybil turns that message into a failure naming the page and line.
"""

from __future__ import annotations

import difflib
import json
import secrets
import sys
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar
from unittest import SkipTest

from sybil import Example

from . import repl, runner, settings, shell, update
from .lexing import Block
from .matcher import Context, Matcher
from .notation import (
    DEFAULT_METHOD,
    DEFAULT_TIMEOUT,
    Expectation,
    NotApplicable,
    NotationError,
    parse_expectation,
    terminal_lines,
)
from .programs import Program
from .report import describe_output_mismatch, raw_output, status_problem
from .runner import Run, run_program
from .sessions import REPL_PROMPTS, SHELL_PROMPTS, Prompts, Statement
from .settings import version_text

T = TypeVar("T")


@dataclass(frozen=True)
class OutputBlock:
    """An ``{output}`` block: what the program prints where the block applies."""

    block: Block  # as written on the page, for the update mode
    line: int  # of the block in its page
    index: int  # among the page's {output} blocks, for the update mode
    expectation: Expectation

    @property
    def declared(self) -> Expectation | NotApplicable:
        return self.expectation


@dataclass(frozen=True)
class NotApplicableBlock:
    """A ``{not-applicable}`` block: where the program is not meant to run, and why."""

    block: Block
    line: int
    declaration: NotApplicable

    @property
    def declared(self) -> Expectation | NotApplicable:
        return self.declaration


Declaration = OutputBlock | NotApplicableBlock


def plan_for(declarations: list[Declaration], methods: Iterable[str],
             version: tuple[int, ...]) -> dict[str, Declaration]:
    """Which block states what happens under each start method, on this Python.

    A program whose blocks say ``:methods: default`` runs once, with no start
    method imposed.  Every method must be covered by exactly one block; a block without
    :methods: covers every method, so it must be the only one for this Python:
    the page then shows readers exactly which block is theirs."""
    defaults = [d for d in declarations if d.declared.methods == (DEFAULT_METHOD,)]
    if defaults:
        if len(defaults) < len(declarations):
            raise NotationError(f"':methods: {DEFAULT_METHOD}' (no start method imposed) cannot be "
                                "mixed with blocks for named start methods in one program")
        methods = [DEFAULT_METHOD]
    here = [d for d in declarations if d.declared.covers_release(version)]
    if len(here) > 1 and any(d.declared.methods is None for d in here):
        raise NotationError("a program with several {output} blocks must name the :methods: of each")
    plan: dict[str, Declaration] = {}
    for method in methods:
        claiming = [d for d in here if d.declared.covers(method, version)]
        if len(claiming) > 1:
            raise NotationError(f"two blocks (lines {claiming[0].line} and {claiming[1].line}) "
                                f"claim the start method {method}")
        if not claiming:
            raise NotationError(
                f"no {{output}} block covers the start method {method} on Python "
                f"{version_text(version)}: add one (see :methods: and :python:), or declare "
                "{not-applicable} with the reason readers see")
        plan[method] = claiming[0]
    return plan


def run_each(methods: list[str], run: Callable[[str], T]) -> dict[str, T]:
    """Run under each start method, at once when runs cannot collide (see runner.ISOLATED)."""
    if not runner.ISOLATED or len(methods) < 2:
        return {method: run(method) for method in methods}
    with ThreadPoolExecutor(len(methods)) as pool:
        return dict(zip(methods, pool.map(run, methods), strict=True))


class Script:
    """A whole program, run as ``python file.py`` under each start method."""

    def __init__(self, program: Program, declarations: list[Declaration]) -> None:
        self.program = program
        self.declarations = declarations

    def __call__(self, example: Example) -> str | None:
        try:
            plan = plan_for(self.declarations, settings.current.methods, tuple(sys.version_info[:3]))
        except NotationError as error:
            return str(error)
        outputs = {m: d for m, d in plan.items() if isinstance(d, OutputBlock)}
        if not outputs:
            reasons = {d.declaration.reason for d in plan.values() if isinstance(d, NotApplicableBlock)}
            raise SkipTest("not applicable: " + "; ".join(sorted(reasons)))
        runs = run_each(list(outputs), lambda method: self.run(outputs[method], method))
        for method, run in runs.items():
            record_timing(example, method, run)
        if settings.current.update:
            problem, outputs = self.update(example, outputs, runs)
            if problem:
                return problem
        problems = [self.check(method, outputs[method], run) for method, run in runs.items()]
        return "\n\n".join(p for p in problems if p) or None

    def run(self, output: OutputBlock, method: str) -> Run:
        expectation = output.expectation
        return run_program(self.program.files, [self.program.main],
                           method=None if method == DEFAULT_METHOD else method,
                           timeout=expectation.timeout, stop_after=expectation.stop_after)

    def check(self, method: str, output: OutputBlock, run: Run) -> str | None:
        matcher = Matcher(output.expectation, context(run))
        problems = []
        status = status_problem(run, output.expectation)
        if status:
            problems.append(status)
        if not matcher.matches(run.output):
            problems.append(describe_output_mismatch(matcher, output.expectation, run, output.line))
        if not problems:
            return None
        return "\n".join([f"[start method {method}] {self.program.main}: " + problems[0],
                          *problems[1:], raw_output(run)])

    def update(self, example: Example, outputs: dict[str, OutputBlock],
               runs: dict[str, Run]) -> tuple[str | None, dict[str, OutputBlock]]:
        """Rewrite each block that some run does not match, from the first such run, and only
        if the rewritten block then matches every run it covers; return the blocks as written."""
        for output in {id(o): o for o in outputs.values()}.values():
            covered = [(m, r) for m, r in runs.items() if outputs[m] is output]
            mismatched = [(m, r) for m, r in covered
                          if not Matcher(output.expectation, context(r)).matches(r.output)]
            if not mismatched:
                continue
            method, run = mismatched[0]
            try:
                body = "\n".join(Matcher(output.expectation, context(run)).fold(run.output)) + "\n"
                rewritten = parse_expectation(output.expectation.options, body)
            except NotationError as error:
                return f"update: the block at line {output.line} cannot be rewritten: {error}", outputs
            still_wrong = [m for m, r in covered if not Matcher(rewritten, context(r)).matches(r.output)]
            if still_wrong:
                return (f"update: not written; rewritten from the {method} run, the block at line "
                        f"{output.line} would still fail under {', '.join(still_wrong)}: declare "
                        "what varies by hand\n" + raw_output(run)), outputs
            try:
                update.rewrite_block(Path(example.path), output.index, output.block, body)
            except update.UpdateError as error:
                return f"update: the block at line {output.line} was not written: {error}", outputs
            written = OutputBlock(replace(output.block, body=body), output.line, output.index, rewritten)
            outputs = {m: written if o is output else o for m, o in outputs.items()}
        return None, outputs


def context(run: Run) -> Context:
    return Context(run.cpu_count, run.workdir)


def record_timing(example: Example, method: str, run: Run) -> None:
    if settings.current.timings is None:
        return
    line = json.dumps({"page": example.path, "line": example.line, "method": method,
                       "seconds": run.duration})
    with open(settings.current.timings, "a", encoding="utf-8") as timings:
        timings.write(line + "\n")


@dataclass(frozen=True)
class Replay:
    """How a kind of transcript is replayed: the driver run as ``python -c`` and how reports name it."""

    kind: str  # in the closing count and the record
    command: str
    prompts: Prompts
    terminal: str  # what showed the lines, in reports


REPL = Replay("session", repl.COMMAND, REPL_PROMPTS, "the REPL")
SHELL = Replay("console", shell.COMMAND, SHELL_PROMPTS, "the shell")


class Transcript:
    """A ``>>>`` session or a ``$`` console transcript, replayed in a fresh interpreter and folder as
    a reader's REPL or shell (:mod:`mpdocs.engine.repl`, :mod:`mpdocs.engine.shell`), once per
    start method, under the same limits as programs."""

    def __init__(self, statements: list[Statement], line: int, replay: Replay,
                 files: Mapping[str, str] | None = None) -> None:
        self.statements = statements
        self.line = line
        self.replay = replay
        self.files = dict(files or {})

    def __call__(self, example: Example) -> str | None:
        methods = list(settings.current.methods)
        runs = run_each(methods, self.run)
        problems = [self.check(method, *runs[method]) for method in methods]
        return "\n\n".join(p for p in problems if p) or None

    def run(self, method: str) -> tuple[Run, str]:
        token = secrets.token_hex(8)
        statements = json.dumps({"token": token, "statements": [s.source for s in self.statements]})
        run = run_program({**self.files, repl.STATEMENTS_FILE: statements}, ["-c", self.replay.command],
                          method=method, timeout=DEFAULT_TIMEOUT)
        return run, token

    def check(self, method: str, run: Run, token: str) -> str | None:
        shown = split_transcript(run.output, token, len(self.statements))
        for statement, text in zip(self.statements, shown, strict=False):
            problem = self.compare(statement, text, run)
            if problem:
                return f"[start method {method}] line {self.line + statement.line - 1}: {problem}"
        ended = status_problem(run, None)
        if ended or len(shown) <= len(self.statements):
            return (f"[start method {method}] the {self.replay.kind}: "
                    f"{ended or 'it stopped before its last statement'}\n" + raw_output(run))
        if terminal_lines(shown[-1]):
            return (f"[start method {method}] after the last statement, as {self.replay.terminal} exited, "
                    "the terminal showed:\n" + "\n".join(terminal_lines(shown[-1])))
        return None

    def compare(self, statement: Statement, text: str, run: Run) -> str | None:
        if statement.shown is None:
            actual = terminal_lines(text)
            if not actual:
                return None
            expected: list[str] = []
        else:
            matcher = Matcher(statement.shown, context(run))
            if matcher.matches(text):
                return None
            expected = [line.text for line in statement.shown.lines]
            actual = matcher.fold(text)
        diff = difflib.unified_diff(expected, actual, "expected", f"what {self.replay.terminal} showed",
                                    lineterm="")
        prompts = self.replay.prompts
        continued = f"\n{prompts.continuation} " if prompts.continuation else "\n"
        source = statement.source.rstrip("\n").replace("\n", continued)
        return f"{prompts.first} {source}\n" + "\n".join(diff)


def split_transcript(output: str, token: str, count: int) -> list[str]:
    """What the terminal showed for each statement, then at exit (fewer if the run stopped)."""
    pieces = output.split(repl.marker(token, 0) + "\n", 1)
    if len(pieces) < 2:
        return []
    rest = pieces[1]
    shown = []
    for label in [*range(1, count), repl.END]:
        part, found, rest = rest.partition(repl.marker(token, label) + "\n")
        shown.append(part)
        if not found:
            return shown
    return [*shown, rest]


class Skipped:
    def __call__(self, example: Example) -> None:
        raise SkipTest(example.parsed)


class Failing:
    """Something on the page that cannot be checked; the message says what."""

    def __call__(self, example: Example) -> str:
        return str(example.parsed)
