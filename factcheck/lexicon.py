"""Language data: YAML lexicons compiled into matchers.

The extractor holds no word of any language: every scale word, currency name,
hedge or month comes from ``rules/lexicons/<lang>.yaml`` (shipped in the package)
or from a user's folder given with ``FACTCHECK_LEXICONS``. A new
language is a new YAML file; a new currency is one line.
"""
from __future__ import annotations

import difflib
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterator

from . import yamlines
from .errors import InputError
from .tokens import norm as token_norm, phrase_words

_NEVER = re.compile(r"(?!x)x")  # the pattern of a list a language leaves empty: matches nothing
HEDGE_KINDS = ("more_than", "at_least", "less_than", "at_most", "up_to", "nearly", "approaching", "just_over", "a_good", "about", "some", "range")


@lru_cache(maxsize=None)
def builtin_root() -> Path:
    """The built-in rules and lexicons: ``rules/`` of the source tree, installed as
    the package ``factcheck.builtin`` (pyproject.toml maps one to the other).

    A source checkout run in place (tests from the repository root) has no
    ``factcheck.builtin``; the ``rules/`` folder beside the package is the same data.
    """
    try:
        return Path(str(resources.files("factcheck.builtin")))
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "rules"


def builtin_dir() -> Path:
    """The folder of built-in lexicons."""
    return builtin_root() / "lexicons"


_SP = r"[\s\u00a0\u202f]*"
_UNIT_FACTOR = re.compile(r"\s*(\w+)\s*\*\s*([0-9.]+(?:[eE][-+]?\d+)?)\s*")


def _atoms(word: str) -> list[str]:
    """A word as regex atoms, one per character: apostrophes match ' and ’, a space
    matches any run of spaces including no-break spaces (scraped pages mix them)."""
    out: list[str] = []
    for c in word:
        if c in "'’":
            out.append("['’]")
        elif c == " ":
            out.append(_SPACE_RUN)
        else:
            out.append(re.escape(c))
    return out


_SPACE_RUN = r"[\s\u00a0\u202f]+"


def _not_points(data: dict[str, Any], path: Path) -> str:
    """A look-ahead refusing the phrases that begin with a points word but name things
    counted ("420 points de vente", "1 200 puntos de venta"): shops, not percentage points."""
    words = [str(w) for w in _get(data, "points_except", path, list, [])]
    return r"(?!(?i:" + _alternation(words, fold=True) + r")(?![^\W_]))" if words else ""


def _alternation(words: list[str], *, flags_word_end: bool = True, fold: bool = False) -> str:
    """A regex alternation that prefers the longest word ("milliards" over "milliard").

    Built as a trie ("milliard(?:s|)"), not a flat list sorted by length: Python's re
    tries every branch at every position, and the trie makes the lexicon passes several
    times faster. The match is the same: a text spells one path through the trie, and
    deeper nodes are tried before a word ends there, so the longest word that matches
    (with its word-end check) wins, as in a longest-first list. ``fold``: the pattern is
    used case-insensitively, so words are lower-cased first (one path per spelling).
    """
    root: dict[str, Any] = {}
    for w in sorted(set(words)):
        if not w:
            continue
        if fold:
            w = w.lower()
        node = root
        for a in _atoms(w):
            node = node.setdefault(a, {})
        node[""] = node.get("", False) or (flags_word_end and w[-1:].isalnum())
    branches = _trie_branches(root)
    return "|".join(branches) if branches else r"(?!x)x"


def _trie_branches(node: dict[str, Any]) -> list[str]:
    out = []
    for atom, child in node.items():
        if atom == "":
            continue
        kids = _trie_branches(child)
        if "" in child:
            kids.append(r"(?![^\W_])" if child[""] else "")
        if len(kids) == 1:
            out.append(atom + kids[0])
        else:
            out.append(atom + "(?:" + "|".join(kids) + ")")
    return out


def _norm(word: str) -> str:
    return word.lower().replace("’", "'")


