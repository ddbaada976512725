"""Run a program as a reader would: ``python file.py`` in a terminal; nothing outlives the run.

The program gets a pseudo-terminal for stdout and stderr, so every process it
starts is line-buffered exactly as in a reader's terminal: a child killed by
``terminate()`` keeps the lines it had printed, and lines written by several
processes are not torn apart.  ``PYTHONUNBUFFERED`` is removed from the
environment for the same reason (unbuffered mode writes a line's text and its
newline separately).  As in a reader's shell, the launcher leads the session and
holds the terminal, and the program runs in the foreground in a process group of
its own, so what it leaves running is not hung up when its main process exits,
and ``:stop-after:`` can press Ctrl+C as a reader does: ^C typed on the
terminal, which echoes it and sends SIGINT to the foreground process group, then,
after a grace period, a hard kill of everything that is left.

Limits are absolute.  A run ends when every process it started has ended, not
when the terminal closes, and at its deadline whatever the program does (close
its terminal, move helpers to new sessions, ignore signals).  The launcher
(``bootstrap/mpdocs_launcher.py``) starts each program in fresh Linux PID, mount,
IPC and network namespaces where the system allows (as root, or with user
namespaces): when the run ends, the kernel kills every process of the namespace,
and its private /tmp, /var/tmp, /dev/shm (multiprocessing's ``pymp-*`` folders, POSIX
semaphores, shared memory) and loopback network vanish with it.  Launchers are
forked by a server started once per engine process, so a run costs no extra
interpreter start.

Isolation and parallel runs, for contributors: where namespaces are available
(``ISOLATED`` is true), each run has its own /tmp, /var/tmp, /dev/shm, home folder, network and pids,
so a program that uses a fixed name (a ``SharedMemory`` name, a file in the temp
folder, a port) runs under its three start methods at once, beside other pytest
workers, without collisions.  Where they are not (or with
``MPDOCS_ISOLATION=off``), the launcher falls back to a supervisor that adopts
escaped processes (a child subreaper) and kills them, points ``TMPDIR`` at the
run directory and removes the shared-memory entries the run left behind; it
cannot keep fixed names apart nor remove files written elsewhere, so a
program's start methods then run one after another, and a warning says so.
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import pty
import selectors
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import warnings
import zlib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import mpdocs

from . import startmethod

BOOTSTRAP = Path(__file__).with_name("bootstrap")
LAUNCHER = BOOTSTRAP / "mpdocs_launcher.py"
PACKAGE_ROOT = Path(mpdocs.__file__).resolve().parent.parent
ISOLATION_VARIABLE = "MPDOCS_ISOLATION"  # "off": use the fallback even where namespaces work
GRACE = 2.0  # seconds for a program to end after Ctrl+C, and for the kernel to end a killed run
CPU_COUNT_VARIABLE = "PYTHON_CPU_COUNT"  # os.cpu_count() and os.process_cpu_count() from 3.13
OUTPUT_LIMIT = 1_000_000  # bytes a run may print: no page shows more, and a flood must not fill memory
FALLBACK_WARNING = (
    "mpdocs: runs are not isolated (Linux namespaces are not available here, or "
    f"{ISOLATION_VARIABLE}=off): files a program "
    "writes outside its run directory are not removed, and programs using fixed names (shared "
    "memory, temp files, ports) run their start methods one at a time")


@dataclass(frozen=True)
class Run:
    output: str
    returncode: int  # of the main process; -9 if it was still running when the run was killed
    duration: float
    workdir: str  # where the program ran (gone by now); ⟨dir⟩ stands for it
    timed_out: bool = False  # still running at the deadline, with no :stop-after: declared
    stopped: bool = False  # Ctrl+C was pressed after ``stop_after`` seconds
    orphans: bool = False  # the main process had ended but others kept running; they were killed
    terminal_closed: bool = False  # every process let go of the terminal, yet some kept running
    killed: bool = False  # processes still running after Ctrl+C had to be killed
    isolated: bool = False  # ran in its own namespaces (see the module docstring)
    flooded: bool = False  # printed more than OUTPUT_LIMIT bytes, and was ended there
    cpu_count: int = 1  # what os.cpu_count() said in the run (see cpu_count_for)


def probe_isolation() -> bool:
    """Whether the launcher can give runs their own namespaces on this system."""
    if os.environ.get(ISOLATION_VARIABLE) == "off":
        return False
    with tempfile.TemporaryDirectory(prefix="mpdocs-") as probe_dir:
        result = subprocess.run([sys.executable, "-I", "-S", str(LAUNCHER), "-", "probe", probe_dir],
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, check=False)
    return result.returncode == 0


ISOLATED = probe_isolation()


@functools.cache
def warn_not_isolated() -> None:
    """Once per process: what the fallback cannot guarantee."""
    warnings.warn(FALLBACK_WARNING, RuntimeWarning, stacklevel=3)


def cpu_count_for(workdir: Path, version: tuple[int, ...] = sys.version_info[:3]) -> int:
    """The CPU count a run's programs see.  From 3.13 (``PYTHON_CPU_COUNT``) it differs from run to
    run, 3 to 8, so a page cannot write this machine's count literally and pass; before 3.13 it is
    the machine's."""
    if version < (3, 13):
        return os.cpu_count() or 1
    return 3 + zlib.crc32(workdir.name.encode()) % 6


