"""Compare what a program printed with an :class:`~mpdocs.engine.notation.Expectation`.

Lines are compared exactly, trailing whitespace and trailing blank lines aside.
Placeholders match only their kind; a named placeholder takes the same value
wherever it appears, and differently named ``pid`` placeholders must differ.
Lines in an ``:any-order:`` range may come in any order within that range.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .notation import FRAMES_LINE, KINDS, Expectation, Line, Placeholder

FRAME_START = re.compile(r'  File ".*", line \d+, in .*')
FRAME_DETAIL = "    "


@dataclass(frozen=True)
class Context:
    """Values that placeholders such as ``⟨cpu_count⟩`` take on this machine."""

    cpu_count: int
    dir: str

    def value_pattern(self, kind: str) -> str:
        pattern = KINDS[kind].pattern
        return pattern if pattern is not None else re.escape(str(getattr(self, kind)))


def compile_line(line: Line, context: Context) -> re.Pattern[str]:
    if line.is_frames:
        return re.compile(r"(?!)")  # matched as a run of lines by frame_run(), never alone
    parts = []
    for piece in line.pieces:
        if isinstance(piece, Placeholder):
            parts.append(f"({context.value_pattern(piece.kind)})")
        else:
            parts.append(re.escape(piece))
    return re.compile("".join(parts))


def placeholders(line: Line) -> list[Placeholder]:
    return [p for p in line.pieces if isinstance(p, Placeholder)]


class Bindings(dict):
    """Values taken by named placeholders, keyed by (kind, name)."""

    def bind(self, line: Line, match: re.Match[str]) -> Bindings | None:
        new = Bindings(self)
        for placeholder, value in zip(placeholders(line), match.groups()):
            if placeholder.name is None:
                continue
            key = (placeholder.kind, placeholder.name)
            if new.get(key, value) != value:
                return None
            if KINDS[placeholder.kind].distinct and any(
                k[0] == placeholder.kind and k != key and v == value for k, v in new.items()
            ):
                return None
            new[key] = value
        return new


def normalise(text: str) -> list[str]:
    lines = [line.rstrip() for line in text.splitlines()]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def frame_run(actual: list[str], start: int) -> int:
    """How many lines from ``start`` form traceback entries (0 if none)."""
    end = start
    while end < len(actual) and FRAME_START.fullmatch(actual[end]):
        end += 1
        while end < len(actual) and actual[end].startswith(FRAME_DETAIL):
            end += 1
    return end - start


class Matcher:
    def __init__(self, expectation: Expectation, context: Context) -> None:
        self.lines = expectation.lines
        self.patterns = [compile_line(line, context) for line in self.lines]
        self.order_key = expectation.order_within
        self.steps: list[int | range] = []  # a line index, or an any-order range
        ranges = {r.start: r for r in expectation.any_order}
        index = 0
        while index < len(self.lines):
            if index in ranges:
                self.steps.append(ranges[index])
                index = ranges[index].stop
            else:
                self.steps.append(index)
                index += 1

    def matches(self, text: str) -> bool:
        actual = normalise(text)
        return self._match(actual, 0, 0, Bindings())

    def _match(self, actual: list[str], step: int, position: int, bindings: Bindings) -> bool:
        if step == len(self.steps):
            return position == len(actual)
        current = self.steps[step]
        if isinstance(current, range):
            end = position + len(current)
            if end > len(actual):
                return False
            return any(
                self._match(actual, step + 1, end, found)
                for found in self._permutations(actual[position:end], list(current), bindings)
            )
        line = self.lines[current]
        if line.is_frames:
            run = frame_run(actual, position)
            return run > 0 and self._match(actual, step + 1, position + run, bindings)
        if position >= len(actual):
            return False
        found = self._bind(current, actual[position], bindings)
        return found is not None and self._match(actual, step + 1, position + 1, found)

    def _bind(self, index: int, text: str, bindings: Bindings) -> Bindings | None:
        match = self.patterns[index].fullmatch(text)
        return bindings.bind(self.lines[index], match) if match else None

    def _key(self, index: int) -> str | None:
        if self.order_key is None:
            return None
        found = self.order_key.search(self.lines[index].text)
        return found.group(1) if found else None

    def _permutations(self, actual: list[str], unused: list[int], bindings: Bindings):
        """Yield bindings for each way of pairing ``actual`` with the ``unused`` lines."""
        if not actual:
            yield bindings
            return
        tried = set()
        keys_seen = set()
        for index in unused:
            key = self._key(index)
            if key is not None:
                # lines sharing a key keep their order: only the first unused one is a candidate
                if key in keys_seen:
                    continue
                keys_seen.add(key)
            text = self.lines[index].text
            if text in tried:  # identical lines are interchangeable; try one of them
                continue
            tried.add(text)
            found = self._bind(index, actual[0], bindings)
            if found is not None:
                rest = [i for i in unused if i != index]
                yield from self._permutations(actual[1:], rest, found)

    def fold(self, text: str) -> list[str]:
        """The actual lines, with each line that some expected line matches shown as
        that expected line, so that a diff shows only the real differences."""
        actual = normalise(text)
        folded: list[str] = []
        position = 0
        while position < len(actual):
            run = frame_run(actual, position)
            if run and any(line.is_frames for line in self.lines):
                folded.append(FRAMES_LINE)
                position += run
                continue
            line = actual[position]
            candidates = sorted(range(len(self.lines)), key=lambda i: abs(i - len(folded)))
            for index in candidates:
                if not self.lines[index].is_frames and self.patterns[index].fullmatch(line):
                    line = self.lines[index].text
                    break
            folded.append(line)
            position += 1
        return folded
