"""The notation of output blocks: what is accepted and how mistakes are reported."""

import pytest

from mpdocs.engine.notation import NotationError, Placeholder, parse_expectation


def test_placeholders_split_a_line_into_pieces():
    expectation = parse_expectation({}, "pid=⟨pid:main⟩, {'m': 20}\n")
    assert expectation.lines[0].pieces == ("pid=", Placeholder("pid", "main"), ", {'m': 20}")


def test_options_are_parsed():
    expectation = parse_expectation(
        {"methods": "spawn forkserver", "any-order": "1-2", "order-within": r"^(\d)", "timeout": "7"},
        "a\nb\n")
    assert expectation.methods == ("spawn", "forkserver")
    assert expectation.any_order == (range(0, 2),)
    assert expectation.timeout == 7.0


@pytest.mark.parametrize("written, inside, outside", [
    (">=3.12", (3, 12, 1), (3, 11, 9)),
    ("<3.12", (3, 11, 7), (3, 12, 0)),
    ("3.11", (3, 11, 0), (3, 13, 0)),
])
def test_python_versions(written, inside, outside):
    versions = parse_expectation({"python": written}, "a").python
    assert inside in versions and outside not in versions


def test_stop_after_leaves_time_to_stop():
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
])
def test_mistakes_are_named(options, body, message):
    with pytest.raises(NotationError, match=message):
        parse_expectation(options, body)
