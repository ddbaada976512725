"""The notation of an ``{output}`` block: its options and its placeholders.

An output block is literal text except for placeholders written ``⟨kind⟩`` or
``⟨kind:name⟩``.  The angle brackets are U+27E8/U+27E9, which no program of the
tutorial prints, so a placeholder cannot be mistaken for output such as
``{'m': 20}`` or ``<Process ...>``.  Each kind matches one narrow thing; there is
deliberately no kind that matches anything.  Options that vary the shape of
the output (``:any-order:``, ``:together:``, ``:repeat:``, ``:either:``,
``:optional:``) name the lines they apply to, by number.

This module is shared by the test engine and the Sphinx extension, so the page
renders exactly what the engine checks.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

START_METHODS = ("fork", "spawn", "forkserver")
# ``:methods: default``: run with no start method imposed, as a reader on that release runs it
DEFAULT_METHOD = "default"
DEFAULT_TIMEOUT = 20.0  # seconds; a block may raise it with :timeout:


@dataclass(frozen=True)
class Kind:
    """What a placeholder stands for."""

    label: str  # shown to readers in place of the placeholder
    meaning: str  # explanation shown to readers under the block
    pattern: str | None = None  # regex, or None when the value comes from the run
    distinct: bool = False  # different names must take different values, and unnamed ones differ from them


# tempfile's random names: 8 characters of this alphabet (multiprocessing's temp dir,
# listener sockets and semaphore names all use them); shared memory uses hex digits.
_TEMPFILE_CHARS = "[a-z0-9_]{8}"

KINDS = {
    "pid": Kind("进程号", "每次运行都不同；不同名字的进程号互不相同", r"[1-9][0-9]*", distinct=True),
    "int": Kind("整数", "一个整数，每次运行可能不同", r"-?[0-9]+"),
    "id": Kind("编号", "一个非负整数编号（如线程号、id() 的值）；不同名字的编号互不相同", r"[0-9]+",
               distinct=True),
    "float": Kind("小数", "一个小数（如耗时），每次运行都不同", r"-?[0-9]+\.[0-9]+"),
    "addr": Kind("内存地址", "以 0x 开头的十六进制内存地址；不同名字的地址互不相同", r"0x[0-9a-f]+",
                 distinct=True),
    "pymp_dir": Kind("临时目录名", "multiprocessing 的临时目录名，形如 pymp-xxxxxxxx",
                     f"pymp-{_TEMPFILE_CHARS}", distinct=True),
    "listener": Kind("套接字名", "multiprocessing 的套接字文件名，形如 listener-xxxxxxxx",
                     f"listener-{_TEMPFILE_CHARS}", distinct=True),
    "shm_name": Kind("共享内存名", "共享内存块的随机名字，形如 psm_ 加 8 个十六进制数字",
                     r"psm_[0-9a-f]{8}", distinct=True),
    "sem_name": Kind("信号量名", "信号量的随机名字，形如 /mp-xxxxxxxx", f"/mp-{_TEMPFILE_CHARS}",
                     distinct=True),
    "cpu_count": Kind("CPU 核数", "你的机器的 CPU 核数"),
    "dir": Kind("所在目录", "程序文件所在的目录"),
    "stdlib": Kind("标准库目录", "Python 标准库所在的目录，如 /usr/lib/python3.14，随安装位置不同"),
}
DIR_PLACEHOLDER = "⟨dir⟩"  # the run directory, wherever it appears in output
#: A whole line standing for one or more traceback entries (``File "…", line N``
#: and their source lines), which differ between Python versions.
FRAMES = "frames"
FRAMES_KIND = Kind("调用栈", "一段或几段调用栈（标准库内部的调用，随 Python 版本不同）")
FRAMES_LINE = "  ⟨frames⟩"  # indented like the entries it stands for

PLACEHOLDER = re.compile(r"⟨([a-z_]+)(?::([^⟩\s]+))?⟩")


class NotationError(ValueError):
    """An output block that cannot be understood."""


def terminal_lines(text: str) -> list[str]:
    """The lines a terminal shows for ``text``, without trailing blanks or blank last lines.

    A carriage return moves back to the start of the line, so later characters
    overwrite earlier ones (progress bars); only a newline starts a new line."""
    lines = [_render_line(line).rstrip() for line in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _render_line(line: str) -> str:
    if "\r" not in line:
        return line
    cells: list[str] = []  # one per terminal column; "" is the right half of a wide character
    column = 0
    for char in line:
        if char == "\r":
            column = 0
            continue
        width = 2 if unicodedata.east_asian_width(char) in "WF" else 1
        cells.extend(" " * (column + width - len(cells)))
        if column + width < len(cells) and cells[column + width] == "":
            cells[column + width] = " "  # overwrote the left half of a wide character
        if cells[column] == "" and column:
            cells[column - 1] = " "  # overwrote the right half of a wide character
        cells[column:column + width] = [char, ""][:width]
        column += width
    return "".join(cells)


@dataclass(frozen=True)
class Placeholder:
    kind: str
    name: str | None


@dataclass(frozen=True)
class Line:
    """One expected line: literal text pieces alternating with placeholders."""

    text: str
    pieces: tuple[str | Placeholder, ...]

    @property
    def is_frames(self) -> bool:
        return self.text == FRAMES_LINE

    @property
    def placeholders(self) -> tuple[Placeholder, ...]:
        return tuple(p for p in self.pieces if isinstance(p, Placeholder))


@dataclass(frozen=True)
class VersionBound:
    operator: str  # ">=", ">", "<=", "<" or "=="
    version: tuple[int, ...]  # (3, 13) or (3, 13, 8)

    def admits(self, version: Sequence[int]) -> bool:
        # Compared at the bound's precision: "<3.14" admits 3.13.18, "==3.14" admits 3.14.2.
        here = tuple(version[:len(self.version)])
        return {">=": here >= self.version, ">": here > self.version, "<=": here <= self.version,
                "<": here < self.version, "==": here == self.version}[self.operator]

    def phrase(self) -> str:
        written = ".".join(map(str, self.version))
        return {">=": f"{written} 及以上", ">": f"{written} 之后", "<=": f"{written} 及以前",
                "<": f"{written} 之前", "==": written}[self.operator]


@dataclass(frozen=True)
class PythonVersions:
    """The Python releases a block is for, as written: ``>=3.13.8``, ``<3.12``, ``3.11``,
    or several bounds that must all hold: ``>=3.13.8,<3.14``."""

    bounds: tuple[VersionBound, ...]

    def __contains__(self, version: Sequence[int]) -> bool:
        return all(bound.admits(version) for bound in self.bounds)

    def describe(self) -> str:
        """For readers, in Chinese."""
        if len(self.bounds) == 1 and self.bounds[0].operator == "==":
            return f"Python {self.bounds[0].phrase()}"
        return f"Python {'、'.join(bound.phrase() for bound in self.bounds)}的版本"


_BOUND = re.compile(r"\s*(>=|<=|==|<|>)?\s*(3\.\d+(?:\.\d+)?)\s*")


def parse_python(value: str) -> PythonVersions:
    bounds = []
    for part in value.split(","):
        match = _BOUND.fullmatch(part)
        if not match:
            raise NotationError(f":python: takes bounds like '>=3.13.8', '<3.12', '3.11' or "
                                f"'>=3.13.8,<3.14', not {value!r}")
        bounds.append(VersionBound(match[1] or "==", tuple(map(int, match[2].split(".")))))
    return PythonVersions(tuple(bounds))


class Covering:
    """Which start methods and Python releases a declaration is about (one rule for all)."""

    methods: tuple[str, ...] | None  # None: every start method
    python: PythonVersions | None  # None: every Python release

    def covers_release(self, version: Sequence[int]) -> bool:
        return self.python is None or version in self.python

    def covers(self, method: str, version: Sequence[int]) -> bool:
        return (self.methods is None or method in self.methods) and self.covers_release(version)

    def describe_methods(self) -> str | None:
        """For readers, in Chinese: the start methods, unless the block is for all of them."""
        if self.methods == (DEFAULT_METHOD,):
            return "不指定启动方式，即这个版本在 Linux 上的默认方式"
        if self.methods and len(self.methods) < len(START_METHODS):
            return f"{'、'.join(self.methods)} 启动方式"
        return None


@dataclass(frozen=True)
class Count:
    """How many times a repeated span appears: a fixed range, or the machine's CPU count."""

    least: int
    most: int
    cpu_count: bool = False

    def describe(self) -> str:
        if self.cpu_count:
            return "重复 CPU 核数次"
        if self.least == self.most:
            return f"重复 {self.least} 次"
        return f"重复 {self.least}–{self.most} 次"


