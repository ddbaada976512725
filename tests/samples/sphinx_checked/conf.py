extensions = ["myst_parser", "mpdocs.sphinxext"]
mpdocs_check_records = "records"
