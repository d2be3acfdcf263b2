"""YAML rules: loading, validation with file/line/field errors, and the Rule value.

A rule says which figures constrain each other (a pattern, collected figures,
figures picked around a match) and what must hold between them (a check or a
derived value), in a safe expression language. Nothing here knows about
conversions, growth or market shares: those are rules in ``rules/checks/``.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from datetime import date as Date
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, TypeVar

from . import cache
from . import expr as expressions
from . import lexicon
from .errors import InputError
from .patterns import Choice, Element, FigureTest, Gap, Literal, Name, Not, Opening, Optional, Sequence, Slot, WordClass
from .tokens import phrase_words
from .verdicts import ORDER
from .yamlines import LDict, LList, load as load_yaml

KINDS = ("money", "percent", "number", "ordinal", "quantity")
RELATIONS = ("==", "<", "<=", ">", ">=")
SCOPES = ("sentence", "paragraph", "document")
PICKS = ("nearest", "closest_value", "first", "last", "largest", "smallest")
FUNCTIONS = frozenset(expressions.BASE_FUNCTIONS) | {"fx", "exact"}
# functions whose calls show in the report (``fx`` loads the rate table): a condition
# calling one is evaluated only where the rule's own order would evaluate it
IMPURE = frozenset({"fx"})
BLOCK_KINDS = ("title", "paragraph", "caption")


@dataclass(frozen=True)
class Collect:
    """Every figure of a scope that passes the test: "every market share in a paragraph"."""

    test: FigureTest
    scope: str  # paragraph | document
    sentence_has: tuple[str, ...]  # classes or phrases the figure's sentence must contain
    not_after: tuple[str, ...]  # classes/phrases that must not stand just before the figure
    minimum: int
    sentence_lacks: tuple[str, ...] = ()  # classes/phrases the figure's sentence must not contain
    carry: int = 0  # sentence_has also holds for the next N sentences of the paragraph
    not_before: tuple[str, ...] = ()  # classes/phrases that must not stand just after ("59 % auf 53,8 %")
    # classes/phrases that must not stand anywhere before the figure in its sentence
    # ("groeide het aantal laadpunten met 40 procent": a rise, not a share)
    not_after_in_sentence: tuple[str, ...] = ()
    # ... unless one of these stands right before the figure: the level reached ("naar 9,8 procent")
    unless_after: tuple[str, ...] = ()
    drop_subtotals: bool = False  # leave out a figure that adds up those just before it
    # with a pattern: only the figures before the one the pattern bound to this slot (not
    # it, nor any after it): "…, le solde, soit 5,4 %" closes the list it ends; those in
    # its own sentence need not pass sentence_has (the rest names their whole)
    before: str | None = None
    # leave out a figure right after one of these words ("together", "samen") that adds up
    # the two or more figures right after it: "samen 23,1 procent (11,9 en 11,2 procent)"
    drop_together: tuple[str, ...] = ()
    # with a pattern: only the figures of the sentences after that of the one the pattern
    # bound to this slot (the total a breakdown follows: "… 14,8 miljoen teu vervoerd. Azië
    # bleef met 7,3 miljoen teu …, gevolgd door Europa met 3,0 miljoen teu …")
    after: str | None = None
    # a paragraph collection in a rule with a pattern: also the N paragraphs (blocks) before
    # the match's ("Windparken namen 38 procent voor hun rekening." ¶ "Zonneparken leverden
    # 15 procent … De overige 7 procent …": a split begun in the paragraph before)
    paragraphs: int = 0
    # keep a figure alone in brackets right after a word, despite a not_after "(": a part
    # given by name ("devant le logement (310 millions)", "Alemania (6,6 millones)"), not a
    # conversion, which follows a figure ("€310m ($370m)") or a word ("(soit …)")
    named_in_brackets: bool = False
    # leave out the base of a multiple: a figure up to three tokens after a multiplier
    # (a figure in "x") in its sentence, "450 millones, el triple de los 150 millones"
    not_base: bool = False
    # leave out every figure of a sentence that opens (quotes, dashes and a leading duration
    # aside) with one of these: "Il y a cinq ans, sa part atteignait 41 %", "Five years ago,
    # its share was 41 %" tell an earlier time, whatever unless_after keeps
    not_opened_by: tuple[str, ...] = ()
    # a paragraph collection in a rule with a pattern: also the N paragraphs (blocks) after
    # the match's ("Germany became its largest market, with €412m." ¶ "France brought in
    # €436m, Italy €198m": the rivals of a part ranked first, told in the next paragraph)
    paragraphs_after: int = 0
    # leave out a number below one: a fraction told beside a part ("£1.3bn, just over half of
    # group sales"), a share of the whole, no part of a list
    not_fraction: bool = False
    # leave out a figure inside brackets that open with one of these: a part of the part before
    # it, "auf Hybride 39,9 Prozent (darunter Plug-in-Hybride mit 6,2 Prozent)", no part of its own
    not_in_aside: tuple[str, ...] = ()
    # sentence_lacks also looks in the N sentences after the figure's, in its block: "Das
    # Segment Live Entertainment erlöste 2,07 Milliarden Euro, das Ticketing 0,79 Milliarden Euro.
    # Die Summe der Segmente liegt über dem Konzernumsatz, weil … herausgerechnet werden"
    lacks_after: int = 0
    # only the figures of a table's rows ("Stromsteuer: 2,05 Cent", a line of its own, a label,
    # a colon and one figure) whose label the sentence of the figure bound to that slot names
    # before it, in its clause: "Stromsteuer, Konzessionsabgabe, Umlagen und Mehrwertsteuer
    # summieren sich auf 19,4 Cent" sums those rows
    rows_named_by: str | None = None
    # with ``before: total``: the figures of the list right before the block of the total
    # (the run of bullet lines and "Label: figure" rows, each a block of its own, however
    # many), when the total's sentence opens its block:
    # "- Edeka: 62,5 Mrd. Euro" … "- Aldi: 34,0 Mrd. Euro" ¶ "Zusammen setzen die vier Großen
    # damit 150,5 Mrd. Euro um"; a table's "Total: £1.35bn" row after its rows
    list_before: bool = False
    # with ``after: total``: the figures of the list right after the total's block, when that
    # block closes on a colon or a line of its own closing on one stands between ("Revenue
    # by division:"), the run of its rows however many: "… a chiffre d'affaires de 9,4
    # milliards d'euros. Il se répartit ainsi :" then "- réseaux : 2,6 milliards d'euros ;" …
    list_after: bool = False
    # in a rule with a pattern: the figures of the list right after the match's block, when
    # that block closes on a colon (a heading that names the split, "La répartition par
    # format reste dominée par les grandes surfaces :" then "- hypermarchés : 45 % des ventes ;" …)
    rows_after: bool = False
    # with ``after: SLOT``: the figures after that figure in its own sentence, not those of the
    # sentences after it: "Dont 4 100 tonnes au Kazakhstan, via la coentreprise Katco (48 % du
    # total), 2 900 tonnes au Niger, …" (the first part opens the list the rest continues)
    after_here: bool = False
    # keep only the figures of the unit most of them share: a count in an aside of a list of
    # amounts ("… mit seinen 87 Kliniken entfielen 7,4 Milliarden Euro, …") is no part of it
    one_unit: bool = False


@dataclass(frozen=True)
class Pick:
    """One more figure chosen around a match: the body figure a headline speaks of."""

    test: FigureTest
    scope: str
    position: str  # before | after | any
    where: expressions.Expr | None
    pick: str
    anchor: str | None
    near: tuple[str, ...] = ()  # classes/phrases one of which must stand close by in the sentence
    outside_brackets: bool = False  # skip figures in an aside: "(Vorjahr: 7,88 Milliarden)"
    preceded_by: tuple[str, ...] = ()  # classes/phrases one of which must stand just before
    not_preceded_by: tuple[str, ...] = ()  # classes/phrases none of which may stand just before
    not_across: tuple[str, ...] = ()  # classes/phrases that may not stand between it and the anchor
    # the match stands only when NO figure qualifies: "the body states no rise of its own"
    absent: bool = False
    # the figure of a rival named after one of these words, told in another sentence: "…
    # 38.5 million subscribers, ahead of Lumen." … "Lumen reported 41.2 million": the name
    # (the capitalised word after the phrase, after the anchor in its sentence) stands
    # before the candidate in the candidate's own sentence
    named_after: tuple[str, ...] = ()
    # every figure that qualifies, each a reading of the claim (with ``readings``): "That 38
    # per cent jump" is the change of one of the pairs told before, whichever holds
    each: bool = False
    # only figures written before the one bound to this slot ("That 30 per cent jump": the
    # pair it names was told before it)
    before: str | None = None
    # a paragraph pick: also the N paragraphs (blocks) before the anchor's (a total told in
    # the lead, its parts listed in the next paragraph)
    paragraphs: int = 0
    # only a count of the thing the slot's figure is told per: "230 000 euros par éleveur"
    # takes "5 800 éleveurs", wherever in the article, not "200 exploitations" (the word
    # after the count and the word after the slot's "per" share their stem)
    same_noun: str | None = None
    # classes/phrases none of which may stand anywhere in the candidate's sentence (a
    # "total" told as the largest market is a part: "the US, its largest market, with $1.84bn")
    sentence_lacks: tuple[str, ...] = ()
    # the figure of the one that moves past a rival, told in another sentence: "Castlegate
    # overtakes Merrow as second-biggest lender" … "Castlegate advanced £41.3bn": the name (the
    # first of the capitalised words right before the phrase, in the anchor's sentence) stands
    # before the candidate in the candidate's own sentence
    named_before: tuple[str, ...] = ()
    # classes/phrases one of which opens the candidate's sentence (quotes, dashes and one
    # leading duration aside before it): a base told in a sentence of its own that opens on
    # an earlier time, "Un an plus tôt, il avait gagné 318 millions", "Im Vorjahr hatte …"
    opened_by: tuple[str, ...] = ()
    # classes/phrases none of which may begin right after the candidate: a count of the
    # instalments an amount is paid in is no count it is shared by ("1.450 euro per
    # huishouden, uitgekeerd in vier termijnen")
    not_followed_by: tuple[str, ...] = ()
    # classes/phrases none of which opens the candidate's sentence (the mirror of opened_by):
    # a base told in a sentence of its own, "Un año antes, el sector había exportado 3,37
    # millones de toneladas", is no whole a later part is a fraction of
    not_opened_by: tuple[str, ...] = ()
    # the anchor's subject: when the anchor's sentence opens on a name ("Jumbo, met zo'n 700
    # winkels, haalde …"), no candidate of another sentence that names others but not it ("Het
    # aandeel van Albert Heijn komt neer op 12,4 miljard euro" is a rival's total)
    own_subject: bool = False
    # a slot whose sentence names what the candidate counts: "Le nombre de chômeurs … repasse sous
    # la barre des 2,2 millions" takes the body's "2,26 millions de chômeurs", not any count
    counts_named_in: str | None = None
    # classes/phrases one of which must stand somewhere in the candidate's sentence (the
    # mirror of sentence_lacks): the level a rise takes a price to, told far from its verb,
    # "now £4,932, will go up by 2.7%, or £133, to about £5,065"
    sentence_has: tuple[str, ...] = ()
    # the anchor's subject named at the candidate: when the anchor's sentence opens on a name
    # ("Duitsland was daarmee goed voor zo'n 68 procent"), only a figure of another sentence
    # with that name among the three words either side of it, no figure between ("€5,1 mrd in
    # Duitsland", "Germany got €5.1bn"): the part whose share the anchor tells
    names_subject: bool = False
    # classes/phrases which, right before the figure (its two words before), lift
    # ``not_preceded_by``: "creció un 15%, hasta 61.000" tells 61.000 as the level reached,
    # not the rise the "creció" rules out
    unless_preceded_by: tuple[str, ...] = ()
    # classes/phrases one of which stands between the start of the sentence before the
    # figure's (or its own, the first of the text) and the figure: the heading of the list it
    # opens ("Most expensive boarding schools, annual fees 2024-25:" then "1. Winchester College …")
    heading_has: tuple[str, ...] = ()

    @cached_property
    def fits_key(self) -> tuple[object, ...]:
        """What ``_Runner._fits`` reads of the pick (its test and the words around a
        candidate, not its anchor, position, ``where`` nor choice), interned: the picks of
        different rules that ask the same of a figure share the answer, once per document."""
        return _interned((self.test, self.outside_brackets, self.preceded_by, self.not_preceded_by, self.unless_preceded_by, self.heading_has,
                          self.not_followed_by, self.opened_by, self.sentence_lacks, self.not_opened_by, self.near,
                          self.sentence_has))

    @cached_property
    def eager_where(self) -> bool:
        """Whether ``where`` may load the rate table (it calls ``fx``): then it is
        tested on each candidate in turn, as the loading shows in the report."""
        return self.where is not None and bool(self.where.functions() & IMPURE)


@dataclass(frozen=True)
class Check:
    stated: expressions.Expr
    expected: expressions.Expr
    relation: str
    tolerance: float
    # a wider tolerance for a factor that says less than the change ("doubles" for ×2.16,
    # "halved" for ×0.46): headlines round a change down to its round multiple, not up
    understated: float = 0.0


@dataclass(frozen=True)
class Derive:
    value: expressions.Expr
    label: str
    unit: expressions.Expr | None = None


@dataclass(frozen=True)
class Example:
    text: str
    verdict: str  # a verdict, or "none" when the rule must not fire
    date: Date | None
    line: int
    file: str = ""


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    languages: frozenset[str]  # empty: every language
    scope: str
    blocks: frozenset[str]
    pattern: Sequence | None
    collect: dict[str, Collect]
    picks: dict[str, Pick]
    where: expressions.Expr | None
    check: Check | None
    derive: Derive | None
    message: str
    examples: tuple[Example, ...] = ()
    file: str = ""
    line: int = 0
    slots: tuple[str, ...] = field(default=())
    # Rules of one group read the same claim in different ways ("the headline's rise" as
    # the body's own rise, or as its first pair): a reading that holds clears the others.
    readings: str = ""
    # Rules whose finding on figures this rule also reads says less: "at most 100 %" where
    # this one, sure the list is whole, says "exactly 100 %". Their finding is dropped.
    supersedes: tuple[str, ...] = ()
    supersedes_line: int = 0

    def serves(self, language: str) -> bool:
        return not self.languages or language in self.languages

    @cached_property
    def plan(self) -> tuple[int, tuple[frozenset[FigureTest], ...], tuple[frozenset[str], ...]]:
        """What the matcher needs before looking at a sentence, computed once per rule:
        how many figures, which figures (the pattern's ``figure_tests``: clauses of
        slot tests), which words a match must hold (the pattern's ``needs``: clauses
        of classes and literal words)."""
        if self.pattern is None:
            return 0, (), ()
        return (self.pattern.min_figures(), _interned(tuple(map(_interned, self.pattern.figure_tests()))),
                _interned(tuple(map(_interned, dict.fromkeys(self.pattern.needs())))))

    @cached_property
    def early_where(self) -> expressions.Expr | None:
        """The part of ``where`` that the pattern's figures settle
        (``expressions.guard``), tested before the picks; none when a pick may
        load the rate table, whose loading shows in the report."""
        if self.where is None or not self.picks or any(p.eager_where for p in self.picks.values()):
            return None
        return expressions.guard(self.where, frozenset(self.picks), IMPURE)

    @cached_property
    def pick_guards(self) -> dict[str, expressions.Expr | None]:
        """Per pick, the part of its ``where`` that does not read the candidate
        (``expressions.guard``): false, it rules out every candidate at once."""
        return {name: expressions.guard(p.where, frozenset([name]), IMPURE)
                for name, p in self.picks.items() if p.where is not None and not p.eager_where}

    @cached_property
    def chain(self) -> tuple[tuple[frozenset[str] | frozenset[FigureTest], ...], ...]:
        """What each top-level element of the pattern needs (its ``needs`` and
        ``figure_tests`` clauses), in the pattern's order, leaving out the elements that
        need nothing. The elements match one after the other, so what one needs stands
        after what the one before needs: ``UnitIndex.chain_limit`` checks that order,
        which the plan's clauses, met anywhere in the unit, do not."""
        if self.pattern is None:
            return ()
        items = []
        for it in self.pattern.items:
            clauses = tuple(c for c in dict.fromkeys([*it.needs(), *it.figure_tests()]) if c)
            if clauses:
                items.append(tuple(map(_interned, clauses)))
        return _interned(tuple(items))

    @cached_property
    def top_slots(self) -> int:
        """How many figure slots the pattern's top level holds: each takes a figure
        of its own, after the match's start."""
        if self.pattern is None:
            return 0
        return sum(1 for it in self.pattern.items if isinstance(it, Slot))


