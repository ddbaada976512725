"""The built site, in a real browser: what readers of each page get.

Pages are found in the build output, so a new page is tested without edits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest

from browser import browser_support as support
from browser import file_checks

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from browser.browser_checks import NewPage, Recorder

support.require_browser()

from browser import browser_checks as checks  # noqa: E402  (needs playwright, checked above)

SITE = support.project_site()
PAGES = support.html_pages(SITE)
# The tests of every page run the biggest pages first, so that no worker is left with a long one at the end.
HEAVIEST_FIRST = sorted(PAGES, key=lambda page: (SITE / page).stat().st_size, reverse=True)
OUTPUT_PAGES = support.pages_containing(SITE, 'class="mp-output"')
CODE_PAGES = support.pages_containing(SITE, 'class="highlight"', "copybutton.js")
# The colours are compared on the first page showing both kinds of block.
COLOUR_PAGE = next(iter(support.pages_containing(SITE, 'class="mp-output"', 'class="highlight"')), None)
FIGURE = ("overview.html", "process-states.svg")
# The offline copies, linked from the index page ({offline} role, mpdocs.sphinxext.offline).
OFFLINE_LINKS = "index.html", "a.mp-offline"
# Everything a content page loads, gzipped, in KiB (the search page also loads the search index).
CONTENT_PAGE_BUDGET = 45
NOT_CONTENT = {"search.html", "genindex.html", "py-modindex.html"}
# Pages of the site that are not in the EPUB, and why.
NOT_IN_EPUB = {"search.html": "a book has no search page", "404.html": "served only for missing pages"}
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}

# A reader's query and the page that must come first: index terms, and questions as readers type
# them.  Chinese is typed without spaces: mpdocs.sphinxext.search cuts 进程池的方法 into 进程池 + 方法
# in the browser (Sphinx alone would look it up as one word), drops question words and particles
# (如何, 怎么办, 的, 了, ...) and ranks first the page whose headings hold the remaining words.
SEARCHES = [
    ("进程池", "pool.html"),
    ("进程池的方法", "pool.html"),
    ("消息队列", "queue.html"),
    ("进程号", "process.html"),
    ("如何创建进程", "process.html"),
    ("队列满了怎么办", "queue.html"),
    ("进程池怎么用", "pool.html"),
    ("子进程的print不显示", "faq.html"),
    ("什么是僵尸进程", "glossary.html"),
    ("为什么要写if __name__", "start-methods.html"),
]

# axe-core rules whose serious/critical violations are accepted, with the
# reason.  Keep it empty unless a rule cannot be satisfied by the project.
AXE_ALLOWED: dict[str, str] = {}
DARK_RULES = ["color-contrast", "link-in-text-block"]


def _missing(page: str) -> None:
    message = f"{page} is not in the build (pages: {', '.join(PAGES)})"
    if support.in_ci():
        pytest.fail(message)
    pytest.skip(message + "; not written yet?")


RecordProperty = Callable[[str, object], None]


def _axe_problems(page: Page, path: str, scheme: str, record_property: RecordProperty) -> list[str]:
    """axe-core in ``scheme``: every default rule in light; in dark, the colour rules only (same DOM)."""
    problems = checks.switch_scheme(page, scheme)
    rules = DARK_RULES if scheme == "dark" else None
    result = checks.axe_run(page, rules=rules)
    summary = ", ".join(f"{v['id']}({v['impact']}, {len(v['nodes'])})" for v in result.violations) or "none"
    skipped = f"contrast of {result.skipped} look-alikes not checked"
    record_property("axe", f"{path:<22} {scheme:<5} axe {checks.axe_version()}: {summary}; {skipped}")
    problems += checks.serious_violations(result.violations, AXE_ALLOWED)
    return [f"axe, {scheme}: {problem}" for problem in problems]


def _weight_problems(path: str, recorder: Recorder, record_property: RecordProperty) -> list[str]:
    weight = checks.page_weight(recorder)
    count, raw, compressed = weight
    shown = f"{count:>3} files {raw / 1024:8.1f} KiB   gzip ~{compressed / 1024:7.1f} KiB"
    record_property("weight", f"{path:<22} {shown}")
    return [] if path in NOT_CONTENT else checks.weight_problems(weight, CONTENT_PAGE_BUDGET)


def _copy_problems(page: Page, path: str) -> list[str]:
    problems = []
    if path in OUTPUT_PAGES:
        if page.locator("div.mp-output").count() == 0:
            problems.append(f"the build's {path} has output blocks; the page in the browser has none")
        problems += checks.output_copy_button_problems(page)
    if path in CODE_PAGES:
        blocks = checks.copy_every_block(page)
        problems += checks.copy_code_problems(blocks) + checks.copy_session_problems(blocks)
    return [f"copy buttons: {problem}" for problem in problems]


@pytest.mark.parametrize("path", HEAVIEST_FIRST)
def test_page(kept_page: NewPage, origin: str, path: str, record_property: RecordProperty) -> None:
    """One page load, desktop: loading, weight, axe in light then dark, copy buttons (README 1, 3, 7).

    Axe reads the page as loaded, before the copy buttons open dropdowns and tabs.  The page is
    settled (nothing fetched for 0.5 s) before it is weighed, and errors are read at the end, so an
    error raised by the dark theme or a copy button is caught too.
    """
    page, recorder = kept_page(origin)
    checks.open_page(page, recorder, path)
    problems = checks.favicon_problems(page, recorder)
    problems += _axe_problems(page, path, "light", record_property)
    problems += _axe_problems(page, path, "dark", record_property)
    page.wait_for_load_state("networkidle")
    problems += _weight_problems(path, recorder, record_property)
    problems += _copy_problems(page, path)
    problems += checks.recorded_problems(page, recorder)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", HEAVIEST_FIRST)
def test_phone(kept_page: NewPage, origin: str, path: str) -> None:
    """390x844: the page never scrolls sideways and the navigation opens."""
    page, recorder = kept_page(origin, **PHONE)
    checks.open_page(page, recorder, path)
    problems = checks.horizontal_scroll_problems(page) + checks.phone_navigation_problems(page)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", PAGES)
def test_glossary_links_resolve(path: str) -> None:
    """Every link into the glossary lands on a term that exists (read from the built HTML)."""
    problems = file_checks.link_problems(SITE, path, "glossary")
    assert not problems, "\n".join(problems)


def test_offline_copies_open(kept_page: NewPage, origin: str) -> None:
    """The index links to the EPUB and the examples' zip; both download and open."""
    index, selector = OFFLINE_LINKS
    page, recorder = kept_page(origin)
    checks.open_page(page, recorder, index)
    links = page.eval_on_selector_all(selector, "links => links.map(a => a.href)")
    downloads = {url.rsplit("/", 1)[-1]: page.request.get(url) for url in links}
    assert sorted(downloads) == ["examples.zip", "mpdocs.epub"], f"{index} links to {links}"
    for response in downloads.values():
        assert response.ok, f"{response.url} answered HTTP {response.status}"
    in_book = [path for path in PAGES if path not in NOT_IN_EPUB]
    problems = file_checks.epub_problems(downloads["mpdocs.epub"].body(), in_book)
    problems += file_checks.zip_problems(downloads["examples.zip"].body(), support.ROOT / "examples")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("query", "expected"), SEARCHES)
