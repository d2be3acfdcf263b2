"""Running rules on a document: bind figures, recompute, give verdicts.

The engine knows primitives only (matching, picking, aggregation, interval
arithmetic, FX at the ECB rate of the article's date, tolerances); every check an
editor would name is a YAML rule. Verdicts follow DESIGN.md: intervals that meet
are consistent, a gap within the rule's tolerance is approximate, a missing input
is unverifiable, an implied value nobody printed is derived.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from datetime import date as Date

from . import display
from . import lexicon
from . import expr as expressions
from . import figures as figures_mod
from . import rates as rates_mod
from .document import is_list_row, rate_date, rate_period
from .errors import InputError
from .intervals import Amount, Interval, nominal_deviation, relative_deviation
from .model import Document, Figure, Finding, Period, RatePeriod, Report
from .patterns import (Context, FigureTest, begins_phrase, class_ends, figure_starts_list, find_all, has_phrase, is_duration,
                       match_words, phrase_positions)
from .rules import Collect, Pick, Rule
from .rules import load as load_rules
from .tokens import Stream, Token, norm, phrase_words, tokenize
from .units import UnitIndex, bits
from .verdicts import APPROXIMATE, CONSISTENT, DERIVED, INCONSISTENT, ORDER, UNVERIFIABLE

IMPLIED_RATE_TOLERANCE = 0.003
#: ``_Eval.missing`` for a conversion "at the time" (``@rate_then``) of no period the text names
NO_PERIOD = "no period"


class Rates:
    """The rate table, loaded on the first conversion only: most articles need none."""

    def __init__(self, path: str | None = None) -> None:
        self.path = path
        self._table: rates_mod.RateTable | None = None

    @property
    def table(self) -> rates_mod.RateTable:
        if self._table is None:
            self._table = rates_mod.RateTable.load(self.path) if self.path else rates_mod.default_table()
        return self._table

    @property
    def loaded(self) -> bool:
        return self._table is not None


@dataclass
class _Eval:
    """What one evaluation learned besides its value: FX steps, missing inputs."""

    date: Date | None
    rates: Rates
    steps: list[str] = field(default_factory=list)
    missing: str | None = None
    conversions: list[tuple[str, str]] = field(default_factory=list)
    warnings: set[str] = field(default_factory=set)
    # why ``date`` is not the article's: the sentence names the day of the rate it used
    rate_note: str | None = None
    # a conversion "at the time" of this period: the rate is the interval of its days' rates
    period: RatePeriod | None = None
    # a conversion "at the time" of no period the text names: no rate to check it at
    then_unknown: bool = False
    _functions: dict[str, Callable[..., object]] | None = field(default=None, init=False, repr=False, compare=False)

    def fx(self, a: object, to: object) -> Amount:
        if not isinstance(a, Amount) or not isinstance(to, str):
            raise expressions.ExprError("fx(amount, \"CODE\") needs an amount and a currency code")
        src = a.unit
        if src is None or src == to:
            return a.with_unit(to)
        self.conversions.append((src, to))
        if self.rate_note and self.rate_note not in self.steps:
            self.steps.append(self.rate_note)
        if self.then_unknown:
            self.missing = self.missing or NO_PERIOD
            return a.with_unit(to)
        if self.period is not None:  # a period the text names needs no article's date
            return self._fx_period(a, src, to, self.period)
        if self.date is None:
            self.missing = self.missing or "no date"
            return a.with_unit(to)
        try:
            rate, lookups = self.rates.table.cross(src, to, self.date)
        except rates_mod.RatesError as e:
            self.missing = self.missing or str(e)
            return a.with_unit(to)
        for lk in lookups:
            if lk.note:
                (self.warnings if lk.stale else set()).add(lk.note)
                if not lk.stale:
                    self.steps.append(lk.note)
        out = Amount(a.interval * rate, a.nominal * rate, to)
        used = lookups[0].used if lookups[0].currency != "EUR" else lookups[1].used
        if to == "EUR":
            per = 1 / rate
            how = f"{display.amount(a)} ÷ {per:.4f} (ECB, {used}: 1 EUR = {per:.4f} {src})"
        elif src == "EUR":
            how = f"{display.amount(a)} × {rate:.4f} (ECB, {used}: 1 EUR = {rate:.4f} {to})"
        else:
            how = f"{display.amount(a)} × {rate:.6g} (ECB cross rate via EUR, {used}: 1 {src} = {rate:.6g} {to})"
        self.steps.append(f"{how} = {display.amount(out)}")
        return out

    def _fx_period(self, a: Amount, src: str, to: str, period: RatePeriod) -> Amount:
        """``a`` converted at any rate of ``period`` (the ECB's lowest to highest over its
        business days): an author converting "at the time" of July 2022 may have taken any
        day's rate of it, so the expected amount is an interval and the usual tolerance applies."""
        try:
            rng = self.rates.table.cross_range(src, to, period.first, period.last)
        except rates_mod.RatesError as e:
            self.missing = self.missing or str(e)
            return a.with_unit(to)
        table = self.rates.table
        if period.last > table.last_date:
            self.warnings.add(f"{period.text} reaches past the last ECB data ({table.last_date}): rates up to it used")
        rate = Interval(rng.low, rng.high)
        out = Amount(a.interval * rate, a.nominal * rate.mid, to)
        when = f"ECB, {period.text}, the rate at the time"
        if rng.days > 1:
            when += f", lowest to highest of {rng.days} business days {rng.first}…{rng.last}"
        if to == "EUR":
            how = f"{display.amount(a)} ÷ {1 / rng.high:.4f}–{1 / rng.low:.4f} ({when}: 1 EUR = so many {src})"
        elif src == "EUR":
            how = f"{display.amount(a)} × {rng.low:.4f}–{rng.high:.4f} ({when}: 1 EUR = so many {to})"
        else:
            how = f"{display.amount(a)} × {rng.low:.6g}–{rng.high:.6g} ({when}, cross rate via EUR: 1 {src} = so many {to})"
        self.steps.append(f"{how} = {display.amount(out)} {display.interval(out.interval, to)}")
        return out

    def functions(self) -> dict[str, Callable[..., object]]:
        """The function table, made once per evaluation context (a rule's picks and
        ``where`` evaluate several times with the same one)."""
        fns = self._functions
        if fns is None:
            fns = self._functions = {**expressions.BASE_FUNCTIONS, "fx": self.fx, "exact": _exact}
        return fns


def _aside_open(toks: Sequence[Token], i: int, ss: int) -> int | None:
    """The "(" of the brackets token ``i`` stands in, back to its sentence's start ``ss``, or None."""
    for j in range(i - 1, ss - 1, -1):
        w = toks[j].lower
        if w == ")":
            return None
        if w == "(":
            return j
    return None


def _named_in_brackets(toks: Sequence[Token], i: int, ss: int, se: int) -> bool:
    """Whether figure token ``i`` stands alone in brackets right after a word: "le logement
    (310 millions)" names a part; "€310m ($370m)" converts the figure before, and
    "(soit 370 millions)" or "(about €x)" say so with a word inside the brackets."""
    return (ss <= i - 2 and i + 1 < se and toks[i - 1].lower == "(" and toks[i + 1].lower == ")"
            and toks[i - 2].figure is None and toks[i - 2].norm[:1].isalpha())


def _after_multiplier(toks: Sequence[Token], i: int, ss: int) -> bool:
    """Whether figure token ``i`` follows a multiplier (a figure in "x", or a fraction below
    one) by three tokens at most in its sentence: the base of a multiple, "el triple de los
    150 millones", "twice the £40m", "das Dreifache der 2,1 Mrd.", "less than half the £7.4m
    they raised a year earlier"; a collection's ``not_base``."""
    return any((f := toks[k].figure) is not None and (f.unit == "x" or f.kind == "number" and f.unit is None and 0 < f.value < 1)
               for k in range(max(ss, i - 3), i))


def _exact(a: object) -> Amount:
    """The printed value taken literally: "dépasse les 10 milliards" means above 10 bn exactly."""
    if not isinstance(a, Amount):
        raise expressions.ExprError("exact() needs an amount")
    return Amount.point(a.nominal, a.unit)


def _is_true(e: expressions.Expr, env: dict[str, object], fx: _Eval) -> bool:
    """Whether a condition holds; one the figures do not fit (an ``ExprError``) does not."""
    try:
        return expressions.evaluate(e, env, fx.functions()) is True
    except expressions.ExprError:
        return False


def _name_forms(name: str) -> tuple[str, ...]:
    """The words that name a rival again: the name, and for a hyphen-joined one
    ("Rostock-Warnemünde") its first and last parts."""
    parts = name.split("-")
    return (name,) if len(parts) < 2 else (parts[0], parts[-1])


def _flat(bound: dict[str, object]) -> list[Figure]:
    out: list[Figure] = []
    for v in bound.values():
        if isinstance(v, Figure):
            out.append(v)
        elif isinstance(v, tuple):
            out.extend(v)
    seen: dict[str, Figure] = {}
    for f in sorted(out, key=lambda f: f.start):
        seen.setdefault(f.id, f)
    return list(seen.values())


# How far (in characters) a document-wide pick looks from its anchor. A news article,
# even a long read, is shorter (the seed is 2,400; 6,500 the longest benchmark text); a
# page longer than that is several articles, whose figures do not constrain each other,
# and reaching across all of it made a long page cost the square of its figures. A
# sentence or paragraph pick keeps to the same reach: a page run together into one line
# (a scraped table, a PDF's text) is one paragraph and one sentence.
DOCUMENT_REACH = 20_000


_BULLETS = frozenset("-•*–—·")  # a list row's bullet token