_INTERNED: dict[object, object] = {}
_Value = TypeVar("_Value")


def _interned(value: _Value) -> _Value:
    """One object for equal plans of different rules: they key the per-document
    indexes, and a key found by identity is not compared element by element."""
    return _INTERNED.setdefault(value, value)  # type: ignore[return-value]


class _Where:
    """Error context: which file and rule, so every message names them."""

    def __init__(self, path: Path, rule_id: str | None = None) -> None:
        self.path = path
        self.rule_id = rule_id

    def error(self, line: int, field_: str, problem: str) -> InputError:
        rid = f"rule '{self.rule_id}': " if self.rule_id else ""
        return InputError(f"{self.path}:{line}: {rid}field '{field_}': {problem}")


def _line(node: Any, key: Any = None, default: int = 1) -> int:
    if isinstance(node, LDict) and key is not None and key in node.lines:
        return node.lines[key]
    return getattr(node, "line", default)


def _expr(w: _Where, node: LDict, key: str, field_: str) -> expressions.Expr:
    src = node[key]
    if isinstance(src, (int, float)) and not isinstance(src, bool):
        src = repr(src)
    if not isinstance(src, str):
        raise w.error(_line(node, key), field_, "must be an expression (text)")
    try:
        return expressions.parse(src, FUNCTIONS)
    except expressions.ExprError as e:
        raise w.error(_line(node, key), field_, str(e)) from None


