"""The update mode: rewrite an {output} block's body from a real run.

Only the body of the block changes; its options and the rest of the page stay
as written.  Several test processes may rewrite blocks of one page at once, so
each rewrite holds a lock on the page's folder (the page itself is replaced, so
a lock on it would not be shared by the next writer), re-reads the page, finds
the block by its position among the page's {output} blocks, refuses if that
block no longer reads as it did when the page was collected, and replaces the
page atomically.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .lexing import Block, Kind, blocks


class UpdateError(RuntimeError):
    """The page cannot be rewritten as asked."""


def output_blocks(text: str) -> list[Block]:
    return [block for block in blocks(text) if block.kind == Kind.OUTPUT]


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    handle = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield
    finally:
        os.close(handle)  # releases the lock


def rewrite_block(page: Path, index: int, was: Block, body: str) -> None:
    """Replace the body of the page's ``index``-th {output} block, which read as ``was``."""
    with locked(page.parent):
        text = page.read_text(encoding="utf-8")
        found = output_blocks(text)
        if index >= len(found) or found[index].body != was.body or found[index].options != was.options:
            raise UpdateError(f"the {{output}} block at offset {was.start} changed while updating")
        block = found[index]
        indented = "".join(block.indent + line if line.strip() else line
                           for line in body.splitlines(keepends=True))
        new_text = text[:block.body_start] + indented + text[block.body_end:]
        if output_blocks(new_text)[index].body != body:
            raise UpdateError("the rewritten block would not read back as written")
        if new_text != text:
            write_atomically(page, new_text)


def write_atomically(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        os.chmod(temporary, path.stat().st_mode)
        os.replace(temporary, path)
    except BaseException:
        os.unlink(temporary)
        raise
