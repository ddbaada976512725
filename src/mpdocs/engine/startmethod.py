"""Choose the start method a program gets by default, without choosing it for the program.

``multiprocessing.set_start_method()`` may be called only once, so calling it
for a program would break a program that calls it itself.  Instead this
replaces the default that ``multiprocessing`` falls back to while nobody has
chosen a method: the program's own ``set_start_method("spawn")`` still wins.
The bootstrap ``sitecustomize`` applies the method named in
:data:`ENVIRONMENT_VARIABLE` in every program the runner starts.
"""

from __future__ import annotations

import multiprocessing.context
from typing import Any

ENVIRONMENT_VARIABLE = "MPDOCS_START_METHOD"


def set_default(method: str) -> None:
    # private, stable since 3.4, and not in typeshed
    internals = vars(multiprocessing.context)
    default: Any = internals["_default_context"]
    default._default_context = internals["_concrete_contexts"][method]
    default._actual_context = None