def _percent(w: _Where, node: LDict, key: str, field_: str) -> float:
    raw = node[key]
    try:
        if isinstance(raw, str) and raw.strip().endswith("%"):
            return float(raw.strip()[:-1]) / 100
        value = float(raw)
    except (TypeError, ValueError):
        raise w.error(_line(node, key), field_, f"expected a percentage like '2%', got {raw!r}") from None
    if value < 0:
        raise w.error(_line(node, key), field_, "must not be negative")
    return value


def _names(w: _Where, node: Any, key: str, field_: str, allowed: tuple[str, ...] | None = None) -> frozenset[str]:
    raw = node.get(key)
    if raw is None:
        return frozenset()
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
        raise w.error(_line(node, key), field_, "must be a word or a list of words")
    if allowed:
        for x in items:
            if x not in allowed:
                raise w.error(_line(node, key), field_, f"unknown value '{x}' (expected one of {', '.join(allowed)})")
    return frozenset(items)


def _test(w: _Where, node: LDict, field_: str) -> FigureTest:
    kinds = node.get("fig", "any")
    kinds_set = frozenset() if kinds == "any" else _names(w, node, "fig", f"{field_}.fig", KINDS)
    hedged = node.get("hedged")
    if hedged is not None and not isinstance(hedged, bool):
        raise w.error(_line(node, "hedged"), f"{field_}.hedged", "must be true or false")
    ranged = node.get("ranged")
    if ranged is not None and not isinstance(ranged, bool):
        raise w.error(_line(node, "ranged"), f"{field_}.ranged", "must be true or false")
    sign = node.get("sign")
    if sign not in (None, "positive", "negative", "unsigned"):
        raise w.error(_line(node, "sign"), f"{field_}.sign", "must be 'positive', 'negative' or 'unsigned'")
    return FigureTest(
        kinds=kinds_set,
        units=_names(w, node, "unit", f"{field_}.unit"),
        hedged=hedged,
        blocks=_names(w, node, "block", f"{field_}.block", BLOCK_KINDS),
        sign=sign,
        ranged=ranged,
    )


