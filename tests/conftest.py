import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from support import SAMPLES

pytest_plugins = ["pytester"]

CONFTEST = """
from pathlib import Path
from mpdocs.engine.plugin import pages
pytest_collect_file = pages(Path(__file__).parent).pytest()
"""


@pytest.fixture
def samples() -> Path:
    """The folder of sample pages (must pass, must fail) and sample sites."""
    return SAMPLES


@pytest.fixture
def check_page(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch) -> Callable[..., pytest.RunResult]:
    """Run the engine on sample pages in a fresh pytest process; return its result."""
    monkeypatch.delenv("PYTHONUNBUFFERED", raising=False)
    pytester.makeconftest(CONFTEST)

    def check(*names: str, args: tuple[str, ...] = ()) -> pytest.RunResult:
        for name in names:  # a page, or a folder of pages with the files they include
            if (SAMPLES / name).is_dir():
                shutil.copytree(SAMPLES / name, pytester.path / name)
            else:
                shutil.copy(SAMPLES / name, pytester.path / name)
        result: pytest.RunResult = pytester.runpytest_subprocess("-p", "no:cacheprovider", *args, *names)
        return result

    return check