def child_environment(method: str | None, workdir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONUNBUFFERED", "TMPDIR", "TEMP", "TMP")}
    env["PYTHONPATH"] = os.pathsep.join(
        [str(BOOTSTRAP), str(PACKAGE_ROOT), *filter(None, [os.environ.get("PYTHONPATH")])]
    )
    env["PYTHONIOENCODING"] = "utf-8"
    env["PYTHON_COLORS"] = "0"  # Python 3.13 colours tracebacks on a terminal
    env["NO_COLOR"] = "1"
    env["HOME"] = str(workdir)  # what a program writes to ~ goes when the run does
    if sys.version_info >= (3, 13):
        env[CPU_COUNT_VARIABLE] = str(cpu_count_for(workdir))
    else:
        env.pop(CPU_COUNT_VARIABLE, None)
    if not ISOLATED:  # isolated runs keep a reader's /tmp, which is private to the run
        env["TMPDIR"] = str(workdir)
    if method:
        env[startmethod.ENVIRONMENT_VARIABLE] = method
    else:
        env.pop(startmethod.ENVIRONMENT_VARIABLE, None)
    return env


@contextlib.contextmanager
def run_directory(files: Mapping[str, str]) -> Iterator[Path]:
    """A fresh folder holding ``files`` (relative path -> text), removed afterwards."""
    workdir = Path(tempfile.mkdtemp(prefix="mpdocs-")).resolve()
    try:
        for name, text in files.items():
            relative = PurePosixPath(name)
            if relative.is_absolute() or ".." in relative.parts:
                raise ValueError(f"a program's file must stay inside its run directory: {name}")
            (workdir / relative).parent.mkdir(parents=True, exist_ok=True)
            (workdir / relative).write_text(text, encoding="utf-8")
        yield workdir
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


@dataclass
class Progress:
    """What one run has shown so far: its terminal output and the launcher's status lines."""

    master: int
    status: int
    selector: selectors.BaseSelector
    chunks: list[bytes] = field(default_factory=list)
    status_text: bytes = b""
    terminal_open: bool = True
    finished: bool = False  # every process of the run has ended
    size: int = 0  # bytes of output so far

    @property
    def main_status(self) -> int | None:
        for line in self.status_text.decode().splitlines():
            word, _, number = line.partition(" ")
            if word == "main":
                return int(number)
        return None

    def follow(self, deadline: float) -> None:
        """Collect output until every process has ended and the terminal is drained, or ``deadline``."""
        while (self.terminal_open or not self.finished) and not self.flooded:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return
            for key, _ in self.selector.select(remaining):
                try:
                    chunk = os.read(key.fd, 65536)
                except OSError:  # EIO: the last process holding the terminal let go of it
                    chunk = b""
                if chunk and key.fd == self.master:
                    self.chunks.append(chunk)
                    self.size += len(chunk)
                elif chunk:
                    self.status_text += chunk
                elif key.fd == self.master:
                    self.selector.unregister(key.fd)
                    self.terminal_open = False
                else:  # every process has ended: what they wrote is in the terminal already
                    self.selector.unregister(key.fd)
                    self.finished = True
                    deadline = min(deadline, time.monotonic() + GRACE)

    @property
    def flooded(self) -> bool:
        """The run printed more than :data:`OUTPUT_LIMIT`: it is ended at once."""
        return self.size > OUTPUT_LIMIT

    @property
    def output(self) -> str:
        return b"".join(self.chunks).decode("utf-8", errors="replace").replace("\r\n", "\n")


def press_ctrl_c(master: int) -> None:
    """Type Ctrl+C on the terminal: as on a reader's, its line discipline echoes ``^C`` and sends
    SIGINT to the foreground process group."""
    with contextlib.suppress(OSError):  # the session ended: nobody is left to interrupt
        os.write(master, b"\x03")


@dataclass(frozen=True)
class Launcher:
    """The process that starts one run and, on SIGTERM, kills every process of it."""

    pid: int

    def signal(self, number: int) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, number)