@dataclass(frozen=True)
class Lexicon:
    """One language's figure vocabulary, with the regexes built from it."""

    language: str
    decimal: str
    stopwords: frozenset[str]
    # words that tell the language of a short line though they are no function words
    # ("Umsatz", "stijgt", "beneficio"): language detection only, never sentence breaks
    clue_words: frozenset[str]
    scales: dict[str, float]  # normalised word → multiplier
    scales_case: dict[str, float]  # case-sensitive abbreviations (M, Md, k…)
    scales_with_currency_only: frozenset[str]
    scales_glued_only: frozenset[str]  # without a currency, only glued to the digits ("1.2b")
    currencies_glued_only: frozenset[str]  # currency words read only glued to the digits ("20p", not "S&P", "12 p.a.")
    currencies: dict[str, tuple[str, float]]  # normalised name → (ISO, factor)
    hedges: dict[str, str]  # normalised phrase → hedge kind
    fractions: dict[str, float]
    # fractions that are a period right after an amount ("£45m a quarter"): no figure there
    period_fractions: frozenset[str]
    multipliers: dict[str, float]
    # a round amount named by a phrase ("le cap du milliard", "die Milliarde"): a
    # threshold the article passes, with the currency read after it as after a number
    round_amounts: dict[str, float]
    units: dict[str, str]
    unit_factors: dict[str, float]  # surface → factor into the pint unit ("trimestre: month*3")
    quarters: dict[str, str]  # normalised phrase → Q4…
    relative_periods: dict[str, str]
    range_openers: dict[str, tuple[str, ...]]
    ignore_alone: frozenset[str]
    # compiled
    # a number word that is also an adjective after its noun ("l'immobilier neuf"): alone,
    # a number only when what it counts follows, a plural word or a scale, percent or currency
    counting_only: frozenset[str]
    plural_next_re: re.Pattern[str]
    # a number hyphenated to one of these nouns is an adjective, no figure: "twenty-foot
    # equivalent units", "a five-star hotel", "a 40-foot container"
    hyphen_adjective_re: re.Pattern[str]
    # words of more than one short word that join two years into a span, both ends counted:
    # "2020 tot en met 2024", "2020 through 2024" (one short word, "bis", "to", is read anyway)
    year_span_link_re: re.Pattern[str]
    scale_re: re.Pattern[str]
    currency_name_re: re.Pattern[str]
    connector_re: re.Pattern[str]
    percent_re: re.Pattern[str]
    # A percent word before the number it qualifies ("percent of 10", "pourcentage de
    # vingt"), anchored at the end of the text before the number.
    percent_before_re: re.Pattern[str]
    # A currency name glued to a number by a hyphen ("12-cent", "one-yen", "siebenhundert-Euro").
    currency_word_re: re.Pattern[str]
    # A scale, percent or currency word (group "noun" for the last two) right after a number word: one
    # match where three would do, for words that are numbers only so ("one", "un", "een").
    qualifier_re: re.Pattern[str]
    # Currency and percent words that are also common nouns ("un livre" is a book, "ein
    # Pfund" a weight, "un pourcentage" a share): after a word that is also an article they make no amount.
    article_nouns: frozenset[str]
    points_re: re.Pattern[str]
    basis_points: frozenset[str]
    hedge_re: re.Pattern[str]  # anchored at the end of the text before a figure
    hedges_after: dict[str, str]  # normalised phrase after a figure → hedge kind ("or so")
    hedge_after_re: re.Pattern[str]  # matched right after a figure
    compound_re: re.Pattern[str]  # the gap between an amount and its subunit ("15 dollars et 15 cents")
    sign_re: re.Pattern[str]  # a sign word right before a number ("minus 0,5 Prozent"), anchored at the end
    signs: dict[str, float]  # normalised sign word → -1 or +1
    time_re: re.Pattern[str]  # clock times written with a time word ("15.30 Uhr", "9 Uhr")
    range_re: re.Pattern[str]
    change_word_re: re.Pattern[str]  # links two figures only after a change opener ("von 6,6 auf 10,7")
    # between a bare number and the scaled whole it is a part of ("12,1 von 25,4 Milliarden Euro",
    # "4,1 van de 8,9 miljard"): the part takes the whole's scale and unit
    part_link_re: re.Pattern[str]
    # joins the last two numbers of a list that share the unit written after the last
    # ("respectivement 40 et 25 %", "11,9 en 11,2 procent"); a comma joins the others
    list_joiner_re: re.Pattern[str]
    # a factor after a number ("three times", "2,5 fois", "drei Mal", "3-mal", "tres veces"),
    # not a frequency ("deux fois par an"); and before one ("multiplié par trois")
    times_re: re.Pattern[str]
    times_before_re: re.Pattern[str]
    # a divisor before a number ("divisé par deux et demi"): the factor is its inverse
    divided_before_re: re.Pattern[str]
    change_opener_re: re.Pattern[str]
    # a difference before a number ("rose by 1.3 million to 7.9 million"): a written amount
    # after it and a level after "to" are a change and its result, no range
    difference_opener_re: re.Pattern[str]
    # a change opener right after the noun of a change ("une hausse de 3 à 4 %", "un aumento
    # de 3 a 4 %", "een groei van 3 tot 4 procent"): the size of the change as a range, not its ends
    range_noun_re: re.Pattern[str]
    # words that tell an amount as another currency's restatement ("Au cours du jour, cela
    # représente environ 11,3 milliards de dollars"): an aside, not the currency that runs on
    conversion_aside_re: re.Pattern[str]
    range_opener_re: re.Pattern[str]
    number_word_re: re.Pattern[str]
    ordinal_words: tuple[str, ...]  # handed to the number-word grammar (numwords), read by text2num
    phrase_re: re.Pattern[str]  # fractions and multipliers
    unit_re: re.Pattern[str]
    month_re: str  # alternation, embedded in date patterns
    # the date a conversion's rate is told for, after its opener ("au cours du 29 décembre
    # 2023"), with the month's number by name (document.rate_date)
    rate_date_re: re.Pattern[str]
    month_numbers: dict[str, int]
    # words before a month told without its year that make it the period a conversion "at
    # the time" was made in ("signé en février … au taux de l'époque"): document.rate_period
    month_openers: tuple[str, ...]
    # Every phrase a period or word-phrase pass looks for (quarters, relative periods,
    # fractions, multipliers, months), as one alternation without word-end checks: a
    # block where it finds nothing needs none of those passes (figures._screens).
    phrase_screen: str
    # Last characters of the phrases that end-anchored patterns look for before a number
    # ("hedge", "sign", "change_opener", "range_opener"): when the text before a number
    # ends otherwise, the search is skipped (figures._may_end).
    tails: dict[str, frozenset[str]]
    quarter_re: re.Pattern[str]
    relative_re: re.Pattern[str]
    ordinal_re: re.Pattern[str]  # suffix glued to digits: "1er", "4th"
    rank_ordinals: dict[str, float]  # ranks the number-word reader misses, by word or stem
    rank_ordinal_re: re.Pattern[str]  # those words, and the stems glued to a superlative
    duration_prepositions: frozenset[str]  # "over three years": a period, not "more than"
    abbreviations: frozenset[str]  # a full stop after these does not end a sentence
    duration_adjective_re: re.Pattern[str]  # "trois dernières années": words between number and time unit
    classes: dict[str, tuple[tuple[str, ...], ...]]  # word classes for rule patterns ("@rise")
    # A capitalised word inside a sentence is a name ("gevolgd door Plus met 6,3 %"), not a
    # class word; false where common nouns are capitalised too (German "ein Plus von 5 %").
    capitalized_names: bool = False
    # What a number may count besides people (@headcount): "3,61 Millionen Fahrzeugen", "72.000
    # turismos". A scaled number before one is a count, not a sum of money left elliptical
    # (figures._before_count); ``count_links`` may come first ("7,8 millions d'abonnés").
    count_nouns: frozenset[str] = frozenset()
    count_links: frozenset[str] = frozenset()
    # Words that name, before a number, what it counts ("die Zahl der Mitglieder … 1,2 Millionen"):
    # matched case-insensitively (figures._after_count_subject); None when the lexicon has none.
    count_subject_re: re.Pattern[str] | None = None
    # Verbs whose object is a sum of money ("recaudaron 80,9 millones", "spent 3 million"): a
    # bare scaled number right after one takes the currency of an amount before, not the unit of
    # a count of its size told nearer (figures._after_money_verb).
    money_verbs: frozenset[str] = frozenset()
    # Whether a compound noun ending in a counted noun counts too (German, Dutch write compounds
    # as one word: "1,9 Millionen Spitalsaufenthalte", "2,1 miljoen huurwoningen").
    count_noun_compounds: bool = False
    # Groups of nouns that name one counted thing ("votos", "sufragios", "papeletas"): a
    # ``same_noun`` pick meets a count of any noun of the group of the word an amount is per.
    noun_synonyms: tuple[frozenset[str], ...] = ()
    # hedge word → the words after which it is no hedge: German "ein Auftrag über 1,4 Mrd.
    # Dollar" is an order worth 1.4 billion, not one of more than 1.4 billion
    hedge_not_after: dict[str, tuple[frozenset[str], int]] = field(default_factory=dict)


