"""In-process tests of how a page becomes examples: one test per class of block a reader sees.

Each test parses a page with the engine's parser and looks at the regions it makes, without
running any program (the end-to-end samples in test_pages.py run them)."""

from __future__ import annotations

import configparser
import runpy
import sys
from pathlib import Path

import pytest
from sybil import Document, Region

from mpdocs.engine.evaluators import (
    REPL,
    SHELL,
    Declaration,
    Failing,
    NotApplicableBlock,
    OutputBlock,
    Script,
    Skipped,
    Transcript,
    plan_for,
)
from mpdocs.engine.languages import role_of_language
from mpdocs.engine.lexing import Kind, blocks
from mpdocs.engine.notation import NotationError
from mpdocs.engine.parsers import PageParser
from mpdocs.engine.sessions import SHELL_PROMPTS, SessionError, parse_session
from mpdocs.engine.settings import MATRIX

PROGRAM = 'print("hi")\n'
OUTPUT = "```{output}\nhi\n```\n"


def regions(text: str, tmp_path: Path | None = None) -> list[Region]:
    path = (tmp_path or Path("/nonexistent")) / "page.md"
    if tmp_path is not None:
        path.write_text(text, encoding="utf-8")
    return list(PageParser()(Document(text, str(path))))


def script(text: str, tmp_path: Path | None = None) -> Script:
    [region] = regions(text, tmp_path)
    assert isinstance(region.evaluator, Script)
    return region.evaluator


def kinds(text: str, tmp_path: Path | None = None) -> list[str]:
    return [type(region.evaluator).__name__ for region in regions(text, tmp_path)]


def refusals(text: str, tmp_path: Path | None = None) -> list[str]:
    return [str(r.parsed) for r in regions(text, tmp_path) if isinstance(r.evaluator, Failing)]


# -- every block a reader sees is checked, or the page fails --------------------------------

def test_an_output_block_after_a_session_is_refused() -> None:
    page = "```pycon\n>>> 1 + 1\n2\n```\n\n" + OUTPUT
    assert kinds(page) == ["Transcript", "Failing"]
    assert "cannot follow a >>> session" in refusals(page)[0]


@pytest.mark.parametrize("opening, closing", [
    ("````{note}", "````"),
    ("````{admonition} 标题", "````"),
    (":::{dropdown} 展开", ":::"),
    ("::::{tab-set}\n:::{tab-item} fork", ":::\n::::"),
    ("`````{tab-set}\n````{tab-item} fork", "````\n`````"),
])
def test_programs_and_outputs_inside_directives_are_found(opening: str, closing: str) -> None:
    page = f"{opening}\n\n```python\n{PROGRAM}```\n\n{OUTPUT}\n{closing}\n"
    assert kinds(page) == ["Script"]


def test_outputs_in_tabs_belong_to_the_program_before_the_tabs() -> None:
    page = (f"```python\n{PROGRAM}```\n\n::::{{tab-set}}\n:::{{tab-item}} fork\n```{{output}}\n"
            ":methods: fork\nhi\n```\n:::\n:::{tab-item} spawn\n```{output}\n:methods: spawn forkserver\n"
            "hi\n```\n:::\n::::\n")
    [region] = regions(page)
    assert isinstance(region.evaluator, Script)
    assert len(region.evaluator.declarations) == 2


def test_colon_fenced_output_and_literalinclude_are_found(tmp_path: Path) -> None:
    (tmp_path / "hello.py").write_text(PROGRAM)
    page = ":::{literalinclude} hello.py\n:::\n\n:::{output}\nhi\n:::\n"
    [region] = regions(page, tmp_path)
    assert isinstance(region.evaluator, Script)
    assert region.evaluator.program.files == {"hello.py": PROGRAM}


def test_a_fence_inside_a_literal_fence_is_text() -> None:
    page = f"````markdown\n```python\n{PROGRAM}```\n\n{OUTPUT}````\n"
    assert kinds(page) == []


@pytest.mark.parametrize("info", [
    "python", "Python", "py", "python3", "py3", " python", "python  ", "python {.numberLines}",
    'python title="x.py"', "{code-block} python", "{code-block} Python", "{code} py",
    "{sourcecode} python3",
])
def test_every_fence_highlighted_as_python_is_a_python_block(info: str) -> None:
    page = f"```{info}\n{PROGRAM}```\n"
    assert "neither checked" in refusals(page)[0]


@pytest.mark.parametrize("info", ["", "text", "bash", "pytb", "markdown"])
def test_fences_not_highlighted_as_python_are_text(info: str) -> None:
    assert kinds(f"```{info}\n{PROGRAM}```\n") == []


