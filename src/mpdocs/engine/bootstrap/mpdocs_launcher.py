"""Start one program for the runner so that nothing it starts can outlive the run.

Run as ``python -I -S mpdocs_launcher.py STATUS_FD MODE RUN_DIR PROGRAM...`` with
stdout and stderr on the run's terminal.  MODE is ``isolated`` or ``supervised``;
``probe`` only tells, by its exit status, whether ``isolated`` works here.  The
runner starts it once as ``CHANNEL_FD serve -``, a server that forks one
launcher per run (see ``serve``).

isolated: fresh PID, mount, IPC and network namespaces (and a user namespace
when not root).  Pid 1 of the new PID namespace is a reaper; when it dies the
kernel kills every process left in the namespace, whatever session or process
group it moved to.  /tmp, /var/tmp and /dev/shm are private tmpfs (the run directory is
bound back in at its own path), so files, named semaphores and shared memory die
with the namespace, and ``lo`` is up so programs may bind fixed ports.  A
"shell" process with a random pid starts the program, again at a random pid, so
pids look like a reader's and cannot be written literally into a page.

supervised: the fallback where namespaces are refused.  This process becomes a
child subreaper, so descendants that escape into new sessions are still its
descendants, and kills them all when told to stop.

Either way the runner reads, on STATUS_FD: ``main N`` when the program's main
process ends (N as ``Popen.returncode``), then end of file when every process
of the run has ended.  SIGTERM to this launcher kills every process of the run.
This file runs without ``site`` and must import nothing outside the standard
library: it is the engine's start-up cost, paid on every run.
"""

import contextlib
import ctypes
import fcntl
import os
import signal
import sys
import termios
from typing import Any

CLONE_NEWNS, CLONE_NEWIPC, CLONE_NEWNET = 0x00020000, 0x08000000, 0x40000000
CLONE_NEWPID, CLONE_NEWUSER = 0x20000000, 0x10000000
MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_BIND, MS_REC, MS_PRIVATE = 2, 4, 8, 4096, 16384, 1 << 18
PR_SET_PDEATHSIG, PR_SET_CHILD_SUBREAPER = 1, 36
SIOCSIFFLAGS, IFF_UP, IFF_LOOPBACK, IFF_RUNNING = 0x8914, 0x1, 0x8, 0x40

libc = ctypes.CDLL(None, use_errno=True)


def check(result: int, what: str) -> None:
    if result != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"{what}: {os.strerror(error)}")


def mount(source: str | None, target: str, fstype: str | None, flags: int, data: str = "") -> None:
    encoded = [None if s is None else s.encode() for s in (source, target, fstype, data)]
    check(libc.mount(*encoded[:3], ctypes.c_ulong(flags), encoded[3]), f"mount {target}")


def die_with_parent() -> None:
    check(libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0), "prctl")


def enter_namespaces() -> None:
    """Unshare everything but the PID namespace's pid 1, which the next fork becomes."""
    uid, gid = os.geteuid(), os.getegid()
    flags = CLONE_NEWPID | CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWNET
    check(libc.unshare(flags | (CLONE_NEWUSER if uid else 0)), "unshare")
    if uid:  # keep the same ids inside, so the program sees the reader's uid
        for name, text in (("setgroups", "deny"), ("uid_map", f"{uid} {uid} 1"),
                           ("gid_map", f"{gid} {gid} 1")):
            with open(f"/proc/self/{name}", "w") as file:
                file.write(text)


# Folders where programs write by fixed names: each run gets empty ones of its own (its home folder is
# its run directory, see runner.child_environment).
PRIVATE_FOLDERS = ("/dev/shm", "/tmp", "/var/tmp")


def needed_inside_private_folders(run_dir: str) -> list[str]:
    """The folders the run needs that lie in a folder it gets empty: its own, and the interpreter's
    and the engine's (a venv or a work tree may live under /tmp or /var/tmp), outermost only."""
    venv = os.path.dirname(os.path.dirname(sys.executable))  # bin/python's venv, which -I -S hides
    paths = [run_dir, venv, sys.base_prefix, *os.environ.get("PYTHONPATH", "").split(os.pathsep)]
    inside = tuple(folder + "/" for folder in PRIVATE_FOLDERS)
    needed = sorted({real for real in map(os.path.realpath, filter(None, paths)) if real.startswith(inside)})
    return [p for p in needed if not any(p.startswith(q + "/") for q in needed)]