class _Runner:
    def __init__(self, doc: Document, figs: tuple[Figure, ...], rules: Iterable[Rule], rates: Rates,
                 periods: tuple[Period, ...] = ()) -> None:
        self.doc = doc
        self.periods = periods
        self.figs = figs
        self.rules = list(rules)
        self.rates = rates
        self.stream: Stream = tokenize(doc, figs)
        self.block_kind = {b.index: b.kind for b in doc.blocks}
        self.block_lang = {b.index: b.language for b in doc.blocks}
        self.warnings: set[str] = set()
        # The figure tokens' token and index, and the sentences and blocks indexed by
        # what rules ask of them (``UnitIndex``), once per document.
        toks = self.stream.tokens
        fig_positions = figure_starts_list(self.stream)
        self.fig_token: dict[str, Token] = {}
        self.fig_index: dict[str, int] = {}
        for i in fig_positions:
            fig = toks[i].figure
            self.fig_token[fig.id] = toks[i]  # type: ignore[union-attr]
            self.fig_index[fig.id] = i  # type: ignore[union-attr]
        self.units = (UnitIndex(self.stream, self.block_kind, self.block_lang, fig_positions, True),
                      UnitIndex(self.stream, self.block_kind, self.block_lang, fig_positions, False))
        self.languages = sorted(set(self.units[0].of_lang) | set(self.units[1].of_lang))
        self.memo: dict[tuple[str, str, int], tuple[int, ...]] = {}
        self.has_cache: dict[tuple[str, str, int, int], bool] = {}
        # the document's figures (in their order) by sentence and by block, for picks
        self.figs_of_unit: tuple[dict[int, list[Figure]], dict[int, list[Figure]]] = ({}, {})
        for f in figs:
            t = self.fig_token[f.id]
            self.figs_of_unit[0].setdefault(t.sentence, []).append(f)
            self.figs_of_unit[1].setdefault(t.block, []).append(f)
        self.ordered_starts: dict[frozenset[int], list[int]] = {}
        self.contexts: dict[tuple[str, int, int], Context] = {}
        self.amounts: dict[str, Amount] = {}
        self.test_pools: dict[FigureTest, tuple[list[Figure], list[int]]] = {}
        self.fits: dict[tuple[int, str, bool], bool] = {}  # per pick's ``fits_key``, figure and whether in the anchor's sentence
        self.counted: dict[str, frozenset[str]] = {}  # what each figure counts (``same_noun``)
        # the day a sentence converts at, if it names one; none looked for in an article whose
        # text holds no rate's day in any of its languages (most: the hot path stays as it was)
        self.rate_dates: dict[int, Date | None] = {}
        self.names_rate_dates = any(lexicon.load(lang).rate_date_re.search(doc.text) for lang in self.languages)
        # per sentence and language, the period of a conversion "at the time" (``@rate_then``):
        # None when the sentence says no such thing, NO_PERIOD when it says it of no period
        self.then_periods: dict[tuple[int, str], RatePeriod | str | None] = {}

    # -- binding -----------------------------------------------------------------

    def matches(self, rule: Rule, accept: Callable[[dict[str, object]], bool]) -> None:
        """Offer every binding of the rule's pattern (or collection) to ``accept``.

        The units (sentences, or blocks for paragraph rules) where the pattern may
        match are the intersection of sets worked out once per document
        (``UnitIndex``): those holding what the rule's figure slots need (enough
        figures, passing the slots' tests, in a block of the kinds), those holding
        each clause of the words its pattern needs (its ``needs``: classes and
        literal words), and the units of each language the rule serves. Each set is
        exact (a unit left out is one where the pattern cannot match), so most rules
        stop there, before any token is looked at; only then comes where the first
        element may begin.
        """
        if rule.pattern is None:
            for bound in self._with_collect(rule, {}, None):
                accept(bound)
            return
        needed, tests, needs = rule.plan
        top_slots = rule.top_slots
        toks = self.stream.tokens
        sentence_scope = rule.scope == "sentence"
        ranges = self.stream.sentence_ranges if sentence_scope else self.stream.block_ranges
        index = self.units[0 if sentence_scope else 1]
        # a sentence needs as many figures as every match of the pattern binds (an
        # optional slot counts for none; two at most), and each top-level slot a figure of its own
        fewest = max(min(needed, 2), top_slots) if sentence_scope else top_slots
        candidates = index.with_figures(fewest, rule.blocks, tests)
        # each clause met in the language of the unit (``UnitIndex.clause_anywhere``):
        # most rules stop here, with one look-up per clause
        for clause in needs:
            if not candidates:
                return
            candidates &= index.clause_anywhere(clause)
        if not candidates:
            return
        for lang in self.languages:
            if not rule.serves(lang):
                continue
            mask = candidates & index.of_lang.get(lang, 0)
            if not mask:
                continue
            # Where the pattern can begin, found once per language for the whole
            # document (``Sequence.exact_starts`` keeps it) and ordered once per set.
            starts = rule.pattern.first_starts(self._context(lang, -1, len(toks)))
            ordered = None if starts is None else self._ordered(starts)
            for idx in bits(mask):
                s, e = ranges[idx]
                if ordered is not None:
                    first = bisect_left(ordered, s)
                    if first == len(ordered) or ordered[first] >= e:
                        continue  # the pattern can begin nowhere in the unit
                # The words and figures the pattern's elements need are met in their
                # order at or after the start: no start after the last place they all fit.
                limit = index.chain_limit(rule.chain, s if ordered is None else ordered[first], e)
                positions: Sequence[int] = (range(s, limit + 1) if ordered is None
                                            else ordered[first:bisect_right(ordered, limit, first)])
                if not positions:
                    continue
                block = toks[s].block
                ctx = self._context(lang, block, e)

                def take(bound: dict[str, object], block: int = block) -> bool:
                    return any([accept(b) for b in self._with_collect(rule, bound, block)])

                for _ in find_all(rule.pattern, ctx, s, take, positions):  # type: ignore[arg-type]
                    pass

    def _context(self, lang: str, block: int, end: int) -> Context:
        """The matching context of a sentence or block (``block`` -1: the whole
        document), made once per document rather than once per rule."""
        key = (lang, block, end)
        got = self.contexts.get(key)
        if got is None:
            kind = "paragraph" if block < 0 else self.block_kind[block]
            got = self.contexts[key] = Context(self.stream.tokens, end, lang, kind, self.memo, self.stream)
        return got

    def _ordered(self, starts: frozenset[int]) -> list[int]:
        """Where a pattern may begin, in order; shared by the rules whose patterns
        begin alike. A unit's are then a slice of it."""
        got = self.ordered_starts.get(starts)
        if got is None:
            got = self.ordered_starts[starts] = sorted(starts)
        return got

    def _quoted(self, f: Figure) -> str:
        """A figure as the article words it, hedge included: "plus de 25 milliards d’euros"."""
        if not f.hedge or f.hedge == "range":
            return f.text
        try:
            rx = lexicon.load(f.language).hedge_re
        except InputError:
            return f.text
        m = rx.search(self.doc.text, max(0, f.start - 30), f.start)
        return f"{m.group(1)} {f.text}" if m else f.text

    def _in_brackets(self, f: Figure) -> bool:
        """Whether the figure stands inside parentheses opened in its sentence."""
        sent = self.doc.sentences[self.fig_token[f.id].sentence]
        return figures_mod.in_brackets(self.doc.text, f.start, sent.start)

    def _with_collect(self, rule: Rule, bound: dict[str, object], block: int | None) -> Iterable[dict[str, object]]:
        if not rule.collect:
            yield bound
            return
        for spec in rule.collect.values():
            # a pick the collection starts after ("after: total") is picked first
            if spec.after is not None and spec.after not in bound and spec.after in rule.picks:
                f = self._pick(rule, spec.after, rule.picks[spec.after], bound, _Eval(self.doc.date, self.rates))
                if f is None:
                    return
                bound = {**bound, spec.after: f}
        groups: list[dict[str, object]] = [bound]
        for name, spec in rule.collect.items():
            new: list[dict[str, object]] = []
            for b in groups:
                for figs in self._collect(spec, block, b):
                    new.append({**b, name: figs})
            groups = new
        yield from groups

    def _collect(self, spec: Collect, block: int | None, bound: dict[str, object] | None = None) -> Iterable[tuple[Figure, ...]]:
        toks = self.stream.tokens
        limit = _collect_limit(spec.before, bound, self.fig_index)
        first = _collect_limit(spec.after, bound, self.fig_index)
        if limit == -1 or first == -1:
            return
        after_at = first
        if first is not None and spec.after_here:  # the rest of the figure's own sentence
            first = first + 1
        elif first is not None:  # the sentences after the total's: its breakdown
            first = self.stream.sentence_ranges[toks[first].sentence][1]
        if after_at is not None and spec.after_here:
            ranges = [self.stream.sentence_ranges[toks[after_at].sentence]]
        elif spec.scope == "document":
            ranges = [(0, len(toks))]
        elif spec.scope == "sentence":
            # each sentence of the match's paragraph (of the whole text for a rule with no pattern,
            # and after the ``after`` figure, wherever it stands, for a breakdown told after it)
            ranges = [r for r in self.stream.sentence_ranges
                      if block is None or spec.after is not None or toks[r[0]].block == block]
        elif spec.list_before:
            ranges = self._list_range(limit)
        elif spec.list_after:
            ranges = self._list_after_range(after_at)
        elif spec.rows_after:
            ranges = self._rows_after_block(block)
        elif (spec.paragraphs or spec.paragraphs_after) and block is not None:
            ranges = [_blocks_around(self.stream.block_ranges, block, spec.paragraphs, spec.paragraphs_after)]
        else:
            ranges = [self.stream.block_ranges[b] for b in sorted(self.stream.block_ranges) if block is None or b == block]
        figpos = figure_starts_list(self.stream)
        # the figures in the sentence the `before` slot closes need no sentence_has: the
        # rest names their whole ("… pèsent 14,1 % des ventes, tandis que les autres se
        # partagent les 17,3 % restants")
        closing = toks[limit].sentence if limit is not None else -1
        named = None
        if spec.rows_named_by is not None:
            at = _collect_limit(spec.rows_named_by, bound, self.fig_index)
            if at is None or at == -1:
                return
            named = self._clause_words(at)
        for s, e in ranges:
            picked: list[Figure] = []
            joint: list[bool] = []  # per figure picked: right after a "together" word
            joint_wide: list[bool] = []  # per figure picked: after a "together" word of its sentence
            joint_sent: list[int] = []  # per figure picked: its sentence
            # the figure tokens of the range (others are never collected)
            for i in figpos[bisect_left(figpos, s if first is None else max(s, first)):
                            bisect_left(figpos, e if limit is None else min(e, limit))]:
                t = toks[i]
                if not spec.test.accepts(t.figure, self.block_kind.get(t.block)):  # type: ignore[arg-type]
                    continue
                if is_duration(t.figure) and t.figure.unit not in spec.test.units:
                    continue  # a length of time, no amount of a list: "… après deux années de forte inflation"
                lang = self.block_lang.get(t.block, "")
                ss, se = self.stream.sentence_ranges[t.sentence]
                if spec.sentence_has and t.sentence != closing and not any(
                    self._has(p, lang, *self.stream.sentence_ranges[k])
                    for k in range(t.sentence, t.sentence - spec.carry - 1, -1)
                    if k >= 0 and self.doc.sentences[k].block == t.block
                    for p in spec.sentence_has
                ):
                    continue
                if spec.sentence_lacks and any(
                    self._has(p, lang, *self.stream.sentence_ranges[k])
                    for k in range(t.sentence, min(t.sentence + spec.lacks_after + 1, len(self.doc.sentences)))
                    if self.doc.sentences[k].block == t.block
                    for p in spec.sentence_lacks
                ):
                    continue
                if spec.not_after and any(self._has(p, lang, _back(toks, i, max(ss, i - 5)), i) for p in spec.not_after) and not (
                        spec.named_in_brackets and _named_in_brackets(toks, i, ss, se)
                        and not any(self._has(p, lang, max(ss, i - 5), i - 1) for p in spec.not_after)):
                    continue
                if spec.not_in_aside and (j := _aside_open(toks, i, ss)) is not None and any(
                        self._begins(p, lang, j + 1, se) for p in spec.not_in_aside):
                    continue  # a part of a part: "39,9 Prozent (darunter Plug-in-Hybride mit 6,2 Prozent)"
                if spec.not_opened_by and self._opened_by(spec.not_opened_by, lang, ss, se):
                    continue  # a sentence of an earlier time: "Il y a cinq ans, sa part atteignait 41 %"
                if spec.not_after_in_sentence and any(self._has(p, lang, ss, i) for p in spec.not_after_in_sentence) \
                        and not any(self._has(p, lang, max(ss, i - 3), i) for p in spec.unless_after):
                    continue  # a change told earlier in the sentence; a level reached still counts
                if spec.not_before and any(self._begins(p, lang, i + 1, se) for p in spec.not_before):
                    continue  # the start of a pair: "von 59,0 % auf 53,8 %"; an amount each: "£1.05bn per season"
                if spec.not_base and _after_multiplier(toks, i, ss):
                    continue  # the base of a multiple: "el triple de los 150 millones"
                if spec.not_fraction and t.figure.kind == "number" and abs(t.figure.value) < 1:
                    continue  # a fraction beside a part: "£1.3bn, just over half of group sales"
                if (spec.list_after or spec.rows_after or spec.list_before) and self._in_row_label(i):
                    continue  # a count in a row's label ("davon übrige elf Länder: 760"), not its figure
                if named is not None and not ((w := self._row_label(i)) and _named_among(w, named)):
                    continue  # not a table row the total's clause names
                picked.append(t.figure)
                if spec.drop_together:
                    joint.append(any(self._has(p, lang, max(ss, i - 8), i) for p in spec.drop_together))
                    joint_wide.append(joint[-1] or any(self._has(p, lang, ss, i) for p in spec.drop_together))
                    joint_sent.append(t.sentence)
            if spec.drop_together:
                picked = _without_joint_totals(picked, joint, joint_wide, joint_sent)
            if spec.drop_subtotals:
                picked = _without_subtotals(picked)
            if spec.one_unit:
                picked = _of_main_unit(picked)
            if len(picked) >= spec.minimum:
                yield tuple(picked)

    def _clause_words(self, i: int) -> frozenset[str]:
        """The words before token ``i`` in its sentence, back to the figure before it."""
        toks = self.stream.tokens
        ss = self.stream.sentence_ranges[toks[i].sentence][0]
        out = set()
        for k in range(i - 1, ss - 1, -1):
            if toks[k].figure is not None:
                break
            if toks[k].norm.isalpha():
                out.add(toks[k].norm.lower())
        return frozenset(out)

    def _row_start(self, i: int) -> int | None:
        """The first token of the table row that holds figure ``i`` alone, after a label and a
        colon ("Umlagen (KWKG, …): 1,77 Cent", a short line of its own); None when the figure
        stands in no such line."""
        toks = self.stream.tokens
        bs, be = self.stream.block_ranges[toks[i].block]
        if i - 1 <= bs or toks[i - 1].norm != ":" or be - bs > 30:
            return None
        if any(toks[k].figure is not None for k in range(bs, be) if k != i) \
                or sum(toks[k].norm.isalpha() for k in range(i + 1, be)) > 3:
            return None  # another figure, or a sentence that goes on after it: no row
        return bs

    def _row_label(self, i: int) -> str | None:
        """The first word of the label of the row figure ``i`` stands in (``_row_start``),
        skipping stopwords; None when it stands in no row."""
        bs = self._row_start(i)
        if bs is None:
            return None
        toks = self.stream.tokens
        stop = lexicon.load(self.block_lang.get(toks[i].block, "en")).stopwords
        for k in range(bs, i - 1):
            w = toks[k].norm.lower()
            if w.isalpha() and len(w) >= 3 and w not in stop:
                return w
        return None

    def _row_label_words(self, i: int) -> frozenset[str]:
        """The words of the label of the row figure ``i`` stands in ("Subscribers: 12 million",
        "Aantal klanten: 600.000"): what a count told as a row counts; empty when the figure
        stands in no row."""
        bs = self._row_start(i)
        if bs is None:
            bs = self._row_going_on(i)
        if bs is None:
            return frozenset()
        toks = self.stream.tokens
        return frozenset(toks[k].norm.lower() for k in range(bs, i - 1) if toks[k].norm.isalpha())

    def _row_going_on(self, i: int) -> int | None:
        """The first word of the label of a row that goes on after its figure ``i``, past a
        comma ("Medewerkers: 350, een winst van 2,4 miljoen euro per medewerker"): a short label
        still names what the figure counts. None when the row goes on with a figure of its kind,
        a part of it ("Passagiers: 26,5 miljoen, waarvan 9,1 miljoen bij KLM": the label may be
        the part's), or when the figure stands in no such row."""
        toks = self.stream.tokens
        bs, be = self.stream.block_ranges[toks[i].block]
        kind = toks[i].figure.kind if toks[i].figure is not None else None
        if any(toks[k].figure is not None and toks[k].figure.kind == kind for k in range(i + 1, be)):
            return None
        while bs < i and toks[bs].norm in _BULLETS:
            bs += 1  # the list's bullet
        if bs < i - 1 <= bs + 5 and toks[i - 1].norm == ":" and i + 1 < len(toks) and toks[i + 1].norm == "," \
                and all(toks[k].norm.isalpha() for k in range(bs, i - 1)):
            return bs
        return None

    def _nouns_after(self, i: int, n: int, start: int | None = None) -> frozenset[str]:
        """The first ``n`` words after token ``i`` (or from ``start``) in its sentence, before
        any punctuation or figure: the noun a count counts ("5 800 éleveurs adhérents"); the
        apostrophe of an elided one-letter word is no stop ("9,6 millions d'adhérents")."""
        toks = self.stream.tokens
        text = self.doc.text
        end = self.stream.sentence_ranges[toks[i].sentence][1]
        out: list[str] = []
        for k in range(i + 1 if start is None else start, end):
            t = toks[k]
            if t.norm == "'" and out and len(out[-1]) == 1 and len(out) < n:
                continue
            # the number of a name read as no figure ("100,000 Tesla Model 3 sedans"): part
            # of the name, not the end of the words
            if (t.figure is None and t.norm.isdigit() and out and k > 0
                    and text[toks[k - 1].start:toks[k - 1].start + 1].isupper()):
                continue
            if t.figure is not None or not t.norm.isalpha() or len(out) >= n:
                break
            out.append(t.norm.lower())
        return frozenset(out)

    def _counted_nouns(self, f: Figure) -> frozenset[str]:
        """What a count counts: the words after it ("5 800 éleveurs adhérents"), and for a
        quantity the unit word it is written with ("412,000 tonnes"). Once per figure: a
        document-wide pick meets every figure again at each match."""
        got = self.counted.get(f.id)
        if got is None:
            got = self._nouns_after(self.fig_index[f.id], 3) | self._row_label_words(self.fig_index[f.id])
            last = f.text.split()[-1] if f.kind == "quantity" and f.text.split() else ""
            if last.isalpha():
                got |= {norm(last)}
            self.counted[f.id] = got
        return got

    def _per_nouns(self, per: Figure) -> frozenset[str]:
        """The words right after a "per" word (``@per``) that follows the figure within
        three tokens: "230 000 euros par éleveur" → {"eleveur"}, "700.000 euros por oficina
        clausurada" → {"oficina", "clausurada"}, and those between ("900 homes a year" →
        {"homes", "year"}), unless the amount is told a year and a "per" word
        before it names what it is per ("Revenue per subscriber: $300 a year" → {"subscriber"});
        or within six across the words of what the amount is of ("£9.80
        of pre-tax profit per passenger" → {"passenger"}); with no "per" word, what the
        figure itself counts: "jaarlijks ruim 900 woningen opleveren" → {"woningen", "opleveren"}."""
        i = self.fig_index[per.id]
        t = self.stream.tokens[i]
        lang = self.block_lang.get(t.block, "")
        ctx = self._context(lang, -1, len(self.stream.tokens))
        end = self.stream.sentence_ranges[t.sentence][1]
        toks = self.stream.tokens
        # past three tokens, only across the words of what the amount is of ("£9.80 of
        # pre-tax profit per passenger"): no punctuation or figure between
        words = next((k for k in range(i + 1, min(end, i + 7))
                      if toks[k].figure is not None or not (toks[k].norm.isalpha() or toks[k].norm == "-")), end)
        # and never past a comma: in "about £945, a fraction of what its rival paid" the "a" is no "per"
        comma = next((k for k in range(i + 1, min(end, i + 7)) if toks[k].norm in (",", ";")), end)
        for j in range(i + 1, min(end, i + 7, max(i + 4, words + 1), comma)):
            ends = class_ends(ctx, "per", j)
            if ends and j == i + 1 and per.kind in ("money", "quantity") and class_ends(ctx, "per_year", j):
                # an amount a year is told per what a "per" word before it names, if one does
                # and names no period itself: "Revenue per subscriber: $300 a year" is per subscriber
                told = self._per_nouns_before(per, i, ctx, periods_too=False)
                if told:
                    return told
            if ends:
                # and the words before it: "900 homes a year" counts homes, not years
                return self._nouns_after(i, 2, start=max(ends)) | self._nouns_after(i, j - i - 1)
        told = self._per_nouns_before(per, i, ctx) if per.kind in ("money", "quantity") else frozenset()
        return told or self._nouns_after(i, 2)

    def _per_nouns_before(self, per: Figure, i: int, ctx: Context, periods_too: bool = True) -> frozenset[str]:
        """An amount with no "per" word after it may have its own before it, in the ten
        tokens back to the sentence's start or a figure: "el precio medio por vehículo se
        sitúa en 22.000 euros" → {"vehiculo", "se"}, and past a verb put second, "Per bezoeker
        kwam de omzet daarmee uit op gemiddeld 62 euro" → {"bezoeker", "kwam"}; a quantity too,
        "Per turbine komt dat neer op gemiddeld 60 GWh per jaar"; none when a word of that class
        is absent."""
        start = self.stream.sentence_ranges[self.stream.tokens[i].sentence][0]
        for j in range(i - 1, max(start, i - 11) - 1, -1):
            if self.stream.tokens[j].figure is not None:
                break
            ends = class_ends(ctx, "per", j)
            if ends and max(ends) < i:
                if not periods_too and any(class_ends(ctx, c, j) for c in ("per_year", "per_month", "per_day")):
                    return frozenset()  # "480 euro per jaar meer, ofwel 40 euro per maand": a period, no unit
                return self._nouns_after(i, 2, start=max(ends))
        return frozenset()

    def _has(self, phrase: str, lang: str, s: int, e: int) -> bool:
        """Whether the class or phrase occurs within tokens [s, e). Memoised: collections
        and picks ask the same question of the same sentence for every figure in it."""
        key = (phrase, lang, s, e)
        got = self.has_cache.get(key)
        if got is None:
            got = self.has_cache[key] = has_phrase(self._context(lang, -1, len(self.stream.tokens)), phrase, s, e)
        return got

    def _opening_token(self, ss: int, se: int) -> int:
        """The first word or figure of the sentence ``ss``..``se``, past its opening marks (quotes, dashes)."""
        toks = self.stream.tokens
        j = ss
        while j < se and toks[j].figure is None and not toks[j].norm[:1].isalnum():
            j += 1
        return j

    def _opening_phrase_end(self, phrases: tuple[str, ...], lang: str, sentence: int) -> int:
        """Where the phrase of ``phrases`` that opens the sentence ends (the sentence's start
        when none does, or when a figure follows it right away: "Compared with €4bn, …"
        governs that figure, as a preposition its object)."""
        ss, se = self.stream.sentence_ranges[sentence]
        toks = self.stream.tokens
        j = self._opening_token(ss, se)
        ctx = self._context(lang, -1, len(toks))
        end = ss
        for p in phrases:
            if not self._begins(p, lang, j, se):
                continue
            ends = class_ends(ctx, p[1:], j) if p.startswith("@") else (match_words(phrase_words(p), toks, j, se),)
            for k in ends:
                if j < k <= se and (k == se or toks[k].figure is None):
                    end = max(end, k)
        return end

    def _opened_by(self, phrases: tuple[str, ...], lang: str, ss: int, se: int) -> bool:
        """Whether the sentence ``ss``..``se`` opens with one of ``phrases``, marks (quotes,
        dashes) and one leading duration aside: "Il y a cinq ans, …", "Five years ago, …"."""
        toks = self.stream.tokens
        j = self._opening_token(ss, se)
        starts = [j]
        f = toks[j].figure if j < se else None
        if f is not None and f.kind == "quantity" and f.unit in ("year", "month", "week", "day"):
            starts.append(j + 1)
        return any(self._begins(p, lang, k, se) for k in starts for p in phrases)

    def _begins(self, phrase: str, lang: str, j: int, se: int) -> bool:
        """Whether a phrase of the class (or the phrase) begins at token ``j``, ending by ``se``:
        a collection's ``not_before`` reads phrases longer than one word ("per season")."""
        return j < se and begins_phrase(self._context(lang, -1, len(self.stream.tokens)), phrase, j, se)

    def _name_after(self, anchor: Figure, phrases: tuple[str, ...]) -> str | None:
        """The name right after one of ``phrases`` that follows ``anchor`` in its sentence:
        the first capitalised word among the next three tokens after the phrase ("ahead of
        Lumen", "devant l'italien Arvo" has none, "vor der Schwarzwald-Gruppe")."""
        toks, text = self.stream.tokens, self.doc.text
        i = self.fig_index[anchor.id]
        t = toks[i]
        lang = self.block_lang.get(t.block, "")
        ss, se = self.stream.sentence_ranges[t.sentence]
        j = next((j for j in range(i + 1, se) if any(self._has(p, lang, i + 1, j + 1) for p in phrases)), None)  # a phrase ends at token j
        if j is None:
            j = self._phrase_end_before(phrases, lang, ss, i)
        if j is None:
            return None
        # the first capitalised word among the next three tokens, or five when all between are
        # words or hyphens ("overtook long-time rival Sundial"), not across other marks
        for k in range(j + 1, min(se, j + 6)):
            word = text[toks[k].start:toks[k].end]
            if k > j + 3 and not all(text[toks[m].start:toks[m].end].isalpha() or toks[m].lower == "-" for m in range(j + 1, k)):
                break
            if toks[k].figure is None and word[:1].isupper() and word.isalpha():
                # a figure of the rival's in this clause ("ahead of Asda (14.2%)")
                # is read by the rules of one sentence; after a ";" comes another
                # clause, read as another sentence ("… overtake Ashbury; Ashbury reported £2.48bn")
                ce = next((m for m in range(k + 1, se) if toks[m].lower == ";"), se)
                # (one the anchor's kind and unit, the anchor aside: a rank is none, "as the
                # second-largest lender", "als Nummer zwei")
                if any((g := toks[m].figure) is not None and g is not anchor and g.kind == anchor.kind
                       and g.unit == anchor.unit for m in range(k + 1, ce)):
                    return None
                # a hyphen-joined name ("vor Rostock-Warnemünde") is named again by its last
                # part too ("In Warnemünde legten 286 Schiffe an"): both, joined by "-"
                m = k
                while m + 2 < se and toks[m + 1].lower == "-" and toks[m + 1].start == toks[m].end \
                        and toks[m + 2].start == toks[m + 1].end and toks[m + 2].figure is None \
                        and (w2 := text[toks[m + 2].start:toks[m + 2].end])[:1].isupper() and w2.isalpha():
                    m += 2
                return word if m == k else word + "-" + text[toks[m].start:toks[m].end]
        return None

    def _name_before(self, anchor: Figure, phrases: tuple[str, ...]) -> str | None:
        """The name right before one of ``phrases`` in the anchor's sentence (the phrase after
        the anchor, else the last before it in its clause): the first of the capitalised words
        (at most four, no figure) that end right before the phrase, "Kestrel Motors overtakes
        Ardent" → "Kestrel". A pick's ``named_before``: the one that moves past a rival."""
        toks, text = self.stream.tokens, self.doc.text
        i = self.fig_index[anchor.id]
        lang = self.block_lang.get(toks[i].block, "")
        ss, se = self.stream.sentence_ranges[toks[i].sentence]
        lo = i + 1
        e = next((j for j in range(i + 1, se) if any(self._has(p, lang, i + 1, j + 1) for p in phrases)), None)
        if e is None:
            e, lo = self._phrase_end_before(phrases, lang, ss, i), ss
        if e is None:
            return None
        # where the phrase begins: the latest start from which it still ends at e
        s = next((s for s in range(e, lo - 1, -1) if any(self._has(p, lang, s, e + 1) for p in phrases)), None)
        if s is None:
            return None
        # two phrases in a row are one: "Glencore climbs above" names the one before "climbs"
        if s - 1 > ss:
            s = next((x for x in range(s - 1, max(ss, s - 5) - 1, -1) if any(self._has(p, lang, x, s) for p in phrases)), s)
        stop = lexicon.load(lang).stopwords if lang else frozenset()
        # one adverb of the stopwords may stand between the name and the phrase: "Glencore also climbs"
        if s - 1 > ss and toks[s - 1].figure is None and toks[s - 1].lower in stop \
                and text[toks[s - 1].start:toks[s - 1].end][:1].islower():
            s -= 1
        k = s
        while k > ss and s - k < 4 and toks[k - 1].figure is None \
                and (w := text[toks[k - 1].start:toks[k - 1].end])[:1].isupper() and w.isalpha():
            k -= 1
        # a capitalised stopword opening the run is no name: "Auch Aluminium klettert" → "Aluminium"
        while k < s and toks[k].lower in stop:
            k += 1
        return text[toks[k].start:toks[k].end] if k < s else None

    def _phrase_end_before(self, phrases: tuple[str, ...], lang: str, ss: int, i: int) -> int | None:
        """Where the last of ``phrases`` before token ``i`` ends, in the clause of ``i`` (from
        the sentence start ``ss``, not back across a ";"): a pick's ``named_after`` when the
        anchor is told after the rival's name, "overtook Sundial to become the second-largest
        vendor with a 17.8% share". The figures between the name and the anchor are then read
        as the rival's own (``_name_after`` finds no name)."""
        ss = next((k + 1 for k in range(i - 1, ss - 1, -1) if self.stream.tokens[k].lower == ";"), ss)
        for j in range(i - 1, ss - 1, -1):
            if any(self._has(p, lang, j, i) and not self._has(p, lang, j + 1, i) for p in phrases):
                # the phrase ending last before i: find its end
                for e in range(j, i):
                    if any(self._has(p, lang, j, e + 1) for p in phrases):
                        return e
        return None

    def _sentence_words(self, fig: Figure) -> frozenset[str]:
        """The words of a figure's sentence, stopwords aside: what it may name as counted."""
        toks = self.stream.tokens
        t = self.fig_token[fig.id]
        lang = self.block_lang.get(t.block, "")
        stop = lexicon.load(lang).stopwords if lang else frozenset()
        ss, se = self.stream.sentence_ranges[t.sentence]
        return frozenset(toks[k].norm.lower() for k in range(ss, se)
                         if toks[k].figure is None and toks[k].norm.isalpha() and toks[k].lower not in stop)

    def _subject_name(self, anchor: Figure) -> str | None:
        """The name the anchor's sentence opens on, where body text capitalises names only:
        "Jumbo, met zo'n 700 winkels, haalde gemiddeld …" → "Jumbo"; none for a word the
        article never capitalises inside a sentence ("Het", "Volumes"), nor in German, which
        capitalises every noun."""
        toks, text = self.stream.tokens, self.doc.text
        t = self.fig_token[anchor.id]
        lang = self.block_lang.get(t.block, "")
        lex = lexicon.load(lang) if lang else None
        if lex is None or not lex.capitalized_names:
            return None
        ss, se = self.stream.sentence_ranges[t.sentence]
        j = next((k for k in range(ss, se) if toks[k].figure is not None or toks[k].norm[:1].isalnum()), se)
        if j >= se or toks[j].figure is not None:
            return None
        # past an elided article: "L'Allemagne représente …"
        if j + 2 < se and len(toks[j].norm) == 1 and toks[j + 1].norm in ("'", "’") and toks[j + 2].figure is None:
            j += 2
        word = text[toks[j].start:toks[j].end]
        # a name, not a noun that opens its sentence ("Volumes slipped …"): written with its
        # capital inside a sentence somewhere in the article
        return word if word[:1].isupper() and word in self._inner_capitals and toks[j].lower not in lex.stopwords else None

    @cached_property
    def _inner_capitals(self) -> frozenset[str]:
        """The words written with a capital past the first word of their sentence, or opening
        the label of a table's row ("Jumbo: 21,5 procent"): names."""
        toks, text = self.stream.tokens, self.doc.text
        found: set[str] = set()
        for ss, se in self.stream.sentence_ranges:
            first = not (ss < se and self._is_row(toks[ss].block))
            for k in range(ss, se):
                if toks[k].figure is not None or not toks[k].norm[:1].isalnum():
                    continue
                if not first and text[toks[k].start:toks[k].start + 1].isupper():
                    found.add(text[toks[k].start:toks[k].end])
                first = False
        return frozenset(found)

    def _names_others(self, sentence: int, name: str) -> bool:
        """Whether a sentence names someone (a capitalised word past its first) and not ``name``."""
        toks, text = self.stream.tokens, self.doc.text
        ss, se = self.stream.sentence_ranges[sentence]
        words = [text[toks[k].start:toks[k].end] for k in range(ss, se) if toks[k].figure is None and toks[k].norm[:1].isalpha()]
        if name in words:
            return False
        return any(w[:1].isupper() for w in words[1:])

    def _names_before(self, name: str, fig: Figure, anchor: Figure) -> bool:
        """Whether ``name`` is written before ``fig`` in the figure's sentence, other than
        the anchor's; in the anchor's sentence, after a ";" that follows the anchor (the
        rival named again in a clause of its own), or before the anchor right before the
        figure (``_named_right_before``: "el Caribe 410 millones, …, por delante del Caribe")."""
        toks, text = self.stream.tokens, self.doc.text
        i = self.fig_index[fig.id]
        ss = self.stream.sentence_ranges[toks[i].sentence][0]
        names = _name_forms(name)
        if toks[i].sentence == self.fig_token[anchor.id].sentence:
            a = self.fig_index[anchor.id]
            if i < a:
                return any(self._named_right_before(n, i, ss) for n in names)
            ss = next((k + 1 for k in range(a + 1, i) if toks[k].lower == ";"), i)
        return any(text[toks[k].start:toks[k].end] in names for k in range(ss, i))

    def _named_beside(self, name: str, fig: Figure) -> bool:
        """Whether ``name`` is one of the three words right before or after ``fig`` in its
        sentence, with no other figure between: whose figure it is ("€5,1 mrd in Duitsland",
        "Germany got €5.1bn")."""
        toks, text = self.stream.tokens, self.doc.text
        i = self.fig_index[fig.id]
        ss, se = self.stream.sentence_ranges[toks[i].sentence]
        lang = self.block_lang.get(toks[i].block, "")
        for k in range(i + 1, min(se, i + 4)):
            if toks[k].figure is not None:
                break
            if text[toks[k].start:toks[k].end] == name:
                return True
        for k in range(i - 1, max(ss, i - 4) - 1, -1):
            # a name past a joiner is the figure's before: "€5,1 mrd in Duitsland en €3,1 mrd"
            if toks[k].figure is not None or toks[k].lower == "," or self._has("@and", lang, k, k + 1):
                break
            if text[toks[k].start:toks[k].end] == name:
                return True
        return False

    def _named_right_before(self, name: str, i: int, ss: int) -> bool:
        """Whether ``name`` is one of the three tokens right before token ``i`` (a figure),
        with no figure between: the rival's own figure in a list told earlier in the anchor's
        sentence ("España aportó 620 millones, el Caribe 410 millones y Asia 160 millones"),
        not one of the figures after it ("160 millones" follows "Asia")."""
        toks, text = self.stream.tokens, self.doc.text
        for k in range(i - 1, max(ss, i - 4) - 1, -1):
            if toks[k].figure is not None:
                return False
            if text[toks[k].start:toks[k].end] == name:
                return True
        return False

    def _pick(self, rule: Rule, name: str, spec: Pick, bound: dict[str, object], fx: _Eval,
              skip: frozenset[str] = frozenset()) -> Figure | None:
        anchor = bound.get(spec.anchor) if spec.anchor else None
        if isinstance(anchor, tuple):
            anchor = anchor[0] if anchor else None
        if not isinstance(anchor, Figure):
            return None
        at = self.fig_token[anchor.id]
        taken = {f.id for f in _flat(bound)} | skip  # bound, or already offered (``each``)
        cands: list[Figure] = []
        # ``where`` is the dearest test: left for last unless it may load rates (fx),
        # whose loading shows in the report.
        eager_where = spec.eager_where
        env = self._env(bound) if spec.where is not None else {}  # each candidate's values: these and its own
        # only the figures of the anchor's sentence or paragraph can qualify
        pool: Sequence[Figure]
        if spec.scope == "sentence":
            pool = self.figs_of_unit[0].get(at.sentence, ())
        elif spec.scope == "paragraph" and spec.paragraphs:
            pool = self._paragraphs_pool(at.block, spec.paragraphs)
        elif spec.scope == "paragraph":
            pool = self.figs_of_unit[1].get(at.block, ())
        else:
            pool = self._document_pool(spec, anchor)
        if spec.scope != "document" and len(pool) > 64 and pool[-1].start - pool[0].start > 2 * DOCUMENT_REACH:
            starts = [f.start for f in pool]
            pool = pool[bisect_left(starts, anchor.start - DOCUMENT_REACH):bisect_right(starts, anchor.start + DOCUMENT_REACH)]
        limit = bound.get(spec.before) if spec.before else None
        if isinstance(limit, tuple):
            limit = limit[0] if limit else None
        per_nouns: frozenset[str] | None = None
        compounds = False
        if spec.same_noun:
            per = bound.get(spec.same_noun)
            per_nouns = self._per_nouns(per) if isinstance(per, Figure) else frozenset()
            if not per_nouns:
                pool = ()
            per_lang = self.block_lang.get(at.block, "")
            if per_nouns and per_lang:
                per_nouns = _with_synonyms(per_nouns, lexicon.load(per_lang).noun_synonyms)
            # a compound of the noun is a kind of it ("1.500 huurwoningen" of "4.200 woningen"):
            # read only when no count of the noun itself is told
            compounds = bool(per_lang) and lexicon.load(per_lang).count_noun_compounds and not any(
                f.id not in taken and _stems_meet(per_nouns, self._counted_nouns(f)) for f in pool)
        rival = self._name_after(anchor, spec.named_after) if spec.named_after else None
        if spec.named_after and rival is None:
            pool = ()
        holder = self._name_before(anchor, spec.named_before) if spec.named_before else None
        if spec.named_before and holder is None:
            pool = ()
        subject = self._subject_name(anchor) if spec.own_subject or spec.names_subject else None
        if spec.names_subject and subject is None:
            pool = ()
        named_words: frozenset[str] | None = None
        if spec.counts_named_in:
            named_at = bound.get(spec.counts_named_in)
            named_words = self._sentence_words(named_at) if isinstance(named_at, Figure) else frozenset()
        for f in pool:
            if f.id in taken:
                continue
            t = self.fig_token[f.id]
            if rival is not None and not self._names_before(rival, f, anchor):
                continue
            if holder is not None and not self._names_before(holder, f, anchor):
                continue
            if spec.own_subject and subject is not None and t.sentence != at.sentence and self._names_others(t.sentence, subject):
                continue
            if spec.names_subject and (t.sentence == at.sentence or not self._named_beside(subject, f)):  # type: ignore[arg-type]
                continue
            if named_words is not None and not _stems_meet(named_words, self._counted_nouns(f)):
                continue
            if isinstance(limit, Figure) and f.start >= limit.start:
                continue
            if spec.scope == "sentence" and t.sentence != at.sentence \
                    or spec.scope == "paragraph" and not spec.paragraphs and t.block != at.block:
                continue
            if spec.position == "before" and f.start >= anchor.start or spec.position == "after" and f.start <= anchor.start:
                continue
            if per_nouns is not None and not _stems_meet(per_nouns, self._counted_nouns(f), compounds):
                continue
            # a time told at the opening of the anchor's own sentence is the time of both
            # figures ("Toen werd 52 miljoen kilo geveild, …; gemiddeld €1,52 per kilo"): it
            # marks neither as a base of the other
            same = t.sentence == at.sentence
            fits = self.fits.get((id(spec.fits_key), f.id, same))
            if fits is None:
                fits = self.fits[(id(spec.fits_key), f.id, same)] = self._fits(spec, f, t, same)
            if not fits:
                continue
            if spec.not_across:
                lo, hi = sorted((self.fig_index[f.id], self.fig_index[anchor.id]))
                lang = self.block_lang.get(t.block, "")
                if any(self._has(p, lang, lo + 1, hi) for p in spec.not_across):
                    continue
            if eager_where and not self._holds_for(spec.where, env, name, f, fx):  # type: ignore[arg-type]
                continue
            cands.append(f)
        if not cands:
            return None
        if spec.where is not None and not eager_where:
            # settled for every candidate at once when the part of ``where`` that
            # does not read the candidate fails
            guard = rule.pick_guards[name]
            if guard is not None and not self._true(guard, bound, fx):
                return None
        key: Callable[[Figure], float]
        if spec.pick == "nearest":
            key = lambda f: abs(f.start - anchor.start)  # noqa: E731
        elif spec.pick == "closest_value":
            key = lambda f: abs(math.log(abs(f.value) / abs(anchor.value))) if f.value and anchor.value else math.inf  # noqa: E731
        elif spec.pick == "first":
            key = lambda f: f.start  # noqa: E731
        elif spec.pick == "last":
            key = lambda f: -f.start  # noqa: E731
        elif spec.pick == "largest":
            key = lambda f: -f.value  # noqa: E731
        else:
            key = lambda f: f.value  # noqa: E731
        if spec.where is None or eager_where:
            return min(cands, key=key)
        # The condition, tested in order of preference until one figure passes: the
        # figure ``min`` would pick among those passing, without testing the others
        # (sorting is stable, so ties keep the document's order as ``min`` does).
        keys = [key(f) for f in cands]
        if any(k != k for k in keys):  # a NaN key: no order to follow, test them all
            passing = [f for f in cands if self._holds_for(spec.where, env, name, f, fx)]
            return min(passing, key=key) if passing else None
        for _, _, f in sorted(zip(keys, range(len(cands)), cands)):
            if self._holds_for(spec.where, env, name, f, fx):
                return f
        return None

    def _list_range(self, at: int | None) -> list[tuple[int, int]]:
        """The tokens of the list right before the block of token ``at`` (a collection's
        ``list_before``): the run of list rows (bullet lines, "Label: figure" rows), each a
        block; a count in ``at``'s own sentence ("Zusammen kommen die vier Sparten auf …") is
        no part. None when fewer than two rows stand there,
        or when ``at``'s sentence does not open its block: a total told later in a paragraph
        may be of other figures than the list's."""
        if at is None:
            return []
        toks = self.stream.tokens
        sent = toks[at].sentence
        blk = toks[at].block
        if sent > 0 and self.doc.sentences[sent - 1].block == blk:
            return []
        keys = self._block_keys
        k = keys.index(blk)
        first = k
        while first > 0 and self._is_row(keys[first - 1]):
            first -= 1
        return self._rows_range(keys, first, k)

    def _list_after_range(self, at: int | None) -> list[tuple[int, int]]:
        """The tokens of the list right after the block of token ``at`` (a collection's
        ``list_after``): the run of list rows after it, when the total's block closes on a colon
        ("… Il se répartit ainsi :") or a line of its own with no figure closing on one
        ("Revenue by division:") stands between. None when fewer than two rows follow, or when
        the block tells a figure of ``at``'s kind and unit after it: the list is of the last such
        figure the block tells (other figures may follow: "10,1 millones de pensiones … 12.714
        millones de euros …" ¶ "Por tipo de prestación:" ¶ rows of pensions)."""
        if at is None:
            return []
        toks = self.stream.tokens
        sent = toks[at].sentence
        blk = toks[at].block
        later = [k for k in range(sent + 1, len(self.doc.sentences)) if self.doc.sentences[k].block == blk]
        closes_on_colon = self._block_text(blk).rstrip().endswith(":")
        total = toks[at].figure
        if any((f := toks[i].figure) is not None and f.kind == total.kind and f.unit == total.unit
               for k in later for i in range(*self.stream.sentence_ranges[k])):
            return []  # a figure of its kind told after the total in its block: the list may be of that one
        lang = self.block_lang.get(blk, "")
        ss, se = self.stream.sentence_ranges[sent]
        if any((f := toks[i].figure) is not None and f.kind == total.kind and f.unit == total.unit and not self._in_brackets(f)
               and not any(self._has(p, lang, max(ss, i - 3), i) for p in ("@versus", "@change_from", "@earlier"))
               for i in range(at + 1, se)):
            return []  # … or after it in its sentence ("… and 2.5 million shops"); a base ("up 5% from £4.0bn", "(8,7 milliards en 2022)") is none
        keys = self._block_keys
        k = keys.index(blk)
        start = k + 1
        if start >= len(keys):
            return []
        # the lines between the total's block and the list (a line of few words is no block of
        # the token stream): none after a colon, else one closing on a colon, with no figure
        between = self.doc.text[self.doc.blocks[blk].end:self.doc.blocks[keys[start]].start].strip()
        heading = self._block_text(keys[start]).rstrip()
        if not closes_on_colon and not between and self._is_row(blk):
            # a total row, then rows that open on an "of which" word: "Totaal: 1.070" then
            # "waarvan landelijke publieke omroep (NPO): 837" … (the rows after those are others)
            last = start
            while last < len(keys) and self._is_row(keys[last]) and self._opens_of_which(keys[last]):
                last += 1
            return self._rows_range(keys, start, last)
        if closes_on_colon:
            if between:
                return []
        elif not between and heading.endswith(":") and not is_list_row(heading) and not any(c.isdigit() for c in heading):
            start += 1
        elif not (between.endswith(":") and "\n" not in between and not any(c.isdigit() for c in between)):
            return []
        return self._rows_from(keys, start)

    def _rows_after_block(self, blk: int | None) -> list[tuple[int, int]]:
        """The tokens of the list right after block ``blk`` (a collection's ``rows_after``),
        when that block closes on a colon and the rows follow it at once: the heading names
        the split ("La répartition par format … :"), its rows are the parts. None when fewer
        than two rows follow: one row is no list."""
        if blk is None or not self._block_text(blk).rstrip().endswith(":"):
            return []
        keys = self._block_keys
        start = keys.index(blk) + 1
        if start >= len(keys) or self.doc.text[self.doc.blocks[blk].end:self.doc.blocks[keys[start]].start].strip():
            return []
        return self._rows_from(keys, start)

    def _rows_from(self, keys: list[int], start: int) -> list[tuple[int, int]]:
        """The tokens of the run of list rows that begins at ``keys[start]`` (two at least)."""
        last = start
        while last < len(keys) and self._is_row(keys[last]):
            last += 1
        return self._rows_range(keys, start, last)

    @cached_property
    def _block_keys(self) -> list[int]:
        """The blocks of the token stream, in text order (once per document: the list
        collections of every match walk them)."""
        return sorted(self.stream.block_ranges)

    def _in_row_label(self, i: int) -> bool:
        """Whether figure token ``i`` stands before the first colon of its block (a "Label: figure"
        row's label; a colon in an aside after the figure, "312 euro (2020: 288 euro)", is none)."""
        s, e = self.stream.block_ranges[self.stream.tokens[i].block]
        toks = self.stream.tokens
        first = next((k for k in range(s, e) if toks[k].lower == ":"), e)
        return i < first < e

    def _opens_of_which(self, b: int) -> bool:
        """Whether block ``b`` opens on an "of which" word ("davon Deutschland: 970")."""
        s, e = self.stream.block_ranges[b]
        return self._begins("@of_which", self.block_lang.get(b, ""), s, e)

    def _is_row(self, b: int) -> bool:
        """Whether block ``b`` is a row of a list (``is_list_row``) in the article's body."""
        return self.block_kind.get(b) in ("paragraph", "caption") and is_list_row(self._block_text(b))

    def _rows_range(self, keys: list[int], start: int, stop: int) -> list[tuple[int, int]]:
        """The tokens of the rows ``keys[start:stop]``, when there are two at least: one row is no list."""
        if stop - start < 2:
            return []
        return [(self.stream.block_ranges[keys[start]][0], self.stream.block_ranges[keys[stop - 1]][1])]

    def _block_text(self, b: int) -> str:
        blk = self.doc.blocks[b]  # blocks stand at their index (document.split_blocks)
        return self.doc.text[blk.start:blk.end]

    def _paragraphs_pool(self, block: int, n: int) -> list[Figure]:
        """The figures of ``block`` and of the ``n`` blocks before it, in text order (a pick's
        ``paragraphs``: the total told in the lead, its parts in the next paragraph)."""
        return [f for b in _block_and_before(self.stream.block_ranges, block, n) for f in self.figs_of_unit[1].get(b, ())]

    def _fits(self, spec: Pick, f: Figure, t: Token, anchor_sentence: bool = False) -> bool:
        """What a pick asks of a figure whatever the anchor (its test, brackets, the words
        before or near it): settled once per document for each figure and each ``fits_key``
        (the picks that ask alike share it), since a document-wide pick meets every figure
        again at each match. In the anchor's own sentence (``anchor_sentence``), a phrase of
        ``not_preceded_by`` that opens the sentence, no figure right after it, rules nothing
        out: it tells the time of the whole sentence, anchor included."""
        if not spec.test.accepts(f, self.block_kind.get(t.block)):
            return False
        if spec.outside_brackets and self._in_brackets(f):
            return False
        if spec.preceded_by or spec.not_preceded_by:
            i = self.fig_index[f.id]
            lang = self.block_lang.get(t.block, "")
            # "just before", but not back into an aside that closed before the figure
            # ("(Vorjahresquartal: 805 Millionen Euro) auf 918": the 918 is no base)
            lo = max(self.stream.sentence_ranges[t.sentence][0], i - 5)
            for j in range(i - 1, lo - 1, -1):
                if self.stream.tokens[j].lower == ")":
                    lo = j + 1
                    break
            if spec.preceded_by and not any(self._has(p, lang, lo, i) for p in spec.preceded_by):
                return False
            # nor, for words that rule a figure out, back past another figure of its kind and
            # unit: "stieg von 2,1 Millionen auf 2,7 Millionen": the "stieg von" is the 2,1's,
            # not the 2,7's ("fell 48% to $2.4bn": the "fell" is still the $2.4bn's)
            lo = next((j + 1 for j in range(i - 1, lo - 1, -1)
                       if (g := self.stream.tokens[j].figure) is not None and g.kind == f.kind and g.unit == f.unit), lo)
            if anchor_sentence and spec.not_preceded_by:
                lo = max(lo, self._opening_phrase_end(spec.not_preceded_by, lang, t.sentence))
            # nor in the hedge of another figure between: "more than doubled to $13.51bn" ("more
            # than" bounds the factor, not the amount reached)
            # unless the figure is told as a level reached, right after its "to" ("creció un
            # 15%, hasta 61.000": the rise word is the 15%'s)
            if spec.not_preceded_by and any(self._has(p, lang, s, e) for s, e in self._outside_hedges(lo, i)
                                            for p in spec.not_preceded_by) \
                    and not any(self._has(p, lang, max(lo, i - 2), i) for p in spec.unless_preceded_by):
                return False
        if spec.heading_has:
            i = self.fig_index[f.id]
            lang = self.block_lang.get(t.block, "")
            lo = self.stream.sentence_ranges[max(0, t.sentence - 1)][0]
            if not any(self._has(p, lang, lo, i) for p in spec.heading_has):
                return False
        if spec.not_followed_by:
            i = self.fig_index[f.id]
            lang = self.block_lang.get(t.block, "")
            se = self.stream.sentence_ranges[t.sentence][1]
            if any(self._begins(p, lang, i + 1, se) for p in spec.not_followed_by):
                return False
        if spec.opened_by or spec.sentence_lacks or spec.not_opened_by or spec.sentence_has:
            lang = self.block_lang.get(t.block, "")
            ss, se = self.stream.sentence_ranges[t.sentence]
            if spec.opened_by and not self._opened_by(spec.opened_by, lang, ss, se):
                return False
            if spec.not_opened_by and self._opened_by(spec.not_opened_by, lang, ss, se):
                return False
            if any(self._has(p, lang, ss, se) for p in spec.sentence_lacks):
                return False
            if spec.sentence_has and not any(self._has(p, lang, ss, se) for p in spec.sentence_has):
                return False
        if spec.near:
            # a word of the class close by in the same sentence: "rose 62%", or,
            # verb last, "ist um 62 Prozent auf 10,7 Milliarden Euro gestiegen"
            i = self.fig_index[f.id]
            lang = self.block_lang.get(t.block, "")
            ss, se = self.stream.sentence_ranges[t.sentence]
            if not any(self._has(p, lang, max(ss, i - 5), min(se, i + 9)) for p in spec.near):
                return False
        return True

    def _outside_hedges(self, lo: int, hi: int) -> list[tuple[int, int]]:
        """Tokens ``lo``..``hi`` split around the hedge written right before a hedged factor
        of change among them (and the factor): its words bound the factor, not the level
        reached after it, as "more than" in "more than doubled to $13.51bn". A hedged fraction
        is another matter: "Mehr als die Hälfte davon, 1,52 Mrd. Euro" tells that amount as
        more than half. One window when there is none."""
        toks, text = self.stream.tokens, self.doc.text
        out: list[tuple[int, int]] = []
        s = lo
        for h in range(lo, hi):
            g = toks[h].figure
            if g is None or not g.hedge or g.hedge == "range" or g.unit != "x":
                continue
            lang = self.block_lang.get(toks[h].block, "")
            try:
                m = lexicon.load(lang).hedge_re.search(text, max(0, g.start - 40), g.start)
            except InputError:  # a language without a lexicon has no hedges
                m = None
            if m is None:
                continue
            k = h
            while k > s and toks[k - 1].start >= m.start():
                k -= 1
            if k < h:
                out.append((s, k))
                s = h + 1
        out.append((s, hi))
        return [(a, b) for a, b in out if a < b]

    def _document_pool(self, spec: Pick, anchor: Figure) -> Sequence[Figure]:
        """The figures of the document a pick may take, before its costlier tests: those
        passing its figure test (found once per document and test), within DOCUMENT_REACH
        of the anchor and on the side its ``position`` asks for. Without this a long page
        cost the square of its figures: every match tried every figure of the page."""
        got = self.test_pools.get(spec.test)
        if got is None:
            kept = [f for f in self.figs
                    if spec.test.accepts(f, self.block_kind.get(self.fig_token[f.id].block))]
            got = self.test_pools[spec.test] = (kept, [f.start for f in kept])
        pool, starts = got
        lo = bisect_left(starts, anchor.start - DOCUMENT_REACH)
        hi = bisect_right(starts, anchor.start + DOCUMENT_REACH)
        if spec.position == "before":
            hi = bisect_left(starts, anchor.start)
        elif spec.position == "after":
            lo = bisect_right(starts, anchor.start)
        return pool[lo:hi]

    def _bind_picks(self, rule: Rule, picks: list[tuple[str, Pick]], bound: dict[str, object], fx: _Eval,
                    emit: Callable[[dict[str, object], _Eval], bool]) -> bool:
        """Bind the rule's picks in order, then offer the binding to ``emit``. A pick with
        ``each`` offers one binding per figure that qualifies: each is a reading of the same
        claim (the rule's ``readings`` then tells the claim once, by a reading that holds)."""
        for k, (name, spec) in enumerate(picks):
            if name in bound:
                continue  # picked before a collection (its ``after``)
            if spec.each:
                told = False
                for f in self._pick_each(rule, name, spec, bound, fx):
                    told = self._bind_picks(rule, picks[k + 1:], {**bound, name: f}, fx, emit) or told
                return told
            f = self._pick(rule, name, spec, bound, fx)
            if spec.absent:
                if f is not None:
                    return False
                continue
            if f is None:
                return False
            bound = {**bound, name: f}
        return emit(bound, fx)

    def _pick_each(self, rule: Rule, name: str, spec: Pick, bound: dict[str, object], fx: _Eval) -> list[Figure]:
        """Every figure ``_pick`` could choose, in its order of preference: the first is
        the one it chooses; each next one is the one it would choose without those before."""
        out: list[Figure] = []
        while len(out) < 12:
            f = self._pick(rule, name, spec, bound, fx, frozenset(g.id for g in out))
            if f is None:
                break
            out.append(f)
        return out

    def _true(self, e: expressions.Expr, bound: dict[str, object], fx: _Eval) -> bool:
        return _is_true(e, self._env(bound), fx)

    def _holds_for(self, e: expressions.Expr, env: dict[str, object], name: str, f: Figure, fx: _Eval) -> bool:
        """``_true`` of the bindings whose values are ``env`` with ``name`` bound to
        ``f`` in addition: a pick's condition, tested candidate after candidate."""
        return _is_true(e, {**env, name: self._amount(f)}, fx)

    def _env(self, bound: dict[str, object]) -> dict[str, object]:
        """The bound figures as the values formulas compute with."""
        out: dict[str, object] = {}
        for name, v in bound.items():
            if isinstance(v, Figure):
                out[name] = self._amount(v)
            elif isinstance(v, tuple):
                out[name] = [self._amount(f) for f in v]
        return out

    def _amount(self, fig: Figure) -> Amount:
        """Percent figures enter formulas as plain numbers: 62 % is 62 in "(1 + p / 100)".

        Memoised per document: a figure is offered to many rules and picks."""
        a = self.amounts.get(fig.id)
        if a is None:
            a = Amount.from_figure(fig)
            a = self.amounts[fig.id] = a.with_unit(None) if fig.unit in ("%", "pp") else a
        return a

    # -- checking ----------------------------------------------------------------

    def run(self) -> list[Finding]:
        findings: list[Finding] = []
        seen: set[tuple[str, tuple[str, ...]]] = set()
        for rule in self.rules:

            def accept(bound: dict[str, object], rule: Rule = rule) -> bool:
                fx = self._eval_for(bound)
                early = rule.early_where
                if early is not None and not self._true(early, bound, fx):
                    return False  # the rule's ``where`` fails whatever the picks find
                return self._bind_picks(rule, list(rule.picks.items()), bound, fx, emit)

            def emit(bound: dict[str, object], fx: _Eval, rule: Rule = rule) -> bool:
                if rule.where is not None and not self._true(rule.where, bound, fx):
                    return False
                figs = _flat(bound)
                key = (rule.id, tuple(f.id for f in figs))
                if key in seen:
                    return True
                finding = self._finding(rule, bound, figs)
                if finding is None:
                    return False
                seen.add(key)
                findings.append(finding)
                return True

            self.matches(rule, accept)
        findings = _drop_covered_derivations(_drop_repeats(_drop_superseded(_drop_refuted_readings(findings, self.rules), self.rules), self.rules))
        rank = {v: i for i, v in enumerate(ORDER)}
        findings.sort(key=lambda f: (rank[f.verdict], f.spans[0][0] if f.spans else 0))
        return findings

    def _then_period(self, sentence: int, language: str) -> RatePeriod | str | None:
        """The period a sentence converts "at the time" of (a ``rate_then`` phrase in it): the
        one it names, else the one the sentence before names; NO_PERIOD when neither names
        one; None when the sentence has no ``rate_then`` phrase. Once per sentence."""
        key = (sentence, language)
        if key in self.then_periods:
            return self.then_periods[key]
        got: RatePeriod | str | None = None
        positions = phrase_positions(self.stream, language, "@rate_then")
        if positions:
            s, e = self.stream.sentence_ranges[sentence]
            toks = self.stream.tokens
            ctx = self._context(language, toks[s].block, e)
            at = next((toks[i].start for i in positions[bisect_left(positions, s):bisect_left(positions, e)]
                       if any(k <= e for k in class_ends(ctx, "rate_then", i))), None)
            if at is not None:
                sent = self.doc.sentences[sentence]
                got = rate_period(self.doc.text, sent.start, sent.end, language, before=at, reference=self.doc.date)
                if got is None and sentence > 0:
                    prev = self.doc.sentences[sentence - 1]
                    got = rate_period(self.doc.text, prev.start, prev.end, language, before=prev.end, reference=self.doc.date)
                got = got or NO_PERIOD
        self.then_periods[key] = got
        return got

    def _eval_for(self, bound: dict[str, object]) -> _Eval:
        """An evaluation context at the article's date, or at the date a sentence of the bound
        figures gives for its rate ("… 34,7 millions de dollars au cours du 29 décembre 2023"):
        a conversion made that day is checked at that day's ECB rate; or, in a sentence that
        converts "at the time" (``@rate_then``), over the period it names ("In July 2022 …
        €6.6bn at the time"): the rate of an unnamed time is none."""
        figs = _flat(bound)
        if self.names_rate_dates:
            got = self._eval_at_rate_date(figs)
            if got is not None:
                return got
        for f in figs:
            then = self._then_period(self.fig_token[f.id].sentence, f.language)
            if isinstance(then, RatePeriod):
                return _Eval(self.doc.date, self.rates, period=then)
            if then == NO_PERIOD:
                return _Eval(self.doc.date, self.rates, then_unknown=True)
        return _Eval(self.doc.date, self.rates)

    def _eval_at_rate_date(self, figs: list[Figure]) -> _Eval | None:
        """The evaluation context at the day a sentence of ``figs`` names for its rate, if any."""
        for f in figs:
            sentence = self.fig_token[f.id].sentence
            if sentence not in self.rate_dates:
                sent = self.doc.sentences[sentence]
                self.rate_dates[sentence] = rate_date(self.doc.text, sent.start, sent.end, f.language, self.doc.date)
            when = self.rate_dates[sentence]
            if when is not None and when != self.doc.date:
                return _Eval(when, self.rates, rate_note=f"the rate of {when.isoformat()}, the day the article converts at")
        return None

    def _finding(self, rule: Rule, bound: dict[str, object], figs: list[Figure]) -> Finding | None:
        fx = self._eval_for(bound)
        env = self._env(bound)
        fns = fx.functions()
        texts = {n: (self._quoted(v) if isinstance(v, Figure) else " + ".join(f.text for f in v)) for n, v in bound.items()
                 if isinstance(v, (Figure, tuple))}
        spans = tuple((f.start, f.end) for f in figs)
        ids = tuple(f.id for f in figs)
        claim = _claim(rule, bound)
        try:
            if rule.derive is not None:
                value = expressions.evaluate(rule.derive.value, env, fns)
                if not isinstance(value, Amount):
                    return None
                steps = list(fx.steps) + [f"{rule.derive.label} = {_substituted(rule.derive.value, env, fns)} = "
                                          f"{display.amount(value)} {display.interval(value.interval, value.unit)}"]
                self.warnings |= fx.warnings
                if fx.missing:
                    return self._unverifiable(rule, ids, spans, texts, fx, None, value, steps)
                msg = _message(rule.message, texts, stated=None, expected=display.amount(value), deviation=None,
                               label=rule.derive.label)
                return Finding(rule.id, rule.title, DERIVED, ids, spans, msg, None, display.amount(value), None, tuple(steps), claim)
            assert rule.check is not None
            stated = expressions.evaluate(rule.check.stated, env, fns)
            expected = expressions.evaluate(rule.check.expected, env, fns)
        except expressions.ExprError:
            return None  # the figures do not fit the formula (e.g. two currencies summed): no claim
        if isinstance(expected, (int, float)) and not isinstance(expected, bool):
            expected = Amount.point(float(expected))
        if not isinstance(stated, Amount) or not isinstance(expected, Amount):
            return None
        self.warnings |= fx.warnings
        hint = _unit_hint(rule.check.stated, bound)
        if hint:
            stated = stated if stated.unit else stated.with_unit(hint)
            expected = expected if expected.unit else expected.with_unit(hint)
        steps = list(fx.steps)
        exp_src = str(rule.check.expected)
        if not (fx.steps and exp_src.startswith("fx(")) and not _plain(rule.check.expected):
            steps.append(f"expected = {_substituted(rule.check.expected, env, fns)} = {display.amount(expected)} "
                         f"{display.interval(expected.interval, expected.unit)}")
        if fx.missing:
            return self._unverifiable(rule, ids, spans, texts, fx, stated, expected, steps)
        verdict, deviation, note = _verdict(rule.check.relation, stated, expected, rule.check.tolerance)
        said = bound.get(str(rule.check.stated))
        understated = verdict == INCONSISTENT and rule.check.relation == "==" and _understates(stated, expected, rule.check.understated) \
            and not (isinstance(said, Figure) and said.hedge)  # "nearly doubled" for ×2.1 says the wrong side
        if understated:
            verdict = APPROXIMATE
        loose = False  # a hedged figure that holds only as its digits' rounding
        if verdict == INCONSISTENT and rule.check.relation == "==":
            if isinstance(said, Figure) and said.hedge in ROUNDED_THEN_HEDGED:
                reach = _digits_reach(said)
                if reach is not None and Interval(stated.interval.low, reach).intersects(expected.interval):
                    verdict, loose = APPROXIMATE, True
                    note = (f"holds only if “{self._quoted(said)}” stands for {said.text} rounded "
                            f"(its digits reach {display.number(reach)}): the hedge itself says below")
        stated_txt = texts.get(str(rule.check.stated)) or display.amount(stated)
        rel = {"==": "", "<": "below ", "<=": "at most ", ">": "above ", ">=": "at least "}[rule.check.relation]
        expected_txt = rel + display.amount(expected)
        if math.isinf(expected.interval.width) and _plain(rule.check.expected):
            # an open bound read as its nominal value says the opposite of the claim ("parts of
            # 5.2 bn … expected at most 5 bn", consistent): quote the figure, hedge and all
            quoted = texts.get(str(_unwrapped(rule.check.expected)))
            if quoted:
                expected_txt = rel + quoted
        line = f"stated {display.amount(stated)} {display.interval(stated.interval, stated.unit)}"
        if rule.check.relation == "==":
            line += f", {display.percent_change(deviation)} from expected" if deviation is not None else ""
        else:
            line += f", must be {rel.strip()} {display.amount(expected)}"
            if math.isinf(expected.interval.width):
                line += f" {display.interval(expected.interval, expected.unit)}"  # "plus de 25": (25 bn, ∞)
        steps.append(line)
        if note:
            steps.append(note)
        if understated:
            steps.append(f"a round factor that says less than the change: within the rule's tolerance of {rule.check.understated * 100:g} % for that")
        elif verdict == APPROXIMATE and not loose:
            steps.append(f"within the rule's tolerance of {rule.check.tolerance * 100:g} %")
        elif verdict == INCONSISTENT and rule.check.relation == "==" and math.isinf(stated.interval.width):
            steps.append("a bound (\"more than\", \"less than\") takes no tolerance")
        elif verdict == INCONSISTENT and rule.check.tolerance:
            steps.append(f"outside the rule's tolerance of {rule.check.tolerance * 100:g} %")
        msg = _message(rule.message, texts, stated=stated_txt, expected=expected_txt,
                       deviation=display.percent_change(deviation) if deviation is not None else "", label="")
        return Finding(rule.id, rule.title, verdict, ids, spans, msg, stated_txt, expected_txt, deviation, tuple(steps), claim)

    def _unverifiable(self, rule: Rule, ids: tuple[str, ...], spans: tuple[tuple[int, int], ...], texts: dict[str, str],
                      fx: _Eval, stated: Amount | None, expected: Amount, steps: list[str]) -> Finding:
        reason = fx.missing or "missing input"
        steps = [s for s in steps if not s.startswith("expected =")]
        extra = ""
        if reason in ("no date", NO_PERIOD) and stated is not None and fx.conversions and expected.nominal:
            src, to = fx.conversions[0]
            factor = stated.nominal / expected.nominal  # `to` per `src`, the formula being linear in the rate
            base, quote, rate = ("EUR", src, 1 / factor) if to == "EUR" else ("EUR", to, factor) if src == "EUR" else (src, to, factor)
            extra = f"implies 1 {base} = {rate:.4g} {quote}"
            try:
                table = self.rates.table
                ranges = table.implied_dates(base, quote, rate, IMPLIED_RATE_TOLERANCE)
            except (rates_mod.RatesError, ValueError):
                ranges = []
            years = sorted({int(p.value[:4]) for p in self.periods if p.kind == "year" and p.value[:4].isdigit()})
            if ranges and years:
                # The article's own years ("en 2019") say when to look first.
                same = [r for r in ranges if years[0] <= r[1].year and r[0].year <= years[-1]]
                near = [r for r in ranges if years[0] - 1 <= r[1].year and r[0].year <= years[-1] + 1]
                ranges = same or near or ranges
            if ranges:
                shown = ranges[-4:]
                spans_txt = ", ".join(f"{a}…{b}" if a != b else f"{a}" for a, b in reversed(shown))
                more = f" (and {len(ranges) - len(shown)} earlier periods)" if len(ranges) > len(shown) else ""
                extra += f": ECB rate within {IMPLIED_RATE_TOLERANCE * 100:g} % on {spans_txt}{more}"
            else:
                extra += f": the ECB rate was never within {IMPLIED_RATE_TOLERANCE * 100:g} % of it"
            steps.append(extra)
            if reason == NO_PERIOD:
                steps.append("converted at the rate \"at the time\" of no period this sentence or the one before names")
            else:
                steps.append("give the article's date (--date YYYY-MM-DD or a 'date:' line) to check it")
        msg = f"{_message(rule.message, texts, stated=None, expected=None, deviation=None, label='')} — "
        if reason == "no date":
            msg += "no date, so no ECB rate: " + extra.split(":")[0]
        elif reason == NO_PERIOD:
            msg += "converted at the time of no named period, so no ECB rate" + (": " + extra.split(":")[0] if extra else "")
        else:
            msg += f"cannot check: {reason}"
        stated_txt = texts.get(str(rule.check.stated)) if rule.check else None
        return Finding(rule.id, rule.title, UNVERIFIABLE, ids, spans, msg, stated_txt, None, None, tuple(steps))


