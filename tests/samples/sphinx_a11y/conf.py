extensions = ["myst_parser", "mpdocs.sphinxext.a11y"]
language = "zh_CN"
html_theme = "furo"