@dataclass(frozen=True)
class Expectation(Covering):
    """Everything an ``{output}`` block declares.  Line spans are 0-based ranges."""

    lines: tuple[Line, ...]
    methods: tuple[str, ...] | None = None
    exit_status: int = 0
    timeout: float = DEFAULT_TIMEOUT
    stop_after: float | None = None
    any_order: tuple[range, ...] = ()
    order_within: re.Pattern[str] | None = None
    python: PythonVersions | None = None
    together: tuple[range, ...] = ()  # groups that move as one unit inside an :any-order: range
    repeat: tuple[tuple[range, Count], ...] = ()
    either: tuple[tuple[range, ...], ...] = ()  # each: alternatives, exactly one appears
    optional: tuple[range, ...] = ()
    options: dict[str, str] = field(default_factory=dict)  # as written, for the update mode

    @property
    def varies_in_shape(self) -> bool:
        """Whether the number of lines printed may differ from the number written."""
        return bool(self.repeat or self.either or self.optional)


@dataclass(frozen=True)
class NotApplicable(Covering):
    """A ``{not-applicable}`` block: where the program before it is not meant to run, and why."""

    reason: str
    methods: tuple[str, ...] | None = None
    python: PythonVersions | None = None

    def describe(self) -> str:
        """For readers, in Chinese: where the program does not apply."""
        where = [methods] if (methods := self.describe_methods()) else []
        if self.python is not None:
            where.append(self.python.describe())
        return "；".join(where)


