"""The one error type the CLI turns into a one-line message and exit code 2."""
from __future__ import annotations


class InputError(ValueError):
    """Bad input from the user: a file, a date, a rule, a lexicon.

    The message is the whole line shown to the user, starting with the file (and
    line where it helps), so it must make sense on its own.
    """
