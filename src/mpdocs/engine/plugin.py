"""pytest plugin: command-line options and the closing count of checked examples."""

from __future__ import annotations

from collections import Counter
from collections.abc import Generator
from pathlib import Path

import pytest
from sybil import Sybil

from . import record, settings
from .evaluators import Failing, Script, Skipped, Transcript
from .notation import START_METHODS
from .parsers import PageParser

KINDS = {Script: "script", Skipped: "skipped", Failing: "unchecked"}


def kind_of(evaluator: object) -> str | None:
    if isinstance(evaluator, Transcript):
        return evaluator.replay.kind
    return KINDS.get(type(evaluator))


def pages(path: str | Path = ".") -> Sybil:
    """The sybil that checks every MyST page under ``path``: use it in a conftest.py
    as ``pytest_collect_file = pages(...).pytest()``."""
    return Sybil(parsers=[PageParser()], patterns=["*.md"], path=str(path))


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("mpdocs", "checking the tutorial's examples")
    group.addoption("--start-method", action="append", choices=START_METHODS, default=[],
                    help="run examples under this start method only (repeatable); default: all three")
    group.addoption("--update-outputs", action="store_true",
                    help="rewrite {output} blocks from real runs, keeping their options and placeholders")
    group.addoption("--timings", type=Path, default=None,
                    help="append one JSON line per program run (program, method, seconds) to this file")
    group.addoption("--record", type=Path, default=None, metavar="FILE",
                    help="when every example passes, write what was verified (Python, start methods, "
                         "pages) to FILE as JSON, for the site's {checked-releases}")


def pytest_configure(config: pytest.Config) -> None:
    settings.current.methods = tuple(config.getoption("start_method")) or START_METHODS
    settings.current.update = config.getoption("update_outputs")
    settings.current.timings = config.getoption("timings")
    counts.clear()
    pages_seen.clear()


# (kind, outcome) -> number of examples; under xdist, reports reach the controller
counts: Counter[tuple[str, str]] = Counter()


def pytest_itemcollected(item: pytest.Item) -> None:
    region = getattr(getattr(item, "example", None), "region", None)
    kind = kind_of(getattr(region, "evaluator", None))
    if kind:
        item.user_properties.append(("mpdocs", kind))
        item.user_properties.append(("mpdocs-page", str(item.path)))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    example = getattr(item, "example", None)
    if example is not None and report.skipped and isinstance(report.longrepr, tuple):
        # point at the skipped block in the page, not at the raise in the engine
        report.longrepr = (str(item.path), example.line, report.longrepr[2])
    return report


# pages that hold at least one example, as collected
pages_seen: set[str] = set()


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    properties = dict(report.user_properties)
    kind = properties.get("mpdocs")
    if isinstance(kind, str) and (report.when == "call" or report.skipped):
        counts[kind, report.outcome] += 1
        pages_seen.add(str(properties["mpdocs-page"]))


def failed() -> int:
    return sum(n for (_, outcome), n in counts.items() if outcome == "failed")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    path = session.config.getoption("record")
    if path is None or hasattr(session.config, "workerinput"):  # only the controller writes it
        return
    if exitstatus != 0 or failed() or not counts:
        return
    root = Path(session.config.rootpath)
    python, implementation, build = record.this_python()
    record.Record(
        python=python, implementation=implementation, build=build,
        methods=list(settings.current.methods),
        pages=sorted(str(Path(page).relative_to(root)) for page in pages_seen),
        programs=counts["script", "passed"], sessions=counts["session", "passed"],
        consoles=counts["console", "passed"],
        skipped=counts["skipped", "skipped"] + counts["script", "skipped"],
    ).write(path)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    if not counts:
        return
    methods = "/".join(settings.current.methods)
    terminalreporter.write_line(
        f"mpdocs: {counts['script', 'passed']} programs verified under {methods}, "
        f"{counts['session', 'passed']} interactive sessions verified, "
        f"{counts['console', 'passed']} console transcripts verified, "
        f"{counts['skipped', 'skipped'] + counts['script', 'skipped']} examples skipped with a reason, "
        f"{failed()} failed")
