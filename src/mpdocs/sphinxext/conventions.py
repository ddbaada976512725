"""Warn where a page breaks the tutorial's page conventions (issue 9), so that ``-W`` fails the build.

Each rule is one function that takes a page's doctree and yields ``(node, subtype, message)``:

- boxes: at most three admonitions a page, each an ``{admonition}`` titled ``常见误解：…`` (class
  ``warning``) or ``平台差异：…`` (class ``note``); dropdowns are not boxes;
- differences: a ``与原文的差异（N 处）`` dropdown lists N items and is the last thing on the page;
- key points: every page but those of ``mpdocs_keypoints_exempt`` (the reference pages), and every
  page with that dropdown, has a ``要点`` section holding one bullet list of 3 to 6 items and nothing
  else (but that dropdown); a new page needs one unless it is named there;
- punctuation: no half-width ``,;:?!()`` beside a Chinese character in prose (code, math and URLs
  are not prose);
- wording: none of the words of ``mpdocs_banned_words`` in prose, each named with what to write;
- terms: a glossary term is linked once a page, at its first use.

Boxes, punctuation and wording are not checked on the pages of ``mpdocs_conventions_exempt`` (the
contributors' page shows the markup it documents).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

Finding = tuple[nodes.Node, str, str]  # where, warning subtype, message
Rule = Callable[[nodes.document, Sphinx], Iterator[Finding]]

MAX_BOXES = 3
BOX_KINDS = {"常见误解：": "warning", "平台差异：": "note"}  # title prefix → required class
# Admonition subclasses that Sphinx uses for things readers do not see as boxes.
NOT_BOXES = (addnodes.desc, addnodes.versionmodified, addnodes.productionlist)

DIFFERENCES_TITLE = re.compile(r"与原文的差异（(\d+) 处）")
KEY_POINTS_TITLE = "要点"
# The pages that teach nothing of their own, so end without 要点; every other page is a lesson.
REFERENCE_PAGES = ["index", "404", "glossary", "api", "contributing"]
KEY_POINTS_ITEMS = range(3, 7)
LISTS = nodes.enumerated_list | nodes.bullet_list

HALF_WIDTH = re.compile(r"[,;:?!()]")
# Chinese characters only: before full-width punctuation, a half-width mark may end English ("really!）").
CHINESE_CHARACTER = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Not prose: a URL, and the empty call parentheses of a name written without backticks (join()等).
NOT_PROSE = re.compile(r"https?://[!-~]+|\(\)")
# Stands for code, math and the like, so that nothing beside them counts as next to Chinese.
PLACEHOLDER = "\ufffc"
CODE = nodes.FixedTextElement | nodes.literal | nodes.math


def _prose(element: nodes.Element) -> Iterator[str]:
    """The element's text as readers read it, each piece of code or math replaced by PLACEHOLDER."""
    for child in element.children:
        if isinstance(child, nodes.Text):
            yield NOT_PROSE.sub(PLACEHOLDER, child.astext())
        elif isinstance(child, CODE):
            yield PLACEHOLDER
        elif isinstance(child, nodes.Element):
            yield from _prose(child)


def _text_blocks(doctree: nodes.document) -> Iterator[tuple[nodes.Element, str]]:
    """Each block of prose (paragraph, title, term…) with its text; code blocks are not prose."""
    for block in doctree.findall(nodes.TextElement):
        if not isinstance(block, nodes.Inline | nodes.FixedTextElement):
            yield block, "".join(_prose(block))


def _title(element: nodes.Element) -> str:
    title = element.children[0] if element.children else None
    return title.astext().strip() if isinstance(title, nodes.title | nodes.rubric) else ""


# --- boxes ----------------------------------------------------------------------------------------

def _boxes(doctree: nodes.document) -> list[nodes.Element]:
    return [box for box in doctree.findall(nodes.Element)
            if isinstance(box, nodes.Admonition) and not isinstance(box, NOT_BOXES)]


def _box_problem(box: nodes.Element) -> str | None:
    allowed = "use {admonition} titled 常见误解：… (:class: warning) or 平台差异：… (:class: note)"
    if type(box) is not nodes.admonition:
        return f"a {{{box.tagname}}} box: {allowed}"
    title = _title(box)
    for prefix, css_class in BOX_KINDS.items():
        if title.startswith(prefix) and title.removeprefix(prefix).strip():
            return None if css_class in box["classes"] else f"box {title!r} needs :class: {css_class}"
    return f"box titled {title!r}: {allowed}"


def check_boxes(doctree: nodes.document, app: Sphinx) -> Iterator[Finding]:
    boxes = _boxes(doctree)
    for extra in boxes[MAX_BOXES:]:
        yield extra, "box", f"{len(boxes)} boxes on the page, at most {MAX_BOXES}: fold this into the text"
    for box in boxes:
        if problem := _box_problem(box):
            yield box, "box", problem


# --- differences from the original, and key points -----------------------------------------------

def _differences(doctree: nodes.document) -> Iterator[tuple[nodes.Element, int]]:
    """Each 与原文的差异（N 处） dropdown, with its N."""
    for dropdown in doctree.findall(nodes.container):
        if dropdown.get("design_component") == "dropdown":
            title = DIFFERENCES_TITLE.fullmatch(_title(dropdown))
            if title:
                yield dropdown, int(title.group(1))


