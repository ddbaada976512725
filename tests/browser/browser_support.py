"""Build, serve and browse the site for the browser tests.

Nothing here is a test; ``conftest.py`` turns these helpers into fixtures and
``browser_checks.py`` holds the checks themselves.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SAMPLES = HERE / "samples"

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
    # Nothing leaves the machine, even when a page asks: every host name but the test server's fails to
    # resolve at once (browser_checks.Recorder records the request), so no test waits on the network.
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]
# Chromium's headless shell first: the same Blink and V8 as the browser without its user interface, it
# opens a context and a page in half the CPU time (the browser suite ran in 55 s instead of 96).
CHROMIUM_NAMES = ["chromium-headless-shell", "chromium", "chromium-browser"]

HOW_TO_ENABLE = (
    "The browser tests need Debian's Chromium and the playwright package:\n"
    "    apt-get install -y chromium-headless-shell fonts-noto-cjk\n"
    "    pip install -e '.[docs]' playwright axe-playwright-python   (or: tox -e browser)\n"
    "Set MPDOCS_CHROMIUM=/path/to/chromium for a browser elsewhere.  "
    "Never run `playwright install`: the tests use the system browser."
)

# The sites the tests need: the variable naming each built site, and its (source, configuration) folders.
SITES = {
    "MPDOCS_SITE": (ROOT / "docs", ROOT),
    "MPDOCS_BROKEN_SITE": (SAMPLES / "broken", SAMPLES / "broken"),
    "MPDOCS_TABS_SITE": (ROOT / "tests" / "samples" / "tabs_site",) * 2,
}

# Output folders of sphinx-build that hold no pages.
NOT_PAGES = {"_static", "_sources", "_images", "_downloads", "_modules"}


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def chromium_path() -> str | None:
    """The system Chromium (the first of CHROMIUM_NAMES on $PATH or in /usr/bin), or None.

    MPDOCS_CHROMIUM overrides the search.
    """
    override = os.environ.get("MPDOCS_CHROMIUM")
    if override:
        return override if Path(override).is_file() else None
    where = os.pathsep.join([os.environ.get("PATH", ""), "/usr/bin"])
    return next(filter(None, (shutil.which(name, path=where) for name in CHROMIUM_NAMES)), None)


def missing_parts() -> list[str]:
    """What the browser tests need and this machine lacks."""
    problems = []
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        problems.append("the `playwright` Python package is not installed")
    try:
        import axe_playwright_python  # noqa: F401
    except ImportError:
        problems.append("the `axe-playwright-python` package (it bundles axe-core) is not installed")
    if chromium_path() is None:
        problems.append("no Chromium found: none of " + ", ".join(CHROMIUM_NAMES))
    return problems


def require_browser() -> None:
    """Skip the calling test module (fail it under CI=true) without a browser.

    Call at module level.  Nothing is built when the module is skipped.
    """
    problems = missing_parts()
    if not problems:
        return
    message = (
        "\n" + "!" * 72 + "\nBROWSER TESTS NOT RUN: " + "; ".join(problems) + ".\n"
        + HOW_TO_ENABLE + "\n" + "!" * 72
    )
    if in_ci():
        pytest.fail(message + "\n(CI=true: a missing browser is an error there.)", pytrace=False)
    pytest.skip(message, allow_module_level=True)


def _build_command(srcdir: Path, confdir: Path, outdir: Path) -> list[str]:
    doctrees = outdir.parent / (outdir.name + ".doctrees")
    return [
        sys.executable, "-m", "sphinx", "-q", "-b", "html",
        "-c", str(confdir), "-d", str(doctrees), str(srcdir), str(outdir),
    ]


def build_sites(sites: dict[str, tuple[Path, Path]]) -> dict[str, Path]:
    """Build each {name: (source folder, configuration folder)} at once, into a temp dir.

    Fails with sphinx-build's output if a build fails.
    """
    builds = {}
    for name, (srcdir, confdir) in sites.items():
        command = _build_command(srcdir, confdir, Path(_temp_root()) / name)
        process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT
        )
        builds[name] = (command, process)
    for command, process in builds.values():
        output, _ = process.communicate()
        if process.returncode != 0:
            pytest.fail(f"sphinx-build failed ({process.returncode}):\n{' '.join(command)}\n{output}",
                        pytrace=False)
    return {name: Path(command[-1]) for name, (command, _) in builds.items()}


def prepare_sites() -> None:
    """Build the sites no variable names, both at once, before pytest-xdist starts its workers.

    The workers inherit the variables, so each of them tests the same build.
    """
    wanted = {
        variable: folders for variable, folders in SITES.items() if not os.environ.get(variable)
    }
    for variable, site in build_sites(wanted).items():
        os.environ[variable] = str(site)


def _built(variable: str) -> Path:
    given = os.environ.get(variable)
    if not given:
        prepare_sites()
        given = os.environ[variable]
    site = Path(given).resolve()
    if not (site / "index.html").is_file():
        pytest.fail(f"{variable}={given} holds no index.html: build the site there first.", pytrace=False)
    return site


def project_site() -> Path:
    """The built project site: $MPDOCS_SITE, built by ``prepare_sites`` unless given."""
    return _built("MPDOCS_SITE")


def broken_site() -> Path:
    """The deliberately broken fixture site (samples/broken): $MPDOCS_BROKEN_SITE."""
    return _built("MPDOCS_BROKEN_SITE")


def tabs_site() -> Path:
    """The site of the tabs samples (tests/samples/tabs_site): $MPDOCS_TABS_SITE."""
    return _built("MPDOCS_TABS_SITE")


@functools.cache
def _temp_root() -> str:
    return tempfile.mkdtemp(prefix="mpdocs-browser-")


def cleanup() -> None:
    if _temp_root.cache_info().currsize:
        shutil.rmtree(_temp_root(), ignore_errors=True)


def html_pages(site: Path) -> list[str]:
    """Every HTML page of a build, as URL paths relative to the site root."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        relative = path.relative_to(site)
        if relative.parts[0] in NOT_PAGES or relative.parts[0].startswith("."):
            continue
        pages.append(relative.as_posix())
    return pages


def pages_containing(site: Path, *needles: str) -> list[str]:
    """The pages whose HTML contains every one of ``needles``."""
    found = []
    for page in html_pages(site):
        text = (site / page).read_text(encoding="utf-8")
        if all(needle in text for needle in needles):
            found.append(page)
    return found


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        # Files stay fresh for the whole run, so the browser never revalidates one: a revalidated file comes
        # back as 304 Not Modified, without the body the page weight counts, and files written just before,
        # as a fresh build's are, would be revalidated at each load.  A file from the cache keeps its body.
        self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()


@contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 on a free port; yield the origin."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"serve {site.name}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
