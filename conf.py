"""Sphinx configuration.  Build with: sphinx-build -W -n -j auto -c . docs docs/_build/html"""

import os
import sys
from pathlib import Path
from urllib.parse import urlparse

from docutils import nodes

ROOT = Path(__file__).parent
# The output directive lives in the project's own package; no install needed.
sys.path.insert(0, str(ROOT / "src"))

project = "Python 多进程教程"
author = "mpdocs 贡献者"
copyright = "mpdocs 贡献者"
language = "zh_CN"
# docs/locales/zh_CN/LC_MESSAGES/sphinx.po translates Furo's own strings;
# Sphinx compiles it to sphinx.mo beside it when the build starts.
locale_dirs = ["locales"]
# 9.1 fixes the Chinese search index (ChineseStemmer).
needs_sphinx = "9.1"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.intersphinx",
    "sphinx_copybutton",
    "notfound.extension",
    "mpdocs.sphinxext",
    "mpdocs.sphinxext.search",
]

# Paths below are relative to docs/ (the source folder) unless noted.
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_inventories", "_search", "conftest.py", "Thumbs.db", ".DS_Store"]

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

# The docs build must not touch the network: the inventory is vendored
# (see docs/_inventories/README.md) and its URL is only used for links.
intersphinx_mapping = {
    "python": ("https://docs.python.org/3", "_inventories/python-objects.inv"),
}

# Copy code only: no prompts, no output lines of interactive sessions.
copybutton_prompt_text = r">>> |\.\.\. "
copybutton_prompt_is_regexp = True
copybutton_only_copy_prompt_lines = True
# Only line numbers: excluding .gp (prompts) too would hide the prompts from
# copybutton_only_copy_prompt_lines, which would then copy tracebacks as code.
copybutton_exclude = ".linenos"

html_theme = "furo"
html_title = project
# Page text is cut into words by jieba; the dictionary adds the tutorial's
# terms (进程池, 守护进程, ...) that jieba would otherwise cut apart.
html_search_language = "zh"
html_search_options = {"dict": str(ROOT / "docs" / "_search" / "jieba-userdict.txt")}
# Relative to this file, not to docs/.
html_static_path = ["docs/_static"]
html_favicon = "docs/_static/favicon.svg"

# The 404 page is served at any missing path, so its links must be absolute.
# On Read the Docs the site lives under /<language>/<version>/.
notfound_urls_prefix = urlparse(os.environ.get("READTHEDOCS_CANONICAL_URL", "/")).path


def _absolute_links_on_404(app, doctree, docname):
    """sphinx-notfound-page fixes the theme's links; this fixes the page's own."""
    if docname != app.config.notfound_pagename:
        return
    for reference in doctree.findall(nodes.reference):
        uri = reference.get("refuri", "")
        if uri and "://" not in uri and not uri.startswith(("/", "#", "mailto:")):
            reference["refuri"] = notfound_urls_prefix + uri


def setup(app):
    app.connect("doctree-resolved", _absolute_links_on_404)
