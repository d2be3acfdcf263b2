"""The report as one self-contained, annotated HTML page.

The whole article (HTML-escaped, in its blocks or blank-line paragraphs), each
checked figure in a ``<mark class="v-VERDICT">`` coloured by its worst verdict
and followed by superscript links to its findings; then the findings, each with
an anchor and links back to its figures; and the summary. Inline CSS, no
script, no external resource; the verdict is always written out, so the page
reads without colour (and prints).
"""
from __future__ import annotations

import re
from html import escape as _escape
from typing import TYPE_CHECKING, Any

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
)

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Document, Finding, Report

_LANG = re.compile(r"^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$")
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]+")
_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_TAGS = {"title": "h2", "caption": "p", "noise": "p", "paragraph": "p"}

CSS = """
:root { --inconsistent: #c62828; --approximate: #a15c00; --unverifiable: #7b1fa2;
  --derived: #00796b; --consistent: #2e7d32; --unknown: #455a64; --muted: #5f6368; }
* { box-sizing: border-box; }
body { font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b;
  background: #fff; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; overflow-wrap: anywhere; }
h1 { font-size: 1.4rem; margin-bottom: .25rem; }
h2.section { font-size: 1.1rem; border-bottom: 1px solid #ddd; padding-bottom: .2rem; margin-top: 2rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0 1rem; margin: .5rem 0; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; }
ul.warnings { list-style: none; padding: .4rem .8rem; background: #fff8e1; border-left: 4px solid #f9a825; }
.summary { font-weight: 600; }
article { border: 1px solid #e0e0e0; border-radius: 6px; padding: .5rem 1.25rem; }
article h2 { font-size: 1.25rem; }
article .caption { font-style: italic; color: var(--muted); }
article .noise { color: #9e9e9e; font-size: .85em; }
mark { color: inherit; border-radius: 3px; padding: 0 .15em; }
mark.v-inconsistent { background: #ffcdd2; box-shadow: inset 0 -2px var(--inconsistent); }
mark.v-approximate { background: #ffecb3; box-shadow: inset 0 -2px var(--approximate); }
mark.v-unverifiable { background: #e1bee7; box-shadow: inset 0 -2px var(--unverifiable); }
mark.v-derived { background: #b2ebf2; box-shadow: inset 0 -2px var(--derived); }
mark.v-consistent { background: #c8e6c9; box-shadow: inset 0 -2px var(--consistent); }
mark.v-unknown { background: #cfd8dc; box-shadow: inset 0 -2px var(--unknown); }
span.figure { border-bottom: 1px dotted #9e9e9e; }
sup.refs a, .backrefs a { text-decoration: none; font-weight: 600; }
.v-inconsistent { --v: var(--inconsistent); } .v-approximate { --v: var(--approximate); }
.v-unverifiable { --v: var(--unverifiable); } .v-derived { --v: var(--derived); }
.v-consistent { --v: var(--consistent); } .v-unknown { --v: var(--unknown); }
sup.refs a, .verdict, .count { color: var(--v, inherit); }
ol.findings { list-style: none; padding: 0; }
ol.findings > li { border-left: 4px solid var(--v); padding: .2rem 0 .2rem .8rem; margin: 1rem 0; }
ol.findings p { margin: .2rem 0; }
.verdict { font-weight: 700; letter-spacing: .03em; }
.numbers, .backrefs { color: var(--muted); font-size: .95em; }
ol.steps { margin: .3rem 0; color: #333; }
:target { outline: 2px solid #1565c0; outline-offset: 2px; }
@media (prefers-color-scheme: dark) {
  body { background: #121212; color: #e6e6e6; } article { border-color: #333; }
  mark { color: #111; } ol.steps { color: #ccc; } ul.warnings { background: #2b2414; }
}
"""


def esc(value: Any) -> str:
    return _escape(clean(value), quote=True)


def lang_attr(value: Any) -> str | None:
    lang = clean(value).strip()
    return lang if _LANG.match(lang) else None


