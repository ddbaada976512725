extensions = ["myst_parser", "mpdocs.sphinxext.linebreaks"]
language = "zh_CN"
