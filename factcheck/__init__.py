"""factcheck: fact-check the financial figures in news articles.

Public API (see DESIGN.md, "Contracts"): ``extract`` and ``check``.
"""
from __future__ import annotations

from .figures import extract
from .model import Document, Figure, Finding, Report

__all__ = ["extract", "check", "Document", "Figure", "Finding", "Report"]
__version__ = "0.1.0"


def check(text: str, date=None, language: str | None = None, rules=None) -> Report:  # type: ignore[no-untyped-def]
    """Check ``text`` and return its Report (``Report.to_dict()`` is the JSON contract)."""
    from .checks import check_text

    return check_text(text, date=date, language=language, rules=rules)