def private_mounts(run_dir: str) -> None:
    mount(None, "/", None, MS_REC | MS_PRIVATE)
    needed = needed_inside_private_folders(run_dir)
    kept = {path: os.open(path, os.O_PATH | os.O_DIRECTORY) for path in needed}
    for folder in filter(os.path.isdir, PRIVATE_FOLDERS):
        mount("tmpfs", folder, "tmpfs", MS_NOSUID | MS_NODEV, "mode=1777")
    for path, handle in kept.items():  # bind each back at its own path
        os.makedirs(path, mode=0o700)
        mount(f"/proc/self/fd/{handle}", path, None, MS_BIND | MS_REC)
        os.close(handle)
    os.chdir(run_dir)  # through the new mounts, as the program's children will see it
    mount("proc", "/proc", "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC)


def loopback_up() -> None:
    import _socket

    sock = _socket.socket(_socket.AF_INET, _socket.SOCK_DGRAM)
    request = b"lo".ljust(16, b"\0") + (IFF_UP | IFF_LOOPBACK | IFF_RUNNING).to_bytes(2, sys.byteorder)
    fcntl.ioctl(sock.fileno(), SIOCSIFFLAGS, request.ljust(40, b"\0"))
    sock.close()


def randomise_next_pid() -> None:
    with open("/proc/sys/kernel/pid_max") as file:
        highest = min(int(file.read()), 4_000_000)
    with open("/proc/sys/kernel/ns_last_pid", "w") as file:
        file.write(str(300 + int.from_bytes(os.urandom(4), "big") % (highest - 1300)))


def start_program(argv: list[str]) -> int:
    """Start the program as a reader's shell does: this process leads the session and holds the
    terminal, and the program runs in a process group of its own in the terminal's foreground.
    So when the program's main process exits, what it left running is not hung up (SIGHUP goes
    to a controlling process's foreground group when it exits), and prints on, as on a reader's
    terminal.  This process keeps no descriptor of the terminal, so the program can still close it."""
    if os.getsid(0) != os.getpid():
        os.setsid()
    try:
        fcntl.ioctl(1, termios.TIOCSCTTY, 0)
        terminal = True
    except OSError:  # stdout is not a terminal: nothing to control
        terminal = False
    signal.signal(signal.SIGTTOU, signal.SIG_IGN)  # hand the terminal over from the background
    pid = os.fork()
    if pid == 0:
        os.setpgid(0, 0)
        if terminal:
            os.tcsetpgrp(1, os.getpid())
        # as a shell starts a program: default signal dispositions (Ctrl+C works even when the
        # engine was started with SIGINT ignored, say from a background job), nothing blocked
        for number in (signal.SIGINT, signal.SIGQUIT, signal.SIGTERM, signal.SIGHUP, signal.SIGPIPE,
                       signal.SIGTTOU):
            signal.signal(number, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_SETMASK, set())
        os.execv(sys.executable, [sys.executable, *argv])
    with contextlib.suppress(OSError):  # the child may have done both already
        os.setpgid(pid, pid)
        if terminal:
            os.tcsetpgrp(1, pid)
    let_go_of_terminal()
    return pid


def let_go_of_terminal() -> None:
    """Stop holding the terminal, so that it closes when the program's processes let go of it."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)


def report_main(status_fd: int, pid: int) -> None:
    """Wait for the program's main process, report how it ended, and take the terminal back into
    the foreground, as a shell does before its next prompt: what the program left running goes on
    in the background."""
    _, status = os.waitpid(pid, 0)
    os.write(status_fd, f"main {os.waitstatus_to_exitcode(status)}\n".encode())
    with contextlib.suppress(OSError):  # no terminal (any more)
        terminal = os.open("/dev/tty", os.O_RDWR | os.O_NOCTTY)
        try:
            os.tcsetpgrp(terminal, os.getpgrp())
        finally:
            os.close(terminal)


def reap_all() -> None:
    """Wait until this process has no child left (as pid 1 or subreaper: no descendant left)."""
    while True:
        try:
            os.wait()
        except ChildProcessError:
            return


def isolated(status_fd: int, run_dir: str, argv: list[str]) -> None:
    die_with_parent()
    enter_namespaces()
    # SIGTERM waits until the handler that passes it on exists; init must die with this process
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
    init = os.fork()
    if init:
        os.close(status_fd)
        let_go_of_terminal()
        signal.signal(signal.SIGTERM, lambda *_: os.kill(init, signal.SIGKILL))
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
        _, status = os.waitpid(init, 0)
        os._exit(0 if os.WIFEXITED(status) else 1)  # as every exit here: no interpreter shutdown to wait for
    die_with_parent()
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    private_mounts(run_dir)
    loopback_up()
    randomise_next_pid()
    if os.fork() == 0:  # the shell: its pid, and the program's, are random
        randomise_next_pid()
        report_main(status_fd, start_program(argv))
        os._exit(0)
    let_go_of_terminal()
    reap_all()
    os._exit(0)


def descendants() -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{entry}/stat", "rb") as stat:
                parent = int(stat.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError):  # gone meanwhile
            continue
        children.setdefault(parent, []).append(int(entry))
    found, frontier = [], [os.getpid()]
    while frontier:
        frontier = [child for parent in frontier for child in children.get(parent, [])]
        found += frontier
    return found


def multiprocessing_shared_memory() -> set[str]:
    """Named semaphores and shared memory that multiprocessing names (``sem.mp-*``, ``psm_*``)."""
    try:
        return {name for name in os.listdir("/dev/shm") if name.startswith(("sem.mp-", "psm_"))}
    except OSError:
        return set()


def in_use(paths: set[str]) -> set[str]:
    """Those of ``paths`` that some live process has open or mapped."""
    used: set[str] = set()
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            used.update(os.readlink(f"/proc/{entry}/fd/{fd}") for fd in os.listdir(f"/proc/{entry}/fd"))
            with open(f"/proc/{entry}/maps") as maps:
                used.update(line.split(maxsplit=5)[-1].strip() for line in maps if "/dev/shm/" in line)
        except OSError:  # gone meanwhile
            continue
    return paths & used


def sweep_shared_memory(before: set[str]) -> None:
    """Remove what the run left in /dev/shm: new entries that no live process uses.  Other runs
    keep theirs: multiprocessing opens or maps each entry while it is in use."""
    left = {f"/dev/shm/{name}" for name in multiprocessing_shared_memory() - before}
    for path in left - in_use(left) if left else ():
        with contextlib.suppress(OSError):
            os.unlink(path)


def kill_descendants(*_: object) -> None:
    while tree := descendants():
        for pid in tree:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        while True:  # reap what died, so that the next scan does not see zombies
            try:
                if os.waitpid(-1, os.WNOHANG)[0] == 0:
                    break
            except ChildProcessError:
                break
    sweep_shared_memory(shared_before)
    os._exit(0)


shared_before: set[str] = set()


def supervised(status_fd: int, argv: list[str]) -> None:
    signal.signal(signal.SIGTERM, kill_descendants)
    shared_before.update(multiprocessing_shared_memory())
    check(libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0), "prctl")
    die_with_parent()
    report_main(status_fd, start_program(argv))
    reap_all()
    sweep_shared_memory(shared_before)
    os._exit(0)


def probe(run_dir: str) -> None:
    """Exit 0 when an isolated run can be set up here."""
    enter_namespaces()
    init = os.fork()
    if init == 0:
        private_mounts(run_dir)
        loopback_up()
        randomise_next_pid()
        os._exit(0)
    _, status = os.waitpid(init, 0)
    sys.exit(0 if os.waitstatus_to_exitcode(status) == 0 else 1)


def start_run(request: dict[str, Any], terminal: int, status: int) -> None:
    """In a child of the server: become the launcher of one run, as if started by itself."""
    os.set_inheritable(status, False)  # for the launcher only, never for the program
    os.dup2(terminal, 1)
    os.dup2(terminal, 2)
    os.close(terminal)
    stdin = os.open(os.devnull, os.O_RDONLY)
    os.dup2(stdin, 0)
    os.close(stdin)
    os.setsid()
    os.chdir(request["run_dir"])
    os.environ.clear()
    os.environ.update(request["env"])
    if request["mode"] == "isolated":
        isolated(status, request["run_dir"], request["argv"])
    supervised(status, request["argv"])


def reap_finished() -> None:
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass


def serve(channel_fd: int) -> None:
    """Fork a launcher for each request, so that no run pays for an interpreter's start.

    A request is a JSON object (mode, run_dir, argv, env) with the run's terminal and status
    pipe attached; the reply is the launcher's pid.  A launcher is reaped only at a later
    request, so its pid stays its own while the runner may still signal it.  The server ends
    when the runner's process does (end of file on the channel)."""
    import json
    import socket

    channel = socket.socket(fileno=channel_fd)
    while True:
        message, fds, _, _ = socket.recv_fds(channel, 1 << 20, 2)
        if not message:
            os._exit(0)
        reap_finished()
        pid = os.fork()
        if pid == 0:
            try:
                channel.close()
                start_run(json.loads(message), *fds)
            except BaseException:
                import traceback

                traceback.print_exc()  # to the run's terminal: the runner shows it
            os._exit(1)  # never back into the server's loop
        for fd in fds:
            os.close(fd)
        channel.send(str(pid).encode())


def main() -> None:
    channel_or_status, mode, run_dir, *argv = sys.argv[1:]
    if mode == "probe":
        probe(run_dir)
    elif mode == "serve":
        serve(int(channel_or_status))
    status = int(channel_or_status)
    os.set_inheritable(status, False)  # for the launcher only, never for the program
    if mode == "isolated":
        isolated(status, run_dir, argv)
    else:
        supervised(status, argv)


if __name__ == "__main__":
    main()
