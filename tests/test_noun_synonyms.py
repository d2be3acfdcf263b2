"""``noun_synonyms``: a ``same_noun`` pick meets a count told with another noun of the
amount's group ("2,3 euros por voto" … "7,76 millones de sufragios")."""
from __future__ import annotations

from factcheck import lexicon
from factcheck.checks import _with_synonyms


def test_groups_load() -> None:
    assert any({"voto", "sufragio"} <= g for g in lexicon.load("es").noun_synonyms)


def test_a_per_noun_takes_its_group() -> None:
    groups = lexicon.load("es").noun_synonyms
    assert "sufragio" in _with_synonyms(frozenset({"voto"}), groups)
    assert _with_synonyms(frozenset({"oficina"}), groups) == frozenset({"oficina"})


def test_accents_are_folded_as_in_tokens() -> None:
    groups = lexicon.load("de").noun_synonyms
    assert "wahlerstimme" in _with_synonyms(frozenset({"stimme"}), groups)
