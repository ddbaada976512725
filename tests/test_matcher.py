"""Unit tests of the comparison of printed text with an output block."""

import time
from collections.abc import Callable, Iterator

import pytest

from mpdocs.engine.matcher import Context, FoldError, Matcher
from mpdocs.engine.notation import NotationError, parse_expectation

CONTEXT = Context(cpu_count=16, dir="/tmp/run", stdlib="/usr/lib/python3.14")


def matcher(body: str, **options: str) -> Matcher:
    written = {key.replace("_", "-"): value for key, value in options.items()}
    return Matcher(parse_expectation(written, body), CONTEXT)


def matches(body: str, actual: str, **options: str) -> bool:
    return matcher(body, **options).matches(actual)


def test_exact_apart_from_trailing_whitespace_and_blank_lines() -> None:
    assert matches("a\nb\n", "a  \nb\n\n\n")
    assert not matches("a\nb\n", " a\nb\n")
    assert not matches("a\nb\n", "a\n\nb\n")
    assert not matches("a\nb\n", "a\nb\nc\n")


def test_literal_braces_and_angle_brackets_are_plain_text() -> None:
    assert matches("{'m': 20} <Process name='P'>", "{'m': 20} <Process name='P'>")
    assert not matches("{'m': 20}", "{'m': 21}")


@pytest.mark.parametrize("body, good, bad", [
    ("pid=⟨pid⟩", "pid=12345", "pid=0"),
    ("pid=⟨pid⟩", "pid=7", "pid=abc"),
    ("耗时⟨float⟩", "耗时0.84", "耗时1"),
    ("n=⟨int⟩", "n=-3", "n=3.0"),
    ("cpu核心数为⟨cpu_count⟩", "cpu核心数为16", "cpu核心数为8"),
    ('File "⟨dir⟩/x.py"', 'File "/tmp/run/x.py"', 'File "/tmp/other/x.py"'),
    ("⟨stdlib⟩/multiprocessing/resource_tracker.py:279: UserWarning",
     "/usr/lib/python3.14/multiprocessing/resource_tracker.py:279: UserWarning",
     "/usr/lib/python3.12/multiprocessing/resource_tracker.py:279: UserWarning"),
    ("<object object at ⟨addr⟩>", "<object object at 0x7f3a2c1b0e40>", "<object object at 140234>"),
    ("<object object at ⟨addr⟩>", "<object object at 0x7f3a2c1b0e40>", "<object object at 0X7F3A>"),
    ("ident ⟨id⟩", "ident 140234567", "ident -1"),
    ("/tmp/⟨pymp_dir⟩", "/tmp/pymp-k2_x9qa1", "/tmp/pymp-k2_x9qa"),
    ("/tmp/⟨pymp_dir⟩", "/tmp/pymp-k2_x9qa1", "/tmp/pymp-K2_X9QA1"),
    ("⟨listener⟩", "listener-ab12_cd3", "listener-ab12_cd34e"),
    ("⟨shm_name⟩", "psm_0a1b2c3d", "psm_0a1b2c3g"),
    ("⟨shm_name⟩", "psm_0a1b2c3d", "wnsm_0a1b2c3d"),
    ("⟨sem_name⟩", "/mp-jz_uot1k", "mp-jz_uot1k"),
])
def test_each_kind_matches_only_its_values(body: str, good: str, bad: str) -> None:
    assert matches(body, good)
    assert not matches(body, bad)


def test_a_named_placeholder_takes_one_value() -> None:
    body = "parent ⟨pid:main⟩\nchild of ⟨pid:main⟩"
    assert matches(body, "parent 10\nchild of 10")
    assert not matches(body, "parent 10\nchild of 11")


def test_differently_named_pids_differ() -> None:
    body = "main ⟨pid:main⟩\nworker ⟨pid:worker⟩"
    assert matches(body, "main 10\nworker 11")
    assert not matches(body, "main 10\nworker 10")


def test_unnamed_pids_are_independent() -> None:
    assert matches("⟨pid⟩ ⟨pid⟩", "10 10")


@pytest.mark.parametrize("body", ["main ⟨pid:main⟩\nworker ⟨pid⟩", "worker ⟨pid⟩\nmain ⟨pid:main⟩"])
def test_an_unnamed_pid_never_equals_a_named_pid(body: str) -> None:
    assert not matches(body, body.replace("⟨pid:main⟩", "10").replace("⟨pid⟩", "10"))
    assert matches(body, body.replace("⟨pid:main⟩", "10").replace("⟨pid⟩", "11"))