def _block_and_before(block_ranges: dict[int, tuple[int, int]], block: int, n: int) -> list[int]:
    """``block`` and the ``n`` blocks before it, in text order (the ``paragraphs`` option of
    collections and picks)."""
    keys = sorted(block_ranges)
    k = keys.index(block)
    return keys[max(0, k - n):k + 1]


def _stems_meet(a: frozenset[str], b: frozenset[str], compounds: bool = False) -> bool:
    """Whether two words share a stem: one the other's start, or both the same first five
    letters ("éleveur"/"éleveurs", "Anschluss"/"Anschlüsse", "job"/"jobs"); words of
    fewer than three letters ("a", "de") never do. Where the lexicon says so
    (``count_noun_compounds``), a compound meets its last word: "48.000 schademeldingen" …
    "per melding", "26.000 Schadenmeldungen" … "je Meldung"."""
    for x in a:
        for y in b:
            if len(x) < 3 or len(y) < 3:
                continue
            short, long_ = sorted((x, y), key=len)
            if long_.startswith(short) or len(short) >= 5 and x[:5] == y[:5] and abs(len(x) - len(y)) <= 3:
                return True
            if compounds and len(short) >= 4 and _compound_head(short, long_):
                return True
    return False


def _with_synonyms(words: frozenset[str], groups: tuple[frozenset[str], ...]) -> frozenset[str]:
    """``words`` and the nouns of each lexicon group (``noun_synonyms``) one of them meets:
    "2,3 euros por voto" is told per what "7,76 millones de sufragios" counts."""
    out = set(words)
    for g in groups:
        if _stems_meet(words, g):
            out |= g
    return frozenset(out)


