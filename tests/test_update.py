"""The update mode rewrites output bodies from real runs and nothing else."""

from pathlib import Path

SAMPLES = Path(__file__).parent / "samples"


def test_update_rewrites_only_output_bodies_and_is_idempotent(check_page, pytester):
    page = pytester.path / "update.md"
    result = check_page("update.md", args=("--update-outputs", "-n", "2"))
    result.assert_outcomes(passed=2)
    updated = page.read_text()
    original = (SAMPLES / "update.md").read_text()
    # the placeholder and the options stay, the wrong literals are replaced, nothing else moves
    assert updated == original.replace("answer 41", "answer 42").replace(
        "```{output}\nfirst\n```", "```{output}\nsecond\n```")

    pytester.runpytest_subprocess("-p", "no:cacheprovider", "--update-outputs", "update.md")
    assert page.read_text() == updated  # running it twice changes nothing

    pytester.runpytest_subprocess("-p", "no:cacheprovider", "update.md").assert_outcomes(passed=2)
