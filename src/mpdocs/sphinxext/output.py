"""The ``{output}`` and ``{not-applicable}`` directives: check a block and build its doctree.

The block is validated with the engine's own notation parser, so the page
shows exactly the lines the tests check.  Everything the notation declares is
explained in visible text under the block (readers are often on phones, where
tooltips do not show).
"""

from __future__ import annotations

import signal
from collections.abc import Iterator

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from mpdocs.engine.notation import (
    DEFAULT_METHOD,
    FRAMES,
    FRAMES_KIND,
    KINDS,
    OPTIONS,
    Covering,
    Expectation,
    Kind,
    NotationError,
    Placeholder,
    parse_expectation,
    parse_not_applicable,
)
from mpdocs.sphinxext.platform_defaults import RELEASES, checked_version, default_phrase

TITLE = "运行结果"
NOT_APPLICABLE = "不适用"
ANY_ORDER_NOTE = "标有竖线的几行，先后顺序每次运行可能不同。"
TOGETHER_NOTE = "框在一起的几行总是连在一起出现，作为一个整体和其他行交换先后顺序。"
REPEAT_NOTE = "标有“重复”的行会按所标的次数出现。"
EITHER_NOTE = "标有“选一”的几行，每次运行只出现其中一个，取决于哪个进程先执行到。"
OPTIONAL_NOTE = "标有“可能没有”的行，有的运行中不会出现。"
PLACEHOLDER_NOTE = "虚线框里的内容，在你的电脑上运行时可能不一样："
# {example}: the first named placeholder of the block, shown as in the block.
NAMES_NOTE = "标着同一名字的几处（如 {example}）是同一个{what}。"
SAME_PROCESS = "进程"
SAME_VALUE = "值"
EXIT_NOTE = "退出状态 {status}：程序以出错结束（0 表示正常结束）。"
KILLED_NOTE = "退出状态 {status}：程序被信号 {signal} 强行结束（0 表示正常结束）。"
CHOICE_NAMES = {2: "二选一", 3: "三选一", 4: "四选一"}


class output_block(nodes.container):
    """A rendered output block: header, expected lines and notes."""


class output_body(nodes.literal_block):
    """The expected lines.  Other writers treat it as a literal block; HTML never highlights it."""


class output_placeholder(nodes.inline):
    """A placeholder shown by its ``label`` and ``name``; its ``meaning`` becomes the tooltip."""


def mark_covering(block: output_block, covering: Covering) -> None:
    """Record which start methods and checked releases a block is for, for the tab sets
    (:mod:`mpdocs.sphinxext.tabs`): ``methods`` empty means every method."""
    methods = covering.methods or ()
    block["methods"] = [] if methods == (DEFAULT_METHOD,) else list(methods)
    block["releases"] = [r for r in RELEASES if covering.covers_release(checked_version(r))]
    block["python"] = covering.python.describe() if covering.python else ""


def cover_text(covering: Covering) -> str:
    """For readers, in Chinese: the releases and start methods a block is for, and where each
    of its start methods is the default; empty for a block that is for every case."""
    conditions = [covering.python.describe()] if covering.python else []
    methods = covering.describe_methods()
    if methods and covering.methods == (DEFAULT_METHOD,):
        conditions.append(methods)
    elif methods and covering.methods:
        conditions.append(f"仅 {methods}：{default_phrase(covering.methods)}")
    return "；".join(conditions)


class OutputDirective(SphinxDirective):
    has_content = True
    option_spec = dict.fromkeys(OPTIONS, directives.unchanged)

    def run(self) -> list[nodes.Node]:
        text = "\n".join(self.content)
        try:
            expectation = parse_expectation(self.options, text)
        except NotationError as error:
            raise self.error(f"invalid {{output}} block: {error}") from None
        block = output_block()
        self.set_source_info(block)
        mark_covering(block, expectation)
        block += _header(expectation)
        block += _body(expectation, text)
        block += list(_notes(expectation))
        return [block]


class NotApplicableDirective(SphinxDirective):
    """``{not-applicable}``: the program before it does not apply under these start methods or
    Python releases; the body is the reason readers see."""

    has_content = True
    option_spec = {"methods": directives.unchanged, "python": directives.unchanged}

    def run(self) -> list[nodes.Node]:
        try:
            declared = parse_not_applicable(self.options, "\n".join(self.content))
        except NotationError as error:
            raise self.error(f"invalid {{not-applicable}} block: {error}") from None
        panel = output_block(classes=["mp-not-applicable"])
        self.set_source_info(panel)
        mark_covering(panel, declared)
        text = nodes.paragraph(classes=["mp-output-header"])
        text += nodes.inline("", NOT_APPLICABLE, classes=["mp-output-title"])
        text += _cover(declared)
        text += nodes.Text(f"：{declared.reason}")
        panel += text
        return [panel]


