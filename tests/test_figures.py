"""The performance figures are drawn from a recorded run: its numbers, machine, release and date."""

import json
import re
from pathlib import Path
from xml.etree import ElementTree

from mpdocs import figures

SVG = "{http://www.w3.org/2000/svg}"
RUN = {"machine": "Test CPU，2 核", "python": "3.14.10", "date": "2026-11-28"}


def write_run(folder: Path) -> None:
    recorded = {
        "cpu_io": {"CPU 密集": {"串行": 0.2, "线程": 0.21, "进程": 0.11},
                   "I/O 密集": {"串行": 0.2, "线程": 0.05, "进程": 0.052}},
        "startup": {"fork": 0.002, "spawn": 0.04, "forkserver": 0.004},
        "timeline": {"apply()": [[0, 11, 10.0, 10.2], [1, 12, 10.2, 10.4]],
                     "map()": [[0, 11, 20.0, 20.2], [1, 12, 20.0, 20.2]]},
        "machine": RUN,
    }
    for name, numbers in recorded.items():
        (folder / f"{name}.json").write_text(json.dumps(numbers, ensure_ascii=False), encoding="utf-8")


def texts(path: Path) -> list[str]:
    return [node.text or "" for node in ElementTree.parse(path).iter(f"{SVG}text")]


def test_each_figure_is_drawn_for_both_themes_with_the_runs_numbers_and_where_they_come_from(
        tmp_path: Path) -> None:
    write_run(tmp_path)
    figures.draw(tmp_path)
    for name in ("cpu_io", "startup", "timeline"):
        light, dark = (tmp_path / f"{name}-{theme}.svg" for theme in ("light", "dark"))
        assert texts(light) == texts(dark)
        assert light.read_text() != dark.read_text()  # the colours differ
        assert "测量：Test CPU，2 核，Python 3.14.10，2026-11-28" in texts(light)
    assert {"110.0 毫秒", "52.0 毫秒", "40.0 毫秒"} <= set(texts(tmp_path / "cpu_io-light.svg")) | set(
        texts(tmp_path / "startup-light.svg"))


def test_a_timeline_puts_each_task_on_its_workers_row_from_its_lanes_first_start(tmp_path: Path) -> None:
    write_run(tmp_path)
    figures.draw(tmp_path)
    root = ElementTree.parse(tmp_path / "timeline-light.svg").getroot()
    bars = [(float(r.get("x", 0)), float(r.get("y", 0))) for r in root.iter(f"{SVG}rect")]
    apply_first, apply_second, map_first, map_second = bars
    assert apply_first[0] == map_first[0] == map_second[0] == figures.LEFT  # each lane starts at 0
    assert apply_second[0] > apply_first[0] and apply_second[1] != apply_first[1]  # later, other worker
    assert map_second[1] != map_first[1]  # same time, other worker
    assert re.search(r"到 0\.4 秒", " ".join(texts(tmp_path / "timeline-light.svg")))
