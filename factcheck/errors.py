"""The one error type the CLI turns into a one-line message and exit code 2."""
from __future__ import annotations

from pathlib import Path


class InputError(ValueError):
    """Bad input from the user: a file, a date, a rule, a lexicon.

    The message is the whole line shown to the user, starting with the file (and
    line where it helps), so it must make sense on its own.
    """


def read_bytes(path: Path, what: str, error: type[InputError] = InputError) -> bytes:
    """A file's bytes, or one line saying why not (no such file, a folder, no permission)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise error(f"{path}: no such file") from None
    except IsADirectoryError:
        raise error(f"{path}: is a directory, not {what}") from None
    except OSError as exc:
        raise error(f"{path}: cannot read: {exc.strerror or exc}") from None