# Every key the loader takes, by where it stands; rules/README.md documents each one
# (tests/test_rules_doc.py holds the two together).
_RULE_KEYS = {"id", "title", "languages", "scope", "blocks", "pattern", "collect", "with", "where", "check", "derive", "message",
              "examples", "description", "readings", "supersedes"}
_GAP_KEYS = {"gap", "figures", "stop"}
_SLOT_KEYS = {"fig", "as", "unit", "hedged", "ranged", "block", "sign", "repeat", "not_after", "not_after_in_sentence", "not_before", "pass_over"}
_COLLECT_KEYS = {"fig", "unit", "hedged", "ranged", "block", "sign", "in", "sentence_has", "not_after", "not_before", "not_after_in_sentence",
                 "unless_after", "drop_subtotals", "sentence_lacks", "min", "carry", "before", "drop_together", "after", "after_here", "one_unit",
                 "paragraphs", "named_in_brackets", "not_base", "not_opened_by", "paragraphs_after",
                 "not_fraction", "lacks_after", "rows_named_by", "not_in_aside", "list_before", "list_after", "rows_after"}
_PICK_KEYS = {"fig", "unit", "hedged", "ranged", "block", "sign", "in", "position", "pick", "anchor", "where", "outside_brackets",
              "near", "preceded_by", "not_preceded_by", "unless_preceded_by", "heading_has", "not_across", "absent", "named_after", "each", "before",
              "paragraphs", "same_noun", "sentence_lacks", "named_before", "opened_by", "not_followed_by",
              "not_opened_by", "own_subject", "counts_named_in", "sentence_has", "names_subject"}


def _element(w: _Where, node: Any, line: int, field_: str) -> Element:
    if isinstance(node, str):
        if node.startswith("@"):
            return WordClass(node[1:])
        words = phrase_words(node)
        if not words:
            raise w.error(line, field_, f"empty literal {node!r}")
        return Literal(words)
    if isinstance(node, LList):
        return Sequence(tuple(_element(w, n, node.lines[i], f"{field_}[{i}]") for i, n in enumerate(node)))
    if isinstance(node, LDict):
        if "fig" in node:
            unknown = set(node) - _SLOT_KEYS
            if unknown:
                raise w.error(_line(node, sorted(unknown)[0]), f"{field_}.{sorted(unknown)[0]}", "unknown key in a figure slot")
            name = node.get("as")
            if not isinstance(name, str) or not re.fullmatch(r"[A-Za-z_]\w*", name):
                raise w.error(_line(node, "as" if "as" in node else "fig"), f"{field_}.as", "a figure slot needs a name: as: <name>")
            repeat = node.get("repeat", False)
            if repeat is True:
                repeat = 4
            if repeat is False:
                repeat = 0
            if not isinstance(repeat, int) or not 0 <= repeat <= 12:
                raise w.error(_line(node, "repeat"), f"{field_}.repeat",
                              "must be true, false, or the most words between two figures (1 to 12)")
            lists = {}
            for key in ("not_after", "not_after_in_sentence", "not_before", "pass_over"):
                lists[key] = _phrases(w, node, key, f"{field_}.{key}")
                if any(not p.startswith("@") for p in lists[key]):
                    raise w.error(_line(node, key), f"{field_}.{key}", "must list word classes (@name)")
            if lists["pass_over"] and not repeat:
                raise w.error(_line(node, "pass_over"), f"{field_}.pass_over", "only a repeated slot passes figures over (repeat: N)")
            return Slot(name, _test(w, node, field_), repeat, tuple(c[1:] for c in lists["not_after"]),
                        tuple(c[1:] for c in lists["not_after_in_sentence"]), tuple(c[1:] for c in lists["not_before"]),
                        tuple(c[1:] for c in lists["pass_over"]))
        if "gap" in node:
            unknown = set(node) - _GAP_KEYS
            if unknown:  # a misspelt key would silently widen the gap
                key = sorted(unknown)[0]
                raise w.error(_line(node, key), f"{field_}.{key}", "unknown key in a gap (gap, figures, stop)")
            most = node["gap"]
            if not isinstance(most, int) or isinstance(most, bool) or not 0 <= most <= 30:
                raise w.error(_line(node, "gap"), f"{field_}.gap", "must be a whole number from 0 to 30")
            stop = node.get("stop", [])
            if isinstance(stop, str):
                stop = [stop]
            if not isinstance(stop, list) or not all(isinstance(x, str) and (x.startswith("@") or phrase_words(x)) for x in stop):
                raise w.error(_line(node, "stop"), f"{field_}.stop", "must be a list of words, punctuation or @classes")
            return Gap(most, bool(node.get("figures", False)),
                       tuple(phrase_words(x) for x in stop if not x.startswith("@")),
                       tuple(x[1:] for x in stop if x.startswith("@")))
        if "opt" in node:
            inner = node["opt"]
            inner_list = inner if isinstance(inner, LList) else _as_list(inner, _line(node, "opt"))
            return Optional(_sequence(w, inner_list, f"{field_}.opt"))
        if "not" in node:
            inner = node["not"]
            inner_list = inner if isinstance(inner, LList) else _as_list(inner, _line(node, "not"))
            return Not(_sequence(w, inner_list, f"{field_}.not"))  # its slots are never bound
        if "opening" in node:
            if set(node) != {"opening"} or not isinstance(node["opening"], bool):
                key = "opening" if not isinstance(node["opening"], bool) else sorted(set(node) - {"opening"})[0]
                raise w.error(_line(node, key), f"{field_}.{key}",
                              "an opening element is {opening: true} or {opening: false}, alone")
            return Opening(node["opening"])
        if "name" in node:
            if set(node) != {"name"} or node["name"] is not True:
                key = "name" if node["name"] is not True else sorted(set(node) - {"name"})[0]
                raise w.error(_line(node, key), f"{field_}.{key}", "a name element is {name: true}, alone")
            return Name()
        if "any" in node:
            opts = node["any"]
            if not isinstance(opts, LList) or not opts:
                raise w.error(_line(node, "any"), f"{field_}.any", "must be a non-empty list of alternatives")
            return Choice(tuple(
                _sequence(w, o if isinstance(o, LList) else _as_list(o, opts.lines[i]), f"{field_}.any[{i}]")
                for i, o in enumerate(opts)
            ))
        raise w.error(node.line, field_, f"unknown pattern element with keys {', '.join(map(str, node))}")
    raise w.error(line, field_, f"unexpected {type(node).__name__} in a pattern")


