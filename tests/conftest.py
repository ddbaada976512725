import shutil
from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

SAMPLES = Path(__file__).parent / "samples"
CONFTEST = """
from pathlib import Path
from mpdocs.engine.plugin import pages
pytest_collect_file = pages(Path(__file__).parent).pytest()
"""


@pytest.fixture
def check_page(pytester, monkeypatch):
    """Run the engine on sample pages in a fresh pytest process; return its result."""
    monkeypatch.delenv("PYTHONUNBUFFERED", raising=False)
    pytester.makeconftest(CONFTEST)

    def check(*names: str, args: tuple[str, ...] = ()) -> pytest.RunResult:
        for name in names:
            shutil.copy(SAMPLES / name, pytester.path / name)
        return pytester.runpytest_subprocess("-p", "no:cacheprovider", *args, *names)

    return check