@pytest.mark.parametrize("kind, one, other", [
    ("id", "140234", "140235"), ("addr", "0x7f01", "0x7f02"), ("shm_name", "psm_0a1b2c3d", "psm_0a1b2c3e"),
])
def test_named_placeholders_of_distinct_kinds_differ(kind: str, one: str, other: str) -> None:
    body = f"⟨{kind}:a⟩ ⟨{kind}:b⟩ ⟨{kind}:a⟩"
    assert matches(body, f"{one} {other} {one}")
    assert not matches(body, f"{one} {one} {one}")
    assert not matches(body, f"{one} {other} {other}")


def test_ints_are_not_distinct() -> None:
    assert matches("⟨int:a⟩ ⟨int:b⟩", "3 3")


ANY_ORDER = "begin\n0 starts\n0 ends\n1 starts\n1 ends\nend"


def test_any_order_range_allows_permutations_inside_it_only() -> None:
    assert matches(ANY_ORDER, "begin\n1 starts\n0 starts\n1 ends\n0 ends\nend", any_order="2-5")
    assert not matches(ANY_ORDER, "1 starts\nbegin\n0 starts\n1 ends\n0 ends\nend", any_order="2-5")
    assert not matches(ANY_ORDER, "begin\n1 starts\n0 starts\n1 ends\n1 ends\nend", any_order="2-5")


def test_order_within_keeps_the_order_of_lines_sharing_a_key() -> None:
    options = {"any_order": "2-5", "order_within": r"^(\d+)"}
    assert matches(ANY_ORDER, "begin\n1 starts\n0 starts\n1 ends\n0 ends\nend", **options)
    assert not matches(ANY_ORDER, "begin\n1 ends\n0 starts\n1 starts\n0 ends\nend", **options)


def test_order_within_keeps_repeated_and_optional_units_in_order() -> None:
    body = "1 a\n1 b\n2 a"
    options = {"any_order": "1-3", "order_within": r"^(\d)", "repeat": "1:1-3"}
    assert matches(body, "2 a\n1 a\n1 a\n1 b", **options)
    assert not matches(body, "1 a\n1 b\n1 a\n2 a", **options)


def seconds(check: Callable[[], object]) -> float:
    start = time.perf_counter()
    check()
    return time.perf_counter() - start


NAMED_WORKERS = "\n".join(f"worker ⟨pid:w{n}⟩" for n in range(12))


def test_twelve_named_pids_in_any_order_decide_fast() -> None:
    distinct = "\n".join(f"worker {pid}" for pid in range(1001, 1013))
    repeated = "\n".join(f"worker {pid}" for pid in [*range(1001, 1012), 1001])
    assert seconds(lambda: matches(NAMED_WORKERS, distinct, any_order="1-12")) < 0.5
    checker = matcher(NAMED_WORKERS, any_order="1-12")
    assert seconds(lambda: checker.matches(repeated)) < 0.5
    assert not checker.matches(repeated) and not checker.undecided


def test_named_pids_spanning_lines_decide_fast() -> None:
    body = "\n".join(f"⟨pid:w{n}⟩ starts\n⟨pid:w{n}⟩ ends" for n in range(8))
    actual = [f"{pid} starts" for pid in range(101, 109)] + [f"{pid} ends" for pid in range(101, 109)]
    checker = matcher(body, any_order="1-16")
    assert seconds(lambda: checker.matches("\n".join(actual))) < 0.5
    assert checker.matches("\n".join(actual))
    actual[-1] = "101 ends"  # 101 ends twice, 108 never
    assert seconds(lambda: checker.matches("\n".join(actual))) < 0.5
    assert not checker.matches("\n".join(actual)) and not checker.undecided


