"""The checks the browser tests make, each returning a list of problems.

A check never asserts: ``test_browser_site.py`` asserts that the real site has
no problems, ``test_browser_selftest.py`` that a deliberately broken site has
the expected ones.  Every problem is a sentence a docs author can act on.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from playwright.sync_api import ConsoleMessage, Error, Page, Request, Response, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeout

LOCAL_SCHEMES = ("data:", "about:", "blob:")

# The new_page fixture: new_page(origin, **browser_context_options) -> (page, recorder).
NewPage = Callable[..., tuple[Page, "Recorder"]]

# ---------------------------------------------------------------- recording


@dataclass
class Recorder:
    """Everything a page asks for and complains about, from before it loads."""

    origin: str
    requests: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    responses: list[Response] = field(default_factory=list)

    def attach(self, page: Page) -> Recorder:
        for event, handler in self._handlers().items():
            page.on(event, handler)  # type: ignore[call-overload]
        return self

    def detach(self, page: Page) -> None:
        """Stop recording, so that the page can serve another test."""
        for event, handler in self._handlers().items():
            page.remove_listener(event, handler)

    def _handlers(self) -> dict[str, Callable[[Any], None]]:
        return {
            "request": self._request,
            "requestfailed": self._request_failed,
            "response": self._response,
            "console": self._console,
            "pageerror": self._page_error,
        }

    def _request(self, request: Request) -> None:
        # Nothing leaves the machine: Chromium resolves no host name (browser_support.CHROMIUM_ARGS), so a
        # request elsewhere is recorded here, then fails at once.
        self.requests.append(request.url)

    def _page_error(self, error: Error) -> None:
        self.console_errors.append(f"uncaught exception: {error}")

    def is_local(self, url: str) -> bool:
        return url.startswith((self.origin + "/", *LOCAL_SCHEMES)) or url == self.origin

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.console_errors.append(f"console.error: {message.text}")

    def _request_failed(self, request: Request) -> None:
        self.failed.append(f"{request.url} failed: {request.failure}")

    def _response(self, response: Response) -> None:
        self.responses.append(response)
        if response.status >= 400:
            self.failed.append(f"{response.url} answered HTTP {response.status}")

    def remote_requests(self) -> list[str]:
        return [f"request to another host: {url}" for url in self.requests if not self.is_local(url)]


def open_page(page: Page, recorder: Recorder, path: str, settle: bool = False) -> None:
    """Open ``path``; ``settle``: also wait until nothing is fetched for 0.5 s."""
    page.goto(f"{recorder.origin}/{path}", wait_until="load")
    if settle:
        page.wait_for_load_state("networkidle")


# ---------------------------------------------------------------- 1. loading


def favicon_problems(page: Page, recorder: Recorder) -> list[str]:
    """The declared icon (or /favicon.ico when none is declared) loads as an image.

    Headless Chromium never asks for the icon itself, so the page asks for it.
    """
    href = page.evaluate(
        "() => { const l = document.querySelector('link[rel~=\"icon\"]'); return l ? l.href : null; }"
    )
    url = href or f"{recorder.origin}/favicon.ico"
    outcome = page.evaluate(
        """async (url) => {
            const img = new Image();
            img.src = url;
            try { await img.decode(); } catch (e) { return 'not decodable as an image: ' + e; }
            return img.naturalWidth > 0 ? null : 'decoded with naturalWidth 0';
        }""",
        url,
    )
    return [f"favicon {url}: {outcome}"] if outcome else []


def recorded_problems(page: Page, recorder: Recorder) -> list[str]:
    """What went wrong since the page opened: console errors, failed requests, requests elsewhere.

    Waits first until nothing was fetched for 0.5 s, so late requests are seen too.
    """
    page.wait_for_load_state("networkidle")
    return recorder.console_errors + recorder.failed + recorder.remote_requests()


def page_weight(recorder: Recorder) -> tuple[int, int, int]:
    """(files, bytes, gzip bytes) of every response body the page loaded, each URL once.

    A file asked for twice (the favicon, by the page and by favicon_problems) comes from the cache.
    """
    raw = compressed = count = 0
    seen = set()
    for response in recorder.responses:
        if response.url in seen:
            continue
        seen.add(response.url)
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            continue
        count += 1
        raw += len(body)
        compressed += len(gzip.compress(body, compresslevel=6))
    return count, raw, compressed


def weight_problems(weight: tuple[int, int, int], budget_kib: float) -> list[str]:
    """``weight`` is page_weight's measure (reading every body again costs a round trip each)."""
    count, _, compressed = weight
    if compressed <= budget_kib * 1024:
        return []
    return [f"the page loads {count} files, {compressed / 1024:.1f} KiB gzipped, over {budget_kib} KiB"]


