"""Hard-wrapped paragraphs (text pasted from an e-mail or a file wrapped at a fixed width)
are read as whole sentences, while lines that stand alone (headline, rows, bullets) stay lines."""
from __future__ import annotations

from factcheck import document
from factcheck.checks import Rates, check_document

WRAPPED_DE = """Zalando wächst langsamer

Der Online-Händler hat im dritten Quartal 1,19 Mrd. Euro umgesetzt, nach
1,07 Mrd. Euro im Vorjahresquartal. Die Zahl der Bestellungen legte von 22,1 Millionen
auf 28,9 Millionen zu, ein Anstieg um 23,5 Prozent.
"""


def test_wrapped_lines_are_one_paragraph_with_the_same_offsets() -> None:
    text = WRAPPED_DE
    out = document.unwrap(text)
    assert len(out) == len(text)
    assert out.split("\n\n")[0] == "Zalando wächst langsamer"
    # the two wraps inside the paragraph are spaces now; its final line break stays
    assert out.split("\n\n")[1].count("\n") == 1


def test_a_change_cut_across_lines_is_checked() -> None:
    # (28.9 - 22.1) / 22.1 = 30.8 %, not 23.5 % (23.5 % is 6.8 / 28.9: the later value as base)
    doc = document.build("t", WRAPPED_DE, language="de")
    bad = [f for f in check_document(doc, None, Rates()).findings if f.verdict == "inconsistent"]
    assert any("23,5 Prozent" in f.message for f in bad)


def test_rows_bullets_headline_and_caption_stay_lines() -> None:
    text = ("Alibaba mise 25 milliards sur le cloud\nPhoto Reuters\n\nLes chiffres clés du trimestre\n"
            "Chiffre d'affaires : 30,02 milliards d'euros\nRésultat net : 934 millions d'euros\n"
            "- trafic en hausse de 12 %\n- marge de 5,8 %\n")
    assert document.unwrap(text) == text


def test_front_matter_is_left_alone() -> None:
    text = "---\ndate: 2024-01-24\nlang: de\n---\nSAP wächst in der Cloud um 25 Prozent\n"
    assert document.unwrap(text) == text


def test_a_lower_case_line_goes_on_with_a_row_it_wraps() -> None:
    text = "Umsatz: 48 Milliarden Euro, nach 44 Milliarden Euro im Vorjahr,\nein Plus von 9 Prozent.\n"
    assert document.unwrap(text) == text.replace(",\nein", ", ein")


def test_a_line_ending_on_a_scale_word_goes_on_with_its_currency() -> None:
    # German capitalises the currency that opens the next line: "350 Millionen" / "Euro im Monat"
    # is one figure; 3 Mrd. / 12 = 250 Mio. a month, not 350
    text = ("Zuschuss bleibt\n\nDas Ticket kostet Bund und Länder jährlich 3 Milliarden Euro, also 350 Millionen\n"
            "Euro im Monat. Der Bund trägt die Hälfte.\n")
    assert document.unwrap(text) == text.replace("Millionen\nEuro", "Millionen Euro")
    doc = document.build("t", text, language="de")
    bad = [f for f in check_document(doc, None, Rates()).findings if f.verdict == "inconsistent"]
    assert any("350 Millionen Euro" in f.message for f in bad)


def test_a_subheading_ending_on_a_word_stays_a_line() -> None:
    # no scale word at the end of the line: a short line before prose keeps its break
    text = "Titel\n\nDer Umsatz im Überblick\nDer Konzern setzte 3 Milliarden Euro um.\n"
    assert document.unwrap(text) == text
