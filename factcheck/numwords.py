"""Numbers written in words: cardinals, decimals, fractions, dozens, in one generic grammar.

The grammar holds no word of any language: ``rules/lexicons/numbers/<lang>.yaml`` gives the
words (units, tens, hundreds, scales, joiners, decimal words, fraction denominators, dozens)
and a few switches for the ways languages differ (German and Dutch put units before tens;
English reads "one hundred thirty fifths" as 100/35). The README in that folder lists them.

Reading goes in three steps:

1. a screen (one compiled regex per language) finds runs of number words, so prose without
   any costs one failed search;
2. each word of a run is split into morphemes, so glued compounds ("zweihundertsechsund-
   fünfzig", "tweeëntwintig", "dosmilésimos") read as their parts;
3. a left-to-right parser reads whole numbers (groups under scales: "tres billones
   cuatrocientos mil millones"), then what may follow one: a decimal part ("point zero
   three", "coma veintiocho"), a denominator ("three fifths", "ciento treinta y tres
   veintiunavos"), a fraction joined to it ("twenty and three fifths", "un million et demi"),
   a scale after a fraction ("half a dozen", "eine halbe Million").

Ordinals are left to text2num (figures._words): the parser reports cardinal readings only.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any


from . import yamlines
from .errors import InputError

# Morpheme kinds.
UNIT, TEN, HUNDREDS, HUNDRED, SCALE, DOZEN = "unit", "ten", "hundreds", "hundred", "scale", "dozen"
ARTICLE, JOIN, GJOIN, CONNECT, POINT, LINK = "article", "join", "gjoin", "connect", "point", "link"
DENOM, SUFFIX, WHOLE, ORD = "denom", "suffix", "whole", "ord"
_NUMERIC = frozenset({UNIT, TEN, HUNDREDS, HUNDRED, SCALE, DOZEN, DENOM, WHOLE, ORD})
_SP = r"[\s\u00a0\u202f]"


def _tens(value: float) -> bool:
    """Whether a number may open a two-word ordinal ("twenty first", "hundred and fifth"):
    a round number of tens. "les trois premiers mois" counts three months, first ones."""
    return value >= 20 and value % 10 == 0


@dataclass(frozen=True, slots=True)
class Morph:
    """One meaningful piece of a number word: "hundred", "und", "avos", "cinquième"."""

    kind: str
    value: float = 0.0
    alone: bool = False  # a denominator or a scale that may stand without a number before it ("half", "mil")
    ambiguous: bool = False  # also an ordinal ("a fifth straight year"): needs a follower or the end
    strict: bool = False  # also a period ("two quarters"): needs a follower or a scale
    multiply: bool = False  # a glued number before it multiplies ("dos-milésimos" is 2000ths)
    compound_only: bool = False  # only after tens ("twenty-first")
    plural: bool = False
    glued_numerator: bool = False  # a glued number before it is the numerator ("driekwart", "dreiviertel")
    noun: bool = False  # also a noun ("una media de", "un medio de transporte"): after "one", only at the end


_GLUED_JOIN = Morph(GJOIN)


@dataclass(frozen=True, slots=True)
class Word:
    """A word of a run: its span, its folded text and its morphemes (several when glued)."""

    start: int
    end: int
    text: str
    morphs: tuple[Morph, ...]


@dataclass(frozen=True, slots=True)
class WordNumber:
    """A number read from words.

    ``step`` is the unit of the last place written (0.0 when exact, 0.01 for "point zero
    three", 1e6 for "three million"); ``fraction``: the number is or ends in a fraction
    ("a half", "twenty and three fifths"); ``scaled``: it ends in a scale word, so a
    connector may come before a currency ("tres millones de euros"); ``words``: its folded words.
    """

    start: int
    end: int
    value: float
    step: float
    fraction: bool = False
    scaled: bool = False
    words: tuple[str, ...] = ()
    scale: float = 0.0  # the scale a fraction is of ("two thirds of a million": 1e6)


@dataclass(frozen=True)
class Grammar:
    """One language's number words, compiled."""

    language: str
    morphemes: dict[str, Morph]  # folded surface → morpheme
    run_re: re.Pattern[str]  # the screen: a run of number words
    folded_run_re: re.Pattern[str]  # run_re without IGNORECASE, for lower-cased text (lexicon.folded)
    article_re: re.Pattern[str]  # an article right before a run ("a dozen"), anchored at the end
    hundred_max: float
    tens_take_teens: frozenset[float]
    units_before_tens: bool
    absorb_tens: bool
    numerator_one_word: bool
    singular_needs_one: bool
    mixed: frozenset[str]  # words joining a whole number and a fraction
    halves: frozenset[str]  # words joining a whole number and a lone half word
    followers: frozenset[str]
    links: tuple[tuple[str, ...], ...]  # scale links as word tuples, longest first
    over_re: re.Pattern[str]  # the gap between numerator and denominator ("1 sur 3")
    over_end_re: re.Pattern[str]  # an over word ending the text before a denominator
    has_over: bool
    glued: frozenset[str] = frozenset()  # glued joiners ("en" inside "honderdenzes")

    def read(self, text: str, start: int, end: int) -> list[WordNumber]:
        """Every cardinal, decimal or fraction written in words in text[start:end]."""
        out: list[WordNumber] = []
        for m in self.run_re.finditer(text, start, end):
            out += _Parser(self, self.words(text, self.run_start(text, m.start(), start), m.end()), text).numbers()[0]
        return out

    def run_start(self, text: str, s: int, lo: int) -> int:
        """Where a run begins, an article before it included ("a dozen", "an eighth"): the
        screen leaves articles out, which would make it try them at every word."""
        a = self.article_re.search(text, max(lo, s - 6), s)
        return a.start() if a else s

    def parse(self, words: list[Word], text: str) -> tuple[list[WordNumber], list[tuple[int, int]]]:
        """The numbers of a run of words, and the stretches left to an ordinal reader."""
        return _Parser(self, words, text).numbers()

    def words(self, text: str, start: int, end: int) -> list[Word]:
        words = [Word(m.start(), m.end(), fold(m.group()), self.split(m.group()) or ())
                 for m in _TOKEN.finditer(text, start, end)]
        return self._multiword(words)

    def split(self, word: str) -> tuple[Morph, ...] | None:
        return _split(self, fold(word))

    def _multiword(self, words: list[Word]) -> list[Word]:
        """Lexemes of two words ("quatre vingt") become one word."""
        out: list[Word] = []
        i = 0
        while i < len(words):
            if i + 1 < len(words):
                m = self.morphemes.get(words[i].text + " " + words[i + 1].text)
                if m is not None:
                    out.append(Word(words[i].start, words[i + 1].end, words[i].text + " " + words[i + 1].text, (m,)))
                    i += 2
                    continue
            out.append(words[i])
            i += 1
        return out


_TOKEN = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Lower case without accents: specs and scraped text often drop them ("cinquieme")."""
    w = unicodedata.normalize("NFD", word.lower().replace("’", "'"))
    return "".join(c for c in w if not unicodedata.combining(c)).replace("ß", "ss")


_GRAMMARS: dict[int, Grammar] = {}


def _split(g: Grammar, word: str) -> tuple[Morph, ...] | None:
    _GRAMMARS[id(g)] = g
    return _split_cached(id(g), word)


@lru_cache(maxsize=1 << 16)
def _split_cached(grammar_id: int, word: str) -> tuple[Morph, ...] | None:
    return _decompose(_GRAMMARS[grammar_id], word)


def _decompose(g: Grammar, word: str) -> tuple[Morph, ...] | None:
    """The word as morphemes (fewest pieces), or None when it is no number word.

    A glued joiner or ending ("und" in "einundzwanzig", "avos") stands only inside a word;
    units then tens ("drei-und-zwanzig") become one unit where the language orders them so.
    """
    m = g.morphemes.get(word)
    if m is not None:
        return None if m.kind in (GJOIN, SUFFIX) else (m,)
    # an ordinal word glued last ("einhunderteinunddreißigste") only when nothing else reads it:
    # "eenentwintigste" is 21 + "-ste", a denominator
    parts = _pieces(g, word, ordinals=False) or _pieces(g, word, ordinals=True)
    if not parts or parts[0].kind not in _NUMERIC or parts[-1].kind in (GJOIN, JOIN, CONNECT):
        return None
    if g.units_before_tens:
        parts = _units_before_tens(parts)
    return parts


def _pieces(g: Grammar, word: str, ordinals: bool) -> tuple[Morph, ...] | None:
    """The fewest morphemes that spell ``word`` (dynamic programming over its prefixes)."""
    n = len(word)
    best: list[tuple[Morph, ...] | None] = [None] * (n + 1)
    best[0] = ()
    for i in range(n):
        here = best[i]
        if here is None:
            continue
        for k in range(i + 1, min(n, i + 16) + 1):
            piece = g.morphemes.get(word[i:k])
            if piece is not None and piece.kind == JOIN and word[i:k] in g.glued:
                piece = _GLUED_JOIN  # "honderdenzes": "en" is a word joiner and a glued one
            if piece is None or piece.kind in (ARTICLE, LINK, POINT) or (piece.kind == ORD and (not ordinals or k < n)):
                continue
            cand = here + (piece,)
            if best[k] is None or len(cand) < len(best[k]):  # type: ignore[arg-type]
                best[k] = cand
    return best[n]


def _units_before_tens(parts: tuple[Morph, ...]) -> tuple[Morph, ...]:
    """"drei|und|zwanzig" → one unit worth 23 (German and Dutch name units first)."""
    out: list[Morph] = []
    i = 0
    while i < len(parts):
        p = parts[i]
        if (p.kind == UNIT and 0 < p.value < 10 and i + 2 < len(parts) and parts[i + 1].kind in (GJOIN, JOIN, CONNECT)
                and parts[i + 2].kind == TEN):
            out.append(Morph(UNIT, p.value + parts[i + 2].value))
            i += 3
            continue
        out.append(p)
        i += 1
    return tuple(out)


# ---------------------------------------------------------------------------------------
# Parsing


@dataclass(frozen=True, slots=True)
class _Int:
    """A whole number read from words[start:end]."""

    value: float
    end: int  # word index after the number
    last: str  # kind of its last morpheme
    scale: float  # the last scale's multiplier when it ends in one, else 0
    smallest_scale: float


@dataclass(slots=True)
class _State:
    """Reading a whole number morpheme by morpheme (see _Parser._step)."""

    groups: list[tuple[float, float]]  # (value, scale) of the groups closed by a scale
    cur: float = 0.0  # the group below the current scale
    small: float = 0.0  # its part after the last hundred ("three hundred and *two* dozens")
    room: float = float("inf")  # what may still be added: after "twenty" a unit, after "one" nothing
    last: str = ""
    started: bool = False
    article: bool = False
    scale: float = 0.0
    smallest_scale: float = 0.0

    def copy(self) -> "_State":
        return _State(list(self.groups), self.cur, self.small, self.room, self.last, self.started, self.article,
                      self.scale, self.smallest_scale)


class _Parser:
    """Reads the numbers of one run of words, left to right, longest first."""

    def __init__(self, g: Grammar, words: list[Word], text: str) -> None:
        self.g = g
        self.words = words
        self.text = text
        self.joined = False  # reading the fraction after a joiner ("uno con un cuarto")

    def numbers(self) -> tuple[list[WordNumber], list[tuple[int, int]]]:
        """The numbers read, and the stretches of words left to an ordinal reader
        ((first, last+1) word indices): "troisième", "twenty first", "einunddreißigste"."""
        out: list[WordNumber] = []
        left: list[tuple[int, int]] = []
        i = 0
        while i < len(self.words):
            got = self._number(i)
            if got is not None and not got[0].fraction and self._ordinal(got[1]) and _tens(got[0].value):
                left.append((i, got[1] + 1))  # "twenty first": an ordinal in two words; "trois premiers" is two
                i = got[1] + 1
                continue
            if got is None:
                if self._ordinal(i):
                    left.append((i, i + 1))
                i += 1
                continue
            out.append(got[0])
            i = got[1]
        return out, left

    def _ordinal(self, i: int) -> bool:
        """Whether word i may be an ordinal ("first", "cinquième", "eenentwintigste"), not
        only a fraction word ("quarters", "tiers")."""
        if i >= len(self.words) or not self.words[i].morphs:
            return False
        m = self.words[i].morphs[-1]
        return m.kind in (ORD, SUFFIX) or (m.kind == DENOM and (m.compound_only or m.ambiguous))

    # -- helpers ------------------------------------------------------------------------
    def _single(self, i: int) -> Morph | None:
        """The morpheme of word i when it is a single one."""
        if i < len(self.words) and len(self.words[i].morphs) == 1:
            return self.words[i].morphs[0]
        return None

    def _text(self, i: int) -> str:
        return self.words[i].text if i < len(self.words) else ""

    def _make(self, i: int, j: int, value: float, step: float, fraction: bool = False,
              scaled: bool = False, scale: float = 0.0) -> tuple[WordNumber, int]:
        ws = self.words[i:j]
        return WordNumber(ws[0].start, ws[-1].end, value, step, fraction, scaled, tuple(w.text for w in ws), scale), j

    def _glued(self, morphs: tuple[Morph, ...]) -> _Int | None:
        """A whole number made of all of ``morphs`` (the head of a glued word)."""
        n = _Parser(self.g, [Word(0, 0, "", morphs)], self.text)._integer(0, article=False)
        return n if n is not None and n.end == 1 else None

    # -- whole numbers ------------------------------------------------------------------
    def _integer(self, i: int, stop: int | None = None, article: bool = True) -> _Int | None:
        """The longest whole number starting at word i (glued words are read whole)."""
        stop = len(self.words) if stop is None else stop
        st = done = _State([])  # done: the state at ``end`` (a joiner may be read in vain)
        end = i
        j = i
        while j < stop:
            morphs = self.words[j].morphs
            if not morphs:
                break
            if len(morphs) == 1 and morphs[0].kind == JOIN:
                if st.started and st.last != JOIN and j + 1 < stop and self._fits(j + 1, st):
                    st = st.copy()
                    st.last = JOIN
                    j += 1
                    continue
                break
            trial = st.copy()
            if not all(self._step(m, trial, article and j == i and k == 0) for k, m in enumerate(morphs)):
                break
            st = done = trial
            j += 1
            end = j
        st = done
        if not st.started or end == i or st.last == ARTICLE:
            return None
        value = sum(v for v, _ in st.groups) + st.cur
        return _Int(value, end, st.last, st.scale if st.last == SCALE else 0.0, st.smallest_scale)

    def _fits(self, j: int, st: _State) -> bool:
        """Whether word j may continue a number after a joiner ("hundred and five")."""
        morphs = self.words[j].morphs
        return bool(morphs) and morphs[0].kind in (UNIT, TEN, HUNDREDS) and morphs[0].value < st.room

    def _step(self, m: Morph, st: _State, first: bool) -> bool:
        """Add one morpheme to the number being read; False when it cannot continue it."""
        g, k = self.g, m.kind
        if k == ARTICLE:
            if not first:
                return False
            st.cur = st.small = 1.0
            st.room, st.last, st.started, st.article = 0.0, ARTICLE, True, True
            return True
        if k in (UNIT, TEN, HUNDREDS):
            v = m.value
            if st.article or v >= st.room or (v == 0 and st.started):
                return False
            st.small = v if st.last in (HUNDRED, HUNDREDS, SCALE, "") else st.small + v
            st.cur += v
            if k == TEN:
                st.room = 1.0 if g.units_before_tens else 20.0 if v in g.tens_take_teens else 10.0
            else:
                st.room = 100.0 if k == HUNDREDS else 1.0
            st.last, st.started = k, True
            return True
        if k == GJOIN:
            if not st.started or st.last in (GJOIN, JOIN):
                return False
            st.last = GJOIN
            return True
        if k == HUNDRED:
            if st.last == ARTICLE or not st.started:
                if st.cur > 1:
                    return False
                st.cur = 100.0
            elif st.last in (UNIT, TEN) and 0 < st.small <= g.hundred_max and st.cur == st.small:
                st.cur = st.small * 100.0
            else:
                return False
            st.small, st.room, st.last, st.started, st.article = 0.0, 100.0, HUNDRED, True, False
            return True
        if k == SCALE:
            s = m.value
            if st.last in (JOIN, GJOIN) or any(sc == s for _, sc in st.groups):
                return False
            lower = sum(v for v, sc in st.groups if sc < s) + st.cur
            kept = [(v, sc) for v, sc in st.groups if sc > s]
            if lower == 0:
                if st.started and st.last != ARTICLE:
                    return False
                if not st.started and not m.alone:
                    return False  # "mil" alone is a thousand; "billones de dólares" alone is no number
                lower = 1.0
            if kept and lower * s >= min(sc for _, sc in kept):
                return False
            st.groups = kept + [(lower * s, s)]
            st.cur = st.small = 0.0
            st.room, st.last, st.started, st.article, st.scale = min(s, 1000.0), SCALE, True, False, s
            st.smallest_scale = s if not st.smallest_scale else min(st.smallest_scale, s)
            return True
        if k == DOZEN:
            if not st.started or st.last in (JOIN, GJOIN, SCALE, DOZEN):
                return False
            base = st.small or st.cur
            st.cur += base * (m.value - 1)
            st.small, st.room, st.last, st.article = 0.0, 0.0, DOZEN, False
            return True
        return False

    # -- a number and what follows it ------------------------------------------------------
    def _number(self, i: int) -> tuple[WordNumber, int] | None:
        n = self._integer(i)
        if n is None:
            return self._bare_fraction(i)
        return (self._fraction_after(i, n) or self._mixed(i, n) or self._decimal(i, n)
                or self._make(i, n.end, n.value, n.scale, scaled=n.last == SCALE))

    def _decimal(self, i: int, n: _Int) -> tuple[WordNumber, int] | None:
        """"two hundred point zero three", "siete con cincuenta", "zwei Komma drei"."""
        m = self._single(n.end)
        if m is None or m.kind != POINT or n.last == SCALE:
            return None
        digits, k = self._digits(n.end + 1)
        if not digits:
            return None
        value = float(f"{int(n.value)}.{digits}")
        step = 10.0 ** -len(digits)
        s = self._single(k)
        if s is not None and s.kind == SCALE:  # "two point five million"
            return self._make(i, k + 1, value * s.value, step * s.value, scaled=True)
        return self._make(i, k, value, step)

    def _digits(self, j: int) -> tuple[str, int]:
        """Digits after a decimal word: one by one ("zero three") or as one number ("seventy-one")."""
        first = self._single(j)
        if first is not None and first.kind == UNIT and first.value < 10:
            digits, k = "", j
            while (m := self._single(k)) is not None and m.kind == UNIT and m.value < 10:
                digits += str(int(m.value))
                k += 1
            if len(digits) > 1 or first.value == 0:
                return digits, k
        n = self._integer(j, article=False)
        if n is None or n.last == SCALE:
            return "", j
        return str(int(n.value)), n.end

    def _denominator(self, j: int) -> tuple[float, Morph, int] | None:
        """A fraction word at word j: (denominator, its morpheme, next word).

        A number glued before the ending counts: "veintiunavos" 21, "dosmilésimos" 2000,
        "eenentwintigste" 21, "Zwanzigstel" 20.
        """
        morphs = self.words[j].morphs if j < len(self.words) else ()
        if not morphs or morphs[-1].kind not in (DENOM, SUFFIX):
            return None
        last = morphs[-1]
        if len(morphs) == 1:
            if last.kind == SUFFIX or last.compound_only:
                return None
            return last.value, last, j + 1
        head = self._glued(morphs[:-1])
        if head is None:
            return None
        if last.multiply:
            return head.value * last.value, last, j + 1
        if last.kind == DENOM and (head.value % 10 or last.value >= 10):
            return None  # "dreifünftel" is no compound ordinal
        return head.value + last.value, last, j + 1

    def _compound_denominator(self, j: int) -> tuple[float, Morph, int] | None:
        """A denominator in several words: "twenty-fifth", "vingt et unième", "one hundred
        and fifth": a round whole number, then an ordinal below ten."""
        n = self._integer(j, article=False)
        if n is None or n.value % 10 or n.last == UNIT:
            return None
        k = n.end
        if (m := self._single(k)) is not None and m.kind == JOIN:
            k += 1
        m = self._single(k)
        if m is None or m.kind != DENOM or m.value >= 10:
            return None
        return n.value + m.value, m, k + 1

    def _accept(self, num: float, morph: Morph, after: int, joined: bool) -> bool:
        """Whether a fraction reading stands: "a fifth of" does, "a fifth straight year"
        and "the past two quarters" do not."""
        if self.g.singular_needs_one and num != 1 and not morph.plural:
            return False
        if joined or self.joined:
            return True
        if morph.noun and num == 1:
            nxt = self.words[after] if after < len(self.words) else None
            if nxt is not None and nxt.morphs and nxt.morphs[0].kind in (SCALE, DOZEN):
                return True
            return not _WORD_NEXT.match(self.text, self.words[after - 1].end)
        if not (morph.ambiguous or morph.strict):
            return True
        if after < len(self.words):
            w = self.words[after]
            if w.morphs and w.morphs[0].kind in (SCALE, DOZEN):
                return True
        nxt = _WORD_NEXT.match(self.text, self.words[after - 1].end)
        if nxt is not None and fold(nxt.group(1)) in self.g.followers:
            return True  # "a fifth of", "drie vijfde van"
        return not morph.strict and nxt is None

    def _fraction_after(self, i: int, n: _Int) -> tuple[WordNumber, int] | None:
        """A whole number then a denominator: "three fifths", "twenty and three fifths"."""
        j = n.end
        d = self._denominator(j)
        if d is None:
            c = self._compound_denominator(j) if j < len(self.words) else None
            if c is None or not self._accept(n.value, c[1], c[2], False):
                return self._one_word_numerator(i, n)
            return self._scaled_fraction(i, c[2], 0.0, n.value / c[0], 0.0)
        den, morph, after = d
        whole, whole_scale, num = 0.0, 0.0, n.value
        split = self._split_mixed(i, j, den)
        if split is not None:
            whole_int, num = split
            whole, whole_scale = whole_int.value, whole_int.scale
        elif self.g.absorb_tens and den < 10 and j - 1 > i and (m := self._single(j - 1)) is not None and m.kind == TEN:
            rest = self._integer(i, stop=j - 1)  # "one hundred thirty fifths" is 100/35
            if rest is not None and rest.end == j - 1:
                num, den = rest.value, den + m.value
        if not self._accept(num, morph, after, joined=split is not None):
            return None
        return self._scaled_fraction(i, after, whole, num / den, whole_scale)

    def _one_word_numerator(self, i: int, n: _Int) -> tuple[WordNumber, int] | None:
        """Dutch "twintig drie vijfde": a whole number, then a fraction of one-word numerator."""
        if not self.g.numerator_one_word or n.end >= len(self.words):
            return None
        sub = self._number(n.end)
        if sub is None or not sub[0].fraction or len(sub[0].words) > 2 or sub[0].value >= 1:
            return None
        return self._make(i, sub[1], n.value + sub[0].value, 0.0, fraction=True)

    def _split_mixed(self, i: int, j: int, den: float) -> tuple[_Int, float] | None:
        """(whole, numerator) when words[i:j] end in a proper numerator after a mixed joiner
        ("twenty and three fifths" is 20 3/5; "one hundred and thirty fifths" is 130/5), or
        in languages that glue numbers, in a numerator word after the whole."""
        if self.g.numerator_one_word and j - i >= 2:
            whole = self._integer(i, stop=j - 1)
            num = self._integer(j - 1, stop=j)
            if whole is not None and whole.end == j - 1 and num is not None:
                return whole, num.value
        for p in range(j - 2, i, -1):
            if self._text(p) not in self.g.mixed:
                continue
            num = self._integer(p + 1, stop=j)
            whole = self._integer(i, stop=p)
            if num is None or whole is None or num.end != j or whole.end != p:
                continue
            return (whole, num.value) if num.value < den else None
        return None

    def _scaled_fraction(self, i: int, j: int, whole: float, frac: float, whole_scale: float) -> tuple[WordNumber, int]:
        """A fraction with the scale it may take: "two thirds of a million", "half a dozen";
        without one, the fraction of a scaled whole is of that scale ("six millions et deux tiers")."""
        k = self._link(j)
        if k is not None:
            s = self.words[k].morphs[0]
            return self._make(i, k + 1, whole + frac * s.value, 0.0, fraction=True, scaled=s.kind == SCALE,
                              scale=s.value)
        if whole_scale >= 1000:
            return self._make(i, j, whole + frac * whole_scale, 0.0, fraction=True, scaled=True)
        return self._make(i, j, whole + frac, 0.0, fraction=True)

    def _link(self, j: int) -> int | None:
        """Word index of a scale right after a fraction or over a link ("of a", "a")."""
        for link in ((),) + self.g.links:
            k = j
            if all(k + x < len(self.words) and self.words[k + x].text == w for x, w in enumerate(link)):
                k += len(link)
                s = self._single(k)
                if s is not None and s.kind in (SCALE, DOZEN):
                    return k
        return None

    def _mixed(self, i: int, n: _Int) -> tuple[WordNumber, int] | None:
        """A whole number, a joiner, a fraction: "one and a half", "veinte con tres quintos",
        "un million et demi"; a fraction with no scale of its own takes the whole's."""
        j = n.end
        word = self._text(j)
        if word not in self.g.mixed and word not in self.g.halves:
            return None
        sub = self._fraction_number(j + 1, halves_only=word not in self.g.mixed)
        if sub is None:
            return None
        num, k = sub
        if num.scale and not n.scale:  # "sechs und zwei Drittel Millionen": the scale is of both
            return self._make(i, k, n.value * num.scale + num.value, 0.0, fraction=True, scaled=num.scaled)
        value = num.value if num.scaled or n.scale < 1000 else num.value * n.scale
        return self._make(i, k, n.value + value, 0.0, fraction=True, scaled=num.scaled or n.scale >= 1000)

    def _fraction_number(self, j: int, halves_only: bool) -> tuple[WordNumber, int] | None:
        """The fraction after a joiner; after a half joiner only a half ("y medio")."""
        if j >= len(self.words):
            return None
        m = self._single(j)
        if m is not None and m.kind == DENOM and m.alone:
            return self._scaled_fraction(j, j + 1, 0.0, 1.0 / m.value, 0.0)
        self.joined = True
        try:
            got = self._number(j)
        finally:
            self.joined = False
        if got is None or not got[0].fraction:
            return None
        if halves_only and not any((x := self.g.morphemes.get(w)) is not None and x.alone for w in got[0].words):
            return None
        return got

    def _bare_fraction(self, i: int) -> tuple[WordNumber, int] | None:
        """A fraction with no numerator: "a trillionth", "half a dozen", "quarter million",
        "anderhalve", "zweieinhalb", and a lone half word after a half joiner ("3 millions et demi")."""
        m = self._single(i)
        if m is None:
            return self._glued_whole(i)
        if m.kind == WHOLE:
            return self._scaled_fraction(i, i + 1, 0.0, m.value, 0.0)
        if m.kind == ARTICLE and i + 1 < len(self.words):
            d = self._denominator(i + 1) or self._compound_denominator(i + 1)
            if d is not None and not d[1].plural and self._accept(1.0, d[1], d[2], joined=False):
                return self._scaled_fraction(i, d[2], 0.0, 1.0 / d[0], 0.0)
            w = self._single(i + 1)
            if w is not None and (w.kind == WHOLE or (w.kind == DENOM and w.alone and self._link(i + 2) is not None)):
                return self._scaled_fraction(i, i + 2, 0.0, w.value if w.kind == WHOLE else 1.0 / w.value, 0.0)
            return None
        if m.kind == DENOM and m.alone:
            if self._link(i + 1) is not None:
                return self._scaled_fraction(i, i + 1, 0.0, 1.0 / m.value, 0.0)
            before = self.text[max(0, self.words[i].start - 12):self.words[i].start].split()
            if before and fold(before[-1]) in self.g.halves:
                return self._make(i, i + 1, 1.0 / m.value, 0.0, fraction=True)
        return None

    def _glued_whole(self, i: int) -> tuple[WordNumber, int] | None:
        """"zweieinhalb" (2 + einhalb), "twaalfenhalve" (12 + en + halve)."""
        morphs = self.words[i].morphs
        if len(morphs) < 2:
            return None
        last = morphs[-1]
        if last.kind == WHOLE and (head := self._glued(morphs[:-1])) is not None:
            return self._scaled_fraction(i, i + 1, 0.0, head.value + last.value, 0.0)
        if last.kind == DENOM and last.glued_numerator and (head := self._glued(morphs[:-1])) is not None:
            return self._scaled_fraction(i, i + 1, 0.0, head.value / last.value, 0.0)
        if last.kind == DENOM and last.alone and len(morphs) >= 3 and morphs[-2].kind in (GJOIN, JOIN, CONNECT) \
                and (head := self._glued(morphs[:-2])) is not None:
            return self._scaled_fraction(i, i + 1, 0.0, head.value + 1.0 / last.value, 0.0)
        return None


# the next word, not past a blank line: a headline's last word ends its sentence ("Orla sales jump
# by more than a fifth" ¶ "Sales rose …"), a hard-wrapped line does not
_WORD_NEXT = re.compile(r"[ \t\u00a0\u202f]*(?:\r?\n[ \t\u00a0\u202f]*)?([^\W\d_]+)")


# ---------------------------------------------------------------------------------------
# Loading


def _data_dirs() -> list[Path]:
    from . import lexicon

    return [lexicon.builtin_dir() / "numbers", *[d / "numbers" for d in lexicon.user_dirs()]]


# The keys of a number-word file (rules/lexicons/numbers/README.md documents each one).
NUMBER_KEYS = frozenset({
    "units", "tens", "tens_take_teens", "hundreds", "hundred", "hundred_max", "scales", "scales_alone", "scale_links",
    "dozens", "articles", "joiners", "glued_joiners", "units_before_tens", "mixed_joiners", "half_joiners",
    "decimal_words", "denominators", "suffix_denominators", "whole_fractions", "absorb_tens", "numerator_one_word",
    "fraction_followers", "over", "plural_endings", "singular_needs_one", "transliterations",
})


@lru_cache(maxsize=None)
def grammar(language: str, ordinals: tuple[str, ...] = ()) -> Grammar | None:
    """The grammar of ``language``; None when it has no number-word file (text2num reads it).
    ``ordinals``: the lexicon's ordinal words, which runs include for the ordinal reader."""
    from . import lexicon  # here, as in _data_dirs: lexicon imports this module

    data: dict[str, Any] = {}
    path = None
    for d in _data_dirs():
        p = d / f"{language}.yaml"
        if p.is_file():
            loaded = yamlines.load(p) or {}  # bad YAML, a key given twice: one line naming file and line
            if not isinstance(loaded, dict):
                raise InputError(f"{p}:1: a number-word file must be a mapping")
            lexicon.check_keys(p, loaded, NUMBER_KEYS)
            data.update(loaded)
            path = p
    return None if path is None else _compile(language, data, path, ordinals)


def _compile(language: str, data: dict[str, Any], path: Path, ordinals: tuple[str, ...] = ()) -> Grammar:
    morphs: dict[str, Morph] = {}
    surfaces: dict[str, Morph] = {}  # every spelling the screen looks for
    translit = {str(a): str(b) for a, b in (data.get("transliterations") or {}).items()}

    def num(v: Any, field: str) -> float:
        try:
            return float(v)
        except (TypeError, ValueError):
            raise InputError(f"{path}: field '{field}' has a non-numeric value {v!r}") from None

    def add(word: Any, morph: Morph) -> None:
        w = str(word).lower()
        spellings = {w, fold(w)}
        for a, b in translit.items():
            if a in w:
                spellings.add(fold(w.replace(a, b)))
        for s in spellings:
            surfaces.setdefault(s, morph)
            morphs.setdefault(fold(s), morph)

    scales_alone = {fold(str(w)) for w in data.get("scales_alone") or []}
    for kind, key in ((UNIT, "units"), (TEN, "tens"), (HUNDREDS, "hundreds"), (SCALE, "scales"), (DOZEN, "dozens"),
                      (WHOLE, "whole_fractions")):
        for w, v in (data.get(key) or {}).items():
            add(w, Morph(kind, num(v, key), alone=kind == SCALE and fold(str(w)) in scales_alone))
    for kind, key in ((HUNDRED, "hundred"), (ARTICLE, "articles"), (JOIN, "joiners"), (GJOIN, "glued_joiners"),
                      (POINT, "decimal_words")):
        for w in data.get(key) or []:
            add(w, Morph(kind, 1.0 if kind == ARTICLE else 0.0))
    plural_endings = tuple(fold(str(e)) for e in data.get("plural_endings") or [])
    for key, kind in (("denominators", DENOM), ("suffix_denominators", SUFFIX)):
        for w, spec in (data.get(key) or {}).items():
            spec = spec or {}
            plural = spec.get("plural", kind == SUFFIX or fold(str(w)).endswith(plural_endings) if plural_endings else False)
            add(w, Morph(kind, num(spec.get("value", 0), key), alone=bool(spec.get("alone")),
                         ambiguous=bool(spec.get("ambiguous")), strict=bool(spec.get("strict")),
                         multiply=bool(spec.get("multiply")), compound_only=bool(spec.get("compound_only")),
                         plural=bool(plural), glued_numerator=bool(spec.get("glued_numerator")),
                         noun=bool(spec.get("noun"))))
    for w in ordinals:
        add(w, Morph(ORD))
    mixed = frozenset(fold(str(w)) for w in data.get("mixed_joiners") or [])
    halves = frozenset(fold(str(w)) for w in data.get("half_joiners") or []) | mixed
    for w in sorted(mixed | halves):
        add(w, Morph(CONNECT))
    links = tuple(sorted((tuple(fold(str(x)).split()) for x in data.get("scale_links") or []), key=len, reverse=True))
    for link in links:
        for w in link:
            add(w, Morph(LINK))
    over = [tuple(str(x).split()) for x in data.get("over") or []]
    core = [s for s, m in surfaces.items() if m.kind in _NUMERIC and " " not in s]
    glue = [s for s, m in surfaces.items() if " " not in s]
    articles = [s for s, m in surfaces.items() if m.kind == ARTICLE]
    sep = r"(?:" + _SP + r"+|" + _SP + r"*-" + _SP + r"*)"
    run = (r"(?<![^\W_])(?:" + _alt(core) + r")(?:" + _alt(glue) + r")*"
           r"(?:" + sep + r"(?:" + _alt(glue) + r")+)*(?![^\W_])")
    over_alt = "|".join(r"(?:" + (_SP + "+").join(re.escape(w) for w in o) + r")" for o in over)
    return Grammar(
        language=language,
        morphemes=morphs,
        run_re=re.compile(run, re.I),
        folded_run_re=re.compile(run),
        article_re=re.compile(r"(?<![^\W_])(?:" + _alt(articles) + r")" + sep + r"$", re.I) if articles
        else re.compile(r"(?!x)x"),
        hundred_max=num(data.get("hundred_max", 9), "hundred_max"),
        tens_take_teens=frozenset(num(v, "tens_take_teens") for v in data.get("tens_take_teens") or []),
        units_before_tens=bool(data.get("units_before_tens")),
        absorb_tens=bool(data.get("absorb_tens")),
        numerator_one_word=bool(data.get("numerator_one_word")),
        singular_needs_one=bool(data.get("singular_needs_one")),
        mixed=mixed,
        halves=halves,
        followers=frozenset(fold(str(w)) for w in data.get("fraction_followers") or []),
        links=links,
        over_re=re.compile(_SP + r"*(?:" + over_alt + r")" + _SP + r"*", re.I) if over else re.compile(r"(?!x)x"),
        has_over=bool(over),
        glued=frozenset(fold(str(w)) for w in data.get("glued_joiners") or []),
        over_end_re=re.compile(r"(?<![^\W_])(?:" + over_alt + r")" + _SP + r"*$", re.I) if over else re.compile(r"(?!x)x"),
    )


def _alt(words: list[str]) -> str:
    """A longest-first alternation (a trie, see lexicon._alternation)."""
    from .lexicon import _alternation

    return _alternation(sorted(set(words)), flags_word_end=False, fold=True) if words else r"(?!x)x"
