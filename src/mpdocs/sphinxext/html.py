"""HTML visitors for the nodes of :mod:`mpdocs.sphinxext.output`.

The body is a plain ``<pre>`` outside ``div.highlight``: it is neither
syntax-highlighted nor matched by sphinx-copybutton's selector.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator


def visit_block(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "div", CLASS="mp-output"))


def depart_block(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</div>\n")


def visit_body(self: HTML5Translator, node: nodes.Element) -> None:
    # tabindex: keyboard users must be able to scroll long lines.
    self.body.append(self.starttag(node, "pre", "", CLASS="mp-output-body", tabindex="0"))


def depart_body(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</pre>\n")


def visit_placeholder(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "span", "", title=node["meaning"]))


def depart_placeholder(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</span>")
