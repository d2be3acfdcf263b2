"""Reading an article: text, publication date, blocks, sentences and their languages.

Everything downstream works on offsets into ``Document.text``, the text as read
(for HTML, the article text the page reduces to), so this module never rewrites it.
"""
from __future__ import annotations

import calendar
import re
from datetime import date as Date, timedelta
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from . import cache, lexicon
from .errors import InputError, read_bytes
from .model import Block, Document, RatePeriod, Sentence
from .tokens import lower

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# The end of a sentence: its mark, then (group 1) what lies between the sentences. The
# match opens with the mark, not a lookbehind on it, for re's fast skip to the next mark.
_SENTENCE_END = re.compile(r"[.!?…]((?:[\s\u00a0\u202f]?[\"»”’)])?[\s\u00a0]+)(?=(?:[\"“(]|«[\s\u00a0\u202f]?)?[A-ZÀ-ÖØ-Þ0-9])")
_UNIT = re.compile(r"[^\W_]+")
# a row of key figures, a label, a colon and its figure ("Subscribers: 12 million", "Umsatz:
# 48 Milliarden Euro"), is no scrap of page furniture however few its words; a clock time
# ("Updated: 14:05") is no figure of a row
# (or a table's row written with a bar, "Atlantik | 1.742", which the tokens read as a colon)
ROW_BULLET = "[-•*–]"  # a row's bullet, if any; the label: a letter, then up to 60 characters to the colon
ROW_LABEL = r"[^\W\d_][^:|\n]{0,60}"
ROW_COLON = r"(?::|[ \t]\|)"
_KEY_FIGURE_ROW = re.compile(r"\s*(?:" + ROW_BULLET + r"\s*)?" + ROW_LABEL + ROW_COLON + r"\s*(?:[-+]?[$€£¥]\s?)?\d(?![\d]*\s*[:h]\s*\d)")
_BULLET_LINE = re.compile(r"\s*" + ROW_BULLET + r"\s")
# a table's row written with no colon, its figure closing the line ("UnitedHealthcare 28%",
# "Blue Cross Blue Shield affiliates 14%", "Brasil 66"): its label holds no sentence mark and
# no full stop follows the figure ("Together, that makes 12.7 million." is a sentence); a row
# only in a run of two or more such lines, since one alone may be page furniture ("Page 2")
_TABLE_ROW = re.compile(r"\s*(?:" + ROW_BULLET + r"\s*)?[^\W\d_][^:|\n\d,.;!?]{0,60}?[ \t]+[-+]?(?:[$€£¥][ \t]?)?\d[\d.,'\u00a0\u202f]*"
                        r"(?<![.,])(?:[ \t]?(?:%|[^\W\d_]{1,12}))?[ \t]*$")
_BULLET_FIGURE = re.compile(r"\s*" + ROW_BULLET + r"\s.*\d")


def is_list_row(line: str) -> bool:
    """Whether a line is a row of a list: a bullet line ("- Netze: 9,8 Milliarden Euro",
    "- 3,1 million in Ireland,"), a "Label: figure" row ("Total: £1.35bn") or a label and
    the figure closing it ("Humana 18%", a row of a table the page ran together). Rules
    read a run of them as the parts of one whole (the ``list_before`` of a collection)."""
    return bool(_BULLET_LINE.match(line) or _KEY_FIGURE_ROW.match(line) or _TABLE_ROW.match(line))


def _table_row_in_run(text: str, spans: list[tuple[int, int]], i: int) -> bool:
    """Whether line ``i`` is a row of a table written without colons: it has the shape
    (``_TABLE_ROW``) and so has a line next to it, no blank line between."""
    if not _TABLE_ROW.match(text, spans[i][0], spans[i][1]):
        return False
    for j in (i - 1, i + 1):
        if 0 <= j < len(spans):
            a, b = (spans[j][1], spans[i][0]) if j < i else (spans[i][1], spans[j][0])
            if "\n\n" not in text[a:b] and _TABLE_ROW.match(text, spans[j][0], spans[j][1]):
                return True
    return False


_LANG_LINE = re.compile(r"^(?:lang|language)\s*:\s*[\"']?([a-z]{2})\b", re.I | re.M)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.S)
_DATE_LINE = re.compile(r"^(?:date|published|datum|fecha)\s*:\s*[\"']?(\d{4}-\d{2}-\d{2})", re.I | re.M)


