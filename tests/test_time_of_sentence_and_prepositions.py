"""Two readings of the words before a figure.

A time that opens a sentence ("Toen", "A year earlier,") is the time of every figure in it: a
ratio told in that sentence pairs its figures, none of them a base of another. And a
preposition governs the figure right after it: in "sales from 296 stores, or about 19 million
pounds a store" the "from" is the 296's, not a word that makes the 19 million a base."""

from __future__ import annotations

from factcheck.checks import check_text


def _verdicts(text: str, language: str) -> list[str]:
    return [f.verdict for f in check_text(text, language=language).findings]


def test_a_time_opening_the_sentence_pairs_its_figures() -> None:
    # 98e6 / 52e6 kg = €1.88 a kilo, not €1.52
    wrong = "Toen werd 52 miljoen kilo geveild, voor in totaal 98 miljoen euro; gemiddeld €1,52 per kilo."
    assert "inconsistent" in _verdicts(wrong, "nl")
    right = wrong.replace("€1,52", "€1,88")
    assert "inconsistent" not in _verdicts(right, "nl") and "consistent" in _verdicts(right, "nl")
    # the same in German, "Ein Jahr zuvor" opening the sentence
    de = "Ein Jahr zuvor wurden 52 Millionen Kilo für insgesamt 98 Millionen Euro verkauft, im Schnitt 1,52 Euro je Kilo."
    assert "inconsistent" in _verdicts(de, "de")


def test_a_time_opening_another_sentence_still_marks_a_base() -> None:
    # last year's 52 million kilos are no volume of this year's €98 million
    text = ("Dit jaar bracht de veiling 98 miljoen euro op, gemiddeld €2,45 per kilo. "
            "Een jaar eerder werd 52 miljoen kilo geveild.")
    assert "inconsistent" not in _verdicts(text, "nl")


def test_a_preposition_governs_only_the_figure_after_it() -> None:
    # 4.6e9 / 296 = 15.5 million pounds a store
    text = "In Britain, B&Q made 4.6 billion pounds of sales from 296 stores, or about {} a store."
    assert "inconsistent" in _verdicts(text.format("19 million pounds"), "en")
    assert "inconsistent" not in _verdicts(text.format("15.5 million pounds"), "en")
