"""A record of what a check run verified, on which Python and under which start methods.

The site's statement of where its outputs are checked (``{checked-releases}``,
:mod:`mpdocs.sphinxext.checked`) is built from these records, not written by
hand.  A run writes its record only when every example it collected passed or
was skipped with a reason.
"""

from __future__ import annotations

import json
import platform
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

from .settings import version_text


@dataclass(frozen=True)
class Record:
    python: str  # e.g. "3.14.10"
    implementation: str  # e.g. "cpython"
    build: str  # the system it ran on, e.g. "Debian GNU/Linux forky/sid"
    methods: list[str]  # start methods the examples ran under
    pages: list[str]  # pages checked, relative to the folder of pages
    programs: int  # program examples verified
    sessions: int  # session examples verified
    consoles: int  # console transcripts verified
    skipped: int  # examples skipped with a reason

    def write(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(asdict(self), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


class RecordError(ValueError):
    """A file that is not a record this engine writes (an older engine's, say)."""


def read(path: Path) -> Record:
    try:
        return Record(**json.loads(path.read_text(encoding="utf-8")))
    except (TypeError, ValueError) as error:
        raise RecordError(f"{path} is not a check record of this mpdocs ({error}); run the page "
                          "checks again to write it anew") from None


def operating_system() -> str:
    try:
        return platform.freedesktop_os_release()["PRETTY_NAME"]
    except OSError:
        return platform.system()


def this_python() -> tuple[str, str, str]:
    return version_text(sys.version_info[:3]), sys.implementation.name, operating_system()
