"""Extraction: every figure in a document, with its unit, scale, hedge and interval.

One pass per block (a block has one language), each made of compiled regexes from
the block's lexicon: digits first, then number words (through text2num), then
fractions and multipliers. Dates, clock times, phone numbers and years standing
as dates are masked first: they are not figures to check.
"""
from __future__ import annotations

import math
import re
import unicodedata
from decimal import Decimal
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from functools import lru_cache

from text_to_num import find_numbers

from . import document, lexicon, numwords
from .lexicon import Lexicon
from .model import Document, Figure, Period

_SP = r"[\s\u00a0\u202f]"
_WORDCHAR = re.compile(r"[^\W_]")
# Patterns that start with a digit open with a lookahead on their first character: re
# then jumps from candidate to candidate instead of trying every position (5x faster).
# (Indian grouping, lakhs and crores in pairs: "₹1,50,173 crore" is 150,173 crore)
_NUM = re.compile(
    r"(?=[-−+\d])(?P<sign>[-−+])?(?P<num>\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?(?![\d])"
    r"|\d{1,3}(?:(?P<sep>[ \u00a0\u202f.,'’])\d{3})(?:(?P=sep)\d{3})*(?:[.,]\d+)?(?![\d])"
    r"|\d+(?:[.,]\d+)?(?![\d]))"
)
# A power of ten or of the number after it: "1e10", "-127.32e13", "12,32e+14", "1.1^23",
# "2,5^-1" ("^--23" is a double minus). No letter, digit or mark may follow: "3e4f" is an id.
_EXPONENT = re.compile(r"(?:[eE](?P<e>[-+]?\d{1,3})|\^(?P<p>--|[-+])?(?P<n>\d{1,3}))(?![^\W_]|[.,]?\d)")
_TIME = re.compile(r"(?=\d)(?<![\d:])\d{1,2}(?::\d{2}(?::\d{2})?|\s?h\s?\d{2})(?![\d:])(?:\s?(?:[ap]\.?m\.?|uhr|u\.|h)\b)?", re.I)
_ISO_DATE = re.compile(r"(?=\d)(?<!\d)(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}-\d{1,2}-\d{4})(?!\d)")
# Phone numbers: international ("+49 30 1234567", "+44 (0)20 7946 0958"), an area code in
# brackets ("(212) 555-0199"), a trunk zero ("030 / 20 45 67 89", "020-555 1234") or French
# pairs ("01 23 45 67 89"). Only matches with at least seven digits count (see _phones).
_PHONE = re.compile(
    r"(?=[+(\d])(?<![\w+.,])(?<!\d[ \u00a0\u202f'’])(?:"  # not the tail of "1 000 000"
    r"\+\d{1,3}(?:[ \u00a0]?\(0\))?(?:(?:[ \u00a0/-]|[ \u00a0]?/[ \u00a0]?)\(?\d{1,8}\)?){2,6}"
    r"|\(0?\d{1,4}\)[ \u00a0-]?\d{2,5}(?:[ \u00a0.-]\d{2,5}){0,3}"
    r"|0\d{1,4}(?:[ \u00a0]?[/-][ \u00a0]?|[ \u00a0])\d{2,8}(?:[ \u00a0.-]\d{2,4}){0,4}"
    r"|\d{2}(?:[ \u00a0.]\d{2}){4}"
    r")(?![\d,.]?\d)"
)
# A number listed right after a phone number ("+39 02 1234 5678 oppure 800 123 456") is one too.
_PHONE_NEXT = re.compile(r"[^\d\n.!?;:%€$£]{1,25}?(?<![\w+])(\d{2,4}(?:[ \u00a0-]\d{2,4}){1,4})(?![\d,.]?\d)")
# a hedge after a number ends its clause: punctuation, the end of the text or of its line (a headline)
_HEDGE_AFTER_END = re.compile(r"[ \t\u00a0\u202f]*(?:[^\w\s]|\r?\n|$)")
# Web addresses in scraped pages: "?q=30%25" holds no percentage.
_URL = re.compile(r"(?:https?://|www\.)[^\s\u00a0]+", re.I)
_FOOTNOTE = re.compile(r"\[\d{1,3}\]")
_YEAR = re.compile(r"(?<![\d.,])(?:1[89]\d\d|20\d\d)(?![\d])")
_QCODE = re.compile(r"(?=[QTHS1-4])(?<![^\W_])(?:[QT][1-4]|[1-4][QT]|H[12]|S[12])(?:[\s/-]?(?:19|20)?\d\d)?(?![^\W_])")
_WORD_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LETTER = re.compile(r"[^\W\d_]")
_DENOMINATOR = re.compile(r"/(\d{1,4})(?![\d/]|[.,]\d)")
_SPACES_ONLY = re.compile(r"[ \u00a0]+")
_WORD_BEFORE_DASH = re.compile(r"[^\W_]+(?:[.,][^\W_]+)*$")

# Time units (pint names) that make a quantity a duration, which is a period too, with
# their ISO 8601 designators (a time of day's after "T": "15 minutes" is PT15M, no months).
# Pint has no quarter of a year ("quarter" parses, as a mass of 28 lb), so lexicons
# write quarters as "month*3": "deux trimestres" is 6 month, period P6M.
DURATION_CODES = {"year": "Y", "month": "M", "week": "W", "day": "D", "hour": "TH", "minute": "TM", "second": "TS"}


@dataclass(frozen=True, slots=True)
class Scan:
    """What extraction found in a document: figures and the periods that frame them."""

    figures: tuple[Figure, ...]
    periods: tuple[Period, ...]


@dataclass(slots=True)
class _Raw:
    """A figure under construction (mutable while suffixes and ranges are resolved)."""

    start: int
    end: int
    value: float
    step: float
    kind: str = "number"
    unit: str | None = None
    scale: str | None = None
    scale_mult: float = 1.0
    hedge: str | None = None
    symbol: str | None = None
    has_suffix: bool = False
    fraction: bool = False  # a fraction in words ("a half", "een kwart")
    subunit: bool = False  # the currency named is a subunit ("cents"): the value was scaled by its factor
    subunit_factor: float = 1.0  # that factor (cents → 0.01)
    after_subunit: bool = False  # an amount whose last part was a subunit ("een kuai en vijf mao")
    low: float | None = None
    high: float | None = None
    # The number alone, scale word included, without currency, unit or hedge
    # ("75 millions" in "75 millions de dollars"): what number recognizers report.
    num_start: int = -1
    num_end: int = -1
    num_value: float = 0.0
    parts: tuple[tuple[int, int, float], ...] | None = None  # both ends of a range
    # "one", "un", "een" alone are no figures; kept only as the numerator of "one over three"
    weak: bool = False
    # the currency of a conversion in brackets right after the amount ("9.200 millones de
    # pesos (499 millones de euros)"): see _elliptical_units
    converted: str | None = None
    closed: bool = False  # low and high both belong (a span of years counts 4 or 5 years, both)


def _parts(raw: _Raw) -> tuple[tuple[int, int, float], ...]:
    """(start, end, value) of each number written in a figure (two for a range)."""
    if raw.parts is not None:
        return raw.parts
    if raw.num_start < 0:
        return ()
    return ((raw.num_start, raw.num_end, raw.num_value * raw.scale_mult),)


class _Tok:
    """The token protocol text2num's find_numbers expects."""

    __slots__ = ("t",)

    def __init__(self, t: str) -> None:
        self.t = t

    def text(self) -> str:
        return self.t

    def nt_separated(self, previous: object) -> bool:
        return False

    def not_a_number_part(self) -> bool:
        return False


def parse_number(s: str, decimal: str) -> tuple[float, float]:
    """(value, step) of digits as written, ``step`` being the unit of the last digit.

    The decimal mark is decided by evidence first ("1,234.5": the last mark is the
    decimal one; "1.234.567": repeated marks group thousands; a mark not followed
    by exactly three digits, or after more than three digits ("1111.121") or none
    (".08"), is decimal) and by the language only when ambiguous ("12,345" is 12.345
    in French, 12345 in English).
    """
    if s.isdecimal():  # plain digits (most numbers): nothing to decide
        return float(s), 1.0
    s = s.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("'", "").replace("’", "")
    dots, commas = s.count("."), s.count(",")
    dec: str | None = None
    if dots and commas:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
    elif dots + commas == 1:
        mark = "." if dots else ","
        after = len(s) - s.find(mark) - 1
        before = s.find(mark)
        if after != 3 or s.startswith("0") or mark == decimal or not 0 < before <= 3:
            dec = mark
    if dec:
        group = "," if dec == "." else "."
        s = s.replace(group, "")
        whole, _, frac = s.partition(dec)
        return float(f"{whole}.{frac}"), 10.0 ** -len(frac)
    s = s.replace(".", "").replace(",", "")
    return float(s), 1.0


@lru_cache(maxsize=None)
def _symbols() -> tuple[dict[str, str], dict[str, str], re.Pattern[str], dict[str, dict[str, list[str]]]]:
    com = lexicon.common()
    symbols = {str(k): str(v) for k, v in com.get("symbols", {}).items()}
    aliases = {str(k): str(v) for k, v in com.get("code_aliases", {}).items()}
    codes = [str(c) for c in com.get("codes", [])]
    # A symbol that starts with a letter ("R", "kr", "CHF", "R$") must start a word:
    # the "R" of "SFR 27,2 %" is no rand.
    lettered = [k for k in symbols if k[:1].isalpha()]
    signs = [k for k in symbols if not k[:1].isalpha()]
    prefix = re.compile(
        r"(?:(?<![^\W\d_])(?:" + lexicon._alternation(codes + lettered, flags_word_end=False) + r")|(?:"
        + lexicon._alternation(signs, flags_word_end=False) + r"))" + _SP + r"?$"
    )
    ctx = {str(k): {str(c): [str(w).lower() for w in ws] for c, ws in v.items()} for k, v in com.get("symbol_context", {}).items()}
    names = {str(k): {str(c): [str(w).lower() for w in ws] for c, ws in v.items()} for k, v in com.get("symbol_names", {}).items()}
    # the currency's own names first, then the context words: _context_currency takes the
    # first list that finds anything
    return symbols, aliases, prefix, {k: (names.get(k, {}), v) for k, v in ctx.items()}


@lru_cache(maxsize=None)
def _prefix_tails() -> frozenset[str] | None:
    """Last characters of currency codes and symbols written before a number, in their
    case: the prefix pattern (_symbols) is case-sensitive, so a lower-case letter that no
    symbol ends with ("told 5", "the 5") rules it out, which lexicon.tails's either case
    did not (four in five numbers then searched it, one in seven found a symbol). None
    when a symbol ends with a space, which the look-up skips (no such symbol is written)."""
    com = lexicon.common()
    out: set[str] = set()
    for symbol in [str(k) for k in com.get("symbols", {})] + [str(c) for c in com.get("codes", [])]:
        last = symbol[-1:]
        if last.isspace():
            return None
        out |= {"'", "’"} if last in "'’" else {last}
    return frozenset(out)


def _may_end(text: str, lo: int, pos: int, tails: frozenset[str]) -> bool:
    """Whether text[lo:pos], trailing spaces aside, ends with one of ``tails``.

    End-anchored searches ("a hedge right before the number") try every start in
    their window; this one-character test rules most of them out first, exactly:
    such a pattern needs one of its phrases, then spaces, then the end.
    """
    j = pos - 1
    while j >= lo and text[j].isspace():
        j -= 1
    return j >= lo and (text[j] in tails or text[j].lower() in tails)


def _currency_of(token: str, lex: Lexicon) -> tuple[str, float, str | None]:
    """ISO code, factor (cents → 0.01) and the symbol when context may change it."""
    symbols, aliases, _, ctx = _symbols()
    if token in symbols:
        return symbols[token], 1.0, (token if token in ctx else None)
    if token.upper() == token and token.isalpha() and len(token) == 3:
        return aliases.get(token, token), 1.0, None
    norm = _SPACES.sub(" ", token.lower().replace("’", "'"))
    code, factor = lex.currencies.get(norm, (None, 1.0))
    if code is None:
        return aliases.get(token.upper(), token.upper()), 1.0, None
    if code in ctx:  # a name as open as a symbol ("kronen": kr): the page decides, as for "kr"
        return symbols.get(code, code), factor, code
    return aliases.get(code, code), factor, None


def _suffix(text: str, pos: int, end: int, lex: Lexicon, raw: _Raw, prefixed_currency: bool, scaled: bool = False) -> None:
    """Read scale, currency, percent, points or unit after the number, in place.

    ``scaled``: the number already ends in a scale word ("veinticinco millones"), so
    a connector may follow before the currency or unit ("… de euros"), as after a
    written scale ("1,2 millones de barriles").
    """
    m = lex.points_re.match(text, pos, end)
    if m:
        word = m.group().strip().lower()
        factor = 0.01 if word in lex.basis_points else 1.0
        raw.kind, raw.unit, raw.end, raw.has_suffix = "percent", "pp", m.end(), True
        raw.value *= factor
        raw.step *= factor
        if factor == 1.0 and abs(raw.value) > 100:
            # no share moves by more than 100 points: "10.102,1 puntos", "20.123 Punkte" are an
            # index's level, a plain number that its headline's mark and its change can be read against
            raw.kind, raw.unit = "number", None
        return
    m = lex.percent_re.match(text, pos, end)
    if m:
        raw.kind, raw.unit, raw.end, raw.has_suffix = "percent", "%", m.end(), True
        return
    m = lex.scale_re.match(text, pos, end)
    if m:
        word = m.group().strip().lstrip("-‐‑").rstrip(".")  # "60-Millionen-Marke": hyphenated
        mult = lex.scales.get(word.lower().replace("’", "'"), lex.scales_case.get(word))
        if mult is not None:
            after = m.end()
            if after < end and text[after] == "." and lex.currency_name_re.match(text, after + 1, end):
                after += 1  # "1,5 Mrd. Euro": the abbreviation's dot, not a full stop
            cur = lex.currency_name_re.match(text, after, end)
            if cur is None and m.group()[:1] in "-‐‑" and text.startswith(("-", "‐", "‑"), after):
                cur = lex.currency_name_re.match(text, after + 1, end)  # "die 100-Millionen-Euro-Grenze"
            if cur is None:
                conn = lex.connector_re.match(text, after, end)
                if conn:
                    cur = lex.currency_name_re.match(text, conn.end(), end)
            decimal_glued = 0 < raw.step < 1 and not text[pos].isspace()  # "168.6m": a decimal count of millions
            if word in lex.scales_with_currency_only and not (cur or prefixed_currency or decimal_glued
                                                              or _before_count(text, after, end, lex)
                                                              or not text[pos].isspace() and (
                                                                  _after_count_noun(text, raw.start, lex)
                                                                  or _before_unit(text, after, end, lex)
                                                                  or _glued_sibling(text, pos, after, word))):
                pass  # "5 m" is five metres, not five million; "445m shares", "168.6m" are millions
            elif word in lex.scales_glued_only and text[pos].isspace() and not (cur or prefixed_currency):
                pass  # "1.2b" is 1.2 billion, "item 5 b" is no scale
            else:
                raw.scale, raw.scale_mult, raw.end, raw.has_suffix = word, mult, after, True
                raw.num_end = m.end()
                pos = after
                scaled = True
                if cur is not None:
                    _set_currency(raw, cur.group().strip(), lex, cur.end())
                    return
    if raw.kind == "money":
        return
    cur = _match_after(lex.currency_name_re, text, pos, end, lex, scaled)
    if cur is not None and (scaled or cur.start() > pos or cur.group()[:1].isspace()) \
            and _key(cur.group().strip()) in lex.currencies_glued_only:
        cur = None  # "20p" is 20 pence; "12 p.a." and "S&P 500" hold none
    if cur is None and pos + 1 < end and text[pos] == "-":
        cur = lex.currency_word_re.match(text, pos + 1, end)  # "a 12-cent dividend", "one-yen bid"
    if cur is not None:
        _set_currency(raw, cur.group().strip(), lex, cur.end())
        return
    m = _match_after(lex.unit_re, text, pos, end, lex, scaled)
    if m is None and pos + 1 < end and text[pos] == "-" and not scaled:
        m = lex.unit_re.match(text, pos + 1, end)  # "a five-year plan", "a 10-year bond": a duration
        if m and (lex.units.get(m.group().strip()) not in DURATION_CODES or m.group()[:1].isspace()
                  or text.startswith("-", m.end())):  # "a five-year-old": an age
            m = None
    if m is None:
        # "les trois dernières années", "the past five years": a duration with an adjective
        adj = lex.duration_adjective_re.match(text, pos, end)
        if adj:
            m = lex.unit_re.match(text, adj.end(), end)
            if m and lex.units.get(m.group().strip()) not in DURATION_CODES:
                m = None
    if m:
        word = m.group().strip()
        raw.kind, raw.unit, raw.end, raw.has_suffix = "quantity", lex.units.get(word), m.end(), True
        factor = lex.unit_factors.get(word, 1.0)
        if factor != 1.0:
            raw.value *= factor
            raw.step *= factor


