"""The update mode rewrites exactly the blocks that checking compares, and only into blocks that pass."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from support import CheckPage

from mpdocs.engine import update


def test_update_rewrites_only_output_bodies_and_is_idempotent(
    check_page: CheckPage, pytester: pytest.Pytester, samples: Path
) -> None:
    page = pytester.path / "update.md"
    result = check_page("update.md", args=("--update-outputs", "-n", "2"))
    result.assert_outcomes(passed=2)
    updated = page.read_text()
    original = (samples / "update.md").read_text()
    # the placeholder and the options stay, the wrong literals are replaced, nothing else moves
    assert updated == original.replace("answer 41", "answer 42").replace(
        "```{output}\nfirst\n```", "```{output}\nsecond\n```"
    )

    pytester.runpytest_subprocess("-p", "no:cacheprovider", "--update-outputs", "update.md")
    assert page.read_text() == updated  # running it twice changes nothing

    pytester.runpytest_subprocess("-p", "no:cacheprovider", "update.md").assert_outcomes(passed=2)


def test_update_rewrites_blocks_inside_directives_keeping_their_indentation(
    check_page: CheckPage, pytester: pytest.Pytester
) -> None:
    page = pytester.path / "indented.md"
    text = "- 列表项\n\n  ```python\n  print('new')\n  ```\n\n  ```{output}\n  old\n  ```\n"
    page.write_text(text)
    check_page(args=("--update-outputs", "indented.md")).assert_outcomes(passed=1)
    assert page.read_text() == text.replace("  old\n", "  new\n")


def test_update_never_writes_a_block_that_would_fail(
    check_page: CheckPage, pytester: pytest.Pytester
) -> None:
    """A value that differs between runs cannot be written literally: the block would fail."""
    page = pytester.path / "random.md"
    text = "```python\nimport os\nprint(os.urandom(8).hex())\n```\n\n```{output}\nplaceholder needed\n```\n"
    page.write_text(text)
    result = check_page(args=("--update-outputs", "random.md"))
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*update: not written; rewritten from the fork run, the block at line 6 "
            "would still fail under spawn, forkserver*"
        ]
    )
    assert page.read_text() == text


def test_update_keeps_a_placeholder_only_on_the_line_it_was_written_for(
    check_page: CheckPage, pytester: pytest.Pytester
) -> None:
    page = pytester.path / "aligned.md"
    page.write_text("```python\nprint('a', 1)\nprint('a', 8)\n```\n\n```{output}\na ⟨int⟩\na 7\n```\n")
    check_page(args=("--update-outputs", "aligned.md")).assert_outcomes(passed=1)
    assert "```{output}\na ⟨int⟩\na 8\n```" in page.read_text()


REWRITE = """
import sys
from pathlib import Path
from mpdocs.engine import update
page, index, body = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
was = update.output_blocks(page.read_text(encoding="utf-8"))[index]
update.rewrite_block(page, index, was, body)
"""


def test_concurrent_rewrites_of_one_page_all_land(tmp_path: Path) -> None:
    """Each writer locks, re-reads and replaces the page: no writer loses another's update."""
    count = 12
    page = tmp_path / "page.md"
    page.write_text("".join(f"```{{output}}\nold {i}\n```\n\ntext {i}\n\n" for i in range(count)))
    bodies = [f"new {i}\n" * (i % 3 + 1) for i in range(count)]
    writers = [
        subprocess.Popen([sys.executable, "-c", REWRITE, str(page), str(i), body])
        for i, body in enumerate(bodies)
    ]
    assert [writer.wait(timeout=60) for writer in writers] == [0] * count
    assert [block.body for block in update.output_blocks(page.read_text(encoding="utf-8"))] == bodies


def test_a_block_changed_since_collection_is_not_overwritten(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("```{output}\nold\n```\n")
    was = update.output_blocks(page.read_text())[0]
    page.write_text("```{output}\nedited by hand\n```\n")
    with pytest.raises(update.UpdateError, match="changed while updating"):
        update.rewrite_block(page, 0, was, "new\n")
    assert page.read_text() == "```{output}\nedited by hand\n```\n"