def _words(data: dict[str, Any], key: str, path: Path) -> str:
    """The lexicon's list ``key`` as a case-folded alternation (see _alternation)."""
    return _alternation([str(w) for w in _get(data, key, path, list, [])], fold=True)


def _get(data: dict[str, Any], key: str, path: Path, kind: type, default: Any) -> Any:
    value = data.get(key, default)
    if value is None:
        value = default
    if not isinstance(value, kind):
        line = _line_of(path, key)
        raise InputError(f"{path}:{line}: field '{key}' must be a {kind.__name__}")
    return value


def _noun_synonyms(data: dict[str, Any], path: Path) -> tuple[frozenset[str], ...]:
    """``noun_synonyms``: a list of groups, each a list of two or more nouns naming one thing,
    kept as tokens are compared ("Wählerstimme" → "wahlerstimme")."""
    out = []
    for group in _get(data, "noun_synonyms", path, list, []):
        if not isinstance(group, list) or len(group) < 2:
            raise InputError(f"{path}:{_line_of(path, 'noun_synonyms')}: field 'noun_synonyms' must be a list of lists of two words or more")
        out.append(frozenset(token_norm(str(w)) for w in group))
    return tuple(out)


def _month_numbers(data: dict[str, Any], path: Path) -> dict[str, int]:
    """``month_numbers``: each month name or abbreviation to its number, 1 to 12."""
    out: dict[str, int] = {}
    for name, number in _get(data, "month_numbers", path, dict, {}).items():
        if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= 12:
            raise InputError(f"{path}:{_line_of(path, 'month_numbers')}: field 'month_numbers.{name}' must be a month number, 1 to 12")
        out[_norm(str(name))] = number
    return out


def _right_before(data: dict[str, Any], key: str, path: Path, sp: str) -> re.Pattern[str]:
    """The phrases of ``key`` ending right before a number ("multiplié par", "divisé par"),
    searched for in the few characters before it."""
    return re.compile(r"(?i:(?<![^\W_])(?:" + _words(data, key, path) + r"))" + sp + r"$")


def _rate_date_re(openers: list[str], months: list[str], month_ends: list[str] | None = None,
                  period_ends: dict[str, list[str]] | None = None) -> re.Pattern[str]:
    """An opener of a rate's date, then the date: "29 décembre 2023", "29. Dezember 2023", "29
    de diciembre de 2023", "December 29, 2023", "2023-12-29", or a day and month alone ("al
    cambio del 30 de septiembre"), or a month's end ("tegen de koers van eind december", group
    m4, year y4); or a phrase naming the rate of a period's end ("zum EZB-Kurs vom Jahresende",
    groups pe_year, pe_quarter, pe_month); named groups read by document.rate_date. Matches
    nothing in a language without openers or months, and period-end phrases."""
    ends = [r"(?P<pe_" + period + r">" + _alternation(phrases, fold=True) + r")"
            for period, phrases in sorted((period_ends or {}).items()) if phrases]
    if (not openers or not months) and not ends:
        return _NEVER
    sp = r"[\s\u00a0\u202f]+"
    alts = []
    if openers and months:
        month = r"(?:" + _alternation(months, fold=True) + r")"
        end_month = (r"|(?:" + _alternation(month_ends, fold=True) + r")" + sp + r"(?:de" + sp + r")?(?P<m4>" + month + r")(?:"
                     + sp + r"(?:de" + sp + r")?(?P<y4>\d{4}))?") if month_ends else ""
        alts.append(
            r"(?:" + _alternation(openers, fold=True) + r")" + sp + r"(?:"
            + r"(?P<d1>\d{1,2})(?:\.|er|st|nd|rd|th)?" + sp + r"(?:de" + sp + r")?(?P<m1>" + month + r")(?:" + sp + r"(?:de" + sp + r")?(?P<y1>\d{4}))?"
            + r"|(?P<m2>" + month + r")" + sp + r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?(?:,?" + sp + r"(?P<y2>\d{4}))?"
            + r"|(?P<y3>\d{4})-(?P<mo3>\d{2})-(?P<d3>\d{2})" + end_month + r")(?!\d)")
    alts += [e + r"(?![^\W_])" for e in ends]
    return re.compile(r"(?i)(?<![^\W_])(?:" + "|".join(alts) + r")")


RATE_PERIODS = ("year", "quarter", "month")


def _rate_period_ends(data: dict[str, Any], path: Path) -> dict[str, list[str]]:
    """``rate_period_ends``: year, quarter or month → phrases naming the rate of that period's
    last day ("at the year-end rate", "au taux de fin d'année")."""
    out: dict[str, list[str]] = {}
    for period, phrases in _get(data, "rate_period_ends", path, dict, {}).items():
        if period not in RATE_PERIODS or not isinstance(phrases, list):
            raise InputError(f"{path}:{_line_of(path, 'rate_period_ends')}: field 'rate_period_ends.{period}' must be "
                             f"one of {', '.join(RATE_PERIODS)}, with a list of phrases")
        out[period] = [str(p) for p in phrases]
    return out


