"""Choose the start method a program gets by default, without choosing it for the program.

``multiprocessing.set_start_method()`` may be called only once, so calling it
for a program would break a program that calls it itself.  Instead this
replaces the default that ``multiprocessing`` falls back to while nobody has
chosen a method: the program's own ``set_start_method("spawn")`` still wins.
"""

from __future__ import annotations

import contextlib
import multiprocessing.context

ENVIRONMENT_VARIABLE = "MPDOCS_START_METHOD"


def set_default(method: str) -> None:
    default = multiprocessing.context._default_context  # private, stable since 3.4
    default._default_context = multiprocessing.context._concrete_contexts[method]
    default._actual_context = None


@contextlib.contextmanager
def default_start_method(method: str):
    default = multiprocessing.context._default_context
    saved = default._default_context, default._actual_context
    set_default(method)
    try:
        yield
    finally:
        default._default_context, default._actual_context = saved