@lru_cache(maxsize=None)
def _credit() -> lexicon.Guided:
    """A caption's credit: " – EPA" at the end, "©", or a credit word (common.yaml).
    Searched through a guide on its possible first characters (see lexicon.Guided)."""
    words = [str(w) for w in lexicon.common().get("credit_words", [])]
    named = r"|\b(?:" + "|".join(map(re.escape, words)) + r")\b" if words else ""
    # an empty word would match anywhere: then every character may start a match
    firsts = r"\S" if "" in words else "".join(sorted({re.escape(w[0]) for w in words}))
    return lexicon.Guided(re.compile(r"(?:\s[–—-]\s?[A-Z][A-Za-z/ ]{1,25}$|©" + named + ")"), r"\s©" + firsts)


def parse_date(value: str, where: str) -> Date:
    """A YYYY-MM-DD date, or an InputError naming where it came from."""
    try:
        return Date.fromisoformat(value.strip()[:10])
    except ValueError:
        raise InputError(f"{where}: invalid date '{value}' (expected YYYY-MM-DD)") from None


@lru_cache(maxsize=None)
def _stopword_weights() -> dict[str, dict[str, float]]:
    """word → {language: weight}; a word shared by n languages weighs 1/n in each.

    "de" is French, Dutch and Spanish: it says little. "het", "qu'" or "und" say a lot.
    Built from every lexicon, of which an article needs one or two: kept on disk
    (``cache``), so that telling its language compiles none of the others.
    """
    return cache.cached("stopwords", lexicon.sources(), _build_stopword_weights, lambda got: isinstance(got, dict))


def _build_stopword_weights() -> dict[str, dict[str, float]]:
    owners: dict[str, list[str]] = {}
    for lang in lexicon.languages():
        lex = lexicon.load(lang)
        # Scale words ("milliards", "Milliarden", "miljard") are strong clues in financial text.
        clues = set(lex.stopwords) | set(lex.clue_words) | {w for w in lex.scales if len(w) >= 5 and " " not in w}
        for w in clues:
            owners.setdefault(w, []).append(lang)
    return {w: {lang: 1.0 / len(langs) for lang in langs} for w, langs in owners.items()}


_DETECT_WORDS = 80


def _language_of(words: list[str], default: str | None, normalized: bool = False, elided: bool = True) -> str | None:
    """The language whose stopwords weigh most in ``words`` (a block's first 80).

    Stopword counting is crude but fast, needs no model download, and is enough to tell
    a Dutch caption from the French article around it. ``normalized``: the words are
    lower-cased, with ' for ’, as lexicon keys are (split_blocks reads them from
    lexicon.folded's text with its apostrophes replaced, once for the whole page);
    otherwise they are normalized here in one call: per-word Python work made language
    detection the costliest step of extraction. ``elided``: a word may hold an
    apostrophe ("l'entreprise" counts as "l'" too); False when none does.
    Weights are added in text order: rational ties ("es" 5.5333…2 vs "fr" 5.5333…3) are
    broken by float rounding, and another order would break them otherwise."""
    if not words:
        return default
    weights = _weight_pairs()
    scores: dict[str, float] = {}
    get = scores.get
    if not normalized:
        joined = "\x00".join(words).lower().replace("’", "'")
        elided = "'" in joined  # most blocks have no "d'", "l'": one look-up a word
        words = joined.split("\x00")
    for w in words:
        ws = weights.get(w)
        if ws is not None:
            for lang, weight in ws:
                scores[lang] = get(lang, 0.0) + weight
        if elided and "'" in w:
            ws = weights.get(w.split("'")[0] + "'")
            if ws is not None:
                for lang, weight in ws:
                    scores[lang] = get(lang, 0.0) + weight
    if not scores:
        return default
    best = max(scores, key=scores.__getitem__)  # the first of the highest, in insertion order
    # A near tie goes to the page's language: short captions carry few clues.
    if default and scores.get(default, 0.0) >= scores[best] - 0.01:
        return default
    return best


_WEIGHT_PAIRS: dict[int, tuple[object, dict[str, tuple[tuple[str, float], ...]]]] = {}


