"""The sybil parser for tutorial pages: one region per example.

The page is lexed into blocks (:mod:`.lexing`), the blocks are grouped into
examples (:mod:`.grouping`), and each group becomes one region whose evaluator
(:mod:`.evaluators`) runs it.  A group that cannot be checked becomes a
failing region that says why.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sybil import Document, Region

from .evaluators import (
    REPL,
    SHELL,
    Declaration,
    Failing,
    NotApplicableBlock,
    OutputBlock,
    Script,
    Skipped,
    Transcript,
)
from .grouping import Group, Refusal, group
from .lexing import Block, Kind, blocks
from .notation import NotationError, parse_expectation, parse_not_applicable
from .programs import ProgramError, page_files, program_of
from .sessions import SessionError, parse_session
from .settings import MATRIX, version_text


def line_of(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


class PageParser:
    def __call__(self, document: Document) -> Iterator[Region]:
        found = blocks(document.text)
        output_index = {b.start: i for i, b in enumerate(b for b in found if b.kind == Kind.OUTPUT)}
        for item in group(document.text, found):
            if isinstance(item, Refusal):
                yield Region(item.start, item.end, item.message, Failing())
                continue
            try:
                yield self.region(document, item, output_index)
            except (NotationError, ProgramError, SessionError) as error:
                yield Region(item.start, item.end, str(error), Failing())

    def region(self, document: Document, example: Group, output_index: dict[int, int]) -> Region:
        text = document.text
        if example.skip is not None:
            return Region(example.start, example.end, example.skip.argument, Skipped())
        program = example.program
        if program.error is not None:
            raise NotationError(f"its options cannot be read: {program.error}")
        line = line_of(text, program.body_start)
        evaluator: Script | Transcript
        if program.kind == Kind.SESSION:
            evaluator = Transcript(parse_session(program.body, REPL.prompts), line, REPL)
        elif program.kind == Kind.CONSOLE:
            evaluator = Transcript(parse_session(program.body, SHELL.prompts), line, SHELL,
                                   page_files(Path(document.path), text))
        else:
            declarations = [declaration(text, block, output_index) for block in example.outputs]
            evaluator = Script(program_of(program, Path(document.path), text), declarations)
        return Region(example.start, example.end, evaluator, evaluator)


def declaration(text: str, block: Block, output_index: dict[int, int]) -> Declaration:
    line = line_of(text, block.start)
    try:
        if block.error is not None:
            raise NotationError(f"its options cannot be read: {block.error}")
        if block.kind == Kind.NOT_APPLICABLE:
            return NotApplicableBlock(block, line, parse_not_applicable(block.options, block.body))
        expectation = parse_expectation(block.options, block.body)
    except NotationError as error:
        raise NotationError(f"{{{block.kind}}} block at line {line}: {error}") from None
    if not any(expectation.covers_release(version) for version in MATRIX):
        raise NotationError(f"{{output}} block at line {line}: no release the checks run on "
                            f"({', '.join(map(version_text, MATRIX))}) is in :python:, so readers would "
                            "see an output nobody checks")
    return OutputBlock(block, line, output_index[block.start], expectation)
