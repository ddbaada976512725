"""Warn about a line break inside Chinese text.

MyST keeps a line break inside a paragraph as a newline, which browsers show
as a space: 多进\n程 reads as "多进 程".  Between two Chinese characters (or a
Chinese character and full-width punctuation) that space is always wrong, so
the build warns, naming the file and line, and ``-W`` makes it fail.

Docstrings are code, wrapped at the line-length limit, so their breaks
between Chinese characters are joined before Sphinx parses them.

Joining lines can also break bold text: ``**…核对。**每次`` is not bold in
CommonMark (a closing ``**`` after punctuation must be followed by a space or
punctuation), and readers see the asterisks.  The build warns about ``**`` left
in the text as well.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

# CJK ideographs (with extension A and compatibility ideographs), CJK symbols
# and punctuation (、。「」…), and full-width forms (，：（）…).
_CJK = "\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
BROKEN_LINE = re.compile(f"[{_CJK}]\n[{_CJK}]")
CJK_CHARACTER = re.compile(f"[{_CJK}]")
UNREAD_BOLD = re.compile(r"\*\*")
CODE = nodes.FixedTextElement | nodes.literal  # shown as written: no flowing text, no markup


def _shown_text(element: nodes.Element) -> Iterator[nodes.Text]:
    """The element's text as readers see it flow; code, raw HTML and comments keep their newlines."""
    for child in element.children:
        if isinstance(child, nodes.Text):
            yield child
        elif isinstance(child, nodes.Element) and not isinstance(child, CODE):
            yield from _shown_text(child)


def _location(node: nodes.Node, newlines_before: int) -> str:
    """``file:line`` of the break; docstrings have a source of their own (``file:docstring of x``)."""
    located: nodes.Node | None = node
    while located is not None:
        if located.source is not None and located.line is not None:
            return f"{located.source}:{located.line + newlines_before}"
        located = located.parent
    return "<unknown>"


def check_doctree(app: Sphinx, doctree: nodes.document) -> None:
    # A text block (paragraph, title, term…) holds the text; inline markup inside it does not break lines.
    blocks = (node for node in doctree.findall(nodes.TextElement)
              if not isinstance(node, nodes.Inline | nodes.FixedTextElement))
    for block in blocks:
        text = "".join(_shown_text(block))
        for broken in BROKEN_LINE.finditer(text):
            # a location with a colon is printed as it is
            location = _location(block, text.count("\n", 0, broken.start()))
            logger.warning("line break between Chinese characters %r shows as a space; join the two lines",
                           broken.group(), location=location, type="mpdocs", subtype="linebreak")
        for stars in UNREAD_BOLD.finditer(text):
            logger.warning("'**' shows literally: MyST did not read it as bold (after punctuation, a "
                           "closing ** needs a space or punctuation next); move the punctuation outside",
                           location=_location(block, text.count("\n", 0, stars.start())),
                           type="mpdocs", subtype="bold")


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _breaks_chinese(here: str, after: str) -> bool:
    return bool(CJK_CHARACTER.fullmatch(here[-1:]) and CJK_CHARACTER.fullmatch(after.lstrip()[:1])
                and _indent(here) == _indent(after))


def join_docstring_lines(app: Sphinx, what: str, name: str, obj: object, options: object,
                         lines: list[str]) -> None:
    """Join each line that ends in Chinese with the next one, at the same indent, that starts so.

    Literal blocks (the indented lines after a paragraph ending in ``::``) keep their lines.
    """
    literal_after: int | None = None  # indent of the paragraph that opened the current literal block
    index = 0
    while index < len(lines) - 1:
        here, after = lines[index], lines[index + 1]
        if here.strip() and literal_after is not None and _indent(here) <= literal_after:
            literal_after = None
        if literal_after is None and here.rstrip().endswith("::"):
            literal_after = _indent(here)
        if literal_after is None and _breaks_chinese(here, after):
            lines[index : index + 2] = [here + after.lstrip()]
        else:
            index += 1


def setup(app: Sphinx) -> dict[str, object]:
    app.setup_extension("sphinx.ext.autodoc")  # provides the event below
    app.connect("autodoc-process-docstring", join_docstring_lines)
    app.connect("doctree-read", check_doctree)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
