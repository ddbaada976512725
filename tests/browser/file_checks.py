"""Checks of built files that need no browser: links into the glossary, the EPUB, the examples' zip.

Like ``browser_checks.py``, each check returns a list of problems and never asserts.
"""

from __future__ import annotations

import functools
import io
import zipfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
from xml.etree import ElementTree

# ---------------------------------------------------------------- links


class _Anchors(HTMLParser):
    """The ids of a page and the hrefs of its links."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "a" and found.get("href"):
            self.hrefs.append(str(found["href"]))


@functools.cache  # a page is read once, however many links lead to it
def _anchors(site: Path, page: str) -> _Anchors:
    parser = _Anchors()
    parser.feed((site / page).read_text(encoding="utf-8"))
    return parser


def link_problems(site: Path, page: str, target: str) -> list[str]:
    """Every link of ``page`` whose href contains ``target`` lands on an existing page and anchor."""
    problems = []
    base = "http://site/"
    for href in _anchors(site, page).hrefs:
        if target not in href:
            continue
        url = urlsplit(urljoin(base + page, href))
        landing = unquote(url.path).removeprefix("/")
        if not (site / landing).is_file():
            problems.append(f"{page}: link {href} leads to no page ({landing})")
        elif url.fragment and unquote(url.fragment) not in _anchors(site, landing).ids:
            problems.append(f"{page}: link {href} leads to no anchor #{unquote(url.fragment)} of {landing}")
    return problems


# ---------------------------------------------------------------- offline copies

_OPF = "{http://www.idpf.org/2007/opf}"
_CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"


def _open_zip(data: bytes, what: str) -> tuple[zipfile.ZipFile | None, list[str]]:
    try:
        return zipfile.ZipFile(io.BytesIO(data)), []
    except zipfile.BadZipFile as error:
        return None, [f"the {what} is not a zip file: {error}"]


def _spine(book: zipfile.ZipFile) -> tuple[list[str], list[str]]:
    """The files of the EPUB's reading order (the OPF spine), or problems."""
    try:
        container = ElementTree.fromstring(book.read("META-INF/container.xml"))
    except KeyError:
        return [], ["the EPUB has no META-INF/container.xml"]
    rootfile = container.find(f".//{_CONTAINER}rootfile")
    if rootfile is None or rootfile.get("full-path") not in book.namelist():
        return [], ["META-INF/container.xml names no package file (OPF) the EPUB holds"]
    opf_path = str(rootfile.get("full-path"))
    opf = ElementTree.fromstring(book.read(opf_path))
    folder = opf_path.rpartition("/")[0]
    items = {item.get("id"): item.get("href") for item in opf.iter(f"{_OPF}item")}
    spine = [items.get(ref.get("idref")) for ref in opf.iter(f"{_OPF}itemref")]
    return [f"{folder}/{href}".lstrip("/") for href in spine if href], []


def epub_problems(data: bytes, pages: list[str]) -> list[str]:
    """A reader opens the EPUB: mimetype first and stored, container.xml, every page in the spine."""
    book, problems = _open_zip(data, "EPUB")
    if book is None:
        return problems
    entries = book.infolist()
    if not entries or entries[0].filename != "mimetype" or book.read(entries[0]) != b"application/epub+zip":
        problems.append("the EPUB's first entry is not `mimetype` holding application/epub+zip")
    elif entries[0].compress_type != zipfile.ZIP_STORED:
        problems.append("the EPUB's mimetype entry is compressed (it must be stored)")
    spine, spine_problems = _spine(book)
    problems += spine_problems
    missing = [page for page in pages if page.removesuffix(".html") + ".xhtml" not in spine]
    if spine and missing:
        problems.append(f"pages missing from the EPUB's reading order: {missing}")
    unreadable = [name for name in spine if name not in book.namelist()]
    if unreadable:
        problems.append(f"the EPUB's reading order names files it does not hold: {unreadable}")
    return problems


def zip_problems(data: bytes, folder: Path) -> list[str]:
    """The zip holds every file of ``folder`` (as ``folder.name/...``), sub-folders kept, and no other."""
    archive, problems = _open_zip(data, "examples' zip")
    if archive is None:
        return problems
    expected = {
        Path(folder.name, path.relative_to(folder)).as_posix()
        for path in folder.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }
    held = {name for name in archive.namelist() if not name.endswith("/")}
    if expected - held:
        problems.append(f"the zip lacks {sorted(expected - held)}")
    if held - expected:
        problems.append(f"the zip holds files {folder} does not: {sorted(held - expected)}")
    for name in sorted(expected & held):
        if archive.read(name) != (folder.parent / name).read_bytes():
            problems.append(f"the zip's {name} differs from {folder.parent / name}")
    return problems