def _as_list(item: Any, line: int) -> LList:
    out = LList([item])
    out.line = line
    out.lines = [line]
    return out


def _sequence(w: _Where, node: Any, field_: str) -> Sequence:
    if not isinstance(node, LList) or not node:
        raise w.error(_line(node), field_, "must be a non-empty list of pattern elements")
    return Sequence(tuple(_element(w, n, node.lines[i], f"{field_}[{i}]") for i, n in enumerate(node)))


def _count(w: _Where, node: LDict, key: str, field_: str, default: int, most: int) -> int:
    value = node.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= most:
        raise w.error(_line(node, key), field_, f"must be a whole number from 0 to {most}")
    return value


def _flag(w: _Where, node: LDict, key: str, field_: str) -> bool:
    value = node.get(key, False)
    if not isinstance(value, bool):
        raise w.error(_line(node, key), field_, "must be true or false")
    return value


def _pick_before(w: _Where, spec: LDict, slots: list[str], field_: str, key: str = "before") -> str | None:
    """A pick's ``before`` (or ``same_noun``): a slot bound before it (of the pattern, or an earlier pick)."""
    name = spec.get(key)
    if name is None:
        return None
    if not isinstance(name, str) or name not in slots:
        raise w.error(_line(spec, key), field_, f"must name a slot bound before this pick (slots: {', '.join(slots) or 'none'})")
    return name


def _slot_ref(w: _Where, spec: LDict, pattern: Any, key: str, field_: str, picks: tuple[str, ...] = ()) -> str | None:
    """A collection's ``before`` or ``after``: a figure slot of the rule's own pattern
    (``after`` also one of its picks, then picked before the collection)."""
    name = spec.get(key)
    if name is None:
        return None
    if not isinstance(name, str) or (pattern is None or name not in pattern.slots()) and name not in picks:
        what = "a figure slot of the rule's pattern or one of its picks" if key == "after" else "a figure slot of the rule's pattern"
        raise w.error(_line(spec, key), field_, f"must name {what}")
    return name


def _phrases(w: _Where, node: LDict, key: str, field_: str) -> tuple[str, ...]:
    raw = node.get(key)
    if raw is None:
        return ()
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not all(isinstance(x, str) for x in items):
        raise w.error(_line(node, key), field_, "must be a class (@name), a phrase, or a list of them")
    return tuple(items)