def _match_after(rx: re.Pattern[str], text: str, pos: int, end: int, lex: Lexicon, scaled: bool) -> re.Match[str] | None:
    """``rx`` right after the number, or after a connector when a scale word came first
    ("trois millions d'euros", "1.2 million of barrels")."""
    m = rx.match(text, pos, end)
    if m is None and scaled:
        conn = lex.connector_re.match(text, pos, end)
        if conn:
            m = rx.match(text, conn.end(), end)
    return m


def _set_currency(raw: _Raw, token: str, lex: Lexicon, end: int) -> None:
    code, factor, symbol = _currency_of(token, lex)
    raw.kind, raw.unit, raw.end, raw.has_suffix = "money", code, end, True
    raw.symbol = symbol or raw.symbol
    if factor != 1.0:
        raw.value *= factor
        raw.step *= factor
        raw.subunit = True
        raw.subunit_factor = factor


def _take_subunit(a: _Raw, b: _Raw) -> None:
    """A bare number that takes the currency of a subunit amount after it takes its factor too:
    "von 6,8 auf 15,1 Cent" starts at 0.068 euros, not 6.8."""
    if b.subunit and not a.subunit and b.subunit_factor != 1.0:
        a.value *= b.subunit_factor
        a.step *= b.subunit_factor
        a.subunit, a.subunit_factor = True, b.subunit_factor


