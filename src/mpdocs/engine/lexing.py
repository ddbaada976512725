"""Find, in document order, the blocks of a MyST page that the engine cares about."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from sybil import Document, Region
from sybil.parsers.markdown.lexers import FencedCodeBlockLexer, RawFencedCodeBlockLexer
from sybil.parsers.myst.lexers import DirectiveLexer

PYTHON_LANGUAGES = r"python3?|py|pycon"
SKIP = re.compile(r"^%[ \t]*skip:[ \t]*(?P<reason>.*?)[ \t]*$", re.MULTILINE)

code_lexer = FencedCodeBlockLexer(language=PYTHON_LANGUAGES)
include_lexer = DirectiveLexer(directive="literalinclude", arguments=".+")
output_lexer = DirectiveLexer(directive="output", arguments="")
any_fence_lexer = RawFencedCodeBlockLexer(info_pattern=re.compile(r".*$\n", re.MULTILINE))


@dataclass(frozen=True)
class Block:
    kind: str  # "code", "include", "output" or "skip"
    start: int
    end: int
    body: str = ""
    body_start: int = 0  # position of the body in the document, for rewriting it
    argument: str = ""  # language of code, path of include, reason of skip
    options: dict[str, str] = field(default_factory=dict)


def body_of(region: Region) -> tuple[str, int]:
    source = region.lexemes["source"]
    return str(source), region.start + source.offset


def is_python_include(region: Region) -> bool:
    language = region.lexemes["options"].get("language")
    return language in ("python", "py") if language else region.lexemes["arguments"].strip().endswith(".py")


def output_blocks(document: Document) -> list[Block]:
    """The page's {output} blocks, in order, leaving out those shown inside another fence."""
    return [block for block in blocks(document) if block.kind == "output"]


def lex_output_blocks(document: Document) -> Iterator[Block]:
    for region in output_lexer(document):
        body, body_start = body_of(region)
        yield Block("output", region.start, region.end, body, body_start,
                    options=dict(region.lexemes["options"]))


def blocks(document: Document) -> list[Block]:
    found: list[Block] = list(lex_output_blocks(document))
    for region in code_lexer(document):
        body, body_start = body_of(region)
        found.append(Block("code", region.start, region.end, body, body_start,
                           argument=region.lexemes["language"]))
    for region in include_lexer(document):
        if not is_python_include(region):
            continue
        found.append(Block("include", region.start, region.end,
                           argument=region.lexemes["arguments"].strip(),
                           options=dict(region.lexemes["options"])))
    for match in SKIP.finditer(document.text):
        found.append(Block("skip", match.start(), match.end(), argument=match["reason"]))
    # Blocks shown inside another fence (say, a ````markdown sample of the
    # notation) are text, not examples.
    fences = [(region.start, region.end) for region in any_fence_lexer(document)]
    found = [block for block in found if not any(
        start < block.start and block.end <= end for start, end in fences)]
    found.sort(key=lambda block: block.start)
    return found
