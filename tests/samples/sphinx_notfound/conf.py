extensions = ["myst_parser", "mpdocs.sphinxext.notfound_links"]
language = "zh_CN"
myst_heading_anchors = 2
