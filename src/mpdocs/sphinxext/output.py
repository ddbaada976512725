"""The ``{output}`` and ``{not-applicable}`` directives: check a block and build its doctree.

The block is validated with the engine's own notation parser, so the page
shows exactly the lines the tests check.  Everything the notation declares is
explained in visible text under the block (readers are often on phones, where
tooltips do not show).
"""

from __future__ import annotations

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
    Expectation,
    Kind,
    NotationError,
    Placeholder,
    parse_expectation,
    parse_not_applicable,
)

TITLE = "运行结果"
NOT_APPLICABLE = "不适用"
ANY_ORDER_NOTE = "标有竖线的几行，先后顺序每次运行可能不同。"
TOGETHER_NOTE = "框在一起的几行总是连在一起出现，作为一个整体和其他行交换先后顺序。"
REPEAT_NOTE = "标有“重复”的行会按所标的次数出现。"
EITHER_NOTE = "标有“选一”的几行，每次运行只出现其中一个，取决于哪个进程先执行到。"
OPTIONAL_NOTE = "标有“可能没有”的行，有的运行中不会出现。"
PLACEHOLDER_NOTE = "虚线框里的内容，在你的电脑上运行时可能不一样："
NAMES_NOTE = "标着相同名字的几处是同一个值。"
CHOICE_NAMES = {2: "二选一", 3: "三选一", 4: "四选一"}


class output_block(nodes.container):
    """A rendered output block: header, expected lines and notes."""


class output_body(nodes.literal_block):
    """The expected lines.  Other writers treat it as a literal block; HTML never highlights it."""


class output_placeholder(nodes.inline):
    """A placeholder shown by its label; its ``meaning`` becomes the tooltip."""


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
        panel = nodes.container(classes=["mp-output", "mp-not-applicable"])
        self.set_source_info(panel)
        text = nodes.paragraph(classes=["mp-output-header"])
        text += nodes.inline("", f"{NOT_APPLICABLE}：", classes=["mp-output-title"])
        text += nodes.Text(f"{declared.describe()}（{declared.reason}）")
        panel += text
        return [panel]


def _header(expectation: Expectation) -> nodes.paragraph:
    header = nodes.paragraph(classes=["mp-output-header"])
    header += nodes.inline("", TITLE, classes=["mp-output-title"])
    conditions = []
    if expectation.python is not None:
        conditions.append(expectation.python.describe())
    methods = expectation.describe_methods()
    if methods:
        conditions.append(methods if expectation.methods == (DEFAULT_METHOD,) else "仅 " + methods)
    if expectation.stop_after is not None:
        conditions.append(f"运行 {expectation.stop_after:g} 秒后按 Ctrl+C 停止")
    if conditions:
        header += nodes.inline("", f"（{'；'.join(conditions)}）", classes=["mp-output-when"])
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


def _kind(placeholder: Placeholder) -> Kind:
    return FRAMES_KIND if placeholder.kind == FRAMES else KINDS[placeholder.kind]


def _placeholder(placeholder: Placeholder) -> output_placeholder:
    kind = _kind(placeholder)
    node = output_placeholder("", kind.label, classes=["mp-ph"])
    node["meaning"] = kind.meaning
    if placeholder.name:
        # Same name, same value: showing the name lets readers match them up.
        node += nodes.inline("", placeholder.name, classes=["mp-ph-name"])
    return node


def _notes(expectation: Expectation) -> Iterator[nodes.Element]:
    """Visible explanations of everything the block declares."""
    declared = ((expectation.any_order, ANY_ORDER_NOTE), (expectation.together, TOGETHER_NOTE),
                (expectation.repeat, REPEAT_NOTE), (expectation.either, EITHER_NOTE),
                (expectation.optional, OPTIONAL_NOTE))
    for spans, note in declared:
        if spans:
            yield nodes.paragraph("", note, classes=["mp-output-note"])
    used = [p for line in expectation.lines for p in line.placeholders]
    if not used:
        return
    yield nodes.paragraph("", PLACEHOLDER_NOTE, classes=["mp-output-note"])
    legend = nodes.bullet_list(classes=["mp-output-note", "mp-legend"])
    for label, meaning in {_kind(p).label: _kind(p).meaning for p in used}.items():
        item = nodes.paragraph()
        item += nodes.inline("", label, classes=["mp-ph"])
        item += nodes.Text(f" {meaning}")
        legend += nodes.list_item("", item)
    yield legend
    if any(p.name for p in used):
        yield nodes.paragraph("", NAMES_NOTE, classes=["mp-output-note"])
