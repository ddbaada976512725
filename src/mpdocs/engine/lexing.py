"""Find, in document order, the blocks of a MyST page that the engine cares about.

The page is parsed by markdown-it with the plugins MyST uses for the site's
extensions (colon fences, definition lists, field lists, ``%`` comments,
roles), so a fence is a fence exactly when the site renders one: not inside an
HTML comment, not in an indented code block, yes in a list item, a definition or
a blockquote.  A directive that holds Markdown (``note``, ``dropdown``,
``tab-item``…) has its body parsed again, as MyST does, so programs and outputs
inside it are found; a code fence, or a directive whose body is literal
(``code-block``, ``output``…), is never looked into.

sybil's fenced-code lexers know neither colon fences nor directives nested in
directives, so this module reads the tokens itself; the blocks it yields carry
what sybil's lexemes would (position, body, options).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.colon_fence import colon_fence_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.field_list import fieldlist_plugin
from mdit_py_plugins.myst_blocks import myst_block_plugin
from mdit_py_plugins.myst_role import myst_role_plugin

from .languages import Role, role_of_file, role_of_language

# The block structure MyST gives a page (conf.py: myst_enable_extensions).
PARSER = (MarkdownIt("commonmark").use(colon_fence_plugin).use(deflist_plugin).use(fieldlist_plugin)
          .use(myst_block_plugin).use(myst_role_plugin))
FENCES = ("fence", "colon_fence")
# What stands before a fence's markup on its line: list markers, definition colons, blockquotes.
PREFIX = re.compile(r"(?P<prefix>[ \t>]*(?:(?:[-*+:]|\d+[.)])[ \t]+)?)(?:`{3,}|~{3,}|:{3,})")
# An {eval-rst} body of autodoc directives and their options only, such as ".. automodule:: x"
AUTODOC_ONLY = re.compile(r"(?:[ \t]*\n|\.\. auto\w+:: [^\n]*\n|[ \t]+:[\w-]+:[^\n]*\n)*")
SKIP = re.compile(r"[ \t]*skip:[ \t]*(?P<reason>.*?)[ \t]*")
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
    "eval-rst": "reStructuredText inside a page is not checked: write the blocks in MyST (only "
                "autodoc directives may stand in {eval-rst})",
    "include": "included fragments are not checked; put the blocks on the page itself",
}
CODE_DIRECTIVES = frozenset({"code-block", "code", "sourcecode"})


def holds_markdown(directive: str) -> bool:
    return directive not in LITERAL_DIRECTIVES and directive not in REFUSED_DIRECTIVES


class Kind:
    PROGRAM = "program"  # Python code shown in a fence, run as a file
    INCLUDE = "include"  # a Python file shown with {literalinclude}, run as a file
    SESSION = "session"  # a >>> session
    CONSOLE = "console"  # a shell transcript with $ prompts
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
    """A fenced block as the site's parser reads it, placed in the page."""

    start: int  # offsets in the page
    end: int
    body_start: int  # first line after the opening fence
    body_end: int  # the closing fence's line, or the end of the container if unclosed
    body_line: int  # line number (from 0) of body_start
    indent: str  # what stands before the fence's markup, list markers as spaces
    info: str
    content: str  # the body with the indentation and blockquote markers removed

    def inner(self) -> tuple[str, int]:
        """A Markdown directive's body after its options, and the page line it starts on."""
        _, taken, _ = split_options(self.content)
        return "".join(self.content.splitlines(keepends=True)[taken:]), self.body_line + taken