def _compound_head(short: str, long_: str) -> bool:
    """Whether ``long_`` is a compound whose last word is ``short`` (or its stem, up to
    three letters of inflection off, five letters at least): "schademeldingen"/"melding",
    "schademelding"/"meldingen"; the compound keeps three letters at least before it."""
    stems = [short] + [short[:-j] for j in (1, 2, 3) if len(short) - j >= 5]
    for s in stems:
        k = long_.rfind(s)
        if k >= 3 and len(long_) - k - len(s) <= 3:
            return True
    return False


def _blocks_around(block_ranges: dict[int, tuple[int, int]], block: int, before: int, after: int) -> tuple[int, int]:
    """The tokens of ``block``, of the ``before`` blocks before it and of the ``after`` blocks
    after it (a collection's ``paragraphs`` and ``paragraphs_after``): one range, as blocks
    follow one another in the token stream."""
    keys = sorted(block_ranges)
    k = keys.index(block)
    return block_ranges[keys[max(0, k - before)]][0], block_ranges[keys[min(len(keys) - 1, k + after)]][1]


def _back(toks: Sequence[Token], i: int, lo: int) -> int:
    """Where the words before token ``i`` that may tell of its figure begin, from ``lo``:
    not before another figure, whose words they are ("€400m ($430m) and rail €300m": the
    bracket is the dollars', not the €300m's)."""
    for j in range(i - 1, lo - 1, -1):
        if toks[j].figure is not None:
            return j + 1
    return lo