def _weight_pairs() -> dict[str, tuple[tuple[str, float], ...]]:
    """_stopword_weights as (language, weight) pairs in the same order: the hot loop of
    _language_of iterates tuples, not dict views."""
    weights = _stopword_weights()
    hit = _WEIGHT_PAIRS.get(0)
    if hit is None or hit[0] is not weights:
        hit = _WEIGHT_PAIRS[0] = (weights, {w: tuple(ws.items()) for w, ws in weights.items()})
    return hit[1]


def _leading_words(block_words: list[list[str]], n: int) -> list[str]:
    """The first ``n`` words of the text, taken from its blocks' words: no word spans a
    line break and every character outside the blocks is a space, so the page's words
    need no second scan of the text."""
    out: list[str] = []
    for words in block_words:
        out += words[:n - len(out)]
        if len(out) >= n:
            break
    return out


_QUOTE_PAIRS = {"«": "»", '"': '"', "“": "”", "„": "“"}


def _quoted_headline(seg: str) -> bool:
    """A line wrapped whole in quotes, no sentence mark inside the closing quote.

    Interviews and opinion pieces take a quote as their headline ("« La mer Rouge a
    rebattu les cartes »", "\"Meliá cierra 2023 con unos ingresos récord\""); its closing
    quote is no end of a sentence, where a quoted sentence of the body closes on a mark
    ("« Nous investirons. »").
    """
    line = seg.strip()
    close = _QUOTE_PAIRS.get(line[:1])
    if close is None or len(line) < 3 or not line.endswith(close):
        return False
    inner = line[1:-1].strip()
    return bool(inner) and inner[-1] not in ".!?…" and close not in inner[1:-1] and line[:1] not in inner


_LINE = re.compile(r"[^\n]+")
# a front-matter line left in the text ("date: 2024-03-01"): no block to read
_FRONT_MATTER_KEY = re.compile(r"^(?:date|title|lang)\s*:", re.I)


def split_blocks(text: str, language: str | None, hint: str | None = None) -> tuple[tuple[Block, ...], str]:
    """One block per non-empty line, classified as title, paragraph, caption or noise.

    Scraped pages put a headline, its repeat and a photo caption on consecutive
    lines, so lines rather than blank-line paragraphs are the unit.
    """
    spans: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        s, e = m.span()
        seg = m.group()
        stripped = seg.strip()
        if not stripped:
            continue
        s += len(seg) - len(seg.lstrip())
        e -= len(seg) - len(seg.rstrip())
        spans.append((s, e))
    # Each block is split into words once: its kind and language read them, and so does
    # the page's language, from the first words of the first blocks (see _leading_words).
    # Words are read from the folded text with ' for ’ (same offsets, same words, since
    # _WORD takes either apostrophe): normalized as _language_of looks them up.
    low = lexicon.folded(text)
    normalized = low is not None
    src = low.replace("’", "'") if normalized else text
    block_words = [_WORD.findall(src, s, e) for s, e in spans]
    doc_lang = language or hint or _language_of(_leading_words(block_words, _DETECT_WORDS), None, normalized) or "en"
    blocks: list[Block] = []
    title_text: str | None = None
    body_begun = False  # a paragraph seen: no line after it is the headline
    prev_end = -10
    prev_kind = ""
    for i, ((s, e), words) in enumerate(zip(spans, block_words)):
        seg = text[s:e]
        adjacent = "\n\n" not in text[prev_end:s] if prev_end >= 0 else False
        ends_sentence = seg.rstrip()[-1:] in ".!?…»\"”'’)"
        if ends_sentence and _quoted_headline(seg):
            ends_sentence = False  # "« La mer Rouge a rebattu les cartes du fret maritime »": a quote as headline
        if seg.startswith("---") or _FRONT_MATTER_KEY.match(seg):
            kind = "noise"
        elif title_text is None and len(words) >= 2 and len(_UNIT.findall(seg)) >= 4 and len(words) <= 30 \
                and (not ends_sentence or not blocks and seg.rstrip()[-1:] == "?") and not body_begun:
            # "Cloud revenue jumps 72%" counts its figure; a first line may ask its question
            # ("Schiphol in cijfers: waar vliegen de reizigers heen?"); a line after the body
            # has begun is no headline ("Europa: 48,3 miljoen" is a row of a table)
            kind = "title"
            title_text = seg
        elif title_text is not None and seg == title_text:
            kind = "noise"  # a scraped page repeats its headline: one copy is enough
        elif len(words) <= 30 and _credit().search(seg, 0, len(seg)) or (adjacent and prev_kind == "title" and len(words) <= 30):
            kind = "caption"
        elif len(words) < 4 and not ends_sentence and not _KEY_FIGURE_ROW.match(seg) and not _BULLET_FIGURE.match(seg) \
                and not _list_heading(seg, text, spans, i) and not _table_row_in_run(text, spans, i):
            kind = "noise"  # (a bullet line with a figure is a row of a list: "- 3.1 million in Ireland,";
            # a short heading closing on a colon right above one names the list: "Market shares:")
        else:
            kind = "paragraph"
        lang = language or _language_of(words[:_DETECT_WORDS], doc_lang, normalized,
                                        not normalized or src.find("'", s, e) >= 0) or doc_lang
        blocks.append(Block(index=i, start=s, end=e, kind=kind, language=lang))
        prev_end, prev_kind = e, kind
        body_begun = body_begun or kind == "paragraph"
    if not language and not hint:
        weight: dict[str, int] = {}
        for b in blocks:
            if b.kind in ("paragraph", "title"):
                weight[b.language] = weight.get(b.language, 0) + (b.end - b.start)
        if weight:
            doc_lang = max(weight.items(), key=lambda kv: kv[1])[0]
    return tuple(blocks), doc_lang


