"""The terminal report: what an editor on deadline reads in ten seconds.

Four parts, top to bottom:

1. a header (file, languages, date and where it came from, rate source, warnings);
2. the article's lines that hold checked figures, each figure coloured by its
   worst verdict and followed by the numbers of its findings (``25,8 milliards[2]``);
3. the findings, most serious first, with the verdict spelled out, the message,
   stated/expected/deviation and the steps of the computation;
4. a one-line summary.

Everything is rendered with rich into a string; the verdict words and symbols are
always in the text, so the report reads the same without colour.
"""
from __future__ import annotations

import io
import re
import shutil
from bisect import bisect_left, bisect_right
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console, Group
from rich.padding import Padding
from rich.rule import Rule
from rich.table import Table
from rich.text import Text

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
    summary_parts,
    symbol,
    text_of,
    title_of,
    want_color,
)

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Document, Finding, Report

#: Colour per verdict (the symbol and word carry the meaning without colour).
COLORS: dict[str, str] = {
    "inconsistent": "red",
    "approximate": "yellow",
    "unverifiable": "magenta",
    "derived": "cyan",
    "consistent": "green",
}

ELLIPSIS = "…"
_TRAILING_BLANKS = re.compile(r"(?:[ ]|\x1b\[[0-9;]*m)+$", re.MULTILINE)
_MARKER = re.compile(r"\[[\d,]+\]\s*$")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’»)\]]*\s+")


def color_of(verdict: str | None) -> str:
    return COLORS.get(verdict or "", "blue")


def render_text(report: Report, *, width: int | None = None, color: bool | None = None) -> str:
    """The terminal report as a string (with ANSI styles iff ``color``)."""
    color = want_color(color)
    if width is None:
        width = shutil.get_terminal_size(fallback=(80, 24)).columns
    width = max(1, int(width))
    out = io.StringIO()
    console = Console(
        file=out,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        soft_wrap=False,
        markup=False,
        emoji=False,
        force_jupyter=False,
        force_interactive=False,
        legacy_windows=False,
        tab_size=4,
    )
    for renderable in _report(report, width):
        console.print(renderable)
    # Tables pad their cells to the column width: drop the trailing blanks.
    return _TRAILING_BLANKS.sub(lambda m: m.group().replace(" ", ""), out.getvalue())


def _report(report: Report, width: int) -> list:
    numbered_findings = numbered(report)
    report_marks = marks(report)
    parts: list = [_header(report)]
    if report_marks:
        parts.append(Rule(Text("Checked figures in the article"), style="dim", characters="─"))
        parts.append(_article(report.document, report_marks, width))
    if numbered_findings:
        parts.append(Rule(Text("Findings"), style="dim", characters="─"))
        parts.extend(_findings(numbered_findings))
    parts.append(Rule(style="dim", characters="─"))
    parts.append(_summary(report))
    return parts


# -------------------------------------------------------------------- 1. header


def _header(report: Report) -> Group:
    document = report.document
    title = Text(overflow="fold")
    title.append("factcheck  ", style="dim")
    title.append(source_of(document), style="bold")

    info = Table.grid(padding=(0, 1))
    info.add_column(style="dim", no_wrap=True)
    info.add_column(overflow="fold")
    info.add_row(Text("languages"), Text(languages_of(document)))
    date_text = date_line(document)
    info.add_row(
        Text("date"),
        Text(date_text, style="" if getattr(document, "date", None) else "yellow"),
    )
    rate_source = clean(getattr(report, "rate_source", None))
    if rate_source:
        info.add_row(Text("rates"), Text(rate_source))

    items: list = [title, Padding(info, (0, 0, 0, 2))]
    warnings = [clean(w) for w in getattr(report, "warnings", None) or () if clean(w).strip()]
    if warnings:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, style="bold yellow")
        grid.add_column(overflow="fold", style="yellow")
        for warning in warnings:
            grid.add_row(Text("⚠"), Text(warning.strip()))
        items.append(grid)
    return Group(*items)


# ------------------------------------------------------------------- 2. article


def _article(document: Document, report_marks: list[Mark], width: int) -> Table:
    """The lines holding checked figures, with line numbers as a hanging gutter."""
    text = text_of(document)
    shown = clean(text)  # same length as text: offsets stay valid
    segments = _segments(text, report_marks)
    gutter = len(str(text.count("\n") + 1))
    content_width = max(1, width - gutter - 1)
    boundaries = _sentence_starts(document, shown)

    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True, style="dim", width=gutter)
    grid.add_column(overflow="fold")
    for start, end, seg_marks in segments:
        line = Text(overflow="fold")
        protected: list[tuple[int, int]] = []
        for piece_start, piece_end, lead, trail in _excerpts(
            shown, start, end, seg_marks, content_width, boundaries
        ):
            if lead:
                line.append((" " if line.plain else "") + ELLIPSIS + " ", style="dim")
            protected += _append_marked(line, shown, piece_start, piece_end, seg_marks)
            if trail:
                line.append(" " + ELLIPSIS, style="dim")
        grid.add_row(Text(str(text.count("\n", 0, start) + 1)), _wrap(line, protected, content_width))
    return grid


