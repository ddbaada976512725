"""Compare what a program printed with an :class:`~mpdocs.engine.notation.Expectation`.

Lines are compared as a terminal shows them (:func:`~mpdocs.engine.notation.terminal_lines`).
Placeholders match only their kind; a named placeholder takes the same value
wherever it appears; differently named placeholders of a ``distinct`` kind
(``pid``, ``id``, ``addr``, temp names) differ, and an unnamed one differs from
every named one.  The block is compiled into a small program of steps that a
backtracking search runs with an explicit stack, so neither long outputs nor
deep tracebacks recurse.  The search skips choices that are mirror images of
one already tried (lines that differ only by the names of still-unbound
placeholders), remembers states that failed, and gives up, saying so, after
:data:`STEP_LIMIT` steps (plus a few per printed line): its time is bounded whatever the
block.  Lines whose place is fixed are paired first, so that their values are known
before the search.
"""

from __future__ import annotations

import re
import sysconfig
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace

from .notation import (
    DIR_PLACEHOLDER,
    FRAMES_LINE,
    KINDS,
    Count,
    Expectation,
    Line,
    NotationError,
    parse_expectation,
    terminal_lines,
)

FRAME_START = re.compile(r'  File ".*", line \d+, in .*')
FRAME_DETAIL = "    "
STEP_LIMIT = 50_000  # search steps before the matcher gives up on a block, beyond those for
STEPS_PER_LINE = 4  # each printed line (a long output takes one step or so per line)
MAX_ALIGNMENT_CELLS = 1_000_000  # beyond this, differing middles of long outputs are not aligned


#: What the evaluators and reports compare and show; one owner, in the notation module.


class FoldError(NotationError):
    """A run from which the block cannot be rewritten without changing its options."""


@dataclass(frozen=True)
class Context:
    """Values that placeholders such as ``⟨cpu_count⟩`` take on this machine."""

    cpu_count: int
    dir: str
    stdlib: str = sysconfig.get_path("stdlib")  # of this interpreter, which runs the programs too

    def value_pattern(self, kind: str) -> str:
        pattern = KINDS[kind].pattern
        return pattern if pattern is not None else re.escape(str(getattr(self, kind)))


def compile_line(line: Line, context: Context) -> re.Pattern[str]:
    if line.is_frames:
        return re.compile(r"(?!)")  # matched as a run of lines by frame_ends(), never alone
    parts = [f"({context.value_pattern(p.kind)})" if not isinstance(p, str) else re.escape(p)
             for p in line.pieces]
    return re.compile("".join(parts))


Key = tuple[str, str]  # (kind, name) of a named placeholder


@dataclass(frozen=True)
class Bindings:
    """Values taken so far: by named placeholders, and by unnamed ones of distinct kinds."""

    named: dict[Key, str] = field(default_factory=dict)
    unnamed: frozenset[tuple[str, str]] = frozenset()

    def bind(self, line: Line, match: re.Match[str]) -> Bindings | None:
        if not match.groups():
            return self
        named, unnamed = dict(self.named), set(self.unnamed)
        for placeholder, value in zip(line.placeholders, match.groups(), strict=True):
            kind = placeholder.kind
            distinct = KINDS[kind].distinct
            if placeholder.name is None:
                if distinct and any(k[0] == kind and v == value for k, v in named.items()):
                    return None
                if distinct:
                    unnamed.add((kind, value))
                continue
            key = (kind, placeholder.name)
            if named.get(key, value) != value:
                return None
            if distinct and key not in named and ((kind, value) in unnamed or any(
                    k[0] == kind and v == value for k, v in named.items())):
                return None
            named[key] = value
        return Bindings(named, frozenset(unnamed))

    def state(self) -> tuple[frozenset[tuple[Key, str]], frozenset[tuple[str, str]]]:
        return frozenset(self.named.items()), self.unnamed


def frame_ends(actual: Sequence[str], start: int) -> Iterator[int]:
    """Where one, two, … traceback entries starting at ``start`` end: as few as needed first."""
    end = start
    while end < len(actual) and FRAME_START.fullmatch(actual[end]):
        end += 1
        while end < len(actual) and actual[end].startswith(FRAME_DETAIL):
            end += 1
        yield end