def _list_heading(seg: str, text: str, spans: list[tuple[int, int]], i: int) -> bool:
    """Whether a short line is the heading of the list right below it: it closes on a colon,
    the next line is a row with a figure ("- Tesco: 27.6%"), and no blank line stands between.
    Such a line tells what the rows split ("Market shares:"), so rules read it as text."""
    if not seg.rstrip().endswith(":") or i + 1 >= len(spans):
        return False
    s, e = spans[i + 1]
    nxt = text[s:e]
    return "\n\n" not in text[spans[i][1]:s] and bool(_KEY_FIGURE_ROW.match(nxt) or _BULLET_FIGURE.match(nxt)
                                                     or _table_row_in_run(text, spans, i + 1))


# (possessive: a run of letters followed by no dot fails at once, where a greedy one gave
# its letters back one by one, each retried before the dot)
_WORD_BEFORE_DOT = re.compile(r"([^\W_]++)\.$")


@lru_cache(maxsize=None)
def _no_break_words(language: str) -> frozenset[str]:
    """Words after which a full stop is an abbreviation's: "ca. 5", "Dr. Smith" (scale
    abbreviations, "1,5 Mrd. Euro", are _scale_words')."""
    return frozenset(w.lower().rstrip(".") for w in lexicon.load(language).abbreviations)


@lru_cache(maxsize=None)
def _scale_words(language: str) -> frozenset[str]:
    """Scale words short enough to be abbreviated with a full stop ("Mrd.", "mln.")."""
    lex = lexicon.load(language)
    return frozenset({w.lower() for w in lex.scales_case} | {w.lower() for w in lex.scales if len(w) <= 4})


_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


def _is_abbreviation(text: str, dot: int, language: str) -> bool:
    m = _WORD_BEFORE_DOT.search(text, max(0, dot - 12), dot + 1)
    if not m:
        return False
    word = m.group(1)
    if word.isdigit():
        return len(word) <= 2  # "im 4. Quartal", "20. April"; a year ends sentences
    lower = word.lower()
    if lower in _scale_words(language):
        # "1,5 Mrd. Euro" goes on; "samen €600 mln. Met 362.000 inwoners …" is a new
        # sentence: a capitalised function word follows the abbreviated scale
        nxt = _NEXT_WORD.match(text, dot + 1)
        return not (nxt and nxt.group(1)[0].isupper() and nxt.group(1).lower() in lexicon.load(language).stopwords)
    return lower in _no_break_words(language) or (len(word) == 1 and word.isupper())


def split_sentences(text: str, blocks: tuple[Block, ...]) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    for b in blocks:
        start = b.start
        for m in _SENTENCE_END.finditer(text, b.start, b.end):
            gap = m.start(1)
            dot = gap - 1
            while dot > b.start and text[dot] in "\"»”’) \u00a0\u202f":
                dot -= 1
            if text[dot] == "." and _is_abbreviation(text, dot, b.language):
                continue
            out.append(Sentence(start, gap, b.index))
            start = m.end()
        if start < b.end:
            out.append(Sentence(start, b.end, b.index))
    return tuple(out)


