"""A deliberately broken site: every browser check must fail on it.

It reuses the project's conf.py (so the theme, the {output} directive and the
copy button are the real ones) and then breaks one thing per check.  Built by
tests/browser/test_browser_selftest.py; never published.
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parents[3]
_conf = PROJECT / "conf.py"
exec(compile(_conf.read_text(encoding="utf-8"), str(_conf), "exec"))  # noqa: S102

# The project's paths are relative to its own folders; make them absolute.
html_static_path = [str(PROJECT / "docs" / "_static"), str(HERE / "_static")]
html_favicon = str(PROJECT / "docs" / "_static" / "favicon.svg")
html_search_options = {"dict": str(PROJECT / "docs" / "_search" / "jieba-userdict.txt")}
intersphinx_mapping: dict[str, tuple[str, str | None]] = {}
# The offline copies are checked on the project's own site (test_offline_copies_open).
extensions: list[str] = [name for name in globals()["extensions"] if name != "mpdocs.sphinxext.offline"]


# Search: behave as if jieba were missing (Sphinx then indexes no Chinese word).
import sphinx.search.zh as _zh  # noqa: E402

_zh.cut_for_search = lambda sentence, HMM=True: iter(())

# Copy button: also on output blocks, and prompts are copied.
copybutton_selector = "div.highlight pre, pre.mp-output-body"
copybutton_exclude = ".linenos"
copybutton_prompt_text = "$ "
copybutton_prompt_is_regexp = False

# Colours (output block looks like code, grey text) and a hidden nav toggle.
html_css_files = ["broken.css"]