def _named_among(word: str, words: frozenset[str]) -> bool:
    """Whether a row's label word is named among ``words``: the same word, or its plural."""
    return any(w == word or w.rstrip("s") == word.rstrip("s") for w in words)


def _of_main_unit(figs: list[Figure]) -> list[Figure]:
    """The figures of the unit most of them share (a currency before none at a tie): a count
    told in an aside of a list of amounts ("Auf Helios Deutschland mit seinen 87 Kliniken
    entfielen 7,4 Milliarden Euro, auf Helios Spanien 5,7 Milliarden Euro") is no part of it."""
    counts = Counter(f.unit for f in figs)
    if len(counts) < 2:
        return figs
    main = max(counts, key=lambda u: (counts[u], u is not None))
    return [f for f in figs if f.unit == main]


def _collect_limit(slot: str | None, bound: dict[str, object] | None, fig_index: dict[str, int]) -> int | None:
    """A collection's ``before`` or ``after``: the token of the figure the pattern bound to
    that slot (figures at or past it, or at or before it, are not collected); None without
    the option, -1 when the slot holds no figure."""
    if slot is None:
        return None
    anchor = (bound or {}).get(slot)
    if isinstance(anchor, tuple):
        anchor = anchor[0] if anchor else None
    if not isinstance(anchor, Figure):
        return -1
    return fig_index[anchor.id]


