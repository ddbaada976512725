"""Find, in document order, the blocks of a MyST page that the engine cares about.

MyST fences are opened by three or more backticks, tildes or (with the
``colon_fence`` extension) colons, and closed by the first later line of the
same character, at least as long, with no info string: what lies between is the
fence's body, whatever it contains.  A directive that holds Markdown (``note``,
``admonition``, ``dropdown``, ``tab-set``, ``tab-item``…) has its body lexed
again, so programs and outputs inside it are found; a code fence, or a directive
whose body is literal (``code-block``, ``output``…), is never looked into, so a
notation sample inside a ````markdown fence is text.

sybil's fenced-code lexers know neither colon fences nor directives nested in
directives, so this module does its own fence scanning; the blocks it yields
carry what sybil's lexemes would (position, body, options).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import yaml

from .languages import Role, role_of_file, role_of_language

# A fence may sit in a list item, a definition (deflist) or a blockquote.
FENCE = re.compile(
    r"^(?P<prefix>(?:[ \t]*>)*[ \t]*(?:(?:[-*+:]|\d+[.)])[ \t]+)?)(?P<fence>`{3,}|~{3,}|:{3,})(?P<info>.*)$",
    re.MULTILINE,
)
HTML_COMMENT = re.compile(r"^[ ]{0,3}<!--.*?-->", re.DOTALL | re.MULTILINE)  # an HTML block
BLOCKQUOTE = re.compile(r"^(?:[ \t]*>[ \t]?)+", re.MULTILINE)
SKIP = re.compile(r"^[ \t]*%[ \t]*skip:[ \t]*(?P<reason>.*?)[ \t]*$", re.MULTILINE)
DIRECTIVE = re.compile(r"\{(?P<name>[\w:.-]+)\}[ \t]*(?P<arguments>.*)")
OPTION = re.compile(r"[ \t]*:(?P<key>[\w-]+):(?:[ \t]+(?P<value>.*?))?[ \t]*")
YAML_FENCE = re.compile(r"[ \t]*---[ \t]*")

# Directives whose body is not Markdown: they are never lexed for blocks inside.
LITERAL_DIRECTIVES = frozenset({
    "code-block", "code", "sourcecode", "literalinclude", "output", "not-applicable",
    "math", "raw", "csv-table", "graphviz", "mermaid",
})
# Directives that would show code the checker cannot see, or change how fences are highlighted.
REFUSED_DIRECTIVES = {
    "highlight": "a bare fence is text here; name the language on each fence instead of {highlight}",
    "eval-rst": "reStructuredText inside a page is not checked; write the blocks in MyST",
    "include": "included fragments are not checked; put the blocks on the page itself",
}
CODE_DIRECTIVES = frozenset({"code-block", "code", "sourcecode"})


class Kind:
    PROGRAM = "program"  # Python code shown in a fence, run as a file
    INCLUDE = "include"  # a Python file shown with {literalinclude}, run as a file
    SESSION = "session"  # a >>> session
    OUTPUT = "output"  # an {output} block
    NOT_APPLICABLE = "not-applicable"  # a {not-applicable} block
    SKIP = "skip"  # a '% skip: reason' comment
    REFUSED = "refused"  # a directive the checker refuses; ``error`` says why


@dataclass(frozen=True)
class Block:
    kind: str
    start: int  # offsets in the page
    end: int
    body: str = ""  # without the fence, the options and the block's indentation
    body_start: int = 0  # where the body (options excluded) starts in the page
    body_end: int = 0
    indent: str = ""  # removed from every body line; put back when the body is rewritten
    argument: str = ""  # path of an include, reason of a skip
    options: dict[str, str] = field(default_factory=dict)
    error: str | None = None  # set when the block cannot be understood


@dataclass(frozen=True)
class Fence:
    start: int
    end: int
    body_start: int
    body_end: int
    prefix: str
    info: str


def fences(text: str, start: int, end: int) -> Iterator[Fence]:
    """The outermost fences between ``start`` and ``end``, in order."""
    position = start
    while True:
        opening = FENCE.search(text, position, end)
        if opening is None:
            return
        body_start = min(opening.end() + 1, end)
        closing = None
        for candidate in FENCE.finditer(text, body_start, end):
            if closes(candidate, opening):
                closing = candidate
                break
        body_end = closing.start() if closing else end
        fence_end = min(closing.end() + 1, end) if closing else end
        yield Fence(opening.start(), fence_end, body_start, body_end,
                    opening["prefix"], opening["info"].strip())
        position = fence_end


def closes(candidate: re.Match[str], opening: re.Match[str]) -> bool:
    fence, opened = candidate["fence"], opening["fence"]
    return fence[0] == opened[0] and len(fence) >= len(opened) and not candidate["info"].strip()


def dedent(text: str, prefix: str) -> str:
    """The body of a fence opened after ``prefix``: blockquote markers and indentation removed."""
    if ">" in prefix:
        text = BLOCKQUOTE.sub("", text)
        prefix = prefix[prefix.rindex(">") + 1:]
    width = len(prefix.expandtabs())
    lines = []
    for line in text.splitlines(keepends=True):
        removable = len(line) - len(line.lstrip(" "))
        lines.append(line[min(width, removable):])
    return "".join(lines)


def without_comments(text: str) -> str:
    """The page with its HTML comments blanked out (same length, same line numbers): nothing in
    a comment is shown, so nothing in it opens a fence or offers a download."""
    return HTML_COMMENT.sub(lambda match: re.sub(r"[^\n]", " ", match.group()), text)


def split_options(body: str) -> tuple[dict[str, str], int, str | None]:
    """A directive's options (``:key: value`` lines, or a YAML block between ``---``
    lines), how many lines of the body they take, and why they cannot be read, if so."""
    lines = body.splitlines()
    if lines and YAML_FENCE.fullmatch(lines[0]):
        for index, line in enumerate(lines[1:], start=1):
            if YAML_FENCE.fullmatch(line):
                from_yaml, error = yaml_options("\n".join(lines[1:index]))
                return from_yaml, index + 1, error
        return {}, 0, "its YAML option block is not closed by a '---' line"
    options: dict[str, str] = {}
    for line in lines:
        match = OPTION.fullmatch(line)
        if not match:
            break
        value, error = option_value(match["value"] or "")
        if error:
            return {}, 0, f"option :{match['key']}: {error}"
        options[match["key"]] = value
    return options, len(options), None


def option_value(raw: str) -> tuple[str, str | None]:
    """A ``:key: value`` line's value as MyST reads it: a YAML scalar, quotes removed,
    a trailing ``# comment`` dropped."""
    if raw[:1] in ("'", '"'):
        try:
            loaded = yaml.safe_load(raw)
        except yaml.YAMLError:
            return "", f"has an unclosed quote: {raw}"
        return str(loaded), None
    if raw[:1] in (">", "|"):
        return "", f"starts a YAML block scalar ({raw[:1]}); put the value in quotes: '{raw}'"
    return re.sub(r"[ \t]+#.*$", "", raw), None


