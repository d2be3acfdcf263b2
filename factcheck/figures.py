"""Extraction: every figure in a document, with its unit, scale, hedge and interval.

One pass per block (a block has one language), each made of compiled regexes from
the block's lexicon: digits first, then number words (through text2num), then
fractions and multipliers. Dates, clock times, phone numbers and years standing
as dates are masked first: they are not figures to check.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from text_to_num import find_numbers

from . import document, lexicon
from .lexicon import Lexicon
from .model import Document, Figure, Period

_SP = r"[\s\u00a0\u202f]"
_NUM = re.compile(
    r"(?P<sign>[-−+])?(?P<num>\d{1,3}(?:(?P<sep>[ \u00a0\u202f.,'’])\d{3})(?:(?P=sep)\d{3})*(?:[.,]\d+)?(?![\d])"
    r"|\d+(?:[.,]\d+)?(?![\d]))"
)
_TIME = re.compile(r"(?<![\d:])\d{1,2}(?::\d{2}(?::\d{2})?|\s?h\s?\d{2})(?![\d:])(?:\s?(?:[ap]\.?m\.?|uhr|u\.|h)\b)?", re.I)
_ISO_DATE = re.compile(r"(?<!\d)(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4})(?!\d)")
_PHONE = re.compile(r"(?<![\d\w])(?:\+\d{1,3}[\s.]?(?:\(0\)[\s.]?)?)?\(?0?\d{1,2}\)?(?:[\s.]\d{2}){3,4}(?![\d])")
_YEAR = re.compile(r"(?<![\d.,])(?:1[89]\d\d|20\d\d)(?![\d])")
_QCODE = re.compile(r"(?<![^\W_])(?:[QT][1-4]|[1-4][QT]|H[12]|S[12])(?:[\s/-]?(?:19|20)?\d\d)?(?![^\W_])")
_WORD_TOKEN = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_LETTER = re.compile(r"[^\W\d_]")

# Time units (pint names) that make a quantity a duration, which is a period too.
_DURATION_CODES = {"year": "Y", "month": "M", "week": "W", "day": "D", "quarter_year": "Q", "hour": "H"}


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
    low: float | None = None
    high: float | None = None


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
    by exactly three digits is decimal) and by the language only when ambiguous
    ("12,345" is 12.345 in French, 12345 in English).
    """
    s = s.replace("\u00a0", "").replace("\u202f", "").replace(" ", "").replace("'", "").replace("’", "")
    dots, commas = s.count("."), s.count(",")
    dec: str | None = None
    if dots and commas:
        dec = "." if s.rfind(".") > s.rfind(",") else ","
    elif dots + commas == 1:
        mark = "." if dots else ","
        after = len(s) - s.find(mark) - 1
        if after != 3 or s.startswith("0") or mark == decimal:
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
    prefix = re.compile(
        r"(?:(?<![^\W\d_])(?:" + lexicon._alternation(codes) + r")|(?:"
        + lexicon._alternation(list(symbols), flags_word_end=False) + r"))" + _SP + r"?$"
    )
    ctx = {str(k): {str(c): [str(w).lower() for w in ws] for c, ws in v.items()} for k, v in com.get("symbol_context", {}).items()}
    return symbols, aliases, prefix, ctx


def _currency_of(token: str, lex: Lexicon) -> tuple[str, float, str | None]:
    """ISO code, factor (cents → 0.01) and the symbol when context may change it."""
    symbols, aliases, _, ctx = _symbols()
    if token in symbols:
        return symbols[token], 1.0, (token if token in ctx else None)
    if token.upper() == token and token.isalpha() and len(token) == 3:
        return aliases.get(token, token), 1.0, None
    norm = re.sub(r"[\s\u00a0\u202f]+", " ", token.lower().replace("’", "'"))
    code, factor = lex.currencies.get(norm, (None, 1.0))
    if code is None:
        return aliases.get(token.upper(), token.upper()), 1.0, None
    return aliases.get(code, code), factor, None


