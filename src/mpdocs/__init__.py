"""A tutorial on Python multiprocessing: example workers, the test engine, the Sphinx extension."""