def _rule(w: _Where, node: Any, line: int) -> Rule:
    if not isinstance(node, LDict):
        raise w.error(line, "rule", "each rule must be a mapping")
    rid = node.get("id")
    if not isinstance(rid, str) or not re.fullmatch(r"[a-z0-9][a-z0-9_.-]*", rid):
        raise w.error(_line(node, "id"), "id", "a rule needs an id of lower-case letters, digits, '-', '_' or '.'")
    w = _Where(w.path, rid)
    for key in node:
        if key not in _RULE_KEYS:
            raise w.error(_line(node, key), str(key), f"unknown field (expected one of {', '.join(sorted(_RULE_KEYS))})")
    title = node.get("title")
    if not isinstance(title, str) or not title.strip():
        raise w.error(_line(node, "title", node.line), "title", "a rule needs a title")
    langs_raw = node.get("languages", "all")
    langs = frozenset() if langs_raw == "all" else _names(w, node, "languages", "languages")
    scope = node.get("scope", "sentence")
    if scope not in SCOPES:
        raise w.error(_line(node, "scope"), "scope", f"must be one of {', '.join(SCOPES)}")
    pattern = _sequence(w, node["pattern"], "pattern") if "pattern" in node else None
    collect: dict[str, Collect] = {}
    with_names = tuple(str(k) for k in node["with"]) if isinstance(node.get("with"), LDict) else ()
    if "collect" in node:
        cnode = node["collect"]
        if not isinstance(cnode, LDict) or not cnode:
            raise w.error(_line(node, "collect"), "collect", "must map slot names to figure tests")
        for name, spec in cnode.items():
            f = f"collect.{name}"
            if not isinstance(spec, LDict):
                raise w.error(_line(cnode, name), f, "must be a mapping")
            mn = spec.get("min", 2)
            if not isinstance(mn, int) or mn < 1:
                raise w.error(_line(spec, "min"), f"{f}.min", "must be a whole number ≥ 1")
            cscope = spec.get("in", "paragraph")
            if cscope not in ("sentence", "paragraph", "document"):
                raise w.error(_line(spec, "in"), f"{f}.in", "must be sentence, paragraph or document")
            unknown = set(spec) - _COLLECT_KEYS
            if unknown:
                key = sorted(unknown)[0]
                raise w.error(_line(spec, key), f"{f}.{key}", "unknown key in a collection")
            collect[str(name)] = Collect(_test(w, spec, f), cscope, _phrases(w, spec, "sentence_has", f"{f}.sentence_has"),
                                         _phrases(w, spec, "not_after", f"{f}.not_after"), mn,
                                         _phrases(w, spec, "sentence_lacks", f"{f}.sentence_lacks"),
                                         _count(w, spec, "carry", f"{f}.carry", 0, 5),
                                         _phrases(w, spec, "not_before", f"{f}.not_before"),
                                         _phrases(w, spec, "not_after_in_sentence", f"{f}.not_after_in_sentence"),
                                         _phrases(w, spec, "unless_after", f"{f}.unless_after"),
                                         _flag(w, spec, "drop_subtotals", f"{f}.drop_subtotals"),
                                         _slot_ref(w, spec, pattern, "before", f"{f}.before"),
                                         _phrases(w, spec, "drop_together", f"{f}.drop_together"),
                                         _slot_ref(w, spec, pattern, "after", f"{f}.after", with_names),
                                         _count(w, spec, "paragraphs", f"{f}.paragraphs", 0, 3),
                                         _flag(w, spec, "named_in_brackets", f"{f}.named_in_brackets"),
                                         _flag(w, spec, "not_base", f"{f}.not_base"),
                                         _phrases(w, spec, "not_opened_by", f"{f}.not_opened_by"),
                                         _count(w, spec, "paragraphs_after", f"{f}.paragraphs_after", 0, 3),
                                         _flag(w, spec, "not_fraction", f"{f}.not_fraction"),
                                         lacks_after=_count(w, spec, "lacks_after", f"{f}.lacks_after", 0, 3),
                                         rows_named_by=_slot_ref(w, spec, pattern, "rows_named_by", f"{f}.rows_named_by"),
                                         not_in_aside=_phrases(w, spec, "not_in_aside", f"{f}.not_in_aside"),
                                         list_before=_flag(w, spec, "list_before", f"{f}.list_before"),
                                         list_after=_flag(w, spec, "list_after", f"{f}.list_after"),
                                         rows_after=_flag(w, spec, "rows_after", f"{f}.rows_after"),
                                         after_here=_flag(w, spec, "after_here", f"{f}.after_here"),
                                         one_unit=_flag(w, spec, "one_unit", f"{f}.one_unit"))
            if collect[str(name)].after_here and collect[str(name)].after is None:
                raise w.error(_line(spec, "after_here"), f"{f}.after_here", "needs after: SLOT (the figure the rest of its sentence follows)")
            if collect[str(name)].rows_after and pattern is None:
                raise w.error(_line(spec, "rows_after"), f"{f}.rows_after", "needs a rule with a pattern (the heading the list follows)")
            if collect[str(name)].list_after and collect[str(name)].after is None:
                raise w.error(_line(spec, "list_after"), f"{f}.list_after", "needs after: SLOT (the total the list splits)")
            if collect[str(name)].list_before and collect[str(name)].before is None:
                raise w.error(_line(spec, "list_before"), f"{f}.list_before", "needs before: SLOT (the total the list makes)")
            for key in ("paragraphs", "paragraphs_after"):
                if getattr(collect[str(name)], key) and (cscope != "paragraph" or pattern is None):
                    raise w.error(_line(spec, key), f"{f}.{key}",
                                  "needs a paragraph collection in a rule with a pattern")
    if pattern is None and not collect:
        raise w.error(node.line, "pattern", "a rule needs a pattern or a collect section")
    slots = list(pattern.slots() if pattern else []) + list(collect)
    picks: dict[str, Pick] = {}
    if "with" in node:
        wnode = node["with"]
        if not isinstance(wnode, LDict):
            raise w.error(_line(node, "with"), "with", "must map slot names to figure picks")
        for name, spec in wnode.items():
            f = f"with.{name}"
            if not isinstance(spec, LDict):
                raise w.error(_line(wnode, name), f, "must be a mapping")
            unknown = set(spec) - _PICK_KEYS
            if unknown:
                key = sorted(unknown)[0]
                raise w.error(_line(spec, key), f"{f}.{key}", "unknown key in a figure pick")
            pscope = spec.get("in", "paragraph")
            if pscope not in SCOPES:
                raise w.error(_line(spec, "in"), f"{f}.in", f"must be one of {', '.join(SCOPES)}")
            position = spec.get("position", "any")
            if position not in ("before", "after", "any"):
                raise w.error(_line(spec, "position"), f"{f}.position", "must be before, after or any")
            pick = spec.get("pick", "nearest")
            if pick not in PICKS:
                raise w.error(_line(spec, "pick"), f"{f}.pick", f"must be one of {', '.join(PICKS)}")
            anchor = spec.get("anchor", slots[0] if slots else None)
            if anchor not in slots:
                raise w.error(_line(spec, "anchor"), f"{f}.anchor", f"unknown slot '{anchor}'")
            where = _expr(w, spec, "where", f"{f}.where") if "where" in spec else None
            outside = _flag(w, spec, "outside_brackets", f"{f}.outside_brackets")
            absent = _flag(w, spec, "absent", f"{f}.absent")
            picks[str(name)] = Pick(_test(w, spec, f), pscope, position, where, pick, anchor,
                                    _phrases(w, spec, "near", f"{f}.near"), outside,
                                    _phrases(w, spec, "preceded_by", f"{f}.preceded_by"),
                                    _phrases(w, spec, "not_preceded_by", f"{f}.not_preceded_by"),
                                    _phrases(w, spec, "not_across", f"{f}.not_across"), absent,
                                    _phrases(w, spec, "named_after", f"{f}.named_after"),
                                    _flag(w, spec, "each", f"{f}.each"),
                                    _pick_before(w, spec, slots, f"{f}.before"),
                                    _count(w, spec, "paragraphs", f"{f}.paragraphs", 0, 3),
                                    _pick_before(w, spec, slots, f"{f}.same_noun", "same_noun"),
                                    _phrases(w, spec, "sentence_lacks", f"{f}.sentence_lacks"),
                                    _phrases(w, spec, "named_before", f"{f}.named_before"),
                                    _phrases(w, spec, "opened_by", f"{f}.opened_by"),
                                    _phrases(w, spec, "not_followed_by", f"{f}.not_followed_by"),
                                    _phrases(w, spec, "not_opened_by", f"{f}.not_opened_by"),
                                    _flag(w, spec, "own_subject", f"{f}.own_subject"),
                                    _pick_before(w, spec, slots, f"{f}.counts_named_in", "counts_named_in"),
                                    sentence_has=_phrases(w, spec, "sentence_has", f"{f}.sentence_has"),
                                    names_subject=_flag(w, spec, "names_subject", f"{f}.names_subject"),
                                    unless_preceded_by=_phrases(w, spec, "unless_preceded_by", f"{f}.unless_preceded_by"),
                                    heading_has=_phrases(w, spec, "heading_has", f"{f}.heading_has"))
            if picks[str(name)].unless_preceded_by and not picks[str(name)].not_preceded_by:
                raise w.error(_line(spec, "unless_preceded_by"), f"{f}.unless_preceded_by", "needs not_preceded_by (it lifts it)")
            if picks[str(name)].paragraphs and pscope != "paragraph":
                raise w.error(_line(spec, "paragraphs"), f"{f}.paragraphs", "needs a paragraph pick (in: paragraph)")
            if picks[str(name)].each and (absent or not node.get("readings")):
                raise w.error(_line(spec, "each"), f"{f}.each", "needs the rule's readings (each figure is a reading of its claim), and no absent")
            if not absent:  # an absent figure is never bound: nothing may name it
                slots.append(str(name))
            if where:
                _check_names(w, where, [*slots, str(name)], _line(spec, "where"), f"{f}.where")
    for cname, c in collect.items():
        if c.after is not None and c.after in picks:  # picked before the collection: it reads the pattern's slots only
            p = picks[c.after]
            cline = _line(node["collect"][cname], "after")
            if p.absent or p.anchor not in (pattern.slots() if pattern else []):
                raise w.error(cline, f"collect.{cname}.after", "a pick named here must be anchored on a pattern slot and not absent")
            if p.where is not None:
                _check_names(w, p.where, [*(pattern.slots() if pattern else []), c.after], _line(node["with"][c.after], "where"),
                             f"with.{c.after}.where")
    where = None
    if "where" in node:
        where = _expr(w, node, "where", "where")
        _check_names(w, where, slots, _line(node, "where"), "where")
    check = derive = None
    if "check" in node:
        c = node["check"]
        if not isinstance(c, LDict):
            raise w.error(_line(node, "check"), "check", "must be a mapping with stated and expected")
        for key in ("stated", "expected"):
            if key not in c:
                raise w.error(c.line, f"check.{key}", "is required")
        for key in c:
            if key not in ("stated", "expected", "relation", "tolerance", "understated"):
                raise w.error(_line(c, key), f"check.{key}", "is no check key (stated, expected, relation, tolerance, understated)")
        stated = _expr(w, c, "stated", "check.stated")
        expected = _expr(w, c, "expected", "check.expected")
        for e, k in ((stated, "stated"), (expected, "expected")):
            _check_names(w, e, slots, _line(c, k), f"check.{k}")
        relation = c.get("relation", "==")
        if relation not in RELATIONS:
            raise w.error(_line(c, "relation"), "check.relation", f"must be one of {' '.join(RELATIONS)}")
        tolerance = _percent(w, c, "tolerance", "check.tolerance") if "tolerance" in c else 0.0
        understated = _percent(w, c, "understated", "check.understated") if "understated" in c else 0.0
        check = Check(stated, expected, relation, tolerance, understated)
    if "derive" in node:
        d = node["derive"]
        if not isinstance(d, LDict) or "value" not in d:
            raise w.error(_line(node, "derive"), "derive", "must be a mapping with value and label")
        value = _expr(w, d, "value", "derive.value")
        _check_names(w, value, slots, _line(d, "value"), "derive.value")
        label = d.get("label", "implied value")
        if not isinstance(label, str):
            raise w.error(_line(d, "label"), "derive.label", "must be text")
        derive = Derive(value, label)
    if (check is None) == (derive is None):
        raise w.error(node.line, "check", "a rule needs exactly one of check or derive")
    message = node.get("message", title)
    if not isinstance(message, str):
        raise w.error(_line(node, "message"), "message", "must be text")
    for ph in re.findall(r"\{([^{}]*)\}", message):
        if ph not in slots and ph not in ("stated", "expected", "deviation", "label"):
            raise w.error(_line(node, "message"), "message", f"unknown placeholder {{{ph}}}")
    blocks = _names(w, node, "blocks", "blocks", BLOCK_KINDS) or frozenset(BLOCK_KINDS)
    readings = node.get("readings", "")
    if not isinstance(readings, str) or (readings and not re.fullmatch(r"[a-z0-9][a-z0-9_.-]*", readings)):
        raise w.error(_line(node, "readings"), "readings", "must name a group of rules (lower-case letters, digits, '-')")
    supersedes = node.get("supersedes", [])
    if isinstance(supersedes, str):
        supersedes = [supersedes]
    if not isinstance(supersedes, list) or not all(isinstance(x, str) and x != rid for x in supersedes):
        raise w.error(_line(node, "supersedes"), "supersedes", "must list the ids of other rules")
    rule = Rule(
        id=rid, title=title.strip(), languages=langs, scope=scope, blocks=blocks, pattern=pattern, collect=collect,
        picks=picks, where=where, check=check, derive=derive, message=message,
        examples=_examples(w, node), file=str(w.path), line=node.line, slots=tuple(slots), readings=readings,
        supersedes=tuple(supersedes), supersedes_line=_line(node, "supersedes") if supersedes else 0,
    )
    _check_classes(w, rule, node)
    return rule


