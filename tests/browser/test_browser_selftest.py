"""Every check of test_browser_site.py must fail on a page that breaks it.

samples/broken/ is a one-page site built with the project's own conf.py and
then broken on purpose (see its conf.py, index.md and _static/broken.css).  A
check that found nothing here would be a check that cannot fail.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from browser import browser_support as support
from browser import file_checks

if TYPE_CHECKING:
    from playwright.sync_api import Page

    from browser.browser_checks import NewPage, Recorder

support.require_browser()

from browser import browser_checks as checks  # noqa: E402

PAGE = "index.html"


@pytest.fixture
def broken(kept_page: NewPage, broken_origin: str) -> tuple[Page, Recorder]:
    page, recorder = kept_page(broken_origin)
    return page, recorder


def _has(problems: list[str], *fragments: str) -> None:
    for fragment in fragments:
        mentioned = any(fragment in problem for problem in problems)
        assert mentioned, f"no problem mentions {fragment!r}: {problems}"


def test_a_page_weighs_the_same_when_loaded_again(broken: tuple[Page, Recorder]) -> None:
    """Files written just now, as a fresh build's are, are revalidated on the next load: the weight must
    still count each of them (a 304 Not Modified has no body)."""
    page, recorder = broken
    for path in support.broken_site().rglob("*"):
        path.touch()
    weights = []
    for _ in range(2):
        recorder.responses.clear()
        checks.open_page(page, recorder, PAGE, settle=True)
        weights.append(checks.page_weight(recorder))
    assert weights[1] == weights[0], weights


def test_remote_request_console_error_and_failed_request_are_caught(broken: tuple[Page, Recorder]) -> None:
    page, recorder = broken
    checks.open_page(page, recorder, PAGE)
    problems = checks.favicon_problems(page, recorder) + checks.recorded_problems(page, recorder)
    _has(
        problems,
        "request to another host: https://example.invalid/x.png",
        "deliberate console error",
        "missing.svg answered HTTP 404",
    )


def test_heavy_page_is_caught(broken: tuple[Page, Recorder]) -> None:
    page, recorder = broken
    checks.open_page(page, recorder, PAGE, settle=True)
    _has(checks.weight_problems(checks.page_weight(recorder), budget_kib=1), "KiB gzipped, over 1 KiB")


def test_missing_favicon_is_caught(kept_page: NewPage, origin: str) -> None:
    """A page declaring an icon that does not exist (rewritten in the browser)."""
    page, recorder = kept_page(origin)
    checks.open_page(page, recorder, "index.html")
    page.evaluate("() => document.querySelector('link[rel~=\"icon\"]').href = '_static/no-such-icon.svg'")
    _has(checks.favicon_problems(page, recorder), "no-such-icon.svg: not decodable")


def test_copy_button_on_output_block_is_caught(broken: tuple[Page, Recorder]) -> None:
    page, recorder = broken
    checks.open_page(page, recorder, PAGE)
    _has(checks.output_copy_button_problems(page), "copy button(s) on the page's 1 output block(s)")


def test_copied_prompts_are_caught(broken: tuple[Page, Recorder]) -> None:
    page, recorder = broken
    checks.open_page(page, recorder, PAGE)
    blocks = checks.copy_every_block(page)
    _has(checks.copy_session_problems(blocks), "copied prompts")
    assert checks.copy_code_problems(blocks) == []  # plain code is still copied right


def test_covered_copy_button_is_caught(broken: tuple[Page, Recorder]) -> None:
    """A button a pointer cannot reach (covered here by a layer added in the browser) is not clicked."""
    page, recorder = broken
    checks.open_page(page, recorder, PAGE)
    page.evaluate("() => document.body.insertAdjacentHTML('beforeend',"
                  " '<div class=\"cover\" style=\"position: fixed; inset: 0; z-index: 99\"></div>')")
    _has(checks.copy_code_problems(checks.copy_every_block(page)),
         'code block 1: a click on its copy button lands on <div class="cover"')


def test_search_without_jieba_is_caught(broken: tuple[Page, Recorder]) -> None:
    page, recorder = broken
    problems = checks.search_problems(page, recorder, "进程池", PAGE)
    _has(problems, "expected index.html first, got nothing")


def test_figure_without_image_or_alt_is_caught(broken: tuple[Page, Recorder]) -> None:
    page, recorder = broken
    checks.open_page(page, recorder, PAGE)
    _has(checks.figure_problems(page, "missing.svg"), "did not render", "has no alt text")
    _has(checks.figure_problems(page, "nowhere.svg"), "no <img> showing nowhere.svg")


def test_sideways_scrolling_and_hidden_navigation_are_caught(kept_page: NewPage, broken_origin: str) -> None:
    phone = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
    page, recorder = kept_page(broken_origin, **phone)
    checks.open_page(page, recorder, PAGE)
    _has(checks.horizontal_scroll_problems(page), "div.content scrolls sideways", "too wide: div")
    _has(checks.phone_navigation_problems(page), "navigation toggle is not visible")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_output_block_like_code_or_faint_is_caught(new_page: NewPage, broken_origin: str,
                                                   scheme: str) -> None:
    page, recorder = new_page(broken_origin, color_scheme=scheme)
    page.add_init_script(f"localStorage.setItem('theme', '{scheme}')")
    checks.open_page(page, recorder, PAGE)
    problems = checks.colour_problems(page, scheme)
    _has(problems, "output block and code block share the background")
    if scheme == "light":  # the grey text is faint on the light background only
        _has(problems, "output line text", "has contrast")


def test_axe_violations_are_caught(broken: tuple[Page, Recorder]) -> None:
    page, recorder = broken
    checks.open_page(page, recorder, PAGE)
    problems = checks.serious_violations(checks.axe_run(page).violations, allowed={})
    _has(problems, "critical image-alt")


def _contrast_problems(page: Page) -> tuple[list[str], int]:
    result = checks.axe_run(page, rules=["color-contrast"])
    return checks.serious_violations(result.violations, allowed={}), result.skipped


def test_a_code_token_repeated_in_another_box_is_still_checked(broken: tuple[Page, Recorder]) -> None:
    """axe skips text that looks like text it passed; the faint `print` inside the note has the plain one's
    classes, but a colour of its own (a rule through its ancestors' classes gives it)."""
    page, recorder = broken
    checks.open_page(page, recorder, PAGE)
    problems, skipped = _contrast_problems(page)
    assert skipped > 0
    _has(problems, '<span class="nb">print</span>')


def test_a_code_token_first_seen_in_a_hidden_panel_is_still_checked(broken: tuple[Page, Recorder]) -> None:
    """A hidden copy of the note comes first (as a closed tab would): axe skips hidden text, so the
    visible faint `print` must not count as a look-alike of it."""
    page, recorder = broken
    checks.open_page(page, recorder, PAGE)
    page.evaluate("""() => {
        const note = document.querySelector('div.admonition');
        note.parentElement.insertBefore(note.cloneNode(true), note).hidden = true;
    }""")
    _has(_contrast_problems(page)[0], '<span class="nb">print</span>')


def test_look_alike_text_is_checked_where_it_differs(broken: tuple[Page, Recorder]) -> None:
    """Text that repeats the look of text axe passed is still checked when it is faint by its place among
    its siblings (a computed style its tags and classes do not show), when another element lies under it,
    and when axe could not judge the first of its look (one character only)."""
    page, recorder = broken
    checks.open_page(page, recorder, PAGE)
    problems, _ = _contrast_problems(page)
    _has(problems, "只因为它是这一节的最后一段", "压在一块深色的底上", "这几个字几乎看不见")


# Pages whose second paragraph (or textarea) looks like the first, which axe passes, yet sits on a dark
# background where its look does not show it; its text says FAILS.
LOOK_ALIKE_TRAPS = sorted((support.SAMPLES / "look_alike").glob("*.html"))


@pytest.mark.parametrize("trap", LOOK_ALIKE_TRAPS, ids=[trap.stem for trap in LOOK_ALIKE_TRAPS])
def test_look_alike_text_is_checked_where_its_background_differs(broken: tuple[Page, Recorder],
                                                                  trap: Path) -> None:
    """Each FAILS is reported, once (reported_once: a second run checks what the first one did too)."""
    page, _ = broken
    page.set_content(trap.read_text(encoding="utf-8"))
    problems, _ = _contrast_problems(page)
    assert len(problems) == 1 and "FAILS" in problems[0], problems


def test_nothing_is_skipped_when_the_layout_moves(broken: tuple[Page, Recorder]) -> None:
    """The boxes measured before axe ran are not the ones it saw: every look-alike is checked."""
    page, _ = broken
    page.set_content((support.SAMPLES / "moving_layout.html").read_text(encoding="utf-8"))
    assert checks.axe_run(page).skipped == 0  # every rule: axe yields to timers while it reads the CSS


def test_broken_glossary_links_are_caught() -> None:
    problems = file_checks.link_problems(support.broken_site(), PAGE, "glossary")
    _has(problems, "glossary.html#term-no-such-term leads to no page",
         "index.html#glossary-term-missing leads to no anchor #glossary-term-missing")


def _zip(entries: dict[str, str], stored: bool = True) -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as archive:
        for name, text in entries.items():
            archive.writestr(name, text)
    return data.getvalue()


CONTAINER = """<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>
<rootfile full-path="content.opf"/></rootfiles></container>"""
OPF = """<package xmlns="http://www.idpf.org/2007/opf"><manifest>
<item id="a" href="index.xhtml"/><item id="b" href="gone.xhtml"/></manifest>
<spine><itemref idref="a"/><itemref idref="b"/></spine></package>"""


def test_broken_epubs_are_caught() -> None:
    book = {"mimetype": "application/epub+zip", "META-INF/container.xml": CONTAINER,
            "content.opf": OPF, "index.xhtml": "<html/>"}
    _has(file_checks.epub_problems(_zip(book), ["index.html", "pool.html"]),
         "pages missing from the EPUB's reading order: ['pool.html']",
         "names files it does not hold: ['gone.xhtml']")
    mimetype_last = dict(list(book.items())[1:]) | {"mimetype": "application/epub+zip"}
    _has(file_checks.epub_problems(_zip(mimetype_last), ["index.html"]), "first entry is not `mimetype`")
    _has(file_checks.epub_problems(_zip(book, stored=False), ["index.html"]), "mimetype entry is compressed")
    no_container = {name: text for name, text in book.items() if name != "META-INF/container.xml"}
    _has(file_checks.epub_problems(_zip(no_container), ["index.html"]), "no META-INF/container.xml")
    _has(file_checks.epub_problems(b"not a zip", ["index.html"]), "the EPUB is not a zip file")


def test_incomplete_examples_zip_is_caught(tmp_path: Path) -> None:
    folder = tmp_path / "examples"
    (folder / "square_fix").mkdir(parents=True)
    (folder / "square_fix" / "main.py").write_text("import worker\n")
    (folder / "pool_map.py").write_text("print(1)\n")
    flat = _zip({"examples/main.py": "import worker\n", "examples/pool_map.py": "print(2)\n"})
    _has(file_checks.zip_problems(flat, folder), "the zip lacks ['examples/square_fix/main.py']",
         "holds files", "examples/main.py", "the zip's examples/pool_map.py differs")
