"""Run a program as a reader would: ``python file.py`` in a terminal.

The program gets a pseudo-terminal for stdout and stderr, so every process it
starts is line-buffered exactly as in a reader's terminal: a child killed by
``terminate()`` keeps the lines it had printed, and lines written by several
processes are not torn apart.  ``PYTHONUNBUFFERED`` is removed from the
environment for the same reason (unbuffered mode writes a line's text and its
newline separately).  The program leads its own process group, which is killed
as a whole when it overruns or must be stopped, so no process is left behind.
"""

from __future__ import annotations

import os
import pty
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import mpdocs

from . import startmethod

BOOTSTRAP = Path(__file__).with_name("bootstrap")
PACKAGE_ROOT = Path(mpdocs.__file__).resolve().parent.parent
GRACE = 2.0  # seconds to collect output after the process group is killed


@dataclass(frozen=True)
class Run:
    output: str
    returncode: int | None
    duration: float
    workdir: str  # where the program ran (gone by now); ⟨dir⟩ stands for it
    timed_out: bool = False
    stopped: bool = False  # stopped on purpose after ``stop_after`` seconds
    orphans: bool = False  # the main process ended but others kept the terminal open


def child_environment(method: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env["PYTHONPATH"] = os.pathsep.join(
        [str(BOOTSTRAP), str(PACKAGE_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHON_COLORS"] = "0"  # Python 3.13 colours tracebacks on a terminal
    env["NO_COLOR"] = "1"
    if method:
        env[startmethod.ENVIRONMENT_VARIABLE] = method
    else:
        env.pop(startmethod.ENVIRONMENT_VARIABLE, None)
    return env


def kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def read_terminal(master: int, deadline: float) -> tuple[bytes, bool]:
    """Read until every process has closed the terminal, or until ``deadline``.

    Returns the bytes read and whether the deadline passed first."""
    chunks = []
    with selectors.DefaultSelector() as selector:
        selector.register(master, selectors.EVENT_READ)
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return b"".join(chunks), True
            if selector.select(min(remaining, 0.5)):
                try:
                    chunk = os.read(master, 65536)
                except OSError:  # EIO: the last writer closed the terminal
                    chunk = b""
                if not chunk:
                    return b"".join(chunks), False
                chunks.append(chunk)


def run_program(source: str, filename: str, *, method: str | None, timeout: float,
                stop_after: float | None = None) -> Run:
    """Run ``source`` saved as ``filename`` in a fresh temporary directory."""
    workdir = Path(tempfile.mkdtemp(prefix="mpdocs-")).resolve()
    master, slave = pty.openpty()
    started = time.monotonic()
    process = None
    try:
        (workdir / filename).write_text(source, encoding="utf-8")
        process = subprocess.Popen(
            [sys.executable, filename], cwd=workdir, env=child_environment(method),
            stdin=subprocess.DEVNULL, stdout=slave, stderr=slave, start_new_session=True,
        )
        os.close(slave)
        slave = -1
        limit = stop_after if stop_after is not None else timeout
        output, overran = read_terminal(master, started + limit)
        if overran:
            kill_group(process.pid)
            rest, _ = read_terminal(master, time.monotonic() + GRACE)
            output += rest
        duration = time.monotonic() - started
        returncode = process.wait()
        # A main process still alive at the deadline died of SIGKILL; a normal exit
        # status means it had ended while its children held the terminal open.
        orphans = overran and returncode >= 0
    finally:
        if process is not None:  # whatever happened, no process of the group outlives the run
            kill_group(process.pid)
        os.close(master)
        if slave >= 0:
            os.close(slave)
        shutil.rmtree(workdir, ignore_errors=True)
    text = output.decode("utf-8", errors="replace").replace("\r\n", "\n")
    return Run(
        output=text,
        returncode=returncode,
        duration=duration,
        workdir=str(workdir),
        timed_out=overran and stop_after is None,
        stopped=overran and stop_after is not None,
        orphans=orphans,
    )

