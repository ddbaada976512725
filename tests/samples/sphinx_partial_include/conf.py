extensions = ["myst_parser", "mpdocs.sphinxext"]
language = "zh_CN"
myst_enable_extensions = ["colon_fence"]
