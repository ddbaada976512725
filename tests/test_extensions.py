"""The Sphinx extensions of mpdocs.sphinxext, each on a small sample site of its own."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from support import SAMPLES, build_site

pytest.importorskip("sphinx", reason="the docs extra (Sphinx >= 9.1, Python >= 3.12) is not installed")

from sphinx.errors import ConfigError  # noqa: E402  (needs Sphinx)

from mpdocs.engine.record import Record  # noqa: E402
from mpdocs.sphinxext.linebreaks import join_docstring_lines  # noqa: E402
from mpdocs.sphinxext.search import resolve_user_dictionary  # noqa: E402


def build(sample: str, out: Path, *options: str, env: dict[str, str] | None = None,
          ) -> subprocess.CompletedProcess[str]:
    return build_site(SAMPLES / sample, out, *options, env=env)


def built(sample: str, out: Path, *options: str, env: dict[str, str] | None = None) -> Path:
    result = build(sample, out, *options, env=env)
    assert result.returncode == 0, result.stderr
    return out


# --- line breaks between Chinese characters -------------------------------------------------------

def test_line_break_between_chinese_characters_fails_the_build_naming_file_and_line(tmp_path: Path) -> None:
    result = build("sphinx_linebreaks/broken", tmp_path)
    assert result.returncode != 0
    warned = re.findall(r"index\.md:(\d+): WARNING: line break between Chinese characters", result.stderr)
    # a paragraph, a list item, and bold text inside a directive
    assert sorted(map(int, warned)) == [3, 6, 10], result.stderr


def test_joined_lines_code_tables_and_breaks_beside_latin_text_pass(tmp_path: Path) -> None:
    built("sphinx_linebreaks/joined", tmp_path)


def test_docstring_lines_are_joined_between_chinese_characters_outside_literal_blocks() -> None:
    lines = ["返回 ``1 / x``，用来演示子进程里的异常", "怎样回到主进程。", "", "英文 word", "续行", "",
             "示例::", "", "    第一行", "    第二行。"]
    join_docstring_lines(None, "function", "f", None, None, lines)  # type: ignore[arg-type]
    assert lines == ["返回 ``1 / x``，用来演示子进程里的异常怎样回到主进程。", "", "英文 word", "续行", "",
                     "示例::", "", "    第一行", "    第二行。"]


# --- absolute links on the 404 page ---------------------------------------------------------------

def _without_read_the_docs() -> dict[str, str]:
    return {name: value for name, value in os.environ.items() if not name.startswith("READTHEDOCS")}


def _links(page: Path) -> list[str]:
    """The page's links in order: its text first, then the theme's sidebar."""
    link = r'<a class="reference (?:in|ex)ternal" href="([^"]*)"'
    return re.findall(link, page.read_text(encoding="utf-8"))


def test_links_on_the_404_page_take_the_configured_prefix(tmp_path: Path) -> None:
    out = built("sphinx_notfound", tmp_path, "-D", "notfound_urls_prefix=/zh-cn/latest/",
                env=_without_read_the_docs())
    assert _links(out / "404.html")[:4] == ["/zh-cn/latest/index.html", "/zh-cn/latest/other.html#id1",
                                            "#id1", "https://www.python.org/"]
    assert set(_links(out / "index.html")) == {"other.html"}  # other pages keep relative links


def test_a_local_build_serves_the_404_page_from_the_root(tmp_path: Path) -> None:
    out = built("sphinx_notfound", tmp_path, env=_without_read_the_docs())
    assert _links(out / "404.html")[:2] == ["/index.html", "/other.html#id1"]


def test_on_read_the_docs_the_prefix_is_the_canonical_path(tmp_path: Path) -> None:
    canonical = {"READTHEDOCS_CANONICAL_URL": "https://mpdocs.example.org/zh-cn/stable/"}
    env = _without_read_the_docs() | canonical
    out = built("sphinx_notfound", tmp_path, env=env)
    assert _links(out / "404.html")[:2] == ["/zh-cn/stable/index.html", "/zh-cn/stable/other.html#id1"]


# --- accessibility fixes --------------------------------------------------------------------------

def _headings_and_code(page: Path) -> tuple[list[str], list[str]]:
    html = page.read_text(encoding="utf-8")
    captions = re.findall(r'<p class="caption" role="heading"[^>]*>', html)
    return captions, re.findall(r'<div class="highlight"><pre[^>]*>', html)


@pytest.mark.parametrize("extensions", ["myst_parser,mpdocs.sphinxext.a11y", "myst_parser"])
def test_captions_have_a_level_and_code_takes_focus_only_with_the_extension(tmp_path: Path,
                                                                            extensions: str) -> None:
    out = built("sphinx_a11y", tmp_path, "-D", f"extensions={extensions}")
    captions, code = _headings_and_code(out / "index.html")
    assert len(captions) >= 2 and len(code) == 1  # the page's toctree and Furo's sidebar; one program
    fixed = "a11y" in extensions
    assert all(('aria-level="2"' in caption) is fixed for caption in captions), captions
    assert all(('tabindex="0"' in pre) is fixed for pre in code), code


# --- the output of a partially shown program ------------------------------------------------------

def _panels(page: Path) -> list[str]:
    html = page.read_text(encoding="utf-8")
    return re.findall(r'<div class="mp-output\b[^"]*">.*?</div>', html, flags=re.DOTALL)


def test_output_of_a_partial_include_says_it_comes_from_the_whole_file(tmp_path: Path) -> None:
    panels = _panels(built("sphinx_partial_include", tmp_path) / "index.html")
    assert len(panels) == 5, panels
    noted = ["来自运行完整的 squares.py" in panel for panel in panels]
    # :pyobject: and :lines: (colon fence) are partial; the whole file and another program's output are
    # not; a shell command between a partial include and its output does not end the program's outputs
    assert noted == [True, True, False, False, True]


# --- jieba's user dictionary ----------------------------------------------------------------------

def _resolved_dictionary(confdir: Path, dictionary: str) -> str:
    app = SimpleNamespace(confdir=confdir)
    config = SimpleNamespace(html_search_options={"dict": dictionary})
    resolve_user_dictionary(app, config)  # type: ignore[arg-type]
    resolved: str = config.html_search_options["dict"]
    return resolved


def test_the_user_dictionary_is_found_relative_to_the_configuration_folder(tmp_path: Path) -> None:
    (tmp_path / "words.txt").write_text("进程池 5\n", encoding="utf-8")
    assert _resolved_dictionary(tmp_path, "words.txt") == str(tmp_path / "words.txt")


def test_a_missing_user_dictionary_fails_the_build_instead_of_being_skipped(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no file .*words.txt"):
        _resolved_dictionary(tmp_path, "words.txt")


# --- where the outputs were checked, from the check runs' records --------------------------------

def write_record(folder: Path, name: str, python: str, pages: list[str]) -> None:
    Record(python=python, implementation="cpython", build="Debian GNU/Linux forky/sid",
           methods=["fork", "spawn", "forkserver"], pages=pages, programs=25, sessions=10,
           consoles=3, skipped=2).write(folder / "records" / f"{name}.json")


def checked_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    shutil.copytree(SAMPLES / "sphinx_checked", site)
    return site


def test_checked_releases_lists_every_record_in_version_order(tmp_path: Path) -> None:
    site = checked_site(tmp_path)
    write_record(site, "debian314", "3.14.10", ["docs/a.md", "docs/b.md"])
    write_record(site, "py311", "3.11.7", ["docs/a.md", "docs/b.md"])
    result = build_site(site, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S)
    cells = [re.findall(r"<p>(.*?)</p>", row) for row in rows]
    counts = ["fork、spawn、forkserver", "25", "10", "3"]
    assert cells[1:] == [["3.11.7", "Debian GNU/Linux forky/sid", *counts],
                         ["3.14.10", "Debian GNU/Linux forky/sid", *counts]]


def test_a_record_an_older_engine_wrote_fails_the_build_saying_so(tmp_path: Path) -> None:
    site = checked_site(tmp_path)
    write_record(site, "py312", "3.12.1", ["docs/a.md"])
    old = site / "records" / "py312.json"
    old.write_text(old.read_text(encoding="utf-8").replace('"consoles": 3,', ""), encoding="utf-8")
    result = build_site(site, tmp_path / "out")
    assert result.returncode != 0
    assert "py312.json is not a check record of this mpdocs" in result.stderr


def test_a_record_of_a_partial_run_fails_the_build(tmp_path: Path) -> None:
    site = checked_site(tmp_path)
    write_record(site, "py312", "3.12.1", ["docs/a.md", "docs/b.md"])
    write_record(site, "py311", "3.11.7", ["docs/a.md"])
    result = build_site(site, tmp_path / "out")
    assert result.returncode != 0
    assert "the check record for Python 3.11.7 lacks pages docs/b.md" in result.stderr


@pytest.mark.parametrize("required", [False, True])
def test_without_records_the_site_says_so_or_a_required_build_fails(tmp_path: Path, required: bool) -> None:
    site = checked_site(tmp_path)
    command = [sys.executable, "-m", "sphinx", "-W", "-q", "-E", str(site), str(tmp_path / "out")]
    if required:
        command[4:4] = ["-D", "mpdocs_check_records_required=1"]
    result = subprocess.run(command, capture_output=True, text=True)
    if required:
        assert result.returncode != 0
        assert "no check records in" in result.stderr
    else:
        assert result.returncode == 0, result.stderr
        assert "这次构建没有附带检查记录" in (tmp_path / "out" / "index.html").read_text(encoding="utf-8")


def test_bold_that_myst_did_not_read_fails_the_build_naming_file_and_line(tmp_path: Path) -> None:
    result = build("sphinx_linebreaks/bold", tmp_path)
    assert result.returncode != 0
    assert re.findall(r"index\.md:(\d+): WARNING: '\*\*' shows literally", result.stderr) == ["3", "3"], \
        result.stderr


# --- the EPUB: one figure of each light/dark pair ---------------------------------------------------

@pytest.mark.parametrize(("builder", "charts"), [("epub", ["chart-light.svg"]),
                                                 ("html", ["chart-light.svg", "chart-dark.svg"])])
def test_the_book_keeps_the_light_figure_of_a_pair_and_the_site_both(
        tmp_path: Path, builder: str, charts: list[str]) -> None:
    out = built("sphinx_epub_figures", tmp_path / "out", "-b", builder, "-D", "version=1",
                "-d", str(tmp_path / "doctrees"))
    page = (out / ("index.xhtml" if builder == "epub" else "index.html")).read_text(encoding="utf-8")
    assert re.findall(r"chart-\w+\.svg", page) == charts