def _without_joint_totals(figs: list[Figure], joint: list[bool], wide: list[bool],
                          sentences: Sequence[int] | None = None) -> list[Figure]:
    """Leave out a figure said of several together that is the sum of two or more figures
    right after it: "Tesco and Asda together hold 65 %: Tesco 40 % and Asda 25 %" lists two
    shares, not three. Only a "together" figure, only the figures that follow it, and only
    within what the rounding of each allows (a coincidence elsewhere in a list keeps it).
    A figure after a "together" word anywhere in its sentence (``wide``) is left out too when
    it adds up two or more of the figures listed before it, in any selection: "Tesco 27.4 %,
    Sainsbury's 15.1 %, Asda 13.0 %, Aldi 10.0 % and Morrisons 8.7 %. Together the big four
    (Tesco, Sainsbury's, Asda and Morrisons) held 64.2 %" lists five shares, not six. The two
    figures after it in its sentence (``sentences``: each figure's) may be among the parts:
    "The big four together held 64.8 %, with Morrisons on 8.8 %" adds Morrisons to those told."""
    out: list[Figure] = []
    for k, f in enumerate(figs):
        after = [g for n, g in enumerate(figs[k + 1:k + 3], k + 1) if sentences is not None and sentences[n] == sentences[k]]
        if wide[k] and _sum_of_some(f, figs[max(0, k - 12):k] + after):
            continue
        if joint[k]:
            total, slack = 0.0, _half_width(f)
            for n, g in enumerate(figs[k + 1:], 1):
                total += g.value
                slack += _half_width(g)
                if n >= 2 and abs(total - f.value) <= slack:
                    break
                if total > f.value + slack:
                    n = 0
                    break
            else:
                n = 0
            if n >= 2:
                continue
        out.append(f)
    return out


