# Shared by every sample site in this folder (sphinx-build -c tests/samples/conventions <sample>).
extensions = ["myst_parser", "sphinx_design", "mpdocs.sphinxext", "mpdocs.sphinxext.conventions"]
language = "zh_CN"
html_search_language = "en"  # no jieba: these samples test the page conventions, not search
myst_enable_extensions = ["colon_fence", "deflist", "fieldlist", "dollarmath"]
