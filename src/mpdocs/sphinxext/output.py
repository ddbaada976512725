"""The ``{output}`` directive: check an output block and build its doctree.

The block is validated with the engine's own notation parser, so the page
shows exactly the lines the tests check.
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from mpdocs.engine.notation import (
    FRAMES,
    FRAMES_KIND,
    KINDS,
    OPTIONS,
    START_METHODS,
    Expectation,
    NotationError,
    Placeholder,
    parse_expectation,
)

TITLE = "运行结果"
ANY_ORDER_NOTE = "标有竖线的几行，先后顺序每次运行可能不同。"
PLACEHOLDER_NOTE = "虚线框里的内容，在你的电脑上运行时可能不一样。"


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
        if expectation.any_order:
            block += nodes.paragraph("", ANY_ORDER_NOTE, classes=["mp-output-note"])
        if any(isinstance(p, Placeholder) for line in expectation.lines for p in line.pieces):
            block += nodes.paragraph("", PLACEHOLDER_NOTE, classes=["mp-output-note"])
        return [block]


def _header(expectation: Expectation) -> nodes.paragraph:
    header = nodes.paragraph(classes=["mp-output-header"])
    header += nodes.inline("", TITLE, classes=["mp-output-title"])
    conditions = []
    if expectation.python is not None:
        conditions.append(expectation.python.describe())
    if expectation.methods and len(expectation.methods) < len(START_METHODS):
        conditions.append(f"仅 {'、'.join(expectation.methods)} 启动方式")
    if expectation.stop_after is not None:
        conditions.append(f"运行 {expectation.stop_after:g} 秒后按 Ctrl+C 停止")
    if conditions:
        header += nodes.inline("", f"（{'；'.join(conditions)}）", classes=["mp-output-when"])
    if expectation.exit_status:
        header += nodes.inline("", f"退出状态 {expectation.exit_status}", classes=["mp-output-exit"])
    return header


def _body(expectation: Expectation, text: str) -> output_body:
    body = output_body(text, language="text")
    for index, line in enumerate(expectation.lines):
        classes = ["mp-line"]
        for lines in expectation.any_order:
            if index in lines:
                classes.append("mp-any-order")
            if index == lines.start:
                classes.append("mp-range-start")
        span = nodes.inline(classes=classes)
        for piece in line.pieces:
            span += nodes.Text(piece) if isinstance(piece, str) else _placeholder(piece)
        span += nodes.Text("\n")
        body += span
    return body


def _placeholder(placeholder: Placeholder) -> output_placeholder:
    kind = FRAMES_KIND if placeholder.kind == FRAMES else KINDS[placeholder.kind]
    meaning = kind.meaning
    node = output_placeholder("", kind.label, classes=["mp-ph"])
    if placeholder.name:
        # Same name, same value: showing the name lets readers match them up.
        node += nodes.inline("", placeholder.name, classes=["mp-ph-name"])
        meaning += f"；标着 {placeholder.name} 的几处是同一个值"
    node["meaning"] = meaning
    return node