def _suffix(text: str, pos: int, end: int, lex: Lexicon, raw: _Raw, prefixed_currency: bool) -> None:
    """Read scale, currency, percent, points or unit after the number, in place."""
    m = lex.points_re.match(text, pos, end)
    if m:
        word = m.group().strip().lower()
        factor = 0.01 if word in lex.basis_points else 1.0
        raw.kind, raw.unit, raw.end, raw.has_suffix = "percent", "pp", m.end(), True
        raw.value *= factor
        raw.step *= factor
        return
    m = lex.percent_re.match(text, pos, end)
    if m:
        raw.kind, raw.unit, raw.end, raw.has_suffix = "percent", "%", m.end(), True
        return
    m = lex.scale_re.match(text, pos, end)
    if m:
        word = m.group().strip().rstrip(".")
        mult = lex.scales.get(word.lower().replace("’", "'"), lex.scales_case.get(word))
        if mult is not None:
            after = m.end()
            if after < end and text[after] == "." and lex.currency_name_re.match(text, after + 1, end):
                after += 1  # "1,5 Mrd. Euro": the abbreviation's dot, not a full stop
            cur = lex.currency_name_re.match(text, after, end)
            if cur is None:
                conn = lex.connector_re.match(text, after, end)
                if conn:
                    cur = lex.currency_name_re.match(text, conn.end(), end)
            if word in lex.scales_with_currency_only and not (cur or prefixed_currency):
                pass  # "5 m" is five metres, not five million
            else:
                raw.scale, raw.scale_mult, raw.end, raw.has_suffix = word, mult, after, True
                pos = after
                if cur is not None:
                    _set_currency(raw, cur.group().strip(), lex, cur.end())
                    return
    if raw.kind == "money":
        return
    cur = lex.currency_name_re.match(text, pos, end)
    if cur is not None:
        _set_currency(raw, cur.group().strip(), lex, cur.end())
        return
    if raw.scale:
        return
    m = lex.unit_re.match(text, pos, end)
    if m:
        word = m.group().strip()
        raw.kind, raw.unit, raw.end, raw.has_suffix = "quantity", lex.units.get(word), m.end(), True


def _set_currency(raw: _Raw, token: str, lex: Lexicon, end: int) -> None:
    code, factor, symbol = _currency_of(token, lex)
    raw.kind, raw.unit, raw.end, raw.has_suffix = "money", code, end, True
    raw.symbol = symbol or raw.symbol
    if factor != 1.0:
        raw.value *= factor
        raw.step *= factor


