"""A program's per-start-method and per-release output blocks, shown as one tab set.

Authors write plain ``{output}`` and ``{not-applicable}`` blocks (the checker reads the Markdown,
so nothing here changes what is checked).  A run of blocks that differ by ``:methods:`` or
``:python:``, with nothing but paragraphs between them, becomes one tab set with one tab per
block; blocks that differ in both ways get a tab per start method, each holding a tab set by
release where that method's blocks differ by release.  The paragraph right before a block, when
it ends with a colon, introduces that block and goes into its tab; other paragraphs between two
blocks comment on the block before them and go into its tab.  Text before the run (other than the
first block's introduction) and after it stays outside, for every reader.

The HTML holds every block, each with its own header: that is what readers see without
JavaScript and on paper.  ``static/mp-tabs.js`` turns each set into WAI-ARIA tabs, shows the tab
for the reader's start method and release, and keeps that choice across pages and visits.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform

from mpdocs.engine.notation import START_METHODS
from mpdocs.sphinxext.output import output_block
from mpdocs.sphinxext.platform_defaults import RELEASES, default_phrase, guesses

SCRIPT = "mp-tabs.js"
INTRO_ENDINGS = ("：", ":")
METHODS, PYTHON = "methods", "python"
SET_LABELS: dict[tuple[str, ...], str] = {(METHODS,): "按启动方式分开的运行结果",
                                          (PYTHON,): "按 Python 版本分开的运行结果"}
# Shown in the first tab set of a page that varies by each dimension: (text, code, text, script-only text).
NOTES = {
    METHODS: ("这个程序的运行结果随启动方式不同。启动方式是 multiprocessing 创建子进程的办法，默认用哪一种"
              "取决于平台和 Python 版本（写在每种方式的结果旁边）。想知道你的 Python 用的是哪一种，运行：",
              'python -c "import multiprocessing as mp; print(mp.get_start_method())"',
              "。", "选中一种方式后，本站各页都显示这种方式的结果。"),
    PYTHON: ("这个程序的运行结果随 Python 版本不同。想知道你的版本，运行：", "python --version",
             "。", "选中一个版本后，本站各页都显示这个版本的结果。"),
}


class tab_set(nodes.container):
    """Several blocks of one program, one tab each; ``label`` names the set for screen readers."""


class tab_panel(nodes.container):
    """One block (with the paragraphs that introduce or comment on it) and what it is for:
    ``methods`` (empty: every method), ``releases``, the tab's ``label`` and its ``note``."""


def _is_intro(node: nodes.Node) -> bool:
    return isinstance(node, nodes.paragraph) and node.astext().rstrip().endswith(INTRO_ENDINGS)


def _runs(parent: nodes.Element) -> Iterator[list[int]]:
    """Indices in ``parent`` of each run of two or more blocks separated by paragraphs only."""
    run: list[int] = []
    for index, child in enumerate(parent.children):
        if isinstance(child, output_block):
            run.append(index)
        elif not isinstance(child, nodes.paragraph):
            yield run
            run = []
    yield run


def _dimensions(blocks: Sequence[nodes.Element]) -> tuple[str, ...]:
    return tuple(name for name, attribute in ((METHODS, "methods"), (PYTHON, "releases"))
                 if len({tuple(block[attribute]) for block in blocks}) > 1)


def _panel(contents: list[nodes.Node], methods: list[str], releases: list[str], python: str,
           named: bool = True) -> tab_panel:
    """A tab for ``methods`` (empty: every method) on ``releases``.  Its label names the methods
    (unless ``named`` is false: a tab set inside a method's tab) and ``python`` when given."""
    parts = ["、".join(methods)] if methods and named else []
    if python:
        parts.append(python)
    panel = tab_panel("", *contents, classes=["mp-tab-panel"])
    panel["methods"], panel["releases"] = methods, releases
    panel["label"] = "，".join(parts) or "其余情况"
    panel["note"] = default_phrase(methods) if methods and named else ""
    return panel


def _block_panel(block: nodes.Element, contents: list[nodes.Node], dimensions: tuple[str, ...],
                 named: bool = True) -> tab_panel:
    python = block["python"] if PYTHON in dimensions else ""
    return _panel(contents, block["methods"], block["releases"], python, named)


def _tab_set(panels: list[tab_panel], dimensions: tuple[str, ...]) -> tab_set:
    tabs = tab_set("", *panels, classes=["mp-tabs"])
    tabs["dimensions"] = list(dimensions)
    tabs["label"] = SET_LABELS[dimensions]
    return tabs


