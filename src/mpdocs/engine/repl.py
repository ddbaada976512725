"""Replay a session's statements as a reader's REPL would run them.

This module runs inside the program process that the runner starts, as
``python -c "__import__('mpdocs.engine.repl').engine.repl.main()"``: like a
REPL, ``__main__`` then has no ``__file__`` and no ``__spec__``, so functions
typed at the prompt cannot be found by spawn or forkserver children, exactly as
on a reader's machine.  Each statement is compiled in ``single`` mode (an
expression's value is echoed), exceptions are printed as the REPL prints them,
and children write to the same terminal.  Before each statement, and when the
session ends, a marker line that no program can forge separates what the
terminal showed for each statement.
"""

from __future__ import annotations

import json
import linecache
import sys
import traceback
from pathlib import Path

STATEMENTS_FILE = ".mpdocs-session.json"  # written by the evaluator, removed before the session
COMMAND = "__import__('mpdocs.engine.repl').engine.repl.main()"  # for python -c
END = "end"


def marker(token: str, label: str | int) -> str:
    return f"\u27e6mpdocs {token} {label}\u27e7"


def filename(number: int) -> str:
    """What the REPL calls the statement: from 3.13 each input is a file with its source kept, so
    tracebacks show its lines, as a reader's REPL shows them."""
    return f"<python-input-{number}>" if sys.version_info >= (3, 13) else "<stdin>"


def run(source: str, number: int, namespace: dict[str, object]) -> None:
    name = filename(number)
    if name != "<stdin>":
        linecache.cache[name] = (len(source), None, source.splitlines(keepends=True), name)
    try:
        code = compile(source, name, "single")
    except SyntaxError:
        traceback.print_exc(limit=0)
        return
    try:
        exec(code, namespace)
    except SystemExit:
        raise
    except BaseException as error:  # the REPL shows any exception, KeyboardInterrupt too
        assert error.__traceback__ is not None
        traceback.print_exception(type(error), error, error.__traceback__.tb_next)


def main() -> None:
    path = Path(STATEMENTS_FILE)
    session = json.loads(path.read_text(encoding="utf-8"))
    path.unlink()
    sys.argv = [""]  # as in a REPL
    namespace = vars(sys.modules["__main__"])
    for number, source in enumerate(session["statements"]):
        print(marker(session["token"], number), flush=True)
        run(source, number, namespace)
        sys.stdout.flush()
        sys.stderr.flush()
    print(marker(session["token"], END), flush=True)
