"""HTML visitors for the nodes of :mod:`mpdocs.sphinxext` (output blocks, tab sets, transcripts).

The body of an output block is a plain ``<pre>`` outside ``div.highlight``: it is neither
syntax-highlighted nor matched by sphinx-copybutton's selector.
"""

from __future__ import annotations

import html
import re

from docutils import nodes
from sphinx.writers.html5 import HTML5Translator

from mpdocs.engine.notation import PLACEHOLDER, Placeholder
from mpdocs.sphinxext.output import placeholder_kind


def placeholder_markup(label: str, meaning: str, name: str) -> str:
    """A placeholder as readers see it: its label, its name if it has one, its meaning as the tooltip."""
    shown = f'<span class="mp-ph-name">{html.escape(name)}</span>' if name else ""
    return f'<span class="mp-ph" title="{html.escape(meaning)}">{html.escape(label)}{shown}</span>'


def visit_block(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "div", CLASS="mp-output"))


def depart_div(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</div>\n")


def visit_body(self: HTML5Translator, node: nodes.Element) -> None:
    # tabindex: keyboard users must be able to scroll long lines.
    self.body.append(self.starttag(node, "pre", "", CLASS="mp-output-body", tabindex="0"))


def depart_body(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</pre>\n")


def visit_placeholder(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(placeholder_markup(node["label"], node["meaning"], node["name"]))
    raise nodes.SkipNode


def visit_tab_set(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append(self.starttag(node, "div", **{"data-label": node["label"]}))


def visit_tab_panel(self: HTML5Translator, node: nodes.Element) -> None:
    facts = {"data-methods": " ".join(node["methods"]), "data-releases": " ".join(node["releases"]),
             "data-label": node["label"], "data-note": node["note"]}
    self.body.append(self.starttag(node, "div", **facts))


def _shown(match: re.Match[str]) -> str:
    """A placeholder in Pygments' HTML (its name arrives escaped) in place of its source text."""
    kind_name, name = match.groups()
    kind = placeholder_kind(Placeholder(kind_name, html.unescape(name) if name else None))
    return placeholder_markup(kind.label, kind.meaning, html.unescape(name or ""))


def visit_transcript(self: HTML5Translator, node: nodes.literal_block) -> None:
    """Highlighted as any console block (prompts stay ``.gp`` for the copy button), then each
    placeholder is shown by its label."""
    try:
        self.visit_literal_block(node)
    except nodes.SkipNode:
        self.body[-1] = PLACEHOLDER.sub(_shown, self.body[-1])
        raise
