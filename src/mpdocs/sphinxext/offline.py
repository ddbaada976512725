"""Offline copies beside the site: an EPUB of every page and a zip of every example program.

An HTML build starts the EPUB build (``sphinx-build -b epub``, another process) as soon as its
builder is ready, so both run at once, and collects it when it finishes.  The EPUB build's
warnings are reported as the HTML build's own, so a strict build (``-W``) fails on them too.
Both files land in ``_offline/`` of the HTML output; the ``{offline}`` role links to them:
``{offline}`EPUB 电子书 <mpdocs.epub>```.  Inside the EPUB itself those links are plain text, and of
a figure drawn for each colour scheme only the light one is kept.

``mpdocs_offline_examples`` (relative to the configuration folder) is the folder zipped, with its
sub-folders; ``mpdocs_offline_epub = False`` skips the EPUB (a quicker preview build).
"""

from __future__ import annotations

import datetime
import shutil
import subprocess
import sys
import weakref
import zipfile
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst.states import Inliner
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.nodes import split_explicit_title

logger = logging.getLogger(__name__)

FOLDER = "_offline"
EPUB = "mpdocs.epub"
EXAMPLES = "examples.zip"
SITE_BUILDERS = {"html"}

# The EPUB build each HTML build started: its process and its folder (<html output>-epub).
running: weakref.WeakKeyDictionary[Sphinx, tuple[subprocess.Popen[str], Path]] = weakref.WeakKeyDictionary()


def epub_command(app: Sphinx, work: Path) -> list[str]:
    """``sphinx-build -b epub`` with this build's sources and configuration, into ``work``/epub."""
    today = datetime.date.today()
    # what this build was given with -D (the configuration file is read again)
    overrides = [f"-D{name}={_setting(value)}" for name, value in app.config.overrides.items()]
    return [
        sys.executable, "-m", "sphinx", "-b", "epub", "-E", "-q", "--keep-going",
        *(["-n"] if app.config.nitpicky else []),
        "-c", str(app.confdir), "-d", str(work / "doctrees"), *overrides,
        "-D", f"epub_basename={Path(EPUB).stem}",
        # EPUB 3 wants a version; the day it was built says how fresh an offline copy is
        "-D", f"version={today:%Y.%m.%d}",
        # served only for missing pages of the site; a book has none
        "-D", "epub_exclude_files=404.xhtml",
        str(app.srcdir), str(work / "epub"),
    ]


def _setting(value: object) -> str:
    return ",".join(map(str, value)) if isinstance(value, list | tuple) else str(value)


def start_epub(app: Sphinx) -> None:
    if app.builder.name not in SITE_BUILDERS or not app.config.mpdocs_offline_epub:
        return
    work = Path(app.outdir).with_name(Path(app.outdir).name + "-epub")
    shutil.rmtree(work / "epub", ignore_errors=True)  # -E renews the doctrees, not the output folder
    process = subprocess.Popen(
        epub_command(app, work), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    running[app] = (process, work)


def finish_epub(app: Sphinx, site: Path) -> None:
    if app not in running:
        return
    process, work = running.pop(app)
    report, _ = process.communicate()
    for line in report.splitlines():
        logger.warning("EPUB: %s", line, type="mpdocs", subtype="epub")
    if process.returncode != 0:
        logger.warning("EPUB: sphinx-build -b epub failed (%d)", process.returncode,
                       type="mpdocs", subtype="epub")
        return
    shutil.copyfile(work / "epub" / EPUB, site / EPUB)


def zip_examples(app: Sphinx, site: Path) -> None:
    examples = Path(app.confdir, app.config.mpdocs_offline_examples)
    if not examples.is_dir():
        logger.warning("mpdocs_offline_examples: no folder %s", examples, type="mpdocs", subtype="epub")
        return
    with zipfile.ZipFile(site / EXAMPLES, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(examples.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                archive.write(path, Path(examples.name, path.relative_to(examples)).as_posix())


def write_offline_files(app: Sphinx, exception: BaseException | None) -> None:
    if exception is not None:
        if app in running:  # the HTML build failed: its EPUB build is of no use
            process, _ = running.pop(app)
            process.kill()
            process.communicate()
        return
    if app.builder.name not in SITE_BUILDERS:
        return
    site = Path(app.outdir, FOLDER)
    site.mkdir(exist_ok=True)
    zip_examples(app, site)
    finish_epub(app, site)


def offline_role(name: str, rawtext: str, text: str, lineno: int, inliner: Inliner,
                 options: dict[str, Any] | None = None,
                 content: list[str] | None = None) -> tuple[list[nodes.Node], list[nodes.system_message]]:
    """``{offline}`text <mpdocs.epub>```: a link to one of the offline files, from any page."""
    _, title, target = split_explicit_title(text)
    if target not in {EPUB, EXAMPLES}:
        message = inliner.reporter.error(f"offline: {target!r} is neither {EPUB} nor {EXAMPLES}", line=lineno)
        return [inliner.problematic(rawtext, rawtext, message)], [message]
    docname = inliner.document.settings.env.docname
    uri = "../" * docname.count("/") + f"{FOLDER}/{target}"
    return [nodes.reference(rawtext, title, refuri=uri, classes=["mp-offline"])], []


class OfflineLinksAsText(SphinxPostTransform):
    """In the EPUB, a link to the EPUB or to the zip beside the site leads nowhere: keep its text."""

    default_priority = 100
    builders = ("epub",)

    def run(self, **kwargs: Any) -> None:
        for reference in list(self.document.findall(nodes.reference)):
            if "mp-offline" in reference["classes"]:
                reference.replace_self(nodes.inline(reference.astext(), reference.astext()))


class LightFiguresInTheBook(SphinxPostTransform):
    """The site shows a figure drawn for each colour scheme (Furo's ``only-light`` and ``only-dark``
    classes), but a book has no theme stylesheet to hide one: keep the light one, as on paper."""

    default_priority = 100
    builders = ("epub",)

    def run(self, **kwargs: Any) -> None:
        for element in list(self.document.findall(nodes.Element)):
            if "only-dark" in element["classes"] and element.parent is not None:
                element.parent.remove(element)


def setup(app: Sphinx) -> dict[str, object]:
    app.add_config_value("mpdocs_offline_examples", "examples", "env", types=frozenset({str}))
    app.add_config_value("mpdocs_offline_epub", True, "", types=frozenset({bool}))
    app.add_role("offline", offline_role)
    app.add_post_transform(OfflineLinksAsText)
    app.add_post_transform(LightFiguresInTheBook)
    app.connect("builder-inited", start_epub)
    app.connect("build-finished", write_offline_files)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
