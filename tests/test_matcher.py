"""Unit tests of the comparison of printed text with an output block."""

import pytest

from mpdocs.engine.matcher import Context, Matcher
from mpdocs.engine.notation import parse_expectation

CONTEXT = Context(cpu_count=16, dir="/tmp/run")


def matches(body: str, actual: str, **options: str) -> bool:
    options = {key.replace("_", "-"): value for key, value in options.items()}
    return Matcher(parse_expectation(options, body), CONTEXT).matches(actual)


def test_exact_apart_from_trailing_whitespace_and_blank_lines():
    assert matches("a\nb\n", "a  \nb\n\n\n")
    assert not matches("a\nb\n", " a\nb\n")
    assert not matches("a\nb\n", "a\n\nb\n")
    assert not matches("a\nb\n", "a\nb\nc\n")


def test_literal_braces_and_angle_brackets_are_plain_text():
    assert matches("{'m': 20} <Process name='P'>", "{'m': 20} <Process name='P'>")
    assert not matches("{'m': 20}", "{'m': 21}")


@pytest.mark.parametrize("body, good, bad", [
    ("pid=⟨pid⟩", "pid=12345", "pid=0"),
    ("pid=⟨pid⟩", "pid=7", "pid=abc"),
    ("耗时⟨float⟩", "耗时0.84", "耗时1"),
    ("n=⟨int⟩", "n=-3", "n=3.0"),
    ("cpu核心数为⟨cpu_count⟩", "cpu核心数为16", "cpu核心数为8"),
    ('File "⟨dir⟩/x.py"', 'File "/tmp/run/x.py"', 'File "/tmp/other/x.py"'),
])
def test_each_kind_matches_only_its_values(body, good, bad):
    assert matches(body, good)
    assert not matches(body, bad)


def test_a_named_placeholder_takes_one_value():
    body = "parent ⟨pid:main⟩\nchild of ⟨pid:main⟩"
    assert matches(body, "parent 10\nchild of 10")
    assert not matches(body, "parent 10\nchild of 11")


def test_differently_named_pids_differ():
    body = "main ⟨pid:main⟩\nworker ⟨pid:worker⟩"
    assert matches(body, "main 10\nworker 11")
    assert not matches(body, "main 10\nworker 10")


def test_unnamed_pids_are_independent():
    assert matches("⟨pid⟩ ⟨pid⟩", "10 10")


ANY_ORDER = "begin\n0 starts\n0 ends\n1 starts\n1 ends\nend"


def test_any_order_range_allows_permutations_inside_it_only():
    assert matches(ANY_ORDER, "begin\n1 starts\n0 starts\n1 ends\n0 ends\nend", any_order="2-5")
    assert not matches(ANY_ORDER, "1 starts\nbegin\n0 starts\n1 ends\n0 ends\nend", any_order="2-5")
    assert not matches(ANY_ORDER, "begin\n1 starts\n0 starts\n1 ends\n1 ends\nend", any_order="2-5")


def test_order_within_keeps_the_order_of_lines_sharing_a_key():
    options = {"any_order": "2-5", "order_within": r"^(\d+)"}
    assert matches(ANY_ORDER, "begin\n1 starts\n0 starts\n1 ends\n0 ends\nend", **options)
    assert not matches(ANY_ORDER, "begin\n1 ends\n0 starts\n1 starts\n0 ends\nend", **options)


def test_any_order_with_many_identical_lines_is_fast():
    body = "\n".join(["----1----", "----2----"] * 12)
    actual = "\n".join(["----2----"] * 12 + ["----1----"] * 11 + ["----3----"])
    assert not matches(body, actual, any_order="1-24")
    assert matches(body, "\n".join(["----2----"] * 12 + ["----1----"] * 12), any_order="1-24")


TRACEBACK = """Traceback (most recent call last):
  File "⟨dir⟩/x.py", line 3, in <module>
    main()
  ⟨frames⟩
RuntimeError: boom"""


def test_frames_stand_for_one_or_more_traceback_entries():
    entries = ('  File "/usr/lib/python3.11/a.py", line 1, in f\n    g()\n    ^^^\n'
               '  File "/usr/lib/python3.11/b.py", line 9, in g\n')
    head = 'Traceback (most recent call last):\n  File "/tmp/run/x.py", line 3, in <module>\n    main()\n'
    assert matches(TRACEBACK, head + entries + "RuntimeError: boom\n")
    assert not matches(TRACEBACK, head + "RuntimeError: boom\n")
    assert not matches(TRACEBACK, head + "some other line\nRuntimeError: boom\n")


LOAD_BEARING = ("子进程运行中，name= test,age=18 ,pid=⟨pid:child⟩...\n{'m': 20}\n"
                "⟨int⟩ 执行完毕，耗时⟨float⟩\ncpu核心数为⟨cpu_count⟩")
ACTUAL = "子进程运行中，name= test,age=18 ,pid=4242...\n{'m': 20}\n3 执行完毕，耗时0.25\ncpu核心数为16"


def literal_positions(body: str):
    inside = False
    for position, char in enumerate(body):
        if char == "⟨":
            inside = True
        if not inside and char != "\n":
            yield position
        if char == "⟩":
            inside = False


def test_every_literal_character_is_load_bearing():
    assert matches(LOAD_BEARING, ACTUAL)
    for position in literal_positions(LOAD_BEARING):
        original = LOAD_BEARING[position]
        for replacement in {"x", "0", " "} - {original}:
            mutated = LOAD_BEARING[:position] + replacement + LOAD_BEARING[position + 1:]
            assert not matches(mutated, ACTUAL), (position, mutated)
    assert not matches(LOAD_BEARING.rsplit("\n", 1)[0], ACTUAL)  # dropping the last line


def test_fold_shows_matching_lines_as_written():
    matcher = Matcher(parse_expectation({}, "pid ⟨pid⟩\nanswer 41"), CONTEXT)
    assert matcher.fold("pid 77\nanswer 42\n") == ["pid ⟨pid⟩", "answer 42"]