def _hedge_not_after(data: dict[str, Any], path: Path) -> dict[str, tuple[frozenset[str], int]]:
    """``hedge_not_after``: each hedge word maps to the words after which it is none, and how
    many words back they may stand, in the hedge's clause: a list (the word right before: German
    "ein Auftrag über 1,4 Mrd.") or ``{words: [...], reach: N}`` (a verb a few words back: Spanish
    "elevó su volumen de primas hasta 2.318 millones" is "to", not "up to")."""
    out: dict[str, tuple[frozenset[str], int]] = {}
    line = _line_of(path, "hedge_not_after")
    for hedge, spec in _get(data, "hedge_not_after", path, dict, {}).items():
        reach = 1
        if isinstance(spec, dict):
            unknown = set(spec) - {"words", "reach"}
            reach = spec.get("reach", 1)
            if unknown or not isinstance(reach, int) or isinstance(reach, bool) or not 1 <= reach <= 8:
                raise InputError(f"{path}:{line}: field 'hedge_not_after.{hedge}' must be a list of words, "
                                 "or words: [...] with reach: 1 to 8")
            spec = spec.get("words")
        if not isinstance(spec, list):
            raise InputError(f"{path}:{line}: field 'hedge_not_after.{hedge}' must be a list of words")
        out[_norm(str(hedge))] = (frozenset(_norm(str(w)) for w in spec), reach)
    return out


def _line_of(path: Path, key: str) -> int:
    try:
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.startswith(f"{key}:"):
                return n
    except OSError:
        pass
    return 1


def _number(value: Any, path: Path, field: str) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        raise InputError(f"{path}:{_line_of(path, field)}: field '{field}' has a non-numeric value {value!r}") from None


def _currency(code: str, path: Path) -> tuple[str, float]:
    code = str(code)
    factor = 1.0
    if "/" in code:
        code, div = code.split("/", 1)
        factor = 1.0 / _number(div, path, "currencies")
    return code.strip(), factor


# Every top-level key a file may hold, by file; rules/lexicons/README.md documents each one
# (tests/test_lexicon_doc.py holds the two together). A key outside them is a typo or a key of
# another file: an error, not data silently ignored.
LANGUAGE_KEYS = frozenset({
    "language", "decimal", "stopwords", "clue_words", "number_words", "ignore_alone", "counting_only", "plural_endings",
    "ordinal_words", "ordinal_suffixes", "rank_ordinals", "sign_words", "fractions", "period_fractions", "multipliers", "times_words",
    "frequency_words", "times_before", "divided_before", "round_amounts", "hyphen_adjectives", "year_span_links",
    "scales", "scales_with_currency_only", "scales_glued_only", "connectors", "currencies", "currencies_glued_only",
    "compound_connectors", "article_nouns", "percent", "percent_before", "points", "points_except", "basis_points",
    "hedges", "hedges_after", "hedge_not_after", "range_words", "range_openers", "change_words", "change_openers",
    "difference_openers", "range_nouns", "range_noun_links", "conversion_asides", "part_links", "list_joiners",
    "months", "month_numbers", "month_openers", "rate_date_openers", "rate_month_ends", "rate_period_ends", "quarters", "relative_periods", "time_words", "units",
    "duration_prepositions", "duration_adjectives", "abbreviations",
    "count_nouns", "count_noun_compounds", "noun_synonyms", "count_links", "count_subjects", "money_verbs", "classes", "capitalized_names",
})
CLASS_FILE_KEYS = frozenset({"classes", "capitalized_names"})
COMMON_KEYS = frozenset({"symbols", "codes", "code_aliases", "symbol_names", "symbol_context", "hedge_semantics",
                         "credit_words", "digit_names", "index_names", "model_names", "exact_words", "figure_prepositions"})


def _load_yaml(path: Path, known: frozenset[str] = LANGUAGE_KEYS) -> dict[str, Any]:
    """A lexicon file; bad YAML, a key given twice or a key of no such file is a one-line
    error with its line."""
    data = yamlines.load(path)
    if not isinstance(data, dict):
        raise InputError(f"{path}:1: a lexicon must be a mapping")
    check_keys(path, data, known)
    check_no_booleans(path, data)
    return data


def check_no_booleans(path: Path, data: dict[str, Any]) -> None:
    """A word YAML reads as true or false (unquoted No, Yes, On, Off in a list) would become
    "False" and never match: English "No." then ended sentences. A one-line error instead."""
    def walk(key: str, value: Any) -> None:
        if isinstance(value, bool):
            raise InputError(f"{path}:{_line_of(path, key)}: field '{key}' holds {value}, a yes/no value: "
                             "quote the word (\"No\")")
        if isinstance(value, list):
            for v in value:
                walk(key, v)
        elif isinstance(value, dict):
            for k, v in value.items():
                if isinstance(k, bool):
                    walk(key, k)
                walk(key, v)

    for key, value in data.items():
        if not isinstance(value, bool):  # a flag of its own ("count_noun_compounds: true")
            walk(str(key), value)


def check_keys(path: Path, data: dict[str, Any], known: frozenset[str]) -> None:
    """An unknown top-level key stops the load, naming file, line and the nearest known key:
    "count_nounz" would otherwise be ignored, and the words the user added never read."""
    for key in data:
        if str(key) not in known:
            close = difflib.get_close_matches(str(key), sorted(known), n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            raise InputError(f"{path}:{_line_of(path, str(key))}: field '{key}' is not a key of this file{hint}")


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """User lexicons extend the built-in ones: lists are concatenated, maps updated."""
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, list) and isinstance(out.get(key), list):
            out[key] = out[key] + value
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            merged = dict(out[key])
            for k, v in value.items():
                if isinstance(v, list) and isinstance(merged.get(k), list):
                    merged[k] = merged[k] + v
                else:
                    merged[k] = v
            out[key] = merged
        else:
            out[key] = value
    return out


def sources() -> list[Path]:
    """Every file the lexicons are read from, built-in and user folders': what a value
    built from them (``cache.cached``) is keyed by."""
    return [f for d in (builtin_dir(), *user_dirs()) if d.is_dir() for f in sorted(d.rglob("*.yaml"))]


def user_dirs() -> list[Path]:
    env = os.environ.get("FACTCHECK_LEXICONS", "")
    return [Path(p) for p in env.split(os.pathsep) if p]


@lru_cache(maxsize=None)
def common() -> dict[str, Any]:
    data = _load_yaml(builtin_dir() / "common.yaml", COMMON_KEYS)
    for d in user_dirs():
        if (d / "common.yaml").is_file():
            data = _merge(data, _load_yaml(d / "common.yaml", COMMON_KEYS))
    return data


@lru_cache(maxsize=None)
def languages() -> tuple[str, ...]:
    names = {p.stem for p in builtin_dir().glob("*.yaml") if p.stem != "common"}
    for d in user_dirs():
        names |= {p.stem for p in d.glob("*.yaml") if p.stem != "common"}
    return tuple(sorted(names))


