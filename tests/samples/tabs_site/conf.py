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
