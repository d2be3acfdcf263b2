"""A scaled number told as the number of people or things named before it in its sentence
("die Zahl der Mitglieder kletterte auf 1,2 Millionen") is a count: it takes no running
currency (lexicon ``count_subjects``, figures._after_count_subject)."""
from __future__ import annotations

import factcheck


def _units(text: str, lang: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.unit) for f in factcheck.extract(text, language=lang)]


def test_number_of_members_is_a_count() -> None:
    text = "Der Umsatz stieg auf 360 Millionen Euro. Die Zahl der Mitglieder kletterte auf 1,2 Millionen."
    assert _units(text, "de")[-1] == ("1,2 Millionen", None)


def test_number_of_adjective_noun_is_a_count() -> None:
    text = "Revenue rose to $4.1bn. The number of paying subscribers reached 3.1 million."
    assert _units(text, "en")[-1] == ("3.1 million", None)


def test_elided_link_is_a_count() -> None:
    text = "Le chiffre d'affaires atteint 2 milliards d'euros. Le nombre d'abonnés a atteint 1,2 million."
    assert _units(text, "fr")[-1] == ("1,2 million", None)


def test_a_figure_between_keeps_the_running_currency() -> None:
    # the count's own figure comes first; the amount after it is money again
    text = "Der Umsatz lag bei 4,6 Mrd. Euro. Die Zahl der Kunden stieg um 3 Prozent, der Gewinn auf 800 Mio."
    assert _units(text, "de")[-1][1] == "EUR"


def test_number_of_another_thing_keeps_the_running_currency() -> None:
    text = "Revenue was $4.1bn. The number of reasons to worry grew, and profit reached 900 million."
    assert _units(text, "en")[-1][1] == "USD"