# ---------------------------------------------------------------- 2. search


# Sphinx's search says it has finished ("search-summary") while it still fetches each result's page for
# the summary under it (a <p class="context">; results with a description get a <span> instead, and no
# fetch).  Leaving the page before those fetches end aborts them (net::ERR_ABORTED), which the recorder
# counts as failed requests, so the search is done when every result has its summary.
_SEARCH_DONE_JS = """() => {
    const status = document.querySelector('#search-results .search-summary');
    return Boolean(status && status.innerText.trim()) &&
        [...document.querySelectorAll('#search-results ul.search > li')]
            .every(result => result.querySelector(':scope > span, :scope > p.context'));
}"""


def search(page: Page, recorder: Recorder, query: str) -> list[str]:
    """The pages a reader's query finds, best first (URL paths, no anchors)."""
    open_page(page, recorder, f"search.html?q={query}")
    page.wait_for_function(_SEARCH_DONE_JS, timeout=15_000)
    hrefs = page.eval_on_selector_all(
        "#search-results ul.search > li > a:first-of-type", "links => links.map(a => a.getAttribute('href'))"
    )
    pages: list[str] = []
    for href in hrefs:
        name = href.split("#")[0].split("?")[0]
        if name not in pages:
            pages.append(name)
    return pages


def search_problems(page: Page, recorder: Recorder, query: str, expected: str) -> list[str]:
    """The reader's query finds ``expected`` as its first result."""
    found = search(page, recorder, query)
    if found[:1] == [expected]:
        return []
    got = found[:8] or "nothing"
    return [f"searching {query!r}: expected {expected} first, got {got}"]


def highlight_problems(page: Page, recorder: Recorder, query: str) -> list[str]:
    """Following the first result of ``query`` shows the page with the query's words highlighted.

    Content pages load Sphinx's highlighting only then (mpdocs.sphinxext.weight).
    """
    if not search(page, recorder, query):
        return [f"searching {query!r} found nothing"]
    page.locator("#search-results ul.search > li > a").first.click()
    try:
        page.wait_for_selector("span.highlighted", timeout=10_000)
    except PlaywrightTimeout:
        return [f"{page.url}, reached by searching {query!r}, highlights none of its words"]
    return []


# ---------------------------------------------------------------- 3. copy button

# The prompts of Python sessions and shell transcripts (conf.py: copybutton_prompt_text).
_PROMPT = re.compile(r"^(>>> |\.\.\. |\$ )")


# Clicks every highlighted block's copy button in the page, in one round trip (a Playwright click and a
# clipboard read per button cost about 0.3 s each).  Per block: what a pointer at the button's centre
# hits, once what hides it is opened as a reader would (closed dropdowns, tabs not chosen) and it is
# scrolled into view; then the button's own click handler (sphinx-copybutton's) writes the clipboard,
# which is read back.
_COPY_EVERY_BLOCK_JS = r"""
async () => {
    const reveal = button => {
        for (let shut = button.closest('details:not([open])'); shut;
             shut = shut.parentElement.closest('details:not([open])'))
            shut.open = true;
        for (let panel = button.closest('[role=tabpanel]'); panel;
             panel = panel.parentElement.closest('[role=tabpanel]'))
            if (panel.hidden) document.querySelector(`[aria-controls="${panel.id}"]`).click();
    };
    const describe = e => e ? e.outerHTML.slice(0, 100) : 'nothing (off screen or no size)';
    const blocks = [];
    for (const pre of document.querySelectorAll('div.highlight > pre')) {
        const buttons = [];
        for (let e = pre.nextElementSibling; e; e = e.nextElementSibling)
            if (e.matches('button.copybtn')) buttons.push(e);
        const block = {shown: pre.textContent, session: pre.querySelector('.gp') !== null,
                       buttons: buttons.length, blocked_by: '', copied: ''};
        blocks.push(block);
        if (buttons.length !== 1) continue;
        const button = buttons[0];
        reveal(button);
        button.scrollIntoView({block: 'center', behavior: 'instant'});
        const box = button.getBoundingClientRect();
        const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        if (!hit || !button.contains(hit)) {
            block.blocked_by = describe(hit);
            continue;
        }
        await navigator.clipboard.writeText('\u2063 nothing copied');
        button.click();
        block.copied = await navigator.clipboard.readText();
    }
    return blocks;
}
"""


