extensions = ["myst_parser", "mpdocs.sphinxext"]
language = "zh_CN"
