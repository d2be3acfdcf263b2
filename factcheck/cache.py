"""Values built from the YAML data, kept on disk between runs.

A one-article run spent most of its second parsing and validating some 40,000 lines
of rules and compiling seven lexicons, most of them only to weigh stopwords. What
that work builds depends on nothing but the files it reads, the code that reads
them and the Python that pickles the result: an entry is keyed by a digest of all
three, so a stale one is never read (an edited rule makes another key) and no
entry needs invalidating.

Entries live in the user cache directory (platformdirs, as the downloaded rates
do), written aside then renamed so that a run beside never reads half a file. A
cache that cannot be read or written costs the parse, never an error.
"""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

import platformdirs

T = TypeVar("T")

OFF_ENV = "FACTCHECK_NO_CACHE"  # set to anything: build at every run, store nothing
ENTRIES = 8  # kept per kind: every edit of a rule makes a key, the oldest go


def cached(kind: str, sources: Iterable[Path], build: Callable[[], T], check: Callable[[object], bool]) -> T:
    """``build()``, or the entry stored for the same ``sources`` (names and bytes),
    code and Python. ``check`` tells a well-formed entry (an entry of another
    shape, from a pickle that loads into changed classes, is rebuilt)."""
    if os.environ.get(OFF_ENV):
        return build()
    target = _folder() / f"{kind}-{_digest(kind, sources)}.pickle"
    try:
        with open(target, "rb") as fh:
            got = pickle.load(fh)
        if check(got):
            return got  # type: ignore[no-any-return]
    except Exception:  # noqa: BLE001 - no entry, or one that cannot be read: a miss
        pass
    value = build()
    _store(target, kind, value)
    return value


def _folder() -> Path:
    """Looked up at call time, so that ``XDG_CACHE_HOME`` (the tests') is honoured."""
    return Path(platformdirs.user_cache_dir("factcheck"))


def _digest(kind: str, sources: Iterable[Path]) -> str:
    h = hashlib.sha256(f"{kind}\0{sys.version}\0{_code_digest()}".encode())
    for f in sources:
        h.update(b"\0" + str(f).encode() + b"\0")
        h.update(f.read_bytes())
    return h.hexdigest()[:32]


@functools.cache
def _code_digest() -> str:
    """factcheck's own code, read once a run whatever the kinds looked up."""
    h = hashlib.sha256()
    for f in sorted(Path(__file__).resolve().parent.glob("*.py")):
        h.update(b"\0" + f.name.encode() + b"\0")
        h.update(f.read_bytes())
    return h.hexdigest()


def _store(target: Path, kind: str, value: object) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(f"{target.name}.{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, target)
        entries = sorted(target.parent.glob(f"{kind}-*.pickle"), key=lambda f: f.stat().st_mtime, reverse=True)
        for old in entries[ENTRIES:]:
            old.unlink(missing_ok=True)
    except OSError:
        return
