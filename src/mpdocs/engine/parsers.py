"""Turn the blocks of a page into sybil regions, one per example.

- a program (a ```python block or a ``{literalinclude}``) followed by one or
  more ``{output}`` blocks is a script example;
- a ```python block that starts with ``>>>`` (or a ```pycon block) is an
  interactive session;
- ``% skip: <reason>`` just before a block skips it, with that reason;
- any other ```python block, or an ``{output}`` block without a program, fails:
  nothing on a page may pass without being checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sybil import Document, Region

from .evaluators import Failing, OutputBlock, Script, Session, Skipped
from .lexing import Block, blocks
from .notation import NotationError, parse_expectation


def line_of(document: Document, position: int) -> int:
    return document.text.count("\n", 0, position) + 1


class PageParser:
    """The sybil parser for tutorial pages."""

    def __call__(self, document: Document) -> Iterator[Region]:
        found = blocks(document)
        output_index = 0
        index = 0
        while index < len(found):
            block = found[index]
            index += 1
            skip_reason = None
            if block.kind == "skip":
                if index == len(found) or found[index].kind == "skip":
                    yield fail(block, "'% skip:' is not followed by a block to skip")
                    continue
                skip_reason, block = block.argument, found[index]
                index += 1
                if not skip_reason:
                    yield fail(block, "'% skip:' needs a written reason")
                    continue
            outputs: list[Block] = []
            while index < len(found) and found[index].kind == "output" and block.kind != "output":
                outputs.append(found[index])
                index += 1
            end = outputs[-1].end if outputs else block.end
            if skip_reason is not None:
                output_index += len(outputs) + (block.kind == "output")
                yield Region(block.start, end, skip_reason, Skipped())
            elif block.kind == "output":
                output_index += 1
                yield fail(block, "this {output} block follows no program")
            elif is_session(block):
                yield Region(block.start, block.end, block.body, Session(line_of(document, block.body_start)))
            elif not outputs:
                yield fail(block, "this python block is neither checked by an {output} block "
                                  "nor skipped with '% skip: <reason>' on the line before it")
            else:
                try:
                    script = self.script(document, block, outputs, output_index)
                except (NotationError, OSError) as error:
                    yield fail(block, str(error))
                else:
                    yield Region(block.start, end, script, script)
                output_index += len(outputs)

    def script(self, document: Document, program: Block, outputs: list[Block],
               first_output: int) -> Script:
        if program.kind == "include":
            path = Path(document.path).parent / program.argument
            source, filename = path.read_text(encoding="utf-8"), path.name
        else:
            source, filename = program.body, "example.py"
        blocks = []
        for offset, output in enumerate(outputs):
            line = line_of(document, output.start)
            try:
                expectation = parse_expectation(output.options, output.body)
            except NotationError as error:
                raise NotationError(f"{{output}} block at line {line}: {error}") from None
            blocks.append(OutputBlock(expectation, line, first_output + offset))
        return Script(source, filename, blocks)


def is_session(block: Block) -> bool:
    return block.kind == "code" and (block.argument == "pycon" or block.body.lstrip().startswith(">>>"))


def fail(block: Block, message: str) -> Region:
    return Region(block.start, block.end, message, Failing())
