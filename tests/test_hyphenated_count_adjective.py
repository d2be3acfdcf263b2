"""A scaled number before a hyphen-joined adjective and a counted noun ("3 million loyalty-card
customers") is a count: the compound is one word of the noun phrase, and the count takes no
running currency (figures._COUNT_WORD, figures._before_count)."""
from __future__ import annotations

import factcheck


def _units(text: str, lang: str) -> list[tuple[str, str | None]]:
    return [(f.text, f.unit) for f in factcheck.extract(text, language=lang)]


def test_hyphenated_adjective_before_count_noun_is_a_count() -> None:
    text = "Sales reached £6bn. The chain has 3 million loyalty-card customers."
    assert _units(text, "en")[-1] == ("3 million", None)


def test_hyphenated_word_before_another_noun_keeps_the_running_currency() -> None:
    text = "Sales reached £6bn. It set aside 3 million one-off charges."
    assert _units(text, "en")[-1] == ("3 million", "GBP")