def split_line(text: str) -> tuple[str | Placeholder, ...]:
    pieces: list[str | Placeholder] = []
    position = 0
    for match in PLACEHOLDER.finditer(text):
        kind, name = match.groups()
        if kind != FRAMES and kind not in KINDS:
            raise NotationError(f"unknown placeholder {match.group()!r}; known kinds: "
                                f"{', '.join([*KINDS, FRAMES])}")
        if match.start() > position:
            pieces.append(text[position:match.start()])
        pieces.append(Placeholder(kind, name))
        position = match.end()
    if position < len(text):
        pieces.append(text[position:])
    if "⟨" in "".join(p for p in pieces if isinstance(p, str)):
        raise NotationError(f"unclosed or malformed placeholder in line {text!r}")
    return tuple(pieces)


def parse_lines(body: str) -> tuple[Line, ...]:
    lines = tuple(Line(text, split_line(text)) for text in terminal_lines(body))
    for line in lines:
        if any(p.kind == FRAMES for p in line.placeholders) and not line.is_frames:
            raise NotationError("⟨frames⟩ must stand alone on its line, indented by two spaces")
    return lines


def parse_methods(value: str) -> tuple[str, ...]:
    methods = tuple(value.replace(",", " ").split())
    if methods == (DEFAULT_METHOD,):
        return methods
    unknown = [m for m in methods if m not in START_METHODS]
    if unknown or not methods:
        raise NotationError(f":methods: takes some of {', '.join(START_METHODS)}, or "
                            f"{DEFAULT_METHOD} alone, not {value!r}")
    return methods


def parse_span(name: str, part: str, line_count: int) -> range:
    """``3`` or ``2-5`` (1-based, inclusive) as a 0-based range of line indices."""
    first, _, last = part.partition("-")
    try:
        start, stop = int(first), int(last or first)
    except ValueError:
        raise NotationError(f":{name}: takes line numbers like '2-5 7', not {part!r}") from None
    if not 1 <= start < stop + 1 <= line_count + 1:
        raise NotationError(f":{name}: range {part} is outside lines 1-{line_count}")
    return range(start - 1, stop)


