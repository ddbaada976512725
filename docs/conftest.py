# Every MyST page under docs/ is a test: see the contributors' page.
from pathlib import Path

from mpdocs.engine.plugin import pages

pytest_collect_file = pages(Path(__file__).parent).pytest()