@lru_cache(maxsize=None)
def load(language: str) -> Lexicon:
    """The lexicon for ``language``, built-in data extended by user folders."""
    path = builtin_dir() / f"{language}.yaml"
    data: dict[str, Any] = {}
    if path.is_file():
        data = _load_yaml(path)
    for d in user_dirs():
        user = d / f"{language}.yaml"
        if user.is_file():
            data = _merge(data, _load_yaml(user))
            path = user
    if not data:
        raise InputError(f"unknown language '{language}' (known: {', '.join(languages())})")
    # Rule vocabulary ("@rise") lives apart from figure vocabulary, in classes/<lang>.yaml.
    for d in [builtin_dir(), *user_dirs()]:
        cpath = d / "classes" / f"{language}.yaml"
        if cpath.is_file():
            data = _merge(data, _load_yaml(cpath, CLASS_FILE_KEYS))
    return _compile(language, data, path)


def _hedge_table(data: dict[str, Any], key: str, path: Path) -> dict[str, str]:
    """Normalised phrase → hedge kind, from a mapping of kind → phrases."""
    table: dict[str, str] = {}
    for kind, phrases in _get(data, key, path, dict, {}).items():
        if kind not in HEDGE_KINDS:
            raise InputError(f"{path}:{_line_of(path, key)}: field '{key}' has unknown kind '{kind}'")
        for p in phrases or []:
            table[_norm(str(p))] = kind
    return table


