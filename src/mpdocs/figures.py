"""The performance page's figures, drawn from a recorded run of its example programs.

``python -m mpdocs.figures`` runs ``examples/perf_*.py`` with ``--record`` (the
same programs a reader runs), keeps their numbers in ``docs/_figures/perf/*.json``
with the machine, the Python release and the date, and draws each figure as two
SVG files, for Furo's light and dark themes (``only-light``/``only-dark``).
``--draw`` redraws from the recorded numbers without measuring again.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
FIGURES = ROOT / "docs" / "_figures" / "perf"
PROGRAMS = ("cpu_io", "startup", "timeline")  # examples/perf_<name>.py, each drawn below
WIDTH = 640
BAR = 18
LEFT = 150  # room for row labels


@dataclass(frozen=True)
class Palette:
    text: str
    on_bar: str  # text drawn on a coloured bar
    series: tuple[str, ...]


# Colours with at least 4.5:1 contrast for text on each theme's background (white / #131416).
LIGHT = Palette("#1f2328", "#ffffff", ("#0969da", "#bf3989", "#1a7f37", "#9a6700"))
DARK = Palette("#e6edf3", "#0d1117", ("#58a6ff", "#ff7bc4", "#3fb950", "#d29922"))


def machine() -> dict[str, str]:
    model = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.machine())
    return {"machine": f"{model}，{os.cpu_count()} 核", "python": platform.python_version(),
            "date": datetime.date.today().isoformat()}


def record(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in PROGRAMS:
        subprocess.run([sys.executable, str(EXAMPLES / f"perf_{name}.py"), "--record",
                        str(folder / f"{name}.json")], check=True, cwd=EXAMPLES)
    (folder / "machine.json").write_text(json.dumps(machine(), ensure_ascii=False, indent=2) + "\n",
                                         encoding="utf-8")


def load(folder: Path, name: str) -> object:
    return json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))


def svg(height: int, body: Iterator[str], title: str, palette: Palette) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
            f'height="{height}" role="img" font-family="sans-serif" font-size="13">'
            f"<title>{escape(title)}</title>" + "".join(body) + "</svg>\n")


def text(x: float, y: float, content: str, palette: Palette, anchor: str = "start", *,
         on_bar: bool = False) -> str:
    colour = palette.on_bar if on_bar else palette.text
    return (f'<text x="{x:.1f}" y="{y:.1f}" fill="{colour}" text-anchor="{anchor}">'
            f"{escape(content)}</text>")


def footer(y: float, run: dict[str, str], palette: Palette) -> str:
    return text(0, y, f"测量：{run['machine']}，Python {run['python']}，{run['date']}", palette)


def bars(groups: dict[str, dict[str, float]], unit: float, unit_name: str, title: str,
         run: dict[str, str], palette: Palette) -> str:
    """Horizontal bars: one row per (group, series), longest bar to the right edge."""
    largest = max(value for series in groups.values() for value in series.values())
    scale = (WIDTH - LEFT - 90) / largest

    def body() -> Iterator[str]:
        y = 10
        for group, series in groups.items():
            yield text(0, y + 12, group, palette)
            y += 20
            for index, (name, value) in enumerate(series.items()):
                colour = palette.series[index % len(palette.series)]
                yield text(LEFT - 8, y + 13, name, palette, anchor="end")
                yield (f'<rect x="{LEFT}" y="{y}" width="{max(value * scale, 1):.1f}" height="{BAR}" '
                       f'fill="{colour}"/>')
                yield text(LEFT + value * scale + 6, y + 13, f"{value / unit:.1f} {unit_name}", palette)
                y += BAR + 6
            y += 8
        yield footer(y + 14, run, palette)

    rows = sum(len(series) for series in groups.values())
    return svg(10 + len(groups) * 28 + rows * (BAR + 6) + 30, body(), title, palette)


def timeline(lanes: dict[str, list[list[float]]], title: str, run: dict[str, str], palette: Palette) -> str:
    """One lane per way of submitting, each from its own first start; each task a bar from its start
    to its end, on the row of the worker that ran it."""
    origins = {lane: min(span[2] for span in spans) for lane, spans in lanes.items()}
    longest = max(span[3] - origins[lane] for lane, spans in lanes.items() for span in spans)
    scale = (WIDTH - LEFT - 20) / longest

    def body() -> Iterator[str]:
        y = 10
        for lane, spans in lanes.items():
            yield text(LEFT - 8, y + 24, lane, palette, anchor="end")
            workers = sorted({int(span[1]) for span in spans})
            origin = origins[lane]
            for number, pid, start, stop in spans:
                row = workers.index(int(pid))
                colour = palette.series[row % len(palette.series)]
                x = LEFT + (start - origin) * scale
                yield (f'<rect x="{x:.1f}" y="{y + row * (BAR + 2)}" width="{(stop - start) * scale:.1f}" '
                       f'height="{BAR}" fill="{colour}"/>')
                yield text(x + 4, y + row * (BAR + 2) + 13, f"任务{int(number)}", palette, on_bar=True)
            y += 2 * (BAR + 2) + 14
        yield text(LEFT, y + 12, f"横轴从每种做法的第一个任务开始，到 {longest:.1f} 秒；"
                                 "上下两行是两个工作进程", palette)
        yield footer(y + 34, run, palette)

    return svg(10 + len(lanes) * (2 * (BAR + 2) + 14) + 44, body(), title, palette)


def figures(folder: Path, palette: Palette) -> dict[str, str]:
    cpu_io, startup, lanes, run = (load(folder, name) for name in (*PROGRAMS, "machine"))
    assert isinstance(cpu_io, dict) and isinstance(startup, dict) and isinstance(lanes, dict)
    assert isinstance(run, dict)
    return {
        "cpu_io": bars(cpu_io, 1e-3, "毫秒", "串行、线程、进程在 CPU 密集和 I/O 密集工作上的耗时", run,
                       palette),
        "startup": bars({"启动并等待一个空的子进程": startup}, 1e-3, "毫秒",
                        "三种启动方式启动一个子进程的耗时", run, palette),
        "timeline": timeline(lanes, "进程池的时间线：apply、apply_async 和 map", run, palette),
    }


def draw(folder: Path) -> None:
    for theme, palette in (("light", LIGHT), ("dark", DARK)):
        for name, drawing in figures(folder, palette).items():
            (folder / f"{name}-{theme}.svg").write_text(drawing, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--draw", action="store_true", help="redraw from the recorded numbers only")
    if not parser.parse_args().draw:
        record(FIGURES)
    draw(FIGURES)


if __name__ == "__main__":
    main()