def _sum_of_some(f: Figure, before: Sequence[Figure]) -> bool:
    """Whether ``f`` adds up two or more of ``before`` (any selection, in order), within what
    the rounding of each allows.

    A search over the selections in the order ``combinations`` gives them, sums taken in
    the same order, that drops a branch no selection can save: one that every part left
    cannot lift to the figure; one already past it that the parts left cannot bring back
    (only a negative part, smaller than its rounding, takes a sum back); and a figure alike
    to one tried before at the same step, whose selections, sums included, the first one's
    already hold. Trying all 4,096 selections of twelve figures at each figure made a
    run-on page of shares cost seconds.
    """
    half = _half_width(f)
    vals = [(g.value, _half_width(g)) for g in before]
    target = f.value
    n = len(vals)
    margin = 1e-9 * (abs(target) + 1)  # prune only what float rounding cannot bring back
    reach = [0.0] * (n + 1)  # the most the parts from i on can add, rounding included
    fall = [0.0] * (n + 1)  # the most they can take off the excess over the figure (a negative part)
    for i in range(n - 1, -1, -1):
        reach[i] = reach[i + 1] + max(0.0, vals[i][0] + vals[i][1])
        fall[i] = fall[i + 1] + min(0.0, vals[i][0] - vals[i][1])

    def search(start: int, vsum: float, hsum: float, size: int) -> bool:
        tried: set[tuple[float, float]] = set()
        for i in range(start, n):
            if vsum + hsum + reach[i] < target - half - margin:
                return False
            v, h = vals[i]
            if (v, h) in tried:
                continue  # a figure alike further on adds what the first did: its selections were tried
            tried.add((v, h))
            vs, hs = vsum + v, hsum + h
            if size >= 1 and abs(vs - target) <= half + hs:
                return True
            if vs - target - half - hs + fall[i + 1] > margin:
                continue  # past the figure, and the parts after this one cannot bring it back
            if search(i + 1, vs, hs, size + 1):
                return True
        return False

    return search(0, 0.0, 0.0, 0)


def _without_subtotals(figs: list[Figure]) -> list[Figure]:
    """Leave out a figure that is the sum of two or more figures just before it: "29 %, 22 %
    en 14 %. Samen zijn de drie goed voor 65 procent" lists three shares, not four."""
    out: list[Figure] = []
    grows = True  # no figure kept is smaller than its rounding: a run past the sum stays past
    for f in figs:
        total, slack = 0.0, _half_width(f)
        is_sum = False
        for k, g in enumerate(reversed(out), 1):
            total += g.value
            slack += _half_width(g)  # what the parts' and the sum's rounding allow
            if k >= 2 and abs(total - f.value) <= slack:
                is_sum = True
                break
            if grows and total - f.value > slack:
                break  # a longer run only adds to it (a run-on page holds hundreds)
        if not is_sum:
            out.append(f)
            grows = grows and f.value >= _half_width(f)
    return out


def _half_width(f: Figure) -> float:
    return (f.high - f.low) / 2 if math.isfinite(f.high - f.low) else 0.0


def _claim(rule: Rule, bound: dict[str, object]) -> str | None:
    """The id of the figure the rule's first slot bound: the claim a rule reads."""
    v = bound.get(rule.slots[0]) if rule.slots else None
    if isinstance(v, Figure):
        return v.id
    if isinstance(v, tuple) and v and isinstance(v[0], Figure):
        return v[0].id
    return None


def _drop_refuted_readings(findings: list[Finding], rules: list[Rule]) -> list[Finding]:
    """Rules of one ``readings`` group compare the same claim (their first figure) with
    different parts of the article. When one comparison holds, the claim has a reading
    that the article supports: the failed comparisons are the wrong reading, not an error
    ("Memory chip sales jump 28%" is the body's $32.1bn → $41.2bn, not Samsung's 34%).
    The claim is told once: by the first reading that holds, else by the reading that
    comes closest (the pair an editor would look at first: "That 38 per cent jump" against
    profit's £318m → £412m, +29.6 %, not revenue's +3.9 %), the first of equals."""
    group = {r.id: r.readings for r in rules if r.readings}
    if not group:
        return findings
    supported = {(group[f.rule], f.claim or f.figures[0]) for f in findings
                 if f.rule in group and f.figures and f.verdict in (CONSISTENT, APPROXIMATE)}
    closest: dict[tuple[str, str], Finding] = {}
    for f in findings:
        if f.rule in group and f.figures and f.verdict == INCONSISTENT:
            key = (group[f.rule], f.claim or f.figures[0])
            best = closest.get(key)
            if best is None or _miss(f) < _miss(best):
                closest[key] = f
    out: list[Finding] = []
    told: set[tuple[str, str]] = set()
    for f in findings:
        if f.rule in group and f.figures and f.verdict in (CONSISTENT, APPROXIMATE, INCONSISTENT):
            key = (group[f.rule], f.claim or f.figures[0])
            holds = f.verdict != INCONSISTENT
            if key in told or (key in supported and not holds) or (not holds and closest.get(key) is not f):
                continue  # the claim is told once: by its first reading that holds, else by its closest
            told.add(key)
        out.append(f)
    return out


def _miss(f: Finding) -> float:
    """How far a failed reading is from holding (no deviation: as far as can be)."""
    return abs(f.deviation) if f.deviation is not None else math.inf


def _drop_superseded(findings: list[Finding], rules: list[Rule]) -> list[Finding]:
    """A rule that ``supersedes`` others tells, on the same figures (or on more: a rank
    against all the rivals of a sentence where they read one of them), what they tell and
    more ("exactly 100 %" where they say "at most"): their finding would only repeat it,
    or contradict it with a weaker verdict."""
    over = {r.id: set(r.supersedes) for r in rules if r.supersedes}
    if not over:
        return findings
    covered: dict[str, list[frozenset[str]]] = {}
    for f in findings:
        for other in over.get(f.rule, ()):
            covered.setdefault(other, []).append(frozenset(f.figures))
    if not covered:
        return findings
    return [f for f in findings if not any(frozenset(f.figures) <= c for c in covered.get(f.rule, ()))]