@pytest.mark.parametrize("language", ["python", "Python", "py", "python3", "py3"])
def test_a_literalinclude_in_any_python_language_is_a_program(tmp_path: Path, language: str) -> None:
    (tmp_path / "hello.txt").write_text(PROGRAM)
    page = f"```{{literalinclude}} hello.txt\n:language: {language}\n```\n\n{OUTPUT}"
    assert kinds(page, tmp_path) == ["Script"]


def test_the_site_highlights_a_bare_fence_as_text() -> None:
    """The lexer treats a fence without a language as text; the site must agree."""
    conf = runpy.run_path(str(Path(__file__).parents[1] / "conf.py"))
    assert conf["highlight_language"] and role_of_language(conf["highlight_language"]) is None


# -- partial includes ---------------------------------------------------------------------

def test_a_partial_literalinclude_is_refused_without_a_download(tmp_path: Path) -> None:
    (tmp_path / "hello.py").write_text("import os\n" + PROGRAM)
    page = f"```{{literalinclude}} hello.py\n:lines: 2\n```\n\n{OUTPUT}"
    [message] = refusals(page, tmp_path)
    assert "shows only part of hello.py (:lines:)" in message
    assert "{download}`hello.py`" in message


def test_a_partial_literalinclude_runs_the_whole_file_offered_for_download(tmp_path: Path) -> None:
    (tmp_path / "hello.py").write_text("import os\n" + PROGRAM)
    page = (f"```{{literalinclude}} hello.py\n:pyobject: main\n```\n\n"
            f"{{download}}`下载 hello.py <hello.py>`\n\n{OUTPUT}")
    [region] = regions(page, tmp_path)
    assert isinstance(region.evaluator, Script)
    assert region.evaluator.program.files == {"hello.py": "import os\n" + PROGRAM}


def test_a_program_in_its_own_folder_under_examples_brings_the_folder(tmp_path: Path) -> None:
    folder = tmp_path / "examples" / "fix"
    (folder / "data").mkdir(parents=True)
    (folder / "main.py").write_text("import worker\n")
    (folder / "worker.py").write_text(PROGRAM)
    (folder / "data" / "words.txt").write_text("a b\n")
    (folder / "__pycache__").mkdir()
    (folder / "__pycache__" / "worker.cpython-312.pyc").write_bytes(b"")
    docs = tmp_path / "docs"
    docs.mkdir()
    page = (f"% skip: a module of main.py\n```{{literalinclude}} ../examples/fix/worker.py\n```\n\n"
            "{download}`words.txt <../examples/fix/data/words.txt>`\n\n"
            f"```{{literalinclude}} ../examples/fix/main.py\n```\n\n{OUTPUT}")
    skipped, run = regions(page, docs)
    assert isinstance(skipped.evaluator, Skipped) and isinstance(run.evaluator, Script)
    program = run.evaluator.program
    assert program.main == "main.py"
    assert sorted(program.files) == ["data/words.txt", "main.py", "worker.py"]
    hidden = page.replace("{download}`words.txt <../examples/fix/data/words.txt>`", "")
    assert any("main.py runs with data/words.txt from its folder, which the page neither shows" in m
               for m in refusals(hidden, docs))


# -- skip ---------------------------------------------------------------------------------

def test_skip_applies_to_the_python_block_right_after_it() -> None:
    page = f"% skip: a sketch\n\n```python\n{PROGRAM}```\n"
    [region] = regions(page)
    assert isinstance(region.evaluator, Skipped)
    assert region.parsed == "a sketch"


def test_skip_with_text_before_the_next_block_is_refused() -> None:
    page = f"% skip: a sketch\n\nSome prose.\n\n```python\n{PROGRAM}```\n"
    assert kinds(page) == ["Failing", "Failing"]
    assert "applies only to a Python block right after it" in refusals(page)[0]


def test_skip_cannot_hide_an_output_block() -> None:
    page = f"```python\n{PROGRAM}```\n\n% skip: flaky\n{OUTPUT}"
    messages = refusals(page)
    assert any("can only skip a Python block" in m for m in messages)


def test_outputs_after_a_skipped_program_are_refused() -> None:
    page = f"% skip: a sketch\n```python\n{PROGRAM}```\n\n{OUTPUT}"
    assert kinds(page) == ["Skipped", "Failing"]
    assert "follows a skipped program" in refusals(page)[0]


# -- options ------------------------------------------------------------------------------

