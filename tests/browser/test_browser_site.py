"""The built site, in a real browser: what readers of each page get.

Pages are found in the build output, so a new page is tested without edits.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest

from browser import browser_support as support
from browser import file_checks

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from browser.browser_checks import NewPage

support.require_browser()

from browser import browser_checks as checks  # noqa: E402  (needs playwright, checked above)

SITE = support.project_site()
PAGES = support.html_pages(SITE)
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


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly(new_page: NewPage, origin: str, path: str,
                            record_property: RecordProperty) -> None:
    """No console error, no failed request (favicon included), nothing remote, not too heavy."""
    page, recorder = new_page(origin)
    problems = checks.load_problems(page, recorder, path)
    count, raw, compressed = checks.page_weight(recorder)
    weight = f"{count:>3} files {raw / 1024:8.1f} KiB   gzip ~{compressed / 1024:7.1f} KiB"
    record_property("weight", f"{path:<22} {weight}")
    if path not in NOT_CONTENT:
        problems += checks.weight_problems(recorder, CONTENT_PAGE_BUDGET)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", PAGES)
def test_glossary_links_resolve(path: str) -> None:
    """Every link into the glossary lands on a term that exists (read from the built HTML)."""
    problems = file_checks.link_problems(SITE, path, "glossary")
    assert not problems, "\n".join(problems)


def test_offline_copies_open(new_page: NewPage, origin: str) -> None:
    """The index links to the EPUB and the examples' zip; both download and open."""
    index, selector = OFFLINE_LINKS
    page, recorder = new_page(origin)
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
def test_search_finds_the_page(new_page: NewPage, origin: str, query: str, expected: str) -> None:
    if expected not in PAGES:
        _missing(expected)
    page, recorder = new_page(origin)
    problems = checks.search_problems(page, recorder, query, expected)
    assert not problems, "\n".join(problems)
    assert not recorder.console_errors + recorder.failed + recorder.remote_requests()


def test_search_words_are_highlighted_on_the_result(new_page: NewPage, origin: str) -> None:
    query = SEARCHES[0][0]
    page, recorder = new_page(origin)
    problems = checks.highlight_problems(page, recorder, query)
    assert not problems + recorder.console_errors + recorder.failed, "\n".join(problems)


@pytest.mark.parametrize("path", sorted(set(CODE_PAGES) | set(OUTPUT_PAGES)))
def test_copy_buttons(new_page: NewPage, origin: str, path: str) -> None:
    """In one page load: output blocks have no copy button; each code block's copies its code only."""
    page, recorder = new_page(origin)
    checks.open_page(page, recorder, path)
    problems = []
    if path in OUTPUT_PAGES:
        assert page.locator("div.mp-output").count() > 0
        problems += checks.output_copy_button_problems(page)
    if path in CODE_PAGES:
        problems += checks.copy_code_problems(page) + checks.copy_session_problems(page)
    assert not problems, "\n".join(problems)


def test_process_state_figure(new_page: NewPage, origin: str) -> None:
    path, image = FIGURE
    if path not in PAGES:
        _missing(path)
    page, recorder = new_page(origin)
    checks.open_page(page, recorder, path)
    problems = checks.figure_problems(page, image)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", PAGES)
def test_phone(new_page: NewPage, origin: str, path: str) -> None:
    """390x844: the page never scrolls sideways and the navigation opens."""
    page, recorder = new_page(origin, **PHONE)
    checks.open_page(page, recorder, path)
    problems = checks.horizontal_scroll_problems(page) + checks.phone_navigation_problems(page)
    assert not problems, "\n".join(problems)


def _open_in_scheme(new_page: NewPage, origin: str, path: str, scheme: str, **options: Any) -> Page:
    page, recorder = new_page(origin, color_scheme=scheme, **options)
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


@pytest.mark.parametrize("path", PAGES)
def test_accessibility(new_page: NewPage, origin: str, path: str, record_property: RecordProperty) -> None:
    """axe-core: no critical or serious violation (see AXE_ALLOWED), in light then dark.

    One page load: light runs every rule; the page then turns dark (media and Furo's theme) and
    runs the colour rules only, since the DOM is the same.
    """
    page = _open_in_scheme(new_page, origin, path, "light")
    problems = []
    for scheme in ("light", "dark"):
        problems += checks.switch_scheme(page, scheme)
        violations = checks.axe_violations(page, rules=DARK_RULES if scheme == "dark" else None)
        summary = ", ".join(f"{v['id']}({v['impact']}, {len(v['nodes'])})" for v in violations) or "none"
        record_property("axe", f"{path:<22} {scheme:<5} axe {checks.axe_version()}: {summary}")
        problems += [f"{scheme}: {problem}" for problem in checks.serious_violations(violations, AXE_ALLOWED)]
    assert not problems, "\n".join(problems)
