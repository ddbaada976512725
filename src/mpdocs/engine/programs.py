"""What a program block runs: the files copied into the run directory, and the main one.

- Code in a fence runs as ``example.py``.
- ``{literalinclude}`` runs the included file under its own name.  A file in a
  folder of its own under ``examples/`` (``examples/<program>/main.py``) is one
  file of a program made of several: the whole folder is copied, so a worker
  module or a data file beside it is found, as on a reader's disk.
- An include that shows only part of its file (``:lines:``, ``:pyobject:``…)
  runs a program the reader cannot see, so it is refused unless the page offers
  the whole file with a ``{download}`` link (the site then says that the output
  comes from the whole file).
- A console transcript (``$ python x.py | cat``) runs in a folder holding every
  file the page shows whole or offers, each under its own name, as a reader who
  saved them into one folder has them (a file shown in part is not the reader's).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .lexing import Block, Kind, download_targets, included_files, includes

INLINE_NAME = "example.py"
EXAMPLES_FOLDER = "examples"
# literalinclude options that show something other than the whole file
PARTIAL_OPTIONS = frozenset({
    "lines", "pyobject", "start-after", "end-before", "start-at", "end-at", "diff",
    "dedent", "prepend", "append",
})


class ProgramError(ValueError):
    """A program block that cannot be run as the reader would run it."""


@dataclass(frozen=True)
class Program:
    files: dict[str, str]  # relative path -> text
    main: str  # the file run as ``python main``


def program_of(block: Block, page: Path, page_text: str) -> Program:
    if block.kind == Kind.PROGRAM:
        return Program({INLINE_NAME: block.body}, INLINE_NAME)
    assert block.kind == Kind.INCLUDE
    path = (page.parent / block.argument).resolve()
    if not path.is_file():
        raise ProgramError(f"{block.argument} does not exist")
    partial = sorted(PARTIAL_OPTIONS & set(block.options))
    if partial and path not in downloads(page, page_text):
        raise ProgramError(
            f"this literalinclude shows only part of {path.name} (:{':, :'.join(partial)}:), but "
            f"the whole file runs; offer it with {{download}}`{block.argument}` on the page")
    if path.parent.parent.name == EXAMPLES_FOLDER:
        return folder_program(path, page, page_text)
    return Program({path.name: path.read_text(encoding="utf-8")}, path.name)


def folder_program(main: Path, page: Path, page_text: str) -> Program:
    """A program made of its folder's files, each of which the reader must be able to get."""
    folder = main.parent
    files = [file for file in sorted(folder.rglob("*")) if file.is_file() and not ignored(file)]
    offered = downloads(page, page_text) | {(page.parent / name).resolve()
                                           for name in included_files(page_text)}
    hidden = [str(file.relative_to(folder)) for file in files if file.resolve() not in offered]
    if hidden:
        raise ProgramError(
            f"{main.name} runs with {', '.join(hidden)} from its folder, which the page neither shows "
            "(literalinclude) nor offers for download, so a reader cannot run it")
    return Program({str(file.relative_to(folder)): file.read_text(encoding="utf-8") for file in files},
                   str(main.relative_to(folder)))


def page_files(page: Path, page_text: str) -> dict[str, str]:
    """The files a console transcript starts with: each one the page shows whole or offers."""
    whole = {(page.parent / name).resolve() for name, options in includes(page_text)
             if not PARTIAL_OPTIONS & set(options)}
    shown = downloads(page, page_text) | whole
    files: dict[str, str] = {}
    for path in sorted(file for file in shown if file.is_file()):
        if path.name in files:
            raise ProgramError(f"the page shows or offers two files named {path.name}; a reader who saves "
                               "them into one folder keeps only one, so a console transcript cannot run both")
        try:
            files[path.name] = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise ProgramError(f"{path.name} is not UTF-8 text; a console transcript's folder holds the "
                               "page's text files only") from None
    return files


def downloads(page: Path, page_text: str) -> set[Path]:
    """The files the page offers with the ``{download}`` role, in text readers see."""
    return {(page.parent / target).resolve() for target in download_targets(page_text)}


def ignored(file: Path) -> bool:
    """Files Python writes by itself, not part of the program."""
    return "__pycache__" in file.parts or file.suffix == ".pyc"
