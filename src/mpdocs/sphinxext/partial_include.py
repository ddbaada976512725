"""Say in the output panel when the program above it is shown only in part.

A ``literalinclude`` with ``:lines:``, ``:pyobject:``, ``:start-after:`` and
the like (the checker's ``PARTIAL_OPTIONS``) shows something other than the
file, but the checker runs the whole file, and accepts such a page only if it
offers the whole file for download.  Each ``{output}`` panel after such an
include, up to the next Python block, says so.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.directives.code import LiteralInclude
from sphinx.transforms import SphinxTransform

from mpdocs.engine.languages import role_of_file, role_of_language
from mpdocs.engine.programs import PARTIAL_OPTIONS
from mpdocs.sphinxext.output import output_block, output_body

WHOLE_FILE = "mpdocs_whole_file"  # attribute of a partial include's literal_block: the file's name
NOTE = "这段运行结果来自运行完整的 {file}；上面的代码只显示了其中一部分，完整的文件可以从本页的下载链接获取。"


class PartialAwareLiteralInclude(LiteralInclude):
    """Sphinx's ``literalinclude`` that marks a partial include with the name of the whole file."""

    def run(self) -> list[nodes.Node]:
        shown = super().run()
        if PARTIAL_OPTIONS & self.options.keys():
            for node in shown:
                for program in node.findall(nodes.literal_block):
                    program[WHOLE_FILE] = Path(self.arguments[0]).name
        return shown


def _is_python(node: nodes.Node) -> bool:
    """A program or a session, as the checker reads the page (it groups outputs with the program
    before them, across other code such as a ```bash block)."""
    if not isinstance(node, nodes.literal_block) or isinstance(node, output_body):
        return False
    language = node.get("language")
    role = role_of_language(language) if language else role_of_file(node.get("source", ""), None)
    return role is not None


def _panels_after(program: nodes.literal_block) -> Iterator[output_block]:
    for node in program.findall(include_self=False, siblings=True, ascend=True):
        if _is_python(node):
            return
        if isinstance(node, output_block):
            yield node


class WholeFileNote(SphinxTransform):
    """Adds the note to the output panels of each partial include."""

    default_priority = 500

    def apply(self, **kwargs: object) -> None:
        partial = [node for node in self.document.findall(nodes.literal_block) if WHOLE_FILE in node]
        for program in partial:
            note = NOTE.format(file=program[WHOLE_FILE])
            for panel in list(_panels_after(program)):
                panel += nodes.paragraph("", note, classes=["mp-output-note"])


def setup(app: Sphinx) -> dict[str, object]:
    app.add_directive("literalinclude", PartialAwareLiteralInclude, override=True)
    app.add_transform(WholeFileNote)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