def _check_names(w: _Where, e: expressions.Expr, slots: list[str], line: int, field_: str) -> None:
    for name in e.names():
        if name not in slots:
            raise w.error(line, field_, f"unknown slot '{name}' (slots: {', '.join(slots) or 'none'})")


def _check_classes(w: _Where, rule: Rule, node: LDict) -> None:
    """Every @class a rule uses must exist in the lexicon of each language it names.

    A rule for ``all`` languages needs the class in at least one lexicon; in a
    language whose lexicon lacks it, the rule simply finds nothing.
    """
    used = list(rule.pattern.classes() if rule.pattern else [])
    for c in rule.collect.values():
        used += [p[1:] for p in c.sentence_has + c.not_after + c.sentence_lacks + c.not_before + c.not_after_in_sentence
                 + c.unless_after + c.drop_together + c.not_opened_by if p.startswith("@")]
    field_ = "pattern" if "pattern" in node else "collect"
    for name in used:
        if rule.languages:
            for lang in sorted(rule.languages):
                try:
                    classes = lexicon.load(lang).classes
                except InputError:
                    if lang in lexicon.languages():
                        raise  # a known language whose (house) lexicon is malformed: its own file and line
                    raise w.error(_line(node, "languages"), "languages", f"unknown language '{lang}'") from None
                if name not in classes:
                    raise w.error(_line(node, field_), field_, f"class '@{name}' is not defined in the '{lang}' lexicon")
        elif not any(name in lexicon.load(lang).classes for lang in lexicon.languages()):
            raise w.error(_line(node, field_), field_, f"class '@{name}' is not defined in any lexicon")