# --- the compiled program --------------------------------------------------------------------
@dataclass(frozen=True)
class Step:
    """One step of a compiled block.  ``action`` says what it does, ``target`` with what:

    - ``line``: one actual line matching expected line ``target``;
    - ``frames``: one or more traceback entries;
    - ``split``: continue at any of ``targets``, in order;
    - ``jump``: continue at ``target``;
    - ``repeat``: a pass over the repeated span starting at ``target`` ended: again, or on,
      within ``least``..``most`` passes;
    - ``range``: pick the next unit of :any-order: range number ``target``, or leave it;
    - ``unit_end``: back to the step of range number ``target``;
    - ``accept``: every line used.
    """

    action: str
    target: int = 0
    targets: tuple[int, ...] = ()
    least: int = 0
    most: int = 0


@dataclass(frozen=True)
class Unit:
    """What moves as one inside an :any-order: range: a line, a :together: group or a choice."""

    start: int  # first step of its body
    lines: range
    least: int
    most: int
    key: str | None  # its :order-within: key


@dataclass
class RangeSteps:
    units: list[Unit]
    exit: int  # the step after the range


@dataclass(frozen=True)
class State:
    step: int
    position: int
    bindings: Bindings
    count: int = 0  # passes of the repeated span being matched (repeats never nest)
    used: tuple[int, ...] | None = None  # per unit of the current range, how often it was used

    def memo(self) -> tuple[object, ...]:
        return self.step, self.position, self.count, self.used, self.bindings.state()


class Program:
    """Compile an expectation's lines and shape options into steps."""

    def __init__(self, expectation: Expectation, context: Context) -> None:
        self.expectation = expectation
        self.context = context
        self.steps: list[Step] = []
        self.ranges: list[RangeSteps] = []
        self.sequence(range(len(expectation.lines)), top=True)
        self.steps.append(Step("accept"))

    def count(self, count: Count) -> tuple[int, int]:
        return (self.context.cpu_count,) * 2 if count.cpu_count else (count.least, count.most)

    def sequence(self, lines: range, top: bool = False, done: frozenset[range] = frozenset()) -> None:
        """Compile ``lines``; spans in ``done`` are already handled by an enclosing step."""
        index = lines.start
        while index < lines.stop:
            index = self.item(index, top, done)

    def item(self, index: int, top: bool, done: frozenset[range]) -> int:
        """Compile what starts at line ``index``; return the line after it."""
        expectation = self.expectation
        if top and (span := _starting(expectation.any_order, index)):
            self.any_order(span)
            return span.stop
        repeat = next((r for r in expectation.repeat if r[0].start == index and r[0] not in done), None)
        if repeat:
            body = len(self.steps)
            self.sequence(repeat[0], done=done | {repeat[0]})
            self.steps.append(Step("repeat", body, (), *self.count(repeat[1])))
            return repeat[0].stop
        if (span := _starting(expectation.optional, index)) and span not in done:
            return self.choice((span, range(index, index)), done | {span})
        choice = next((c for c in expectation.either if c[0].start == index), None)
        if choice and (whole := range(index, choice[-1].stop)) not in done:
            return self.choice(choice, done | {whole})
        self.steps.append(Step("frames") if expectation.lines[index].is_frames else Step("line", index))
        return index + 1

    def choice(self, alternatives: tuple[range, ...], done: frozenset[range]) -> int:
        split = len(self.steps)
        self.steps.append(Step("split"))
        targets, jumps = [], []
        for alternative in alternatives:
            targets.append(len(self.steps))
            self.sequence(alternative, done=done)
            jumps.append(len(self.steps))
            self.steps.append(Step("jump"))
        self.steps[split] = Step("split", targets=tuple(targets))
        for jump in jumps:
            self.steps[jump] = Step("jump", len(self.steps))
        return max(alternative.stop for alternative in alternatives)

    def any_order(self, span: range) -> None:
        range_id = len(self.ranges)
        this = RangeSteps([], -1)
        self.ranges.append(this)
        entry = len(self.steps)
        self.steps.append(Step("jump"))  # over the unit bodies, to the range step
        index = span.start
        while index < span.stop:
            unit_lines = self.unit_lines(index)
            least, most = self.multiplicity(unit_lines)
            start = len(self.steps)
            counted = (least, most) != (1, 1)  # then the range step counts the uses, not the body
            self.sequence(unit_lines, done=frozenset({unit_lines} if counted else ()))
            self.steps.append(Step("unit_end", range_id))
            this.units.append(Unit(start, unit_lines, least, most, self.key(unit_lines)))
            index = unit_lines.stop
        self.steps[entry] = Step("jump", len(self.steps))
        self.steps.append(Step("range", range_id))
        this.exit = len(self.steps)

    def unit_lines(self, index: int) -> range:
        expectation = self.expectation
        for span in [*expectation.together, *(range(c[0].start, c[-1].stop) for c in expectation.either)]:
            if span.start == index:
                return span
        return range(index, index + 1)

    def multiplicity(self, unit: range) -> tuple[int, int]:
        """Repeated or optional units of a range are used that many times, in any order."""
        for span, count in self.expectation.repeat:
            if span.start >= unit.start and span.stop <= unit.stop and span != unit:
                continue  # repeated inside a group: part of the group's body
            if span == unit:
                return self.count(count)
            if span.start < unit.stop and unit.start < span.stop:
                raise NotationError(":repeat: inside an :any-order: range must name one line or one "
                                    ":together: group")
        if unit in self.expectation.optional:
            return 0, 1
        if any(u.start < unit.stop and unit.start < u.stop and u != unit for u in self.expectation.optional):
            raise NotationError(":optional: inside an :any-order: range must name one line or one "
                                ":together: group")
        return 1, 1

    def key(self, unit: range) -> str | None:
        pattern = self.expectation.order_within
        if pattern is None:
            return None
        found = (pattern.search(self.expectation.lines[i].text) for i in unit)
        return next((f.group(1) for f in found if f), None)


