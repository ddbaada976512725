"""The built site, in a real browser: what readers of each page get.

Pages are found in the build output, so a new page is tested without edits.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from browser import browser_support as support

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
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}

# A reader's query and the page that must be among the first three results.
# 进程池的方法 is typed without spaces: mpdocs.sphinxext.search cuts it into
# 进程池 + 方法 in the browser (Sphinx alone would look it up as one word).
SEARCHES = [
    ("进程池", "pool.html"),
    ("进程池的方法", "pool.html"),
    ("消息队列", "queue.html"),
    ("进程号", "process.html"),
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


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_cleanly(new_page: NewPage, origin: str, path: str) -> None:
    """No console error, no failed request (favicon included), nothing remote."""
    page, recorder = new_page(origin)
    problems = checks.load_problems(page, recorder, path)
    count, raw, compressed = checks.page_weight(recorder)
    weight = f"{count:>3} files {raw / 1024:8.1f} KiB   gzip ~{compressed / 1024:7.1f} KiB"
    support.REPORT["weight"].append(f"{path:<22} {weight}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(("query", "expected"), SEARCHES)
def test_search_finds_the_page(new_page: NewPage, origin: str, query: str, expected: str) -> None:
    if expected not in PAGES:
        _missing(expected)
    page, recorder = new_page(origin)
    assert not checks.search_problems(page, recorder, query, expected)
    assert not recorder.console_errors + recorder.failed + recorder.remote_requests()


@pytest.mark.parametrize("path", CODE_PAGES)
def test_copy_button_copies_code_only(new_page: NewPage, origin: str, path: str) -> None:
    page, recorder = new_page(origin)
    checks.open_page(page, recorder, path)
    problems = checks.copy_code_problems(page) + checks.copy_session_problems(page)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("path", OUTPUT_PAGES)
def test_output_blocks_have_no_copy_button(new_page: NewPage, origin: str, path: str) -> None:
    page, recorder = new_page(origin)
    checks.open_page(page, recorder, path)
    assert page.locator("div.mp-output").count() > 0
    problems = checks.output_copy_button_problems(page)
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


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", PAGES)
def test_accessibility(new_page: NewPage, origin: str, path: str, scheme: str) -> None:
    """axe-core: no critical or serious violation (see AXE_ALLOWED).

    Light: every rule.  Dark: only the colour rules, since the DOM is the same.
    """
    page = _open_in_scheme(new_page, origin, path, scheme)
    violations = checks.axe_violations(page, rules=DARK_RULES if scheme == "dark" else None)
    summary = ", ".join(f"{v['id']}({v['impact']}, {len(v['nodes'])})" for v in violations) or "none"
    support.REPORT["axe"].append(f"{path:<22} {scheme:<5} axe {checks.axe_version()}: {summary}")
    problems = checks.serious_violations(violations, AXE_ALLOWED)
    assert not problems, "\n".join(problems)
