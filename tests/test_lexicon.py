"""lexicon.folded: lower-case patterns over lower-cased text match where their
IGNORECASE twins match over the text (the speed-up of figures' screens rests on it)."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from factcheck import figures, lexicon, numwords

# Pattern letters for which re's IGNORECASE has extra equivalents (ı ~ i, ſ ~ s, µ ~ μ):
# folded patterns must not hold them.
_SPECIAL = "ıſµ"


def _cased() -> list[str]:
    return [chr(x) for x in range(0x110000) if chr(x).lower() != chr(x) or chr(x).upper() != chr(x)]


def test_ignorecase_is_lower_but_for_the_unsafe_characters() -> None:
    """For every cased character outside folded's unsafe set and every lower-case Latin
    letter p: (?i)p matches the character exactly when its lower case is p."""
    unsafe = set(lexicon._FOLD_UNSAFE.pattern.strip("[]"))
    assert unsafe == {"\u0130", "\u0131", "\u017f"}
    letters = [chr(x) for x in range(0x250) if chr(x).islower() and chr(x) not in _SPECIAL]
    cased = [c for c in _cased() if c not in unsafe]
    for p in letters:
        rx = re.compile("(?i)" + re.escape(p))
        wrong = [c for c in cased if (rx.fullmatch(c) is not None) != (c.lower() == p) or len(c.lower()) != 1]
        assert not wrong, (p, wrong)


def test_folded_patterns_hold_only_lower_case_letters() -> None:
    for lang in lexicon.languages():
        lex = lexicon.load(lang)
        pats = [figures._screens(lex)[2].rx.pattern]
        g = numwords.grammar(lang, lex.ordinal_words)
        if g is not None:
            pats.append(g.folded_run_re.pattern)
        for pat in pats:
            # escapes (\W, \s) aside, a literal letter in a folded pattern is lower case
            literal = re.sub(r"\\.", "", pat)
            assert not [c for c in literal if c.isupper() or c in _SPECIAL], lang


def test_folded_screens_find_what_the_ignorecase_ones_find() -> None:
    """Over real articles, upper-cased and title-cased too: the same spans either way."""
    root = Path(__file__).resolve().parent.parent / "benchmarks" / "accuracy"
    texts = [a["text"] for p in sorted(root.glob("*.yaml"))[:10] for a in yaml.safe_load(p.read_text(encoding="utf-8"))]
    texts += [t.upper() for t in texts] + [t.title() for t in texts]
    assert lexicon.folded("İstanbul") is None and lexicon.folded("ſ") is None
    for lang in lexicon.languages():
        lex = lexicon.load(lang)
        _, screen, folded_screen = figures._screens(lex)
        g = numwords.grammar(lang, lex.ordinal_words)
        for text in texts:
            low = lexicon.folded(text)
            assert low is not None and len(low) == len(text)
            assert [m.span() for m in screen.rx.finditer(text)] == [m.span() for m in folded_screen.rx.finditer(low)]
            a, b = screen.search(text, 0, len(text)), folded_screen.search(low, 0, len(low))
            assert (a and a.span()) == (b and b.span())
            if g is not None:
                assert [m.span() for m in g.run_re.finditer(text)] == [m.span() for m in g.folded_run_re.finditer(low)]