def render_html(report: Report) -> str:
    document = report.document
    text = clean(text_of(document), keep="\n\t")
    findings = numbered(report)
    by_number = {n: finding for n, finding in findings}
    report_marks = marks(report)
    mark_ids = _mark_ids(report_marks)

    source = esc(source_of(document))
    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{lang_attr(getattr(document, "language", None)) or "und"}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="factcheck">',
        f"<title>Fact-check: {source}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>Fact-check: {source}</h1>",
        '<dl class="facts">',
        f"<dt>languages</dt><dd>{esc(languages_of(document))}</dd>",
        f"<dt>date</dt><dd>{esc(date_line(document))}</dd>",
    ]
    rate_source = clean(getattr(report, "rate_source", None)).strip()
    if rate_source:
        out.append(f"<dt>rates</dt><dd>{esc(rate_source)}</dd>")
    out.append("</dl>")
    warnings = [clean(w).strip() for w in getattr(report, "warnings", None) or ()]
    warnings = [w for w in warnings if w]
    if warnings:
        out.append('<ul class="warnings">')
        out += [f"<li>⚠ {esc(w)}</li>" for w in warnings]
        out.append("</ul>")
    out.append(_summary(report))
    out.append("</header>")

    out.append("<main>")
    out.append('<h2 class="section">Article</h2>')
    out.append("<article>")
    unchecked = _unchecked(report, report_marks, len(text))
    emitted: set[str] = set()  # mark ids placed in the article
    for start, end, kind, lang in _regions(document, text):
        tag = _TAGS.get(kind, "p")
        attrs = f' class="{esc(kind)}"' if kind in ("caption", "noise") else ""
        if lang and lang != lang_attr(getattr(document, "language", None)):
            attrs += f' lang="{lang}"'
        body = _annotate(text, start, end, report_marks, mark_ids, unchecked, by_number, emitted)
        out.append(f"<{tag}{attrs}>{body}</{tag}>")
    if not text.strip():
        out.append('<p class="noise">(empty text)</p>')
    out.append("</article>")

    if findings:
        out.append('<h2 class="section">Findings</h2>')
        out.append('<ol class="findings">')
        for n, finding in findings:
            out.append(_finding(n, finding, report_marks, mark_ids, emitted, text))
        out.append("</ol>")
    out.append("</main>")
    out.append("<footer>")
    out.append(_summary(report))
    out.append("</footer>")
    out.append("</body>")
    out.append("</html>")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------- parts


def _summary(report: Report) -> str:
    parts, tail = summary_parts(report)
    pieces = [
        f'<span class="count v-{_class(verdict)}">{esc(part)}</span>' for verdict, part in parts
    ]
    line = " · ".join(pieces)
    if tail:
        line = f"{line} — {esc(tail)}" if line else esc(tail)
    return f'<p class="summary">{line}</p>'


def _finding(
    n: int, finding: Finding, report_marks: list[Mark], mark_ids: dict, emitted: set[str], text: str
) -> str:
    verdict = clean(getattr(finding, "verdict", None)) or "unknown"
    out = [
        f'<li id="finding-{n}" class="finding v-{_class(verdict)}">',
        f'<p class="head">[{n}] <span class="verdict">{esc(symbol(verdict))} {esc(verdict.upper())}</span>'
        f" <strong>{esc(title_of(finding))}</strong></p>",
    ]
    message = clean(getattr(finding, "message", None)).strip()
    if message:
        out.append(f'<p class="message">{esc(message)}</p>')
    numbers = []
    for label, value in (
        ("stated", clean(getattr(finding, "stated", None)).strip()),
        ("expected", clean(getattr(finding, "expected", None)).strip()),
        ("deviation", format_deviation(getattr(finding, "deviation", None))),
    ):
        if value:
            numbers.append(f"{label} <strong>{esc(value)}</strong>")
    if numbers:
        out.append(f'<p class="numbers">{" · ".join(numbers)}</p>')
    steps = steps_of(finding)
    if steps:
        out.append('<ol class="steps">')
        out += [f"<li>{esc(step.strip())}</li>" for step in steps]
        out.append("</ol>")
    refs = [
        f'<a href="#{mark_ids[m]}">{esc(" ".join(text[m.start:m.end].split()))}</a>'
        for m in report_marks
        if n in m.numbers and mark_ids[m] in emitted
    ]
    if refs:
        out.append(f'<p class="backrefs">in the text: {", ".join(refs)}</p>')
    out.append("</li>")
    return "\n".join(out)


def _class(verdict: str) -> str:
    return verdict if verdict in ("inconsistent", "approximate", "unverifiable", "derived", "consistent") else "unknown"


def _mark_ids(report_marks: list[Mark]) -> dict[Mark, str]:
    ids: dict[Mark, str] = {}
    used: set[str] = set()
    for mark in report_marks:
        base = f"fig-{mark.figure_ids[0]}" if mark.figure_ids else f"span-{mark.start}-{mark.end}"
        base = _ID_UNSAFE.sub("-", base)
        candidate, k = base, 2
        while candidate in used:
            candidate, k = f"{base}-{k}", k + 1
        used.add(candidate)
        ids[mark] = candidate
    return ids