def rate_date(text: str, start: int, end: int, language: str, reference: Date | None = None) -> Date | None:
    """The date a conversion's rate is told for between ``start`` and ``end`` ("l'équivalent
    de 34,7 millions de dollars au cours du 29 décembre 2023"): the amounts were converted
    that day, not on the day the article came out. None when the span names none, or names
    a day that does not exist. The language is one the document's figures were read in: its
    lexicon is loaded. A day and month without a year ("al cambio del 30 de septiembre") is
    the last such day on or before ``reference``, the article's date (none without it)."""
    lex = lexicon.load(language)
    m = lex.rate_date_re.search(text, start, end)
    if m is None:
        return None
    g = m.groupdict()
    period = next((k[3:] for k in ("pe_year", "pe_quarter", "pe_month") if g.get(k)), None)
    if period is not None or g.get("m4"):
        return _period_end(period or "month", reference, lex.month_numbers.get(lower(g["m4"] or ""), 0), g.get("y4"))
    if g["y3"]:
        y, mo, d = int(g["y3"]), int(g["mo3"]), int(g["d3"])
    else:
        d = int(g["d1"] or g["d2"])
        mo = lex.month_numbers.get(lower(g["m1"] or g["m2"]), 0)
        year = g["y1"] or g["y2"]
        if year is None:
            if reference is None:
                return None
            y = reference.year if (mo, d) <= (reference.month, reference.day) else reference.year - 1
        else:
            y = int(year)
    try:
        return Date(y, mo, d)
    except ValueError:
        return None


def _period_end(period: str, reference: Date | None, month: int = 0, year: str | None = None) -> Date | None:
    """The last day of a period a rate is told for: "at the year-end rate" is the last 31
    December on or before ``reference``, the article's date; a quarter's or a month's end
    likewise; "tegen de koers van eind december" (``month``, ``year`` if written) the last
    day of that month. The rate used is that of the last business day up to it."""
    if month:
        if year:
            return _month_end(int(year), month)
        if reference is None:
            return None
        end = _month_end(reference.year, month)
        return end if end <= reference else _month_end(reference.year - 1, month)
    if reference is None:
        return None
    # the period holding the article's day: it ends that day, or the one before it ended
    months = {"year": 12, "quarter": 3}.get(period, 1)
    first = (reference.month - 1) // months * months + 1
    if _month_end(reference.year, first + months - 1) == reference:
        return reference
    return Date(reference.year, first, 1) - timedelta(days=1)


def _month_end(year: int, month: int) -> Date:
    return Date(year, month, calendar.monthrange(year, month)[1])