def test_names_fixed_by_later_lines_are_known_before_the_search() -> None:
    body = NAMED_WORKERS + "\n" + "\n".join(f"joined ⟨pid:w{n}⟩" for n in range(12))
    started = [f"worker {pid}" for pid in range(1001, 1013)]
    joined = [f"joined {pid}" for pid in range(1001, 1013)]
    checker = matcher(body, any_order="1-12")
    assert seconds(lambda: checker.matches("\n".join([*reversed(started), *joined]))) < 0.5
    assert checker.matches("\n".join([*reversed(started), *joined]))
    joined[-1] = "joined 1001"
    assert seconds(lambda: checker.matches("\n".join([*reversed(started), *joined]))) < 0.5
    assert not checker.matches("\n".join([*reversed(started), *joined])) and not checker.undecided


def test_ten_thousand_lines_are_compared_without_recursion() -> None:
    body = "".join(f"line {n} ⟨int⟩\n" for n in range(10_000))
    actual = "".join(f"line {n} {n * 7}\n" for n in range(10_000))
    checker = matcher(body)
    assert seconds(lambda: checker.matches(actual)) < 5
    assert checker.matches(actual)
    assert not checker.matches(actual.replace("line 9999", "line 99999"))


def test_a_search_too_large_gives_up_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("mpdocs.engine.matcher.STEP_LIMIT", 50)
    # each name is told apart by the last line, so no two choices mirror each other; that line
    # is optional, so its place is not fixed and its values are not known before the search
    names = [f"⟨int:a{n}⟩" for n in range(10)]
    checker = matcher("\n".join(f"v {name}" for name in names) + "\n" + " ".join(names),
                      any_order="1-10", optional="11")
    assert not checker.matches("".join(f"v {n}\n" for n in range(10)) + "x")
    assert checker.undecided


def test_any_order_with_many_identical_lines_is_fast() -> None:
    body = "\n".join(["----1----", "----2----"] * 12)
    actual = "\n".join(["----2----"] * 12 + ["----1----"] * 11 + ["----3----"])
    assert not matches(body, actual, any_order="1-24")
    assert matches(body, "\n".join(["----2----"] * 12 + ["----1----"] * 12), any_order="1-24")


TRACEBACK = """Traceback (most recent call last):
  File "⟨dir⟩/x.py", line 3, in <module>
    main()
  ⟨frames⟩
RuntimeError: boom"""


def test_frames_take_as_few_entries_as_needed() -> None:
    body = ('Traceback (most recent call last):\n  ⟨frames⟩\n  File "⟨dir⟩/example.py", line 7, in work\n'
            '    1 / 0\nZeroDivisionError: division by zero')
    actual = ('Traceback (most recent call last):\n  File "/usr/lib/python3.12/a.py", line 1, in f\n    g()\n'
              '  File "/usr/lib/python3.12/b.py", line 2, in g\n    work()\n'
              '  File "/tmp/run/example.py", line 7, in work\n    1 / 0\nZeroDivisionError: division by zero')
    assert matches(body, actual)
    assert not matches(body, actual.replace("line 7, in work", "line 8, in work"))
    library = ('  File "/usr/lib/python3.12/a.py", line 1, in f\n    g()\n'
               '  File "/usr/lib/python3.12/b.py", line 2, in g\n    work()\n')
    assert not matches(body, actual.replace(library, ""))


def test_frames_stand_for_one_or_more_traceback_entries() -> None:
    entries = ('  File "/usr/lib/python3.11/a.py", line 1, in f\n    g()\n    ^^^\n'
               '  File "/usr/lib/python3.11/b.py", line 9, in g\n')
    head = 'Traceback (most recent call last):\n  File "/tmp/run/x.py", line 3, in <module>\n    main()\n'
    assert matches(TRACEBACK, head + entries + "RuntimeError: boom\n")
    assert not matches(TRACEBACK, head + "RuntimeError: boom\n")
    assert not matches(TRACEBACK, head + "some other line\nRuntimeError: boom\n")


def test_carriage_return_shows_as_a_terminal_does() -> None:
    assert matches("Xbc", "abc\rX")
    assert not matches("abc\nX", "abc\rX")
    assert matches("进度 4/4", "\r进度 1/4\r进度 2/4\r进度 3/4\r进度 4/4\n")
    assert matches("中c", "abc\r中")  # a wide character covers two columns
    assert matches("x ", "中\rx") and matches("x", "中\rx")  # half a wide character is blank
    assert not matches("abc", "abc\rX")


def test_other_line_separators_do_not_start_lines() -> None:
    assert matches("a\x0cb", "a\x0cb") and not matches("a\nb", "a\x0cb")


