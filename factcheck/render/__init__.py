"""Report renderers: one entry point, :func:`render`, and one module per format.

The helpers below are shared by every format, so that the terminal, Markdown and
HTML reports number findings, mark figures and count verdicts the same way:

* findings are numbered in the order the report lists them (``verdicts.ORDER``,
  most serious first, stable within a verdict);
* a *mark* is a stretch of the text that holds a checked figure, with the numbers
  of the findings that refer to it and the worst of their verdicts.

Renderers must never crash on a strange report (no findings, ``None`` fields,
offsets past the text's ends), so everything read from the report goes through
the defensive accessors here.
"""
from __future__ import annotations

import json
import math
import os
import sys
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from ..verdicts import ORDER

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Document, Finding, Report

FORMATS: tuple[str, ...] = ("text", "json", "markdown", "html")

#: One symbol per verdict, so that a report reads without colour too.
SYMBOLS: dict[str, str] = {
    "inconsistent": "✗",
    "approximate": "≈",
    "unverifiable": "?",
    "derived": "→",
    "consistent": "✓",
}
UNKNOWN_SYMBOL = "•"


def render(
    report: Report,
    fmt: str,
    *,
    console_width: int | None = None,
    color: bool | None = None,
) -> str:
    """Render ``report`` as ``fmt`` (one of :data:`FORMATS`) and return the text.

    ``console_width`` and ``color`` only apply to the ``text`` format; ``color=None``
    means: colour when stdout is a terminal and ``NO_COLOR`` is unset or empty.
    """
    if fmt == "text":
        from .terminal import render_text

        return render_text(report, width=console_width, color=color)
    if fmt == "json":
        return json.dumps(report.to_dict(), ensure_ascii=False, indent=2)
    if fmt == "markdown":
        from .markdown import render_markdown

        return render_markdown(report)
    if fmt == "html":
        from .html import render_html

        return render_html(report)
    raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")


