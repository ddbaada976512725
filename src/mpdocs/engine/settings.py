"""How this run checks examples; set once from the pytest command line."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .notation import START_METHODS


@dataclass
class Settings:
    methods: tuple[str, ...] = START_METHODS  # start methods to run examples under
    update: bool = False  # rewrite {output} blocks from real runs
    timings: Path | None = None  # append one JSON line per program run here


current = Settings()