def test_yaml_option_blocks_are_read() -> None:
    page = f"```python\n{PROGRAM}```\n\n```{{output}}\n---\ntimeout: 5\nexit-status: 0\n---\nhi\n```\n"
    [output] = script(page).declarations
    assert isinstance(output, OutputBlock)
    assert output.expectation.timeout == 5


@pytest.mark.parametrize("yaml", ["timeout: [1, 2]\n", "timeout: 5\n  bad: indentation\n", "- a list\n"])
def test_bad_yaml_option_blocks_are_refused_clearly(yaml: str) -> None:
    page = f"```python\n{PROGRAM}```\n\n```{{output}}\n---\n{yaml}---\nhi\n```\n"
    assert any("YAML" in message for message in refusals(page))


# -- coverage of start methods and releases -----------------------------------------------

def declarations(page: str) -> list[Declaration]:
    return script(page).declarations


def test_a_start_method_no_block_covers_fails() -> None:
    page = f"```python\n{PROGRAM}```\n\n```{{output}}\n:methods: fork spawn\nhi\n```\n"
    with pytest.raises(NotationError, match="no {output} block covers the start method forkserver"):
        plan_for(declarations(page), ["fork", "spawn", "forkserver"], tuple(sys.version_info[:3]))


def test_a_release_no_block_covers_fails() -> None:
    page = f"```python\n{PROGRAM}```\n\n```{{output}}\n:python: 3.11\nhi\n```\n"
    with pytest.raises(NotationError, match=r"covers the start method fork on Python 3\.12\.1"):
        plan_for(declarations(page), ["fork"], (3, 12, 1))


def test_a_declared_not_applicable_covers_with_its_reason() -> None:
    page = (f"```python\n{PROGRAM}```\n\n```{{output}}\n:methods: spawn forkserver\nhi\n```\n\n"
            "```{not-applicable}\n:methods: fork\n这个程序演示的是 spawn 的行为。\n```\n")
    plan = plan_for(declarations(page), ["fork", "spawn"], tuple(sys.version_info[:3]))
    assert isinstance(plan["fork"], NotApplicableBlock)
    assert plan["fork"].declaration.reason == "这个程序演示的是 spawn 的行为。"


# -- sessions -----------------------------------------------------------------------------

def test_a_pycon_block_without_prompts_is_refused() -> None:
    assert "must start with a '>>> ' prompt" in refusals("```pycon\nprint(1)\n```\n")[0]


@pytest.mark.parametrize("directive", ["# doctest: +SKIP", "#doctest:+ELLIPSIS", "# DOCTEST: +REPORT_NDIFF"])
def test_doctest_directives_are_refused(directive: str) -> None:
    with pytest.raises(SessionError, match="doctest directives"):
        parse_session(f">>> 1 + 1  {directive}\n2\n")


def test_text_after_a_blank_line_is_part_of_what_the_statement_shows() -> None:
    [statement] = parse_session(">>> print('a\\n\\nb')\na\n\nb\n")
    assert statement.shown is not None
    assert [line.text for line in statement.shown.lines] == ["a", "", "b"]


def test_statements_continue_on_dots_and_show_nothing_when_nothing_follows() -> None:
    first, second = parse_session(">>> for i in range(2):\n...     pass\n>>> x = 1\n")
    assert first.source == "for i in range(2):\n    pass\n"
    assert first.shown is None and second.shown is None
    assert second.line == 3


def test_a_session_region_starts_its_lines_at_the_page_line() -> None:
    page = "# title\n\n```pycon\n>>> 1\n1\n```\n"
    [region] = regions(page)
    assert isinstance(region.evaluator, Transcript)
    assert region.evaluator.line == 4


# -- console transcripts ------------------------------------------------------------------

def transcript(text: str, tmp_path: Path | None = None) -> Transcript:
    [region] = regions(text, tmp_path)
    assert isinstance(region.evaluator, Transcript)
    return region.evaluator


@pytest.mark.parametrize("opening", ["```console", "```shell-session", "``` Console",
                                     "```{code-block} console"])
def test_console_fences_are_shell_transcripts(opening: str) -> None:
    console = transcript(f"{opening}\n$ echo hi\nhi\n```\n")
    assert console.replay is SHELL
    assert [statement.source for statement in console.statements] == ["echo hi\n"]


def test_a_pycon_fence_is_replayed_in_a_repl_not_a_shell() -> None:
    assert transcript("```pycon\n>>> 1\n1\n```\n").replay is REPL


def test_a_console_without_a_prompt_is_refused() -> None:
    assert "must start with a '$ ' prompt" in refusals("```console\necho hi\n$ echo hi\nhi\n```\n")[0]


