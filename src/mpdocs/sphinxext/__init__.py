"""Sphinx extension rendering the ``{output}`` blocks of the tutorial.

An ``{output}`` block states what the program before it prints.  The test
engine checks it; this extension shows it to readers as a "run result" panel,
visibly different from code, with each placeholder shown by its Chinese label.
A program's blocks for different start methods or releases become one tab set
(:mod:`.tabs`); placeholders in shell transcripts are shown the same way (:mod:`.transcripts`).
"""

from __future__ import annotations

from pathlib import Path

from sphinx.application import Sphinx

from mpdocs.sphinxext import html
from mpdocs.sphinxext.output import (
    NotApplicableDirective,
    OutputDirective,
    output_block,
    output_body,
    output_placeholder,
)
from mpdocs.sphinxext.tabs import tab_panel, tab_set
from mpdocs.sphinxext.transcripts import transcript

STATIC = Path(__file__).parent / "static"


def _add_static_path(app: Sphinx) -> None:
    if str(STATIC) not in map(str, app.config.html_static_path):
        app.config.html_static_path.append(str(STATIC))


def setup(app: Sphinx) -> dict[str, object]:
    app.add_node(output_block, html=(html.visit_block, html.depart_div))
    app.add_node(output_body, html=(html.visit_body, html.depart_body))
    app.add_node(output_placeholder, html=(html.visit_placeholder, None))
    app.add_node(tab_set, html=(html.visit_tab_set, html.depart_div))
    app.add_node(tab_panel, html=(html.visit_tab_panel, html.depart_div))
    app.add_node(transcript, html=(html.visit_transcript, None))
    app.add_directive("output", OutputDirective)
    app.add_directive("not-applicable", NotApplicableDirective)
    app.connect("builder-inited", _add_static_path)
    app.add_css_file("output.css")
    # blocks for different start methods or releases as one tab set, and the script that switches them
    app.setup_extension("mpdocs.sphinxext.tabs")
    # placeholders in ```console transcripts
    app.setup_extension("mpdocs.sphinxext.transcripts")
    # a partial literalinclude tells readers, in its output panel, that the output is the whole file's
    app.setup_extension("mpdocs.sphinxext.partial_include")
    # where the outputs were checked, from the records of the check runs
    app.setup_extension("mpdocs.sphinxext.checked")
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