def _drop_repeats(findings: list[Finding], rules: list[Rule]) -> list[Finding]:
    """Two rules that recompute the same value from the same figures, with the same
    verdict, say one thing: keep the finding of the more specific rule (one written for
    the block's language)."""
    specific = {r.id: bool(r.languages) for r in rules}
    best: dict[tuple[frozenset[str], str, str | None], Finding] = {}
    for f in findings:
        key = (frozenset(f.figures), f.verdict, f.expected)
        kept = best.get(key)
        if kept is None or (specific.get(f.rule) and not specific.get(kept.rule)):
            best[key] = f
    keep = {id(f) for f in best.values()}
    return [f for f in findings if id(f) in keep]


def _unit_hint(e: expressions.Expr, bound: dict[str, object]) -> str | None:
    """Percent figures compute as plain numbers; say "%" again when showing the result."""
    units = set()
    for name in e.names():
        v = bound.get(name)
        for f in (v if isinstance(v, tuple) else (v,)):
            if isinstance(f, Figure):
                units.add(f.unit)
    if len(units) == 1 and next(iter(units)) in ("%", "pp", "x"):
        return next(iter(units))
    return None


def _drop_covered_derivations(findings: list[Finding]) -> list[Finding]:
    """A derived value is worth showing only when no check already uses all its figures."""
    checked = [set(f.figures) for f in findings if f.verdict != DERIVED]
    holding: dict[str, list[set[str]]] = {}  # figure → the checks using it (a long page has thousands)
    for c in checked:
        for fid in c:
            holding.setdefault(fid, []).append(c)

    def covered(f: Finding) -> bool:
        if not f.figures:
            return bool(checked)  # the empty set is in every check
        return any(set(f.figures) <= c for c in holding.get(f.figures[0], ()))

    return [f for f in findings if f.verdict != DERIVED or not covered(f)]


# Hedges that writers put on a value they have already rounded: "près de 58 %" for 58.4
# (58.4 printed as 58, then "nearly"). The words say below 58 (DESIGN.md: "près de 26" is
# just under 26), so such a claim is never consistent above its value; but a value within
# the digits' own rounding is a loose wording, not a wrong figure: approximate, and said so.
ROUNDED_THEN_HEDGED = frozenset({"nearly"})
# how far above its value the rounding of a hedged figure may reach, at most
_ROUNDING_REACH_CAP = 0.01


def _digits_reach(f: Figure) -> float | None:
    """The top of the range the figure's digits round from ("58 %" → 58.5), no more than
    1 % above its value ("nearly €3bn" reaches 3.03bn, not 3.5bn). The figure's own text,
    read again without its hedge (the span never holds the hedge), gives the digits' range."""
    again = [g for g in figures_mod.extract(f.text, f.language) if g.kind == f.kind]
    if len(again) != 1 or again[0].hedge or math.isinf(again[0].high) or again[0].value != f.value:
        return None
    return min(again[0].high, f.value + abs(f.value) * _ROUNDING_REACH_CAP)


def _understates(stated: Amount, expected: Amount, tolerance: float) -> bool:
    """Whether a factor says less of a change than there was, within ``tolerance`` of it: the
    expected factor on the stated's side of one and farther from it ("doubles" for ×2.16,
    "halved" for ×0.46), the gap measured on the factor (or on its reciprocal for a fall)."""
    s, e = stated.nominal, expected.nominal
    if not tolerance or s <= 0 or e <= 0 or s == 1 or math.isinf(s) or math.isinf(e):
        return False
    if s > 1:
        return s < e <= s * (1 + tolerance)
    return s > e >= s / (1 + tolerance)


def _verdict(relation: str, stated: Amount, expected: Amount, tolerance: float) -> tuple[str, float | None, str | None]:
    s, e = stated.interval, expected.interval
    note = None
    if relation == "==":
        dev = nominal_deviation(stated.nominal, expected.nominal) if expected.nominal else None
        if any(math.isinf(x) for x in (s.low, s.high, e.low, e.high)):
            dev = None  # a hedged figure ("plus de 25") has no meaningful nominal gap
        if s.intersects(e):
            if dev is not None and not (e.contains(stated.nominal) or s.contains(expected.nominal)):
                note = "holds only thanks to rounding: the printed values differ, their rounding intervals meet"
            return CONSISTENT, dev, note
        # The tolerance is measured from the stated figure as printed to the nearest
        # value the inputs allow: the inputs' rounding is honoured, the claim is taken
        # at its word ("€10bn ($12bn)" is 5 % beyond the most that €10bn can be).
        if math.isinf(s.low) or math.isinf(s.high):
            # "plus de 8 millions" is a bound, not a rounded value: a body figure on the
            # wrong side of it contradicts the claim however close it comes
            return INCONSISTENT, relative_deviation(s, e) if dev is None else dev, note
        # A one-sided hedge ("close to three times", "just over 40 %") puts the printed value
        # at one end of the range its words allow: the claim is that range, so the gap is
        # measured from its nearest value, not from the round number at its edge.
        one_sided = s.low < s.high and (stated.nominal == s.high or stated.nominal == s.low)
        gap = relative_deviation(s if one_sided else Interval.point(stated.nominal), e)
        return (APPROXIMATE if abs(gap) <= tolerance else INCONSISTENT), (gap if dev is None else dev), note
    holds = _possible(relation, s, e)
    if holds:
        nominal_holds = _compare(relation, stated.nominal, expected.nominal)
        if not nominal_holds:
            # "dont 30 milliards" of "plus de 25 milliards": no rounding at play, the
            # hedge leaves the total open on the side the relation reads
            open_end = math.isinf(e.high) or math.isinf(s.low) if relation in ("<", "<=") \
                else math.isinf(e.low) or math.isinf(s.high)
            note = ("holds only because a hedged figure (\"more than\", \"less than\") is open on that side"
                    if open_end else "holds only thanks to rounding")
        return CONSISTENT, None, note
    # how far the relation is from holding, relative to the bound
    if relation in ("<", "<="):
        gap = (s.low - e.high) / abs(e.high) if e.high else math.inf
    else:
        gap = (e.low - s.high) / abs(e.low) if e.low else math.inf
    return (APPROXIMATE if abs(gap) <= tolerance else INCONSISTENT), (gap if relation in ("<", "<=") else -gap), note


def _possible(relation: str, s: Interval, e: Interval) -> bool:
    """Whether some value of the stated interval and some of the expected satisfy the relation."""
    if relation == "<":
        return s.low < e.high
    if relation == "<=":
        return s.low < e.high or (s.low == e.high and not s.low_open and not e.high_open)
    if relation == ">":
        return s.high > e.low
    return s.high > e.low or (s.high == e.low and not s.high_open and not e.low_open)


def _compare(relation: str, a: float, b: float) -> bool:
    return {"<": a < b, "<=": a <= b, ">": a > b, ">=": a >= b, "==": a == b}[relation]


def _unwrapped(e: expressions.Expr) -> expressions.Expr:
    """A formula without the calls that keep a figure what it is: ``exact(total)`` is ``total``."""
    while isinstance(e, expressions.Call) and e.func in ("bare", "exact", "value") and len(e.args) == 1:
        e = e.args[0]
    return e


def _plain(e: expressions.Expr) -> bool:
    """A formula that is one figure (``x``, ``exact(x)``, ``value(x)``): its step would
    only say "expected = 4.5 bn = 4.5 bn", which the stated line already holds."""
    return isinstance(_unwrapped(e), (expressions.Name, expressions.Literal))


# Calls that stand for one figure converted or bounded (``in_unit(vol, "liter")``,
# ``high(n)``): the step shows the figure they give, since an editor reads "18.5 m liter",
# not how the rule asked for it. (``nth_largest`` keeps its list: the list is the point.)
_SHOWN_AS_VALUE = frozenset({"in_unit", "high", "low"})


def _evaluated_calls(e: expressions.Expr, env: dict[str, object], fns: Mapping[str, Callable[..., object]],
                     values: dict[str, object]) -> expressions.Expr:
    """``e`` with each call of ``_SHOWN_AS_VALUE`` (and ``value()`` of one) replaced by a
    name bound in ``values`` to what it evaluates to; a call that fails stays as written."""
    inner = e.args[0] if (isinstance(e, expressions.Call) and e.func == "value" and len(e.args) == 1) else e
    if isinstance(inner, expressions.Call) and inner.func in _SHOWN_AS_VALUE:
        try:
            got = expressions.evaluate(inner, env, fns)
        except expressions.ExprError:
            return e
        if isinstance(got, Amount):
            name = f"_shown{len(values)}"
            values[name] = got
            return expressions.Name(name)
        return e
    if isinstance(e, expressions.Call):
        return replace(e, args=tuple(_evaluated_calls(a, env, fns, values) for a in e.args))
    if isinstance(e, expressions.Binary):
        return replace(e, left=_evaluated_calls(e.left, env, fns, values),
                       right=_evaluated_calls(e.right, env, fns, values))
    if isinstance(e, expressions.Unary):
        return replace(e, operand=_evaluated_calls(e.operand, env, fns, values))
    return e


def _substituted(e: expressions.Expr, env: dict[str, object], fns: Mapping[str, Callable[..., object]]) -> str:
    """The formula with each slot replaced by its value, for the steps an editor reads."""
    shown: dict[str, object] = {}
    e = _evaluated_calls(e, env, fns, shown)
    env = {**env, **shown}
    src = re.sub(r"\bvalue\((\w+)\)", lambda m: display.number(env[m.group(1)].nominal)
                 if isinstance(env.get(m.group(1)), Amount) else m.group(0), str(e))
    # bare() and exact() only say how a rule computes; an editor reads the figures
    src = re.sub(r"\b(?:bare|exact)\((\w+)\)", r"\1", src)

    def sub(m: re.Match[str]) -> str:
        v = env.get(m.group(0))
        if isinstance(v, Amount):
            return display.amount(v)
        if isinstance(v, list):
            return "(" + " + ".join(display.amount(a) for a in v) + ")"
        return m.group(0)

    return re.sub(r"(?<![\w\"'])[A-Za-z_]\w*(?![\w(\"'])", sub, src)


def _message(template: str, texts: dict[str, str], **extra: str | None) -> str:
    values = {**texts, **{k: (v or "") for k, v in extra.items()}}
    return re.sub(r"\{([^{}]*)\}", lambda m: values.get(m.group(1), m.group(0)), template)


def check_document(doc: Document, rules: Iterable[Rule] | None = None, rates: Rates | None = None) -> Report:
    """Figures, findings and warnings for one document."""
    rates = rates or Rates()
    scan = figures_mod.scan(doc)
    rule_list = list(rules) if rules is not None else list(load_rules())
    runner = _Runner(doc, scan.figures, rule_list, rates, scan.periods)
    findings = runner.run()
    warnings = sorted(runner.warnings)
    source = None
    if rates.loaded:
        table = rates.table
        source = table.source
        if doc.date and doc.date > table.last_date:
            warnings.insert(0, f"the article's date {doc.date} is after the last ECB rates ({table.last_date}): "
                               f"rates of {table.last_date} used; run 'factcheck rates update'")
    if doc.date is None and any(f.verdict == UNVERIFIABLE for f in findings):
        warnings.append("no publication date: give --date YYYY-MM-DD to check conversions")
    return Report(doc, scan.figures, tuple(findings), tuple(dict.fromkeys(warnings)), source, scan.periods)


def check_text(text: str, date: Date | str | None = None, language: str | None = None,
               rules: Iterable[Rule] | list[str] | None = None, rates_path: str | None = None) -> Report:
    """The Python API behind ``factcheck.check``: text in, Report out."""
    from . import document

    if isinstance(date, str):
        date = document.parse_date(date, "date")
    doc = document.build("<text>", text, date=date, date_source="argument" if date else None, language=language)
    rule_objs: list[Rule] | None
    if rules is None:
        rule_objs = None
    else:
        items = list(rules)
        if items and all(isinstance(r, str) for r in items):
            rule_objs = list(load_rules([str(r) for r in items]))
        else:
            rule_objs = [r for r in items if isinstance(r, Rule)]
    return check_document(doc, rule_objs, Rates(rates_path))


def settle(rules: Iterable[Rule], rates: Rates) -> None:
    """Load what a check loads on first use (each language's lexicons and patterns, the
    unit registry, the ECB table), then freeze the garbage collector's view of it.

    A long-lived process (``factcheck serve``, a batch over many files) keeps tens of
    thousands of objects for the rules and lexicons; the collector would otherwise walk
    them again and again while checking (3–5 % of a check). The first request is then as
    fast as the next. The warm-up reads the first sentences of each language's example
    corpus (``rules/lexicons/corpus``), so a language added there is warmed too."""
    import gc

    from . import document, yamlines

    rates.table  # noqa: B018 - loaded now, not on the first conversion
    expressions._units()  # the unit registry, which few articles reach
    rule_list = list(rules)
    for path in sorted((lexicon.builtin_dir() / "corpus").glob("*.yaml")):
        cases = yamlines.load(path) or []
        sample = "\n\n".join(str(c["text"]) for c in cases[:WARM_SENTENCES])
        check_document(document.build("<warm-up>", sample, date=Date(2020, 4, 20), date_source="argument"),
                       rule_list, rates)
    gc.collect()
    gc.freeze()


WARM_SENTENCES = 6  # of each language's corpus: conversions, changes and units among them


__all__ = ["check_document", "check_text", "settle", "Rates", "InputError", "FigureTest"]
