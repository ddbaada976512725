"""Replay a console transcript's commands as a reader's shell would run them.

This module runs inside the program process that the runner starts, as
``python -c "__import__('mpdocs.engine.shell').engine.shell.main()"``, in the run
folder, which holds the files the page shows or offers.  The commands run one
after the other in one ``/bin/sh`` on the run's terminal, so ``cd``, ``export``
and variables carry to the next command, as in a reader's shell.  ``python`` and
``python3`` on the commands' ``PATH`` are the interpreter being checked, so
``python x.py`` runs the release and the start method under check.  Marker lines
between commands separate what the terminal showed for each, as in
:mod:`mpdocs.engine.repl`.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from .repl import END, STATEMENTS_FILE, marker

COMMAND = "__import__('mpdocs.engine.shell').engine.shell.main()"  # for python -c
INTERPRETER_NAMES = ("python", "python3")


def interpreter_shims(folder: Path) -> None:
    """``python`` and ``python3`` in ``folder``, both this interpreter."""
    for name in INTERPRETER_NAMES:
        shim = folder / name
        shim.write_text(f'#!/bin/sh\nexec {shlex.quote(sys.executable)} "$@"\n', encoding="utf-8")
        shim.chmod(0o755)


def script(token: str, commands: list[str]) -> str:
    """The commands as one shell script, each after the marker line that starts what it shows."""
    labels: list[str | int] = [*range(len(commands)), END]
    lines = []
    for label, command in zip(labels, [*commands, ""], strict=True):
        lines += [f"printf '%s\\n' {shlex.quote(marker(token, label))}", command.rstrip("\n")]
    return "\n".join(lines)


def main() -> None:
    path = Path(STATEMENTS_FILE)
    transcript = json.loads(path.read_text(encoding="utf-8"))
    path.unlink()
    shims = Path(tempfile.mkdtemp(prefix="mpdocs-bin-"))
    try:
        interpreter_shims(shims)
        env = dict(os.environ, PATH=os.pathsep.join([str(shims), os.environ.get("PATH", "/usr/bin:/bin")]))
        sys.stdout.flush()
        subprocess.run(["/bin/sh", "-c", script(transcript["token"], transcript["statements"])], env=env,
                       check=False)
    finally:
        shutil.rmtree(shims, ignore_errors=True)