def _starting(spans: Sequence[range], index: int) -> range | None:
    return next((span for span in spans if span.start == index), None)


class Search:
    """One run of the compiled program over the actual lines."""

    def __init__(self, matcher: Matcher, actual: list[str]) -> None:
        self.matcher = matcher
        self.program = matcher.program
        self.actual = actual
        self.steps = 0
        self.limit = STEP_LIMIT + STEPS_PER_LINE * len(actual)
        self.failed: set[tuple[object, ...]] = set()

    def run(self) -> bool | None:
        """True or False, or None when it gave up after ``self.limit`` steps."""
        stack: list[tuple[tuple[object, ...], Iterator[State]]] = []
        anchored = self.anchored()
        if anchored is None:
            return False
        start = State(0, 0, anchored)
        if self.accepts(start):
            return True
        stack.append((start.memo(), self.successors(start)))
        while stack:
            memo, successors = stack[-1]
            state = next(successors, None)
            if state is None:
                self.failed.add(memo)
                stack.pop()
                continue
            self.steps += 1
            if self.steps > self.limit:
                return None
            if self.accepts(state):
                return True
            if state.memo() not in self.failed:
                stack.append((state.memo(), self.successors(state)))
        return False

    def anchored(self) -> Bindings | None:
        """Bindings from the lines whose place is fixed (no line of varying count before or after
        them): every match pairs them with the same printed lines, so their values are known
        before the search, which then need not try the names of an :any-order: range blindly."""
        anchors = self.matcher.anchors(len(self.actual))
        bindings: Bindings | None = Bindings() if anchors is not None else None
        for expected, actual in anchors or ():
            if bindings is None:
                break
            bindings = self.bind(expected, actual, bindings)
        return bindings

    def accepts(self, state: State) -> bool:
        return self.program.steps[state.step].action == "accept" and state.position == len(self.actual)

    def successors(self, state: State) -> Iterator[State]:
        step = self.program.steps[state.step]
        return getattr(self, f"after_{step.action}")(state, step)  # type: ignore[no-any-return]

    def after_line(self, state: State, step: Step) -> Iterator[State]:
        found = self.bind(step.target, state.position, state.bindings)
        if found is not None:
            yield replace(state, step=state.step + 1, position=state.position + 1, bindings=found)

    def after_frames(self, state: State, step: Step) -> Iterator[State]:
        for end in frame_ends(self.actual, state.position):
            yield replace(state, step=state.step + 1, position=end)

    def after_split(self, state: State, step: Step) -> Iterator[State]:
        for target in step.targets:
            yield replace(state, step=target)

    def after_jump(self, state: State, step: Step) -> Iterator[State]:
        yield replace(state, step=step.target)

    def after_unit_end(self, state: State, step: Step) -> Iterator[State]:
        yield replace(state, step=self.program.ranges[step.target].exit - 1)

    def after_accept(self, state: State, step: Step) -> Iterator[State]:
        return iter(())  # lines are left over

    def after_repeat(self, state: State, step: Step) -> Iterator[State]:
        count = state.count + 1
        if count < step.most:
            yield replace(state, step=step.target, count=count)
        if count >= step.least:
            yield replace(state, step=state.step + 1, count=0)

    def bind(self, index: int, position: int, bindings: Bindings) -> Bindings | None:
        if position >= len(self.actual):
            return None
        match = self.matcher.patterns[index].fullmatch(self.actual[position])
        return bindings.bind(self.matcher.lines[index], match) if match else None

    def after_range(self, state: State, step: Step) -> Iterator[State]:
        steps = self.program.ranges[step.target]
        units = steps.units
        used = state.used or (0,) * len(units)
        tried: list[int] = []
        for number, unit in enumerate(units):
            if not self.available(units, used, number) or any(
                    self.mirrored(units, used, earlier, number, state.bindings) for earlier in tried):
                continue
            tried.append(number)
            now_used = used[:number] + (used[number] + 1,) + used[number + 1:]
            yield replace(state, step=unit.start, used=now_used)
        if all(u >= unit.least for u, unit in zip(used, units, strict=True)):
            yield replace(state, step=steps.exit, used=None)

    @staticmethod
    def available(units: list[Unit], used: tuple[int, ...], number: int) -> bool:
        """Units sharing an :order-within: key are used in their written order."""
        unit = units[number]
        if used[number] >= unit.most:
            return False
        if unit.key is None:
            return True
        same_key = [n for n, other in enumerate(units) if other.key == unit.key]
        before = [n for n in same_key if n < number]
        after = [n for n in same_key if n > number]
        return all(used[n] >= units[n].least for n in before) and all(used[n] == 0 for n in after)

    def mirrored(self, units: list[Unit], used: tuple[int, ...], tried: int, candidate: int,
                 bindings: Bindings) -> bool:
        """Whether choosing ``candidate`` mirrors choosing ``tried``: same use so far, and lines that
        differ only by names not yet bound, whose swap leaves the whole block unchanged."""
        first, second = units[tried], units[candidate]
        if (used[tried], first.least, first.most) != (used[candidate], second.least, second.most):
            return False
        swap = self.matcher.renaming(first.lines, second.lines)
        return swap is not None and all(key not in bindings.named for key in swap) \
            and self.matcher.symmetric(frozenset(swap.items()))


