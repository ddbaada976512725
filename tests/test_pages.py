"""End to end: sample pages that must pass, and pages that must fail with a useful message."""

import uuid
from pathlib import Path

import pytest

PASSING = [
    "child_output.md", "main_guard.md", "exit_status.md", "frames.md", "any_order.md",
    "terminate.md", "stop_after.md", "methods.md", "chosen_method.md", "session.md",
    "python_versions.md",
]


@pytest.mark.parametrize("page", PASSING)
def test_page_passes_under_every_start_method(check_page, page):
    result = check_page(page)
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["mpdocs: * verified under fork/spawn/forkserver*"])


# page, line of the failing example, lines that the message must contain
FAILING = [
    ("wrong_output.md", 3, ["*[[]start method fork[]] example.py: output differs:",
                            "-{'m': 21}", "+{'m': 20}", "*| {'m': 20}"]),
    ("missing_child_output.md", 3, ["*output differs:", "+child says hello"]),
    ("misordered.md", 3, ["*output differs:", "+first", " second", "-first"]),
    ("hang.md", 3, ["*did not finish within 1.5 s; its whole process group was killed*",
                    "*| started"]),
    ("crash.md", 3, ["*exit status 3, expected 0"]),
    ("unverified.md", 3, ["*neither checked by an {output} block nor skipped*"]),
    ("skip_without_reason.md", 4, ["*'% skip:' needs a written reason"]),
    ("orphan_output.md", 3, ["*this {output} block follows no program"]),
    ("session_wrong.md", 3, ["*[[]start method fork[]]*",
                             "Expected:", "*[[]1, 2, 3, 1[]]", "Got:", "*[[]1, 2, 3, 0[]]"]),
]


@pytest.mark.parametrize("page, line, message", FAILING, ids=[f[0] for f in FAILING])
def test_page_fails_naming_page_and_line(check_page, page, line, message):
    result = check_page(page)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines([f"Example at */{page}, line {line}, column 1*", *message])


def test_main_guard_body_is_checked(check_page, pytester):
    """The trap: code under ``if __name__ == "__main__":`` must run, so a wrong
    expectation for it fails."""
    page = pytester.path / "main_guard.md"
    check_page("main_guard.md").assert_outcomes(passed=1)
    page.write_text(page.read_text().replace("main body ran\n```", "main body ran twice\n```"))
    pytester.runpytest_subprocess("-p", "no:cacheprovider", "main_guard.md").assert_outcomes(failed=1)


def test_skipped_block_is_reported_with_its_reason(check_page):
    result = check_page("skip.md", args=("-rs",))
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(["mpdocs: 0 programs verified*, 1 examples skipped with a reason*",
                                 "SKIPPED [[]1[]] skip.md:4: a syntax sketch, not a program"])


def test_one_start_method_for_a_quick_run(check_page):
    result = check_page("methods.md", "child_output.md", args=("--start-method", "spawn"))
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["mpdocs: 2 programs verified under spawn*"])


def test_block_for_other_methods_only_is_skipped(check_page, pytester):
    page = pytester.path / "fork_only.md"
    page.write_text('```python\nprint("hi")\n```\n\n```{output}\n:methods: fork\nhi\n```\n')
    result = check_page(args=("--start-method", "spawn", "-rs", "fork_only.md"))
    result.assert_outcomes(skipped=1)
    result.stdout.fnmatch_lines(["*declared only for fork"])


def test_bad_notation_fails_the_page(check_page, pytester):
    page = pytester.path / "bad.md"
    page.write_text('```python\nprint("hi")\n```\n\n```{output}\n:any-order: 1-5\nhi\n```\n')
    result = check_page(args=("bad.md",))
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*{output} block at line 5: :any-order: range 1-5 is outside lines 1-1"])


def test_several_blocks_must_each_name_their_methods(check_page, pytester):
    page = pytester.path / "implicit.md"
    page.write_text('```python\nprint("hi")\n```\n\n```{output}\n:methods: fork\nhi\n```\n\n'
                    '```{output}\nhi\n```\n')
    result = check_page(args=("implicit.md",))
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*a program with several {output} blocks must name the :methods: of each"])


def test_parallel_run_leaves_no_process_and_no_file(check_page, tmp_path, monkeypatch):
    marker = f"MPDOCS_LEAK_MARKER={uuid.uuid4()}"
    monkeypatch.setenv(*marker.split("="))  # inherited by every process the run starts
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    result = check_page(*PASSING, "hang.md", args=("-n", "2"))
    result.assert_outcomes(passed=len(PASSING), failed=1)
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("mpdocs-")] == []
    assert processes_with(marker) == []


def processes_with(marker: str) -> list[int]:
    """Live processes whose environment holds ``marker`` (zombies have none)."""
    found = []
    for environ in Path("/proc").glob("[0-9]*/environ"):
        try:
            if marker.encode() in environ.read_bytes().split(b"\0"):
                found.append(int(environ.parent.name))
        except OSError:  # gone meanwhile, or not ours to read
            pass
    return found