def _wrap(line: Text, protected: list[tuple[int, int]], width: int) -> Text:
    """Wrap ``line`` to ``width`` cells without breaking a figure and its marker.

    rich breaks at any blank, which would leave "46,4" at the end of one line and
    "%[5]" at the start of the next; here a number stays with the words next to it
    (unless that is wider than a line, then it is folded).
    """
    plain = line.plain
    tokens: list[list[int]] = []
    for match in re.finditer(r"\S+\s*", plain):
        s, e = match.span()
        if tokens and any(ps < s < pe for ps, pe in protected) and _glue(
            plain[tokens[-1][0]:tokens[-1][1]], plain[s:e]
        ):
            tokens[-1][1] = e  # inside a figure: keep the number with its neighbours
        else:
            tokens.append([s, e])
    offsets: list[int] = []
    column = 0
    for s, e in tokens:
        size = cell_len(plain[s:e].rstrip())
        if column and column + size > width and size <= width:
            offsets.append(s)
            column = 0
        position = s
        while cell_len(plain[position:e].rstrip()) > width - column:
            cut, used = position, column
            while cut < e and used + cell_len(plain[cut]) <= width:
                used += cell_len(plain[cut])
                cut += 1
            cut = max(cut, position + 1)  # at least one character per line
            if cut >= e:
                break
            offsets.append(cut)
            position, column = cut, 0
        column += cell_len(plain[position:e])
    if not offsets:
        return line
    lines = line.divide(offsets)
    for piece in lines:
        piece.rstrip()
    return Text("\n", overflow="fold").join(lines)


def _segments(text: str, report_marks: list[Mark]) -> list[tuple[int, int, list[Mark]]]:
    """Lines (trimmed, merged when a mark spans a newline) with the marks they hold."""
    segments: list[list] = []
    for mark in report_marks:
        start = text.rfind("\n", 0, mark.start) + 1
        end = text.find("\n", mark.end)
        if end < 0:
            end = len(text)
        if segments and start < segments[-1][1]:
            segments[-1][1] = max(segments[-1][1], end)
            segments[-1][2].append(mark)
        else:
            segments.append([start, end, [mark]])
    result = []
    for start, end, seg_marks in segments:
        while start < end and text[start].isspace() and start < seg_marks[0].start:
            start += 1
        last = max(m.end for m in seg_marks)
        while end > start and text[end - 1].isspace() and end > last:
            end -= 1
        result.append((start, end, seg_marks))
    return result


def _sentence_starts(document: Document, shown: str) -> list[int]:
    starts = {m.end() for m in _SENTENCE_END.finditer(shown)}
    for sentence in getattr(document, "sentences", None) or ():
        start = getattr(sentence, "start", None)
        if isinstance(start, int) and 0 <= start <= len(shown):
            starts.add(start)
    return sorted(starts)


def _excerpts(
    shown: str,
    start: int,
    end: int,
    seg_marks: list[Mark],
    content_width: int,
    boundaries: list[int],
) -> list[tuple[int, int, bool, bool]]:
    """The stretches of a line to print: all of it when short, else context around figures.

    Returns ``(start, end, ellipsis_before, ellipsis_after)`` tuples.
    """
    content_width = max(20, content_width)
    if end - start <= 3 * content_width:
        return [(start, end, False, False)]
    context = content_width * 3 // 4
    windows: list[list[int]] = []
    for mark in seg_marks:
        lo, hi = max(start, mark.start - context), min(end, mark.end + context)
        # Prefer to begin and end at a sentence boundary within reach...
        # (reaching a little further for a sentence than for a word).
        reach = context // 2
        # the last boundary in [lo - reach, mark.start], the first in [mark.end, hi + reach]
        # (boundaries are sorted; a long page has thousands)
        k = bisect_right(boundaries, mark.start) - 1
        before = k >= 0 and boundaries[k] >= max(start, lo - reach)
        k2 = bisect_left(boundaries, mark.end)
        after = k2 < len(boundaries) and boundaries[k2] <= min(end, hi + reach)
        if lo > start:
            if before:
                lo = boundaries[k]
            else:  # ...else at a word boundary.
                space = shown.find(" ", lo, mark.start)
                if space >= 0:
                    lo = space + 1
        if hi < end:
            if after:
                hi = boundaries[k2]
            else:
                space = shown.rfind(" ", mark.end, hi)
                if space >= 0:
                    hi = space
        while lo < mark.start and shown[lo].isspace():
            lo += 1
        while hi > mark.end and shown[hi - 1].isspace():
            hi -= 1
        if windows and lo <= windows[-1][1] + 12:
            windows[-1][1] = max(windows[-1][1], hi)
        else:
            windows.append([lo, hi])
    result = []
    for i, (lo, hi) in enumerate(windows):
        lead = lo > start if i == 0 else True
        trail = hi < end and i == len(windows) - 1
        result.append((lo, hi, lead, trail))
    return result


