"""The Sphinx extension renders {output} blocks as the engine reads them."""

from pathlib import Path

import pytest
from support import SAMPLES
from support import build_site as build

from mpdocs.engine.notation import KINDS

pytest.importorskip("sphinx", reason="the docs extra (Sphinx >= 9.1, Python >= 3.12) is not installed")


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
    assert "标着相同名字的几处是同一个值。" in page


def test_shapes_are_marked_on_their_lines_and_explained(page: str) -> None:
    assert "（重复 CPU 核数次）" in page and "标有“重复”的行会按所标的次数出现。" in page
    assert page.count("（二选一）") == 2 and "每次运行只出现其中一个" in page
    assert "（可能没有）" in page and "有的运行中不会出现" in page
    assert page.count("mp-group-start") == 1 and page.count("mp-group-end") == 1
    assert "框在一起的几行总是连在一起出现" in page
    assert "（Python 3.13.8 及以上、3.14 之前的版本）" in page


def test_options_are_explained_to_readers(page: str) -> None:
    assert "（仅 fork 启动方式）" in page
    assert "（Python 3.12 之前的版本；仅 spawn、forkserver 启动方式）" in page
    assert "退出状态 1" in page
    assert "先后顺序每次运行可能不同" in page


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
    assert "不适用：" in page and "mp-not-applicable" in page
    assert "fork 启动方式；Python 3.14 及以上的版本（fork 方式下子进程会复制持有的锁， 程序会卡住。）" in page
