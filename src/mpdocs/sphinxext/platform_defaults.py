"""Which start method each platform uses by default: the one table the site states it from.

The labels of per-method output blocks and tabs ("Windows、macOS 的默认") and the
tab script's first guess of the reader's start method are both derived from
:data:`DEFAULT_USES`, so the page and the guess cannot disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from mpdocs.engine.settings import MATRIX


@dataclass(frozen=True)
class DefaultUse:
    """A start method is the default on these platforms, for the releases from ``since`` to ``until``."""

    method: str
    platforms: tuple[str, ...]  # named as navigator.userAgentData.platform names them
    since: tuple[int, int] | None = None
    until: tuple[int, int] | None = None  # inclusive

    def applies(self, release: Sequence[int]) -> bool:
        minor = tuple(release[:2])
        return (self.since is None or minor >= self.since) and (self.until is None or minor <= self.until)

    def phrase(self) -> str:
        """For readers: ``Linux 上 Python 3.13 及以前的默认``."""
        where = "、".join(self.platforms)
        if self.since:
            return f"{where} 上 Python {release_text(self.since)} 起的默认"
        if self.until:
            return f"{where} 上 Python {release_text(self.until)} 及以前的默认"
        return f"{where} 的默认"


# Python 3.14 made forkserver the default on Linux; macOS has used spawn since 3.8, Windows only has spawn.
DEFAULT_USES = (
    DefaultUse("fork", ("Linux",), until=(3, 13)),
    DefaultUse("spawn", ("Windows", "macOS")),
    DefaultUse("forkserver", ("Linux",), since=(3, 14)),
)

#: The releases the site is checked on, as readers name them (``3.14``), oldest first.
RELEASES = tuple(dict.fromkeys(f"{version[0]}.{version[1]}" for version in MATRIX))


def release_text(release: Sequence[int]) -> str:
    return ".".join(map(str, release[:2]))


def checked_version(release: str) -> tuple[int, ...]:
    """The version the site checks for a release a reader names: ``3.13`` -> (3, 13, 99)."""
    return next(version for version in MATRIX if release_text(version) == release)


def default_phrase(methods: Iterable[str]) -> str:
    """Where each of ``methods`` is the default: for one ``Windows、macOS 的默认``, for several
    ``spawn 是 Windows、macOS 的默认，forkserver 是 …``."""
    uses = [use for method in methods for use in DEFAULT_USES if use.method == method]
    if len(uses) == 1:
        return uses[0].phrase()
    return "，".join(f"{use.method} 是 {use.phrase()}" for use in uses)


def guesses() -> dict[str, dict[str, str]]:
    """platform -> release -> the start method a program gets there by default."""
    platforms = dict.fromkeys(platform for use in DEFAULT_USES for platform in use.platforms)
    return {platform: {release: use.method for release in RELEASES for use in DEFAULT_USES
                       if platform in use.platforms and use.applies(checked_version(release))}
            for platform in platforms}