def test_console_lines_up_to_the_next_prompt_are_what_the_command_showed() -> None:
    first, second = parse_session("$ echo a; echo\na\n\n$ true\n", SHELL_PROMPTS)
    assert first.shown is not None and [line.text for line in first.shown.lines] == ["a"]
    assert (second.source, second.shown, second.line) == ("true\n", None, 4)


def test_a_console_has_no_continuation_lines() -> None:
    [statement] = parse_session("$ ls\n... not a prompt\n", SHELL_PROMPTS)
    assert statement.shown is not None and statement.shown.lines[0].text == "... not a prompt"


def test_an_output_block_after_a_console_is_refused() -> None:
    page = "```console\n$ echo hi\nhi\n```\n\n" + OUTPUT
    assert kinds(page) == ["Transcript", "Failing"]
    assert "cannot follow a console transcript" in refusals(page)[0]


def test_a_skip_before_a_console_skips_it() -> None:
    assert kinds("% skip: needs the network\n```console\n$ pip install x\n```\n") == ["Skipped"]


def test_a_console_runs_with_every_file_the_page_shows_or_offers(tmp_path: Path) -> None:
    (tmp_path / "shown.py").write_text(PROGRAM)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "offered.txt").write_text("x\n")
    (tmp_path / "unrelated.py").write_text(PROGRAM)
    page = ("```{literalinclude} shown.py\n```\n\n```{output}\nhi\n```\n\n"
            "{download}`offered <data/offered.txt>`\n\n```console\n$ ls\noffered.txt\nshown.py\n```\n")
    *_, console = regions(page, tmp_path)
    assert isinstance(console.evaluator, Transcript)
    assert console.evaluator.files == {"shown.py": PROGRAM, "offered.txt": "x\n"}


def test_a_console_runs_without_a_file_shown_only_in_part(tmp_path: Path) -> None:
    (tmp_path / "hidden.py").write_text('print("shown")\nprint("never shown")\n')
    page = ("% skip: only a part\n```{literalinclude} hidden.py\n:lines: 1\n```\n\n"
            "```console\n$ python hidden.py\nshown\nnever shown\n```\n")
    *_, console = regions(page, tmp_path)
    assert isinstance(console.evaluator, Transcript)
    assert console.evaluator.files == {}


def test_a_console_whose_files_share_a_name_is_refused(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "same.txt").write_text(folder)
    page = "{download}`a/same.txt` {download}`b/same.txt`\n\n```console\n$ ls\nsame.txt\n```\n"
    assert "two files named same.txt" in refusals(page, tmp_path)[0]


