"""The report as Markdown (CommonMark / GitHub): for review tools, tickets and chats.

Heading and document facts, the summary, a table of findings, the steps of each
finding as a list, then the article's lines holding checked figures as quotes,
the figures in **bold** followed by their finding numbers.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from . import (
    Mark,
    clean,
    date_line,
    format_deviation,
    languages_of,
    marks,
    numbered,
    source_of,
    steps_of,
    summary_line,
    symbol,
    text_of,
    title_of,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Report

# Every ASCII punctuation character may be backslash-escaped in CommonMark; these
# are the ones that can start markup inside a line ($ for renderers with maths).
# Text never starts a line here (always after a prefix), so # + - = need no escape.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")


def escape(value: object) -> str:
    """Inline Markdown text: one line, markup characters escaped."""
    text = " ".join(clean(value).split())
    return _SPECIAL.sub(r"\\\1", text)


_BLOCK_START = re.compile(r"^(?:[#=+>-]|\d{1,9}(?=[.)]))")


def escape_block(value: object) -> str:
    """:func:`escape` for text that starts a line: no heading, list or quote marker."""
    text = escape(value)
    match = _BLOCK_START.match(text)
    if match is None:
        return text
    if match.group()[0].isdigit():  # "1. foo" → "1\. foo"
        return text[: match.end()] + "\\" + text[match.end():]
    return "\\" + text


def render_markdown(report: Report) -> str:
    document = report.document
    out: list[str] = [f"# Fact-check: {escape(source_of(document))}", ""]
    out.append(f"- **Languages:** {escape(languages_of(document))}")
    out.append(f"- **Date:** {escape(date_line(document))}")
    rate_source = clean(getattr(report, "rate_source", None)).strip()
    if rate_source:
        out.append(f"- **Rates:** {escape(rate_source)}")
    out.append("")
    warnings = [escape(w) for w in getattr(report, "warnings", None) or () if clean(w).strip()]
    for warning in warnings:
        out.append(f"> ⚠ {warning}")
        out.append(">")
    if warnings:
        out[-1] = ""

    out.append(f"**Summary:** {escape(summary_line(report))}")
    out.append("")

    findings = numbered(report)
    if findings:
        out += ["## Findings", ""]
        out.append("| # | Verdict | Rule | Stated | Expected | Deviation |")
        out.append("|--:|---|---|---|---|--:|")
        for n, finding in findings:
            verdict = clean(getattr(finding, "verdict", None)) or "unknown"
            cells = [
                str(n),
                f"{symbol(verdict)} {escape(verdict)}",
                escape(title_of(finding)),
                escape(getattr(finding, "stated", None)),
                escape(getattr(finding, "expected", None)),
                escape(format_deviation(getattr(finding, "deviation", None))),
            ]
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
        for n, finding in findings:
            verdict = clean(getattr(finding, "verdict", None)) or "unknown"
            out.append(f"### {n}. {symbol(verdict)} {escape(verdict.upper())}: {escape(title_of(finding))}")
            out.append("")
            message = escape_block(getattr(finding, "message", None))
            if message:
                out += [message, ""]
            steps = steps_of(finding)
            if steps:
                out += [f"- {escape_block(step)}" for step in steps]
                out.append("")

    report_marks = marks(report)
    if report_marks:
        out += ["## Checked figures in the article", ""]
        text = text_of(document)
        for line_number, start, end, line_marks in _lines(text, report_marks):
            out.append(f"> **line {line_number}:** {_quote(text, start, end, line_marks)}")
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def _lines(text: str, report_marks: list[Mark]) -> list[tuple[int, int, int, list[Mark]]]:
    lines: list[list] = []
    for mark in report_marks:
        start = text.rfind("\n", 0, mark.start) + 1
        end = text.find("\n", mark.end)
        end = len(text) if end < 0 else end
        if lines and start < lines[-1][2]:
            lines[-1][2] = max(lines[-1][2], end)
            lines[-1][3].append(mark)
        else:
            lines.append([text.count("\n", 0, start) + 1, start, end, [mark]])
    return [tuple(line) for line in lines]  # type: ignore[misc]


def _quote(text: str, start: int, end: int, line_marks: list[Mark]) -> str:
    pieces: list[str] = []
    position = start
    for mark in line_marks:
        pieces.append(escape_keep_spaces(text[position:mark.start]))
        figure = escape(text[mark.start:mark.end])
        pieces.append(f"**{figure}**\\[{mark.label}\\]" if figure else "")
        position = mark.end
    pieces.append(escape_keep_spaces(text[position:end]))
    return " ".join("".join(pieces).split())


def escape_keep_spaces(value: str) -> str:
    """Like :func:`escape`, but keeps the blanks at both ends (they separate words)."""
    text = _SPECIAL.sub(r"\\\1", clean(value))
    return text.replace("\n", " ")
