"""Sphinx configuration.  Build with: sphinx-build -W -n -j auto -c . docs docs/_build/html

Configuration only: behaviour lives in the extensions of ``mpdocs.sphinxext``,
which need the package installed (``pip install -e '.[docs]'``; tox and Read
the Docs install it).
"""

import os

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
    "sphinx_design",  # dropdowns and tab sets
    "mpdocs.sphinxext",  # {output} panels
    "mpdocs.sphinxext.search",  # Chinese queries typed without spaces
    "mpdocs.sphinxext.offline",  # the EPUB and the examples' zip, linked from the index page
    "mpdocs.sphinxext.weight",  # each page loads only the assets and CSS rules the site uses
    "mpdocs.sphinxext.a11y",  # accessibility fixes to Sphinx's and Furo's HTML
    "mpdocs.sphinxext.linebreaks",  # no line break between Chinese characters
    "mpdocs.sphinxext.notfound_links",  # sphinx-notfound-page, and absolute links on the 404 page
    "mpdocs.sphinxext.conventions",  # page conventions: boxes, 要点, 与原文的差异, punctuation, words, terms
]

# Paths below are relative to docs/ (the source folder) unless noted.
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_inventories", "_search", "conftest.py", "Thumbs.db", ".DS_Store"]

# A fence without a language is text, never highlighted (and so never checked) as Python.
highlight_language = "text"
# The releases the outputs were checked on come from the check runs' records (tox writes them
# before it builds the site); CI must have them.
mpdocs_check_records = "_build/matrix"
mpdocs_check_records_required = os.environ.get("CI") == "true"

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

# The docs build must not touch the network: the inventory is vendored
# (see docs/_inventories/README.md) and its URL, the release it describes, is only used for links.
intersphinx_mapping = {
    "python": ("https://docs.python.org/3.14", "_inventories/python-objects.inv"),
}

# Copy code only: no prompts, no output lines of interactive sessions or shell transcripts.
copybutton_prompt_text = r">>> |\.\.\. |\$ "
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
# Relative to this file, not to docs/ (mpdocs.sphinxext.search resolves it).
html_search_options = {"dict": "docs/_search/jieba-userdict.txt"}
# Relative to this file, not to docs/.
html_static_path = ["docs/_static"]
html_favicon = "docs/_static/favicon.svg"

# The 404 page is served at any missing path, so its links must be absolute.
# notfound_urls_prefix: on Read the Docs sphinx-notfound-page takes the site's
# /<language>/<version>/ from READTHEDOCS_CANONICAL_URL; elsewhere
# mpdocs.sphinxext.notfound_links makes it / (a local build is served from its root).