@lru_cache(maxsize=None)
def _period_re(language: str) -> re.Pattern[str]:
    """A day, a month, a quarter or a year named with its year ("15 July 2022", "July 15,
    2022", "en marzo de 2020", "im dritten Quartal 2023", "in the third quarter of 2023",
    "en 2021"), from the lexicon's months and quarters; the most precise reading wins at
    each place (alternatives in that order). A year is a bare 4-digit number 1999-2099 (the
    ECB's rates start in 1999) not glued to other digits, a sign or a currency symbol."""
    lex = lexicon.load(language)
    sp = r"[\s\u00a0\u202f]+"
    link = r"(?:(?:de|del|of|van|des|du|von|the|het|el|d')" + sp + r")?"
    year = r"(?P<{}>(?:199\d|20\d\d))(?![\d.,]?\d)"
    alts = []
    if lex.month_numbers:
        month = r"(?:" + lexicon._alternation(list(lex.month_numbers), fold=True) + r")"
        alts.append(r"(?P<d1>\d{1,2})(?:\.|er|st|nd|rd|th)?" + sp + link + r"(?P<m1>" + month + r")" + sp + link + year.format("y1"))
        alts.append(r"(?P<m2>" + month + r")" + sp + r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?" + sp + year.format("y2"))
        alts.append(r"(?P<m3>" + month + r")" + sp + link + year.format("y3"))
    if lex.quarters:
        quarter = lexicon._alternation(list(lex.quarters), fold=True)
        alts.append(r"(?P<q>" + quarter + r")" + sp + link + year.format("y4"))
    alts.append(r"(?<![\d.,$€£¥+\-])" + year.format("y5"))
    if lex.month_numbers and lex.month_openers:
        # last: a month with no year after it ("signé en février"), which year being the reader's
        # (rate_period's) choice; a year written after it makes it the month-and-year reading
        opener = lexicon._alternation(list(lex.month_openers), fold=True)
        alts.append(r"(?:" + opener + r")" + sp + r"(?P<m6>" + month + r")(?![^\W_])(?!" + sp + link + r"(?:199\d|20\d\d))")
    return re.compile(r"(?i)(?<![^\W_])(?:" + "|".join(alts) + r")")


def rate_period(text: str, start: int, end: int, language: str, before: int | None = None,
                reference: Date | None = None) -> RatePeriod | None:
    """The period a sentence names for a conversion made "at the time" (``rate_then``): "In
    July 2022 it raised $800m …, or about €6.6bn at the time" converted at July 2022's rates,
    not the article's day's. Of the periods named between ``start`` and ``end``, the last one
    before ``before`` (where the conversion stands), else the first after it; None if none.
    A month told without its year after one of the lexicon's ``month_openers`` ("le contrat
    signé en février") is the last such month on or before ``reference``, the article's date,
    as a reader takes it; with no date, or for a quarter without its year, no period."""
    lex = lexicon.load(language)
    found = []
    for m in _period_re(language).finditer(text, start, end):
        g = m.groupdict()
        written, at = " ".join(m.group().split()), m.start()
        try:
            if g["y1"] or g["y2"]:
                day = Date(int(g["y1"] or g["y2"]), lex.month_numbers.get(lower(g["m1"] or g["m2"]), 0), int(g["d1"] or g["d2"]))
                first, last = day, day
            elif g["y3"]:
                first = Date(int(g["y3"]), lex.month_numbers.get(lower(g["m3"]), 0), 1)
                last = _month_end(first.year, first.month)
            elif g.get("m6"):
                if reference is None:
                    continue
                number = lex.month_numbers.get(lower(g["m6"]), 0)
                year_of = reference.year if number <= reference.month else reference.year - 1
                first = Date(year_of, number, 1)
                last = min(_month_end(year_of, number), reference)
                written, at = f"{g['m6']} {year_of}", m.start("m6")
            elif g.get("y4"):
                code = lex.quarters.get(lower(g["q"]).replace("’", "'"), "")
                if code[:1] not in ("Q", "H") or not code[1:].isdigit():
                    continue
                months = 3 if code[0] == "Q" else 6
                k = int(code[1:])
                first = Date(int(g["y4"]), (k - 1) * months + 1, 1)
                last = _month_end(first.year, k * months)
            else:
                first, last = Date(int(g["y5"]), 1, 1), Date(int(g["y5"]), 12, 31)
        except ValueError:  # a day that does not exist ("31 June 2022"), an unknown month
            continue
        found.append(RatePeriod(first, last, written, at))
    if not found:
        return None
    if before is not None:
        earlier = [p for p in found if p.at < before]
        if earlier:
            return earlier[-1]
    return found[0]


def declared_language(text: str) -> str | None:
    """A 'lang: nl' line in the front matter: the article's language, a default that a
    paragraph in another language (a caption) still overrides."""
    fm = _FRONT_MATTER.match(text)
    m = _LANG_LINE.search(fm.group(1) if fm else text[:200])
    if m and m.group(1).lower() in lexicon.languages():
        return m.group(1).lower()
    return None


def find_date(text: str, source: str = "<text>") -> tuple[Date | None, str | None]:
    """A publication date written in the article's front matter or first lines; a bad
    one is an input error naming ``source`` and the line ("article.txt:2: …")."""
    fm = _FRONT_MATTER.match(text)
    head = fm.group(1) if fm else text[:400]
    m = _DATE_LINE.search(head)
    if m:
        line = text.count("\n", 0, (fm.start(1) if fm else 0) + m.start(1)) + 1
        return parse_date(m.group(1), f"{source}:{line}: front matter"), "front matter"
    return None, None


class _ArticleText(HTMLParser):
    """Reduces an HTML page to its article text and reads its publication date.

    Keeps headings, paragraphs, captions and list items; drops scripts, styles,
    navigation and footers, which are page noise, not the article.
    """

    SKIP = {"script", "style", "nav", "footer", "aside", "noscript", "form", "header", "svg", "button"}
    BLOCK = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption", "li", "blockquote", "title", "div", "br", "tr"}
    DATE_META = {"article:published_time", "datepublished", "date", "dc.date", "pubdate", "publishdate", "og:published_time", "sailthru.date"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.date: str | None = None
        self.lang: str | None = None
        self.in_title = False
        self.title = ""
        self.seen_h1 = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "html" and a.get("lang"):
            self.lang = a["lang"][:2].lower()
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in self.DATE_META and a.get("content") and not self.date:
                self.date = a["content"]
        if tag == "time" and a.get("datetime") and not self.date:
            self.date = a["datetime"]
        if tag in self.SKIP:
            self.skip += 1
        if tag == "title":
            self.in_title = True
        if tag == "h1":
            self.seen_h1 = True
        if tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self.skip:
            self.skip -= 1
        if tag == "title":
            self.in_title = False
        if tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
            return
        if not self.skip:
            self.parts.append(data)

    def text(self) -> str:
        raw = "".join(self.parts)
        if not self.seen_h1 and self.title.strip():
            raw = self.title.strip() + "\n\n" + raw
        lines = [re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in raw.split("\n")]
        out = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
        return out + "\n"


_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]+)"')


