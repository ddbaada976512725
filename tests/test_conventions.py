"""mpdocs.sphinxext.conventions: one sample site that must fail per rule, and one that must pass.

Each sample is a folder of pages under samples/conventions/, built with the conf.py beside them.
Every warning a failing sample must give is listed here by page, line and rule, and the build may
give no other warning, so a sample cannot fail for a reason other than its rule.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from support import SAMPLES, build_site

pytest.importorskip("sphinx", reason="the docs extra (Sphinx >= 9.1, Python >= 3.12) is not installed")

CONVENTIONS = SAMPLES / "conventions"
# "…/index.md:3: WARNING: … [mpdocs.box]"; a warning about a whole page has no line
WARNING = re.compile(r"(?P<page>[\w-]+\.md)(?::(?P<line>\d+))?: WARNING: .*?(?: \[(?P<type>[\w.]+)\])?$",
                     re.MULTILINE)

Warned = tuple[str, int | None, str]  # page, line (None: the whole page), rule ("other": not ours)


def build(sample: str, out: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return build_site(CONVENTIONS / sample, out, "-c", str(CONVENTIONS), *options)


def warned(stderr: str) -> list[Warned]:
    found = []
    for warning in WARNING.finditer(stderr):
        kind = warning["type"] or ""
        rule = kind.removeprefix("mpdocs.") if kind.startswith("mpdocs.") else "other"
        found.append((warning["page"], int(warning["line"]) if warning["line"] else None, rule))
    return sorted(found, key=str)


# sample → the warnings it must give, and what some of them must say
MUST_FAIL: dict[str, tuple[list[Warned], list[str]]] = {
    "box_count": ([("index.md", 18, "box")], ["4 boxes on the page, at most 3"]),  # at the fourth box
    "box_kind": ([("index.md", 3, "box"), ("index.md", 7, "box"), ("index.md", 12, "box")],
                 ["a {note} box: use {admonition} titled 常见误解：… (:class: warning) or 平台差异：…",
                  "box titled '注意：原文有误'", "box '平台差异：Windows 没有 fork' needs :class: note"]),
    "differences_count": ([("index.md", 11, "differences")], ["says 3 处 but lists 2 items"]),
    "differences_last": ([("index.md", 11, "differences")], ["must be the last thing on the page"]),
    "keypoints_missing": ([("index.md", None, "keypoints"), ("pool.md", None, "keypoints")],
                          ["the page has no 要点 section"]),
    "keypoints_shape": ([(page, 5, "keypoints") for page in ("notes.md", "pool.md", "queue.md")],
                        ["has 2 items; keep 3 to 6", "has 7 items", "one bullet list and nothing else"]),
    "punctuation": ([("index.md", line, "punctuation") for line in (1, 3, 5, 7, 9, 9, 11, 11, 13)],
                    ["half-width ','", "half-width '('", "half-width '?'"]),
    "banned_words": ([("index.md", 1, "wording"), ("index.md", 3, "wording")],
                     ["write '运行结果', not '执行结果'", "write '馈送线程', not '送信线程'"]),
    "term_twice": ([("index.md", 3, "term"), ("index.md", 3, "term")],
                   ["term '进程' is linked again (as '进程')", "(as '这个进程')"]),
    # 多进程 (no term) is a use of 进程; on tabs.md the link is in a tab, after a use all readers see;
    # on tab_link.md, before one
    "term_late": ([("index.md", 7, "term"), ("index.md", 7, "term"), ("tabs.md", 9, "term"),
                   ("tab_link.md", 7, "term")],
                  ["term '进程' is first used on line 3 unlinked; link that first use instead",
                   "term '进程号' is first used on line 5 unlinked",
                   "term '退出码' is linked inside a tab, which readers of the other tabs do not see; "
                   "link its first use outside the tabs, on line 21"]),
    # a use links the term: not in a heading, code, an output panel, a tab's text, nor in the glossary
    # entry that the term names
    "term_unlinked": ([("glossary.md", 8, "term"), ("index.md", 3, "term"), ("index.md", 3, "term"),
                       ("tabs.md", 21, "term")],
                      ["term '子进程' is first used on line 3 and never linked; link that use",
                       "term '进程号' is first used on line 21 and never linked",
                       "term '进程' is first used on line 8 and never linked"]),
}


@pytest.mark.parametrize("sample", MUST_FAIL)
def test_each_rule_fails_the_build_naming_page_line_and_fix(sample: str, tmp_path: Path) -> None:
    warnings, messages = MUST_FAIL[sample]
    result = build(sample, tmp_path)
    assert result.returncode != 0
    assert warned(result.stderr) == sorted(warnings, key=str), result.stderr
    for message in messages:
        assert message in result.stderr


def test_every_allowed_form_passes(tmp_path: Path) -> None:
    """Three boxes of the two kinds, dropdowns, half-width marks in code, math, URLs and English,
    each term used linked once at its first use (子进程, a heading, code, a link's text and an output
    panel before it are no use of 进程; a glossary entry naming its own term is no use), a term linked
    in the one tab that uses it, a U+FFFD in the text and a term link inside another link (marks.md),
    and the contributors' page (exempt) with a bare note, banned words and a term unlinked."""
    result = build("allowed", tmp_path)
    assert result.returncode == 0, result.stderr


def test_pages_listed_as_exempt_are_not_checked_for_punctuation(tmp_path: Path) -> None:
    result = build("punctuation", tmp_path, "-D", "mpdocs_conventions_exempt=index")
    assert result.returncode == 0, result.stderr


def test_pages_listed_in_terms_unlinked_may_use_terms_without_links(tmp_path: Path) -> None:
    result = build("term_unlinked", tmp_path, "-D", "mpdocs_terms_unlinked=glossary,tabs")
    # glossary and tabs are listed now; index is not
    assert warned(result.stderr) == [("index.md", 3, "term"), ("index.md", 3, "term")], result.stderr


def test_key_points_are_required_on_every_page_not_exempt_and_beside_differences(tmp_path: Path) -> None:
    result = build("keypoints_missing", tmp_path, "-D", "mpdocs_keypoints_exempt=pool")
    # pool is exempt now; index is not (and has a 与原文的差异 dropdown besides)
    assert warned(result.stderr) == [("index.md", None, "keypoints")], result.stderr
