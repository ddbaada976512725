"""Fixtures of the browser tests: one built site, one server, one Chromium.

- The site is built once per session into a temp dir; set ``MPDOCS_SITE`` to
  an already built HTML folder to test that instead (no build).
- It is served on 127.0.0.1 by a threaded ``http.server`` on a free port.
- One Chromium per session (Debian's, never a downloaded one); one browser
  context per test.  ``MPDOCS_CHROMIUM`` points at another binary.

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

REPORT = support.REPORT


def pytest_unconfigure(config: pytest.Config) -> None:
    support.cleanup()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, exitstatus: int,
                            config: pytest.Config) -> None:
    if REPORT["weight"]:
        terminalreporter.section("page weight (every response body a page loads)")
        for line in REPORT["weight"]:
            terminalreporter.write_line(line)
    if REPORT["axe"]:
        terminalreporter.section("axe-core violations per page (all impacts)")
        for line in sorted(REPORT["axe"]):
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


@pytest.fixture
def new_page(browser: Browser) -> Iterator[NewPage]:
    """Open a page in a fresh context: ``new_page(origin, **context_options)``.

    Returns (page, recorder); the recorder has seen every request from the start.
    """
    from browser import browser_checks as checks

    contexts: list[BrowserContext] = []

    def open_(origin: str, **options: Any) -> tuple[Page, Recorder]:
        options.setdefault("permissions", ["clipboard-read", "clipboard-write"])
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        contexts.append(context)
        page = context.new_page()
        return page, checks.Recorder(origin).attach(page)

    yield open_
    for context in contexts:
        context.close()
