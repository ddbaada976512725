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
- terms: a glossary term used on a page is linked once, at its first use in the page's prose
  (not headings, code, output panels, other links' text, nor a tab's text, which other tabs' readers
  do not see); a link inside a tab only for a term that the prose outside the tabs never uses; a use
  is the longest glossary term at its place, so 子进程 is no use of 进程, and a glossary entry naming
  the term it defines is no use of it. On the pages of
  ``mpdocs_terms_unlinked`` (generated or non-lesson text) and ``mpdocs_conventions_exempt``, a term may
  go unlinked, but one that is linked is still linked once, at its first use.

Boxes, punctuation and wording are not checked on the pages of ``mpdocs_conventions_exempt`` (the
contributors' page shows the markup it documents). Terms are checked once every page is read, since
only then does the standard domain know every term of the glossary (it may be read after a page).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from docutils import nodes
from docutils.utils import get_source_line
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

from mpdocs.sphinxext.output import output_block
from mpdocs.sphinxext.tabs import tab_set

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
LINK = "\ue000"  # stands for a glossary term link (a private-use character)
# The stand-ins above, where the page's own text holds them, read as plain spaces.
NOT_STAND_INS = {ord(PLACEHOLDER): " ", ord(LINK): " "}
CODE = nodes.FixedTextElement | nodes.literal | nodes.math
StandIn = Callable[[nodes.Element], str | None]  # what an inline element reads as, None: its own text


def _code_stand_in(element: nodes.Element) -> str | None:
    return PLACEHOLDER if isinstance(element, CODE) else None


def _prose(element: nodes.Element, stand_in: StandIn = _code_stand_in) -> Iterator[str]:
    """The element's text as readers read it, each inline element replaced by its stand-in if it has one
    (by default code and math, by PLACEHOLDER)."""
    for child in element.children:
        if isinstance(child, nodes.Text):
            yield NOT_PROSE.sub(PLACEHOLDER, child.astext().translate(NOT_STAND_INS))
        elif isinstance(child, nodes.Element):
            shown = stand_in(child)
            yield from _prose(child, stand_in) if shown is None else [shown]


def _text_blocks(doctree: nodes.document,
                 stand_in: StandIn = _code_stand_in) -> Iterator[tuple[nodes.Element, str]]:
    """Each block of prose (paragraph, title, term…) with its text; code blocks are not prose."""
    for block in doctree.findall(nodes.TextElement):
        if not isinstance(block, nodes.Inline | nodes.FixedTextElement):
            yield block, "".join(_prose(block, stand_in))


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

# Text where a term cannot be linked, so it is no use to link there: headings and labels.
UNLINKABLE = nodes.title | nodes.rubric | nodes.caption
# a glossary term in lower case (as Sphinx resolves terms); its link or block; whether every reader sees it
Use = tuple[str, nodes.Element, bool]
# Pages whose text is no lesson's prose: autodoc's docstrings, the page-not-found page.
TERMS_UNLINKED = ["api", "404"]


def _is_term_link(node: nodes.Node) -> bool:
    return isinstance(node, addnodes.pending_xref) and node.get("reftype") == "term"


def _term_stand_in(element: nodes.Element) -> str | None:
    """A term link reads as LINK; the text of other links (to pages, sections, sites) is not prose."""
    if _is_term_link(element):
        return LINK
    if isinstance(element, nodes.reference | addnodes.pending_xref):
        return PLACEHOLDER
    return _code_stand_in(element)


def _lineage(node: nodes.Node) -> Iterator[nodes.Node]:
    """The node and its ancestors."""
    while node is not None:
        yield node
        node = node.parent


def _within(lineage: Iterable[nodes.Node], kind: type[nodes.Node]) -> bool:
    return any(isinstance(node, kind) for node in lineage)


def _is_term_prose(block: nodes.Element, lineage: list[nodes.Node]) -> bool:
    """Not a heading or label, nor the term a glossary defines, nor an output panel's text."""
    defined = isinstance(block, nodes.term) and _within(lineage, addnodes.glossary)
    return not (isinstance(block, UNLINKABLE) or defined or _within(lineage, output_block))


def _defined_here(lineage: list[nodes.Node]) -> set[str]:
    """The terms a glossary entry defines, for a block of its definition: naming itself there is no use."""
    if not _within(lineage, addnodes.glossary):
        return set()
    entry = next((node for node in lineage if isinstance(node, nodes.definition_list_item)), None)
    return {term.astext().lower() for term in entry.findall(nodes.term)} if entry else set()


def _uses_pattern(app: Sphinx) -> re.Pattern[str]:
    """A term link, or any glossary term, the longest first: so 子进程 is not a use of 进程, but 多进程
    (no term) is."""
    std = app.env.domains.standard_domain
    terms = sorted({name for name, _, kind, *_ in std.get_objects() if kind == "term"}, key=len, reverse=True)
    return re.compile("|".join([LINK, *map(re.escape, terms)]), re.IGNORECASE)


def _term_uses(doctree: nodes.document, uses: re.Pattern[str]) -> Iterator[Use]:
    """Each use of a glossary term in the page's prose, in reading order. In a tab set of outputs only
    its links: a tab's text is hidden from the readers of the other tabs, and the set's note is not the
    page's but the extension's."""
    written: list[nodes.Element] = []  # the term links of the block being read, as their LINKs are written

    def stand_in(element: nodes.Element) -> str | None:
        shown = _term_stand_in(element)
        if shown == LINK:
            written.append(element)
        return shown

    for block, text in _text_blocks(doctree, stand_in):
        links = iter(list(written))
        written.clear()
        lineage = list(_lineage(block))
        if _is_term_prose(block, lineage):
            read_by_all = not _within(lineage, tab_set)
            defined_here = _defined_here(lineage)
            for use in uses.finditer(text):
                if use.group() == LINK:
                    link = next(links)
                    yield link["reftarget"].lower(), link, read_by_all
                elif read_by_all and use.group().lower() not in defined_here:
                    yield use.group().lower(), block, True


def _link_problem(link: nodes.Element, read_by_all: bool, first_shared: nodes.Element | None) -> str | None:
    """What is wrong with a term link, given the term's first use that every reader sees (if any)."""
    term = repr(link["reftarget"])
    if first_shared is None or first_shared is link:
        return None
    line = get_source_line(first_shared)[1]
    if not read_by_all:
        return (f"term {term} is linked inside a tab, which readers of the other tabs do not see; "
                f"link its first use outside the tabs, on line {line}")
    return f"term {term} is first used on line {line} unlinked; link that first use instead"


def _never_linked(first_shared: dict[str, nodes.Element], linked: set[str]) -> Iterator[Finding]:
    for term, block in first_shared.items():
        if term not in linked:
            line = get_source_line(block)[1]
            yield block, "term", f"term {term!r} is first used on line {line} and never linked; link that use"


def check_terms(doctree: nodes.document, uses_pattern: re.Pattern[str], every_use: bool) -> Iterator[Finding]:
    """Each term link that is not the term's first use, and with ``every_use``, each term used but never
    linked."""
    uses = list(_term_uses(doctree, uses_pattern))
    first_shared: dict[str, nodes.Element] = {}
    for term, where, read_by_all in uses:
        if read_by_all:
            first_shared.setdefault(term, where)
    linked: set[str] = set()
    for term, where, read_by_all in uses:
        if not _is_term_link(where):
            continue
        if term in linked:
            again = f"term {where['reftarget']!r} is linked again (as {where.astext()!r})"
            yield where, "term", f"{again}: link only its first use on the page"
        elif problem := _link_problem(where, read_by_all, first_shared.get(term)):
            yield where, "term", problem
        linked.add(term)
    if every_use:
        yield from _never_linked(first_shared, linked)


EVERYWHERE: list[Rule] = [check_differences, check_key_points]
NOT_ON_EXEMPT_PAGES: list[Rule] = [check_boxes, check_punctuation, check_wording]


def _warn(findings: Iterable[Finding], docname: str) -> None:
    for node, subtype, message in findings:
        location = node if not isinstance(node, nodes.document) else docname
        logger.warning(message, location=location, type="mpdocs", subtype=subtype)


def check_page(app: Sphinx, doctree: nodes.document) -> None:
    rules = EVERYWHERE
    if app.env.docname not in app.config.mpdocs_conventions_exempt:
        rules = rules + NOT_ON_EXEMPT_PAGES
    for rule in rules:
        _warn(rule(doctree, app), app.env.docname)


def check_every_page_terms(app: Sphinx, env: BuildEnvironment) -> None:
    unlinked_ok = {*app.config.mpdocs_terms_unlinked, *app.config.mpdocs_conventions_exempt}
    uses_pattern = _uses_pattern(app)  # the glossary's terms: the same for every page
    for docname in sorted(env.all_docs):
        _warn(check_terms(env.get_doctree(docname), uses_pattern, docname not in unlinked_ok), docname)


def setup(app: Sphinx) -> dict[str, object]:
    app.add_config_value("mpdocs_conventions_exempt", ["contributing"], "env", types=[list],
                         description="pages not checked for boxes, punctuation and banned words")
    app.add_config_value("mpdocs_keypoints_exempt", REFERENCE_PAGES, "env", types=[list],
                         description="pages that need no 要点 section (unless they list 与原文的差异)")
    app.add_config_value("mpdocs_terms_unlinked", TERMS_UNLINKED, "env", types=[list],
                         description="pages where a glossary term may be used without a link")
    app.add_config_value("mpdocs_banned_words", {"送信线程": "馈送线程", "执行结果": "运行结果"}, "env",
                         types=[dict], description="words readers must not see, each with what to write")
    app.connect("doctree-read", check_page)
    app.connect("env-check-consistency", check_every_page_terms)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
