"""Running a program as a reader would: terminal buffering, limits that hold, isolation."""

from __future__ import annotations

import os
import re
import signal
import sys
import textwrap
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from mpdocs.engine import runner
from mpdocs.engine.runner import GRACE, Run, run_program

ISOLATION_MODES = ["isolated", "supervised"]
MARGIN = 3.0  # seconds of slack on a busy machine before a run counts as late


@pytest.fixture(params=ISOLATION_MODES)
def isolation(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Each test runs with namespaces, and with the fallback supervisor."""
    if request.param == "isolated" and not runner.ISOLATED:
        pytest.skip("Linux namespaces are not available here (not root, no user namespaces)")
    monkeypatch.setattr(runner, "ISOLATED", request.param == "isolated")
    yield request.param


def run(source: str, method: str | None = "spawn", timeout: float = 10,
        stop_after: float | None = None) -> Run:
    return run_program({"prog.py": textwrap.dedent(source)}, ["prog.py"], method=method,
                       timeout=timeout, stop_after=stop_after)


UNFLUSHED_CHILD = """
    import time
    from multiprocessing import Event, Process

    def child(printed):
        print("child line")  # no flush: on a pipe this would die in the buffer
        printed.set()
        time.sleep(60)

    if __name__ == "__main__":
        printed = Event()
        p = Process(target=child, args=(printed,))
        p.start()
        printed.wait()
        p.terminate()
        p.join()
        print("exitcode", p.exitcode)
"""


@pytest.mark.parametrize("unbuffered", [None, "1"])
@pytest.mark.parametrize("method", ["fork", "spawn", "forkserver"])
def test_terminated_child_keeps_the_lines_a_terminal_showed(monkeypatch: pytest.MonkeyPatch,
                                                            unbuffered: str | None, method: str) -> None:
    if unbuffered:
        monkeypatch.setenv("PYTHONUNBUFFERED", unbuffered)
    else:
        monkeypatch.delenv("PYTHONUNBUFFERED", raising=False)
    result = run(UNFLUSHED_CHILD, method=method)
    assert result.output == "child line\nexitcode -15\n"
    assert result.returncode == 0


INTERLEAVED = """
    from multiprocessing import Process

    def shout(name):
        for i in range(300):
            print(name * 40, i)

    if __name__ == "__main__":
        processes = [Process(target=shout, args=(name,)) for name in "ABCD"]
        for p in processes:
            p.start()
        for p in processes:
            p.join()
"""


def test_lines_of_several_processes_are_not_torn_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTHONUNBUFFERED", "1")  # which tears lines, were it passed on
    lines = run(INTERLEAVED, method="fork").output.splitlines()
    assert len(lines) == 1200
    for line in lines:
        text, number = line.split(" ")
        assert text in {name * 40 for name in "ABCD"} and 0 <= int(number) < 300, line


def test_timeout_ends_the_run_and_its_children(isolation: str) -> None:
    result = run("""
        import time
        from multiprocessing import Process

        if __name__ == "__main__":
            p = Process(target=time.sleep, args=(60,))
            p.start()
            print("started", flush=True)
            p.join()
    """, timeout=2)
    assert result.timed_out and not result.orphans and result.output == "started\n"
    assert result.returncode == -9 and result.duration < 2 + MARGIN


@pytest.mark.parametrize("let_go", ["os.close(1); os.close(2)",
                                    "os.dup2(os.open(os.devnull, os.O_WRONLY), 1); os.dup2(1, 2)"])
def test_a_program_that_lets_go_of_its_terminal_still_ends_at_its_deadline(isolation: str,
                                                                          let_go: str) -> None:
    result = run(f"""
        import os, signal, time
        for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
            signal.signal(number, signal.SIG_IGN)
        print("bye", flush=True)
        {let_go}
        time.sleep(60)
    """, timeout=2)
    assert result.timed_out and result.terminal_closed and result.output == "bye\n"
    assert result.duration < 2 + MARGIN


@pytest.mark.parametrize("escape", ["start_new_session=True", "process_group=0"])
def test_helpers_in_new_sessions_or_groups_are_reported_and_killed(isolation: str, escape: str) -> None:
    result = run(f"""
        import subprocess, sys
        subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"], {escape})
        print("main done")
    """, timeout=2)
    assert result.orphans and result.returncode == 0 and result.duration < 2 + MARGIN


def test_stop_after_presses_ctrl_c_and_shows_what_the_reader_sees(isolation: str) -> None:
    result = run("""
        import time
        while True:
            print("tick")
            time.sleep(1.0)
    """, stop_after=2.5)  # ticks at 0, 1 and 2 s, fewer if the start is slow
    assert result.stopped and not result.timed_out and not result.killed
    # the terminal echoes the key where it is pressed, as a reader's does
    assert re.match(r"(tick\n){1,3}\^CTraceback \(most recent call last\):\n", result.output)
    assert result.output.endswith("KeyboardInterrupt\n") and result.returncode == -2


def test_ctrl_c_reaches_the_children_and_multiprocessing_cleans_up(isolation: str) -> None:
    result = run("""
        import time
        from multiprocessing import Event, Process

        def work(started):
            started.set()
            try:
                time.sleep(60)
            except KeyboardInterrupt:
                print("child interrupted")

        if __name__ == "__main__":
            started = Event()
            p = Process(target=work, args=(started,))
            p.start()
            started.wait()
            print("working", flush=True)
            try:
                p.join()
            except KeyboardInterrupt:
                p.join()
                print("child exit code", p.exitcode)
    """, method="forkserver", stop_after=4)  # generous: the child must be waiting by then
    assert result.stopped and not result.killed and not result.orphans
    assert result.output == "working\n^Cchild interrupted\nchild exit code 0\n"


def test_a_program_deaf_to_ctrl_c_is_killed_after_the_grace_period(isolation: str) -> None:
    result = run("""
        import signal, time
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        print("deaf", flush=True)
        time.sleep(60)
    """, stop_after=1)
    assert result.stopped and result.killed and result.returncode == -9
    assert result.duration < 1 + GRACE + MARGIN


def test_exit_status_and_stderr_are_captured() -> None:
    result = run("""
        import sys
        print("to stderr", file=sys.stderr)
        sys.exit(4)
    """)
    assert (result.returncode, result.output) == (4, "to stderr\n")


def test_the_chosen_start_method_is_only_a_default() -> None:
    result = run("""
        import multiprocessing as mp
        print(mp.get_start_method(allow_none=True))
        mp.set_start_method("fork")
        print(mp.get_start_method())
    """, method="spawn")
    assert result.output == "None\nfork\n"


def test_no_method_imposes_none() -> None:
    result = run("import multiprocessing as mp; print(mp.get_start_method())", method=None)
    assert result.output == ("forkserver\n" if sys.version_info >= (3, 14) else "fork\n")


def test_several_files_and_arguments() -> None:
    files = {"main.py": "from helpers.greet import hello\nhello()\n",
             "helpers/greet.py": "def hello():\n    print(open('data.txt').read().strip())\n",
             "data.txt": "hello from a data file\n"}
    assert run_program(files, ["main.py"], method=None, timeout=10).output == "hello from a data file\n"
    command = run_program({}, ["-c", "import sys; print(sys.argv)"], method=None, timeout=10)
    assert command.output == "['-c']\n"


def test_files_stay_inside_the_run_directory() -> None:
    with pytest.raises(ValueError, match="inside its run directory"):
        run_program({"../escape.py": ""}, ["../escape.py"], method=None, timeout=10)


PIDS = "import os; print(os.getpid(), os.getppid())"


def test_pids_look_like_a_readers_and_differ_from_run_to_run(isolation: str) -> None:
    first, second = (tuple(map(int, run(PIDS).output.split())) for _ in range(2))
    assert first != second
    for pid, parent in (first, second):
        assert pid > 1 and parent > 1  # neither pid 1 of a namespace nor a parent outside it


FIXED_NAMES = """
    import socket, time
    from multiprocessing import shared_memory
    block = shared_memory.SharedMemory(name="mpdocs_test_block", create=True, size=8)
    server = socket.create_server(("127.0.0.1", 50008))
    with open("/tmp/mpdocs_test_fixed.txt", "x") as file:
        file.write("mine")
    time.sleep(1.0)
    print("no collision")
    import os; os.remove("/tmp/mpdocs_test_fixed.txt")
    block.close(); block.unlink()
"""


def test_isolated_runs_do_not_collide_on_fixed_names() -> None:
    if not runner.ISOLATED:
        pytest.skip("Linux namespaces are not available here: such runs must not run at once")
    with ThreadPoolExecutor(3) as pool:
        runs = list(pool.map(lambda method: run(FIXED_NAMES, method=method), ("fork", "spawn", "forkserver")))
    assert [r.output for r in runs] == ["no collision\n"] * 3



def test_folders_in_private_folders_that_the_run_needs_stay_visible(
    isolation: str, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A venv or a work tree may live under /tmp or /var/tmp, which an isolated run replaces."""
    library = tmp_path_factory.mktemp("library", numbered=True)
    assert str(library).startswith("/tmp/")
    (library / "helper_under_tmp.py").write_text("VALUE = 42\n")
    monkeypatch.setenv("PYTHONPATH", str(library))
    result = run("import helper_under_tmp\nprint(helper_under_tmp.VALUE)\n", method=None)
    assert (result.output, result.returncode) == ("42\n", 0)


def test_ctrl_c_works_even_when_the_engine_ignores_sigint(isolation: str) -> None:
    """A suite started from a background job inherits SIGINT ignored; a reader's program does not."""
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        result = run("import time\nprint('waiting', flush=True)\ntime.sleep(30)\n", stop_after=1.5)
    finally:
        signal.signal(signal.SIGINT, previous)
    assert result.stopped and not result.killed
    assert result.output.splitlines()[-1] == "KeyboardInterrupt"


def test_from_3_13_runs_see_a_cpu_count_of_their_own() -> None:
    """PYTHON_CPU_COUNT (3.13) lets each run see another count, so this machine's cannot be written
    literally on a page; before 3.13 programs see the machine's."""
    folders = [Path(f"/tmp/mpdocs-{name}") for name in ("a1b2c3d4", "e5f6g7h8", "i9j0k1l2", "m3n4o5p6")]
    counts = {runner.cpu_count_for(folder, (3, 13, 0)) for folder in folders}
    assert counts <= set(range(3, 9)) and len(counts) > 1
    assert runner.cpu_count_for(folders[0], (3, 12, 1)) == os.cpu_count()


def test_the_cpu_count_a_run_reports_is_the_one_its_program_saw() -> None:
    result = run("import os\nprint(os.cpu_count())\n", method=None)
    assert result.output == f"{result.cpu_count}\n"
