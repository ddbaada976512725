"""The Sphinx extension renders {output} blocks as the engine reads them."""

import subprocess
import sys
from pathlib import Path

import pytest

SAMPLES = Path(__file__).parent / "samples"

pytest.importorskip("sphinx", reason="the docs extra (Sphinx >= 9.1, Python >= 3.12) is not installed")


def build(source, out):
    return subprocess.run([sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(source), str(out)],
                          capture_output=True, text=True)


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    out = tmp_path_factory.mktemp("html")
    result = build(SAMPLES / "sphinx_output", out)
    assert result.returncode == 0, result.stderr
    return (out / "index.html").read_text(encoding="utf-8")


def test_output_blocks_are_labelled_and_never_copyable_code(page):
    assert page.count('class="mp-output-body"') == 3
    assert page.count("运行结果") >= 3
    assert page.count('<div class="highlight">') == 2  # only the two python programs


def test_literal_text_is_escaped(page):
    assert "{'m': 20} &lt;Process name='x' parent=" in page
    assert "&amp; &quot;引号&quot;" in page


def test_placeholders_show_chinese_labels(page):
    assert "进程号" in page and "小数" in page and "CPU 核数" in page and "调用栈" in page
    assert "⟨" not in page


def test_options_are_explained_to_readers(page):
    assert "（仅 fork 启动方式）" in page
    assert "（Python 3.12 之前的版本；仅 spawn、forkserver 启动方式）" in page
    assert "退出状态 1" in page
    assert "先后顺序每次运行可能不同" in page


def test_bad_notation_fails_the_build(tmp_path):
    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text((SAMPLES / "sphinx_output" / "conf.py").read_text())
    (source / "index.md").write_text("# x\n\n```{output}\n:any-order: 3-9\na\nb\n```\n")
    result = build(source, tmp_path / "out")
    assert result.returncode != 0
    assert "index.md:3" in result.stderr and "outside lines 1-2" in result.stderr