def want_color(color: bool | None = None) -> bool:
    """Resolve ``color=None``: colour iff stdout is a TTY and NO_COLOR is unset/empty."""
    if color is not None:
        return bool(color)
    if os.environ.get("NO_COLOR", ""):
        return False
    stream = sys.stdout
    try:
        return bool(stream is not None and stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False


# --------------------------------------------------------------------------- text


def clean(value: Any, keep: str = "") -> str:
    """A printable one-line string: ``None`` → "", control characters → spaces.

    The length is kept (one space per control character), so offsets computed on
    the original text stay valid on the cleaned one. Characters in ``keep``
    (e.g. ``"\\n"``) are kept.
    """
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if text.isprintable():
        return text
    return "".join(_clean_char(ch, keep) for ch in text)


def _clean_char(ch: str, keep: str) -> str:
    if ch.isprintable() or ch in keep:
        return ch
    category = unicodedata.category(ch)
    if category in ("Cc", "Zl", "Zp"):
        return " "
    if category == "Cs":  # a lone surrogate cannot be encoded
        return "\ufffd"
    return ch


def symbol(verdict: str | None) -> str:
    return SYMBOLS.get(verdict or "", UNKNOWN_SYMBOL)


def rank(verdict: str | None) -> int:
    """Gravity of a verdict: 0 is the most serious; unknown verdicts come last."""
    try:
        return ORDER.index(verdict)  # type: ignore[arg-type]
    except ValueError:
        return len(ORDER)


def worst(verdicts: Iterable[str | None]) -> str:
    return min(verdicts, key=rank, default=None) or "unknown"


def format_deviation(deviation: Any) -> str | None:
    """``-0.0093`` → ``"−0.9 %"``; ``None``/NaN/∞ → ``None``."""
    if isinstance(deviation, bool) or not isinstance(deviation, (int, float)):
        return None
    if not math.isfinite(deviation):
        return None
    pct = deviation * 100
    size = abs(pct)
    if size >= 100:
        digits = f"{size:.0f}"
    elif size >= 0.1:
        digits = f"{size:.1f}"
    else:
        digits = f"{size:.2f}"
    if digits.strip("0.") == "":
        return "0 %"
    return f"{'−' if pct < 0 else '+'}{digits} %"


def title_of(finding: Finding) -> str:
    return clean(getattr(finding, "title", None)) or clean(getattr(finding, "rule", None)) or "(untitled rule)"


def steps_of(finding: Finding) -> list[str]:
    steps = getattr(finding, "steps", None) or ()
    if isinstance(steps, str):
        steps = (steps,)
    return [clean(step) for step in steps if clean(step).strip()]


def date_line(document: Document) -> str:
    """``2020-04-20 (--date)`` or ``no date: conversions unverifiable``."""
    date = getattr(document, "date", None)
    if date is None:
        return "no date: conversions unverifiable"
    text = date.isoformat() if hasattr(date, "isoformat") else clean(date)
    source = clean(getattr(document, "date_source", None))
    return f"{text} ({source})" if source else text


def languages_of(document: Document) -> str:
    try:
        langs = [clean(lang) for lang in document.languages if lang]
    except Exception:  # a document without blocks or a strange one
        langs = [clean(getattr(document, "language", None))]
    return ", ".join(lang for lang in langs if lang) or "und"


def source_of(document: Document) -> str:
    return clean(getattr(document, "source", None)) or "(no source)"


def text_of(document: Document) -> str:
    text = getattr(document, "text", None)
    return text if isinstance(text, str) else ""


# ------------------------------------------------------------------- findings


def numbered(report: Report) -> list[tuple[int, Finding]]:
    """Findings in report order (most serious verdict first), numbered from 1."""
    findings = list(getattr(report, "findings", None) or ())
    ordered = sorted(findings, key=lambda f: rank(getattr(f, "verdict", None)))
    return [(n, finding) for n, finding in enumerate(ordered, start=1)]


def counts(report: Report) -> list[tuple[str, int]]:
    """Non-zero verdict counts, most serious first (unknown verdicts after ORDER)."""
    tally: dict[str, int] = {}
    for finding in getattr(report, "findings", None) or ():
        verdict = clean(getattr(finding, "verdict", None)) or "unknown"
        tally[verdict] = tally.get(verdict, 0) + 1
    return sorted(tally.items(), key=lambda item: (rank(item[0]), item[0]))


def summary_parts(report: Report) -> tuple[list[tuple[str, str]], str]:
    """The one-line summary as ``([(verdict, "2 inconsistent"), ...], tail)``.

    ``tail`` is "no inconsistencies" when there are findings and none is
    inconsistent, "no findings" when there are none, and "" otherwise.
    """
    parts = [(verdict, f"{count} {verdict}") for verdict, count in counts(report)]
    if not parts:
        figures = len(getattr(report, "figures", None) or ())
        if figures:
            noun = "figure" if figures == 1 else "figures"
            return [], f"no findings: {figures} {noun} read, none checked"
        return [], "no findings: no figures found"
    if any(verdict == "inconsistent" for verdict, _ in parts):
        return parts, ""
    return parts, "no inconsistencies"


def summary_line(report: Report) -> str:
    parts, tail = summary_parts(report)
    text = " · ".join(part for _, part in parts)
    if text and tail:
        return f"{text} — {tail}"
    return text or tail


# ---------------------------------------------------------------------- marks


@dataclass(frozen=True)
class Mark:
    """A stretch of the text holding a checked figure."""

    start: int
    end: int
    numbers: tuple[int, ...]  # findings that refer to it, as numbered in the report
    verdict: str  # the worst of their verdicts
    figure_ids: tuple[str, ...]  # figures inside it (may be empty for a bare span)

    @property
    def label(self) -> str:
        return ",".join(str(n) for n in self.numbers)


def _offset(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value):
        return int(value)
    return None


def _span(start: Any, end: Any, length: int) -> tuple[int, int] | None:
    s, e = _offset(start), _offset(end)
    if s is None or e is None:
        return None
    s, e = max(0, min(s, length)), max(0, min(e, length))
    if s > e:
        s, e = e, s
    return (s, e) if s < e else None


def marks(report: Report) -> list[Mark]:
    """Non-overlapping, sorted stretches of text referred to by findings.

    A finding refers to the figures named in ``Finding.figures`` and to the
    ``Finding.spans``; overlapping stretches are merged into one mark.
    """
    text = text_of(report.document)
    length = len(text)
    figures = {}
    for figure in getattr(report, "figures", None) or ():
        fid = getattr(figure, "id", None)
        span = _span(getattr(figure, "start", None), getattr(figure, "end", None), length)
        if fid is not None and span is not None:
            figures.setdefault(str(fid), span)

    raw: list[tuple[int, int, int, str, str | None]] = []
    for n, finding in numbered(report):
        verdict = clean(getattr(finding, "verdict", None)) or "unknown"
        seen: set[tuple[int, int]] = set()
        for fid in getattr(finding, "figures", None) or ():
            span = figures.get(str(fid))
            if span is not None and span not in seen:
                seen.add(span)
                raw.append((span[0], span[1], n, verdict, str(fid)))
        for pair in getattr(finding, "spans", None) or ():
            try:
                start, end = pair[0], pair[1]
            except (TypeError, IndexError, KeyError):
                continue
            span = _span(start, end, length)
            if span is not None and span not in seen:
                seen.add(span)
                raw.append((span[0], span[1], n, verdict, None))

    raw.sort(key=lambda item: (item[0], -item[1]))
    merged: list[list[Any]] = []  # [start, end, {numbers}, [verdicts], [figure ids]]
    for start, end, n, verdict, fid in raw:
        if merged and start < merged[-1][1]:
            current = merged[-1]
            current[1] = max(current[1], end)
        else:
            current = [start, end, set(), [], []]
            merged.append(current)
        current[2].add(n)
        current[3].append(verdict)
        if fid is not None and fid not in current[4]:
            current[4].append(fid)
    return [
        Mark(start, end, tuple(sorted(numbers)), worst(verdicts), tuple(fids))
        for start, end, numbers, verdicts, fids in merged
    ]