@dataclass(frozen=True)
class CopiedBlock:
    """A highlighted block and what its copy button put on the clipboard."""

    shown: str  # the block's text as the page shows it
    session: bool  # it has prompts (>>>, $)
    buttons: int  # copy buttons next to it
    blocked_by: str  # what a pointer at the button hits instead of it; empty when it hits the button
    copied: str  # the clipboard after the click


def copy_every_block(page: Page) -> list[CopiedBlock]:
    """Click each highlighted block's copy button as a reader would; see _COPY_EVERY_BLOCK_JS."""
    return [CopiedBlock(**block) for block in page.evaluate(_COPY_EVERY_BLOCK_JS)]


def _unclickable(where: str, block: CopiedBlock) -> list[str]:
    if block.buttons != 1:
        return [f"{where} has {block.buttons} copy buttons"]
    if block.blocked_by:
        return [f"{where}: a click on its copy button lands on {block.blocked_by}"]
    return []


def copy_code_problems(blocks: list[CopiedBlock]) -> list[str]:
    """Each normal code block's copy button copies exactly its code."""
    problems = []
    for number, block in enumerate((block for block in blocks if not block.session), 1):
        where = f"code block {number}"
        unclickable = _unclickable(where, block)
        code = block.shown.removesuffix("\n")
        if unclickable:
            problems += unclickable
        elif block.copied != code:
            problems.append(f"{where}: copied {block.copied[:200]!r}, expected {code[:200]!r}")
    return problems


def copy_session_problems(blocks: list[CopiedBlock]) -> list[str]:
    """Each block with prompts copies its code: no prompts, no output lines."""
    problems = []
    for number, block in enumerate((block for block in blocks if block.session), 1):
        shown = block.shown.splitlines()
        where = f"session block {number} ({shown[0][:40]!r}...)"
        unclickable = _unclickable(where, block)
        if unclickable:
            problems += unclickable
            continue
        code = [_PROMPT.sub("", line) for line in shown if _PROMPT.match(line)]
        output = [line for line in shown if line.strip() and not _PROMPT.match(line)]
        copied = block.copied.splitlines()
        prompts = [line for line in copied if _PROMPT.match(line)]
        if prompts:
            problems.append(f"{where}: copied prompts {prompts[:3]}")
        leaked = [line for line in copied if line in output and line not in code]
        if leaked:
            problems.append(f"{where}: copied output lines {leaked[:3]}")
        # Blank lines are left where output lines were removed; they are
        # harmless in a script and at the >>> prompt, so they are not compared.
        if [line for line in copied if line.strip()] != [line for line in code if line.strip()]:
            problems.append(f"{where}: copied {copied!r}, expected the code lines {code!r}")
    return problems


def output_copy_button_problems(page: Page) -> list[str]:
    """Output blocks (div.mp-output) never get a copy button."""
    blocks = page.locator("div.mp-output")
    buttons = page.locator("div.mp-output .copybtn, div.mp-output ~ .copybtn").count()
    # sphinx-copybutton puts the button next to the <pre> it copies.
    targeted = page.evaluate(
        """() => [...document.querySelectorAll('.copybtn[data-clipboard-target]')]
              .filter(b => document.querySelector(b.dataset.clipboardTarget)?.closest('.mp-output'))
              .length"""
    )
    if buttons or targeted:
        return [f"{max(buttons, targeted)} copy button(s) on the page's {blocks.count()} output block(s)"]
    return []


# ---------------------------------------------------------------- 4. figure


