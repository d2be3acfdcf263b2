"""A noun of a span of two to ten years after "one" ("une décennie", "un lustro", "een
decennium") is a duration, as "deux décennies" is: the span a yearly average divides by."""
from __future__ import annotations

from factcheck import extract


def _durations(text: str, lang: str) -> list[tuple[str, float, str | None]]:
    return [(f.text, f.value, f.unit) for f in extract(text, language=lang) if f.unit == "year"]


def test_one_span_noun_is_a_duration() -> None:
    assert _durations("Le groupe investira 1 milliard d'euros en une décennie.", "fr") == [("une décennie", 10, "year")]
    assert _durations("La eléctrica invertirá 1.000 millones de euros en un lustro.", "es") == [("un lustro", 5, "year")]
    assert _durations("Het bedrijf investeert in een decennium 1 miljard euro.", "nl") == [("een decennium", 10, "year")]


def test_one_alone_stays_no_figure() -> None:
    # "un" before a noun of no span is still no figure; a century is no span of the kind
    assert _durations("Le groupe investira 1 milliard d'euros en un an.", "fr") == []
    assert _durations("C'est la plus forte hausse depuis un siècle.", "fr") == []
