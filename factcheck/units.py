"""Which sentences (or paragraphs) of a document may hold a rule's match, as bit sets.

A match needs, of its unit: the language the rule serves, a block of the kinds it
names, enough figures, figures passing its slots' tests (``figure_tests``), and the
words its pattern ``needs`` (classes, literal words). Each of those is a set of
units worked out once per document — per language, per block kind, per figure
count, per slot test, per word — and a rule's candidate units are their
intersection: a few integer ``&`` per rule and language rather than a pass over
the units per rule. The sets are ints, bit ``u`` standing for unit ``u``.

The words are looked up in every language of the document at once: a class begins
only in the blocks of a language whose lexicon holds it (``class_starts`` reads each
block language's own vocabulary), and a unit lies in one block, so the class's
places in all languages, kept to the units of one language, are its places in
that language. A literal reads alike in all.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Collection, Iterable

from .model import Figure
from .patterns import FigureTest, class_starts, need_starts
from .tokens import Stream


def bits(mask: int) -> list[int]:
    """The units of a set, in order."""
    out: list[int] = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


_NONE: frozenset[int] = frozenset()


def class_starts_anywhere(stream: Stream, languages: Iterable[str]) -> dict[str, frozenset[int]]:
    """Every class → the token indices where one of its phrases may begin, in the
    blocks of whichever of the ``languages`` (those of the document's blocks) holds it:
    the languages' tables (``class_starts``) merged once per document, as the indexes
    ask for a class in every language at once."""
    got = stream.cache.get("class-starts-anywhere")
    if got is None:
        got = {}
        for lang in languages:
            for name, starts in class_starts(stream, lang).items():
                have = got.get(name)
                got[name] = starts if have is None else have | starts
        stream.cache["class-starts-anywhere"] = got
    return got  # type: ignore[return-value]


class UnitIndex:
    """The units of one scope (sentences, or blocks for paragraph rules) of one
    document, indexed by what a rule may ask of them."""

    def __init__(self, stream: Stream, block_kind: dict[int, str], block_lang: dict[int, str],
                 figure_positions: list[int], sentence_scope: bool) -> None:
        self.stream = stream
        self.sentence_scope = sentence_scope
        toks = stream.tokens
        self.of_lang: dict[str, int] = {}
        self._of_block_kind: dict[str | None, int] = {}
        if sentence_scope:
            units = [(si, toks[s].block) for si, (s, e) in enumerate(stream.sentence_ranges) if s < e]
        else:
            units = [(b, b) for b in stream.block_ranges]
        for unit, block in units:
            bit = 1 << unit
            lang = block_lang.get(block, "")
            self.of_lang[lang] = self.of_lang.get(lang, 0) | bit
            kind = block_kind.get(block)
            self._of_block_kind[kind] = self._of_block_kind.get(kind, 0) | bit
        # The figure tokens of each unit, in order; and the figure tokens grouped by
        # what a slot's test reads of them (``FigureTest.facts``): a test is tried on
        # each group once, not on each figure.
        self.figures: dict[int, list[int]] = {}
        self._alike: dict[tuple[object, ...], tuple[Figure, str | None, list[int]]] = {}
        for i in figure_positions:
            t = toks[i]
            fig: Figure = t.figure  # type: ignore[assignment]
            unit = t.sentence if sentence_scope else t.block
            self.figures.setdefault(unit, []).append(i)
            kind = block_kind.get(t.block)
            facts = FigureTest.facts(fig, kind)
            group = self._alike.get(facts)
            if group is None:
                self._alike[facts] = (fig, kind, [i])
            else:
                group[2].append(i)
        self._enough_figures: dict[tuple[int, frozenset[str]], int] = {}
        self._passing_figures: dict[frozenset[FigureTest], tuple[int, list[int]]] = {}
        # per atom and per clause: the units (a mask), and, asked for later and by
        # fewer rules, the token indices in order (``chain_limit``)
        self._clause_any: dict[frozenset[str], int] = {}
        self._atom_any: dict[str, int] = {}
        self._met_at: dict[frozenset[str] | frozenset[FigureTest], list[int]] = {}
        # the unit of each token, and the token range of each unit
        self._unit_of = [t.sentence for t in toks] if sentence_scope else [t.block for t in toks]
        self._ranges = stream.sentence_ranges if sentence_scope else stream.block_ranges

    def with_figures(self, fewest: int, blocks: frozenset[str], tests: tuple[frozenset[FigureTest], ...]) -> int:
        """The units in a block of one of the kinds ``blocks``, holding at least
        ``fewest`` figures and, for each clause of ``tests``, a figure passing one of
        its tests."""
        mask = self._enough(fewest, blocks)
        for clause in tests:
            if not mask:
                break
            mask &= self._passing(clause)[0]
        return mask

    def clause_anywhere(self, atoms: frozenset[str]) -> int:
        """The units where one of the atoms (classes, "=word" literals) may begin, in
        whichever language, once per document and clause. Kept to the units of one
        language, the units where the atoms begin in that language (see the module's
        docstring): no clause is looked up again per language."""
        got = self._clause_any.get(atoms)
        if got is None:
            got = 0
            for atom in atoms:
                got |= self._atom_anywhere(atom)
            self._clause_any[atoms] = got
        return got

    def _atom_anywhere(self, atom: str) -> int:
        """The units where the atom may begin, in whichever language (a literal reads
        alike in all), once per document and atom: shared by the clauses holding it."""
        got = self._atom_any.get(atom)
        if got is None:
            positions = self._atom_positions(atom)
            got = self._atom_any[atom] = self._mask(positions) if positions else 0
        return got

    def chain_limit(self, chain: tuple[tuple[frozenset[str] | frozenset[FigureTest], ...], ...],
                    first: int, end: int) -> int:
        """The last token before ``end`` a match may start at, given the first it may
        start at and what the pattern's top-level elements need in order (``Rule.chain``):
        -1 when they cannot all be met in that order.

        Each element's words and figures stand inside its span, and the spans follow
        each other: what an element needs stands after something of each clause of the
        element before. Forward from ``first``, each clause must be met after the
        element before; backward from ``end``, an element starts no later than the last
        place each of its clauses is met before the element after, and the match no
        later than its first element. An exact pre-filter, as the plan's clauses are,
        but one that reads their order too. The words' places are those of every
        language: ``first`` and ``end`` bound a unit of one (the module's docstring)."""
        # each clause's positions looked up as the forward pass reaches it: most chains
        # fail on an early element, and the later ones' positions are then never needed
        met: list[list[list[int]]] = []
        p = first
        for item in chain:
            row = [self._met(clause) for clause in item]
            met.append(row)
            nxt = p
            for positions in row:
                k = bisect_left(positions, p)
                if k == len(positions) or positions[k] >= end:
                    return -1
                if positions[k] >= nxt:
                    nxt = positions[k] + 1
            p = nxt
        hi = end
        for row in reversed(met):
            m = hi
            for positions in row:
                k = bisect_left(positions, hi) - 1
                if positions[k] < m:
                    m = positions[k]
            hi = m
        return hi if hi < end else end - 1

    def _met(self, clause: frozenset[str] | frozenset[FigureTest]) -> list[int]:
        """The token indices where a clause of a chain is met, in order: ``_passing`` for
        figures, ``_positions`` for words. Once per document and clause, shared by the
        chains holding it."""
        got = self._met_at.get(clause)
        if got is None:
            got = self._met_at[clause] = (self._passing(clause)[1] if isinstance(next(iter(clause)), FigureTest)  # type: ignore[arg-type]
                                          else self._positions(clause))  # type: ignore[arg-type]
        return got

    def _enough(self, fewest: int, blocks: frozenset[str]) -> int:
        """The units in a block of one of the kinds, holding at least ``fewest`` figures."""
        key = (fewest, blocks)
        got = self._enough_figures.get(key)
        if got is None:
            got = 0
            for kind in blocks:
                got |= self._of_block_kind.get(kind, 0)
            if fewest > 0:
                enough = 0
                for unit, figs in self.figures.items():
                    if len(figs) >= fewest:
                        enough |= 1 << unit
                got &= enough
            self._enough_figures[key] = got
        return got

    def _passing(self, tests: frozenset[FigureTest]) -> tuple[int, list[int]]:
        """The units holding a figure that passes one of the slot tests, and those
        figure tokens, in order. Shared by the rules whose slots ask alike."""
        got = self._passing_figures.get(tests)
        if got is None:
            positions: list[int] = []
            for fig, block_kind, alike in self._alike.values():
                if any(test.accepts(fig, block_kind) for test in tests):
                    positions += alike
            positions.sort()
            got = self._passing_figures[tests] = (self._mask(positions), positions)
        return got

    def _positions(self, atoms: frozenset[str]) -> list[int]:
        """The token indices where one of the atoms may begin, in order. Only the
        rules that pass every unit test ask for them: worked out apart from the
        masks, which every rule asks for. Token indices, whatever the scope: kept in
        the stream's cache, shared by the sentence and the paragraph index."""
        key = ("clause-positions", atoms)
        cache = self.stream.cache
        got = cache.get(key)
        if got is None:
            got = cache[key] = sorted(set().union(*map(self._atom_positions, atoms)))
        return got  # type: ignore[return-value]

    def _atom_positions(self, atom: str) -> Collection[int]:
        """The token indices where the atom may begin, in any language: a literal's
        (``need_starts``, alike in all), or a class's (``class_starts_anywhere``)."""
        if atom[0] == "=":
            return need_starts(self.stream, "", atom)
        return class_starts_anywhere(self.stream, self.of_lang).get(atom, _NONE)

    def _mask(self, positions: Iterable[int]) -> int:
        """The units of the tokens."""
        mask = 0
        for unit in set(map(self._unit_of.__getitem__, positions)):
            mask |= 1 << unit
        return mask