def _compile(language: str, data: dict[str, Any], path: Path) -> Lexicon:
    scales_raw = _get(data, "scales", path, dict, {})
    case_only = set(map(str, _get(data, "scales_with_currency_only", path, list, [])))
    scales: dict[str, float] = {}
    scales_case: dict[str, float] = {}
    for word, mult in scales_raw.items():
        word = str(word)
        m = _number(mult, path, "scales")
        # Abbreviations with a capital (M, Md, Mrd, Mio, K) are case-sensitive:
        # "M" is a million, "m" may be metres.
        if any(c.isupper() for c in word) or len(word) <= 2:
            scales_case[word] = m
        else:
            scales[_norm(word)] = m
    currencies = {
        _norm(str(k)): _currency(v, path) for k, v in _get(data, "currencies", path, dict, {}).items()
    }
    hedges = _hedge_table(data, "hedges", path)
    fractions = {_norm(str(k)): _number(v, path, "fractions") for k, v in _get(data, "fractions", path, dict, {}).items()}
    multipliers = {_norm(str(k)): _number(v, path, "multipliers") for k, v in _get(data, "multipliers", path, dict, {}).items()}
    round_amounts = {_norm(str(k)): _number(v, path, "round_amounts") for k, v in _get(data, "round_amounts", path, dict, {}).items()}
    units: dict[str, str] = {}
    unit_factors: dict[str, float] = {}
    for k, v in _get(data, "units", path, dict, {}).items():
        fm = _UNIT_FACTOR.fullmatch(str(v))  # "month*3"; "meter**2" is a pint power, not a factor
        units[str(k)] = fm.group(1) if fm else str(v)
        if fm:
            unit_factors[str(k)] = _number(fm.group(2), path, "units")
    hedges_after = _hedge_table(data, "hedges_after", path)
    signs: dict[str, float] = {}
    for word, sign in _get(data, "sign_words", path, dict, {}).items():
        signs[_norm(str(word))] = -1.0 if _number(sign, path, "sign_words") < 0 else 1.0
    time_words = [str(w) for w in _get(data, "time_words", path, list, [])]
    quarters: dict[str, str] = {}
    for q, phrases in _get(data, "quarters", path, dict, {}).items():
        for p in phrases or []:
            quarters[_norm(str(p))] = str(q)
    relative: dict[str, str] = {}
    for r, phrases in _get(data, "relative_periods", path, dict, {}).items():
        for p in phrases or []:
            relative[_norm(str(p))] = str(r)
    range_words = [str(p) for p in _get(data, "range_words", path, list, [])]
    # Without a change_words list, every range word also links a change (the old format).
    change_words = [str(p) for p in _get(data, "change_words", path, list, range_words)]
    range_openers_raw = _get(data, "range_openers", path, dict, {})
    range_openers = {_norm(str(k)): tuple(_norm(str(x)) for x in (v or [])) for k, v in range_openers_raw.items()}

    sp = r"[\s\u00a0\u202f]*"
    scale_words = list(scales) + list(scales_case)
    com = common()
    symbols = {str(k): str(v) for k, v in com.get("symbols", {}).items()}
    codes = [str(c) for c in com.get("codes", [])]
    cur_names = list(currencies)
    difference_openers = [str(p) for p in _get(data, "difference_openers", path, list, [])]
    change_openers = [str(p) for p in _get(data, "change_openers", path, list, [])]
    number_words = [str(w) for w in _get(data, "number_words", path, list, [])]
    ordinal_words = [str(w) for w in _get(data, "ordinal_words", path, list, [])]
    nw = _alternation(number_words + ordinal_words, flags_word_end=False, fold=True)
    months = [str(m) for m in _get(data, "months", path, list, [])]
    month_numbers = _month_numbers(data, path)
    # a scale word may be hyphenated to its number in a compound adjective: "die
    # 60-Millionen-Marke", "the 60-million mark", "a $1-billion deal"
    scale_pattern = (r"(?:" + sp + r"|[-‐‑])(?:(?i:" + _alternation(list(scales), fold=True) + r")|(?:" + _alternation(list(scales_case)) + r"))"
                     if scale_words else r"(?!x)x")
    percent_pattern = sp + r"(?i:" + _alternation([str(p) for p in _get(data, "percent", path, list, [])], fold=True) + r")"
    currency_pattern = (sp + r"(?:(?i:" + _alternation(cur_names, fold=True) + r")|(?:" + _alternation(list(symbols)) + r")|(?:"
                        + _alternation(codes) + r"))")
    # "twenty-foot equivalent units": a number hyphenated to these nouns is an adjective
    hyphen_adjectives = [str(w) for w in _get(data, "hyphen_adjectives", path, list, [])]
    year_span_links = [str(w) for w in _get(data, "year_span_links", path, list, [])]
    return Lexicon(
        language=language,
        decimal=str(_get(data, "decimal", path, str, ".")),
        stopwords=frozenset(_norm(str(w)) for w in _get(data, "stopwords", path, list, [])),
        clue_words=frozenset(_norm(str(w)) for w in _get(data, "clue_words", path, list, [])),
        scales=scales,
        scales_case=scales_case,
        scales_with_currency_only=frozenset(case_only),
        scales_glued_only=frozenset(map(str, _get(data, "scales_glued_only", path, list, []))),
        currencies_glued_only=frozenset(_norm(str(w)) for w in _get(data, "currencies_glued_only", path, list, [])),
        currencies=currencies,
        hedges=hedges,
        fractions=fractions,
        period_fractions=frozenset(_norm(str(w)) for w in _get(data, "period_fractions", path, list, [])),
        multipliers=multipliers,
        round_amounts=round_amounts,
        units=units,
        unit_factors=unit_factors,
        quarters=quarters,
        relative_periods=relative,
        range_openers=range_openers,
        ignore_alone=frozenset(_norm(str(w)) for w in _get(data, "ignore_alone", path, list, [])),
        counting_only=frozenset(_norm(str(w)) for w in _get(data, "counting_only", path, list, [])),
        plural_next_re=re.compile(
            r"[ \t\u00a0\u202f]+(?i:[^\W\d_]*(?:" + _alternation([str(p) for p in _get(data, "plural_endings", path, list, [])], fold=True)
            + r"))(?![^\W_])") if _get(data, "plural_endings", path, list, []) else _NEVER,
        hyphen_adjective_re=re.compile(r"[-‐‑](?i:" + _alternation(hyphen_adjectives, fold=True) + r")(?![^\W_])")
        if hyphen_adjectives else _NEVER,
        year_span_link_re=re.compile(r"[\s\u00a0]*(?i:" + _alternation(year_span_links, fold=True) + r")[\s\u00a0]*")
        if year_span_links else _NEVER,
        scale_re=re.compile(scale_pattern),
        currency_name_re=re.compile(currency_pattern),
        qualifier_re=re.compile(r"(?:" + scale_pattern + r")|(?P<noun>" + percent_pattern + r"|" + currency_pattern + r")"),
        connector_re=re.compile(sp + r"(?i:" + _alternation([str(c) for c in _get(data, "connectors", path, list, [])], fold=True) + r")" + sp),
        percent_re=re.compile(percent_pattern),
        percent_before_re=re.compile(
            r"(?i:(?<![^\W_])(?:" + _alternation([str(p) for p in _get(data, "percent_before", path, list, [])], fold=True)
            + r"))" + sp + r"$"
        ),
        article_nouns=frozenset(_norm(str(w)) for w in _get(data, "article_nouns", path, list, [])),
        currency_word_re=re.compile(r"(?i:" + _alternation(cur_names, fold=True) + r")"),
        points_re=re.compile(sp + _not_points(data, path) + r"(?i:" + _alternation([str(p) for p in _get(data, "points", path, list, [])], fold=True) + r")"),
        basis_points=frozenset(_norm(str(p)) for p in _get(data, "basis_points", path, list, [])),
        hedge_re=re.compile(r"(?i:(?<![^\W_])(" + _alternation(list(hedges), fold=True) + r"))" + sp + r"$"),
        range_re=re.compile(sp + r"(?i:" + _alternation(range_words, fold=True) + r")" + sp),
        change_word_re=re.compile(sp + r"(?i:" + _alternation(change_words, fold=True) + r")" + sp),
        part_link_re=re.compile(sp + r"(?i:" + _words(data, "part_links", path) + r")" + sp),
        times_re=re.compile(r"(?:" + sp + r"|-)(?i:" + _words(data, "times_words", path) + r")(?![^\W_])(?!"
                            + sp + r"(?i:" + _words(data, "frequency_words", path) + r")(?![^\W_]))"),
        times_before_re=_right_before(data, "times_before", path, sp),
        divided_before_re=_right_before(data, "divided_before", path, sp),
        list_joiner_re=re.compile(sp + r"(?i:" + _words(data, "list_joiners", path) + r")" + sp),
        hedges_after=hedges_after,
        hedge_after_re=re.compile(sp + r"(?i:" + _alternation(list(hedges_after), fold=True) + r")"),
        signs=signs,
        compound_re=re.compile(
            sp + r"(?:(?i:" + _alternation([str(c) for c in _get(data, "compound_connectors", path, list, [])], fold=True) + r")" + sp + r")?"
        ),
        sign_re=re.compile(r"(?i:(?<![^\W_])(" + _alternation(list(signs), fold=True) + r"))" + sp + r"$"),
        time_re=_time_re(time_words, units),
        change_opener_re=re.compile(r"(?i:(?<![^\W_])(?:" + _alternation(change_openers, fold=True) + r"))" + sp + r"$"),
        difference_opener_re=re.compile(r"(?i:(?<![^\W_])(?:" + _alternation(difference_openers, fold=True) + r"))" + sp + r"$"),
        conversion_aside_re=re.compile(r"(?i:(?<![^\W_])(?:" + _words(data, "conversion_asides", path) + r"))")
        if _get(data, "conversion_asides", path, list, []) else _NEVER,
        range_noun_re=re.compile(
            r"(?i:(?<![^\W_])(?:" + _words(data, "range_nouns", path) + r")" + sp
            # what changes, after a link and in one word ("une hausse du RevPAR de 3 à 4 %",
            # "du chiffre d'affaires"): no verb between, "la hausse est passée de 3 à 4 %" stays a change
            + r"(?:(?:" + _words(data, "range_noun_links", path) + r")" + sp + r"[^\W\d_][\w.-]*(?:\s+d['’][^\W\d_]+)?" + sp + r")?"
            + r"(?:" + _alternation(change_openers, fold=True) + r"))" + sp + r"$"
        ) if _get(data, "range_nouns", path, list, []) else _NEVER,
        range_opener_re=re.compile(r"(?i:(?<![^\W_])(?:" + _alternation(list(range_openers), fold=True) + r"))" + sp + r"$"),
        ordinal_words=tuple(ordinal_words),
        number_word_re=re.compile(
            r"(?i)(?<![^\W_])(?:" + nw + r")+(?:[\s\u00a0-]+(?:" + nw + r")+)*(?![^\W_])"
        ) if number_words else _NEVER,
        phrase_re=re.compile(
            r"(?i)(?<![^\W_])(?:" + _alternation(list(fractions) + list(multipliers) + list(round_amounts), fold=True) + r")"
        ),
        unit_re=re.compile(sp + r"(?:" + _alternation(list(units)) + r")"),
        month_re=_alternation(months, fold=True) if months else r"(?!x)x",
        rate_date_re=_rate_date_re([str(p) for p in _get(data, "rate_date_openers", path, list, [])], list(month_numbers),
                                   [str(p) for p in _get(data, "rate_month_ends", path, list, [])], _rate_period_ends(data, path)),
        month_numbers=month_numbers,
        month_openers=tuple(str(p) for p in _get(data, "month_openers", path, list, [])),
        tails={
            "hedge": tails(hedges),
            "sign": tails(signs),
            "change_opener": tails(change_openers),
            "difference_opener": tails(difference_openers),
            "range_opener": tails(range_openers),
            "percent_before": tails([str(p) for p in _get(data, "percent_before", path, list, [])]),
        },
        phrase_screen=_alternation(list(quarters) + list(relative) + list(fractions) + list(multipliers) + list(round_amounts) + months,
                                   flags_word_end=False, fold=True),
        quarter_re=re.compile(r"(?i)(?<![^\W_])(?:" + _alternation(list(quarters), fold=True) + r")"),
        relative_re=re.compile(r"(?i)(?<![^\W_])(?:" + _alternation(list(relative), fold=True) + r")"),
        capitalized_names=_get(data, "capitalized_names", path, bool, False),
        count_nouns=frozenset(_norm(str(w)) for w in _get(data, "count_nouns", path, list, [])),
        count_links=frozenset(_norm(str(w)) for w in _get(data, "count_links", path, list, [])),
        count_noun_compounds=_get(data, "count_noun_compounds", path, bool, False),
        noun_synonyms=_noun_synonyms(data, path),
        count_subject_re=_count_subject_re([str(w) for w in _get(data, "count_subjects", path, list, [])]),
        money_verbs=frozenset(_norm(str(w)) for w in _get(data, "money_verbs", path, list, [])),
        hedge_not_after=_hedge_not_after(data, path),
        classes={
            str(name): tuple(sorted({phrase_words(str(p)) for p in (phrases or []) if phrase_words(str(p))}, key=len, reverse=True))
            for name, phrases in _get(data, "classes", path, dict, {}).items()
        },
        abbreviations=frozenset(str(w) for w in _get(data, "abbreviations", path, list, [])),
        duration_adjective_re=re.compile(
            r"[\s\u00a0]+(?i:" + _alternation([str(w) for w in _get(data, "duration_adjectives", path, list, [])]) + r")"
        ),
        duration_prepositions=frozenset(_norm(str(w)) for w in _get(data, "duration_prepositions", path, list, [])),
        ordinal_re=re.compile(
            r"(?:" + _alternation([str(x) for x in _get(data, "ordinal_suffixes", path, list, [])]) + r")(?![^\W\d_])"
        ),
        **_rank_ordinals(data, path),
    )


