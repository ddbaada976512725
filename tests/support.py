"""What the engine's tests share: the folder of samples, and how to build a sample site."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

SAMPLES = Path(__file__).parent / "samples"

CheckPage = Callable[..., pytest.RunResult]  # the check_page fixture of conftest.py


def build_site(source: Path, out: Path, *options: str,
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Build a sample site strictly (-W) and afresh (-E), as the docs build does."""
    command = [sys.executable, "-m", "sphinx", "-W", "-q", "-E", "-b", "html", *options,
               str(source), str(out)]
    return subprocess.run(command, capture_output=True, text=True, env=env)
