"""Nothing outlives a run: pages that try hard to leave processes and files behind leave nothing.

Each page runs in a fresh pytest process (``check_page``) whose every descendant carries a marker
in its environment, under both the namespaces and the fallback supervisor."""

from __future__ import annotations

import os
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from mpdocs.engine import runner

# page -> outcome; every page starts something that would otherwise live for 60 s or for ever
LEAKY_PAGES = {
    "limit_new_session.md": "failed",  # a double-forked helper in a new session, deaf to SIGTERM
    "limit_devnull_ignoring_signals.md": "failed",  # no terminal, SIGTERM/SIGINT/SIGHUP ignored
    "stop_after_orphan.md": "failed",  # a helper in a new session survives Ctrl+C
    "leak_shared_memory.md": "passed",  # a SharedMemory block and a named semaphore, then SIGKILL
    "leak_pymp.md": "passed",  # a multiprocessing pymp-* temp folder, then SIGKILL
    "leak_tmp_file.md": "passed",  # files at fixed names in /tmp, /var/tmp and the home folder
}
# Far below the 60 s the pages' helpers sleep: a run that waited for any of them is late.
VERDICT_WITHIN = 45.0


def processes_left_with(marker: str, grace: float = 2.0) -> list[int]:
    """Processes with ``marker`` still alive ``grace`` seconds after the engine's process ended (its
    launch server ends when it notices, within milliseconds)."""
    deadline = time.monotonic() + grace
    while (found := processes_with(marker)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return found


def processes_with(marker: str) -> list[int]:
    """Live processes whose environment holds ``marker`` (zombies have none)."""
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if marker.encode() in environ.read_bytes().split(b"\0"):
                found.append(int(environ.parent.name))
        except OSError:  # gone meanwhile, or not ours to read
            pass
    return found


# What the pages leave in /dev/shm: multiprocessing's names and their own fixed names.  Other
# programs on this machine use /dev/shm too; what they hold open or mapped is theirs, not a leak.
LEAKABLE = ("sem.mp-", "psm_", "mpdocs_")
# The pages' fixed names in /tmp.  Their pymp-* folders go where their fixed files go: to the run's
# private /tmp (isolated), or to TMPDIR (the fallback points it into the run directory), both checked.
FIXED_NAMES = [Path("/tmp/mpdocs_leak_check.txt"), Path("/var/tmp/mpdocs_leak_check.txt"),
               Path("~/.mpdocs_leak_check.txt").expanduser(), Path("/dev/shm/sem.mp-mpdocs-leak-check")]


def unused_shared_memory(before: set[str]) -> set[str]:
    """Entries of /dev/shm named as a run's would be, new since ``before``, that no process uses."""
    new = {p.name for p in Path("/dev/shm").iterdir() if p.name.startswith(LEAKABLE)} - before
    used: set[str] = set()
    for process in Path("/proc").glob("[0-9]*"):
        try:
            used.update(os.readlink(fd) for fd in (process / "fd").iterdir())
            used.update(line.rsplit(None, 1)[-1] for line in (process / "maps").read_text().splitlines())
        except OSError:  # gone meanwhile, or not ours to read
            continue
    return {name for name in new if f"/dev/shm/{name}" not in used}


@pytest.fixture(params=["isolated", "supervised"])
def isolation(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    if request.param == "isolated" and not runner.ISOLATED:
        pytest.skip("Linux namespaces are not available here (not root, no user namespaces)")
    if request.param == "supervised":
        monkeypatch.setenv(runner.ISOLATION_VARIABLE, "off")
    yield request.param


def test_leaky_pages_leave_nothing_behind(check_page: Callable[..., pytest.RunResult], isolation: str,
                                          tmp_path_factory: pytest.TempPathFactory,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    pages = dict(LEAKY_PAGES)
    if isolation == "supervised":  # files written outside the run directory: only namespaces catch them
        del pages["leak_tmp_file.md"]
    left_before = [path for path in FIXED_NAMES if path.exists()]
    assert left_before == [], "remove these, left by an earlier run, first"
    marker = f"MPDOCS_LEAK_MARKER={uuid.uuid4()}"
    monkeypatch.setenv(*marker.split("="))  # inherited by every process the run starts
    tmpdir = tmp_path_factory.mktemp("tmpdir")
    monkeypatch.setenv("TMPDIR", str(tmpdir))
    shared_before = {p.name for p in Path("/dev/shm").iterdir()}
    started = time.monotonic()
    result = check_page(*pages, args=("-n", "2"))
    elapsed = time.monotonic() - started
    outcomes = list(pages.values())
    result.assert_outcomes(passed=outcomes.count("passed"), failed=outcomes.count("failed"))
    assert elapsed < VERDICT_WITHIN
    assert processes_left_with(marker) == []
    assert list(tmpdir.iterdir()) == []
    assert [path for path in FIXED_NAMES if path.exists()] == []
    assert unused_shared_memory(shared_before) == set()
