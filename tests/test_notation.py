"""The notation of output blocks: what is accepted and how mistakes are reported."""


import pytest
from support import CheckPage

from mpdocs.engine.notation import (
    Count,
    NotationError,
    Placeholder,
    parse_expectation,
    parse_not_applicable,
    terminal_lines,
)


def test_placeholders_split_a_line_into_pieces() -> None:
    expectation = parse_expectation({}, "pid=⟨pid:main⟩, {'m': 20}\n")
    assert expectation.lines[0].pieces == ("pid=", Placeholder("pid", "main"), ", {'m': 20}")


def test_options_are_parsed() -> None:
    expectation = parse_expectation(
        {"methods": "spawn forkserver", "any-order": "1-2", "order-within": r"^(\d)", "timeout": "7"},
        "1 a\n2 b\n")
    assert expectation.methods == ("spawn", "forkserver")
    assert expectation.any_order == (range(0, 2),)
    assert expectation.timeout == 7.0


@pytest.mark.parametrize("written, inside, outside", [
    (">=3.12", (3, 12, 1), (3, 11, 9)),
    ("<3.12", (3, 11, 7), (3, 12, 0)),
    ("3.11", (3, 11, 0), (3, 13, 0)),
    ("3.14", (3, 14, 10), (3, 13, 18)),
    (">=3.13.8", (3, 13, 8), (3, 13, 7)),
    (">=3.13.8", (3, 14, 0), (3, 12, 9)),
    ("<3.13.8", (3, 13, 7), (3, 13, 8)),
    ("3.13.0", (3, 13, 0), (3, 13, 1)),
    (">=3.13.8,<3.14", (3, 13, 18), (3, 14, 0)),
    (">=3.13.8, <3.14", (3, 13, 8), (3, 13, 7)),
    ("<=3.13", (3, 13, 18), (3, 14, 0)),
    ('">=3.13.8"', (3, 13, 8), (3, 13, 7)),  # quoted, as MyST needs a leading ">" to be
    ("'<3.14'", (3, 13, 8), (3, 14, 0)),
])
def test_python_versions(written: str, inside: tuple[int, ...], outside: tuple[int, ...]) -> None:
    versions = parse_expectation({"python": written}, "a").python
    assert versions is not None and inside in versions and outside not in versions


@pytest.mark.parametrize("written, described", [
    ("<3.12", "Python 3.12 之前的版本"),
    ("3.14", "Python 3.14"),
    (">=3.13.8,<3.14", "Python 3.13.8 及以上、3.14 之前的版本"),
])
def test_python_versions_are_described_in_chinese(written: str, described: str) -> None:
    versions = parse_expectation({"python": written}, "a").python
    assert versions is not None and versions.describe() == described


def test_options_may_be_numbers_or_lists_as_yaml_gives_them() -> None:
    expectation = parse_expectation({"timeout": 7, "stop-after": 2.5, "methods": ["fork", "spawn"]}, "a")
    assert (expectation.timeout, expectation.stop_after, expectation.methods) == (7.5, 2.5, ("fork", "spawn"))
    assert parse_expectation({"exit-status": 1}, "a").exit_status == 1


@pytest.mark.parametrize("value", [True, None, {"a": 1}, [["fork"]]])
def test_other_option_values_are_refused(value: object) -> None:
    with pytest.raises(NotationError, match=":timeout: takes text or a number"):
        parse_expectation({"timeout": value}, "a")


def test_shape_options_are_parsed() -> None:
    expectation = parse_expectation(
        {"any-order": "2-5", "together": "2-3", "repeat": "4:cpu_count 6:1-3", "either": "7/8",
         "optional": "9"}, "\n".join("abcdefghi"))
    assert expectation.together == (range(1, 3),)
    assert expectation.repeat == ((range(3, 4), Count(1, 1, cpu_count=True)), (range(5, 6), Count(1, 3)))
    assert expectation.either == ((range(6, 7), range(7, 8)),)
    assert expectation.optional == (range(8, 9),)
    assert expectation.varies_in_shape


def test_terminal_lines_is_the_one_rule_for_both_sides() -> None:
    assert terminal_lines("a  \nabc\rX\n\n\n") == ["a", "Xbc"]
    assert [line.text for line in parse_expectation({}, "a  \nabc\rX\n\n").lines] == ["a", "Xbc"]


def test_not_applicable_declarations() -> None:
    declared = parse_not_applicable({"methods": "fork", "python": ">=3.14"}, "fork 下\n会死锁。\n")
    assert (declared.methods, declared.reason) == (("fork",), "fork 下 会死锁。")
    assert declared.covers("fork", (3, 14, 1)) and not declared.covers("spawn", (3, 14, 1))
    assert not declared.covers("fork", (3, 13, 9))
    assert declared.describe() == "fork 启动方式；Python 3.14 及以上的版本"


def test_output_blocks_cover_with_the_same_rule() -> None:
    expectation = parse_expectation({"methods": "spawn", "python": "<3.13.8"}, "a")
    assert expectation.covers("spawn", (3, 13, 7)) and not expectation.covers("spawn", (3, 13, 8))
    assert parse_expectation({}, "a").covers("fork", (3, 99))


@pytest.mark.parametrize("options, body, message", [
    ({}, "reason", "must say where"),
    ({"methods": "fork"}, "  \n", "needs the reason"),
    ({"methods": "fork", "timeout": "3"}, "reason", "unknown option"),
    ({"python": "3"}, "reason", ":python: takes"),
])
def test_not_applicable_mistakes_are_named(options: dict[str, object], body: str,
                                           message: str) -> None:
    with pytest.raises(NotationError, match=message):
        parse_not_applicable(options, body)


