"""Absolute links on the 404 page, which is served at any missing path.

sphinx-notfound-page makes the theme's links absolute with its
``notfound_urls_prefix``; this extension does the same for the links written
on the page itself, which a relative path would resolve against the missing
URL.  Off Read the Docs, sphinx-notfound-page assumes the site lives under
``/en/latest/``; a local build is served from its root, so there the default
prefix is ``/``.
"""

from __future__ import annotations

import os

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.config import Config

LOCAL_PREFIX = "/"


def _local_default_prefix(app: Sphinx, config: Config) -> None:
    default = config.values["notfound_urls_prefix"].default
    if config.notfound_urls_prefix == default and "READTHEDOCS_CANONICAL_URL" not in os.environ:
        config.notfound_urls_prefix = LOCAL_PREFIX


def _is_relative(uri: str) -> bool:
    return bool(uri) and "://" not in uri and not uri.startswith(("/", "#", "mailto:"))


def absolute_links_on_404(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if docname != app.config.notfound_pagename:
        return
    for reference in doctree.findall(nodes.reference):
        uri = reference.get("refuri", "")
        if _is_relative(uri):
            reference["refuri"] = app.config.notfound_urls_prefix + uri


def setup(app: Sphinx) -> dict[str, object]:
    app.setup_extension("notfound.extension")
    app.connect("config-inited", _local_default_prefix)
    app.connect("doctree-resolved", absolute_links_on_404)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