def _by_method(tabs: list[tuple[nodes.Element, list[nodes.Node]]]) -> tab_set:
    """Blocks that differ in both ways: a tab per start method, holding a tab set by release where
    that method's blocks differ by release (short labels, one choice at a time)."""
    groups: dict[tuple[str, ...], list[tuple[nodes.Element, list[nodes.Node]]]] = {}
    for block, contents in tabs:
        groups.setdefault(tuple(block["methods"]), []).append((block, contents))
    panels = []
    for methods, members in groups.items():
        if len(members) == 1:
            panels.append(_block_panel(*members[0], (METHODS, PYTHON)))
            continue
        # the first block's introduction is about the method: above the tabs by release
        block, contents = members[0]
        lead = contents[:contents.index(block)]
        members[0] = block, contents[len(lead):]
        by_release = [_block_panel(block, contents, (PYTHON,), named=False) for block, contents in members]
        inner = _tab_set(by_release, (PYTHON,))
        releases = {release for block, _ in members for release in block["releases"]}
        panels.append(_panel([*lead, inner], list(methods), [r for r in RELEASES if r in releases], ""))
    return _tab_set(panels, (METHODS,))


def _grouped(parent: nodes.Element, run: list[int]) -> tuple[int, int, tab_set] | None:
    """The tab set replacing ``parent.children[first:last]`` for a run; None if its blocks do not differ."""
    children = parent.children
    blocks = [block for block in map(children.__getitem__, run) if isinstance(block, output_block)]
    dimensions = _dimensions(blocks)
    if not dimensions:
        return None
    first = run[0] - 1 if run[0] > 0 and _is_intro(children[run[0] - 1]) else run[0]
    contents: list[list[nodes.Node]] = [children[first:run[0] + 1]]
    for previous, index in zip(run, run[1:], strict=False):
        between = children[previous + 1:index]
        intro = between[-1:] if between and _is_intro(between[-1]) else []
        contents[-1].extend(between[:len(between) - len(intro)])
        contents.append([*intro, children[index]])
    if len(dimensions) == 2:
        return first, run[-1] + 1, _by_method(list(zip(blocks, contents, strict=True)))
    panels = [_block_panel(block, panel, dimensions) for block, panel in zip(blocks, contents, strict=True)]
    return first, run[-1] + 1, _tab_set(panels, dimensions)


def _note(dimension: str) -> nodes.paragraph:
    before, command, after, scripted = NOTES[dimension]
    note = nodes.paragraph("", before, classes=["mp-tabs-note"])
    note += nodes.literal("", command)
    note += nodes.Text(after)
    # only true once the script has made tabs; hidden without it and on paper
    note += nodes.inline("", scripted, classes=["mp-js-only"])
    return note


class OutputTabs(SphinxTransform):
    """Groups each run of a program's blocks into a tab set; explains the choice at the first set
    of a page that varies by start method, and at the first that varies by release."""

    default_priority = 600  # after the partial-include note (500) has reached every block

    def apply(self, **kwargs: Any) -> None:
        parents = {id(block.parent): block.parent for block in self.document.findall(output_block)}
        for parent in parents.values():
            # from the end, so that earlier indices stay valid
            for run in reversed(list(_runs(parent))):
                made = _grouped(parent, run) if len(run) > 1 else None
                if made:
                    first, last, tabs = made
                    parent[first:last] = [tabs]  # the panels have taken the nodes over
        self._explain()

    def _explain(self) -> None:
        explained: set[str] = set()
        for tabs in self.document.findall(tab_set):
            new = [dimension for dimension in tabs["dimensions"] if dimension not in explained]
            explained.update(new)
            tabs[0:0] = [_note(dimension) for dimension in new]


def add_script(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
               doctree: nodes.document | None) -> None:
    """The tab script, only on pages that have a tab set, with the facts it guesses from."""
    if doctree is None or not any(True for _ in doctree.findall(tab_set)):
        return
    facts: dict[str, Any] = {"data-defaults": json.dumps(guesses(), separators=(",", ":")),
                             "data-releases": " ".join(RELEASES), "data-methods": " ".join(START_METHODS)}
    app.add_js_file(SCRIPT, loading_method="defer", **facts)


def setup(app: Sphinx) -> dict[str, object]:
    app.add_transform(OutputTabs)
    app.connect("html-page-context", add_script)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