def parse_ranges(value: str, line_count: int, name: str = "any-order") -> tuple[range, ...]:
    ranges = sorted((parse_span(name, part, line_count) for part in value.replace(",", " ").split()),
                    key=lambda r: r.start)
    if not ranges:
        raise NotationError(f":{name}: needs line numbers like '2-5 7'")
    for before, after in zip(ranges, ranges[1:], strict=False):
        if before.stop > after.start:
            raise NotationError(f":{name}: ranges overlap in {value!r}")
    return tuple(ranges)


_COUNT = re.compile(r"(\d+)(?:-(\d+))?")


def parse_count(value: str) -> Count:
    if value == "cpu_count":
        return Count(1, 1, cpu_count=True)
    match = _COUNT.fullmatch(value)
    least, most = (int(match[1]), int(match[2] or match[1])) if match else (0, -1)
    if not 1 <= least <= most:
        raise NotationError(f":repeat: counts are 'cpu_count', 'N' or 'N-M' (1 <= N <= M), not {value!r}")
    return Count(least, most)


def parse_repeat(value: str, line_count: int) -> tuple[tuple[range, Count], ...]:
    """``3:cpu_count 5-6:1-4``: line 3 appears once per CPU, lines 5-6 one to four times."""
    spans, counts = [], {}
    for part in value.split():
        lines, colon, count = part.partition(":")
        if not colon:
            raise NotationError(f":repeat: takes 'LINES:COUNT' like '3:cpu_count 5-6:1-4', not {part!r}")
        span = parse_span("repeat", lines, line_count)
        spans.append(lines)
        counts[span] = parse_count(count)
    ranges = parse_ranges(" ".join(spans), line_count, "repeat")
    return tuple((span, counts[span]) for span in ranges)


def parse_either(value: str, line_count: int) -> tuple[tuple[range, ...], ...]:
    """``2/3 6-7/8``: exactly one of lines 2 and 3 appears; either lines 6-7 or line 8."""
    choices = []
    for part in value.split():
        alternatives = tuple(parse_span("either", alternative, line_count) for alternative in part.split("/"))
        if len(alternatives) < 2:
            raise NotationError(f":either: names two or more alternatives like '2/3', not {part!r}")
        for before, after in zip(alternatives, alternatives[1:], strict=False):
            if before.stop != after.start:
                raise NotationError(f":either: alternatives must be written one after another, as in "
                                    f"'2/3' or '2-3/4', not {part!r}")
        choices.append(alternatives)
    return tuple(choices)


def parse_seconds(name: str, value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise NotationError(f":{name}: takes seconds, not {value!r}") from None
    if not math.isfinite(seconds) or seconds <= 0:
        raise NotationError(f":{name}: takes a finite number of seconds greater than 0, not {value!r}")
    return seconds


def option_text(name: str, value: object) -> str:
    """An option's value as text.  MyST reads option values as YAML, so a value starting with
    ``>`` must be quoted there (``:python: ">=3.13.8"``) and its YAML option blocks give numbers
    and lists; the quotes are taken off here as MyST takes them off for the Sphinx build."""
    if isinstance(value, str):
        quoted = len(value) >= 2 and value[0] == value[-1] and value[0] in "'\""
        return value[1:-1] if quoted else value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list | tuple) and all(isinstance(item, str | int) for item in value):
        return " ".join(map(str, value))
    raise NotationError(f":{name}: takes text or a number, not {value!r}")


OPTIONS = ("methods", "python", "exit-status", "timeout", "stop-after", "any-order", "order-within",
           "together", "repeat", "either", "optional")


def _check_order_within(pattern: str, lines: tuple[Line, ...],
                        any_order: tuple[range, ...]) -> re.Pattern[str]:
    if not any_order:
        raise NotationError(":order-within: only makes sense with :any-order:")
    try:
        order_within = re.compile(pattern)
    except re.error as error:
        raise NotationError(f":order-within: is not a regular expression: {error}") from None
    if order_within.groups != 1:
        raise NotationError(":order-within: needs exactly one group, the key of a sequence")
    for lines_range in any_order:
        if not any(order_within.search(lines[i].text) for i in lines_range):
            raise NotationError(f":order-within: {pattern!r} matches no line of the :any-order: range "
                                f"{lines_range.start + 1}-{lines_range.stop}")
    return order_within


def _within(inner: range, outer: range) -> bool:
    return outer.start <= inner.start and inner.stop <= outer.stop


