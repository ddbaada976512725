"""End to end: sample pages that must pass, and pages that must fail with a useful message."""

import sys
import time
from pathlib import Path

import pytest
from support import CheckPage

from mpdocs.engine import record

PASSING = [
    "child_output.md",
    "main_guard.md",
    "exit_status.md",
    "frames.md",
    "any_order.md",
    "terminate.md",
    "methods.md",
    "chosen_method.md",
    "session.md",
    "python_versions.md",
    "nested_directive.md",
    "colon_fence.md",
    "not_applicable.md",
    "yaml_options.md",
    "session_child_output.md",
    "session_tempdir.md",
    "partial_include_download",
    "default_method.md",
    "console_shell_state.md",
    "late_output.md",
]


@pytest.mark.parametrize("page", PASSING)
def test_page_passes_under_every_start_method(check_page: CheckPage, page: str) -> None:
    result = check_page(page)
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["mpdocs: * verified under fork/spawn/forkserver*"])


# page, line of the failing example, lines that the message must contain
FAILING = [
    (
        "wrong_output.md",
        3,
        ["*[[]start method fork[]] example.py: output differs:", "-{'m': 21}", "+{'m': 20}", "*| {'m': 20}"],
    ),
    ("missing_child_output.md", 3, ["*output differs:", "+child says hello"]),
    ("misordered.md", 3, ["*output differs:", "+first", " second", "-first"]),
    ("hang.md", 3, ["*did not finish within 1.5 s; every process it started was killed*", "*| started"]),
    ("crash.md", 3, ["*exit status 3, expected 0"]),
    ("unverified.md", 3, ["*neither checked by an {output} block nor skipped*"]),
    ("skip_without_reason.md", 3, ["*'% skip:' needs a written reason"]),
    ("orphan_output.md", 3, ["*this {output} block follows no program"]),
    (
        "session_wrong.md",
        3,
        [
            "*[[]start method fork[]] line 5: >>> with Pool(2) as pool:",
            "-[[]1, 2, 3, 1[]]",
            "+[[]1, 2, 3, 0[]]",
        ],
    ),
    ("nested_directive_wrong.md", 4, ["*output differs:", "-hello from somewhere else"]),
    ("colon_fence_wrong.md", 3, ["*output differs:", "-41", "+42"]),
    ("output_after_session.md", 8, ["an {output} block cannot follow a >>> session*"]),
    ("skip_far.md", 3, ["'% skip:' applies only to a Python block right after it*"]),
    ("uncovered_method.md", 3, ["no {output} block covers the start method forkserver on Python 3.*"]),
    ("yaml_options_bad.md", 3, ["*options cannot be read: option 'timeout' in its YAML block must be*"]),
    ("session_doctest_directive.md", 3, ["*doctest directives (+SKIP, +ELLIPSIS…) are not honoured*"]),
    ("session_true_is_not_1.md", 3, ["*line 4: >>> 2 > 1", "-1", "+True"]),
    ("session_print_before_exception.md", 3, ["*line 7: >>> boom()", "+about to fail"]),
    ("session_no_prompts.md", 3, ["a session must start with a '>>> ' prompt*"]),
    ("session_blank_line.md", 3, ['*line 4: >>> print("first")', "-", "-second"]),
    (
        "default_method_wrong.md",
        3,
        [
            "[[]start method default[]] example.py: output differs:",
            "-默认的启动方式： spawn",
            "+默认的启动方式： fork",
        ],
    ),
    ("session_child_output_missing.md", 3, ["*line 6: >>> p.start(); p.join()", "+hello from the child"]),
    ("console_no_prompt.md", 3, ["a console transcript must start with a '$ ' prompt*"]),
    ("console_missing_line.md", 3, ["*[[]start method fork[]] line 4: $ echo one; echo two", " one", "+two"]),
    ("late_output_wrong.md", 3, ["*output differs:", "+child: still here"]),
    ("console_shell_state_wrong.md", 3, ["*[[]start method fork[]] line 5: $ python -c *", "-None", "+1"]),
]


# pages where a refused block leaves another one failing or passing too
OTHER_OUTCOMES = {
    "skip_without_reason.md": {"failed": 2},  # the block it meant to skip is unchecked
    "skip_far.md": {"failed": 2},  # the wrong output it would have hidden is checked
    "output_after_session.md": {"failed": 1, "passed": 1},  # the session itself holds
}


@pytest.mark.parametrize("page, line, message", FAILING, ids=[f[0] for f in FAILING])
def test_page_fails_naming_page_and_line(
    check_page: CheckPage, page: str, line: int, message: list[str]
) -> None:
    result = check_page(page)
    result.assert_outcomes(**OTHER_OUTCOMES.get(page, {"failed": 1}))
    result.stdout.fnmatch_lines([f"Example at */{page}, line {line}, column 1*", *message])


def test_a_console_transcript_runs_the_pages_files_in_a_shell(check_page: CheckPage) -> None:
    result = check_page("console")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["mpdocs: * 1 console transcripts verified*"])


def test_a_console_transcript_shows_what_a_pipe_shows(check_page: CheckPage) -> None:
    """Written as a terminal would show it, the piped run's order is wrong: the main process's
    lines wait in its buffer until it exits."""
    result = check_page("console_wrong")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*line 23: $ python buffered.py | cat", "*", "*", "*", "+子进程 ⟨pid⟩"])


