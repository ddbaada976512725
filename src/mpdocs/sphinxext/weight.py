"""Lighter pages: a content page must load at most 45 KiB, gzipped (the browser tests record it).

- sphinx-design's stylesheet and tab script are loaded only by the pages that use its components.
- Sphinx's scripts that highlight a search's words on the page a result leads to (and the
  translations they show) are loaded only when there are words to highlight: the search page
  leaves them in ``localStorage``, a link may give ``?highlight=``.  The search page loads them as
  before (its own search needs them).
- Every stylesheet of the built site keeps only the rules whose class and id names occur somewhere
  in the site: in a page (``class``/``id`` attributes, inline scripts) or in any of its scripts,
  which is where the classes added while a reader uses the page come from (as purgecss does).
  Furo's, Pygments' and sphinx-design's stylesheets style far more than this site shows.  Then
  the custom properties (``--color-...``) that nothing reads any more go too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx

# asset -> what a page's body holds when it needs the asset
PAGE_ASSETS = {
    "sphinx-design.min.css": 'class="sd-',
    "design-tabs.js": "sd-tab-set",
}

# Loaded in this order, after documentation_options.js, when a page has words to highlight.
HIGHLIGHT_SCRIPTS = ("doctools.js", "translations.js", "sphinx_highlight.js")
LOAD_HIGHLIGHT_JS = r"""
if (localStorage.getItem("sphinx_highlight_terms") || new URLSearchParams(location.search).has("highlight")) {
  // beside documentation_options.js, wherever the page found it (the 404 page uses absolute links)
  const options = document.querySelector("script[src*='documentation_options.js']").src;
  for (const name of %s) {
    const script = document.createElement("script");
    script.src = options.replace(/documentation_options\.js.*$/, name);
    script.async = false;  // run in order: doctools.js defines what the others use
    document.head.append(script);
  }
}
"""

_ATTRIBUTE = re.compile(r'\b(?:class|id)="([^"]*)"')
_INLINE_SCRIPT = re.compile(r"<script\b[^>]*>(.*?)</script>", re.DOTALL)
_NAME_CHARS = re.compile(r"[\w-]+")
_SELECTOR_NAME = re.compile(r"[.#](-?[_a-zA-Z][\w-]*)")
_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
# a custom property's declaration, right after the { or ; before it (never a selector's o-tooltip--left:)
# (its value may hold quoted ; and {, as in url("data:image/svg+xml;charset=utf-8,..."))
_PROPERTY = re.compile(r"""(?<=[{;])\s*(--[\w-]+)\s*:(?:"[^"]*"|'[^']*'|[^;{}"'])*;?""")
_PROPERTY_READ = re.compile(r"var\(\s*(--[\w-]+)")
_PROPERTY_NAME = re.compile(r"--[\w-]+")
# at-rules holding rules, filtered like the top level; other at-rules (@font-face ...) are kept
_GROUPS = ("@media", "@supports", "@layer", "@container")


def drop_unused_assets(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any],
                       doctree: object) -> None:
    body = context.get("body", "")
    unused = {name for name, needle in PAGE_ASSETS.items() if needle not in body}
    if pagename != "search":
        unused.update(HIGHLIGHT_SCRIPTS)
        app.add_js_file(None, body=LOAD_HIGHLIGHT_JS % json.dumps(HIGHLIGHT_SCRIPTS))
    for key in ("css_files", "script_files"):
        if key in context:
            context[key] = [asset for asset in context[key]
                            if Path(str(getattr(asset, "filename", asset))).name not in unused]


def names_in_site(site: Path) -> set[str]:
    names: set[str] = set()
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        for attribute in _ATTRIBUTE.findall(text):
            names.update(attribute.split())
        for script in _INLINE_SCRIPT.findall(text):
            names.update(_NAME_CHARS.findall(script))
    for script in (site / "_static").rglob("*.js"):
        names.update(_NAME_CHARS.findall(script.read_text(encoding="utf-8", errors="replace")))
    return names


def _selectors(prelude: str) -> list[str]:
    """The selectors of a rule: split at the commas outside parentheses (``:is(a, b)``)."""
    selectors, depth, start = [], 0, 0
    for index, char in enumerate(prelude):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "," and depth == 0:
            selectors.append(prelude[start:index])
            start = index + 1
    return [*selectors, prelude[start:]]


def _used(selector: str, names: set[str]) -> bool:
    # attribute selectors, :not(...) and :is(...)-like lists never require all their names
    bare = re.sub(r"\[[^\]]*\]|:(?:not|is|where|has)\([^)]*\)", "", selector)
    return all(name in names for name in _SELECTOR_NAME.findall(bare))


def _block_end(css: str, start: int) -> int:
    """The index of the ``}`` closing the block opened at ``start``, skipping strings."""
    depth, quote, index = 0, "", start
    while index < len(css):
        char = css[index]
        if quote:
            index += char == "\\"
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "{}":
            depth += 1 if char == "{" else -1
            if depth == 0:
                return index
        index += 1
    return index


def purge(css: str, names: set[str]) -> str:
    """``css`` without the selectors (and rules) that name a class or id absent from ``names``."""
    kept, index = [], 0
    while (brace := css.find("{", index)) >= 0:
        semicolon = css.find(";", index)
        if css[index:].lstrip().startswith("@") and 0 <= semicolon < brace:  # @import, @charset
            kept.append(css[index:semicolon + 1])
            index = semicolon + 1
            continue
        prelude, end = css[index:brace].strip(), _block_end(css, brace)
        body = css[brace + 1:end]
        if prelude.startswith(_GROUPS):
            inner = purge(body, names)
            kept.append(f"{prelude}{{{inner}}}" if inner.strip() else "")
        elif prelude.startswith("@"):
            kept.append(f"{prelude}{{{body}}}")
        else:
            selectors = [selector for selector in _selectors(prelude) if _used(selector, names)]
            kept.append(f"{','.join(selectors)}{{{body}}}" if selectors else "")
        index = end + 1
    return "".join(kept)


def drop_unused_properties(sheets: dict[Path, str], elsewhere: str) -> dict[Path, str]:
    """Drop the custom properties (``--name: value``) that no ``var(--name)`` reads any more.

    ``elsewhere``: the site's pages and scripts, which may read or set properties by name.
    """
    named = set(_PROPERTY_NAME.findall(elsewhere))
    while True:  # a property read only by a dropped one is dropped next time round
        read = named | set(_PROPERTY_READ.findall("".join(sheets.values())))

        def declaration(found: re.Match[str], read: set[str] = read) -> str:
            return found[0] if found[1] in read else ""

        kept = {sheet: _PROPERTY.sub(declaration, text) for sheet, text in sheets.items()}
        if kept == sheets:
            return kept
        sheets = kept


def purge_stylesheets(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None or app.builder.format != "html" or app.builder.name == "epub":
        return
    site = Path(app.outdir)
    names = names_in_site(site)
    sheets = {
        sheet: purge(_COMMENT.sub("", sheet.read_text(encoding="utf-8")), names)
        for sheet in (site / "_static").rglob("*.css")
    }
    files = [*site.rglob("*.html"), *(site / "_static").rglob("*.js")]
    elsewhere = "".join(path.read_text(encoding="utf-8", errors="replace") for path in files)
    for sheet, text in drop_unused_properties(sheets, elsewhere).items():
        sheet.write_text(text, encoding="utf-8")


def setup(app: Sphinx) -> dict[str, object]:
    app.connect("html-page-context", drop_unused_assets)
    app.connect("build-finished", purge_stylesheets)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