def _unchecked(report: Report, report_marks: list[Mark], length: int) -> list[tuple[int, int, str]]:
    """Figures no finding refers to, outside every mark: shown with a dotted underline."""
    spans = []
    for figure in getattr(report, "figures", None) or ():
        start, end = getattr(figure, "start", None), getattr(figure, "end", None)
        if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool):
            continue
        start, end = max(0, start), min(length, end)
        if start >= end or any(m.start < end and start < m.end for m in report_marks):
            continue
        spans.append((start, end, clean(getattr(figure, "id", None))))
    spans.sort()
    result: list[tuple[int, int, str]] = []
    for span in spans:
        if not result or span[0] >= result[-1][1]:
            result.append(span)
    return result


# -------------------------------------------------------------------- article


def _regions(document: Document, text: str) -> list[tuple[int, int, str, str | None]]:
    """The article as blocks (or blank-line paragraphs), covering every visible character."""
    length = len(text)
    blocks = []
    for block in getattr(document, "blocks", None) or ():
        start, end = getattr(block, "start", None), getattr(block, "end", None)
        if isinstance(start, int) and isinstance(end, int):
            start, end = max(0, start), min(length, end)
            if start < end:
                kind = clean(getattr(block, "kind", None)) or "paragraph"
                blocks.append((start, end, kind, lang_attr(getattr(block, "language", None))))
    blocks.sort()
    regions: list[tuple[int, int, str, str | None]] = []
    position = 0
    for start, end, kind, lang in blocks:
        start = max(start, position)
        if start >= end:
            continue
        regions += _paragraphs(text, position, start)
        regions += [(s, e, kind, lang) for s, e, _, _ in _paragraphs(text, start, end)]
        position = end
    regions += _paragraphs(text, position, length)
    return regions


def _paragraphs(text: str, start: int, end: int) -> list[tuple[int, int, str, str | None]]:
    result = []
    position = start
    for match in _BLANK_LINES.finditer(text, start, end):
        result.append((position, match.start()))
        position = match.end()
    result.append((position, end))
    regions = []
    for s, e in result:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            regions.append((s, e, "paragraph", None))
    return regions


def _annotate(
    text: str,
    start: int,
    end: int,
    report_marks: list[Mark],
    mark_ids: dict[Mark, str],
    unchecked: list[tuple[int, int, str]],
    by_number: dict[int, Finding],
    emitted: set[str],
) -> str:
    events = [(m.start, m.end, m) for m in report_marks if m.start < end and start < m.end]
    events += [(s, e, fid) for s, e, fid in unchecked if s < end and start < e]
    events.sort(key=lambda item: item[0])
    out: list[str] = []
    position = start
    for s, e, what in events:
        lo, hi = max(s, start, position), min(e, end)
        if lo >= hi:
            continue
        out.append(_plain(text[position:lo]))
        inner = _plain(text[lo:hi])
        if isinstance(what, Mark):
            title = "\n".join(_tooltip(n, by_number[n]) for n in what.numbers)
            ident = mark_ids[what]
            id_attr = "" if ident in emitted else f' id="{ident}"'  # on the first piece only
            emitted.add(ident)
            out.append(f'<mark class="v-{_class(what.verdict)}"{id_attr} title="{esc(title)}">{inner}</mark>')
            if hi == what.end:
                links = ",".join(f'<a href="#finding-{n}">{n}</a>' for n in what.numbers)
                out.append(f'<sup class="refs v-{_class(what.verdict)}">{links}</sup>')
        else:
            out.append(f'<span class="figure" title="figure {esc(what)}: not checked">{inner}</span>')
        position = hi
    out.append(_plain(text[position:end]))
    return "".join(out)


def _tooltip(n: int, finding: Finding) -> str:
    """``[2] approximate: Currency conversion — <message>`` (the message shortened)."""
    verdict = clean(getattr(finding, "verdict", None)) or "unknown"
    message = " ".join(clean(getattr(finding, "message", None)).split())
    if len(message) > 200:
        message = message[:199] + "…"
    head = f"[{n}] {symbol(verdict)} {verdict}: {title_of(finding)}"
    return f"{head} — {message}" if message else head


def _plain(chunk: str) -> str:
    return _escape(chunk, quote=True).replace("\n", "<br>\n")
