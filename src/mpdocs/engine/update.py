"""The update mode: rewrite an {output} block's body from a real run.

Only the body of the block changes; its options and the rest of the page stay
as written.  Several test processes may rewrite blocks of one page at once, so
each rewrite holds a lock on the page, re-reads it, and replaces it atomically.
"""

from __future__ import annotations

import fcntl
import os
import tempfile
from pathlib import Path

from sybil import Document

from .lexing import output_blocks


def rewrite_output_block(page: Path, index: int, body: str) -> None:
    with open(page, "rb") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        text = page.read_text(encoding="utf-8")
        block = output_blocks(Document(text, str(page)))[index]
        end = block.body_start + len(block.body)
        new_text = text[:block.body_start] + body + text[end:]
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