def _rank_ordinals(data: dict[str, Any], path: Path) -> dict[str, Any]:
    """``rank_ordinals``: each word or stem to its rank. A word stands alone ("segundo");
    a stem ends in "-" and is glued to a superlative, written small as an adjective is
    ("zweitgrößte", "drittstärksten"; "Zweitligist" is a noun and no rank)."""
    ranks: dict[str, float] = {}
    words: list[str] = []
    stems: list[str] = []
    for key, rank in _get(data, "rank_ordinals", path, dict, {}).items():
        if isinstance(rank, bool) or not isinstance(rank, int) or rank < 1:
            raise InputError(f"{path}:{_line_of(path, str(key))}: field 'rank_ordinals' must map each word to a rank (1, 2, 3 …)")
        word = str(key).lower()
        if word.endswith("-"):
            stems.append(word[:-1])
            ranks[word[:-1]] = float(rank)
        else:
            words.append(word)
            ranks[word] = float(rank)
    alts = []
    if words:
        alts.append(r"(?i:" + _alternation(words, fold=True) + r")")
    if stems:
        alts.append(r"(?:" + _alternation(stems, flags_word_end=False) + r")(?=[^\W\d_]+?[sß]te[nmrs]?\b)[^\W\d_]+")
    pattern = WORD_START + r"(?:" + "|".join(alts) + r")" if alts else r"(?!x)x"
    return {"rank_ordinals": ranks, "rank_ordinal_re": re.compile(pattern)}


# Not inside a word: what opens word-start patterns (WordGuided).
WORD_START = r"(?<![^\W_])"


def embed(rx: re.Pattern[str]) -> str:
    """A compiled pattern as a group inside another, its case flag kept local."""
    pat = rx.pattern
    if pat.startswith("(?i)"):
        pat = "(?i:" + pat[4:] + ")"
    elif rx.flags & re.I:
        pat = "(?i:" + pat + ")"
    return "(?:" + pat + ")"


class Guided:
    """A pattern found through a guide: the same matches, two to three times faster.

    re's search tries the whole pattern at every position of the text (about 10 ns a
    character), unless the pattern opens with a character or a character set: then a C
    loop skips to the next position that may start a match. Patterns that open with a
    lookaround ("not after a digit", "(?=\\d)") get no such skip, and each pass over a
    block paid the full rate. The guide is ``first`` (a set holding every character a
    match can start with) followed by a lookbehind that tries the pattern from that
    character: it stops exactly where the pattern's matches start, and the pattern then
    matches there for the span. Only for patterns that cannot match the empty string and
    hold no backreference (re forbids those in a lookbehind).
    """

    __slots__ = ("rx", "guide")

    def __init__(self, rx: re.Pattern[str], first: str) -> None:
        self.rx = rx
        self.guide = re.compile("[" + first + r"](?<=(?=" + embed(rx) + r")[\s\S])")

    def search(self, text: str, pos: int, end: int) -> re.Match[str] | None:
        g = self.guide.search(text, pos, end)
        return None if g is None else self.rx.match(text, g.start(), end)

    def finditer(self, text: str, pos: int, end: int) -> Iterator[re.Match[str]]:
        """As ``rx.finditer``: after a match, the next is searched from its end."""
        search, match = self.guide.search, self.rx.match
        while (g := search(text, pos, end)) is not None:
            m = match(text, g.start(), end)
            yield m  # type: ignore[misc]  # the guide saw it match
            pos = m.end()  # type: ignore[union-attr]