def figure_problems(page: Page, src_suffix: str) -> list[str]:
    images = page.locator(f"img[src$='{src_suffix}']")
    if images.count() == 0:
        return [f"no <img> showing {src_suffix}"]
    problems = []
    for image in images.all():
        image.scroll_into_view_if_needed()
        state = image.evaluate(
            "async img => { try { await img.decode(); } catch (e) {}"
            " return {w: img.naturalWidth, shown: img.getBoundingClientRect().width,"
            " alt: (img.getAttribute('alt') || '').trim()}; }"
        )
        if state["w"] <= 0 or state["shown"] <= 0:
            problems.append(
                f"{src_suffix} did not render (naturalWidth {state['w']}, width {state['shown']})"
            )
        if not state["alt"]:
            problems.append(f"{src_suffix} has no alt text")
    return problems


# ---------------------------------------------------------------- 5. phone


# Blocks allowed to scroll sideways inside themselves (long code lines, tables).
OWN_SCROLL = "pre, div.highlight, .mp-output-body, .table-wrapper, table"


def horizontal_scroll_problems(page: Page) -> list[str]:
    """Neither the page nor a container of the text (Furo's div.content) scrolls sideways."""
    found: list[str] = page.evaluate(
        """(ownScroll) => {
            const classes = e => String(e.className).trim().split(/\\s+/).join('.');
            const name = e => e.tagName.toLowerCase() + (e.className ? '.' + classes(e) : '');
            const wide = e => e.getBoundingClientRect().right > window.innerWidth + 1;
            const widest = root => [...root.querySelectorAll('*')]
                .filter(e => wide(e) && !e.closest(ownScroll) && ![...e.children].some(wide))
                .slice(0, 3).map(e => name(e) + ' right=' + Math.round(e.getBoundingClientRect().right));
            const problems = [];
            const doc = document.documentElement;
            if (doc.scrollWidth > window.innerWidth)
                problems.push(`page scrolls sideways: scrollWidth ${doc.scrollWidth} > ${window.innerWidth}`);
            for (const e of document.querySelectorAll('body *')) {
                const overflow = getComputedStyle(e).overflowX;
                if ((overflow === 'auto' || overflow === 'scroll') && e.scrollWidth > e.clientWidth + 1
                        && !e.matches(ownScroll) && !e.closest(ownScroll))
                    problems.push(
                        `${name(e)} scrolls sideways: scrollWidth ${e.scrollWidth} > ${e.clientWidth}`);
            }
            if (problems.length) problems.push('too wide: ' + widest(document.body).join(', '));
            return problems;
        }""",
        OWN_SCROLL,
    )
    return found


def phone_navigation_problems(page: Page) -> list[str]:
    toggle = page.locator("header.mobile-header label[for='__navigation']")
    if not toggle.is_visible():
        return ["the header's navigation toggle is not visible on a phone"]
    toggle.click()
    link = page.locator(".sidebar-drawer .sidebar-tree a.reference").first
    try:
        expect(link).to_be_in_viewport(timeout=3_000)
        expect(link).to_be_visible(timeout=1_000)
    except AssertionError:
        return ["opening the navigation does not show the sidebar links"]
    return []


# ---------------------------------------------------------------- 6. colours

_COLOURS_JS = r"""
(selector) => {
  const parse = (c) => {
    const m = c.match(/rgba?\(([\d.]+)[, ]+([\d.]+)[, ]+([\d.]+)(?:[,/ ]+([\d.]+%?))?\)/);
    if (!m) throw new Error('unknown colour ' + c);
    let a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return [+m[1], +m[2], +m[3], a];
  };
  // Composite every background from the root down to the element.
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) layers.push(parse(getComputedStyle(e).backgroundColor));
    let rgb = [255, 255, 255];
    for (const [r, g, b, a] of layers.reverse())
      rgb = [r * a + rgb[0] * (1 - a), g * a + rgb[1] * (1 - a), b * a + rgb[2] * (1 - a)];
    return rgb;
  };
  const el = document.querySelector(selector);
  if (!el) return null;
  const fg = parse(getComputedStyle(el).color);
  const bg = background(el);
  return {fg: fg.slice(0, 3).map((v, i) => v * fg[3] + bg[i] * (1 - fg[3])), bg,
          theme: document.body.dataset.theme,
          scheme: matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'};
}
"""

