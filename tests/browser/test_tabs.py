"""Tab sets of output blocks in a real browser: mouse, keyboard, the site-wide choice, no script, paper.

The site is tests/samples/tabs_site (the tabs_*.md samples with the project's theme and copy-button
settings), so every expectation below is known from the samples (the real pages change often).
It is built with the other sites before the tests start (browser_support.prepare_sites) unless
``MPDOCS_TABS_SITE`` names a build of it.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from browser import browser_support as support

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

    from browser.browser_checks import NewPage

support.require_browser()

from browser import browser_checks as checks  # noqa: E402  (needs playwright, checked above)

# methods.html and again.html hold the same sets
ENGINE = "AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36"
WINDOWS = f"Mozilla/5.0 (Windows NT 10.0; Win64; x64) {ENGINE}"
MAC = f"Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) {ENGINE}"
LINUX = f"Mozilla/5.0 (X11; Linux x86_64) {ENGINE}"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True,
         "has_touch": True}


@pytest.fixture(scope="module")
def tabs_origin() -> Iterator[str]:
    with support.serve(support.tabs_site()) as origin:
        yield origin


def _open(new_page: NewPage, origin: str, path: str, **options: Any) -> Page:
    options.setdefault("user_agent", LINUX)
    page, recorder = new_page(origin, **options)
    checks.open_page(page, recorder, path)
    assert not recorder.console_errors, recorder.console_errors
    return page


def _sets(page: Page) -> Locator:
    return page.locator("div.mp-tabs")


def _shown(page: Page) -> list[str]:
    """The label of the tab shown in each set (a set inside a tab included), in page order."""
    shown = [s.locator(":scope > .mp-tab-panel:not([hidden])") for s in _sets(page).all()]
    return [panel.get_attribute("data-label") or "" for panel in shown]


def _tabs(tab_set: Locator) -> Locator:
    return tab_set.locator(':scope > .mp-tablist > [role="tab"]')


def _tab(tab_set: Locator, label: str) -> Locator:
    return _tabs(tab_set).filter(has=tab_set.page.locator(f'.mp-tab-name:text-is("{label}")'))


def _selected(page: Page) -> list[str]:
    return [_tabs(s).and_(page.locator('[aria-selected="true"]')).locator(".mp-tab-name").inner_text()
            for s in _sets(page).all()]


# Shown first on Linux with no choice made: the newest release the site checks is 3.15, where the
# default is forkserver.
LINUX_FIRST = ["forkserver", "Python 3.13 及以上的版本", "spawn、forkserver", "Python 3.14 及以上的版本"]


def test_a_click_shows_that_tab_in_every_set_and_keeps_the_tab_in_place(new_page: NewPage,
                                                                         tabs_origin: str) -> None:
    page = _open(new_page, tabs_origin, "methods.html")
    assert _shown(page) == _selected(page) == LINUX_FIRST
    last = _tab(_sets(page).nth(2), "fork")
    last.scroll_into_view_if_needed()
    before = last.bounding_box()
    last.click()
    # the set by release inside the other tab keeps the reader's release
    assert _shown(page) == ["fork", "Python 3.13 及以上的版本", "fork", "Python 3.14 及以上的版本"]
    after = last.bounding_box()
    assert before and after and abs(before["y"] - after["y"]) < 2, (before, after)
    # the hidden panel is hidden for everyone, screen readers included
    hidden = _sets(page).first.locator(".mp-tab-panel").nth(1)
    assert hidden.is_hidden() and hidden.get_attribute("hidden") is not None


def test_keyboard_reaches_the_chosen_tab_and_arrows_switch(new_page: NewPage, tabs_origin: str) -> None:
    page = _open(new_page, tabs_origin, "methods.html")
    first = _sets(page).first
    tabs = _tabs(first)
    # one tab stop per set: the selected tab, right after the program's copy button
    assert [tab.get_attribute("tabindex") for tab in tabs.all()] == ["-1", "-1", "0"]
    page.locator("button.copybtn").first.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.getAttribute('role')") == "tab"
    page.keyboard.press("ArrowRight")  # wraps to the first tab
    assert _selected(page)[0] == "fork" and tabs.first.evaluate("t => t === document.activeElement")
    page.keyboard.press("ArrowRight")
    assert _shown(page)[0] == "spawn"
    page.keyboard.press("End")
    assert _selected(page)[0] == "forkserver"
    page.keyboard.press("Home")
    assert _shown(page)[0] == "fork"
    page.keyboard.press("ArrowLeft")  # wraps to the last
    assert _shown(page)[0] == "forkserver"
    page.keyboard.press("Tab")  # into the panel: its output block scrolls by keyboard
    assert page.evaluate("() => document.activeElement.closest('.mp-tab-panel:not([hidden])') !== null")


def test_the_choice_carries_across_pages_and_visits(new_page: NewPage, tabs_origin: str) -> None:
    page = _open(new_page, tabs_origin, "methods.html")
    _tab(_sets(page).first, "fork").click()
    page.goto(f"{tabs_origin}/again.html")
    assert _shown(page)[0] == "fork"
    page.reload()
    assert _shown(page)[0] == "fork"
    fresh = _open(new_page, tabs_origin, "again.html")  # another reader: nothing stored
    assert _shown(fresh) == LINUX_FIRST


@pytest.mark.parametrize("stored", ['{"method": "threads", "python": "3.9"}', "3", "not json"])
def test_a_choice_the_site_does_not_offer_is_ignored(new_page: NewPage, tabs_origin: str,
                                                     stored: str) -> None:
    page, recorder = new_page(tabs_origin, user_agent=LINUX)
    page.add_init_script(f"localStorage.setItem('mpdocs-choice', {stored!r})")
    checks.open_page(page, recorder, "methods.html")
    assert _shown(page) == LINUX_FIRST and not recorder.console_errors, recorder.console_errors
    _tab(_sets(page).first, "spawn").click()  # and choosing still works
    assert _shown(page)[0] == "spawn"


def test_a_link_sets_the_choice(new_page: NewPage, tabs_origin: str) -> None:
    page = _open(new_page, tabs_origin, "methods.html?start-method=spawn&python=3.12")
    chosen = ["spawn", "Python 3.13 之前的版本", "spawn、forkserver", "Python 3.14 之前的版本"]
    assert _shown(page) == chosen
    page.goto(f"{tabs_origin}/again.html")  # and it stays chosen
    assert _shown(page) == chosen
    ignored = _open(new_page, tabs_origin, "methods.html?start-method=threads&python=2.7")
    assert _shown(ignored) == LINUX_FIRST


# navigator.userAgentData when given (Chromium); None: absent, as in Firefox and Safari
@pytest.mark.parametrize(("user_agent", "platform", "link", "expected"), [
    (WINDOWS, None, "", "spawn"),
    (MAC, None, "?python=3.12", "spawn"),
    (LINUX, "Windows", "", "spawn"),  # userAgentData, where there is one, is believed first
    (LINUX, "macOS", "", "spawn"),
    (LINUX, None, "?python=3.13", "fork"),  # fork up to 3.13 on Linux, by the reader's chosen release
    (LINUX, "Linux", "", "forkserver"),  # forkserver from 3.14: the newest checked release is 3.15
])
def test_the_first_guess_follows_platform_and_release(new_page: NewPage, tabs_origin: str, user_agent: str,
                                                      platform: str | None, link: str, expected: str) -> None:
    page, recorder = new_page(tabs_origin, user_agent=user_agent)
    data = "undefined" if platform is None else f"({{platform: '{platform}'}})"
    page.add_init_script(f"Object.defineProperty(navigator, 'userAgentData', {{get: () => {data}}})")
    checks.open_page(page, recorder, f"methods.html{link}")
    assert _shown(page)[0] == expected


def _all_blocks_show_with_labels(page: Page) -> None:
    blocks = page.locator(".mp-tabs .mp-output")
    assert blocks.count() == 8
    for block in blocks.all():
        assert block.is_visible()
        assert block.locator(".mp-output-cover").is_visible()


def test_without_javascript_every_block_shows_with_its_label(new_page: NewPage, tabs_origin: str) -> None:
    page = _open(new_page, tabs_origin, "methods.html", java_script_enabled=False)
    _all_blocks_show_with_labels(page)
    assert page.locator(".mp-tablist").count() == 0
    assert page.locator(".mp-js-only").first.is_hidden()


def test_on_paper_every_block_shows_with_its_label(new_page: NewPage, tabs_origin: str) -> None:
    page = _open(new_page, tabs_origin, "methods.html")
    page.emulate_media(media="print")
    _all_blocks_show_with_labels(page)
    assert page.locator(".mp-tablist").first.is_hidden()
    assert page.locator(".mp-js-only").first.is_hidden()


def test_copy_buttons_work_inside_tabs(new_page: NewPage, tabs_origin: str) -> None:
    page = _open(new_page, tabs_origin, "copy.html")
    page.get_by_text("Windows", exact=True).click()  # sphinx-design's tab
    windows = page.locator(".sd-tab-content").nth(1)
    assert _copied(page, windows) == "py example.py"
    transcript = page.locator("div.highlight-console")
    assert transcript.locator(".mp-ph").count() == 1
    assert _copied(page, transcript) == 'python example.py\necho "退出状态 $?"'


def _copied(page: Page, around: Locator) -> str:
    page.evaluate("() => navigator.clipboard.writeText('nothing copied')")
    around.hover()
    around.locator("button.copybtn").click()
    copied: str = page.evaluate("() => navigator.clipboard.readText()")
    return copied


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_tabs_pass_axe(new_page: NewPage, tabs_origin: str, scheme: str) -> None:
    page, recorder = new_page(tabs_origin, color_scheme=scheme, user_agent=LINUX)
    page.add_init_script(f"localStorage.setItem('theme', '{scheme}')")
    checks.open_page(page, recorder, "methods.html")
    _tab(_sets(page).first, "fork").focus()  # the focus ring is checked too
    problems = checks.serious_violations(checks.axe_run(page).violations, {})
    assert not problems, "\n".join(problems)


def test_phone_tabs_wrap_without_sideways_scroll(new_page: NewPage, tabs_origin: str) -> None:
    page = _open(new_page, tabs_origin, "methods.html", **PHONE)
    assert not checks.horizontal_scroll_problems(page)
    for tab in page.get_by_role("tab").all():
        box = tab.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, box