def test_stop_after_leaves_time_to_stop() -> None:
    assert parse_expectation({"stop-after": "30"}, "a").timeout == 35.0


@pytest.mark.parametrize("options, body, message", [
    ({}, "⟨pids⟩", "unknown placeholder"),
    ({}, "⟨pid", "malformed placeholder"),
    ({}, "", "must not be empty"),
    ({"colour": "red"}, "a", "unknown option"),
    ({"methods": "thread"}, "a", ":methods: takes"),
    ({"any-order": "2-3"}, "a\nb", "outside lines 1-2"),
    ({"any-order": "1-2 2-2"}, "a\nb", "overlap"),
    ({"order-within": "(a)"}, "a", "only makes sense with :any-order:"),
    ({"any-order": "1-2", "order-within": "a"}, "a\nb", "exactly one group"),
    ({"stop-after": "2", "exit-status": "1"}, "a", "has no :exit-status:"),
    ({"timeout": "soon"}, "a", "takes seconds"),
    ({"python": "3"}, "a", ":python: takes"),
    ({}, "x ⟨frames⟩", "must stand alone"),
    ({"timeout": "nan"}, "a", "finite number of seconds greater than 0, not 'nan'"),
    ({"timeout": "inf"}, "a", "finite number of seconds"),
    ({"stop-after": "1e999"}, "a", "finite number of seconds"),
    ({"stop-after": "-1"}, "a", "greater than 0"),
    ({"timeout": 0}, "a", "greater than 0"),
    ({"timeout": float("nan")}, "a", "finite number"),
    ({"any-order": "1-2", "order-within": r"^task (\d+)"}, "a 1\na 2",
     "matches no line of the :any-order: range 1-2"),
    ({"any-order": "1 3", "order-within": r"^(\d)"}, "1 a\n2\nb",
     "matches no line of the :any-order: range 3-3"),
    ({"python": ">=3.13.8;<3.14"}, "a", ":python: takes"),
    ({"python": "3.13.x"}, "a", ":python: takes"),
    ({"repeat": "2"}, "a\nb", "'LINES:COUNT'"),
    ({"repeat": "2:0"}, "a\nb", "1 <= N <= M"),
    ({"repeat": "2:4-1"}, "a\nb", "1 <= N <= M"),
    ({"repeat": "2:many"}, "a\nb", "counts are"),
    ({"repeat": "3:2"}, "a\nb", "outside lines 1-2"),
    ({"either": "2"}, "a\nb", "two or more alternatives"),
    ({"either": "1/3"}, "a\nb\nc", "one after another"),
    ({"either": "1/2", "optional": "2"}, "a\nb", "must name different lines"),
    ({"together": "1-2"}, "a\nb", "inside an :any-order: range"),
    ({"any-order": "1-3", "together": "2-4"}, "a\nb\nc\nd", "inside an :any-order: range"),
    ({"any-order": "1-2"}, "a\n  ⟨frames⟩", "part of a :together: group"),
    ({"repeat": "1:2"}, "  ⟨frames⟩", "cannot be repeated"),
    ({"any-order": "2-3", "optional": "1-2"}, "a\nb\nc", "wholly inside or outside"),
    ({}, "⟨addr:⟩", "malformed placeholder"),
])
def test_mistakes_are_named(options: dict[str, object], body: str, message: str) -> None:
    with pytest.raises(NotationError, match=message):
        parse_expectation(options, body)



# Sample pages, run end to end (tests/samples/notation_*.md): each rule has a page that must fail,
# and each new word a page that must pass.
PASSING_SAMPLES = [
    "notation_frames_then_frame.md", "notation_carriage_return.md", "notation_address.md",
    "notation_temp_names.md", "notation_repeat.md", "notation_either.md", "notation_together.md",
    "notation_distinct_ids.md", "notation_python_patch.md",
]


@pytest.mark.parametrize("page", PASSING_SAMPLES)
def test_sample_page_passes(check_page: CheckPage, page: str) -> None:
    check_page(page).assert_outcomes(passed=1)


FAILING_SAMPLES = [
    ("notation_unnamed_pid.md", ["*output differs*", "*named placeholder takes two values*"]),
    ("notation_order_within_unmatched.md", ["*matches no line of the :any-order: range 1-2*"]),
    ("notation_frames_wrong_frame.md", ["*output differs*", '-  File "⟨dir⟩/example.py", line 4, in work']),
    ("notation_carriage_return_as_lines.md", ["*output differs*", "+Xbc"]),
    ("notation_many_names.md", ["*output differs*"]),
    ("notation_long_output.md", ["*output differs*", "-line 10000", "+line 9999"]),
    ("notation_timeout_nan.md", ["*:timeout: takes a finite number of seconds greater than 0, not 'nan'"]),
    ("notation_stop_after_inf.md", ["*:stop-after: takes a finite number of seconds greater than 0*"]),
    ("notation_address_decimal.md", ["*output differs*", "-⟨addr⟩"]),
    ("notation_temp_names_wrong.md", ["*output differs*", "-⟨pymp_dir⟩", "-⟨shm_name⟩"]),
    ("notation_repeat_wrong.md", ["*output differs*"]),
    ("notation_either_both.md", ["*output differs*"]),
    ("notation_together_split.md", ["*output differs*"]),
    ("notation_distinct_ids_equal.md", ["*output differs*"]),
    ("notation_python_patch_wrong.md", ["*output differs*", "-新", "+旧"]),
]


@pytest.mark.parametrize("page, message", FAILING_SAMPLES, ids=[f[0] for f in FAILING_SAMPLES])
def test_sample_page_fails(check_page: CheckPage, page: str, message: list[str]) -> None:
    result = check_page(page)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(message)
