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

from .evaluators import OutputBlock, Script, plan_for
from .notation import DEFAULT_METHOD, START_METHODS, NotationError
from .parsers import PageParser, line_of
from .runner import plain_duration


def scripts(folder: Path) -> dict[tuple[str, int], Script]:
    """Every program of the pages, by page and line."""
    found = {}
    for page in sorted(folder.resolve().rglob("*.md")):
        document = Document(page.read_text(encoding="utf-8"), str(page))
        for region in PageParser()(document):
            if isinstance(region.evaluator, Script):
                found[str(page), line_of(document.text, region.start)] = region.evaluator
    return found


def outputs(script: Script) -> dict[str, OutputBlock]:
    """The output block that each start method runs against on this Python (none for a broken page)."""
    try:
        plan = plan_for(script.declarations, START_METHODS, sys.version_info[:3])
    except NotationError:
        return {}
    return {method: block for method, block in plan.items() if isinstance(block, OutputBlock)}


def plain_run(script: Script, output: OutputBlock, method: str) -> float:
    expectation = output.expectation
    return plain_duration(script.program.files, [script.program.main],
                          method=None if method == DEFAULT_METHOD else method,
                          limit=expectation.stop_after or expectation.timeout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default="docs", type=Path)
    folder = parser.parse_args().folder
    plain = {(*where, method): plain_run(script, output, method)
             for where, script in scripts(folder).items() for method, output in outputs(script).items()}
    total = sum(plain.values())
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as scratch:
        timings = Path(scratch) / "timings.jsonl"
        started = time.monotonic()
        check = subprocess.run([sys.executable, "-m", "pytest", "-q", "-n", "auto", "-p", "no:cacheprovider",
                                f"--timings={timings}", str(folder)], check=False, stdout=subprocess.DEVNULL)
        wall = time.monotonic() - started
        engine = [json.loads(line) for line in timings.read_text().splitlines()]
    keys = [(run["page"], run["line"], run["method"]) for run in engine]
    overheads = [run["seconds"] - plain[key] for run, key in zip(engine, keys, strict=True) if key in plain]
    if len(overheads) < len(engine):  # the pages changed between the two passes
        print(f"note: {len(engine) - len(overheads)} runs had no plain run to compare with")
    if check.returncode:
        print(f"note: the check failed (pytest exit status {check.returncode}); its runs still count")
    print(f"program runs:                 {len(plain)}")
    print(f"sum of plain runs:            {total:.2f} s")
    print(f"full check wall time:         {wall:.2f} s (pytest -n auto {folder})")
    print(f"wall / (sum / {cores} cores):       {wall / (total / cores):.2f} (goal ≤ 1.3)")
    if overheads:
        print(f"engine overhead per run:      median {statistics.median(overheads) * 1000:.0f} ms, "
              f"max {max(overheads) * 1000:.0f} ms (goal < 50 ms)")


if __name__ == "__main__":
    main()
