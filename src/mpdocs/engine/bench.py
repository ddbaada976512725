"""Benchmark: how much the checks cost beyond the time the examples need anyway.

``python -m mpdocs.engine.bench [docs]`` reports

- the wall time of the full check, ``pytest -n auto docs``;
- the sum, over programs and start methods, of each program's own run time as
  plain ``python file.py`` (run one at a time, output to /dev/null);
- their ratio to that sum divided by the number of cores (the goal is ≤ 1.3);
- the engine's overhead per program run: its measured run minus the plain run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sybil import Document

from .evaluators import Script
from .parsers import PageParser, line_of
from .runner import child_environment, kill_group


def scripts(folder: Path) -> dict[tuple[str, int], Script]:
    """Every program of the pages, by page and line."""
    found = {}
    for page in sorted(folder.resolve().rglob("*.md")):
        document = Document(page.read_text(encoding="utf-8"), str(page))
        for region in PageParser()(document):
            if isinstance(region.evaluator, Script):
                found[str(page), line_of(document, region.start)] = region.evaluator
    return found


def plain_run(script: Script, method: str) -> float:
    expectation = script.plan[method].expectation
    with tempfile.TemporaryDirectory() as workdir:
        (Path(workdir) / script.filename).write_text(script.source, encoding="utf-8")
        started = time.monotonic()
        process = subprocess.Popen([sys.executable, script.filename], cwd=workdir,
                                   env=child_environment(method), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True)
        try:
            process.wait(timeout=expectation.stop_after or expectation.timeout)
        except subprocess.TimeoutExpired:
            pass
        kill_group(process.pid)
        process.wait()
        return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="docs", type=Path)
    folder = parser.parse_args().folder
    plain = {(*where, method): plain_run(script, method)
             for where, script in scripts(folder).items() for method in script.plan}
    total = sum(plain.values())
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as scratch:
        timings = Path(scratch) / "timings.jsonl"
        started = time.monotonic()
        subprocess.run([sys.executable, "-m", "pytest", "-q", "-n", "auto", "-p", "no:cacheprovider",
                        f"--timings={timings}", str(folder)], check=True, stdout=subprocess.DEVNULL)
        wall = time.monotonic() - started
        engine = [json.loads(line) for line in timings.read_text().splitlines()]
    overheads = [run["seconds"] - plain[run["page"], run["line"], run["method"]] for run in engine]
    print(f"program runs:                 {len(plain)}")
    print(f"sum of plain runs:            {total:.2f} s")
    print(f"full check wall time:         {wall:.2f} s (pytest -n auto {folder})")
    print(f"wall / (sum / {cores} cores):       {wall / (total / cores):.2f} (goal ≤ 1.3)")
    if overheads:
        print(f"engine overhead per run:      median {statistics.median(overheads) * 1000:.0f} ms, "
              f"max {max(overheads) * 1000:.0f} ms (goal < 50 ms)")


if __name__ == "__main__":
    main()
