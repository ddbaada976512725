extensions = ["myst_parser", "mpdocs.sphinxext.offline"]
project = "sample"
copyright = "sample"
myst_enable_extensions = ["colon_fence"]
mpdocs_offline_epub = False
mpdocs_offline_examples = "."  # the HTML build zips a folder; this one will do