def _visible(children: Iterable[nodes.Node]) -> list[nodes.Node]:
    return [child for child in children if not isinstance(child, nodes.Invisible | nodes.title)]


def _is_last(node: nodes.Node) -> bool:
    """Nothing readers see comes after the node on the page."""
    while node.parent is not None:
        siblings = node.parent.children
        if _visible(siblings[siblings.index(node) + 1:]):
            return False
        node = node.parent
    return True


def check_differences(doctree: nodes.document, app: Sphinx) -> Iterator[Finding]:
    for dropdown, count in _differences(doctree):
        items = sum(len(list_) for list_ in dropdown.children if isinstance(list_, LISTS))
        if items != count:
            yield dropdown, "differences", f"与原文的差异 says {count} 处 but lists {items} items"
        if not _is_last(dropdown):
            yield dropdown, "differences", "与原文的差异 must be the last thing on the page"


def _key_points_problem(section: nodes.section) -> str | None:
    content = [node for node in _visible(section.children)
               if not (isinstance(node, nodes.Element) and DIFFERENCES_TITLE.fullmatch(_title(node)))]
    points = content[0] if len(content) == 1 else None
    if not isinstance(points, nodes.bullet_list):
        return "the 要点 section must hold one bullet list and nothing else"
    if len(points) not in KEY_POINTS_ITEMS:
        return f"the 要点 list has {len(points)} items; keep 3 to 6"
    return None


def check_key_points(doctree: nodes.document, app: Sphinx) -> Iterator[Finding]:
    docname = app.env.docname
    if docname in app.config.mpdocs_keypoints_exempt and not any(_differences(doctree)):
        return
    sections = [section for section in doctree.findall(nodes.section) if _title(section) == KEY_POINTS_TITLE]
    if not sections:
        yield doctree, "keypoints", "the page has no 要点 section (## 要点, a list of 3 to 6 points)"
    for section in sections:
        if problem := _key_points_problem(section):
            yield section, "keypoints", problem


# --- prose: punctuation and wording ---------------------------------------------------------------

def _beside_chinese(text: str, start: int, end: int) -> bool:
    before, after = text[start - 1:start], text[end:end + 1]
    return bool(CHINESE_CHARACTER.fullmatch(before) or CHINESE_CHARACTER.fullmatch(after))


def _half_width_message(text: str, mark: re.Match[str]) -> str:
    shown = text[max(mark.start() - 4, 0):mark.end() + 4].replace(PLACEHOLDER, "…")
    return f"half-width {mark.group()!r} in Chinese text ({shown!r}): use full-width ，；：？！（）"


def check_punctuation(doctree: nodes.document, app: Sphinx) -> Iterator[Finding]:
    for block, text in _text_blocks(doctree):
        for mark in HALF_WIDTH.finditer(text):
            if _beside_chinese(text, mark.start(), mark.end()):
                yield block, "punctuation", _half_width_message(text, mark)


def check_wording(doctree: nodes.document, app: Sphinx) -> Iterator[Finding]:
    banned: dict[str, str] = app.config.mpdocs_banned_words
    for block, text in _text_blocks(doctree):
        for word, instead in banned.items():
            if word in text:
                yield block, "wording", f"write {instead!r}, not {word!r}"


# --- glossary links -------------------------------------------------------------------------------

def check_terms(doctree: nodes.document, app: Sphinx) -> Iterator[Finding]:
    linked: set[str] = set()
    for xref in doctree.findall(addnodes.pending_xref):
        if xref.get("reftype") == "term":
            term = xref["reftarget"].lower()  # as Sphinx resolves terms
            if term in linked:
                again = f"term {xref['reftarget']!r} is linked again (as {xref.astext()!r})"
                yield xref, "term", f"{again}: link only its first use on the page"
            linked.add(term)


EVERYWHERE: list[Rule] = [check_differences, check_key_points, check_terms]
NOT_ON_EXEMPT_PAGES: list[Rule] = [check_boxes, check_punctuation, check_wording]


def check_page(app: Sphinx, doctree: nodes.document) -> None:
    rules = EVERYWHERE
    if app.env.docname not in app.config.mpdocs_conventions_exempt:
        rules = rules + NOT_ON_EXEMPT_PAGES
    for rule in rules:
        for node, subtype, message in rule(doctree, app):
            location = node if node is not doctree else app.env.docname
            logger.warning(message, location=location, type="mpdocs", subtype=subtype)


def setup(app: Sphinx) -> dict[str, object]:
    app.add_config_value("mpdocs_conventions_exempt", ["contributing"], "env", types=[list],
                         description="pages not checked for boxes, punctuation and banned words")
    app.add_config_value("mpdocs_keypoints_exempt", REFERENCE_PAGES, "env", types=[list],
                         description="pages that need no 要点 section (unless they list 与原文的差异)")
    app.add_config_value("mpdocs_banned_words", {"送信线程": "馈送线程", "执行结果": "运行结果"}, "env",
                         types=[dict], description="words readers must not see, each with what to write")
    app.connect("doctree-read", check_page)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