def from_html(html: str) -> tuple[str, Date | None, str | None, str | None]:
    """(article text, date, date source, declared language) of an HTML page."""
    p = _ArticleText()
    p.feed(html)
    p.close()
    raw_date = p.date
    if not raw_date:
        m = _JSONLD_DATE.search(html)
        raw_date = m.group(1) if m else None
    date = None
    if raw_date:
        try:
            date = Date.fromisoformat(raw_date.strip()[:10])
        except ValueError:
            date = None
    return p.text(), date, ("html meta" if date else None), p.lang


def looks_like_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<!doctype html" in head or ("<p>" in head and "</p>" in head)


_NOT_PROSE = re.compile(r"\s*(?:" + ROW_BULLET + r"\s|[|#>]|---|(?:date|title|lang)\s*:)", re.I)
_OPENS_MID_SENTENCE = re.compile(r"\s*[a-zß-öø-ÿ0-9(%€$£¥]")
# A line's last word, marks after it: tried at word starts only, and possessive, as it is
# searched along whole lines (the greedy form retried every letter of every word).
_LAST_WORD = re.compile(r"(?<![^\W\d_])([^\W\d_]++)\W*+$")


@lru_cache(maxsize=None)
def _function_words() -> frozenset[str]:
    """Every language's function words: a line ending on one ("… lag der") stops mid-sentence."""
    return frozenset(w for lang in lexicon.languages() for w in lexicon.load(lang).stopwords)


@lru_cache(maxsize=None)
def _scale_words_all() -> frozenset[str]:
    """Every language's scale words written out ("Millionen", "milliards", "billion"): a line
    ending on one ("… also 350 Millionen") cuts a figure from its currency or noun, which the
    next line opens on, in German with a capital ("Euro im Monat")."""
    return frozenset(w for lang in lexicon.languages() for w in lexicon.load(lang).scales if len(w) > 3)


def unwrap(text: str) -> str:
    """The text with the line breaks of hard-wrapped paragraphs made spaces (same offsets).

    Lines are blocks (a scraped page puts headline, caption and repeat on lines of their
    own), but text pasted from an e-mail or a file wrapped at 72 or 100 columns breaks its
    sentences across lines, and a claim cut in two is read as two fragments. A break is a
    wrap when the line before does not end its sentence and the next line is prose, not a
    row or bullet, and goes on a sentence: it opens in lower case or on a figure, or the
    line before ends on a comma, a function word or a scale word (a figure cut from its
    currency: "also 350 Millionen" / "Euro im Monat"), or the page is wrapped throughout (two
    such breaks at least) and the line before is long. A question and the line that answers
    it are one paragraph too (``_asks``). The first line, a headline, stays whole unless the
    next line plainly goes on with it.
    """
    if "\n" not in text:
        return text
    fm = _FRONT_MATTER.match(text)
    at = fm.end() if fm else 0
    # (offset of the break, line before, line after, whether the line before is the first)
    pairs: list[tuple[int, str, str, bool]] = []
    prev: str | None = None
    first = True
    for cur in text[at:].split("\n"):
        if prev is not None:
            if prev.strip() and cur.strip():
                pairs.append((at - 1, prev, cur, first))
            first = first and not prev.strip()
        prev = cur
        at += len(cur) + 1
    goes_on = [_goes_on(p, c) for _, p, c, _ in pairs]
    lower = [ok and bool(_OPENS_MID_SENTENCE.match(c)) for ok, (_, _, c, _) in zip(goes_on, pairs)]
    wrapped = sum(lower) >= 2
    wraps: list[int] = []  # the breaks made spaces, in text order
    for (at, prev, cur, is_first), ok, low in zip(pairs, goes_on, lower):
        if low or (not is_first and _asks(prev, cur)):
            wraps.append(at)
        elif ok and not is_first and not _NOT_PROSE.match(prev) and not _KEY_FIGURE_ROW.match(prev):
            last = _LAST_WORD.search(prev)
            if prev.rstrip().endswith(",") or (last and last.group(1).lower() in _function_words()) \
                    or (last and last.group(1).lower() in _scale_words_all() and prev.rstrip()[-1:].isalpha()) \
                    or (wrapped and len(prev.strip()) >= 50):
                wraps.append(at)
    if not wraps:
        return text  # most pages: their lines are their paragraphs
    parts: list[str] = []
    done = 0
    for at in wraps:
        parts += (text[done:at], " ")
        done = at + 1
    parts.append(text[done:])
    return "".join(parts)


