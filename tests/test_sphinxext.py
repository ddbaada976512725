"""The Sphinx extension renders {output} blocks as the engine reads them."""

import json
from pathlib import Path

import pytest
from support import SAMPLES, CheckPage
from support import build_site as build

from mpdocs.engine.notation import KINDS
from mpdocs.sphinxext.platform_defaults import DEFAULT_USES, RELEASES

pytest.importorskip("sphinx", reason="the docs extra (Sphinx >= 9.1, Python >= 3.12) is not installed")

from bs4 import BeautifulSoup, Tag  # noqa: E402  (furo's dependency: the docs extra, checked above)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("html")
    result = build(SAMPLES / "sphinx_output", out)
    assert result.returncode == 0, result.stderr
    return (out / "index.html").read_text(encoding="utf-8")


def test_output_blocks_are_labelled_and_never_copyable_code(page: str) -> None:
    assert page.count('class="mp-output-body"') == 4
    assert page.count("运行结果") >= 4
    assert page.count('<div class="highlight">') == 3  # only the three python programs


def test_literal_text_is_escaped(page: str) -> None:
    assert "{'m': 20} &lt;Process name='x' parent=" in page
    assert "&amp; &quot;引号&quot;" in page


def test_placeholders_show_chinese_labels(page: str) -> None:
    assert "进程号" in page and "小数" in page and "CPU 核数" in page and "调用栈" in page
    assert "⟨" not in page


def test_new_placeholders_show_chinese_labels_and_visible_meanings(page: str) -> None:
    for kind in ("addr", "id", "pymp_dir", "shm_name", "sem_name", "listener"):
        label, meaning = KINDS[kind].label, KINDS[kind].meaning
        assert f">{label}<" in page, kind
        # in the legend under the block, not only in a tooltip
        assert f'<span class="mp-ph">{label}</span> {meaning}</p>' in page, kind
    # what a shared name means, with the block's own named process as the example
    assert "标着同一名字的几处（如 <span class=\"mp-ph\"" in page
    assert '进程号<span class="mp-ph-name">main</span></span>）是同一个进程。' in page


def test_shapes_are_marked_on_their_lines_and_explained(page: str) -> None:
    assert "（重复 CPU 核数次）" in page and "标有“重复”的行会按所标的次数出现。" in page
    assert page.count("（二选一）") == 2 and "每次运行只出现其中一个" in page
    assert "（可能没有）" in page and "有的运行中不会出现" in page
    assert page.count("mp-group-start") == 1 and page.count("mp-group-end") == 1
    assert "框在一起的几行总是连在一起出现" in page
    assert "（Python 3.13.8 及以上、3.14 之前的版本）" in page


def test_options_are_explained_to_readers(page: str) -> None:
    # each per-method block says where its start methods are the default
    assert "（仅 fork 启动方式：Linux 上 Python 3.13 及以前的默认）" in page
    assert ("（Python 3.12 之前的版本；仅 spawn、forkserver 启动方式：spawn 是 Windows、macOS 的默认，"
            "forkserver 是 Linux 上 Python 3.14 起的默认）") in page
    assert "退出状态 1" in page
    assert "先后顺序每次运行可能不同" in page


def test_exit_status_is_explained_in_words(page: str) -> None:
    assert '<p class="mp-output-note">退出状态 1：程序以出错结束（0 表示正常结束）。</p>' in page


