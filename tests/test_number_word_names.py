"""A number word capitalised inside a sentence, right after a word, is part of a name
("Jan De Nul", "Les Deux Alpes") in the languages that capitalise names only; a count
that opens a sentence, or carries a scale, stays a figure; German capitalises nouns."""
from __future__ import annotations

import pytest

import factcheck


def _texts(text: str, language: str) -> list[str]:
    return [f.text for f in factcheck.extract(text, language)]


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("Het baggerbedrijf Jan De Nul haalde 3,1 miljard euro op.", "nl", ["3,1 miljard euro"]),
    ("La station des Deux Alpes a accueilli 1,2 million de skieurs.", "fr", ["1,2 million"]),
    ("Le groupe a vendu Trois Suisses pour 20 millions d'euros.", "fr", ["20 millions d'euros"]),
    ("El fondo Cuatro Caminos invirtió 5 millones de euros.", "es", ["5 millones de euros"]),
    # a sentence's first word: a count
    ("Three companies bid for the contract.", "en", ["Three"]),
    ("Les ventes ont progressé. Trois entreprises se partagent le marché.", "fr", ["Trois"]),
    # lower case, or with a scale: a figure
    ("Il y a trois entreprises et Deux Milliards d'euros en jeu.", "fr", ["trois", "Deux Milliards d'euros"]),
    # German nouns are capitalised: no name is told by it
    ("Es gab Drei Angebote.", "de", ["Drei"]),
])
def test_number_words_in_names(text: str, language: str, expected: list[str]) -> None:
    assert _texts(text, language) == expected