def _asks(prev: str, cur: str) -> bool:
    """Whether ``prev`` is a question the line right after answers ("How fast is it
    growing?" / "It counted 9.6m 5G subscribers …", "Q: …?" / "A: …"): one exchange, read
    as one paragraph, so that a claim in the question meets the answer's figure."""
    return prev.rstrip().endswith("?") and len(prev.split()) >= 4 and not _NOT_PROSE.match(prev) \
        and not _NOT_PROSE.match(cur) and not is_list_row(cur)


def _goes_on(prev: str, cur: str) -> bool:
    """Whether ``cur`` may go on the sentence ``prev`` leaves open: ``prev`` ends on no
    sentence mark and ``cur`` is prose, no row, bullet, table or front-matter line."""
    return prev.rstrip()[-1] not in ".!?…:;" and not _NOT_PROSE.match(cur) and not _KEY_FIGURE_ROW.match(cur)


def build(source: str, text: str, *, date: Date | None = None, date_source: str | None = None,
          language: str | None = None) -> Document:
    """A Document from text already read. ``date`` from the caller (``--date``) wins."""
    if language and language not in lexicon.languages():
        raise InputError(f"{source}: unknown language '{language}' (known: {', '.join(lexicon.languages())})")
    if date is None:
        date, date_source = find_date(text, source)
    text = unwrap(text)
    blocks, doc_lang = split_blocks(text, language, None if language else declared_language(text))
    return Document(
        source=source,
        text=text,
        language=language or doc_lang,
        date=date,
        date_source=date_source if date else None,
        blocks=blocks,
        sentences=split_sentences(text, blocks),
    )


def read(source: str, *, date: Date | None = None, language: str | None = None, stdin_text: str | None = None,
         timeout: float = 20.0) -> Document:
    """Read a file, ``-`` (stdin) or an http(s) URL into a Document."""
    date_source = "--date" if date else None
    if source.startswith(("http://", "https://")):
        text = _fetch(source, timeout)
    elif source == "-":
        text = stdin_text if stdin_text is not None else ""
    else:
        data = read_bytes(Path(source), "an article")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            raise InputError(f"{source}: not UTF-8 text (byte {e.start})") from None
        if "\x00" in text:
            raise InputError(f"{source}: binary file, not an article")
    if not text.strip():
        raise InputError(f"{source}: empty article")
    text = text.replace("\r\n", "\n")
    if looks_like_html(text):
        text, html_date, html_source, html_lang = from_html(text)
        if date is None and html_date is not None:
            date, date_source = html_date, html_source
        if language is None and html_lang in lexicon.languages():
            pass  # blocks are still detected one by one: the declared language is only a hint
    return build(source, text, date=date, date_source=date_source, language=language)


def _fetch(url: str, timeout: float) -> str:
    import requests  # only when a URL is given: keeps start-up fast

    try:
        resp = requests.get(url, timeout=timeout, headers={"User-Agent": "factcheck/0.1"})
    except requests.RequestException as e:
        raise InputError(f"{url}: cannot fetch: {e.__class__.__name__}") from None
    if resp.status_code != 200:
        raise InputError(f"{url}: HTTP {resp.status_code}")
    resp.encoding = resp.encoding or resp.apparent_encoding
    return resp.text
