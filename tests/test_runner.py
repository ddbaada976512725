"""Running a program as a reader would: terminal buffering, process groups, time limits."""

import textwrap

import pytest

from mpdocs.engine.runner import run_program


def run(source: str, **kwargs):
    kwargs.setdefault("method", "spawn")
    kwargs.setdefault("timeout", 10)
    return run_program(textwrap.dedent(source), "prog.py", **kwargs)


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
def test_terminated_child_keeps_the_lines_a_terminal_showed(monkeypatch, unbuffered, method):
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


def test_lines_of_several_processes_are_not_torn_apart(monkeypatch):
    monkeypatch.setenv("PYTHONUNBUFFERED", "1")  # which tears lines, were it passed on
    lines = run(INTERLEAVED, method="fork").output.splitlines()
    assert len(lines) == 1200
    for line in lines:
        text, number = line.split(" ")
        assert text in {name * 40 for name in "ABCD"} and 0 <= int(number) < 300, line


def test_timeout_kills_the_whole_process_group(tmp_path):
    pidfile = tmp_path / "pids"
    result = run(f"""
        import os, time
        from multiprocessing import Process

        def sleeper():
            with open({str(pidfile)!r}, "a") as f:
                f.write(str(os.getpid()) + "\\n")
            time.sleep(60)

        if __name__ == "__main__":
            p = Process(target=sleeper)
            p.start()
            print("started", flush=True)
            p.join()
    """, timeout=2)
    assert result.timed_out and result.output == "started\n"
    assert not running(int(pidfile.read_text()))


def running(pid: int) -> bool:
    """False for a process that is gone or a zombie waiting to be reaped."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except FileNotFoundError:
        return False


def test_stop_after_stops_a_program_that_runs_forever():
    result = run("""
        import time
        while True:
            print("tick")
            time.sleep(1.0)
    """, stop_after=2.5)  # ticks at 0, 1 and 2 s: half a second of margin for a slow start
    assert result.stopped and not result.timed_out
    assert result.output == "tick\ntick\ntick\n"


def test_children_outliving_the_main_process_are_reported_and_killed():
    result = run("""
        import subprocess
        subprocess.Popen(["sleep", "30"])
        print("main done")
    """, timeout=1.5)
    assert result.orphans and result.returncode == 0


def test_exit_status_and_stderr_are_captured():
    result = run("""
        import sys
        print("to stderr", file=sys.stderr)
        sys.exit(4)
    """)
    assert (result.returncode, result.output) == (4, "to stderr\n")


def test_the_chosen_start_method_is_only_a_default():
    result = run("""
        import multiprocessing as mp
        print(mp.get_start_method(allow_none=True))
        mp.set_start_method("fork")
        print(mp.get_start_method())
    """, method="spawn")
    assert result.output == "None\nfork\n"