@lru_cache(maxsize=None)
def _date_patterns(month: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """"20 avril 2020", "20. April 2020", "20 de abril de 2020", "April 20, 2020"."""
    day_month = re.compile(
        r"(?i)(?<!\d)\d{1,2}(?:er|\.|º|st|nd|rd|th)?" + _SP + r"*(?:de" + _SP + r"+)?(?:" + month + r")(?:"
        + _SP + r"*(?:de" + _SP + r"+)?\d{4})?"
    )
    month_day = re.compile(r"(?i)(?:" + month + r")" + _SP + r"+\d{1,2}(?:st|nd|rd|th)?(?!\d)(?:,?" + _SP + r"+\d{4})?")
    return day_month, month_day


def _masks(text: str, start: int, end: int, lex: Lexicon, periods: list[Period]) -> list[tuple[int, int]]:
    """Spans that hold no figure to check: dates, times, phone numbers, quarters, years."""
    spans: list[tuple[int, int]] = []
    for rx in (_TIME, _ISO_DATE, _PHONE):
        spans += [m.span() for m in rx.finditer(text, start, end)]
    for rx in _date_patterns(lex.month_re):
        spans += [m.span() for m in rx.finditer(text, start, end)]
    for m in lex.quarter_re.finditer(text, start, end):
        periods.append(Period(m.start(), m.end(), m.group(), "quarter", lex.quarters.get(m.group().lower().replace("’", "'"), m.group())))
        spans.append(m.span())
    for m in _QCODE.finditer(text, start, end):
        code = m.group()
        q = code[0] + code[1] if code[0] in "QTHS" else code[1] + code[0]
        q = q.replace("T", "Q").replace("S", "H")
        periods.append(Period(m.start(), m.end(), code, "quarter", q))
        spans.append(m.span())
    for m in lex.relative_re.finditer(text, start, end):
        periods.append(Period(m.start(), m.end(), m.group(), "relative", lex.relative_periods.get(m.group().lower().replace("’", "'"), "")))
    return spans


def _inside(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(a <= s < b or a < e <= b for a, b in spans)


def _digits(text: str, start: int, end: int, lex: Lexicon, masks: list[tuple[int, int]], periods: list[Period]) -> list[_Raw]:
    out: list[_Raw] = []
    _, _, prefix_re, _ = _symbols()
    for m in _NUM.finditer(text, start, end):
        s, e = m.span("num")
        before = text[s - 1] if s > 0 else " "
        if before.isalnum() or before in "_.,/" or (before in "-–" and s > 1 and text[s - 2].isalnum()):
            continue  # glued to a word: an id ("A320", "COVID-19"), not a figure
        if _inside(masks, s, e):
            continue
        if e < end and text[e] == "." and e + 1 < end and text[e + 1].isdigit():
            continue  # version numbers, dotted ids
        value, step = parse_number(m.group("num"), lex.decimal)
        sign = m.group("sign")
        fs = s
        if sign and (m.start() == 0 or not text[m.start() - 1].isalnum()):
            fs = m.start()
            if sign in "-−":
                value = -value
        raw = _Raw(start=fs, end=e, value=value, step=step)
        # currency before the number: "$28bn", "€ 25.8", "USD 5", "US$ 3"
        pm = prefix_re.search(text, max(start, fs - 6), fs)
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
                continue
        _suffix(text, raw.end, end, lex, raw, raw.kind == "money")
        if raw.end < end and _LETTER.match(text, raw.end) and not raw.has_suffix:
            continue  # "5G", "3D": a name, not a figure
        if raw.kind == "number" and not raw.has_suffix and step == 1.0 and m.group("sep") is None \
                and _YEAR.fullmatch(m.group("num")) and not sign:
            periods.append(Period(s, e, m.group("num"), "year", m.group("num")))
            continue  # "en 2019": a year standing as a date
        out.append(raw)
    return out


def _words(text: str, start: int, end: int, lex: Lexicon, taken: list[tuple[int, int]], masks: list[tuple[int, int]]) -> list[_Raw]:
    out: list[_Raw] = []
    for m in lex.number_word_re.finditer(text, start, end):
        if _inside(taken, m.start(), m.end()) or _inside(masks, m.start(), m.end()):
            continue
        if m.group().lower() in lex.ignore_alone:
            continue
        toks = [(t.start(), t.end(), t.group()) for t in _WORD_TOKEN.finditer(m.group())]
        try:
            occ = find_numbers([_Tok(t[2]) for t in toks], lex.language, 0.0)
        except Exception:  # text2num rejects some inputs outright; they are not numbers
            continue
        base = m.start()
        for o in occ:
            words = toks[o.start:o.end]
            if not words:
                continue
            phrase = " ".join(w[2].lower() for w in words)
            if phrase in lex.ignore_alone:
                continue
            s, e = base + words[0][0], base + words[-1][1]
            step = min((lex.scales[w[2].lower()] for w in words if w[2].lower() in lex.scales), default=1.0)
            raw = _Raw(start=s, end=e, value=float(o.value), step=0.0 if step == 1.0 else step)
            if o.is_ordinal:
                raw.kind = "ordinal"
            else:
                _suffix(text, e, end, lex, raw, False)
            out.append(raw)
    return out


def _phrases(text: str, start: int, end: int, lex: Lexicon, taken: list[tuple[int, int]]) -> list[_Raw]:
    out = []
    for m in lex.phrase_re.finditer(text, start, end):
        if _inside(taken, m.start(), m.end()):
            continue
        key = re.sub(r"[\s\u00a0\u202f]+", " ", m.group().lower().replace("’", "'"))
        if key in lex.multipliers:
            out.append(_Raw(m.start(), m.end(), lex.multipliers[key], 0.0, unit="x", has_suffix=True))
        elif key in lex.fractions:
            out.append(_Raw(m.start(), m.end(), lex.fractions[key], 0.0, has_suffix=True))
    return out


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
        if i + 1 < len(raws):
            b = raws[i + 1]
            gap = text[a.end:b.start]
            left = text[max(start, a.start - 25):a.start]
            opener = lex.range_opener_re.search(left)
            joined = False
            if opener:
                word = re.sub(r"\s+", " ", opener.group().strip().lower())
                joiners = lex.range_openers.get(word, ())
                joined = bool(re.fullmatch(_SP + r"*(?:" + "|".join(map(re.escape, joiners)) + r")" + _SP + r"*", gap, re.I)) if joiners else False
            ranged = joined or bool(lex.range_re.fullmatch(gap))
            compatible = a.kind in ("number", b.kind) and (not a.has_suffix or (a.kind == b.kind and a.unit == b.unit))
            if ranged and b.has_suffix and compatible and a.kind != "ordinal" and b.kind != "ordinal":
                if not a.has_suffix:
                    a.kind, a.unit = b.kind, b.unit
                    if b.scale and not a.scale:
                        a.scale, a.scale_mult = b.scale, b.scale_mult
                if not joined and lex.change_opener_re.search(left):
                    out.append(a)
                    i += 1
                    continue
                lo_a, hi_a = _interval(a)
                lo_b, hi_b = _interval(b)
                merged = _Raw(
                    start=a.start, end=b.end, value=(a.value * a.scale_mult + b.value * b.scale_mult) / 2 / b.scale_mult,
                    step=0.0, kind=b.kind, unit=b.unit, scale=b.scale, scale_mult=b.scale_mult, hedge="range",
                    has_suffix=True, low=min(lo_a, lo_b), high=max(hi_a, hi_b), symbol=b.symbol or a.symbol,
                )
                out.append(merged)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _elliptical_units(text: str, raws: list[_Raw]) -> None:
    """"5 milliards d'euros, dont 3 milliards en France": the 3 billion are euros too.

    A scaled number with no unit takes the currency of the money figure just
    before it in the same sentence, as a reader does.
    """
    last: _Raw | None = None
    for raw in raws:
        if raw.kind == "money":
            last = raw
        elif raw.kind == "number" and raw.scale and raw.unit is None and last is not None:
            between = text[last.end:raw.start]
            if len(between) <= 160 and not re.search(r"[.!?]\s", between):
                raw.kind, raw.unit = "money", last.unit


def _interval(raw: _Raw) -> tuple[float, float]:
    if raw.low is not None and raw.high is not None:
        return raw.low, raw.high
    half = raw.step / 2
    return (raw.value - half) * raw.scale_mult, (raw.value + half) * raw.scale_mult


def _hedge(text: str, raw: _Raw, start: int, lex: Lexicon) -> str | None:
    m = lex.hedge_re.search(text, max(start, raw.start - 30), raw.start)
    if not m:
        return None
    phrase = re.sub(r"[\s\u00a0\u202f]+", " ", m.group(1).lower().replace("’", "'"))
    if raw.unit in _DURATION_CODES and phrase in lex.duration_prepositions:
        return None  # "over three years" says when, not how much
    return lex.hedges.get(phrase)


@lru_cache(maxsize=None)
def _hedge_semantics() -> dict[str, dict[str, object]]:
    return {str(k): dict(v or {}) for k, v in lexicon.common().get("hedge_semantics", {}).items()}


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
    _, _, _, ctx = _symbols()
    choices = ctx.get(symbol)
    if not choices:
        return default
    lowered = text.lower()
    best, best_pos = default, None
    for code, words in choices.items():
        for w in words:
            p = re.search(r"(?<![^\W_])" + re.escape(w) + r"(?![^\W_])", lowered)
            if p and (best_pos is None or p.start() < best_pos):
                best, best_pos = code, p.start()
    return best


def scan(doc: Document) -> Scan:
    """All figures and periods of a document, in text order."""
    text = doc.text
    figures: list[Figure] = []
    periods: list[Period] = []
    for block in doc.blocks:
        lex = lexicon.load(block.language)
        masks = _masks(text, block.start, block.end, lex, periods)
        raws = _digits(text, block.start, block.end, lex, masks, periods)
        taken = [(r.start, r.end) for r in raws]
        raws += _words(text, block.start, block.end, lex, taken, masks)
        taken = [(r.start, r.end) for r in raws]
        raws += _phrases(text, block.start, block.end, lex, taken)
        raws.sort(key=lambda r: r.start)
        raws = _join_ranges(text, raws, lex, block.start)
        _elliptical_units(text, raws)
        for raw in raws:
            raw.hedge = raw.hedge or _hedge(text, raw, block.start, lex)
            if raw.symbol and raw.kind == "money":
                raw.unit = _context_currency(text, raw.symbol, raw.unit or "")
            figures.append(_figure(text, raw, block.language))
    figures.sort(key=lambda f: f.start)
    for f in figures:
        if f.kind == "quantity" and f.unit in _DURATION_CODES:
            periods.append(Period(f.start, f.end, f.text, "duration", f"P{_fmt(f.value)}{_DURATION_CODES[f.unit]}"))
    periods.sort(key=lambda p: p.start)
    figures = _with_periods(doc, figures, periods)
    return Scan(tuple(replace(f, id=f"f{i}") for i, f in enumerate(figures, 1)), tuple(periods))


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def _figure(text: str, raw: _Raw, language: str) -> Figure:
    value = raw.value * raw.scale_mult
    low, high = _interval(raw)
    if raw.hedge and raw.hedge != "range":
        low, high, lo_open, hi_open = _apply_hedge(value, low, high, raw.hedge)
    else:
        lo_open = hi_open = False
    return Figure(
        id="", start=raw.start, end=raw.end, text=text[raw.start:raw.end], kind=raw.kind, value=value,
        low=low, high=high, unit=raw.unit, hedge=raw.hedge, scale=raw.scale, language=language,
        low_open=lo_open, high_open=hi_open,
    )


def _with_periods(doc: Document, figures: list[Figure], periods: list[Period]) -> list[Figure]:
    """Attach to each figure the nearest quarter/year/relative period of its sentence."""
    framing = sorted((p for p in periods if p.kind != "duration"), key=lambda p: p.start)
    if not framing:
        return figures
    sent_starts = [s.start for s in doc.sentences]
    p_starts = [p.start for p in framing]
    out = []
    for f in figures:
        si = bisect_right(sent_starts, f.start) - 1
        best = None
        if si >= 0 and f.start < doc.sentences[si].end:
            sent = doc.sentences[si]
            lo, hi = bisect_left(p_starts, sent.start), bisect_left(p_starts, sent.end)
            if lo < hi:
                best = min(framing[lo:hi], key=lambda p: abs(p.start - f.start))
        out.append(replace(f, period=best.value) if best else f)
    return out


def extract(text: str, language: str | None = None) -> list[Figure]:
    """Every figure in ``text`` in text order (the public API; see DESIGN.md)."""
    return list(scan(document.build("<text>", text, language=language)).figures)