def _overlap(first: range, second: range) -> bool:
    return first.start < second.stop and second.start < first.stop


def _check_shapes(expectation: Expectation) -> None:
    """Reject combinations whose meaning would be unclear."""
    for group in expectation.together:
        if not any(_within(group, r) for r in expectation.any_order):
            raise NotationError(":together: groups move inside an :any-order: range; this one is in none")
    for index in (i for r in expectation.any_order for i in r):
        if expectation.lines[index].is_frames and not any(index in g for g in expectation.together):
            raise NotationError("⟨frames⟩ inside an :any-order: range must be part of a :together: group")
    shaped = [span for span, _ in expectation.repeat] + list(expectation.optional) + [
        range(choice[0].start, choice[-1].stop) for choice in expectation.either]
    for first_index, first in enumerate(shaped):
        if any(_overlap(first, second) for second in shaped[first_index + 1:]):
            raise NotationError(":repeat:, :either: and :optional: must name different lines")
        units = [*expectation.together, *expectation.any_order]
        if any(_overlap(first, unit) and not _within(first, unit) for unit in units):
            raise NotationError(":repeat:, :either: and :optional: spans must lie wholly inside or "
                                "outside each :together: group and :any-order: range")
        if any(expectation.lines[i].is_frames for i in first):
            raise NotationError("⟨frames⟩ cannot be repeated, optional or an alternative")


def parse_expectation(options: Mapping[str, object], body: str) -> Expectation:
    """Build an :class:`Expectation` from a block's options and body."""
    unknown = sorted(set(options) - set(OPTIONS))
    if unknown:
        raise NotationError(f"unknown option(s) {', '.join(unknown)}; known: {', '.join(OPTIONS)}")
    written = {name: option_text(name, value) for name, value in options.items()}
    lines = parse_lines(body)
    if not lines:
        raise NotationError("an output block must not be empty")

    def spans(name: str) -> tuple[range, ...]:
        return parse_ranges(written[name], len(lines), name) if name in written else ()

    any_order = spans("any-order")
    order_within = (_check_order_within(written["order-within"], lines, any_order)
                    if "order-within" in written else None)
    stop_after = parse_seconds("stop-after", written["stop-after"]) if "stop-after" in written else None
    timeout = parse_seconds("timeout", written["timeout"]) if "timeout" in written else DEFAULT_TIMEOUT
    if stop_after is not None and "exit-status" in written:
        raise NotationError(":stop-after: stops the program, so it has no :exit-status:")
    try:
        exit_status = int(written.get("exit-status", "0"))
    except ValueError:
        raise NotationError(f":exit-status: takes an integer, not {written['exit-status']!r}") from None
    expectation = Expectation(
        lines=lines,
        methods=parse_methods(written["methods"]) if "methods" in written else None,
        exit_status=exit_status,
        timeout=timeout if stop_after is None else max(timeout, stop_after + 5),
        stop_after=stop_after,
        any_order=any_order,
        order_within=order_within,
        python=parse_python(written["python"]) if "python" in written else None,
        together=spans("together"),
        repeat=parse_repeat(written["repeat"], len(lines)) if "repeat" in written else (),
        either=parse_either(written["either"], len(lines)) if "either" in written else (),
        optional=spans("optional"),
        options=written,
    )
    _check_shapes(expectation)
    return expectation


def parse_not_applicable(options: Mapping[str, object], body: str) -> NotApplicable:
    """A ``{not-applicable}`` block: ``:methods:`` and/or ``:python:``, and the reason as its body."""
    unknown = sorted(set(options) - {"methods", "python"})
    if unknown:
        raise NotationError(f"unknown option(s) {', '.join(unknown)}; known: methods, python")
    if not options:
        raise NotationError("{not-applicable} must say where: :methods:, :python: or both")
    written = {name: option_text(name, value) for name, value in options.items()}
    reason = " ".join(body.split())
    if not reason:
        raise NotationError("{not-applicable} needs the reason readers see, as its body")
    return NotApplicable(
        reason,
        methods=parse_methods(written["methods"]) if "methods" in written else None,
        python=parse_python(written["python"]) if "python" in written else None,
    )
