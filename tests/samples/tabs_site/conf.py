"""A small site of the tabs_*.md samples, with the project's theme and copy-button settings."""

import runpy
from pathlib import Path

# copying is tested as readers get it
_project = runpy.run_path(str(Path(__file__).resolve().parents[3] / "conf.py"))
globals().update({name: value for name, value in _project.items() if name.startswith("copybutton_")})

project = "tabs"
language = "zh_CN"
extensions = ["myst_parser", "sphinx_copybutton", "sphinx_design", "mpdocs.sphinxext"]
html_theme = "furo"
# as on the project's site: without a declared icon Chromium asks for /favicon.ico, and the 404 it logs
# reaches the console at a moment of its own, failing whichever check reads the console then
html_favicon = str(Path(__file__).resolve().parents[3] / "docs" / "_static" / "favicon.svg")