def test_a_console_transcript_can_be_skipped_with_a_reason(check_page: CheckPage) -> None:
    check_page("console_skip.md").assert_outcomes(skipped=1)


def test_every_fence_highlighted_as_python_is_checked(check_page: CheckPage) -> None:
    result = check_page("python_info_strings.md")
    result.assert_outcomes(failed=4)
    result.stdout.fnmatch_lines(
        [
            "*python_info_strings.md:3: SybilFailure",
            "*python_info_strings.md:7: *",
            "*python_info_strings.md:11: *",
            "*python_info_strings.md:15: *",
        ]
    )


def test_a_partial_include_without_the_whole_file_on_offer_fails(check_page: CheckPage) -> None:
    result = check_page("partial_include")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*shows only part of hello.py (:pyobject:), but the whole file runs*"])


def test_a_program_in_a_folder_of_its_own_runs_with_its_files(check_page: CheckPage) -> None:
    check_page("multi_file").assert_outcomes(passed=1, skipped=1)


def test_a_program_beside_other_examples_runs_alone(check_page: CheckPage) -> None:
    result = check_page("multi_file_sibling")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*ModuleNotFoundError: No module named 'worker'"])


def test_a_session_that_never_ends_fails_at_the_time_limit(check_page: CheckPage) -> None:
    started = time.monotonic()
    result = check_page("session_hang.md", args=("--start-method", "fork"))
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["*the session: did not finish within 20 s; every process it started was killed"])
    assert time.monotonic() - started < 30


def test_main_guard_body_is_checked(check_page: CheckPage, pytester: pytest.Pytester) -> None:
    """The trap: code under ``if __name__ == "__main__":`` must run, so a wrong
    expectation for it fails."""
    page = pytester.path / "main_guard.md"
    check_page("main_guard.md").assert_outcomes(passed=1)
    page.write_text(page.read_text().replace("main body ran\n```", "main body ran twice\n```"))
    pytester.runpytest_subprocess("-p", "no:cacheprovider", "main_guard.md").assert_outcomes(failed=1)


def test_skipped_block_is_reported_with_its_reason(check_page: CheckPage) -> None:
    result = check_page("skip.md", args=("-rs",))
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(
        [
            "mpdocs: 0 programs verified*, 1 examples skipped with a reason*",
            "SKIPPED [[]1[]] skip.md:3: a syntax sketch, not a program",
        ]
    )


def test_one_start_method_for_a_quick_run(check_page: CheckPage) -> None:
    result = check_page("methods.md", "child_output.md", args=("--start-method", "spawn"))
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["mpdocs: 2 programs verified under spawn*"])


def test_block_for_other_methods_only_fails_the_method_it_leaves_out(
    check_page: CheckPage, pytester: pytest.Pytester
) -> None:
    page = pytester.path / "fork_only.md"
    page.write_text('```python\nprint("hi")\n```\n\n```{output}\n:methods: fork\nhi\n```\n')
    result = check_page(args=("--start-method", "spawn", "fork_only.md"))
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*no {output} block covers the start method spawn on Python*"])


def test_a_not_applicable_method_is_skipped_with_its_reason(check_page: CheckPage) -> None:
    result = check_page("not_applicable.md", args=("--start-method", "forkserver", "-rs"))
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(
        ["SKIPPED * not applicable: forkserver 方式下，子进程由 forkserver 服务进程创建*"]
    )


def test_bad_notation_fails_the_page(check_page: CheckPage, pytester: pytest.Pytester) -> None:
    page = pytester.path / "bad.md"
    page.write_text('```python\nprint("hi")\n```\n\n```{output}\n:any-order: 1-5\nhi\n```\n')
    result = check_page(args=("bad.md",))
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*{output} block at line 5: :any-order: range 1-5 is outside lines 1-1"])


def test_several_blocks_must_each_name_their_methods(
    check_page: CheckPage, pytester: pytest.Pytester
) -> None:
    page = pytester.path / "implicit.md"
    page.write_text(
        '```python\nprint("hi")\n```\n\n```{output}\n:methods: fork\nhi\n```\n\n```{output}\nhi\n```\n'
    )
    result = check_page(args=("implicit.md",))
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*a program with several {output} blocks must name the :methods: of each"])


def test_a_passing_run_records_what_it_verified(check_page: CheckPage, tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    check_page("child_output.md", "session.md", "skip.md", args=("--record", str(path))).assert_outcomes(
        passed=2, skipped=1
    )
    written = record.read(path)
    assert written.python == ".".join(map(str, sys.version_info[:3]))
    assert (written.methods, written.pages) == (
        ["fork", "spawn", "forkserver"],
        ["child_output.md", "session.md", "skip.md"],
    )
    assert (written.programs, written.sessions, written.skipped) == (1, 1, 1)


def test_a_failing_run_records_nothing(check_page: CheckPage, tmp_path: Path) -> None:
    path = tmp_path / "record.json"
    check_page("child_output.md", "wrong_output.md", args=("--record", str(path))).assert_outcomes(
        passed=1, failed=1
    )
    assert not path.exists()
