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


def test_a_count_of_the_noun_itself_comes_before_a_compound_of_it():
    # "1.200 huurwoningen" are some of the "3.000 woningen": 900e6 / 3,000 = 300,000 euros a
    # home, not more than 360,000; read against the nearer rental homes, the claim found no total
    from factcheck.checks import check_text

    text = ("Aannemer Bouwvast leverde 3.000 woningen op, waarvan 1.800 koopwoningen en 1.200 huurwoningen, "
            "met een totale waarde van 900 miljoen euro. Dat komt neer op gemiddeld ruim 360.000 euro per woning.")
    found = [f for f in check_text(text, language="nl").findings if f.verdict == "inconsistent"]
    assert found and "3.000" in found[0].message, [f.message for f in found]