@lru_cache(maxsize=None)
def _date_patterns(month: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """"20 avril 2020", "20. April 2020", "20 de abril de 2020", "April 20, 2020"."""
    day_month = re.compile(
        r"(?i)(?=\d)(?<!\d)\d{1,2}(?:er|\.|º|st|nd|rd|th)?" + _SP + r"*(?:de" + _SP + r"+)?(?:" + month + r")(?:"
        + _SP + r"*(?:de" + _SP + r"+)?\d{4})?"
    )
    # A month starts a word: "dismay 5" holds no date.
    # "September 2,2 Prozent", "September 2.2 million": a decimal, not a day
    month_day = re.compile(r"(?i)(?<![^\W_])(?:" + month + r")" + _SP + r"+\d{1,2}(?:st|nd|rd|th)?(?!\d|[.,]\d)(?:,?" + _SP + r"+\d{4})?")
    return day_month, month_day


_embed = lexicon.embed
_Guided = lexicon.Guided


# Every character a digit pattern may start with, as a superset that re checks fast: ASCII
# digits and signs, and every non-ASCII character (other scripts' digits among them).
_ANY_DIGIT = r"0-9\x80-\U0010ffff"
_URL_GUIDED = _Guided(_URL, "hHwW")  # (?i) folds no other character into h or w


_SCREENS: dict[int, tuple[Lexicon, _Guided, lexicon.WordGuided, lexicon.WordGuided]] = {}


def _screens(lex: Lexicon) -> tuple[_Guided, lexicon.WordGuided, lexicon.WordGuided]:
    """Two screens for the mask passes, one regex each instead of one per pattern.

    The digit screen is the alternation of the date, time, phone and quarter-code
    patterns; the phrase screen matches the start of any quarter, relative period,
    fraction, multiplier or month. A pattern cannot match before the first screen
    match (the screen would have matched there), so each pass starts at it, and a
    block without one (most blocks) skips the passes: same spans, one scan. The third
    is the phrase screen without IGNORECASE, for the lower-cased text (lexicon.folded).
    """
    hit = _SCREENS.get(id(lex))
    if hit is None or hit[0] is not lex:
        day_month, _ = _date_patterns(lex.month_re)
        digits = re.compile(r"(?=[\d+(QTHS])(?:" + "|".join(
            _embed(rx) for rx in (_TIME, _ISO_DATE, lex.time_re, _PHONE, day_month, _QCODE)) + ")")
        phrases = r"(?<![^\W_])(?:" + lex.phrase_screen + ")"
        hit = _SCREENS[id(lex)] = (lex, _Guided(digits, _ANY_DIGIT + "+(QTHS"), lexicon.WordGuided(re.compile("(?i)" + phrases)),
                                   lexicon.WordGuided(re.compile(phrases)))
    return hit[1], hit[2], hit[3]


_PERIOD_FINDERS: dict[int, tuple[Lexicon, tuple[lexicon.WordGuided, ...], tuple[lexicon.WordGuided, ...]]] = {}


def _period_finders(lex: Lexicon, folded: bool) -> tuple[lexicon.WordGuided, ...]:
    """The month-day date, quarter and relative-period patterns of _masks, for the text
    or (``folded``) for the text lower-cased (lexicon.folded).

    Each opens with a word-start lookbehind and IGNORECASE, so re alone enters its
    case-insensitive trie at every character from the phrase screen's hit to the end of
    the block. Their words are lower-cased (lexicon._alternation's ``fold``): without
    the flag they match the folded text alike, and a case-sensitive trie skips branches
    on their first letter; a guide (lexicon.WordGuided) tries them only after a space
    or a mark. Same matches, at the same offsets; their text is read from the page."""
    hit = _PERIOD_FINDERS.get(id(lex))
    if hit is None or hit[0] is not lex:
        patterns = (_date_patterns(lex.month_re)[1], lex.quarter_re, lex.relative_re)
        assert all(p.pattern.startswith("(?i)") for p in patterns)
        hit = _PERIOD_FINDERS[id(lex)] = (lex, tuple(lexicon.WordGuided(p) for p in patterns),
                                          tuple(lexicon.WordGuided(re.compile(p.pattern[4:])) for p in patterns))
    return hit[2] if folded else hit[1]


def _matches_at(rx: re.Pattern[str], text: str, places: list[int], pos: int, end: int) -> Iterator[re.Match[str]]:
    """``rx.finditer(text, pos, end)`` for a pattern that matches only at ``places`` (in
    text order, all of them from ``pos`` on): tried there, no search along the text. A
    match starts the next try at its end, as finditer's do not overlap."""
    free = pos
    match = rx.match
    for p in places:
        if p >= free and (m := match(text, p, end)) is not None:
            yield m
            free = m.end()


def _found(finder: lexicon.WordGuided, text: str, pos: int, end: int, places: list[int] | None) -> Iterator[re.Match[str]]:
    """``finder``'s matches from ``pos`` on: at ``places`` when the pair scan gave them (its
    pattern opens with a phrase of the screen, and the screen matched at every place it
    does), else searched for."""
    return finder.finditer(text, pos, end) if places is None else _matches_at(finder.rx, text, places, pos, end)


def _masks(text: str, start: int, end: int, lex: Lexicon, periods: list[Period],
           w: int | None, low: str | None = None, hits: list[int] | None = None) -> list[tuple[int, int]]:
    """Spans that hold no figure to check: dates, times, phone numbers, quarters, years.
    ``w``: where the block's first phrase-screen match starts (see _screens); ``low``: the
    text lower-cased (lexicon.folded), where a block without "://" or "www." holds no URL;
    ``hits``: every place the phrase screen matches (lexicon.WordGuidedPair.scan), when
    known: each month-day date, quarter and relative period opens with a month or a phrase
    of the screen, so they are matched there only (_matches_at), not searched for."""
    spans: list[tuple[int, int]] = []
    if text.find("[", start, end) >= 0:  # (str's find skips a block without one faster than re)
        spans += [m.span() for m in _FOOTNOTE.finditer(text, start, end)]
    if low is None or low.find("://", start, end) >= 0 or low.find("www.", start, end) >= 0:
        spans += [m.span() for m in _URL_GUIDED.finditer(text, start, end)]
    digit_screen = _screens(lex)[0]
    d = digit_screen.search(text, start, end)
    day_month = _date_patterns(lex.month_re)[0]
    if d:
        at = d.start()
        for rx in (_TIME, _ISO_DATE, lex.time_re, day_month):
            spans += [m.span() for m in rx.finditer(text, at, end)]
        spans += _phones(text, at, end)
    names = _index_names()
    if names is not None:  # not glued to a word before: "ABCAC 40" names no index
        spans += [m.span() for m in names.finditer(text, start, end) if m.start() == start or not _WORDCHAR.match(text, m.start() - 1)]
    if w is not None:
        month_day, quarters, relatives = _period_finders(lex, low is not None)
        src = text if low is None else low
        # "fin mars 38 % des abonnés", "end of March 38% of users": a day takes no percent sign
        spans += [m.span() for m in _found(month_day, src, w, end, hits) if not lex.percent_re.match(text, m.end(), end)]
        for m in _found(quarters, src, w, end, hits):
            said = text[m.start():m.end()]
            periods.append(Period(m.start(), m.end(), said, "quarter", lex.quarters.get(said.lower().replace("’", "'"), said)))
            spans.append(m.span())
    for m in _QCODE.finditer(text, d.start(), end) if d else ():
        code = m.group()
        q = code[0] + code[1] if code[0] in "QTHS" else code[1] + code[0]
        q = q.replace("T", "Q").replace("S", "H")
        periods.append(Period(m.start(), m.end(), code, "quarter", q))
        spans.append(m.span())
    for m in _found(relatives, src, w, end, hits) if w is not None else ():
        said = text[m.start():m.end()]
        periods.append(Period(m.start(), m.end(), said, "relative", lex.relative_periods.get(said.lower().replace("’", "'"), "")))
    return spans


def _phones(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Phone numbers, and the numbers listed right after one ("… or 900 100 200")."""
    spans: list[tuple[int, int]] = []
    for m in _PHONE.finditer(text, start, end):
        if sum(c.isdigit() for c in m.group()) < 7:
            continue
        spans.append(m.span())
        pos = m.end()
        while (n := _PHONE_NEXT.match(text, pos, end)) is not None and sum(c.isdigit() for c in n.group(1)) >= 6:
            spans.append(n.span(1))
            pos = n.end()
    return spans


class _Spans:
    """Spans to test figures against ("is this number inside a date?") in log time.

    ``hits(s, e)`` is true when a span contains the start or the end of [s, e), as the
    linear ``any(a <= s < b or a < e <= b)`` it replaces: spans sorted by start, with the
    running maximum of their ends.
    """

    __slots__ = ("starts", "max_end")

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.max_end: list[int] = []
        top = -1
        for _, b in ordered:
            if b > top:
                top = b
            self.max_end.append(top)

    def covers(self, s: int, e: int) -> bool:
        """Whether one span holds all of [s, e)."""
        i = bisect_right(self.starts, s)
        return bool(i) and self.max_end[i - 1] >= e

    def hits(self, s: int, e: int) -> bool:
        i = bisect_right(self.starts, s)  # spans with a <= s: one of them reaches past s?
        if i and self.max_end[i - 1] > s:
            return True
        j = bisect_left(self.starts, e)  # spans with a < e: one of them reaches e?
        return bool(j) and self.max_end[j - 1] >= e


def _inside(spans: _Spans, s: int, e: int) -> bool:
    return spans.hits(s, e)


def _digits(text: str, start: int, end: int, lex: Lexicon, masks: _Spans, periods: list[Period],
            decimal: str | None = None) -> list[_Raw]:
    decimal = decimal or lex.decimal
    out: list[_Raw] = []
    _, _, prefix_re, _ = _symbols()
    last_end = start
    sign_tails = lex.tails["sign"]
    for m in _NUM.finditer(text, start, end):
        s, e = m.span("num")
        if s < last_end:
            continue  # read already as part of the figure before ("7 por 100" is 7 %)
        sep, sign = m.group("sep", "sign")
        before = text[s - 1] if s > 0 else " "
        lead = before == decimal and sep is None and not sign and (
            s - 1 <= start or text[s - 2].isspace() or text[s - 2] == "(")
        if lead:
            s -= 1  # a leading decimal mark: ".08" in English, ",23456000" in French
        elif (before.isalnum() or before in "_.,/") and not _glued_currency(text, start, s):
            continue  # glued to a word: an id ("A320"), not a figure
        if before in "-–" and s > 1 and text[s - 2].isalnum():
            w = _WORD_BEFORE_DASH.search(text, max(start, s - 24), s - 1)
            if w is None or _LETTER.search(w.group()) or _YEAR.fullmatch(w.group()):
                continue  # "COVID-19", "A320-200", "2019-20": an id or a year span; "10-12" is a range
        if masks.hits(s, e):
            continue
        if e < end and text[e] == "." and e + 1 < end and text[e + 1].isdigit():
            continue  # version numbers, dotted ids
        num = text[s:e]
        if lead:
            pass
        elif e + 1 < end and text[e] == "," and text[e + 1].isdigit() and sep is None:
            lm = _LIST.match(text, s, end)  # "nrs. 22,24,26,31": a list, not 22.24
            if lm:
                for item in _LIST_ITEM.finditer(text, s, lm.end()):
                    if not _inside(masks, *item.span()):
                        out.append(_Raw(start=item.start(), end=item.end(), value=float(item.group()), step=1.0,
                                        num_start=item.start(), num_end=item.end(), num_value=float(item.group())))
                last_end = lm.end()
                continue
        nxt = text[e] if e < end else ""
        if nxt.isalpha() and _digit_names().match(text, s, end):
            continue  # "5G", "4K": a name, not five billion
        value, step = parse_number(num, decimal)
        xm = _EXPONENT.match(text, e, end) if nxt in ("e", "E", "^") else None
        if xm:
            value, step, e = _power(value, xm), 0.0, xm.end()
        fs = s
        fm = _DENOMINATOR.match(text, e, end) if text.startswith("/", e) else None  # (its pattern opens with "/")
        if fm and step == 1.0 and sep is None and 0 < value < int(fm.group(1)) <= 1000:
            # "3/4", "7 3/4 %" (bond coupons): a fraction, exact; "24/7" and dates are not
            value, step, e = value / int(fm.group(1)), 0.0, fm.end()
            prev = out[-1] if out else None
            if prev is not None and prev.kind == "number" and not prev.has_suffix and prev.parts is None \
                    and prev.step == 1.0 and prev.scale is None and _SPACES_ONLY.fullmatch(text, prev.end, s):
                out.pop()
                value, fs = prev.value + value, prev.start
                s = prev.start
        if sign and (m.start() == 0 or not text[m.start() - 1].isalnum()):
            fs = m.start()
            if sign in "-−":
                value = -value
        if not sign and lex.signs:
            lo = max(start, s - 12)
            sm = lex.sign_re.search(text, lo, s) if _may_end(text, lo, s, sign_tails) else None
            if sm and not lex.hedge_re.search(text, max(start, s - 30), s):  # "minus 0,5 Prozent", not "al menos 5"
                fs = sm.start()
                value *= lex.signs.get(_key(sm.group(1)), 1.0)
        raw = _Raw(start=fs, end=e, value=value, step=step, num_start=fs, num_end=e, num_value=value)
        # currency before the number: "$28bn", "€ 25.8", "USD 5", "US$ 3"
        pm = _prefix_currency(text, start, fs)
        if pm:
            _set_currency(raw, pm.group().strip(), lex, e)
            raw.start = pm.start()
            raw.end = e
        # ordinals glued to digits: "1er", "4th", "3e"
        if raw.kind == "number":
            om = lex.ordinal_re.match(text, e, end)
            if om:
                raw.kind, raw.end = "ordinal", om.end()
                out.append(raw)
                last_end = raw.end
                continue
        _suffix(text, raw.end, end, lex, raw, raw.kind == "money")
        if raw.end < end and _LETTER.match(text, raw.end) and not raw.has_suffix:
            continue  # "5G", "3D": a name, not a figure
        if not sign and raw.start == fs and _LINE_END.match(text, raw.end, end):  # (_spaced_sign's first test)
            _spaced_sign(text, start, end, raw)
        if raw.kind == "number" and not raw.has_suffix and step == 1.0 and sep is None \
                and _YEAR.fullmatch(m.group("num")) and not sign:
            periods.append(Period(s, e, m.group("num"), "year", m.group("num")))
            continue  # "en 2019": a year standing as a date
        out.append(raw)
        last_end = raw.end
    return out


# A minus spaced from its number ("- 1 4/5", "- 10 k"): a sign only when the signed number is
# all its line holds and no line next to it opens with a dash. Otherwise "- " opening a line
# is a list bullet ("- 10 k€ pour…", "- 12\n- 15"), and one inside a line a dash ("the
# index - 10 points down").
_SPACED_SIGN = re.compile(r"(?:^|(?<=\n))[ \t\u00a0]*([-−])[ \t\u00a0]+$")
_LINE_END = re.compile(r"[ \t\u00a0]*(?:\n|$)")
_BULLET_LINE = re.compile(r"[ \t\u00a0]*[-−–•*][ \t\u00a0]")


def _spaced_sign(text: str, start: int, end: int, raw: _Raw) -> None:
    """Negate ``raw`` in place when a spaced minus before it is its sign (see _SPACED_SIGN)."""
    if raw.num_start < 0 or not _LINE_END.match(text, raw.end, end):
        return
    line = text.rfind("\n", 0, raw.start) + 1
    m = _SPACED_SIGN.search(text, max(start, line), raw.start)
    if m is None:
        return
    nxt = text.find("\n", raw.end)
    if line > 0:
        prev = text.rfind("\n", 0, line - 1) + 1
        if _BULLET_LINE.match(text, prev):
            return
    if nxt >= 0 and _BULLET_LINE.match(text, nxt + 1):
        return
    raw.start = raw.num_start = m.start(1)
    raw.value, raw.num_value = -raw.value, -raw.num_value


# What the digits of a page say of its decimal mark, whatever its language writes: marks they
# settle ("1,234.5", "1,234,567" group with commas; "1.234,5", "1.234.567" with points), and a
# mark before other than three digits ("8.3%", "162.1 millones"; "26,8 %", "1,25").
_POINT_SURE = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+\.\d+(?![\d.,])|(?<![\d.,])\d{1,3}(?:,\d{3}){2,}(?![\d.,])")
_COMMA_SURE = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})+,\d+(?![\d.,])|(?<![\d.,])\d{1,3}(?:\.\d{3}){2,}(?![\d.,])")
_POINT_DECIMAL = re.compile(r"(?<![\d.,])\d+\.(?:\d{1,2}|\d{4,})(?![\d.,])")
_COMMA_DECIMAL = re.compile(r"(?<![\d.,])\d+,(?:\d{1,2}|\d{4,})(?![\d.,])")
# Searched through a guide on their first digit (lexicon.Guided): opening with a lookbehind,
# they would be tried at every character of the page. The two comma patterns only ever
# say together whether a block writes a decimal comma: one search.
_COMMA_WRITTEN = _Guided(re.compile(_COMMA_SURE.pattern + "|" + _COMMA_DECIMAL.pattern), r"\d")
_POINT_SURE_GUIDED = _Guided(_POINT_SURE, r"\d")
_POINT_DECIMAL_GUIDED = _Guided(_POINT_DECIMAL, r"\d")


def _page_decimal(text: str, blocks: list[tuple[int, int, Lexicon]]) -> str | None:
    """A point, when the blocks of a language that writes a decimal comma write points
    instead: the Mexican and Central American press ("8.3%", "162.1 millones de
    operaciones"), whose "4,200 millones de dólares" and "3,912 tiendas" then group
    thousands. Only on evidence: a point decimal before a percent or scale word (not a
    clock time, "a las 10.30") or grouping commas the digits settle, and no comma
    decimal anywhere in those blocks; else None, and each block keeps its language's mark."""
    point = False
    for start, end, lex in blocks:
        if lex.decimal != ",":
            continue
        if _COMMA_WRITTEN.search(text, start, end):
            return None
        if not point:
            point = _POINT_SURE_GUIDED.search(text, start, end) is not None or any(
                lex.percent_re.match(text, m.end(), end) or lex.scale_re.match(text, m.end(), end)
                for m in _POINT_DECIMAL_GUIDED.finditer(text, start, end))
    return "." if point else None


# Three or more integers joined by commas without spaces, which no thousands grouping
# reads ("22,24,26,31"; "1,234,567" is _NUM's grouped number and never gets here).
_LIST = re.compile(r"\d+(?:,\d+){2,}(?![\d.,]?\d)")
_LIST_ITEM = re.compile(r"\d+")


def _power(value: float, xm: re.Match[str]) -> float:
    """The number raised as written after it: "127.32e13" (exact in decimal), "1.1^23"."""
    if xm.group("e") is not None:
        return float(Decimal(repr(value)).scaleb(int(xm.group("e"))))
    n = int(xm.group("n"))
    if xm.group("p") == "-":
        n = -n
    try:
        return float(value) ** n
    except (OverflowError, ZeroDivisionError):
        return value


@lru_cache(maxsize=None)
def _digit_names() -> re.Pattern[str]:
    """Digits glued to letters that name a thing ("5G" networks, "4K" screens), from
    common.yaml: read as a scale ("10G"), they would become figures."""
    names = [str(n) for n in lexicon.common().get("digit_names", [])]
    return re.compile(r"(?:" + lexicon._alternation(names, flags_word_end=True) + r")(?![^\W_])")


@lru_cache(maxsize=None)
def _index_names() -> re.Pattern[str] | None:
    """Names of stock indices written with a number ("CAC 40", "FTSE 100", "S&P 500"), from
    common.yaml: the number is part of the name, no figure ("14 % pour le CAC 40 et 9 %" lists
    no 40 %). A space in a name matches any run of spaces or a hyphen ("Nasdaq-100"). Matched
    as written, in capitals or with each word capitalised ("Cac 40"): a case-sensitive pattern
    lets re skip to the letters that may begin one, where an ignore-case one tries every place.
    Product models named with a number (common.yaml ``model_names``: "Boeing 737", "Airbus
    320") are read alike: "181 of the 210 Boeing 737 jets" counts no 737 jets."""
    common = lexicon.common()
    names = {str(n) for key in ("index_names", "model_names") for n in common.get(key, [])}
    if not names:
        return None
    forms = names | {n.upper() for n in names} | {" ".join(w[:1].upper() + w[1:].lower() for w in n.split()) for n in names}
    alt = lexicon._alternation(sorted(forms)).replace(lexicon._SPACE_RUN, r"[\s\u00a0\u202f-]+")
    return re.compile(r"(?:" + alt + r")(?![^\W_])")


def _prefix_currency(text: str, start: int, pos: int) -> re.Match[str] | None:
    """A currency symbol or code right before ``pos``: "$28bn", "€ 25.8", "USD 5", "US$ 3",
    "$ un mil millones"."""
    lo = max(start, pos - 8)
    # A match ends with a symbol, one space at most, and ("$" in re) maybe a last newline:
    # the symbol's last character stands in the last three places, the spaces after it.
    tails = _prefix_tails()
    if tails is not None:
        j = pos - 1
        if j >= lo and text[j].isspace():
            j -= 1
            if j >= lo and text[j].isspace():
                j -= 1
        if j < lo or text[j] not in tails:
            return None
    prefix_re = _symbols()[2]
    pm = prefix_re.search(text, lo, pos)
    if pm and pm.group()[:1].islower() and not pm.group()[-1:].isspace():
        pm = prefix_re.search(text, pm.start() + 1, pos)  # "told us $5": a pronoun; wire copy spaces "us $ 150"
    return pm


def _key(phrase: str) -> str:
    """A matched phrase as lexicon keys are written: lower case, ' for ’, single spaces."""
    return _SPACES.sub(" ", phrase.lower().replace("’", "'"))


_SPACES = re.compile(r"[\s\u00a0\u202f]+")


_GRAMMARS: dict[int, tuple[Lexicon, numwords.Grammar | None, tuple[lexicon.WordGuidedPair, lexicon.WordGuidedPair] | None]] = {}


def _grammar(lex: Lexicon) -> numwords.Grammar | None:
    """The number-word grammar of a lexicon's language (one dict lookup per block)."""
    return _grammar_and_screens(lex)[0]


def _grammar_and_screens(lex: Lexicon) -> tuple[numwords.Grammar | None,
                                                tuple[lexicon.WordGuidedPair, lexicon.WordGuidedPair] | None]:
    """The grammar, and its run screen paired with the phrase screen (_screens) in one
    pass (lexicon.WordGuidedPair): for the text, and for the text lower-cased."""
    hit = _GRAMMARS.get(id(lex))
    if hit is None or hit[0] is not lex:
        g = numwords.grammar(lex.language, lex.ordinal_words)
        _, phrases, folded_phrases = _screens(lex)
        pairs = None if g is None else (lexicon.WordGuidedPair(phrases.rx, g.run_re),
                                        lexicon.WordGuidedPair(folded_phrases.rx, g.folded_run_re))
        hit = _GRAMMARS[id(lex)] = (lex, g, pairs)
    return hit[1], hit[2]


def _words(text: str, start: int, end: int, lex: Lexicon, taken: _Spans, masks: _Spans,
           runs: list[re.Match[str]] | None) -> list[_Raw]:
    """Numbers written in words: the language's number-word grammar (numwords) where it
    has one, text2num otherwise; ordinals always through text2num. ``runs``: the
    grammar's runs of number words in the block (_scan finds them with the phrases)."""
    g = _grammar(lex)
    if g is None or runs is None:
        return _words_text2num(text, start, end, lex, taken, masks)
    out: list[_Raw] = []
    for m in runs:
        s, e = g.run_start(text, m.start(), start), m.end()
        if taken.covers(s, e) or masks.covers(s, e):
            continue  # the scale word of a digit figure ("3 milliards d'euros")
        words = g.words(text, s, e)
        if not taken.hits(s, e) and not masks.hits(s, e):
            out += _read_segment(g, words, text, start, end, lex)
            continue
        # words inside a digit figure or a masked span ("3 millions et demi") split the run
        segment: list[numwords.Word] = []
        for w in words + [None]:  # type: ignore[list-item]
            if w is not None and not _inside(taken, w.start, w.end) and not _inside(masks, w.start, w.end):
                segment.append(w)
                continue
            if segment:
                out += _read_segment(g, segment, text, start, end, lex)
                segment = []
    if len(out) < 2:
        return out
    kept: list[_Raw] = []
    for raw in sorted(out, key=lambda r: r.start):  # a number word inside the unit before ("… dos por ciento")
        if not kept or raw.start >= kept[-1].end:
            kept.append(raw)
    return kept


def _read_segment(g: numwords.Grammar, words: list[numwords.Word], text: str, start: int, end: int,
                  lex: Lexicon) -> list[_Raw]:
    out: list[_Raw] = []
    numbers, left = g.parse(words, text)
    last_end = -1
    for n in numbers:
        s, e, value = n.start, n.end, n.value
        if s < last_end:
            continue  # read already as the unit of the number before ("… coma dos por ciento")
        raw = _Raw(start=s, end=e, value=value, step=n.step, num_start=s, num_end=e, num_value=value)
        if " ".join(n.words) in lex.ignore_alone and not _qualified(text, e, end, lex):
            raw.weak = True  # "one" alone is a word; "one trillion", "one penny", "one over three" are figures
        if lex.signs and _may_end(text, max(start, s - 12), s, lex.tails["sign"]):
            sm = lex.sign_re.search(text, max(start, s - 12), s)
            if sm and not lex.hedge_re.search(text, max(start, s - 30), s):  # "min vijf procent"
                raw.start = raw.num_start = sm.start()
                raw.value = raw.num_value = value * lex.signs.get(_key(sm.group(1)), 1.0)
                raw.weak = False  # "minus one"
        if len(n.words) == 1 and _in_name(text, start, s, e, end, lex):
            continue  # "Jan De Nul", "Les Deux Alpes", "vendu Trois Suisses": a name's word
        if " ".join(n.words) in lex.counting_only and not lex.plural_next_re.match(text, e, end) \
                and not _qualified(text, e, end, lex) and not g.over_re.match(text, e, end):
            continue  # "l'immobilier neuf", "le neuf": the adjective; "neuf mois", "neuf sur dix": the number
        if raw.weak and not g.over_re.match(text, e, end) and not g.over_end_re.search(text, max(start, s - 12), s) \
                and not _after_scale_joiner(text, start, s, lex):
            continue  # kept: "one over three", "3 hundred and one" (see _group_sum)
        if _in_percent_word(text, start, s, e, lex):
            continue  # the "cent" of "le pour cent restant" is part of a percent word
        pm = _prefix_currency(text, start, raw.start)  # "$ un mil millones"
        if pm:
            _set_currency(raw, pm.group().strip(), lex, e)
            raw.start = pm.start()
        _suffix(text, e, end, lex, raw, pm is not None, scaled=n.scaled)
        if n.fraction:
            raw.fraction = True
            raw.has_suffix = raw.has_suffix or n.value < 1
        out.append(raw)
        last_end = raw.end
    for a, b in left:
        out += _ordinals(words[a:b], text, end, lex)
    return out


def _in_name(text: str, start: int, s: int, e: int, end: int, lex: Lexicon) -> bool:
    """Whether a number written in one word is part of a name: capitalised inside its
    sentence, right after a word, with no scale, percent or currency after it ("Jan De
    Nul", "la station des Deux Alpes", "el polígono de Tres Cantos"), in a language
    whose body text capitalises names only (``capitalized_names``: not German, where
    "Hundert" and "Tausend" are nouns). A capital after a full stop, a quote or a
    bracket opens a sentence: "… en 2020. Trois entreprises …" stays a count."""
    if not lex.capitalized_names or not text[s].isupper():
        return False
    k = s - 1
    while k >= start and text[k] in " \t\u00a0\u202f":
        k -= 1
    return k >= start and text[k].isalpha() and not _qualified(text, e, end, lex)


def _glued_currency(text: str, start: int, pos: int) -> bool:
    """Whether the letters glued before a number are a currency code or a lettered
    symbol of two letters or more, as the financial press writes them: "CHF1.2bn",
    "EUR500m", "SFr1.1bn". A single letter ("R2", the rand's "R") stays an id."""
    if not text[pos - 1].isalpha():
        return False
    pm = _prefix_currency(text, start, pos)
    return pm is not None and len(pm.group().strip()) >= 2


def _ordinals(words: list[numwords.Word], text: str, end: int, lex: Lexicon) -> list[_Raw]:
    """Ordinals in words ("troisième", "einunddreißigste"), read by text2num."""
    toks = [(w.start, w.end, text[w.start:w.end]) for w in words]
    try:
        occ = find_numbers([_Tok(t[2]) for t in toks], lex.language, 0.0)
    except Exception:  # text2num rejects some inputs outright; they are not numbers
        return []
    out = []
    for o in occ:
        ws = toks[o.start:o.end]
        if ws and o.is_ordinal:
            out.append(_Raw(start=ws[0][0], end=ws[-1][1], value=float(o.value), step=0.0, kind="ordinal",
                            num_start=ws[0][0], num_end=ws[-1][1], num_value=float(o.value)))
    return out


def _rank_ordinals(text: str, start: int, end: int, lex: Lexicon, taken: _Spans, masks: _Spans,
                   words: list[_Raw]) -> list[_Raw]:
    """Ranks text2num does not give as ordinals (``rank_ordinals``): "el segundo mayor
    grupo" (it leaves "segundo", the second of time, alone; it reads "tercer" as three),
    "der zweitgrößte Anbieter" (a rank glued to its superlative). A rank rule marks the
    rank's word, so it must be a figure. Not inside a period ("segundo trimestre") or a
    figure read already."""
    out: list[_Raw] = []
    for m in lex.rank_ordinal_re.finditer(text, start, end):
        s, e = m.start(), m.end()
        if taken.hits(s, e) or masks.hits(s, e) or any(w.start < e and s < w.end for w in words):
            continue
        word = m.group().lower()
        rank = lex.rank_ordinals.get(word)
        if rank is None:  # a stem glued to its superlative: the longest stem it opens with
            rank = lex.rank_ordinals[max((k for k in lex.rank_ordinals if word.startswith(k)), key=len)]
        out.append(_Raw(start=s, end=e, value=rank, step=0.0, kind="ordinal", num_start=s, num_end=e, num_value=rank))
    return out


def _words_text2num(text: str, start: int, end: int, lex: Lexicon, taken: _Spans, masks: _Spans) -> list[_Raw]:
    """Number words through text2num, for languages without a number-word grammar."""
    out: list[_Raw] = []
    for m in lex.number_word_re.finditer(text, start, end):
        if _inside(taken, m.start(), m.end()) or _inside(masks, m.start(), m.end()):
            continue
        if m.group().lower() in lex.ignore_alone and not _qualified(text, m.end(), end, lex):
            continue
        toks = [(t.start(), t.end(), t.group()) for t in _WORD_TOKEN.finditer(m.group())]
        try:
            occ = find_numbers([_Tok(t[2]) for t in toks], lex.language, 0.0)
        except Exception:  # text2num rejects some inputs outright; they are not numbers
            continue
        base = m.start()
        last_end = start
        for o in occ:
            words = toks[o.start:o.end]
            if not words:
                continue
            phrase = " ".join(w[2].lower() for w in words)
            s, e = base + words[0][0], base + words[-1][1]
            if s < last_end:
                continue  # read already by the figure before ("un mil millones": "un" took the scale)
            if phrase in lex.ignore_alone and not _qualified(text, e, end, lex):
                continue  # "one" alone is a word; "one trillion", "one penny", "cent pourcent" are figures
            step = min((lex.scales[w[2].lower()] for w in words if w[2].lower() in lex.scales), default=1.0)
            value = float(o.value)
            if lex.signs and _may_end(text, max(start, s - 12), s, lex.tails["sign"]):
                sm = lex.sign_re.search(text, max(start, s - 12), s)
                if sm and not lex.hedge_re.search(text, max(start, s - 30), s):  # "min vijf procent"
                    s, value = sm.start(), value * lex.signs.get(_key(sm.group(1)), 1.0)
            raw = _Raw(start=s, end=e, value=value, step=0.0 if step == 1.0 else step,
                       num_start=s, num_end=e, num_value=value)
            if o.is_ordinal:
                raw.kind = "ordinal"
            else:
                pm = _prefix_currency(text, start, s)  # "$ un mil millones"
                if pm:
                    _set_currency(raw, pm.group().strip(), lex, e)
                    raw.start = pm.start()
                _suffix(text, e, end, lex, raw, pm is not None, scaled=words[-1][2].lower() in lex.scales)
            out.append(raw)
            last_end = raw.end
    return out


def _qualified(text: str, pos: int, end: int, lex: Lexicon) -> bool:
    """Whether a scale, percent or currency word follows ``pos``: a word that is a
    number only in a longer expression ("one", "un", "een", "cent") is then a figure
    ("one trillion", "one penny", "een kwartje", "cent pourcent", "one-yen"); so it is before
    a noun of a span of two to ten years ("une décennie", "a decade")."""
    q = lex.qualifier_re.match(text, pos, end)
    if q is not None:
        return q.group("noun") is None or _key(q.group("noun").strip()) not in lex.article_nouns
    # a span of several years named by one noun ("une décennie", "a decade", "un lustro"): a
    # duration, as "deux décennies" is
    w = _SPAN_NOUN.match(text, pos, end)
    if w is not None and lex.units.get(w.group(1)) == "year" and 2 <= lex.unit_factors.get(w.group(1), 1) <= 10:
        return True
    return pos + 1 < end and text[pos] == "-" and lex.currency_word_re.match(text, pos + 1, end) is not None


_SPAN_NOUN = re.compile(r"[ \u00a0]+([^\W\d_]+)\b")


def _percent_before(text: str, raws: list[_Raw], lex: Lexicon, start: int) -> None:
    """"percent of 10", "pourcentage de vingt", "percentage van 30": a percent word
    before a bare number that ends the phrase (punctuation or the end follows) makes
    it a percentage, in place. Before a noun ("the percentage of 20 countries") the
    number counts things, and stays a number."""
    tails = lex.tails["percent_before"]
    prev_end = start
    for raw in raws:
        lo = max(prev_end, raw.start - 30)  # "5 % of 20.": the percent word is the 5's
        if raw.end > prev_end:
            prev_end = raw.end
        if raw.has_suffix or raw.kind != "number" or raw.scale is not None:
            continue
        j = raw.start - 1  # _may_end, inline: most numbers are no percent's
        while j >= lo and text[j].isspace():
            j -= 1
        if j < lo or text[j] not in tails or _AMOUNT_END.match(text, raw.end) is None:
            continue
        m = lex.percent_before_re.search(text, lo, raw.start)
        if m:
            raw.start, raw.kind, raw.unit, raw.has_suffix = m.start(), "percent", "%", True


def _phrases(text: str, start: int, end: int, lex: Lexicon, taken: _Spans, masks: _Spans,
             hits: list[int] | None = None) -> list[_Raw]:
    """Fractions, multipliers and round amounts in words; a fraction or a round amount
    may take a scale or currency ("anderthalb Millionen Euro", "le cap du milliard
    d'euros"). Masked spans ("first half" as a period) are skipped. ``hits``: every place
    the phrase screen matches, which holds these phrases (see _masks): tried there only."""
    out = []
    found = lex.phrase_re.finditer(text, start, end) if hits is None else _matches_at(lex.phrase_re, text, hits, start, end)
    for m in found:
        if _inside(taken, m.start(), m.end()) or _inside(masks, m.start(), m.end()):
            continue
        key = _key(m.group())
        if key in lex.multipliers:
            out.append(_Raw(m.start(), m.end(), lex.multipliers[key], 0.0, unit="x", has_suffix=True))
        elif key in lex.fractions:
            raw = _Raw(m.start(), m.end(), lex.fractions[key], 0.0, num_start=m.start(), num_end=m.end(),
                       num_value=lex.fractions[key])
            _suffix(text, m.end(), end, lex, raw, False)
            raw.has_suffix = raw.fraction = True
            out.append(raw)
        elif key in lex.round_amounts:  # "le cap du milliard d'euros": 1e9 EUR, exactly
            # the figure is the last word ("milliard"), not the article before it
            first = m.start() + len(m.group()) - len(m.group().split()[-1])
            raw = _Raw(first, m.end(), lex.round_amounts[key], 0.0)
            _suffix(text, m.end(), end, lex, raw, False, scaled=True)
            out.append(raw)
    return out


def _period_fraction(text: str, r: _Raw, lex: Lexicon, taken: _Spans) -> bool:
    """Whether a fraction in words (read by the grammar or as a phrase) is a period right
    after a figure in digits: "£45m a quarter" is per quarter, no fraction."""
    if not (r.fraction and lex.period_fractions and _key(text[r.start:r.end]) in lex.period_fractions):
        return False
    k = r.start - 1
    while k >= 0 and text[k] in " \u00a0\u202f":
        k -= 1
    return 0 <= k < r.start - 1 and taken.covers(k, k + 1)


def _overlaps(a: _Raw, b: _Raw) -> bool:
    return a.start < b.end and b.start < a.end


def _prefer_longer(words: list[_Raw], phrases: list[_Raw]) -> list[_Raw]:
    """Number words and word phrases that overlap: the longer reading wins
    ("Two-thirds" over "Two", "un cuarto" over the ordinal "cuarto")."""
    keep_words = [w for w in words if not any(_overlaps(w, p) and p.end - p.start > w.end - w.start for p in phrases)]
    keep_phrases = [p for p in phrases if not any(_overlaps(w, p) for w in keep_words)]
    return keep_words + keep_phrases


_LIST_COMMA = re.compile(_SP + r"*," + _SP + r"*")


def _listed_percents(text: str, raws: list[_Raw], lex: Lexicon) -> None:
    """Bare numbers listed before a percentage are percentages too, in place:
    "respectivement 40 et 25 %", "11,9 en 11,2 procent", "12, 9 et 4 %".

    The list's last link is a joiner of the language ("et", "en", "y el"), the others
    commas; a number with a unit, a scale or a word of its own ends the list, and
    numbers in words ("deux et 25 %") are left alone. Two parallel items are a list
    too: "Eurowings mit 17 und Ryanair mit 11 Prozent" (see _parallel). A count in the
    thousands before a percentage ten times smaller is no percentage of the list but the
    count the percentage restates: "davon 14.800 oder 35,8 Prozent in Deutschland".
    """
    for i in range(len(raws) - 1, 0, -1):
        b = raws[i]
        if b.kind == "percent" and b.unit == "%":
            for a in _listed_before(text, raws, i, lex, parallel=True,
                                    fits=lambda a, b=b: a.value < 1000 or a.value <= 10 * abs(b.value)):
                a.kind, a.unit = "percent", "%"


def _listed_amounts(text: str, raws: list[_Raw], lex: Lexicon) -> None:
    """Bare numbers listed before a scaled amount are amounts of that scale and currency,
    in place: "mit 365 beziehungsweise 371 Millionen Euro", "respectivement 29 et 22 millions
    d'euros", "21 and 18 million euros". As in _listed_percents, the last link is a joiner of
    the language and the others commas; only a plain number in digits qualifies (no unit,
    scale or word of its own), not a year, and within a factor 10 of the amount it is
    listed with (else another measure: "in 340 Filialen und 371 Millionen Euro" has a word)."""
    for i in range(len(raws) - 1, 0, -1):
        b = raws[i]
        if b.kind != "money" or b.scale is None or b.parts is not None or not b.value:
            continue
        for a in _listed_before(text, raws, i, lex,
                                fits=lambda a, b=b: not (a.value.is_integer() and 1900 <= a.value <= 2100)
                                and 0.1 < a.value / b.value < 10):
            _take_subunit(a, b)
            a.kind, a.unit, a.scale, a.scale_mult, a.symbol, a.subunit = b.kind, b.unit, b.scale, b.scale_mult, b.symbol, b.subunit


def _listed_scaled(text: str, raws: list[_Raw], lex: Lexicon) -> None:
    """Scaled numbers with no currency listed before an amount in one take its currency, in
    place, each keeping its own scale: "1,5 milliard, 2,2 milliards et 900 millions d'euros"
    (the links of _listed_before)."""
    for i in range(len(raws) - 1, 0, -1):
        b = raws[i]
        if b.kind != "money" or b.scale is None or b.parts is not None:
            continue
        for a in _listed_before(text, raws, i, lex, item=_scaled_number):
            a.kind, a.unit, a.symbol, a.subunit = b.kind, b.unit, b.symbol, b.subunit


# What may follow a bare number listed after a quantity: a mark, or a word (a joiner,
# "de" before what the part is of); a letter-free end of the block too.
_AFTER_LISTED = re.compile(r"[\s\u00a0\u202f]*(?:[,.;:)]|$|([^\W\d_]+))")


def _listed_quantities(text: str, raws: list[_Raw], lex: Lexicon) -> None:
    """Bare numbers listed after a quantity, in its sentence, are of its unit, in place:
    "Andalucía aportó 530.000 toneladas, Castilla-La Mancha 110.000, Extremadura 55.000",
    "52.000 toneladas fueron de virgen extra, 21.000 de virgen y 27.000 toneladas de
    lampante". Only a plain number in digits (no unit, scale or word of its own), not a year,
    after a comma of the list, within a factor 50 of the quantity before it, and followed
    by a mark, a stopword or a link word ("de") that brings no counted noun ("4.600
    socios" is a count). A chain runs on: each number taken is the next one's quantity."""
    for i in range(1, len(raws)):
        a, b = raws[i - 1], raws[i]
        # (a scaled quantity is left alone: whether "5,3 millones de toneladas, 900.000" shares
        # the scale cannot be told, and taking it would make 900.000 millones)
        if a.kind != "quantity" or a.unit is None or a.unit in DURATION_CODES or a.parts is not None or not a.value \
                or a.scale is not None:
            continue
        if not _plain_digits(b, text) or (b.value.is_integer() and 1900 <= b.value <= 2100):
            continue
        between = text[a.end:b.start]
        if "," not in between or _SENTENCE_BREAK.search(between) or len(between) > 60 or "(" in between:
            continue
        if not 1 / 50 < b.value / a.value < 50:
            continue
        m = _AFTER_LISTED.match(text, b.end)
        word = _norm_word(m.group(1)) if m and m.group(1) else None
        if m is None or (word is not None and word not in lex.stopwords and word not in lex.count_links) \
                or _before_count(text, b.end, len(text), lex):
            continue
        b.kind, b.unit = a.kind, a.unit


def _plain_digits(a: _Raw, text: str) -> bool:
    """A plain number in digits: no unit, scale or word of its own."""
    return (a.kind == "number" and not a.has_suffix and a.scale is None and a.parts is None
            and not a.weak and a.num_start >= 0 and text[a.num_end - 1:a.num_end].isdigit())


def _scaled_number(a: _Raw, text: str) -> bool:
    """A number with a scale word and no currency ("1,5 milliard")."""
    return a.kind == "number" and a.unit is None and a.scale is not None and a.parts is None and not a.weak and not a.fraction


def _listed_before(text: str, raws: list[_Raw], i: int, lex: Lexicon, parallel: bool = False,
                   fits: Callable[[_Raw], bool] = lambda a: True,
                   item: Callable[[_Raw, str], bool] = _plain_digits) -> list[_Raw]:
    """The numbers listed right before ``raws[i]``, nearest first: plain numbers in digits,
    or those ``item`` accepts. The list's last link is a joiner of the language ("et", "und",
    "bzw."), the others commas; a number ``item`` or ``fits`` refuses ends it. With
    ``parallel``, two parallel items make a list too (see _parallel)."""
    out: list[_Raw] = []
    link = lex.list_joiner_re
    for k in range(i - 1, -1, -1):
        a, nxt = raws[k], raws[k + 1]
        if not (item(a, text) and fits(a)
                and (link.fullmatch(text, a.end, nxt.start)
                     or (parallel and link is lex.list_joiner_re and _parallel(text, a, nxt, lex)))):
            break
        out.append(a)
        link = _LIST_COMMA
    return out


_WORD_BEFORE = re.compile(r"([^\W\d_]+)" + _SP + r"+$")


def _parallel(text: str, a: _Raw, b: _Raw, lex: Lexicon) -> bool:
    """Whether "<word> a <joiner> <Name> <word> b": the same word before both numbers, a
    name (capitalised words, at most three) between — "Eurowings mit 17 und Ryanair mit
    11 Prozent". Other words between may name another measure ("op 25.000 en het
    rendement op 0,35 procent"), so they end the list."""
    w = _WORD_BEFORE.search(text, max(0, a.start - 24), a.start)
    j = lex.list_joiner_re.match(text, a.end, b.start)
    if w is None or j is None:
        return False
    names = r"(?:[^\W\d_a-z][^\W\d_]*" + _SP + r"+){1,3}?"  # lazy: the repeated word is the last
    return re.fullmatch(names + re.escape(w.group(1)) + _SP + r"+", text[j.end():b.start]) is not None


def _factors(text: str, raws: list[_Raw], lex: Lexicon, start: int) -> None:
    """Numbers that are factors, in place: "three times that of its rival", "2,5 fois
    plus", "multiplié par trois" read as ×3, ×2.5, ×3, as the multiplier phrases of the
    lexicon do ("a triplé"); "divisé par deux et demi" as ×0.4, the number read by the
    number-word grammar, so that no phrase per divisor is needed. How often something
    happened ("deux fois par an") is no factor: the lexicon's frequency words after "fois"
    say so."""
    for raw in raws:
        if raw.kind != "number" or raw.has_suffix or raw.scale is not None or raw.parts is not None:
            continue
        m = lex.times_re.match(text, raw.end)
        if m is not None:
            raw.unit, raw.end, raw.has_suffix, raw.weak = "x", m.end(), True, False
            continue
        lo = max(start, raw.start - 30)
        b = lex.times_before_re.search(text, lo, raw.start)
        if b is not None:
            raw.unit, raw.start, raw.has_suffix, raw.weak = "x", b.start(), True, False
            continue
        d = lex.divided_before_re.search(text, lo, raw.start)
        if d is not None and raw.value > 0:
            # "divisé par deux et demi": ×0.4, and "divisé par 2,5" the inverse of [2.45, 2.55)
            low, high = _interval(raw)
            raw.value, raw.low, raw.high = 1 / raw.value, 1 / high, (1 / low if low > 0 else math.inf)
            raw.unit, raw.start, raw.has_suffix, raw.weak = "x", d.start(), True, False


def _join_ranges(text: str, raws: list[_Raw], lex: Lexicon, start: int) -> list[_Raw]:
    """Share a unit across "10 à 12 %", "entre 5 et 7 milliards", "from 6.6 to 10.7 bn".

    A range ("10 à 12 %") becomes one figure; after a change opener ("de 6,6 à
    10,7 milliards", "from 6.6 to 10.7") the two values stay separate figures and
    the first takes the unit and scale of the second.
    """
    out: list[_Raw] = []
    i = 0
    while i < len(raws):
        a = raws[i]
        b = raws[i + 1] if i + 1 < len(raws) else None
        # the unit test first, the gap's words only then: most pairs share no unit
        scaled = b is not None and _scaled_bare(a, b)
        # a fraction in words ends no range: "progressé d'un tiers à 5 milliards" is a change, then a value
        if b is not None and b.has_suffix and a.kind != "ordinal" and b.kind != "ordinal" and not a.fraction and not b.fraction \
                and a.kind in ("number", b.kind) and (not a.has_suffix or (a.kind == b.kind and a.unit == b.unit) or scaled):
            gap = text[a.end:b.start]
            left = text[max(start, a.start - 25):a.start]
            lo = max(start, a.start - 25)
            opener = lex.range_opener_re.search(left) if _may_end(text, lo, a.start, lex.tails["range_opener"]) else None
            joined = False
            if opener:
                word = re.sub(r"\s+", " ", opener.group().strip().lower())
                joiners = lex.range_openers.get(word, ())
                joined = bool(re.fullmatch(_SP + r"*(?:" + "|".join(map(re.escape, joiners)) + r")" + _SP + r"*", gap, re.I)) if joiners else False
            opened = _may_end(text, lo, a.start, lex.tails["change_opener"]) and bool(lex.change_opener_re.search(left))
            if opened and lex.range_re.fullmatch(gap) and lex.range_noun_re.search(text, max(start, a.start - 60), a.start):
                opened = False  # "une hausse de 3 à 4 %": how much it rises, a range, not from 3 to 4
            if scaled and gap.startswith("."):
                gap = gap[1:]  # the period of an abbreviated scale: "von 520 Mio. auf 640 Mio. Euro"
            changed = not joined and opened and bool(lex.change_word_re.fullmatch(gap))
            ranged = joined or changed or bool(lex.range_re.fullmatch(gap))
            if a.unit is not None and not joined and _LETTER.search(gap):
                ranged = False  # "rose 0.3% to 4.1%", "de 26,7 % à 24,0 %": two figures, not a range
            if scaled and not changed:
                ranged = False  # a scaled number joins the amount after it only in a change
            if ranged and a.has_suffix and not joined and _may_end(text, lo, a.start, lex.tails["difference_opener"]) \
                    and lex.difference_opener_re.search(left):
                ranged = False  # "rose by 1.3 million to 7.9 million": the rise, then the level reached
            if ranged and not joined and not changed and _descending(a, b):
                ranged = False  # "the £105m – £100m plus £5m in add-ons –": an aside, no range runs downwards
            if scaled and changed:
                a.kind, a.unit, a.symbol, a.subunit = b.kind, b.unit, b.symbol, b.subunit
            if not ranged and _part_of_scaled(a, b) and lex.part_link_re.fullmatch(gap):
                # "12,1 von 25,4 Milliarden Euro": a part of the whole after it, in its scale and unit
                a.kind, a.unit = b.kind, b.unit
                a.parts = _parts(a)
                a.scale, a.scale_mult = b.scale, b.scale_mult
                out.append(a)
                i += 1
                continue
            if ranged:
                if not a.has_suffix:
                    a.kind, a.unit = b.kind, b.unit
                    _take_subunit(a, b)
                    # the scale unless the first is written in full: "de 410.000 a 1,25 millones"
                    # (328,000 times the second as written), not "de 6,6 à 10,7 milliards"
                    if b.scale and not a.scale and b.value and abs(a.value / b.value) < 100:
                        a.parts = _parts(a)  # the number written stays 100 in "100 bis 300 Milliarden"
                        a.scale, a.scale_mult = b.scale, b.scale_mult
                if changed:
                    out.append(a)
                    i += 1
                    continue
                lo_a, hi_a = _interval(a)
                lo_b, hi_b = _interval(b)
                merged = _Raw(
                    start=a.start, end=b.end, value=(a.value * a.scale_mult + b.value * b.scale_mult) / 2 / b.scale_mult,
                    step=0.0, kind=b.kind, unit=b.unit, scale=b.scale, scale_mult=b.scale_mult, hedge="range",
                    has_suffix=True, low=min(lo_a, lo_b), high=max(hi_a, hi_b), symbol=b.symbol or a.symbol,
                    parts=_parts(a) + _parts(b),
                )
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _descending(a: _Raw, b: _Raw) -> bool:
    """Whether ``a`` stands above ``b`` (``a`` in ``b``'s scale when it has none of its own, as a
    range would read it): a range is written low to high ("10-12 %", "1,5-2 millions"), so two
    amounts that fall from one to the next across a dash are two figures."""
    high = a.value * (a.scale_mult if a.scale else b.scale_mult)
    return 0 <= b.value * b.scale_mult < high


def _part_of_scaled(a: _Raw, b: _Raw) -> bool:
    """Whether ``a`` is a bare number smaller than the scaled amount ``b`` (no unit, scale,
    word or hedge of its own), which a part link may give ``b``'s scale: "12,1 von 25,4
    Milliarden", not "Platz 3 von 25" (no scale) nor "2022 van de 3 miljard" (a year)."""
    return (a.kind == "number" and not a.has_suffix and a.unit is None and a.scale is None and a.parts is None
            and not a.fraction and not a.hedge and b.scale is not None and b.parts is None and 0 < a.value < b.value
            and not (a.value.is_integer() and 1900 <= a.value <= 2100))


def _scaled_bare(a: _Raw, b: _Raw) -> bool:
    """Whether ``a`` is a number with a scale word and no currency and ``b`` an amount in a
    currency with one: "de 610 millones a 720 millones de euros", "von 1,2 Mrd. auf 1,5 Mrd.
    Euro", "passé de 1,2 milliard à 1,5 milliard d'euros" — in a change (_join_ranges) the
    first takes the currency of the second."""
    return (a.kind == "number" and a.unit is None and a.scale is not None and a.parts is None
            and b.kind == "money" and b.scale is not None and b.parts is None)


_YEAR_DASH = _Guided(re.compile(r"(?<![\d.,])(1[89]\d\d|20\d\d)[\s\u00a0]*[-–][\s\u00a0]*(1[89]\d\d|20\d\d)(?![\d])"), "12")
_YEAR_JOINER = re.compile(r"[\s\u00a0]*(?:[-–/]|[^\W\d_]{1,5})[\s\u00a0]*(?:(?:el|le|l'|the|den|het)[\s\u00a0]+)?")


def _year_spans(text: str, start: int, end: int, periods: list[Period], lex: Lexicon) -> list[_Raw]:
    """"2021-2025", "entre 2023 y 2025", "von 2024 bis 2027": a span of years is a
    duration (5 and 3 years, both ends counted), which per-year rules divide by. Its
    interval runs from the count without one end (4 and 2: "2025-2029" may be four
    seasons) to the count with both, so that a rule can accept either reading."""
    years = sorted((p for p in periods if p.kind == "year" and start <= p.start < end and p.value.isdigit()),
                   key=lambda p: p.start)
    spans = [(a.start, b.end, int(a.value), int(b.value)) for a, b in zip(years, years[1:])
             if _YEAR_JOINER.fullmatch(text, a.end, b.start) or lex.year_span_link_re.fullmatch(text, a.end, b.start)]
    if text.find("-", start, end) >= 0 or text.find("–", start, end) >= 0:  # most blocks have no dash: no scan
        spans += [(m.start(), m.end(), int(m.group(1)), int(m.group(2))) for m in _YEAR_DASH.finditer(text, start, end)]
    return [_Raw(start=s, end=e, value=float(y2 - y1 + 1), step=0.0, kind="quantity", unit="year", has_suffix=True,
                 low=float(y2 - y1), high=float(y2 - y1 + 1), closed=True)
            for s, e, y1, y2 in sorted(set(spans)) if 0 < y2 - y1 <= 30]


_AMOUNT_END = re.compile(r"[\s\u00a0\u202f]*(?:[^\w\s]|$)")


def _compounds(text: str, raws: list[_Raw], lex: Lexicon) -> list[_Raw]:
    """Two written parts of one amount become one figure.

    * An amount and its subunit: "15 dollars et 15 cents" is 15.15 USD, "zwei Euro
      fünfzig" 2.50 EUR, "5 euro 50" 5.50 EUR. The second part is a subunit amount
      ("15 cents"), or a bare whole number below 100 right before punctuation or the
      end ("15 Dollar 50.").
    * A whole number and a fraction in words: "two and a half billion", "drie en een
      kwart"; the fraction's scale and unit apply to the whole.

    The parts touch or are joined by a compound connector of the lexicon ("et", "und").
    """
    out: list[_Raw] = []
    i = 0
    while i < len(raws):
        a = raws[i]
        b = raws[i + 1] if i + 1 < len(raws) else None
        if b is not None and lex.compound_re.fullmatch(text, a.end, b.start):
            merged = _subunit_amount(text, a, b) or _whole_and_fraction(a, b) or _group_sum(text, a, b, lex)
            if merged is not None:
                raws[i + 1] = merged  # it may take a third part: "one kuai and five mao five" is 1.55
                i += 1
                continue
        out.append(a)
        i += 1
    return out


_ANY_DIGIT_RE = re.compile(r"\d")
_PREVIOUS_WORD = re.compile(r"([^\W\d_]+)" + _SP + r"*$")


def _after_scale_joiner(text: str, start: int, pos: int, lex: Lexicon) -> bool:
    """Whether a scale word and a compound connector come right before ``pos`` ("3 hundred
    and | one"): a word that is no figure alone may end a number so (see _group_sum)."""
    lo = max(start, pos - 40)
    conn = _PREVIOUS_WORD.search(text, lo, pos)
    if conn is None or not lex.compound_re.fullmatch(text, conn.start(), pos):
        return False
    scale = _PREVIOUS_WORD.search(text, lo, conn.start())
    return scale is not None and (_key(scale.group(1)) in lex.scales or scale.group(1) in lex.scales_case)


def _in_percent_word(text: str, start: int, s: int, e: int, lex: Lexicon) -> bool:
    """Whether text[s:e] lies inside a percent word ("pour cent", "por ciento")."""
    lo = max(start, s - 12)
    return any(m.start() <= s and e <= m.end() for m in lex.percent_re.finditer(text, lo, e))


def _group_sum(text: str, a: _Raw, b: _Raw, lex: Lexicon) -> _Raw | None:
    """Digits and number words in one number: "3 hundred and 21", "4 thousand 3 hundred",
    "6 crore and two hundred" are 321, 4300, 60000200, as "three hundred and twenty-one" is.

    ``a`` is a whole number below a thousand times a scale word, with no unit; ``b`` a whole
    number below a thousand, scaled or not, worth less than that scale ("5 million 250
    thousand"), which brings its unit to the sum ("… and 21 yuan"). Written in digits, ``b``
    is the next group only (a scale at most a thousand times smaller): "5 billion and 300
    stores" are two numbers. So are "4000 3 hundred" (no scale word) and "between 3 million
    and 500 thousand" (a range opener before).
    """
    if a.kind != "number" or a.unit is not None or a.scale is None or a.scale_mult < 100 or a.parts is not None \
            or a.hedge or a.fraction or a.weak or a.step != 1.0 or not 0 < a.value < 1000:
        return None
    if b.kind not in ("number", "money", "quantity") or (b.kind == "number" and b.unit is not None) or b.parts is not None or b.fraction or b.subunit \
            or b.step not in (0.0, 1.0) or b.value != int(b.value) or not 0 < b.value < 1000:
        return None
    # the Mexican press's "63 mil 313 millones de dólares", nothing between: thousands of the
    # larger scale after, as "sesenta y tres mil trescientos trece millones" is 63,313 million
    thousands_of = a.scale_mult == 1000 and b.scale is not None and b.scale_mult >= 1e6 and not text[a.end:b.start].strip()
    if b.value * b.scale_mult >= a.scale_mult and not thousands_of:
        return None
    if b.scale_mult * 1000 < a.scale_mult and _ANY_DIGIT_RE.search(text, b.num_start, b.num_end):
        return None  # "5 billion and 300 stores" are two; "5 billion 250 million", "6 crore and two hundred" one
    lo = max(0, a.start - 25)
    if _may_end(text, lo, a.start, lex.tails["range_opener"]) and lex.range_opener_re.search(text, lo, a.start):
        return None
    if thousands_of:
        value = a.value * 1000 + b.value
        return _Raw(start=a.start, end=b.end, value=value, step=b.step, kind=b.kind, unit=b.unit, scale=b.scale,
                    scale_mult=b.scale_mult, symbol=b.symbol, has_suffix=True,
                    num_start=a.num_start, num_end=b.num_end, num_value=value)
    whole = a.value * a.scale_mult + b.value * b.scale_mult
    value = whole / b.scale_mult
    return _Raw(start=a.start, end=b.end, value=value, step=1.0 if b.scale is None else b.step, kind=b.kind,
                unit=b.unit, scale=b.scale, scale_mult=b.scale_mult, symbol=b.symbol, has_suffix=True,
                num_start=a.num_start, num_end=b.num_end, num_value=value)


def _subunit_amount(text: str, a: _Raw, b: _Raw) -> _Raw | None:
    if a.kind != "money" or a.subunit or a.scale is not None or a.hedge == "range":
        return None
    # the next number of a numbered list ends the amount: "1. Winchester College - £54,000 2. Eton
    # College - …" (its rows run together on one line) is no £54,000.02
    if _next_list_number(text, a, b):
        return None
    sub = b.kind == "money" and b.subunit and b.scale is None
    # a bare number ends the amount ("15 Dollar 50."), or follows a subunit as the next one
    # down ("een kuai en vijf mao vijf kosten": five fen)
    bare = (b.kind == "number" and not b.has_suffix and b.scale is None and b.value == int(b.value)
            and 0 < b.value < 100 and b.step in (0.0, 1.0) and b.parts is None
            and (_AMOUNT_END.match(text, b.end) is not None or (a.after_subunit and b.value < 10)))
    if not (sub or bare):
        return None
    cents, step = (b.value, b.step) if sub else (b.value / 100, b.step / 100)
    return _Raw(start=a.start, end=b.end, value=a.value + cents, step=step, kind="money", unit=a.unit,
                symbol=a.symbol, has_suffix=True, parts=_parts(a) + _parts(b), after_subunit=sub)


_LIST_NUMBER = re.compile(r"(?<![\d.,])(\d{1,2})\.\s")


def _next_list_number(text: str, a: _Raw, b: _Raw) -> bool:
    """Whether ``b`` numbers the row after the one ``a`` closes: "N. " opens ``a``'s row,
    within the 100 characters before it, and ``b`` is N + 1 with its full stop after it."""
    if not text.startswith(".", b.end):
        return False
    last = None
    for last in _LIST_NUMBER.finditer(text, max(0, a.start - 100), a.start):
        pass
    return last is not None and int(last.group(1)) + 1 == b.value


def _whole_and_fraction(a: _Raw, b: _Raw) -> _Raw | None:
    scaled = _scaled_and_fraction(a, b)
    if scaled is not None:
        return scaled
    if not b.fraction or a.kind != "number" or a.has_suffix or a.scale is not None or a.parts is not None \
            or a.value != int(a.value):
        return None
    value = a.value + b.value
    return _Raw(start=a.start, end=b.end, value=value, step=0.0, kind=b.kind, unit=b.unit, scale=b.scale,
                scale_mult=b.scale_mult, symbol=b.symbol, has_suffix=True, subunit=b.subunit,
                num_start=a.start, num_end=b.num_end, num_value=value)


def _scaled_and_fraction(a: _Raw, b: _Raw) -> _Raw | None:
    """"3 millions et demi", "2 millones y medio": the fraction is of the scale."""
    if not (b.fraction and b.scale is None and b.unit is None and 0 < b.value < 1 and b.scale_mult == 1.0) \
            or a.kind != "number" or a.unit is not None or a.scale is None or a.scale_mult < 1000 or a.parts is not None:
        return None
    value = a.value + b.value
    return _Raw(start=a.start, end=b.end, value=value, step=0.0, scale=a.scale, scale_mult=a.scale_mult,
                has_suffix=True, num_start=a.num_start, num_end=b.end, num_value=value)


# a share "in ten", "de cada cien": rounded to that denominator, not the fraction itself
_DECIMAL_DENOMINATORS = frozenset({10.0, 100.0, 1000.0})


def _over(text: str, raws: list[_Raw], lex: Lexicon) -> list[_Raw]:
    """"one over three", "1 sur 3", "een op de twintig": a numerator over a denominator, both
    bare numbers ("€1000 sur 3 ans" is no fraction). Lone "one"s left over are dropped."""
    g = _grammar(lex)
    if g is None or not g.has_over:
        return [r for r in raws if not r.weak]
    out: list[_Raw] = []
    i = 0
    while i < len(raws):
        a = raws[i]
        b = raws[i + 1] if i + 1 < len(raws) else None
        if b is not None and b.start - a.end < 16 and _bare(a) and _bare(b) and b.value \
                and g.over_re.fullmatch(text, a.end, b.start):
            value = a.value / b.value
            raw = _Raw(start=a.start, end=b.end, value=value, step=0.0, fraction=True, has_suffix=value < 1,
                       num_start=a.start, num_end=b.end, num_value=value)
            if b.value in _DECIMAL_DENOMINATORS and value < 1:
                # "cuatro de cada diez", "four in ten": a share rounded to the tenth (40.8 % is
                # four in ten); "one in three", "deux sur cinq" name the fraction itself
                raw.low, raw.high = (a.value - 0.5) / b.value, (a.value + 0.5) / b.value
            out.append(raw)
            i += 2
            continue
        if not a.weak:
            out.append(a)
        i += 1
    return out


def _bare(raw: _Raw) -> bool:
    """A plain whole number: no unit, scale, fraction or range."""
    return (raw.kind == "number" and not raw.has_suffix and raw.scale is None and raw.parts is None and not raw.fraction
            and raw.value == int(raw.value))


# A word after a number: "d'" keeps its apostrophe and may be glued to the next ("d'abonnés");
# a hyphen-joined compound is one word, an adjective before the noun ("3 million loyalty-card customers").
_COUNT_WORD = re.compile(r"[\s\u00a0\u202f]*([^\W\d_]+(?:-[^\W\d_]+)*(?:['’](?=[^\W\d_]))?)")


def _glued_sibling(text: str, pos: int, after: int, word: str) -> bool:
    """Whether the sentence of a whole number glued to a scale that alone may be a unit
    ("46m": metres, or millions) also holds that scale read as one: after a decimal ("45.34m")
    or a currency ("£46m"). "Latin America contributed 46m and Asia-Pacific 45.34m" lists
    millions, the 46m as the others; "a 46m tower" beside no such figure stays unread."""
    lo = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos), pos - 300)
    hi_dot, hi_nl = text.find(". ", after), text.find("\n", after)
    hi = min(x for x in (hi_dot, hi_nl, after + 300, len(text)) if x >= 0)
    return any(m.end() != after for m in _sibling_re(word).finditer(text, max(0, lo), hi))


@lru_cache(maxsize=None)
def _sibling_re(word: str) -> re.Pattern[str]:
    """A figure that reads ``word`` as a scale for sure: glued after a decimal or a currency."""
    return re.compile(r"(?:[$€£]\s?\d[\d.,]*|(?<![\d.,])\d+\.\d+)" + re.escape(word) + r"\b")


def _before_count(text: str, pos: int, end: int, lex: Lexicon) -> bool:
    """Whether the people or things a count is of follow ``pos``: "445m shares", "9,4 miljoen
    klanten", "7,8 millions d'abonnés", "2,48 Millionen ausgelieferten Fahrzeugen". Such an
    amount is a count, not a sum of money left elliptical.

    After the number: a link word of the lexicon (``count_links``: "de", "d'", "of"), then at
    most one other word (an adjective: "aangesloten", "nouveaux"), then a counted noun (the
    rules' @headcount words and the lexicon's ``count_nouns``). The word between is no
    stopword and no short one: "2 milliards en actions" is money paid in shares.
    """
    nouns = _count_nouns(lex.language)
    words: list[str] = []
    if pos < end and text[pos] == "." and pos > 0 and text[pos - 1].isalpha():
        pos += 1  # "380 Mio. ausgegebene Aktien": the abbreviated scale's dot, not a full stop
    at = pos
    while len(words) < 3 and (m := _COUNT_WORD.match(text, at, end)) is not None \
            and (m.start(1) > at or (at > pos and text[at - 1] in "'’")):
        words.append(_norm_word(m.group(1)).replace("’", "'"))
        at = m.end()
    if words and words[0] in lex.count_links:
        words = words[1:]
    if not words:
        return False
    if _is_count_noun(words[0], lex.language):
        return True
    # one or two adjectives before the noun: "5.9m new subscribers", "696m monthly active users"
    for n in (1, 2):
        if len(words) > n and _is_count_noun(words[n], lex.language) and all(
                len(a) > 2 and a not in lex.stopwords and a not in lex.count_links for a in words[:n]):
            return True
    return False


def _before_unit(text: str, pos: int, end: int, lex: Lexicon) -> bool:
    """Whether a unit of the lexicon follows a whole number glued to a scale that alone may
    be a unit: "22m tonnes", "5m barrels" are millions of them (metres of tonnes are none)."""
    m = lex.unit_re.match(text, pos, end)
    return m is not None and m.group()[:1].isspace()


# (a change in percent may stand between: "monthly active users rose 27% to 551m")
_WORD_OR_PERCENT = r"([^\W\d_][\w'’-]*|\d+(?:[.,]\d+)?%)"
_WORDS_BEFORE = re.compile(_WORD_OR_PERCENT + r"[\s\u00a0\u202f]+(?:" + _WORD_OR_PERCENT + r"[\s\u00a0\u202f]+)?"
                           r"(?:" + _WORD_OR_PERCENT + r"[\s\u00a0\u202f]+)?(?:" + _WORD_OR_PERCENT + r"[\s\u00a0\u202f]+)?$")


def _after_count_noun(text: str, start: int, lex: Lexicon) -> bool:
    """Whether a whole number glued to a scale that alone may be a unit ("696m": metres, or
    millions) follows, four words at most after it and nothing but words (or the change's
    percentage) between, the people or things it counts: "monthly active users rose to 696m",
    "subscribers climbed to 276m", "users rose 27% to 551m".
    Such a number is their count; metres are told of a thing ("the tower rose to 310m")."""
    m = _WORDS_BEFORE.search(text, max(0, start - 80), start)
    if m is None:
        return False
    return any(w is not None and _is_count_noun(_norm_word(w), lex.language) for w in m.groups())


def _after_count_subject(text: str, start: int, pos: int, lex: Lexicon) -> bool:
    """Whether the number at ``pos`` is told as the number of people or things named before it
    in its sentence, no figure between (``count_subjects`` then a counted noun, or an adjective
    and one): "Die Zahl der Mitglieder kletterte auf 1,2 Millionen", "the number of paying
    subscribers rose to 3.1 million". Such an amount is a count, not a sum of money left elliptical."""
    if lex.count_subject_re is None:
        return False
    start = max(start, pos - 200, 0)
    breaks = list(_SENTENCE_BREAK.finditer(text, start, pos))
    if breaks:
        start = breaks[-1].end()
    for m in lex.count_subject_re.finditer(text, start, pos):
        words = [_norm_word(w) for w in re.findall(r"[^\W\d_][\w-]*", text[m.end():pos])[:2]]
        if any(_is_count_noun(w, lex.language) for w in words):
            return True
    return False


# the label of a row of key figures, from the line's start to the colon before its figure
# (the row's shape as document.py keeps such a line as article text)
_ROW_LABEL = re.compile(r"(?:^|\n)[ \t]*(?:" + document.ROW_BULLET + r"[ \t]*)?(" + document.ROW_LABEL + r")" + document.ROW_COLON + r"[ \t]*$")


def _row_count_label(text: str, pos: int, lex: Lexicon) -> bool:
    """Whether the number at ``pos`` is the figure of a row labelled by a counted noun
    ("Subscribers: 12 million", "Ausgelieferte Fahrzeuge: 1,2 Millionen"): a count, not a sum
    of money left elliptical by the amounts of the rows before."""
    m = _ROW_LABEL.search(text, max(0, pos - 64), pos)
    if m is None:
        return False
    return any(_is_count_noun(_norm_word(w), lex.language) for w in re.findall(r"[^\W\d_][\w-]*", m.group(1)))


@lru_cache(maxsize=4096)
def _is_count_noun(word: str, language: str) -> bool:
    """A counted noun, or where the lexicon says so (``count_noun_compounds``) a compound ending
    in one of four letters or more: "Spitalsaufenthalte", "Pkw-Reifen", "huurwoningen"."""
    nouns = _count_nouns(language)
    if word in nouns:
        return True
    if not lexicon.load(language).count_noun_compounds:
        return False
    tail = word.rsplit("-", 1)[-1]
    return tail in nouns or any(len(n) >= 4 and len(tail) >= len(n) + 3 and tail.endswith(n) for n in nouns)


@lru_cache(maxsize=None)
def _count_nouns(language: str) -> frozenset[str]:
    lex = lexicon.load(language)
    headcount = {_norm_word(words[0]) for words in lex.classes.get("headcount", ()) if len(words) == 1}
    return frozenset(headcount | {_norm_word(w) for w in lex.count_nouns})


def _norm_word(word: str) -> str:
    return unicodedata.normalize("NFC", word.lower())


def _elliptical_units(text: str, raws: list[_Raw], seen: list[_Raw], lex: Lexicon) -> None:
    """"5 milliards d'euros, dont 3 milliards en France": the 3 billion are euros too.

    A scaled number with no unit takes the currency of a money figure shortly
    before it, as a reader does ("Le bénéfice atteint 8 milliards d'euros. Il était
    de 10 milliards un an plus tôt."), also across a paragraph break ("Zara aportó
    17.400 millones" after the group's "20.900 millones de euros"). ``seen`` carries
    the money figures of earlier blocks. A scaled count ("9,4 miljoen klanten") runs
    on too, so that the figures after it stay counts.
    """
    counts = [raw.kind == "number" and raw.scale is not None and raw.unit is None
              and (_before_count(text, raw.end, len(text), lex)
                   or _after_count_subject(text, raws[i - 1].end if i else raw.start - 200, raw.start, lex)
                   or _row_count_label(text, raw.start, lex))
              for i, raw in enumerate(raws)]
    for i in range(len(raws) - 2, -1, -1):  # "de 4,5 millones a 6,3 millones de hogares": both count homes
        a, b = raws[i], raws[i + 1]
        if counts[i + 1] and not counts[i] and a.kind == "number" and a.scale is not None and a.unit is None \
                and (lex.range_re.fullmatch(text, a.end, b.start) or lex.change_word_re.fullmatch(text, a.end, b.start)):
            counts[i] = True
    prev: _Raw | None = None
    for raw, count in zip(raws, counts):
        if prev is not None and raw.kind == "money" == prev.kind and raw.unit != prev.unit \
                and _CONVERSION_ASIDE.fullmatch(text, prev.end, raw.start):
            prev.converted = raw.unit  # "9.200 millones de pesos (499 millones de euros)"
        prev = raw
        amount = raw.kind == "money" or (raw.kind == "quantity" and raw.scale is not None and raw.unit not in DURATION_CODES)
        # a count of people or things runs on as a count: "14.6 million passengers, of
        # which 8.9 million flew on European routes" are no pounds
        if (amount or count) and not in_brackets(text, raw.start, seen[0].start if seen else 0) \
                and not (raw.kind == "money" and seen and all(m.unit != raw.unit for m in seen)
                         and _conversion_aside(text, raw.start, lex)):  # (into the article's own currency, it runs on)
            seen.append(raw)  # "(7,9 milliards de dollars)" is an aside, not the running currency
        elif raw.kind == "number" and raw.scale and raw.unit is None and seen and not count:
            near = [m for m in seen if raw.start - m.end <= 400]
            if not near:
                continue
            # after a verb whose object is money, the amounts of money only: "75,4 millones de
            # espectadores … Las películas nacionales recaudaron 80,9 millones" are euros
            if _after_money_verb(text, raw.start, lex):
                near = [m for m in near if m.kind == "money"] or near
            # the sentence's own amounts first ("6.000 millones de euros en tres años,
            # unos 2.000 millones al año"), then those of the sentences before
            same = [m for m in near if not _SENTENCE_BREAK.search(text, m.end, raw.start)]
            near = same or near
            # of those, one of the same size: "250.300 millones de pesos, unos 10.000
            # millones de euros, … frente a los 240.200 millones" are pesos
            value = raw.value * raw.scale_mult
            alike = [m for m in near if m.value and 1 / 3 < value / (m.value * m.scale_mult) < 3]
            chosen = _running_amount(text, alike or near, near)
            if chosen.kind == "number":
                # a count runs on until a sum of money is told after it: "Con los 8,09 millones
                # de papeletas que obtuvo, cada voto le costó unos 1,80 euros. El PSOE
                # desembolsó 12,9 millones": the euros of the amount of that size before the count
                money = [m for m in (alike or near) if m.kind == "money"]
                if money and any(m.kind == "money" and m.start > chosen.end for m in near):
                    chosen = _running_amount(text, money)
            unit = chosen.unit
            # a foreign amount converted in brackets, told in a paragraph before: the article's
            # currency runs on when it mostly uses the conversion's ("En México facturó 9.200
            # millones de pesos (499 millones de euros)." ¶ "Vida sumó 3.140 millones": euros)
            if chosen.converted and "\n" in text[chosen.end:raw.start] \
                    and sum(m.unit == chosen.converted for m in seen) > sum(m.unit == unit for m in seen):
                unit = chosen.converted
            raw.kind, raw.unit = chosen.kind, unit  # "40 millones de hectolitros … 37,2 millones"
            if not in_brackets(text, raw.start, seen[0].start):
                seen.append(raw)  # the currency runs on: "… 1.800 millones en cuatro años, 600 millones al año"


def _after_money_verb(text: str, start: int, lex: Lexicon) -> bool:
    """Whether one of the lexicon's ``money_verbs`` stands among the four words right before
    the number at ``start`` (a hedge may come between: "ingresaron unos 80 millones"): what
    such a verb takes is a sum of money, whatever count of its size was told nearer."""
    if not lex.money_verbs:
        return False
    m = _WORDS_BEFORE.search(text, max(0, start - 80), start)
    return m is not None and any(w is not None and _norm_word(w) in lex.money_verbs for w in m.groups())


def _iso_duration(value: float, code: str) -> str:
    """"P3Y", "P6M"; a time's designator after its "T": "PT2H", "PT15M"."""
    return f"PT{_fmt(value)}{code[1:]}" if code.startswith("T") else f"P{_fmt(value)}{code}"


def _conversion_aside(text: str, pos: int, lex: Lexicon) -> bool:
    """Whether the amount at ``pos`` is told as a restatement in another currency by its
    sentence's words before it ("Au cours du jour, cela représente environ 11,3 milliards de
    dollars", "at today's exchange rates"): as one in brackets, no currency that runs on."""
    lo = max(0, pos - 80)
    breaks = list(_SENTENCE_BREAK.finditer(text, lo, pos))
    return bool(lex.conversion_aside_re.search(text, breaks[-1].end() if breaks else lo, pos))


def _running_amount(text: str, candidates: list[_Raw], context: list[_Raw] | None = None) -> _Raw:
    """The amount whose unit a bare scaled number takes: the last candidate, unless it is
    one of a pair that restates one amount in two currencies ("390 millones de euros, unos
    440 millones de dólares al cambio actual. El resto … sumó 230 millones": euros, not
    dollars). Of such a pair, the currency the candidates mostly use runs on; on a tie, the
    one the amounts around (``context``) mostly use ("4,6 Mrd. Euro … 1,1 Mrd. Dollar,
    umgerechnet rund 970 Mio. Euro. In Asien waren es 800 Mio.": euros), and else the
    first's: the amount told, before its conversion ("38.632 millones de euros, unos 42.050
    millones de dólares, un 7,5 % más que los 35.947 millones": euros)."""
    last = candidates[-1]
    pair = [m for m in candidates[:-1] if m.kind == "money" == last.kind and m.unit != last.unit
            and 0 <= last.start - m.end <= 40 and not _SENTENCE_BREAK.search(text, m.end, last.start)]
    if not pair:
        return last
    other = pair[-1]
    n_last = sum(1 for m in candidates if m.unit == last.unit)
    n_other = sum(1 for m in candidates if m.unit == other.unit)
    if n_other == n_last and context:
        n_last = sum(1 for m in context if m.unit == last.unit)
        n_other = sum(1 for m in context if m.unit == other.unit)
    return other if n_other >= n_last else last


_SENTENCE_BREAK = re.compile(r"[.!?;]\s|\n")
# between an amount and its conversion in brackets: "… de pesos (unos 499 millones de euros)"
_CONVERSION_ASIDE = re.compile(r"\s*\(\s*(?:[^\W\d]+\s+){0,2}", re.UNICODE)


def in_brackets(text: str, pos: int, start: int) -> bool:
    """Whether ``pos`` stands inside parentheses opened after ``start``: an aside."""
    before = text[max(start, pos - 300):pos]
    return before.rfind("(") > before.rfind(")")


def _interval(raw: _Raw) -> tuple[float, float]:
    if raw.low is not None and raw.high is not None:
        return raw.low, raw.high
    half = raw.step / 2
    if raw.scale and half > ROUND_SCALED * abs(raw.value):
        # "1 Mrd. Euro", "3 milliards": a digit before a scale word is read as about that
        # many, not as anything from 0.5 to 1.5 billion (an editor writes "800 Mio.")
        half = ROUND_SCALED * abs(raw.value)
    elif _round_thousands(raw):
        # "118.000 ton", "131,000 passengers": a count of tens of thousands written to the
        # thousand is rounded to it, as "118 thousand" is; its last three digits are not told
        half = ROUND_THOUSANDS / 2
    return (raw.value - half) * raw.scale_mult, (raw.value + half) * raw.scale_mult


ROUND_SCALED = 0.1  # the widest rounding, relative, of a scaled amount written with one digit
ROUND_THOUSANDS = 1000.0  # the rounding of a figure of five digits or more that ends in "000"


def _round_thousands(raw: _Raw) -> bool:
    """Whether a figure is digits without scale word, of 10,000 or more, ending in three zeros."""
    return not raw.scale and raw.step == 1.0 and abs(raw.value) >= 10 * ROUND_THOUSANDS \
        and raw.value % ROUND_THOUSANDS == 0


_BOUND_HEDGES = frozenset({"more_than", "less_than", "at_least", "at_most", "up_to"})
# A percentage right before a bound word: "19 procent boven de 365 miljoen" says how far
# above, "hasta" right after a multiplier ("se duplicaron hasta 4.100 millones") where to.
_NUMBER_END = re.compile(r"\d(?P<unit>[^\d]{0,16})$")


# the marks that end a clause, and its words: ``hedge_not_after`` looks back within the clause
_CLAUSE_MARK = re.compile(r"[,;:.!?()]")
_LETTERS = re.compile(r"[^\W\d_]+")
# a percentage change, then a period phrase, then the hedge word: the level reached
_CHANGE_BEFORE_UP_TO = re.compile(r"\d\s*%[^\d.!?;%]{0,60},?\s*$")


_FOLDED_TWINS: dict[int, tuple[re.Pattern[str], re.Pattern[str]]] = {}


def _folded_twin(rx: re.Pattern[str]) -> re.Pattern[str]:
    """A lexicon pattern of phrases ending right before a figure (hedge_re, times_before_re,
    range_opener_re…: their words in an IGNORECASE group, then spaces and the end) without
    IGNORECASE, for the text lower-cased (lexicon.folded). Its words are lower-cased
    (lexicon._alternation's ``fold``) and what stands outside the group has no case, so it
    matches the folded text where the original matches the text, at the same offsets; a
    case-sensitive trie skips branches on their first letter, where an IGNORECASE one
    enters each at every place of the window searched."""
    hit = _FOLDED_TWINS.get(id(rx))
    if hit is None or hit[0] is not rx:
        head, tail = "(?i:", r")[\s\u00a0\u202f]*$"
        assert rx.pattern.startswith(head) and rx.pattern.endswith(tail) and "(?i" not in rx.pattern[len(head):], rx.pattern[:40]
        hit = _FOLDED_TWINS[id(rx)] = (rx, re.compile("(?:" + rx.pattern[len(head):]))
    return hit[1]


def _hedge(text: str, raw: _Raw, start: int, lex: Lexicon, prev_end: int = -1, low: str | None = None) -> str | None:
    """The hedge before or after ``raw``; ``prev_end``: where the figure before it ends;
    ``low``: the text lower-cased (lexicon.folded), searched in its stead when given."""
    lo = max(start, raw.start - 30)
    if not _may_end(text, lo, raw.start, lex.tails["hedge"]):
        m = None
    elif low is None:
        m = lex.hedge_re.search(text, lo, raw.start)
    else:
        m = _folded_twin(lex.hedge_re).search(low, lo, raw.start)
    if not m:
        after = lex.hedge_after_re.match(text, raw.end, min(len(text), raw.end + 30))
        if after and _HEDGE_AFTER_END.match(text, after.end()):
            return lex.hedges_after.get(_key(after.group().strip()))  # "10 years or so", "5 Millionen und mehr"
        return None
    phrase = _key(m.group(1))
    if raw.unit in DURATION_CODES and phrase in lex.duration_prepositions:
        return None  # "over three years" says when, not how much
    not_after = lex.hedge_not_after.get(phrase)
    if not_after:
        words, reach = not_after
        lo = max(start, m.start() - 24 * reach - 16)  # room for the longest words ("Übernahmeangebot")
        clause = _CLAUSE_MARK.split(text[lo:m.start()])[-1]  # the hedge's clause only
        if any(_key(w) in words for w in _LETTERS.findall(clause)[-reach:]):
            return None  # "ein Auftrag über 1,4 Mrd. Dollar": worth, not more than
    kind = lex.hedges.get(phrase)
    if kind == "up_to" and (re.search(r"\d[^\d.!?]{0,24}$", text[max(start, m.start() - 30):m.start()])
                            or _CHANGE_BEFORE_UP_TO.search(text, max(start, m.start() - 80), m.start())):
        # "creció un 62 % hasta 10.700 millones", "desde el 13,4% hasta el 15,9%", "cayeron un
        # 48 % en los nueve primeros meses del año, hasta 1.150 millones": "to", not "up to"
        return None
    if kind in _BOUND_HEDGES:
        if kind == "up_to" and start <= prev_end <= m.start() and not text[prev_end:m.start()].strip():
            return None  # "se duplicaron hasta 4.100 millones": the figure before goes to this one
        n = _NUMBER_END.search(text, max(start, m.start() - 24), m.start())
        if n is not None and lex.percent_re.fullmatch(n.group("unit").rstrip()):
            return None  # "19 procent boven de 365 miljoen", "12 % au-dessus des": how far above or below
    return kind


@lru_cache(maxsize=None)
def _hedge_semantics() -> dict[str, dict[str, object]]:
    return {str(k): dict(v or {}) for k, v in lexicon.common().get("hedge_semantics", {}).items()}


# A hedge on a divisor reads the other way: "more than halved" is a factor below one half.
_INVERSE_HEDGES = {"more_than": "less_than", "less_than": "more_than", "at_least": "at_most", "at_most": "at_least"}


# Hedges that bound a divisor from near its round value: applied to the reciprocal.
_NEAR_HEDGES = frozenset({"nearly", "approaching", "just_over", "a_good", "about", "some"})


def _divisor_hedge(value: float, low: float, high: float, hedge: str) -> tuple[float, float, bool, bool]:
    """A near hedge on a factor below one reads on its reciprocal: "nearly halved" is nearly
    divided by two, a factor a little above one half ([0.5, 0.532]: 1 / [1.88, 2]), not a
    little below it; "just over halved" a little below one half."""
    lo, hi, lo_open, hi_open = _apply_hedge(1 / value, 1 / high, 1 / low, hedge)
    return (1 / hi if hi else 0.0), (1 / lo if lo > 0 else math.inf), hi_open, lo_open


def _apply_hedge(value: float, low: float, high: float, hedge: str | None) -> tuple[float, float, bool, bool]:
    """Widen or open the written interval as the hedge says (semantics in common.yaml)."""
    if not hedge:
        return low, high, False, False
    sem = _hedge_semantics().get(hedge, {})

    def end(spec: object, default: float) -> float:
        if spec is None:
            return default
        s = str(spec)
        if s == "v":
            return value
        if s in ("low", "high"):
            return low if s == "low" else high
        if s in ("inf", "+inf"):
            return math.inf
        if s == "-inf":
            return -math.inf
        if s.endswith("%"):
            return value + abs(value) * float(s[:-1]) / 100
        return float(s)

    lo = end(sem.get("low"), low)
    hi = end(sem.get("high"), high)
    opens = set(sem.get("open", []) or [])
    return min(lo, low) if sem.get("low") not in ("v",) else lo, max(hi, high) if sem.get("high") not in ("v",) else hi, "low" in opens, "high" in opens


def _context_currency(text: str, symbol: str, default: str) -> str:
    """The currency a symbol stands for on this page: the first currency named in words
    ("a weak yen"), else the first context word ("China", "Tokyo"), else the default.
    Asked once per page and symbol (_scan keeps the answers)."""
    finders = _context_finders(symbol)
    if not finders:
        return default
    lowered = text.lower()
    for finder, code_of in finders:
        m = finder.search(lowered)
        if m:
            return code_of[m.group()]
    return default


def _near_currency(text: str, symbol: str, lo: int, pos: int) -> str | None:
    """The currency a symbol stands for where the sentence says it, before the amount:
    the nearest currency named in words, else the nearest context word ("Tschechien:
    38,90 Kronen", "A drink in Copenhagen, at 55 kroner"). A page comparing countries
    uses one crown per line; the page's first word (``_context_currency``) decides only
    where the sentence names none."""
    if pos <= lo:
        return None
    window = text[lo:pos].lower()
    for finder, code_of in _context_finders(symbol):
        last = None
        for last in finder.finditer(window):
            pass
        if last is not None:
            return code_of[last.group()]
    return None


@lru_cache(maxsize=None)
def _context_finders(symbol: str) -> tuple[tuple[re.Pattern[str], dict[str, str]], ...]:
    """One search per list of words (names, then context words) instead of one per word.
    The leftmost match wins; at one place, the first word in the lists' order, as when
    each word was searched on its own and the earliest kept (the first code on ties)."""
    _, _, _, ctx = _symbols()
    out = []
    for choices in ctx.get(symbol, ()):
        code_of: dict[str, str] = {}
        for code, words in choices.items():
            for w in words:
                code_of.setdefault(w, code)
        if code_of:
            alternation = "|".join(re.escape(w) for w in code_of)
            out.append((re.compile(r"(?<![^\W_])(?:" + alternation + r")(?![^\W_])"), code_of))
    return tuple(out)


def scan(doc: Document) -> Scan:
    """All figures and periods of a document, in text order."""
    return _scan(doc)[0]


def number_parts(text: str, language: str | None = None) -> list[tuple[Figure, tuple[tuple[int, int, float], ...]]]:
    """Each figure with the numbers written in it: (start, end, value) of the number
    alone, scale word included ("75 millions" in "75 millions de dollars"; both ends of
    "10 à 12 %"). Not part of the public contract: conformance tests against number
    recognizers (tests/test_peer_specs.py) score these sub-spans."""
    result, parts = _scan(document.build("<text>", text, language=language))
    return list(zip(result.figures, parts))


def currency_mentions(text: str, language: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, ISO code) of currency names written with no amount ("the dollar
    fell", the second "dollar" of "50 dollar dollar"). They are no figures: nothing to
    check. Not part of the public contract: currency recognizers report them with a
    null value, and the conformance tests (tests/test_peer_specs.py) score them."""
    doc = document.build("<text>", text, language=language)
    figures = _Spans([(f.start, f.end) for f in _scan(doc)[0].figures])
    out: list[tuple[int, int, str]] = []
    for block in doc.blocks:
        lex = lexicon.load(block.language)
        percents = _Spans([p.span() for p in lex.percent_re.finditer(text, block.start, block.end)])
        for m in lex.currency_word_re.finditer(text, block.start, block.end):
            s, e = m.span()
            if (s and (text[s - 1].isalnum() or text[s - 1] == "_")) or (e < len(text) and text[e].isalnum()):
                continue  # inside a word ("eurozone", "pétrodollars")
            if _key(m.group()) in lex.article_nouns or percents.hits(s, e):
                continue  # "won a contract", "un livre", the "cent" of "pour cent"
            if _key(m.group().strip()) in lex.currencies_glued_only:
                continue  # a letter alone ("S&P"), a currency only glued to an amount ("20p")
            if not figures.hits(s, e):
                out.append((s, e, _currency_of(m.group(), lex)[0]))
    return out


def _scan(doc: Document) -> tuple[Scan, tuple[tuple[tuple[int, int, float], ...], ...]]:
    text = doc.text
    low = lexicon.folded(text)
    found: list[tuple[_Raw, str]] = []
    periods: list[Period] = []
    running_money: list[_Raw] = []
    page_currency: dict[tuple[str, str], str] = {}  # (symbol, default) → the page's currency for it
    sent_starts = [s.start for s in doc.sentences]
    page_decimal = _page_decimal(text, [(b.start, b.end, lexicon.load(b.language)) for b in doc.blocks])
    for block in doc.blocks:
        lex = lexicon.load(block.language)
        first_period = len(periods)  # this block's periods follow: no rescan of the document's
        # the block's first period or word phrase, and its runs of number words
        pairs = _grammar_and_screens(lex)[1]
        runs: list[re.Match[str]] | None = None
        hits: list[int] | None = None  # every place of the phrase screen, when the pair scan read them
        if pairs is not None:
            hits, runs = pairs[0].scan(text, block.start, block.end) if low is None else pairs[1].scan(low, block.start, block.end)
            w = hits[0] if hits else None
        else:
            screens = _screens(lex)
            m = screens[1].search(text, block.start, block.end) if low is None else screens[2].search(low, block.start, block.end)
            w = m.start() if m else None
        masks = _Spans(_masks(text, block.start, block.end, lex, periods, w, low, hits))
        raws = _digits(text, block.start, block.end, lex, masks, periods, page_decimal)
        taken = _Spans([(r.start, r.end) for r in raws])
        words = _words(text, block.start, block.end, lex, taken, masks, runs)
        if lex.rank_ordinals:
            words += _rank_ordinals(text, block.start, block.end, lex, taken, masks, words)
        phrases = _phrases(text, w, block.end, lex, taken, masks, hits) if w is not None else []  # none before the screen's hit
        raws += [r for r in _prefer_longer(words, phrases) if not _period_fraction(text, r, lex, taken)]
        raws += _year_spans(text, block.start, block.end, periods[first_period:], lex)
        if not raws:
            continue  # (a block in five: the passes below read figures, and add or carry none without one)
        raws.sort(key=lambda r: r.start)
        _percent_before(text, raws, lex, block.start)
        raws = _join_ranges(text, raws, lex, block.start)
        _listed_percents(text, raws, lex)
        _listed_amounts(text, raws, lex)
        _listed_scaled(text, raws, lex)
        _listed_quantities(text, raws, lex)
        _factors(text, raws, lex, block.start)
        raws = _compounds(text, raws, lex)
        raws = _over(text, raws, lex)
        _elliptical_units(text, raws, running_money, lex)
        raws = [r for r in raws if not _hyphen_adjective(text, r, lex)]
        prev_end = -1
        for raw in raws:
            if raw.kind == "money" and raw.start < prev_end <= raw.num_start:
                # the symbol closed the figure before ("1,2 Mrd. $" then "2. Thales …"): it
                # opens no amount of its own, the number after it is a plain one
                raw.start, raw.kind, raw.unit, raw.symbol = raw.num_start, "number", None, None
            raw.hedge = raw.hedge or _hedge(text, raw, block.start, lex, prev_end, low)
            prev_end = raw.end
            if raw.symbol and raw.kind == "money":
                key = (raw.symbol, raw.unit or "")
                si = bisect_right(sent_starts, raw.start) - 1
                near = _near_currency(text, raw.symbol, doc.sentences[si].start if si >= 0 else block.start, raw.start)
                if near is None and key not in page_currency:
                    page_currency[key] = _context_currency(text, *key)
                raw.unit = near or page_currency[key]
            found.append((raw, block.language))
    found.sort(key=lambda rl: rl[0].start)  # stable: ties keep block order, as before
    for raw, _ in found:
        if raw.kind == "quantity" and raw.unit in DURATION_CODES:
            value = raw.value * raw.scale_mult
            periods.append(Period(raw.start, raw.end, text[raw.start:raw.end], "duration",
                                  _iso_duration(value, DURATION_CODES[raw.unit])))
    periods.sort(key=lambda p: p.start)
    framing = _framing(doc, [raw.start for raw, _ in found], periods)
    figures = tuple([_figure(text, raw, lang, f"f{i}", period) for i, ((raw, lang), period) in enumerate(zip(found, framing), 1)])
    return Scan(figures, tuple(periods)), tuple(_parts(raw) for raw, _ in found)


def _hyphen_adjective(text: str, raw: _Raw, lex: Lexicon) -> bool:
    """Whether a plain number is the first half of a compound adjective ("twenty-foot
    equivalent units", "a five-star hotel"): it describes a thing, it counts nothing, and a
    shipping article's "11.6 million twenty-foot equivalent units" would otherwise hold a
    count of twenty. The nouns are lexicon data (``hyphen_adjectives``)."""
    return raw.kind == "number" and not raw.has_suffix and lex.hyphen_adjective_re.match(text, raw.end) is not None


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _scaled(value: float, mult: float) -> float:
    """value × scale as written in decimal: "16.4 million" is 16400000, not the float
    product 16399999.999999998."""
    if mult == 1.0:
        return value
    return float(Decimal(repr(value)) * Decimal(repr(mult)))


# The order _figure passes Figure's fields in: a field added or moved in model.Figure stops
# the import here rather than shifting every value into its neighbour's field.
_FIGURE_FIELDS = ("id", "start", "end", "text", "kind", "value", "low", "high", "unit", "hedge", "scale", "language",
                  "low_open", "high_open", "period")
assert tuple(f.name for f in fields(Figure)) == _FIGURE_FIELDS, "update _figure's Figure(...) call"


def _figure(text: str, raw: _Raw, language: str, id: str = "", period: str | None = None) -> Figure:
    value = raw.value if raw.scale_mult == 1.0 else _scaled(raw.value, raw.scale_mult)
    low, high = _interval(raw)
    if raw.hedge and raw.hedge != "range":
        hedge = raw.hedge
        if raw.unit == "x" and 0 < value < 1 and 0 < low and hedge in _NEAR_HEDGES:
            low, high, lo_open, hi_open = _divisor_hedge(value, low, high, hedge)
        else:
            if raw.unit == "x" and 0 < value < 1:
                # "meer dan gehalveerd", "more than halved": fell further, to less than half
                hedge = _INVERSE_HEDGES.get(hedge, hedge)
            low, high, lo_open, hi_open = _apply_hedge(value, low, high, hedge)
    else:
        # Round half up: "3" covers [2.5, 3.5), so 2.5 exactly would have been written 3
        # but nothing below it; "12 / 5 = 2.4…2.5" then does not meet "3".
        lo_open, hi_open = False, high > low and not raw.closed
    # Figure's fields in their order (_FIGURE_FIELDS): positional arguments cost a fifth
    # less than keywords, and this runs once per figure
    return Figure(id, raw.start, raw.end, text[raw.start:raw.end], raw.kind, value, low, high, raw.unit, raw.hedge,
                  raw.scale, language, lo_open, hi_open, period)


def _framing(doc: Document, starts: list[int], periods: list[Period]) -> list[str | None]:
    """For each figure start, the nearest quarter/year/relative period of its sentence."""
    framing = sorted((p for p in periods if p.kind != "duration"), key=lambda p: p.start)
    if not framing:
        return [None] * len(starts)
    sent_starts = [s.start for s in doc.sentences]
    p_starts = [p.start for p in framing]
    out: list[str | None] = []
    for start in starts:
        si = bisect_right(sent_starts, start) - 1
        best = None
        if si >= 0 and start < doc.sentences[si].end:
            sent = doc.sentences[si]
            lo, hi = bisect_left(p_starts, sent.start), bisect_left(p_starts, sent.end)
            if lo < hi:
                best = min(framing[lo:hi], key=lambda p: abs(p.start - start))
        out.append(best.value if best else None)
    return out


def extract(text: str, language: str | None = None) -> list[Figure]:
    """Every figure in ``text`` in text order (the public API; see DESIGN.md)."""
    return list(scan(document.build("<text>", text, language=language)).figures)