class WordGuided:
    r"""A word-start pattern found through a guide (see Guided).

    A pattern that opens with ``(?<![^\W_])`` matches only at the start of the text or
    right after a character of ``[\W_]`` (a space, a mark): the guide is that character
    followed by a lookahead on the pattern, so re's fast loop skips the letters inside
    words. The character before ``pos`` is read, as the pattern's own lookbehind does.
    """

    __slots__ = ("rx", "guide")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        self.guide = re.compile(r"[\W_](?=" + embed(rx) + ")")

    def search(self, text: str, pos: int, end: int) -> re.Match[str] | None:
        if pos == 0:
            m = self.rx.match(text, 0, end)
            if m is not None:
                return m
            g = self.guide.search(text, 0, end)
        else:
            g = self.guide.search(text, pos - 1, end)
        return None if g is None else self.rx.match(text, g.start() + 1, end)

    def finditer(self, text: str, pos: int, end: int) -> Iterator[re.Match[str]]:
        """As ``rx.finditer`` for a pattern that cannot match the empty string: after a
        match, the next is searched from its end."""
        while (m := self.search(text, pos, end)) is not None:
            yield m
            pos = m.end()


# re's IGNORECASE and str.lower() agree on every character but these three: "İ" lowers
# to two characters, and IGNORECASE also folds "ı" into "i" and "ſ" into "s"
# (tests/test_lexicon.py checks the claim against re itself, character by character).
_FOLD_UNSAFE = re.compile("[\u0130\u0131\u017f]")
_FOLD_UNSAFE_CHARS = _FOLD_UNSAFE.pattern.strip("[]")  # str's ``in`` finds each ten times faster than re


def folded(text: str) -> str | None:
    """``text`` lower-cased, for lower-case patterns to scan case-sensitively, or None
    when a character of ``text`` would make them match otherwise than their IGNORECASE
    twins over ``text``.

    A case-sensitive alternation is twice as fast: re skips a branch on its first
    character only when that character is a plain literal, so an IGNORECASE trie enters
    every branch at every position. Offsets are the same, one character for one. The
    last text's result is kept: document and figures both fold the same article.
    """
    global _last_folded
    if _last_folded[0] is not text:
        unsafe = any(c in text for c in _FOLD_UNSAFE_CHARS)
        _last_folded = (text, None if unsafe else text.lower())
    return _last_folded[1]


_last_folded: tuple[str | None, str | None] = (None, None)


class WordGuidedPair:
    """Two word-start patterns (see WordGuided) found in one pass over a block: every place
    ``first`` (a screen) matches and every match of ``second`` (as finditer).

    Each guided pass costs a test at every space of the block, whatever it finds; one
    guide on the alternation of both halves that cost, and its few hits are sorted out
    by matching each pattern there. The guide drops the patterns' own word-start
    lookbehind, which its first character already stands for. The screen's places are
    all of them, overlapping ones included: a pattern whose every match opens with a
    match of the screen is then tried at those places only (figures._matches_at), not
    searched for along the block.
    """

    __slots__ = ("first", "second", "guide")

    def __init__(self, first: re.Pattern[str], second: re.Pattern[str]) -> None:
        self.first, self.second = first, second
        heads = (embed(rx).replace(WORD_START, "", 1) for rx in (first, second))
        self.guide = re.compile(r"[\W_](?=" + "|".join(heads) + ")")

    def scan(self, text: str, pos: int, end: int) -> tuple[list[int], list[re.Match[str]]]:
        """The places where ``first`` matches, in text order, and the matches of ``second``."""
        first, second = self.first.match, self.second.match
        hits: list[int] = []
        found: list[re.Match[str]] = []
        free = pos  # where the next match of ``second`` may start (finditer's matches do not overlap)
        starts = (g.start() + 1 for g in self.guide.finditer(text, pos - 1 if pos else 0, end))
        for p in (*((0,) if pos == 0 else ()), *starts):
            if first(text, p, end) is not None:
                hits.append(p)
            if p >= free and (m := second(text, p, end)) is not None:
                found.append(m)
                free = m.end()
        return hits, found


def tails(phrases: Any) -> frozenset[str]:
    """The characters a phrase may end with, in any case and either apostrophe."""
    out: set[str] = set()
    for p in phrases:
        c = str(p).rstrip()[-1:]
        if c:
            out |= {c, c.lower(), c.upper()} | ({"'", "’"} if c in "'’" else set())
    return frozenset(out)


def _time_re(words: list[str], units: dict[str, str]) -> re.Pattern[str]:
    """Clock times: "15.30 Uhr", "15:30 uur", "9 Uhr", "9 h".

    With minutes any time word makes a time. A bare hour needs a word that is not
    also a duration unit: Dutch "9 uur" may be nine hours, German "9 Uhr" is a time.
    """
    if not words:
        return _NEVER
    bare = [w for w in words if w not in units and w.lower() not in {u.lower() for u in units}]
    hour = r"(?<![\d.,:])(?:[01]?\d|2[0-4])"
    pattern = hour + r"[.:h][0-5]\d" + _SP + r"(?:" + _alternation(words, fold=True) + r")"
    if bare:
        pattern += r"|" + hour + _SP + r"(?:" + _alternation(bare, fold=True) + r")"
    return re.compile(r"(?=\d)(?i:" + pattern + r")")  # the lookahead lets re skip to digits


def word_class(language: str, name: str) -> tuple[tuple[str, ...], ...]:
    """The phrases of class ``@name`` in ``language`` (empty when the language lacks it)."""
    try:
        return load(language).classes.get(name, ())
    except InputError:
        return ()


def _count_subject_re(phrases: list[str]) -> re.Pattern[str] | None:
    """``count_subjects``: phrases naming what a number after them counts, as one pattern
    (a phrase ending in a word ends at a word's end; one ending in an elision, "nombre d'", runs on)."""
    if not phrases:
        return None
    return re.compile(r"(?i:(?<![^\W_])(?:" + _alternation(phrases, fold=True) + r"))")