def test_bad_notation_fails_the_build(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text((SAMPLES / "sphinx_output" / "conf.py").read_text())
    (source / "index.md").write_text("# x\n\n```{output}\n:any-order: 3-9\na\nb\n```\n")
    result = build(source, tmp_path / "out")
    assert result.returncode != 0
    assert "index.md:3" in result.stderr and "outside lines 1-2" in result.stderr


def test_not_applicable_is_a_small_panel_with_its_reason(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text((SAMPLES / "sphinx_output" / "conf.py").read_text())
    (source / "index.md").write_text("# x\n\n```{not-applicable}\n:methods: fork\n:python: \">=3.14\"\n"
                                     "fork 方式下子进程会复制持有的锁，\n程序会卡住。\n```\n")
    result = build(source, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert '<div class="mp-not-applicable mp-output">' in page
    assert ('<span class="mp-output-title">不适用</span><span class="mp-output-cover">'
            '（Python 3.14 及以上的版本；仅 fork 启动方式：Linux 上 Python 3.13 及以前的默认）</span>'
            '：fork 方式下子进程会复制持有的锁， 程序会卡住。') in page
    assert "mp-tabs" not in page  # a lone block is no tab set, and the page loads no tab script


# ---------------------------------------------------------------- tab sets and transcripts


@pytest.fixture(scope="module")
def tabs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tabs_site: tabs_methods.md as methods.html, tabs_transcript.md as transcript.html, …"""
    out = tmp_path_factory.mktemp("tabs_html")
    result = build(SAMPLES / "tabs_site", out)
    assert result.returncode == 0, result.stderr
    return out


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def _texts(element: Tag, selector: str) -> list[str]:
    return [found.get_text() for found in element.select(selector)]


def test_a_programs_blocks_become_one_tab_set_per_run(tabs_site: Path) -> None:
    sets = _soup(tabs_site, "methods.html").select("div.mp-tabs")
    # the third program's blocks differ in both ways: a tab per method, the second holding a set by release
    assert [s["data-label"] for s in sets] == ["按启动方式分开的运行结果", "按 Python 版本分开的运行结果"] * 2
    assert sets[3].find_parent("div", class_="mp-tab-panel") in sets[2].select(":scope > div.mp-tab-panel")
    panels = [[(p["data-methods"], p["data-releases"]) for p in s.select(":scope > div.mp-tab-panel")]
              for s in sets]
    every = "3.11 3.12 3.13 3.14 3.15"
    assert panels == [
        [("fork", every), ("spawn", every), ("forkserver", every)],
        [("", "3.11 3.12"), ("", "3.13 3.14 3.15")],
        [("fork", every), ("spawn forkserver", every)],
        [("spawn forkserver", "3.11 3.12 3.13"), ("spawn forkserver", "3.14 3.15")],
    ]


def test_tab_labels_say_where_each_start_method_is_the_default(tabs_site: Path) -> None:
    panels = _soup(tabs_site, "methods.html").select("div.mp-tab-panel")
    labels = [(p["data-label"], p["data-note"]) for p in panels]
    assert labels[:3] == [
        ("fork", "Linux 上 Python 3.13 及以前的默认"),
        ("spawn", "Windows、macOS 的默认"),
        ("forkserver", "Linux 上 Python 3.14 起的默认"),
    ]
    assert labels[3:5] == [("Python 3.13 之前的版本", ""), ("Python 3.13 及以上的版本", "")]
    # a tab for several methods says where each is the default; the tabs by release inside it name the release
    assert labels[6:] == [("spawn、forkserver",
                           "spawn 是 Windows、macOS 的默认，forkserver 是 Linux 上 Python 3.14 起的默认"),
                          ("Python 3.14 之前的版本", ""), ("Python 3.14 及以上的版本", "")]


def test_paragraphs_go_with_the_block_they_introduce_or_comment_on(tabs_site: Path) -> None:
    page = _soup(tabs_site, "methods.html")
    first, second, third = page.select("div.mp-tabs")[0].select("div.mp-tab-panel")
    # a paragraph ending with a colon introduces the block after it; others comment on the one before
    assert _texts(first, ":scope > p") == ["fork 方式下，子进程是父进程的复制品：",
                                           "子进程看到了父进程改过的值。"]
    assert _texts(second, ":scope > p") == ["spawn 方式下，子进程重新导入主模块："]
    assert _texts(third, ":scope > p") == ["forkserver 方式下也是这样："]
    # blocks by method and release: the first block's introduction is the method's, above its tabs by release
    method = page.select("div.mp-tabs")[2].select(":scope > div.mp-tab-panel")[1]
    assert _texts(method, ":scope > p") == ["spawn 和 forkserver 方式下，程序以出错结束；Python 3.11～3.13："]
    by_release = method.select("div.mp-tab-panel")
    assert [_texts(panel, ":scope > p") for panel in by_release] == [[], ["Python 3.14 起："]]
    outside = [p.get_text() for p in page.select("section > p")]
    assert "Text after the run is for every reader." in outside


def test_without_script_every_block_shows_with_its_label(tabs_site: Path) -> None:
    """The HTML itself hides nothing: each panel holds its whole block under a header naming its case."""
    page = _soup(tabs_site, "methods.html")
    blocks = page.select("div.mp-tab-panel > div.mp-output")
    assert len(blocks) == len(page.select("div.mp-output")) == 8
    assert all(block.select_one(".mp-output-cover") for block in blocks)
    assert not page.select("[hidden]") and "mp-tablist" not in str(page)


def test_the_choice_is_explained_once_per_page_and_kind(tabs_site: Path) -> None:
    page = _soup(tabs_site, "methods.html")
    notes = page.select("p.mp-tabs-note")
    assert len(notes) == 2
    assert notes[0].find_parent("div", class_="mp-tabs") is page.select("div.mp-tabs")[0]
    assert 'python -c "import multiprocessing as mp; print(mp.get_start_method())"' in notes[0].get_text()
    assert "python --version" in notes[1].get_text()
    # what only the script makes true is marked so
    assert _texts(notes[0], ".mp-js-only") == ["选中一种方式后，本站各页都显示这种方式的结果。"]


def test_the_tab_script_comes_with_the_facts_it_guesses_from(tabs_site: Path) -> None:
    script = _soup(tabs_site, "methods.html").select_one('script[src*="mp-tabs.js"]')
    assert script is not None and script.has_attr("defer")
    defaults = json.loads(str(script["data-defaults"]))
    assert defaults["Linux"]["3.13"] == "fork" and defaults["Linux"]["3.14"] == "forkserver"
    assert set(defaults["Windows"].values()) == set(defaults["macOS"].values()) == {"spawn"}
    assert script["data-releases"] == " ".join(RELEASES) and RELEASES[-1] == "3.15"
    assert (tabs_site / "_static" / "mp-tabs.js").is_file()


def test_blocks_apart_are_no_tab_set_and_pages_without_sets_load_no_script(tabs_site: Path) -> None:
    page = _soup(tabs_site, "transcript.html")
    assert len(page.select("div.mp-output")) == 2 and not page.select("div.mp-tabs")
    assert not page.select('script[src*="mp-tabs.js"]')


def test_transcript_placeholders_are_labelled_and_explained(tabs_site: Path) -> None:
    page = _soup(tabs_site, "transcript.html")
    first, plain = page.select("div.highlight-console")
    assert "⟨" not in first.get_text()
    assert _texts(first, ".go .mp-ph") == ["进程号main", "进程号child", "进程号main"]
    assert _texts(first, ".gp") == ["$ ", "$ "]  # the prompts the copy button strips
    legend = first.find_next_sibling("div")
    assert legend is not None and "mp-transcript-legend" in legend["class"]
    assert f"进程号 {KINDS['pid'].meaning}" in legend.get_text()
    assert "标着同一名字的几处（如 进程号main）是同一个进程。" in legend.get_text()
    assert not plain.select(".mp-ph")
    assert plain.find_next_sibling("div", class_="mp-transcript-legend") is None


def test_a_shared_name_is_explained_only_where_a_name_repeats(tabs_site: Path) -> None:
    # the third program's block names its two processes once each: no shared name to explain
    page = _soup(tabs_site, "methods.html")
    assert len(page.select(".mp-ph-name")) == 2 and "是同一个" not in page.get_text()


def test_unknown_placeholder_in_a_transcript_fails_the_build(tmp_path: Path) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text((SAMPLES / "sphinx_output" / "conf.py").read_text())
    (source / "index.md").write_text("# x\n\n```console\n$ python x.py\n⟨pide⟩\n```\n")
    result = build(source, tmp_path / "out")
    assert result.returncode != 0
    assert "index.md:3" in result.stderr and "unknown placeholder '⟨pide⟩'" in result.stderr


@pytest.mark.parametrize("language", ["Console", "shell-session"])
def test_every_name_the_checker_runs_as_a_transcript_gets_its_placeholders_shown(
        tmp_path: Path, language: str) -> None:
    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text((SAMPLES / "sphinx_output" / "conf.py").read_text())
    (source / "index.md").write_text(f"# x\n\n```{language}\n$ python x.py\n⟨pid⟩\n```\n")
    result = build(source, tmp_path / "out")
    assert result.returncode == 0, result.stderr
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "⟨pid⟩" not in html and "mp-transcript-legend" in html


def test_facts_table_phrases() -> None:
    assert [use.phrase() for use in DEFAULT_USES] == [
        "Linux 上 Python 3.13 及以前的默认", "Windows、macOS 的默认", "Linux 上 Python 3.14 起的默认"]


def test_blocks_in_tabs_are_still_checked(check_page: CheckPage) -> None:
    """The checker reads the Markdown: the sample's blocks pass, and a wrong one among them fails."""
    check_page("tabs_methods.md").assert_outcomes(passed=3)
    failed = check_page("tabs_wrong.md")
    failed.assert_outcomes(failed=1)
    failed.stdout.fnmatch_lines(["*[[]start method spawn[]]*output differs:*", "-child sees changed",
                                 "+child sees original"])