def _glue(previous: str, token: str) -> bool:
    """Whether a break between two words of one figure would split the number."""
    token = _MARKER.sub("", token)  # "d’euros[3]": the 3 is not part of the figure
    words = previous.split()
    previous = words[-1] if words else ""
    return (
        any(ch.isdigit() for ch in previous)
        or any(ch.isdigit() for ch in token)
        or cell_len(token.strip()) <= 4
    )


def _append_marked(
    line: Text, shown: str, start: int, end: int, seg_marks: list[Mark]
) -> list[tuple[int, int]]:
    """Append ``shown[start:end]`` with its figures styled and numbered; return their ranges in ``line``."""
    ranges = []
    position = start
    for mark in seg_marks:
        if mark.end <= start or mark.start >= end:
            continue
        lo, hi = max(mark.start, start), min(mark.end, end)
        if lo > position:
            line.append(shown[position:lo])
        style = f"bold {color_of(mark.verdict)}"
        begin = len(line)
        line.append(shown[lo:hi], style=style + " underline")
        line.append(f"[{mark.label}]", style=style)
        ranges.append((begin, len(line)))
        position = hi
    if position < end:
        line.append(shown[position:end])
    return ranges


# ------------------------------------------------------------------ 3. findings


def _findings(numbered_findings: list[tuple[int, Finding]]) -> list:
    label_width = len(f"[{numbered_findings[-1][0]}]")
    parts: list = []
    previous = None
    for n, finding in numbered_findings:
        verdict = clean(getattr(finding, "verdict", None)) or "unknown"
        if previous is not None and verdict != previous:
            parts.append(Text(""))
        previous = verdict
        parts.append(_finding(n, finding, verdict, label_width))
    return parts


def _finding(n: int, finding: Finding, verdict: str, label_width: int) -> Table:
    style = color_of(verdict)
    head = Text(overflow="fold")
    head.append(f"{symbol(verdict)} {verdict.upper()}", style=f"bold {style}")
    head.append("  ")
    head.append(title_of(finding), style="bold")
    body: list = [head]

    message = clean(getattr(finding, "message", None)).strip()
    if message:
        body.append(Text(message, overflow="fold"))

    figures = Text(overflow="fold")
    stated = clean(getattr(finding, "stated", None)).strip()
    expected = clean(getattr(finding, "expected", None)).strip()
    deviation = format_deviation(getattr(finding, "deviation", None))
    for label, value, value_style in (
        ("stated", stated, ""),
        ("expected", expected, ""),
        ("deviation", deviation, f"bold {style}"),
    ):
        if not value:
            continue
        if figures:
            figures.append(" · ", style="dim")
        figures.append(label + " ", style="dim")
        figures.append(value, style=value_style)
    if figures:
        body.append(figures)

    steps = steps_of(finding)
    if steps:
        grid = Table.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, style="dim")
        grid.add_column(overflow="fold")
        for step in steps:
            grid.add_row(Text("•"), Text(step.strip(), style="dim"))
        body.append(Padding(grid, (0, 0, 0, 2)))

    row = Table.grid(padding=(0, 1))
    row.add_column(no_wrap=True, justify="right", width=label_width)
    row.add_column(overflow="fold")
    row.add_row(Text(f"[{n}]", style=f"bold {style}"), Group(*body))
    return row


# ------------------------------------------------------------------- 4. summary


def _summary(report: Report) -> Text:
    parts, tail = summary_parts(report)
    line = Text(overflow="fold")
    for i, (verdict, part) in enumerate(parts):
        if i:
            line.append(" · ", style="dim")
        line.append(part, style=f"bold {color_of(verdict)}" if verdict == "inconsistent" else color_of(verdict))
    if tail:
        if parts:
            line.append(" — ", style="dim")
        line.append(tail, style="bold green" if tail == "no inconsistencies" else "dim")
    return line
