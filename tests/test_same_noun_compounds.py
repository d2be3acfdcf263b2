"""``same_noun`` meets a German or Dutch compound by its last word (``count_noun_compounds``)."""
from factcheck.checks import _stems_meet


def test_compound_meets_its_last_word_where_the_lexicon_says_so():
    assert _stems_meet(frozenset({"melding"}), frozenset({"schademeldingen"}), True)
    assert _stems_meet(frozenset({"schademelding"}), frozenset({"meldingen"}), True)
    assert _stems_meet(frozenset({"meldung"}), frozenset({"schadenmeldungen"}), True)
    # not in a language that writes no compounds
    assert not _stems_meet(frozenset({"action"}), frozenset({"transactions"}), False)


def test_a_word_inside_a_compound_is_no_head():
    assert not _stems_meet(frozenset({"klant"}), frozenset({"eindklantenservice"}), True)
    assert not _stems_meet(frozenset({"kosten"}), frozenset({"fahrtkostenzuschüsse"}), True)
