"""Accessibility fixes for HTML that Sphinx and Furo write and we do not template.

- Sphinx renders toctree captions as ``<p class="caption" role="heading">``
  without ``aria-level`` (axe: aria-required-attr, critical).
- Highlighted code blocks scroll sideways on phones but cannot take keyboard
  focus (axe: scrollable-region-focusable, serious); output blocks already can.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

REPLACEMENTS = [
    ('<p class="caption" role="heading">', '<p class="caption" role="heading" aria-level="2">'),
    ('<div class="highlight"><pre>', '<div class="highlight"><pre tabindex="0">'),
]


def fix_page(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
             doctree: nodes.document | None) -> None:
    for key in ("body", "furo_navigation_tree"):
        if isinstance(context.get(key), str):
            for old, new in REPLACEMENTS:
                context[key] = context[key].replace(old, new)


def setup(app: Sphinx) -> dict[str, object]:
    # after Furo, which builds furo_navigation_tree in its own html-page-context handler
    app.connect("html-page-context", fix_page, priority=900)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