class Page:
    """A page's text with its line offsets, to place tokens found in nested bodies."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = text.splitlines(keepends=True)
        self.offsets = [0]
        for line in self.lines:
            self.offsets.append(self.offsets[-1] + len(line))

    def offset(self, line: int) -> int:
        return self.offsets[min(line, len(self.lines))]

    def fence(self, token: Token, base: int) -> Fence:
        assert token.map is not None
        first, last = token.map[0] + base, token.map[1] + base
        opener = self.lines[first]
        prefix = PREFIX.match(opener)
        indent = prefix["prefix"] if prefix else ""
        indent = re.sub(r"[-*+:0-9.)]", " ", indent) if ">" not in indent else indent
        closing = self.lines[last - 1].strip(" \t>\n") if last - 1 > first else ""
        closed = bool(closing) and set(closing) == {token.markup[0]} and len(closing) >= len(token.markup)
        body_end = last - 1 if closed else last
        return Fence(self.offset(first), self.offset(last), self.offset(first + 1),
                     self.offset(body_end), first + 1, indent, token.info.strip(), token.content)


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
    page = Page(text)
    found: list[Block] = []
    for token, base, fence in _tokens(page, text, 0):
        if fence is not None:
            found.extend(_fence_blocks(page, fence))
        elif token.type == "myst_line_comment":
            found.extend(_skip(page, token, base))
    return sorted(found, key=lambda block: block.start)


def _skip(page: Page, token: Token, base: int) -> Iterator[Block]:
    if token.map is None:
        return
    for number, line in enumerate(token.content.splitlines()):
        match = SKIP.fullmatch(line)
        if match:
            start = page.offset(token.map[0] + base + number)
            yield Block(Kind.SKIP, start, page.offset(token.map[1] + base), argument=match["reason"])


def _fence_blocks(page: Page, fence: Fence) -> Iterator[Block]:
    directive = DIRECTIVE.fullmatch(fence.info)
    if directive is None:  # a code fence: ```python, ``` pycon, ```text …
        yield from _code_block(page, fence, _role(fence.info), with_options=False)
        return
    name, arguments = directive["name"].lower(), directive["arguments"].strip()  # as docutils reads it
    if name == "eval-rst" and AUTODOC_ONLY.fullmatch(fence.content):
        return  # the API reference, generated from docstrings: no code shown
    if name in REFUSED_DIRECTIVES:
        yield Block(Kind.REFUSED, fence.start, fence.end, error=REFUSED_DIRECTIVES[name])
    elif name in CODE_DIRECTIVES:
        yield from _code_block(page, fence, _role(arguments), with_options=True)
    elif name == "literalinclude":
        block = _block(page, fence, Kind.INCLUDE, with_options=True, argument=arguments)
        role = role_of_file(arguments, block.options.get("language"))
        if role is Role.PROGRAM:
            yield block
        elif role is Role.SESSION:
            yield Block(Kind.REFUSED, fence.start, fence.end,
                        error="an included session is not checked; write it in a pycon fence on the page")
        elif role is Role.CONSOLE:
            yield Block(Kind.REFUSED, fence.start, fence.end,
                        error="an included transcript is not checked; write it in a console fence "
                              "on the page")
    elif name in (Kind.OUTPUT, Kind.NOT_APPLICABLE):
        yield _block(page, fence, name, with_options=True)


def _code_block(page: Page, fence: Fence, role: Role | None, *, with_options: bool) -> Iterator[Block]:
    if role is None:
        return
    if role is Role.CONSOLE:
        yield _block(page, fence, Kind.CONSOLE, with_options=with_options)
        return
    block = _block(page, fence, Kind.PROGRAM, with_options=with_options)
    # a python fence that starts with a prompt is highlighted, and so read, as a session
    if role is Role.SESSION or block.body.lstrip().startswith(">>>"):
        block = replace(block, kind=Kind.SESSION)
    yield block


def _role(info: str) -> Role | None:
    """The role of code whose language is the first word of ``info``."""
    words = info.split()
    return role_of_language(words[0]) if words else None


def _block(page: Page, fence: Fence, kind: str, *, with_options: bool, argument: str = "") -> Block:
    options: dict[str, str] = {}
    taken, error = 0, None
    if with_options:
        options, taken, error = split_options(fence.content)
    body = "".join(fence.content.splitlines(keepends=True)[taken:])
    return Block(kind, fence.start, fence.end, body, page.offset(fence.body_line + taken), fence.body_end,
                 fence.indent, argument, options, error)


def _tokens(page: Page, source: str, base: int) -> Iterator[tuple[Token, int, Fence | None]]:
    """Every token of ``source`` (the part of the page from line ``base``), with the tokens inside
    Markdown directives, parsed again as MyST does; each with its base line, and its fence if any."""
    for token in PARSER.parse(source):
        fence = page.fence(token, base) if token.type in FENCES and token.map is not None else None
        yield token, base, fence
        directive = DIRECTIVE.fullmatch(fence.info) if fence else None
        if fence and directive and holds_markdown(directive["name"].lower()):
            yield from _tokens(page, *fence.inner())


def includes(text: str) -> list[tuple[str, dict[str, str]]]:
    """The file named by every ``{literalinclude}`` on the page, whatever its language, with its
    options."""
    found = []
    for _, _, fence in _tokens(Page(text), text, 0):
        directive = DIRECTIVE.fullmatch(fence.info) if fence else None
        if fence and directive and directive["name"].lower() == "literalinclude":
            found.append((directive["arguments"].strip(), split_options(fence.content)[0]))
    return found


def included_files(text: str) -> list[str]:
    """The file named by every ``{literalinclude}`` on the page, whatever its language."""
    return [name for name, _ in includes(text)]


def download_targets(text: str) -> list[str]:
    """What every ``{download}`` role on the page links to."""
    found = []
    for token, _, _ in _tokens(Page(text), text, 0):
        for child in token.children or []:
            if child.type == "myst_role" and child.meta.get("name") == "download":
                label, _, target = child.content.partition("<")
                found.append(target.rstrip(">").strip() if target else label.strip())
    return found
