"""Which code a page shows as Python: the one definition the lexer and the parser share.

A fence is Python when the site highlights it as Python.  Sphinx resolves a few
names itself (``default``, ``pycon3``, ``guess``) and hands the rest to Pygments,
so Pygments decides: ``python``, ``Python``, ``py``, ``python3``, ``py3``,
``numpy``… are programs; ``pycon`` and ``python-console`` are interactive
sessions; ``console`` and ``shell-session`` are shell transcripts (``$``
prompts).  A fence without a language is text, because the site's
``highlight_language`` is ``text`` (``conf.py``; a test ties the two).  An
included file without ``:language:`` is judged by its file name.
"""

from __future__ import annotations

import enum

from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name, get_lexer_for_filename
from pygments.lexers.python import Python2Lexer, PythonConsoleLexer, PythonLexer
from pygments.lexers.shell import BashSessionLexer
from pygments.util import ClassNotFound


class Role(enum.Enum):
    PROGRAM = "program"  # run as ``python file.py``
    SESSION = "session"  # typed at the ``>>>`` prompt
    CONSOLE = "console"  # typed at a shell's ``$`` prompt


def _role(lexer: Lexer) -> Role | None:
    if isinstance(lexer, PythonConsoleLexer):
        return Role.SESSION
    if isinstance(lexer, PythonLexer | Python2Lexer):
        return Role.PROGRAM
    if isinstance(lexer, BashSessionLexer):
        return Role.CONSOLE
    return None


# Names Sphinx resolves before asking Pygments (sphinx.highlighting.PygmentsBridge.get_lexer).
SPHINX_NAMES = {"default": Role.PROGRAM, "pycon3": Role.SESSION, "guess": Role.PROGRAM}


def role_of_language(language: str) -> Role | None:
    """The role of code highlighted as ``language`` (the first word of an info string).

    ``guess`` counts as a program: the site may guess Python, so it must be checked or skipped."""
    if not language:
        return None
    if language.lower() in SPHINX_NAMES:
        return SPHINX_NAMES[language.lower()]
    try:
        return _role(get_lexer_by_name(language))
    except ClassNotFound:
        return None


def role_of_file(filename: str, language: str | None) -> Role | None:
    """The role of an included file: its ``:language:`` if given, else its name."""
    if language is not None:
        return role_of_language(language)
    try:
        return _role(get_lexer_for_filename(filename))
    except ClassNotFound:
        return None