def yaml_options(text: str) -> tuple[dict[str, str], str | None]:
    try:
        loaded = yaml.safe_load(text)
    except yaml.YAMLError as error:
        return {}, f"its YAML option block is not valid YAML: {error}"
    if loaded is None:
        return {}, None
    if not isinstance(loaded, dict):
        return {}, "its YAML option block must be a mapping of option names to values"
    options = {}
    for key, value in loaded.items():
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            return {}, f"option {key!r} in its YAML block must be a string or a number"
        options[str(key)] = str(value)
    return options, None


def blocks(text: str) -> list[Block]:
    """Every block of the page the engine cares about, in document order."""
    return sorted(_blocks(text, without_comments(text), 0, len(text)), key=lambda block: block.start)


def _blocks(text: str, shown: str, start: int, end: int) -> Iterator[Block]:
    """Blocks between ``start`` and ``end``; ``shown`` is the text with comments blanked out, where
    fences are looked for (bodies come from ``text``: a comment inside a fence is its content)."""
    taken: list[tuple[int, int]] = []
    for fence in fences(shown, start, end):
        taken.append((fence.start, fence.end))
        yield from _fence_blocks(text, shown, fence)
    for match in SKIP.finditer(shown, start, end):
        if not any(a <= match.start() < b for a, b in taken):
            yield Block(Kind.SKIP, match.start(), match.end(), argument=match["reason"])