def _examples(w: _Where, node: LDict) -> tuple[Example, ...]:
    raw = node.get("examples")
    if raw is None:
        return ()
    if not isinstance(raw, LList):
        raise w.error(_line(node, "examples"), "examples", "must be a list")
    out = []
    for i, ex in enumerate(raw):
        f = f"examples[{i}]"
        if not isinstance(ex, LDict) or not isinstance(ex.get("text"), str):
            raise w.error(raw.lines[i], f"{f}.text", "each example needs a text")
        verdict = ex.get("verdict")
        if verdict not in (*ORDER, "none"):
            raise w.error(_line(ex, "verdict", raw.lines[i]), f"{f}.verdict", f"must be one of {', '.join((*ORDER, 'none'))}")
        d = ex.get("date")
        if d is not None and not isinstance(d, Date):
            try:
                d = Date.fromisoformat(str(d))
            except ValueError:
                raise w.error(_line(ex, "date"), f"{f}.date", f"invalid date {d!r} (expected YYYY-MM-DD)") from None
        out.append(Example(ex["text"], verdict, d, raw.lines[i], str(w.path)))
    return tuple(out)


def _example_file(path: Path, data: LDict) -> dict[str, list[Example]]:
    """Examples kept apart from the rules, one file per language (Duckling-style corpora)."""
    w = _Where(path)
    node = data["examples"]
    if not isinstance(node, LDict):
        raise w.error(_line(data, "examples"), "examples", "must map rule ids to lists of examples")
    out: dict[str, list[Example]] = {}
    for rid, items in node.items():
        holder = LDict({"examples": items})
        holder.line = _line(node, rid)
        holder.lines = {"examples": _line(node, rid)}
        out[str(rid)] = list(_examples(_Where(path, str(rid)), holder))
    return out


def load_file(path: Path) -> list[Rule]:
    data = load_yaml(path)
    w = _Where(path)
    if isinstance(data, LDict) and "examples" in data and "rules" not in data:
        return []  # an example corpus: attached by load()
    if isinstance(data, LDict) and "rules" in data:
        items = data["rules"]
        if not isinstance(items, LList):
            raise w.error(_line(data, "rules"), "rules", "must be a list of rules")
    elif isinstance(data, LList):
        items = data
    elif data is None:
        return []
    else:
        raise w.error(1, "rules", "a rule file holds a list of rules (or a 'rules:' list)")
    return [_rule(w, item, items.lines[i]) for i, item in enumerate(items)]


def builtin_dir() -> Path:
    return lexicon.builtin_root() / "checks"


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*.y*ml") if p.suffix in (".yaml", ".yml"))
    if not path.exists():
        raise InputError(f"{path}: no such rule file or folder")
    return [path]


@lru_cache(maxsize=8)
def _load_cached(paths: tuple[str, ...]) -> tuple[Rule, ...]:
    """The rules of the paths, from the parsed-rules cache when it holds them.

    Parsing and validating them took 0.7 of a one-article run's 1.2 s. What they
    are read from: the rule files, and the lexicons their classes are checked
    against (built-in and ``FACTCHECK_LEXICONS``).
    """
    sources = lexicon.sources()
    for p in paths:
        sources += _files(Path(p))
    return cache.cached("rules", sources, lambda: _parse_all(paths),
                        lambda got: isinstance(got, tuple) and all(isinstance(r, Rule) for r in got))


def _parse_all(paths: tuple[str, ...]) -> tuple[Rule, ...]:
    rules: list[Rule] = []
    seen: dict[str, str] = {}
    corpora: list[tuple[Path, LDict]] = []
    for p in paths:
        for f in _files(Path(p)):
            data = load_yaml(f)
            if isinstance(data, LDict) and "examples" in data and "rules" not in data:
                corpora.append((f, data))
                continue
            found = load_file(f)
            if not found and Path(p).is_file():  # named by the user, yet it checks nothing: a mistake
                raise _Where(f).error(1, "rules", "no rules in this file (a rule file holds a list of rules or a 'rules:' list)")
            for r in found:
                if r.id in seen:
                    raise InputError(f"{f}:{r.line}: rule '{r.id}': field 'id': already defined in {seen[r.id]}")
                seen[r.id] = f"{f}:{r.line}"
                rules.append(r)
    by_id = {r.id: i for i, r in enumerate(rules)}
    for r in rules:
        for other in r.supersedes:
            if other not in by_id:
                raise InputError(f"{r.file}:{r.supersedes_line}: rule '{r.id}': field 'supersedes': no rule with id '{other}'")
    for f, data in corpora:
        for rid, examples in _example_file(f, data).items():
            if rid not in by_id:
                line = _line(data["examples"], rid)
                raise InputError(f"{f}:{line}: field 'examples.{rid}': no rule with id '{rid}'")
            i = by_id[rid]
            rules[i] = replace(rules[i], examples=rules[i].examples + tuple(examples))
    return tuple(rules)


def load(extra: list[str] | tuple[str, ...] | None = None, *, builtin: bool = True) -> tuple[Rule, ...]:
    """Built-in rules, then those of ``FACTCHECK_RULES`` and ``extra`` paths (files or folders)."""
    paths: list[str] = [str(builtin_dir())] if builtin else []
    paths += [p for p in os.environ.get("FACTCHECK_RULES", "").split(os.pathsep) if p]
    paths += [str(p) for p in (extra or [])]
    return _load_cached(tuple(paths))
