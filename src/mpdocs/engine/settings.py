"""How this run checks examples; set once from the pytest command line."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from .notation import START_METHODS

# The releases tox checks the pages on (envs py311, py312, debian313, debian314, debian315; a test
# ties the two).  pyenv's are exact; Debian unstable's move to each line's latest patch, written .99.
MATRIX = ((3, 11, 7), (3, 12, 1), (3, 13, 99), (3, 14, 99), (3, 15, 99))


def version_text(version: Iterable[int]) -> str:
    """``3.14.10`` for (3, 14, 10, 'final', 0)."""
    return ".".join(map(str, list(version)[:3]))


@dataclass
class Settings:
    methods: tuple[str, ...] = START_METHODS  # start methods to run examples under
    update: bool = False  # rewrite {output} blocks from real runs
    timings: Path | None = None  # append one JSON line per program run here


current = Settings()