def _cover(covering: Covering) -> list[nodes.inline]:
    """The block's conditions, in a span of their own: a tab label repeats them, so a tab set hides it."""
    text = cover_text(covering)
    return [nodes.inline("", f"（{text}）", classes=["mp-output-cover"])] if text else []


def _header(expectation: Expectation) -> nodes.paragraph:
    header = nodes.paragraph(classes=["mp-output-header"])
    header += nodes.inline("", TITLE, classes=["mp-output-title"])
    header += _cover(expectation)
    if expectation.stop_after is not None:
        header += nodes.inline("", f"（运行 {expectation.stop_after:g} 秒后按 Ctrl+C 停止）",
                               classes=["mp-output-when"])
    if expectation.exit_status:
        header += nodes.inline("", f"退出状态 {expectation.exit_status}", classes=["mp-output-exit"])
    return header


def _line_classes(expectation: Expectation, index: int) -> list[str]:
    classes = ["mp-line"]
    for spans, name in ((expectation.any_order, "mp-any-order"), (expectation.together, "mp-group")):
        for span in spans:
            if index in span:
                classes.append(name)
            if index == span.start:
                classes.append(f"{name}-start")
            if index == span.stop - 1:
                classes.append(f"{name}-end")
    return classes


def _marks(expectation: Expectation, index: int) -> Iterator[str]:
    """Visible words after a line saying how often it appears."""
    for span, count in expectation.repeat:
        if index == span.start:
            yield count.describe() if len(span) == 1 else f"这 {len(span)} 行{count.describe()}"
    for choice in expectation.either:
        if any(index == alternative.start for alternative in choice):
            yield CHOICE_NAMES.get(len(choice), f"{len(choice)} 选 1")
    for span in expectation.optional:
        if index == span.start:
            yield "可能没有" if len(span) == 1 else f"这 {len(span)} 行可能没有"


def _body(expectation: Expectation, text: str) -> output_body:
    body = output_body(text, language="text")
    for index, line in enumerate(expectation.lines):
        span = nodes.inline(classes=_line_classes(expectation, index))
        for piece in line.pieces:
            span += nodes.Text(piece) if isinstance(piece, str) else _placeholder(piece)
        for mark in _marks(expectation, index):
            span += nodes.inline("", f"（{mark}）", classes=["mp-mark"])
        span += nodes.Text("\n")
        body += span
    return body


def placeholder_kind(placeholder: Placeholder) -> Kind:
    return FRAMES_KIND if placeholder.kind == FRAMES else KINDS[placeholder.kind]


def _placeholder(placeholder: Placeholder) -> output_placeholder:
    """Shown by its label; the name, when it has one, lets readers match up the places that share it."""
    kind = placeholder_kind(placeholder)
    node = output_placeholder("", kind.label, classes=["mp-ph"])
    node["label"], node["meaning"], node["name"] = kind.label, kind.meaning, placeholder.name or ""
    return node


def _notes(expectation: Expectation) -> Iterator[nodes.Element]:
    """Visible explanations of everything the block declares."""
    declared = ((expectation.any_order, ANY_ORDER_NOTE), (expectation.together, TOGETHER_NOTE),
                (expectation.repeat, REPEAT_NOTE), (expectation.either, EITHER_NOTE),
                (expectation.optional, OPTIONAL_NOTE))
    for spans, note in declared:
        if spans:
            yield nodes.paragraph("", note, classes=["mp-output-note"])
    yield from legend([p for line in expectation.lines for p in line.placeholders])
    if expectation.exit_status:
        yield nodes.paragraph("", _exit_note(expectation.exit_status), classes=["mp-output-note"])


def legend(used: list[Placeholder]) -> Iterator[nodes.Element]:
    """What the placeholders of a block mean, each label shown as in the block (no tooltips on phones)."""
    if not used:
        return
    yield nodes.paragraph("", PLACEHOLDER_NOTE, classes=["mp-output-note"])
    items = nodes.bullet_list(classes=["mp-output-note", "mp-legend"])
    for label, meaning in {placeholder_kind(p).label: placeholder_kind(p).meaning for p in used}.items():
        item = nodes.paragraph()
        item += nodes.inline("", label, classes=["mp-ph"])
        item += nodes.Text(f" {meaning}")
        items += nodes.list_item("", item)
    yield items
    # the example is a name the block uses more than once, a process's if it has one
    shared = [p for p in used if p.name and used.count(p) > 1]
    named = min(shared, key=lambda p: p.kind != "pid", default=None)
    if named:
        what = SAME_PROCESS if named.kind == "pid" else SAME_VALUE
        start, _, end = NAMES_NOTE.format(what=what, example="\0").partition("\0")
        yield nodes.paragraph("", "", nodes.Text(start), _placeholder(named), nodes.Text(end),
                              classes=["mp-output-note"])


def _exit_note(status: int) -> str:
    if status < 0:  # killed by a signal, as Python's subprocess reports it
        return KILLED_NOTE.format(status=status, signal=signal.Signals(-status).name)
    return EXIT_NOTE.format(status=status)