def test_search_finds_the_page(kept_page: NewPage, origin: str, query: str, expected: str) -> None:
    if expected not in PAGES:
        _missing(expected)
    page, recorder = kept_page(origin)
    problems = checks.search_problems(page, recorder, query, expected)
    assert not problems, "\n".join(problems)
    assert not recorder.console_errors + recorder.failed + recorder.remote_requests()


def test_search_words_are_highlighted_on_the_result(kept_page: NewPage, origin: str) -> None:
    query = SEARCHES[0][0]
    page, recorder = kept_page(origin)
    problems = checks.highlight_problems(page, recorder, query)
    assert not problems + recorder.console_errors + recorder.failed, "\n".join(problems)


def test_process_state_figure(kept_page: NewPage, origin: str) -> None:
    path, image = FIGURE
    if path not in PAGES:
        _missing(path)
    page, recorder = kept_page(origin)
    checks.open_page(page, recorder, path)
    problems = checks.figure_problems(page, image)
    assert not problems, "\n".join(problems)


def _open_in_scheme(new_page: NewPage, origin: str, path: str, scheme: str) -> Page:
    page, recorder = new_page(origin, color_scheme=scheme)
    # Furo reads localStorage["theme"] before painting; "auto" would follow
    # the media query, so both are set.
    page.add_init_script(f"localStorage.setItem('theme', '{scheme}')")
    checks.open_page(page, recorder, path)
    return page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_output_blocks_stand_out(new_page: NewPage, origin: str, scheme: str) -> None:
    if COLOUR_PAGE is None:
        pytest.skip("no page has both an output block and a code block")
    page = _open_in_scheme(new_page, origin, COLOUR_PAGE, scheme)
    problems = checks.colour_problems(page, scheme)
    assert not problems, "\n".join(problems)
