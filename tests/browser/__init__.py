"""The browser tests: a package, so that its conftest.py and helpers have names of their own."""