class Matcher:
    def __init__(self, expectation: Expectation, context: Context) -> None:
        self.expectation = expectation
        self.context = context
        self.lines = expectation.lines
        self.patterns = [compile_line(line, context) for line in self.lines]
        self.program = Program(expectation, context)
        self.undecided = False  # the last comparison gave up after STEP_LIMIT steps
        self._symmetric: dict[frozenset[tuple[Key, Key]], bool] = {}

    def matches(self, text: str) -> bool:
        verdict = Search(self, terminal_lines(text)).run()
        self.undecided = verdict is None
        return bool(verdict)

    def anchors(self, printed: int) -> list[tuple[int, int]] | None:
        """(expected line, printed line) for the lines whose place is fixed: those before the
        first and after the last part of varying length; None if the line count cannot match."""
        sizes = self._sizes()
        anchors, position = [], 0
        for first, size in sizes:
            if size is None:
                break
            if size == 0:
                anchors.append((first, position))
            position += size or 1
        else:
            return anchors if position == printed else None
        position = printed
        for first, size in reversed(sizes):
            if size is None:
                break
            position -= size or 1
            if size == 0 and position >= 0:
                anchors.append((first, position))
        return anchors

    def _sizes(self) -> list[tuple[int, int | None]]:
        """The block's top-level parts as (first line, printed lines): 0 for a plain line (one
        line, anchorable), N for an :any-order: range of fixed length, None when it varies."""
        expectation = self.expectation
        shaped = [span for span, _ in expectation.repeat] + list(expectation.optional) + [
            range(c[0].start, c[-1].stop) for c in expectation.either]
        parts: list[tuple[int, int | None]] = []
        index = 0
        while index < len(self.lines):
            span = next((s for s in [*expectation.any_order, *shaped] if s.start == index), None)
            if span is None:
                parts.append((index, None if self.lines[index].is_frames else 0))
                index += 1
                continue
            varies = span not in expectation.any_order or any(
                self.lines[i].is_frames or any(i in s for s in shaped) for i in span)
            parts.append((index, None if varies else len(span)))
            index = span.stop
        return parts

    # --- symmetry: names that can be swapped without changing the block ----------------------

    def renaming(self, first: range, second: range) -> dict[Key, Key] | None:
        """The swap of names turning lines ``second`` into lines ``first``, if they differ only so."""
        if len(first) != len(second):
            return None
        swap: dict[Key, Key] = {}
        for one, other in zip(first, second, strict=True):
            a, b = self.lines[one], self.lines[other]
            if len(a.pieces) != len(b.pieces):
                return None
            for piece, mirror in zip(b.pieces, a.pieces, strict=True):
                if isinstance(piece, str) or isinstance(mirror, str) or piece.name is None \
                        or mirror.name is None:
                    if piece != mirror:
                        return None
                    continue
                if piece.kind != mirror.kind:
                    return None
                here, there = (piece.kind, piece.name), (mirror.kind, mirror.name)
                if swap.setdefault(here, there) != there or swap.setdefault(there, here) != here:
                    return None
        return swap

    def symmetric(self, swap: frozenset[tuple[Key, Key]]) -> bool:
        if swap not in self._symmetric:
            self._symmetric[swap] = self._shape(dict(swap)) == self._shape({})
        return self._symmetric[swap]

    def _shape(self, swap: dict[Key, Key]) -> tuple[object, ...]:
        """The block as the matcher sees it, with names swapped: lines outside :any-order: ranges
        in order; each range as a sorted list of its units (sequences keyed for :order-within:)."""
        texts = [self._renamed(line, swap) for line in self.lines]
        ranges = {span.start: span for span in self.expectation.any_order}
        shape: list[object] = []
        index = 0
        while index < len(texts):
            span = ranges.get(index)
            if span is None:
                shape.append(texts[index])
                index += 1
                continue
            pattern = self.expectation.order_within
            keyed: dict[object, list[str]] = {}
            for number in span:
                key = pattern.search(texts[number]) if pattern else None
                keyed.setdefault(key.group(1) if key else ("line", number), []).append(texts[number])
            shape.append(sorted(map(tuple, keyed.values())))
            index = span.stop
        return tuple(shape)

    @staticmethod
    def _renamed(line: Line, swap: dict[Key, Key]) -> str:
        parts = []
        for piece in line.pieces:
            if isinstance(piece, str):
                parts.append(piece)
            else:
                kind, name = swap.get((piece.kind, piece.name or ""), (piece.kind, piece.name))
                parts.append(f"⟨{kind}:{name}⟩" if name else f"⟨{kind}⟩")
        return "".join(parts)

    # --- showing and rewriting ---------------------------------------------------------------

    def align(self, text: str) -> list[str]:
        """The actual lines, each shown as the expected line it lines up with when that line's
        pattern matches it (a run of traceback entries as ``⟨frames⟩``), so that a diff shows
        only the real differences."""
        return [shown for shown, _, _ in Alignment(self, terminal_lines(text)).folded()]

    def fold(self, text: str) -> list[str]:
        """A body for this block, written from a run: lines that line up with an expected line
        keep its placeholders, the others are shown as printed.  The options stay as written, so
        the result must match the run with them, or :class:`FoldError` says why it cannot."""
        if self.expectation.varies_in_shape:
            raise FoldError("a block with :repeat:, :either: or :optional: is not rewritten from a "
                            "run; edit it by hand")
        folded = Alignment(self, terminal_lines(text)).folded()
        for span in self.expectation.any_order:
            if [n for n, (_, _, e) in enumerate(folded) if e in span] != list(span):
                raise FoldError(f"cannot keep the :any-order: range {span.start + 1}-{span.stop} on the "
                                "same lines: lines were added or lost around it; edit the block by hand")
        # When the placeholders kept would take conflicting values, show the run as printed.
        for lines in ([shown for shown, _, _ in folded],
                      [printed.replace(self.context.dir, DIR_PLACEHOLDER) for _, printed, _ in folded]):
            try:
                rewritten = parse_expectation(self.expectation.options, "\n".join(lines))
            except NotationError as error:
                raise FoldError(f"the block rewritten from this run would be invalid: {error}") from None
            if Matcher(rewritten, self.context).matches(text):
                return lines
        raise FoldError("the block rewritten from this run would not match it with the same options; "
                        "edit it by hand")


