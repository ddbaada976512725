"""Read a transcript, a ``>>>`` session or a shell's ``$`` console, as a reader's terminal shows it:
statements and what each showed.

A statement starts at a prompt (``>>>``, or ``$`` in a console) and, in a
session, continues on ``...`` lines.  Every other line, blank lines included,
is what the terminal showed after it, up to the next prompt; a REPL prints no
``<BLANKLINE>`` and knows no doctest directives, so neither is accepted here.
What a statement shows is written in the notation of ``{output}`` blocks
(``⟨pid⟩``, ``  ⟨frames⟩`` …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .notation import Expectation, NotationError, parse_expectation

DOCTEST_DIRECTIVE = re.compile(r"#\s*doctest:", re.IGNORECASE)


class SessionError(ValueError):
    """A transcript that cannot be read as a reader's terminal shows it."""


@dataclass(frozen=True)
class Prompts:
    """How a kind of transcript marks what was typed."""

    first: str
    continuation: str | None
    missing: str  # why a transcript that does not start with a prompt is refused


REPL_PROMPTS = Prompts(">>>", "...", "a session must start with a '>>> ' prompt, as a REPL shows it; "
                             "a program without prompts belongs in a ```python block")
SHELL_PROMPTS = Prompts("$", None, "a console transcript must start with a '$ ' prompt, as a terminal "
                                   "shows it")


@dataclass(frozen=True)
class Statement:
    source: str  # the code typed, without prompts
    shown: Expectation | None  # what the terminal showed after it; None: nothing
    line: int  # of its prompt, counted from 1 within the session


def prompt_code(line: str, prompt: str) -> str | None:
    """The code after ``prompt`` on ``line``, or None if the line has no such prompt."""
    if line == prompt:
        return ""
    if line.startswith(prompt + " "):
        return line[len(prompt) + 1:]
    return None


def parse_session(body: str, prompts: Prompts = REPL_PROMPTS) -> list[Statement]:
    lines = body.splitlines()
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines or prompt_code(lines[0], prompts.first) is None:
        raise SessionError(prompts.missing)
    statements = []
    index = 0
    while index < len(lines):
        number = index + 1
        code = [prompt_code(lines[index], prompts.first) or ""]
        index += 1
        while (prompts.continuation and index < len(lines)
               and (more := prompt_code(lines[index], prompts.continuation)) is not None):
            code.append(more)
            index += 1
        shown_lines = []
        while index < len(lines) and prompt_code(lines[index], prompts.first) is None:
            shown_lines.append(lines[index])
            index += 1
        statements.append(Statement(source_of(code, number), shown_of(shown_lines, number), number))
    return statements


def source_of(code: list[str], line: int) -> str:
    source = "\n".join(code) + "\n"
    if DOCTEST_DIRECTIVE.search(source):
        raise SessionError(f"line {line}: doctest directives (+SKIP, +ELLIPSIS…) are not honoured; "
                           "a reader's REPL has none")
    return source


def shown_of(lines: list[str], line: int) -> Expectation | None:
    text = "\n".join(lines)
    if not text.strip():
        return None
    try:
        return parse_expectation({}, text)
    except NotationError as error:
        raise SessionError(f"what line {line} shows: {error}") from None
