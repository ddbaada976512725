"""Placeholders in shell transcripts (```` ```console ```` blocks), shown and explained as in output blocks.

A transcript stays a highlighted code block, so its copy button copies the commands (the ``$ ``
prompt is in ``copybutton_prompt_text``) and never the output lines; only the placeholders in
those lines become labels, with the same legend under the block as an ``{output}`` block has.
"""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from mpdocs.engine.languages import Role, role_of_language
from mpdocs.engine.notation import NotationError, Placeholder, split_line
from mpdocs.sphinxext.output import legend

logger = logging.getLogger(__name__)


class transcript(nodes.literal_block):
    """A console block with placeholders (see :func:`mpdocs.sphinxext.html.visit_transcript`)."""


class TranscriptPlaceholders(SphinxTransform):
    default_priority = 600

    def apply(self, **kwargs: Any) -> None:
        for block in list(self.document.findall(nodes.literal_block)):
            # a console transcript exactly when the checker runs it as one (Pygments' names, any case)
            if role_of_language(block.get("language", "")) is Role.CONSOLE and "⟨" in block.astext():
                self._show(block)

    def _show(self, block: nodes.literal_block) -> None:
        try:
            used = [piece for line in block.astext().splitlines() for piece in split_line(line)
                    if isinstance(piece, Placeholder)]
        except NotationError as error:
            logger.warning("invalid placeholder in a console block: %s", error, location=block)
            return
        shown = transcript(block.rawsource, "", *block.children, **block.attributes)
        notes = nodes.container("", *legend(used), classes=["mp-transcript-legend"])
        block.replace_self([shown, notes])


def setup(app: Sphinx) -> dict[str, object]:
    app.add_transform(TranscriptPlaceholders)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