# Text in an output block that readers must be able to read.
OUTPUT_TEXT = {
    "output line": "div.mp-output pre.mp-output-body",
    "output header": "div.mp-output .mp-output-title",
    "output note": "div.mp-output .mp-output-note",
    "placeholder": "div.mp-output .mp-ph",
}
CODE_BLOCK = "div.highlight > pre"


Colour = Sequence[float]  # red, green, blue from 0 to 255


def luminance(rgb: Colour) -> float:
    def channel(value: float) -> float:
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: Colour, b: Colour) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def colours(page: Page, selector: str) -> dict[str, Any] | None:
    found: dict[str, Any] | None = page.evaluate(_COLOURS_JS, selector)
    return found


def colour_problems(page: Page, scheme: str) -> list[str]:
    problems = []
    output = colours(page, OUTPUT_TEXT["output line"])
    code = colours(page, CODE_BLOCK)
    if output is None or code is None:
        return ["the page needs an output block and a code block"]
    if output["theme"] != scheme or output["scheme"] != scheme:
        shown = f"data-theme={output['theme']}, media={output['scheme']}"
        problems.append(f"asked for {scheme}, page shows {shown}")
    difference = max(abs(a - b) for a, b in zip(output["bg"], code["bg"], strict=True))
    if difference < 1:
        problems.append(f"{scheme}: output block and code block share the background {_hex(code['bg'])}")
    for name, selector in OUTPUT_TEXT.items():
        found = colours(page, selector)
        if found is None:
            continue
        ratio = contrast(found["fg"], found["bg"])
        if ratio < 4.5:
            problems.append(
                f"{scheme}: {name} text {_hex(found['fg'])} on {_hex(found['bg'])}"
                f" has contrast {ratio:.2f} < 4.5"
            )
    return problems


def _hex(rgb: Colour) -> str:
    return "#" + "".join(f"{round(v):02x}" for v in rgb)


def switch_scheme(page: Page, scheme: str) -> list[str]:
    """Turn the loaded page light or dark as a reader's system and Furo's toggle would."""
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    shown = page.evaluate(
        """(scheme) => {
            localStorage.setItem('theme', scheme);
            document.body.dataset.theme = scheme;  // what Furo's theme toggle does
            const media = matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
            return [document.body.dataset.theme, media];
        }""",
        scheme,
    )
    if shown == [scheme, scheme]:
        return []
    return [f"asked for {scheme}, page shows data-theme, media = {shown}"]


# ---------------------------------------------------------------- 7. axe


@cache
def axe_script() -> str:
    return resources.files("axe_playwright_python").joinpath("axe.min.js").read_text(encoding="utf-8")


# Marks the elements whose colour contrast axe skips, as look-alikes of one it passed (axe_run.js).
LOOK_ALIKE = "data-mp-look-alike"
AXE_RUN = Path(__file__).with_name("axe_run.js")


@dataclass(frozen=True)
class AxeResult:
    violations: list[dict[str, Any]]  # [{id, impact, help, nodes: [{target, html, summary}]}]
    skipped: int  # elements whose colour contrast was not checked: each looks like one that passed


def axe_run(page: Page, rules: list[str] | None = None) -> AxeResult:
    """axe-core on the page as it is now; ``rules``: only these (default: every rule axe runs by default).

    Colour contrast is checked once for each group of look-alike text (axe_run.js): most of a page's
    elements are code tokens, paragraphs and links that look like another one, and colour contrast costs
    about 1 ms of CPU for each.
    """
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(axe_script())
    options: dict[str, Any] = {}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    found = page.evaluate(_axe_run_js(), [options, LOOK_ALIKE])
    return AxeResult(violations=found["violations"], skipped=found["skipped"])


@cache
def _axe_run_js() -> str:
    return AXE_RUN.read_text(encoding="utf-8")


def axe_version() -> str:
    match = re.search(r"axe v([\d.]+)", axe_script()[:200])
    return match.group(1) if match else "?"


def serious_violations(violations: list[dict[str, Any]], allowed: dict[str, str]) -> list[str]:
    problems = []
    for violation in violations:
        if violation["impact"] not in {"critical", "serious"} or violation["id"] in allowed:
            continue
        for node in violation["nodes"]:
            rule = f"{violation['impact']} {violation['id']} ({violation['help']})"
            problems.append(f"{rule}: {node['target']} {node['html']}")
    return problems
