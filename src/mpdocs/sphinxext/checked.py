"""The ``{checked-releases}`` directive: where the site's outputs were checked, from the records.

Each run of the page checks with ``--record FILE`` (tox passes it) leaves a
record of what it verified (:mod:`mpdocs.engine.record`).  The directive turns
the records in ``mpdocs_check_records`` into a table, so the site states the
releases and start methods its outputs are checked on from what ran, never by
hand.  Without records (a build that ran no checks) it says so; a build that
must have them (``mpdocs_check_records_required``, on in CI) warns instead.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from mpdocs.engine.record import Record, RecordError, read

logger = logging.getLogger(__name__)

NO_RECORDS = ("这次构建没有附带检查记录，所以这里列不出核对过的 Python 版本。完整运行 tox 时，"
              "先检查每个页面，再构建网站，这里就会列出每个版本。")
HEADERS = ("Python 版本", "运行的系统", "启动方式", "核对的程序", "核对的交互式示例", "核对的终端记录")


def version_key(record: Record) -> tuple[int, ...]:
    return tuple(int(part) for part in record.python.split("."))


class CheckedReleases(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        folder = Path(self.env.srcdir) / self.config.mpdocs_check_records
        paths = sorted(folder.glob("*.json"))
        for path in paths:
            self.env.note_dependency(str(path))
        try:
            records = sorted((read(path) for path in paths), key=version_key)
        except RecordError as error:
            logger.warning("%s", error, location=self.get_location())
            return [nodes.paragraph("", NO_RECORDS)]
        if not records:
            if self.config.mpdocs_check_records_required:
                logger.warning("no check records in %s: run the page checks with --record first",
                               folder, location=self.get_location())
            return [nodes.paragraph("", NO_RECORDS)]
        self.warn_if_uneven(records)
        return [table(records)]

    def warn_if_uneven(self, records: list[Record]) -> None:
        """Every record must have checked the same pages: a partial run would claim too much."""
        widest = max(records, key=lambda record: len(record.pages))
        for record in records:
            missing = sorted(set(widest.pages) - set(record.pages))
            if missing:
                logger.warning("the check record for Python %s lacks pages %s",
                               record.python, ", ".join(missing), location=self.get_location())


def table(records: list[Record]) -> nodes.table:
    rows = [(r.python, r.build, "、".join(r.methods), str(r.programs), str(r.sessions),
             str(r.consoles)) for r in records]
    group = nodes.tgroup(cols=len(HEADERS))
    group += [nodes.colspec(colwidth=1) for _ in HEADERS]
    group += nodes.thead("", row(HEADERS))
    group += nodes.tbody("", *(row(cells) for cells in rows))
    return nodes.table("", group, classes=["mp-checked-releases"])


def row(cells: tuple[str, ...]) -> nodes.row:
    return nodes.row("", *(nodes.entry("", nodes.paragraph("", cell)) for cell in cells))


def setup(app: Sphinx) -> dict[str, object]:
    app.add_config_value("mpdocs_check_records", "_build/matrix", "env", types=[str])
    app.add_config_value("mpdocs_check_records_required", False, "env", types=[bool])
    app.add_directive("checked-releases", CheckedReleases)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