@pytest.mark.parametrize("body, options, good, bad", [
    ("a\nb\nc", {"repeat": "2:cpu_count"}, ["a", *["b"] * 16, "c"], ["a", *["b"] * 15, "c"]),
    ("a\nb\nc", {"repeat": "2:cpu_count"}, ["a", *["b"] * 16, "c"], ["a", *["b"] * 17, "c"]),
    ("a\nb\nc", {"repeat": "2:1-4"}, ["a", "b", "b", "b", "b", "c"], ["a", "c"]),
    ("a\nb\nc", {"repeat": "2:1-4"}, ["a", "b", "c"], ["a", *["b"] * 5, "c"]),
    ("a\nb\nc\nd", {"repeat": "2-3:2"}, ["a", "b", "c", "b", "c", "d"], ["a", "b", "b", "c", "c", "d"]),
    ("w ⟨pid:w⟩\nend", {"repeat": "1:2"}, ["w 5", "w 5", "end"], ["w 5", "w 6", "end"]),
    ("a\nA wins\nB wins\nz", {"either": "2/3"}, ["a", "B wins", "z"], ["a", "A wins", "B wins", "z"]),
    ("a\nA wins\nB wins\nz", {"either": "2/3"}, ["a", "A wins", "z"], ["a", "z"]),
    ("a\nA\nwins\nB wins\nz", {"either": "2-3/4"}, ["a", "A", "wins", "z"], ["a", "A", "z"]),
    ("a\nmaybe\nz", {"optional": "2"}, ["a", "z"], ["a", "maybe", "maybe", "z"]),
    ("a\nmaybe\nz", {"optional": "2"}, ["a", "maybe", "z"], ["a", "perhaps", "z"]),
    ("x1\nx2\ny1\ny2", {"any_order": "1-4", "together": "1-2 3-4"}, ["y1", "y2", "x1", "x2"],
     ["y1", "x1", "x2", "y2"]),
    ("x1\nx2\ny1\ny2", {"any_order": "1-4", "together": "1-2 3-4"}, ["x1", "x2", "y1", "y2"],
     ["x2", "x1", "y1", "y2"]),
    ("s\nw\nt", {"any_order": "1-3", "repeat": "2:cpu_count"}, ["w"] * 8 + ["t", "s"] + ["w"] * 8,
     ["w"] * 8 + ["t", "s"] + ["w"] * 7),
    ("s\nA\nB\nt", {"any_order": "1-4", "either": "2/3"}, ["t", "B", "s"], ["t", "A", "B", "s"]),
    ("s\nm\nt", {"any_order": "1-3", "optional": "2"}, ["t", "s"], ["t", "m", "m", "s"]),
])
def test_shapes_match_only_what_they_declare(body: str, options: dict[str, str], good: list[str],
                                             bad: list[str]) -> None:
    assert matches(body, "\n".join(good), **options)
    assert not matches(body, "\n".join(bad), **options)


GROUPED_TRACEBACKS = """start
Process ⟨int:a⟩:
Traceback (most recent call last):
  ⟨frames⟩
ValueError: ⟨int:a⟩
Process ⟨int:b⟩:
Traceback (most recent call last):
  ⟨frames⟩
ValueError: ⟨int:b⟩
end"""


def traceback_of(n: int) -> str:
    return (f"Process {n}:\nTraceback (most recent call last):\n"
            '  File "/usr/lib/python3.12/multiprocessing/process.py", line 314, in _bootstrap\n'
            "    self.run()\n"
            f'  File "/tmp/run/example.py", line 3, in work\n    raise ValueError({n})\nValueError: {n}\n')


def test_a_traceback_moves_as_one_unit() -> None:
    options = {"any_order": "2-9", "together": "2-5 6-9"}
    assert matches(GROUPED_TRACEBACKS, f"start\n{traceback_of(2)}{traceback_of(1)}end", **options)
    torn = (traceback_of(2) + traceback_of(1)).splitlines()
    torn.insert(3, torn.pop(8))
    assert not matches(GROUPED_TRACEBACKS, "\n".join(["start", *torn, "end"]), **options)