def _fence_blocks(text: str, shown: str, fence: Fence) -> Iterator[Block]:
    directive = DIRECTIVE.fullmatch(fence.info)
    if directive is None:  # a code fence: ```python, ``` pycon, ```text …
        yield from _code_block(text, fence, _role(fence.info), with_options=False)
        return
    name, arguments = directive["name"].lower(), directive["arguments"].strip()  # as docutils reads it
    if name in REFUSED_DIRECTIVES:
        yield Block(Kind.REFUSED, fence.start, fence.end, error=REFUSED_DIRECTIVES[name])
    elif name not in LITERAL_DIRECTIVES:  # a directive holding Markdown: look inside
        container = _block(text, fence, name, with_options=True)
        yield from _blocks(text, shown, container.body_start, container.body_end)
    elif name in CODE_DIRECTIVES:
        yield from _code_block(text, fence, _role(arguments), with_options=True)
    elif name == "literalinclude":
        block = _block(text, fence, Kind.INCLUDE, with_options=True, argument=arguments)
        role = role_of_file(arguments, block.options.get("language"))
        if role is Role.PROGRAM:
            yield block
        elif role is Role.SESSION:
            yield Block(Kind.REFUSED, fence.start, fence.end,
                        error="an included session is not checked; write it in a pycon fence on the page")
    elif name in (Kind.OUTPUT, Kind.NOT_APPLICABLE):
        yield _block(text, fence, name, with_options=True)


def _code_block(text: str, fence: Fence, role: Role | None, *, with_options: bool) -> Iterator[Block]:
    if role is None:
        return
    block = _block(text, fence, Kind.PROGRAM, with_options=with_options)
    # a python fence that starts with a prompt is highlighted, and so read, as a session
    if role is Role.SESSION or block.body.lstrip().startswith(">>>"):
        block = replace(block, kind=Kind.SESSION)
    yield block


def _role(info: str) -> Role | None:
    """The role of code whose language is the first word of ``info``."""
    words = info.split()
    return role_of_language(words[0]) if words else None


def _block(text: str, fence: Fence, kind: str, *, with_options: bool, argument: str = "") -> Block:
    raw_lines = text[fence.body_start:fence.body_end].splitlines(keepends=True)
    options: dict[str, str] = {}
    taken, error = 0, None
    if with_options:
        options, taken, error = split_options(dedent("".join(raw_lines), fence.prefix))
    body_start = fence.body_start + len("".join(raw_lines[:taken]))
    body = dedent(text[body_start:fence.body_end], fence.prefix)
    return Block(kind, fence.start, fence.end, body, body_start, fence.body_end,
                 " " * len(fence.prefix.expandtabs()), argument, options, error)


def _all_fences(shown: str, start: int, end: int) -> Iterator[tuple[Fence, str | None]]:
    """Every fence, inside Markdown directives too, with its directive's name (None for code)."""
    for fence in fences(shown, start, end):
        directive = DIRECTIVE.fullmatch(fence.info)
        name = directive["name"].lower() if directive else None
        yield fence, name
        if name is not None and name not in LITERAL_DIRECTIVES and name not in REFUSED_DIRECTIVES:
            yield from _all_fences(shown, fence.body_start, fence.body_end)


def included_files(text: str) -> list[str]:
    """The file named by every ``{literalinclude}`` on the page, whatever its language."""
    shown = without_comments(text)
    return [DIRECTIVE.fullmatch(fence.info)["arguments"].strip()  # type: ignore[index]
            for fence, name in _all_fences(shown, 0, len(shown)) if name == "literalinclude"]


def prose(text: str) -> str:
    """The page as text readers read: comments and the bodies of code blanked out."""
    shown = without_comments(text)
    blanked = list(shown)
    for fence, name in _all_fences(shown, 0, len(shown)):
        if name is None or name in LITERAL_DIRECTIVES:
            for index in range(fence.start, fence.end):
                if blanked[index] != "\n":
                    blanked[index] = " "
    return "".join(blanked)