class LaunchServer:
    """Forks a launcher per run (``serve`` in the launcher), started once per engine process."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.channel: socket.socket | None = None
        self.owner = 0  # the process that started the server: a fork of it must start its own

    def launch(self, workdir: Path, argv: Sequence[str], method: str | None, terminal: int,
               status: int) -> Launcher:
        request = json.dumps({"mode": "isolated" if ISOLATED else "supervised", "run_dir": str(workdir),
                              "argv": list(argv), "env": child_environment(method, workdir)})
        with self.lock:
            if self.channel is None or self.owner != os.getpid():
                self.channel = self.start()
            socket.send_fds(self.channel, [request.encode()], [terminal, status])
            return Launcher(int(self.channel.recv(64)))

    def start(self) -> socket.socket:
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        with theirs:
            subprocess.Popen([sys.executable, "-I", "-S", str(LAUNCHER), str(theirs.fileno()), "serve", "-"],
                             pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        self.owner = os.getpid()
        return ours


launch_server = LaunchServer()


def end_everything(launcher: Launcher, progress: Progress) -> None:
    """Kill every process of the run that is left (the launcher does it on SIGTERM) and collect
    what they wrote."""
    for number in (signal.SIGTERM, signal.SIGKILL):  # SIGKILL: the launcher itself is stuck
        if progress.finished:
            return
        launcher.signal(number)
        progress.follow(time.monotonic() + GRACE)


def run_program(files: Mapping[str, str], argv: Sequence[str], *, method: str | None,
                timeout: float, stop_after: float | None = None) -> Run:
    """Run ``[python, *argv]`` in a fresh directory holding ``files``; ``method=None`` imposes none."""
    if not ISOLATED:
        warn_not_isolated()
    master, slave = pty.openpty()
    status_read, status_write = os.pipe()
    with run_directory(files) as workdir, selectors.DefaultSelector() as selector:
        started = time.monotonic()
        try:
            launcher = launch_server.launch(workdir, argv, method, slave, status_write)
        finally:
            os.close(slave)
            os.close(status_write)
        selector.register(master, selectors.EVENT_READ)
        selector.register(status_read, selectors.EVENT_READ)
        progress = Progress(master, status_read, selector)
        try:
            return supervise(launcher, progress, workdir, started, timeout, stop_after)
        finally:
            if not progress.finished:  # an error in the engine: still, nothing outlives the run
                launcher.signal(signal.SIGKILL)
            os.close(master)
            os.close(status_read)


def supervise(launcher: Launcher, progress: Progress, workdir: Path, started: float,
              timeout: float, stop_after: float | None) -> Run:
    """Follow the run to its end, pressing Ctrl+C and killing as the limits say."""
    progress.follow(started + (timeout if stop_after is None else stop_after))
    limit_reached = not progress.finished and not progress.flooded
    orphans = limit_reached and progress.main_status is not None
    terminal_closed = limit_reached and not progress.terminal_open
    if limit_reached and stop_after is not None:
        press_ctrl_c(progress.master)
        progress.follow(time.monotonic() + GRACE)
    killed = not progress.finished
    orphans = orphans or (killed and progress.main_status is not None)
    end_everything(launcher, progress)
    returncode = progress.main_status
    if returncode is None and not killed:
        raise RuntimeError(f"the engine could not start the program:\n{progress.output}")
    return Run(
        output=progress.output,
        returncode=-signal.SIGKILL if returncode is None else returncode,
        duration=time.monotonic() - started,
        workdir=str(workdir),
        timed_out=limit_reached and stop_after is None,
        stopped=limit_reached and stop_after is not None,
        orphans=orphans,
        terminal_closed=terminal_closed,
        killed=killed and stop_after is not None,
        isolated=ISOLATED,
        flooded=progress.flooded,
        cpu_count=cpu_count_for(workdir),
    )


def plain_duration(files: Mapping[str, str], argv: Sequence[str], *, method: str | None,
                   limit: float) -> float:
    """Seconds that ``python *argv`` takes by itself, output to /dev/null, cut off at ``limit``:
    the baseline against which the benchmark measures the engine's overhead."""
    with run_directory(files) as workdir:
        started = time.monotonic()
        process = subprocess.Popen([sys.executable, *argv], cwd=workdir,
                                   env=child_environment(method, workdir), stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                   start_new_session=True)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=limit)
        duration = time.monotonic() - started
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    return duration