def test_an_included_console_transcript_is_refused(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text("$ echo hi\nhi\n")
    page = "```{literalinclude} t.txt\n:language: console\n```\n"
    assert "an included transcript is not checked" in refusals(page, tmp_path)[0]


def test_lexed_output_body_is_dedented_under_a_list_item() -> None:
    page = f"- item\n\n  ```python\n  {PROGRAM}  ```\n\n  ```{{output}}\n  hi\n  ```\n"
    found = blocks(page)
    assert [b.kind for b in found] == [Kind.PROGRAM, Kind.OUTPUT]
    assert found[1].body == "hi\n"


@pytest.mark.parametrize("line, value", [
    (':python: ">=3.13.8"', ">=3.13.8"), (":python: '<3.14'", "<3.14"), (":timeout: 5  # seconds", "5"),
    (r":order-within: ^(\d+)", r"^(\d+)"),
])
def test_option_lines_are_read_as_myst_reads_them(line: str, value: str) -> None:
    [block] = blocks(f"```{{output}}\n{line}\nhi\n```\n")
    [read] = block.options.values()
    assert read == value


def test_an_option_myst_reads_as_a_yaml_block_scalar_is_refused() -> None:
    page = f"```python\n{PROGRAM}```\n\n```{{output}}\n:python: >=3.13\nhi\n```\n"
    assert any("starts a YAML block scalar (>); put the value in quotes" in m for m in refusals(page))


def test_default_method_blocks_run_once_and_cannot_mix_with_named_methods() -> None:
    page = f"```python\n{PROGRAM}```\n\n```{{output}}\n:methods: default\nhi\n```\n"
    assert list(plan_for(declarations(page), ["fork", "spawn"], (3, 12, 1))) == ["default"]
    mixed = page + "\n```{output}\n:methods: fork\nhi\n```\n"
    with pytest.raises(NotationError, match="cannot be mixed"):
        plan_for(declarations(mixed), ["fork"], (3, 12, 1))


def test_a_download_link_in_a_comment_or_in_code_is_not_offered(tmp_path: Path) -> None:
    (tmp_path / "hello.py").write_text("import os\n" + PROGRAM)
    include = "```{literalinclude} hello.py\n:lines: 2\n```\n\n"
    for hiding in ("<!-- {download}`hello.py` -->\n\n", "```text\n{download}`hello.py`\n```\n\n"):
        assert any("shows only part of hello.py" in m for m in refusals(hiding + include + OUTPUT, tmp_path))


@pytest.mark.parametrize("info", ["default", "guess", "{Code-Block} python", "{CODE} py"])
def test_names_sphinx_highlights_as_python_and_directive_names_in_any_case(info: str) -> None:
    assert "neither checked" in refusals(f"```{info}\n{PROGRAM}```\n")[0]


def test_pycon3_and_a_python_fence_starting_with_a_prompt_are_sessions() -> None:
    assert kinds("```pycon3\n>>> 1\n1\n```\n\n```python\n>>> 2\n2\n```\n") == ["Transcript", "Transcript"]


def test_an_output_directive_in_any_case_is_checked() -> None:
    assert kinds(f"```python\n{PROGRAM}```\n\n```{{Output}}\nhi\n```\n") == ["Script"]


@pytest.mark.parametrize("directive", ["{highlight} python", "{eval-rst}", "{include} fragment.md"])
def test_directives_that_hide_code_from_the_checker_are_refused(directive: str) -> None:
    assert kinds(f"```{directive}\n.. code-block:: python\n```\n") == ["Failing"]


@pytest.mark.parametrize("prefix, continuation", [("> ", "> "), (": ", "  ")])
def test_fences_in_blockquotes_and_definitions_are_found(prefix: str, continuation: str) -> None:
    page = f"Term\n{prefix}```python\n{continuation}{PROGRAM}{continuation}```\n"
    [block] = blocks(page)
    assert (block.kind, block.body) == (Kind.PROGRAM, PROGRAM)


def test_a_fence_opener_inside_an_html_comment_hides_nothing() -> None:
    page = f"<!--\n```\n-->\n\n```python\n{PROGRAM}```\n\n```\n"
    assert "neither checked" in refusals(page)[0]


def test_an_html_comment_inside_a_code_fence_is_its_content() -> None:
    page = f"```python\n{PROGRAM}```\n\n```{{output}}\n<!-- hi -->\n```\n"
    [output] = script(page).declarations
    assert isinstance(output, OutputBlock)
    assert output.block.body == "<!-- hi -->\n"


def test_an_included_session_is_refused(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text(">>> 1\n1\n")
    page = "```{literalinclude} s.txt\n:language: pycon\n```\n"
    assert "an included session is not checked" in refusals(page, tmp_path)[0]


@pytest.mark.parametrize("python", ['"<3.11"', "3.12.0", '">=3.16"'])
def test_an_output_block_for_releases_the_checks_never_run_is_refused(python: str) -> None:
    page = f"```python\n{PROGRAM}```\n\n```{{output}}\n:python: {python}\nhi\n```\n"
    assert "no release the checks run on" in refusals(page)[0]


def test_the_matrix_is_the_releases_tox_checks() -> None:
    tox = configparser.ConfigParser()
    tox.read(Path(__file__).parents[1] / "tox.ini")
    envs = [env.strip() for env in tox["tox"]["env_list"].split(",")]
    minors = sorted(int(env[-2:]) for env in envs if env.startswith(("py3", "debian3")))
    assert minors == [minor for _, minor, _ in MATRIX]


def test_an_indented_code_block_opens_no_fence() -> None:
    page = f"A paragraph.\n\n    ```\n    indented code\n\n```python\n{PROGRAM}```\n\n```\n"
    assert "neither checked" in refusals(page)[0]


def test_a_fence_left_open_in_a_list_item_ends_with_the_item() -> None:
    page = f"- item\n\n  ```text\n  left open\n\nA paragraph.\n\n```python\n{PROGRAM}```\n"
    assert "neither checked" in refusals(page)[0]


def test_an_eval_rst_block_of_autodoc_directives_only_is_allowed() -> None:
    assert kinds("```{eval-rst}\n.. automodule:: mpdocs.workers\n   :members:\n```\n") == []
    shown = "```{eval-rst}\n.. automodule:: mpdocs.workers\n\n.. code-block:: python\n\n   print(1)\n```\n"
    assert kinds(shown) == ["Failing"]