class Alignment:
    """Line up expected and actual lines: the most pairs whose patterns match, in order (a line
    of an :any-order: range may pair with a line matching any line of its range; ⟨frames⟩ pairs
    with a run of traceback entries).  Lines of the same text around the differences are paired
    first, so that only the part between them costs quadratic time."""

    def __init__(self, matcher: Matcher, actual: list[str]) -> None:
        self.matcher = matcher
        self.actual = actual
        self.range_of = {i: span for span in matcher.expectation.any_order for i in span}
        self.unused = set(range(len(matcher.lines)))

    def pairs(self, expected: int, actual: int) -> bool:
        lines, patterns = self.matcher.lines, self.matcher.patterns
        if lines[expected].is_frames:
            return self.is_frame_line(actual)
        return any(not lines[i].is_frames and patterns[i].fullmatch(self.actual[actual])
                   for i in self.range_of.get(expected, (expected,)))

    def folded(self) -> list[tuple[str, str, int | None]]:
        """(line shown, line printed, expected line it pairs with) for each printed line; a run
        of entries paired with ⟨frames⟩ is shown as one ⟨frames⟩ line."""
        expected, actual = len(self.matcher.lines), len(self.actual)
        head = 0
        while head < min(expected, actual) and self.plain_pair(head, head):
            head += 1
        tail = 0
        while tail < min(expected, actual) - head and self.plain_pair(expected - 1 - tail, actual - 1 - tail):
            tail += 1
        middle = self.middle(range(head, expected - tail), range(head, actual - tail))
        paired = {**{i: i for i in range(head)}, **middle,
                  **{actual - 1 - t: expected - 1 - t for t in range(tail)}}
        shown: list[tuple[str, str, int | None]] = []
        for position, printed in enumerate(self.actual):
            line = self.shown(paired[position], position) if position in paired else None
            if line == FRAMES_LINE and shown and shown[-1][0] == FRAMES_LINE:
                continue
            written = line or printed.replace(self.matcher.context.dir, DIR_PLACEHOLDER)
            shown.append((written, printed, paired[position] if line else None))
        return shown

    def plain_pair(self, expected: int, actual: int) -> bool:
        line = self.matcher.lines[expected]
        return (expected not in self.range_of and not line.is_frames
                and bool(self.matcher.patterns[expected].fullmatch(self.actual[actual])))

    def middle(self, expected: range, actual: range) -> dict[int, int]:
        """Actual line -> expected line, for the most pairs in order (dynamic programming)."""
        if len(expected) * len(actual) > MAX_ALIGNMENT_CELLS:
            return {}
        columns = len(actual) + 1
        best = [[0] * columns for _ in range(len(expected) + 1)]
        for e in reversed(range(len(expected))):
            for a in reversed(range(len(actual))):
                options = [best[e + 1][a], best[e][a + 1]]
                if self.pairs(expected[e], actual[a]):
                    # ⟨frames⟩ may stay to take the next line of its run too
                    stay = self.matcher.lines[expected[e]].is_frames
                    options.append(1 + best[e + 1][a + 1])
                    if stay:
                        options.append(1 + best[e][a + 1])
                best[e][a] = max(options)
        paired: dict[int, int] = {}
        e = a = 0
        while e < len(expected) and a < len(actual):
            frames = self.matcher.lines[expected[e]].is_frames
            if self.pairs(expected[e], actual[a]) and best[e][a] == 1 + best[e + 1][a + 1]:
                paired[actual[a]] = expected[e]
                e, a = e + 1, a + 1
            elif frames and self.pairs(expected[e], actual[a]) and best[e][a] == 1 + best[e][a + 1]:
                paired[actual[a]] = expected[e]
                a += 1
            elif best[e][a] == best[e + 1][a]:
                e += 1
            else:
                a += 1
        return paired

    def shown(self, expected: int, actual: int) -> str | None:
        """The written line for a printed line paired with ``expected``: that line, or for a line
        of an :any-order: range the nearest not yet shown line of the range that matches."""
        lines = self.matcher.lines
        if lines[expected].is_frames:
            return FRAMES_LINE if self.is_frame_line(actual) else None
        candidates = self.range_of.get(expected, range(expected, expected + 1))
        for i in sorted(candidates, key=lambda i: (i not in self.unused, abs(i - expected))):
            if not lines[i].is_frames and self.matcher.patterns[i].fullmatch(self.actual[actual]):
                self.unused.discard(i)
                return lines[i].text
        return None

    def is_frame_line(self, actual: int) -> bool:
        text = self.actual[actual]
        return bool(FRAME_START.fullmatch(text)) or text.startswith(FRAME_DETAIL)
