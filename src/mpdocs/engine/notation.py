"""The notation of an ``{output}`` block: its options and its placeholders.

An output block is literal text except for placeholders written ``⟨kind⟩`` or
``⟨kind:name⟩``.  The angle brackets are U+27E8/U+27E9, which no program of the
tutorial prints, so a placeholder cannot be mistaken for output such as
``{'m': 20}`` or ``<Process ...>``.  Each kind matches one narrow thing; there is
deliberately no kind that matches anything.

This module is shared by the test engine and the Sphinx extension, so the page
renders exactly what the engine checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

START_METHODS = ("fork", "spawn", "forkserver")
DEFAULT_TIMEOUT = 20.0  # seconds; a block may raise it with :timeout:


@dataclass(frozen=True)
class Kind:
    """What a placeholder stands for."""

    label: str  # shown to readers in place of the placeholder
    meaning: str  # tooltip for readers
    pattern: str | None = None  # regex, or None when the value comes from the run
    distinct: bool = False  # different names must take different values


KINDS = {
    "pid": Kind("进程号", "进程号：每次运行都不同", r"[1-9][0-9]*", distinct=True),
    "int": Kind("整数", "一个整数，每次运行可能不同", r"-?[0-9]+"),
    "float": Kind("小数", "一个小数（如耗时），每次运行都不同", r"-?[0-9]+\.[0-9]+"),
    "cpu_count": Kind("CPU 核数", "你的机器的 CPU 核数"),
    "dir": Kind("所在目录", "程序文件所在的目录"),
}
#: A whole line standing for one or more traceback entries (``File "…", line N``
#: and their source lines), which differ between Python versions.
FRAMES = "frames"
FRAMES_KIND = Kind("调用栈", "标准库内部的调用栈，随 Python 版本不同")
FRAMES_LINE = "  ⟨frames⟩"  # indented like the entries it stands for

PLACEHOLDER = re.compile(r"⟨([a-z_]+)(?::([^⟩\s]+))?⟩")


class NotationError(ValueError):
    """An output block that cannot be understood."""


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


@dataclass(frozen=True)
class PythonVersions:
    """The Python versions a block is for, as written: ``>=3.12``, ``<3.12`` or ``3.11``."""

    operator: str  # ">=", "<" or "=="
    minor: int  # of Python 3

    def __contains__(self, version: tuple[int, ...]) -> bool:
        here, bound = tuple(version[:2]), (3, self.minor)
        return {">=": here >= bound, "<": here < bound, "==": here == bound}[self.operator]

    def describe(self) -> str:
        """For readers, in Chinese."""
        return {">=": f"Python 3.{self.minor} 及以上版本", "<": f"Python 3.{self.minor} 之前的版本",
                "==": f"Python 3.{self.minor}"}[self.operator]


def parse_python(value: str) -> PythonVersions:
    match = re.fullmatch(r"\s*(>=|<|==)?\s*3\.(\d+)\s*", value)
    if not match:
        raise NotationError(f":python: takes '>=3.12', '<3.12' or '3.11', not {value!r}")
    return PythonVersions(match[1] or "==", int(match[2]))


@dataclass(frozen=True)
class Expectation:
    """Everything an ``{output}`` block declares."""

    lines: tuple[Line, ...]
    methods: tuple[str, ...] | None = None  # None: every start method
    exit_status: int = 0
    timeout: float = DEFAULT_TIMEOUT
    stop_after: float | None = None
    any_order: tuple[range, ...] = ()  # 0-based line index ranges
    order_within: re.Pattern[str] | None = None
    python: PythonVersions | None = None  # None: every Python version
    options: dict[str, str] = field(default_factory=dict)  # as written, for the update mode


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
    texts = [line.rstrip() for line in body.splitlines()]
    while texts and not texts[-1]:
        texts.pop()
    lines = tuple(Line(text, split_line(text)) for text in texts)
    for line in lines:
        if any(isinstance(p, Placeholder) and p.kind == FRAMES for p in line.pieces) \
                and not line.is_frames:
            raise NotationError("⟨frames⟩ must stand alone on its line, indented by two spaces")
    return lines


def parse_methods(value: str) -> tuple[str, ...]:
    methods = tuple(value.replace(",", " ").split())
    unknown = [m for m in methods if m not in START_METHODS]
    if unknown or not methods:
        raise NotationError(f":methods: takes some of {', '.join(START_METHODS)}, not {value!r}")
    return methods


def parse_ranges(value: str, line_count: int) -> tuple[range, ...]:
    ranges = []
    for part in value.replace(",", " ").split():
        first, _, last = part.partition("-")
        try:
            start, stop = int(first), int(last or first)
        except ValueError:
            raise NotationError(f":any-order: takes line ranges like '2-5 7', not {value!r}") from None
        if not 1 <= start < stop + 1 <= line_count + 1:
            raise NotationError(f":any-order: range {part} is outside lines 1-{line_count}")
        ranges.append(range(start - 1, stop))
    ranges.sort(key=lambda r: r.start)
    for before, after in zip(ranges, ranges[1:]):
        if before.stop > after.start:
            raise NotationError(f":any-order: ranges overlap in {value!r}")
    return tuple(ranges)


def parse_seconds(name: str, value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        raise NotationError(f":{name}: takes seconds, not {value!r}") from None
    if seconds <= 0:
        raise NotationError(f":{name}: must be positive")
    return seconds


OPTIONS = ("methods", "python", "exit-status", "timeout", "stop-after", "any-order", "order-within")


def parse_expectation(options: dict[str, str], body: str) -> Expectation:
    """Build an :class:`Expectation` from a block's options and body."""
    unknown = sorted(set(options) - set(OPTIONS))
    if unknown:
        raise NotationError(f"unknown option(s) {', '.join(unknown)}; known: {', '.join(OPTIONS)}")
    lines = parse_lines(body)
    if not lines:
        raise NotationError("an output block must not be empty")
    any_order = parse_ranges(options["any-order"], len(lines)) if "any-order" in options else ()
    if any(lines[i].is_frames for r in any_order for i in r):
        raise NotationError("⟨frames⟩ cannot be inside an :any-order: range")
    order_within = None
    if "order-within" in options:
        if not any_order:
            raise NotationError(":order-within: only makes sense with :any-order:")
        try:
            order_within = re.compile(options["order-within"])
        except re.error as error:
            raise NotationError(f":order-within: is not a regular expression: {error}") from None
        if order_within.groups != 1:
            raise NotationError(":order-within: needs exactly one group, the key of a sequence")
    stop_after = parse_seconds("stop-after", options["stop-after"]) if "stop-after" in options else None
    timeout = parse_seconds("timeout", options["timeout"]) if "timeout" in options else DEFAULT_TIMEOUT
    if stop_after is not None and "exit-status" in options:
        raise NotationError(":stop-after: stops the program, so it has no :exit-status:")
    try:
        exit_status = int(options.get("exit-status", "0"))
    except ValueError:
        raise NotationError(f":exit-status: takes an integer, not {options['exit-status']!r}") from None
    return Expectation(
        lines=lines,
        methods=parse_methods(options["methods"]) if "methods" in options else None,
        exit_status=exit_status,
        timeout=timeout if stop_after is None else max(timeout, stop_after + 5),
        stop_after=stop_after,
        any_order=any_order,
        order_within=order_within,
        python=parse_python(options["python"]) if "python" in options else None,
        options=dict(options),
    )