def test_fold_keeps_placeholders_only_for_lines_aligned_with_them() -> None:
    assert matcher("x ⟨int⟩\nx 7").fold("x 8\nx 9") == ["x ⟨int⟩", "x 9"]
    assert matcher("x 7\ny\nx ⟨int⟩").fold("x 9\ny\nx 5") == ["x 9", "y", "x ⟨int⟩"]
    assert matcher("pid ⟨pid⟩\nanswer 41").fold("pid 77\nanswer 42\nnew 1") == [
        "pid ⟨pid⟩", "answer 42", "new 1"]


def test_fold_shows_the_run_directory_as_dir_and_frames_as_one_line() -> None:
    body = 'Traceback (most recent call last):\n  ⟨frames⟩\nValueError: 1'
    actual = ('Traceback (most recent call last):\n  File "/tmp/run/x.py", line 1, in <module>\n'
              '    f()\nKeyError: 1')
    assert matcher(body).fold(actual) == ["Traceback (most recent call last):", "  ⟨frames⟩", "KeyError: 1"]
    assert matcher("a").fold('File "/tmp/run/x.py"') == ['File "⟨dir⟩/x.py"']


def test_fold_keeps_any_order_ranges_on_their_lines() -> None:
    checker = matcher("begin\n⟨int⟩ starts\n⟨int⟩ ends\nend", any_order="2-3")
    assert checker.fold("begin\n5 ends\n6 starts\nend!") == ["begin", "⟨int⟩ ends", "⟨int⟩ starts", "end!"]
    with pytest.raises(FoldError, match="range 2-3 on the same lines"):
        checker.fold("begin\nnew\n5 ends\n6 starts\nend")


def test_fold_result_matches_or_is_refused() -> None:
    # aligned line by line, both lines keep ⟨pid:main⟩, but the run shows two values
    checker = matcher("main ⟨pid:main⟩\nagain ⟨pid:main⟩\nx")
    folded = checker.fold("main 10\nagain 11\ny")
    assert folded == ["main 10", "again 11", "y"]
    with pytest.raises(FoldError, match=":repeat:"):
        matcher("a\nb", repeat="2:2").fold("a\nb")


LOAD_BEARING = ("子进程运行中，name= test,age=18 ,pid=⟨pid:child⟩...\n{'m': 20}\n"
                "⟨int⟩ 执行完毕，耗时⟨float⟩\ncpu核心数为⟨cpu_count⟩\n"
                "<Lock at ⟨addr⟩> ⟨shm_name⟩ ⟨id:a⟩\nA 先到\nB 先到\n重试\n可能\n甲\n乙")
ACTUAL = ("子进程运行中，name= test,age=18 ,pid=4242...\n{'m': 20}\n3 执行完毕，耗时0.25\ncpu核心数为16\n"
          "<Lock at 0x7f00> psm_0a1b2c3d 77\nB 先到\n重试\n重试\n可能\n乙\n甲")
# Each alternative and the optional line show up in some run; a changed character fails that run.
RUNS = [ACTUAL, ACTUAL.replace("B 先到", "A 先到"), ACTUAL.replace("可能\n", "")]
SHAPES = {"either": "6/7", "repeat": "8:1-3", "optional": "9", "any_order": "10-11"}


def literal_positions(body: str) -> Iterator[int]:
    inside = False
    for position, char in enumerate(body):
        if char == "⟨":
            inside = True
        if not inside and char != "\n":
            yield position
        if char == "⟩":
            inside = False


def accepts_every_run(body: str) -> bool:
    try:
        return all(matches(body, run, **SHAPES) for run in RUNS)
    except NotationError:  # blanking the last line leaves :any-order: outside the block
        return False


def test_every_literal_character_is_load_bearing() -> None:
    assert accepts_every_run(LOAD_BEARING)
    for position in literal_positions(LOAD_BEARING):
        original = LOAD_BEARING[position]
        for replacement in {"x", "0", " "} - {original}:
            mutated = LOAD_BEARING[:position] + replacement + LOAD_BEARING[position + 1:]
            assert not accepts_every_run(mutated), (position, mutated)
    dropped = LOAD_BEARING.rsplit("\n", 1)[0]  # dropping the last line
    assert not matches(dropped, ACTUAL, **{**SHAPES, "any_order": "10-10"})


def test_fold_shows_matching_lines_as_written() -> None:
    assert matcher("pid ⟨pid⟩\nanswer 41").fold("pid 77\nanswer 42\n") == ["pid ⟨pid⟩", "answer 42"]
