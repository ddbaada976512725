"""Group the blocks of a page into examples: (skip, program, its outputs).

- A program (Python in a fence, or a Python ``{literalinclude}``) owns the
  ``{output}`` and ``{not-applicable}`` blocks that follow it, with prose, other
  fences and directive boundaries in between allowed (outputs may sit in tabs).
- A ``>>>`` session, or a shell transcript (``$`` prompts), stands alone: its
  expected output is written in it.
- ``% skip: reason`` skips the program or transcript right after it; only blank
  lines may come between.  The outputs of a skipped program are not shown as
  verified, so they are refused like any output without a program.

Everything else a reader sees as Python or as output is a :class:`Refusal`:
nothing on a page may pass without being checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .lexing import Block, Kind

PROGRAMS = (Kind.PROGRAM, Kind.INCLUDE)
TRANSCRIPTS = (Kind.SESSION, Kind.CONSOLE)  # what the terminal shows is written in them
OUTPUTS = (Kind.OUTPUT, Kind.NOT_APPLICABLE)


@dataclass(frozen=True)
class Group:
    program: Block  # a program, an include or a session
    outputs: tuple[Block, ...] = ()
    skip: Block | None = None

    @property
    def start(self) -> int:
        return (self.skip or self.program).start

    @property
    def end(self) -> int:
        return (self.outputs[-1] if self.outputs else self.program).end


@dataclass(frozen=True)
class Refusal:
    block: Block
    message: str

    @property
    def start(self) -> int:
        return self.block.start

    @property
    def end(self) -> int:
        return self.block.end


def group(text: str, found: list[Block]) -> Iterator[Group | Refusal]:
    previous: Group | None = None  # the last example, for explaining an orphan output
    index = 0
    while index < len(found):
        block = found[index]
        index += 1
        if block.kind == Kind.REFUSED:
            yield Refusal(block, block.error or "")
        elif block.kind == Kind.SKIP:
            target = found[index] if index < len(found) else None
            refusal = skip_refusal(text, block, target)
            if refusal or target is None:
                yield Refusal(block, refusal or "")
                continue
            index += 1
            previous = Group(target, skip=block)
            yield previous
        elif block.kind in OUTPUTS:
            yield Refusal(block, orphan_message(previous))
        elif block.kind in TRANSCRIPTS:
            previous = Group(block)
            yield previous
        else:
            outputs = []
            while index < len(found) and found[index].kind in OUTPUTS:
                outputs.append(found[index])
                index += 1
            previous = None
            if outputs:
                yield Group(block, tuple(outputs))
            else:
                yield Refusal(block, "this Python block is neither checked by an {output} block nor "
                                     "skipped with '% skip: <reason>' on the line right before it")


def skip_refusal(text: str, skip: Block, target: Block | None) -> str | None:
    if not skip.argument:
        return "'% skip:' needs a written reason"
    if target is None or text[skip.end:target.start].strip():
        return ("'% skip:' applies only to a Python block right after it (blank lines between at "
                "most), and none follows")
    if target.kind not in (*PROGRAMS, *TRANSCRIPTS):
        return ("'% skip:' can only skip a Python block or a console transcript; an {output} block "
                "shows a run, so it must be checked")
    return None


def orphan_message(previous: Group | None) -> str:
    if previous is not None and previous.skip is not None:
        return "this {output} block follows a skipped program, so it would be shown unchecked"
    if previous is not None and previous.program.kind == Kind.SESSION:
        return ("an {output} block cannot follow a >>> session: write what the session prints "
                "after its prompts, as a REPL shows it")
    if previous is not None and previous.program.kind == Kind.CONSOLE:
        return ("an {output} block cannot follow a console transcript: write what each command "
                "prints after its '$ ' line, as a terminal shows it")
    return "this {output} block follows no program"
