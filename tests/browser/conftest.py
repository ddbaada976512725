"""Fixtures of the browser tests: one built site, one server, one Chromium per process.

- The sites (the project's and samples/broken) are built once, both at once, before pytest-xdist
  starts its workers (``-n``), which inherit ``MPDOCS_SITE`` and ``MPDOCS_BROKEN_SITE``; set
  ``MPDOCS_SITE`` to an already built HTML folder to test that instead (no build).
- Each process serves them on 127.0.0.1 by a threaded ``http.server`` on a free port.
- One Chromium per process (Debian's, never a downloaded one); one browser context per test
  (``new_page``), or one page per process kept for the tests that only read a page as loaded
  (``kept_page``: opening a context and a page costs about 0.2 s of CPU, a navigation 0.1 s).
  ``MPDOCS_CHROMIUM`` points at another binary.
- Tests record page weights and axe summaries with ``record_property``; the summary below prints
  them after the run, from every worker.

See README.md in this folder.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from browser import browser_support as support

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

    from browser.browser_checks import NewPage, Recorder

# record_property names the summary prints, with the section's title.
SUMMARY = {
    "weight": "page weight (gzip of every response body a page loads)",
    "axe": "axe-core violations per page (all impacts)",
}


def pytest_configure(config: pytest.Config) -> None:
    if hasattr(config, "workerinput") or support.missing_parts():
        return
    try:
        support.prepare_sites()
    except pytest.fail.Exception as failure:  # an error of the run, not of one test
        pytest.exit(str(failure), returncode=pytest.ExitCode.TESTS_FAILED)


def pytest_unconfigure(config: pytest.Config) -> None:
    support.cleanup()  # the temp dir this process built sites in, if any


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, exitstatus: int,
                            config: pytest.Config) -> None:
    recorded: dict[str, list[str]] = {name: [] for name in SUMMARY}
    for reports in terminalreporter.stats.values():
        for report in reports:
            for name, line in getattr(report, "user_properties", []):
                if name in recorded and getattr(report, "when", "") == "call":
                    recorded[name].append(line)
    for name, title in SUMMARY.items():
        if recorded[name]:
            terminalreporter.section(title)
            for line in sorted(recorded[name]):
                terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def site() -> Path:
    return support.project_site()


@pytest.fixture(scope="session")
def origin(site: Path) -> Iterator[str]:
    with support.serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def broken_origin() -> Iterator[str]:
    with support.serve(support.broken_site()) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    executable = support.chromium_path()
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=executable, args=support.CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _open(browser: Browser, options: dict[str, Any]) -> Page:
    options.setdefault("permissions", ["clipboard-read", "clipboard-write"])
    context = browser.new_context(**options)
    context.set_default_timeout(10_000)
    return context.new_page()


@pytest.fixture(scope="session")
def _kept_pages(browser: Browser) -> Iterator[dict[str, Page]]:
    pages: dict[str, Page] = {}
    yield pages
    for page in pages.values():
        page.context.close()


@pytest.fixture
def kept_page(browser: Browser, _kept_pages: dict[str, Page]) -> Iterator[NewPage]:
    """Like ``new_page``, but the page is kept for the next test asking for the same options.

    For tests that open a page by navigating: the page then shows what a reader going from page to
    page sees (the cache holds the files pages share; the recorder still sees every response, and
    its body: see browser_support._QuietHandler).  After the test, the storage its page wrote is
    cleared and the emulated colour scheme is the context's again; a test changing the page in other
    ways (init scripts, permissions) uses ``new_page``.
    """
    from browser import browser_checks as checks

    used: list[tuple[Page, Recorder, Any]] = []

    def open_(origin: str, **options: Any) -> tuple[Page, Recorder]:
        key = repr(sorted(options.items()))
        if key not in _kept_pages:
            _kept_pages[key] = _open(browser, dict(options))
        page = _kept_pages[key]
        recorder = checks.Recorder(origin).attach(page)
        used.append((page, recorder, options.get("color_scheme", "light")))  # Playwright's default
        return page, recorder

    yield open_
    for page, recorder, scheme in used:
        recorder.detach(page)
        page.emulate_media(color_scheme=scheme)
        if page.url.startswith("http"):
            page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")


@pytest.fixture
def new_page(browser: Browser) -> Iterator[NewPage]:
    """Open a page in a fresh context: ``new_page(origin, **context_options)``.

    Returns (page, recorder); the recorder has seen every request from the start.
    """
    from browser import browser_checks as checks

    contexts: list[BrowserContext] = []

    def open_(origin: str, **options: Any) -> tuple[Page, Recorder]:
        page = _open(browser, options)
        contexts.append(page.context)
        return page, checks.Recorder(origin).attach(page)

    yield open_
    for context in contexts:
        context.close()
