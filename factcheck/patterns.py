"""Pattern elements and the matcher that binds figures to a rule's slots.

A pattern is a sequence of elements over the token stream: literal words
(accent- and case-insensitive, ``*`` for a stem, rapidfuzz for inflections),
lexicon classes (``@rise``), typed figure slots, bounded gaps, optional parts and
alternatives. The matcher backtracks, which is cheap because patterns are short
and run only on sentences holding enough figures.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from dataclasses import dataclass

from rapidfuzz import fuzz

from . import lexicon
from .model import Figure
from .tokens import Stream, Token, phrase_words

FUZZY_MIN_LENGTH = 6
FUZZY_SCORE = 88.0

Bindings = Mapping[str, "Figure | tuple[Figure, ...]"]


def word_matches(pattern: str, tok: Token) -> bool:
    token = tok.norm if pattern.isascii() else tok.lower
    if not token:
        return False
    if pattern.endswith("*"):
        return token.startswith(pattern[:-1])
    if pattern == token:
        return True
    # Inflections ("augmentée", "augmentés") without listing them: only for long
    # words, where a near spelling cannot be another common word.
    return (
        len(pattern) >= FUZZY_MIN_LENGTH
        and len(token) >= FUZZY_MIN_LENGTH
        and token[:4] == pattern[:4]
        and fuzz.ratio(pattern, token) >= FUZZY_SCORE
    )


def match_words(words: tuple[str, ...], tokens: tuple[Token, ...], i: int, end: int) -> int:
    """End index if ``words`` match the tokens from ``i``, else -1."""
    j = i
    for w in words:
        if j >= end or not word_matches(w, tokens[j]):
            return -1
        j += 1
    return j


class Element:
    """One pattern element. ``match`` yields (next token index, bindings)."""

    def match(self, ctx: Context, i: int, bound: dict[str, object]) -> Iterator[tuple[int, dict[str, object]]]:
        raise NotImplementedError

    def slots(self) -> list[str]:
        return []

    def classes(self) -> list[str]:
        return []

    def requirements(self) -> list[frozenset[str]]:
        """Figure kinds a sentence must hold for this element to match (a cheap pre-filter)."""
        return []

    def first_starts(self, ctx: Context) -> frozenset[int] | None:
        """Token indices where a match may begin, or None when any may."""
        return None


@dataclass(frozen=True)
class Context:
    tokens: tuple[Token, ...]
    end: int
    language: str
    block_kind: str = "paragraph"
    memo: dict[tuple[str, str, int], tuple[int, ...]] | None = None  # class matches, shared by rules
    stream: Stream | None = None


@dataclass(frozen=True)
class Literal(Element):
    words: tuple[str, ...]

    def match(self, ctx: Context, i: int, bound: dict[str, object]) -> Iterator[tuple[int, dict[str, object]]]:
        j = match_words(self.words, ctx.tokens, i, ctx.end)
        if j >= 0:
            yield j, bound

    def first_starts(self, ctx: Context) -> frozenset[int] | None:
        if ctx.stream is None or " " in self.words[0]:
            return None
        return phrase_starts(ctx.stream, ctx.language, "=" + " ".join(self.words))


@dataclass(frozen=True)
class WordClass(Element):
    name: str

    def match(self, ctx: Context, i: int, bound: dict[str, object]) -> Iterator[tuple[int, dict[str, object]]]:
        if i >= ctx.end:
            return
        key = (ctx.language, self.name, i)
        ends = ctx.memo.get(key) if ctx.memo is not None else None
        if ends is None:
            found: list[int] = []
            if ctx.stream is None or i in phrase_starts(ctx.stream, ctx.language, self.name):
                for words in _class_index(ctx.language, self.name).candidates(ctx.tokens[i]):
                    j = match_words(words, ctx.tokens, i, len(ctx.tokens))
                    if j >= 0 and j not in found:
                        found.append(j)
            ends = tuple(found)
            if ctx.memo is not None:
                ctx.memo[key] = ends  # misses too: most tokens start no phrase
        for j in ends:
            if j <= ctx.end:
                yield j, bound

    def classes(self) -> list[str]:
        return [self.name]

    def first_starts(self, ctx: Context) -> frozenset[int] | None:
        return phrase_starts(ctx.stream, ctx.language, self.name) if ctx.stream is not None else None


@lru_cache(maxsize=None)
def _first_word_table(language: str) -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]], tuple[tuple[str, str], ...]]:
    """For one language: first word of each class phrase → classes, split into words
    written without accents (compared accent-free), with accents, and stems ("augment*")."""
    plain: dict[str, set[str]] = {}
    accented: dict[str, set[str]] = {}
    stems: list[tuple[str, str]] = []
    try:
        classes = lexicon.load(language).classes
    except Exception:  # noqa: BLE001 - an unknown language has no classes
        classes = {}
    for name, phrases in classes.items():
        for words in phrases:
            w = words[0]
            if w.endswith("*"):
                stems.append((w[:-1], name))
            else:
                (plain if w.isascii() else accented).setdefault(w, set()).add(name)
    return ({k: frozenset(v) for k, v in plain.items()}, {k: frozenset(v) for k, v in accented.items()}, tuple(stems))


@lru_cache(maxsize=None)
def _fuzzy_table(language: str) -> dict[str, tuple[tuple[str, frozenset[str]], ...]]:
    """Long first words of class phrases by their first four letters."""
    plain, accented, _ = _first_word_table(language)
    table: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for words in (plain, accented):
        for w, names in words.items():
            if len(w) >= FUZZY_MIN_LENGTH:
                table.setdefault(w[:4], []).append((w, names))
    return {k: tuple(v) for k, v in table.items()}


@lru_cache(maxsize=200_000)
def _word_classes(language: str, norm_word: str, lower_word: str) -> frozenset[str]:
    """The classes whose phrases may begin with this word: exact, by stem, or by a close
    spelling (the fuzzy match, for inflections). Depends on the word alone, so it is
    worked out once per word and language, not once per token."""
    plain, accented, stems = _first_word_table(language)
    names: set[str] = set()
    names |= plain.get(norm_word, frozenset())
    names |= accented.get(lower_word, frozenset())
    for stem, name in stems:
        if norm_word.startswith(stem) or lower_word.startswith(stem):
            names.add(name)
    # a class word written without accents is compared accent-free, one with accents as written
    fuzzy = _fuzzy_table(language)
    if len(norm_word) >= FUZZY_MIN_LENGTH:
        for w, ws in fuzzy.get(norm_word[:4], ()):
            if w.isascii() and w != norm_word and fuzz.ratio(w, norm_word) >= FUZZY_SCORE:
                names |= ws
    if len(lower_word) >= FUZZY_MIN_LENGTH:
        for w, ws in fuzzy.get(lower_word[:4], ()):
            if not w.isascii() and w != lower_word and fuzz.ratio(w, lower_word) >= FUZZY_SCORE:
                names |= ws
    return frozenset(names)


def _class_starts(stream: Stream, language: str) -> dict[str, frozenset[int]]:
    """Every class of ``language`` → token indices where one of its phrases may begin."""
    key = ("class-starts", language)
    got = stream.cache.get(key)
    if got is not None:
        return got  # type: ignore[return-value]
    found: dict[str, set[int]] = {}
    langs = stream.block_languages
    for i, t in enumerate(stream.tokens):
        if not t.norm or langs.get(t.block, language) != language:
            continue
        for name in _word_classes(language, t.norm, t.lower):
            found.setdefault(name, set()).add(i)
    result = {name: frozenset(idx) for name, idx in found.items()}
    stream.cache[key] = result
    return result


def phrase_starts(stream: Stream, language: str, name: str) -> frozenset[int]:
    """Token indices where a phrase of class ``name`` (or literal "=words") may start."""
    if not name.startswith("="):
        return _class_starts(stream, language).get(name, frozenset())
    key = ("literal-starts", name)
    got = stream.cache.get(key)
    if got is None:
        first = name[1:].split(" ")[0]
        got = frozenset(i for i, t in enumerate(stream.tokens)
                        if t.figure is None and word_matches(first, t))
        stream.cache[key] = got
    return got  # type: ignore[return-value]


def figure_starts(stream: Stream) -> frozenset[int]:
    got = stream.cache.get("figures")
    if got is None:
        got = stream.cache["figures"] = frozenset(i for i, t in enumerate(stream.tokens) if t.figure is not None)
    return got  # type: ignore[return-value]


class _ClassIndex:
    """A class's phrases indexed by their first word, so that a token is tried only
    against the phrases that could start there (exact word, stem, or near spelling)."""

    def __init__(self, phrases: tuple[tuple[str, ...], ...]) -> None:
        self.exact: dict[str, list[tuple[str, ...]]] = {}
        self.stems: list[tuple[str, tuple[str, ...]]] = []
        self.fuzzy: dict[str, list[tuple[str, ...]]] = {}
        for words in phrases:
            first = words[0]
            if first.endswith("*"):
                self.stems.append((first[:-1], words))
                continue
            self.exact.setdefault(first, []).append(words)
            if len(first) >= FUZZY_MIN_LENGTH:
                self.fuzzy.setdefault(first[:4], []).append(words)

    def candidates(self, tok: Token) -> list[tuple[str, ...]]:
        if not tok.norm:
            return []
        out = list(self.exact.get(tok.norm, ()))
        if tok.lower != tok.norm:
            out += self.exact.get(tok.lower, ())
        out += [w for stem, w in self.stems if tok.norm.startswith(stem) or tok.lower.startswith(stem)]
        if len(tok.norm) >= FUZZY_MIN_LENGTH:
            out += self.fuzzy.get(tok.norm[:4], ())
            if tok.lower[:4] != tok.norm[:4]:
                out += self.fuzzy.get(tok.lower[:4], ())
        return out


_INDEXES: dict[tuple[str, str], _ClassIndex] = {}


def _class_index(language: str, name: str) -> _ClassIndex:
    key = (language, name)
    index = _INDEXES.get(key)
    if index is None:
        index = _INDEXES[key] = _ClassIndex(lexicon.word_class(language, name))
    return index


@dataclass(frozen=True)
class FigureTest:
    """What a figure must be to fill a slot."""

    kinds: frozenset[str]  # empty: any kind
    units: frozenset[str]  # empty: any unit; "money" kinds accept "*" for any currency
    hedged: bool | None = None
    blocks: frozenset[str] = frozenset()  # block kinds: title, paragraph, caption
    sign: str | None = None  # "positive" | "negative"

    def accepts(self, fig: Figure, block_kind: str | None = None) -> bool:
        if self.kinds and fig.kind not in self.kinds:
            return False
        if self.units and fig.unit not in self.units:
            return False
        if self.hedged is not None and (fig.hedge is not None and fig.hedge != "range") != self.hedged:
            return False
        if self.blocks and block_kind is not None and block_kind not in self.blocks:
            return False
        if self.sign == "positive" and fig.value < 0 or self.sign == "negative" and fig.value >= 0:
            return False
        return True


@dataclass(frozen=True)
class Slot(Element):
    name: str
    test: FigureTest
    repeat: int = 0  # 0: one figure; N: one or more, joined by links of at most N words

    def match(self, ctx: Context, i: int, bound: dict[str, object]) -> Iterator[tuple[int, dict[str, object]]]:
        if i >= ctx.end:
            return
        fig = ctx.tokens[i].figure
        if fig is None or not self.test.accepts(fig, ctx.block_kind):
            return
        if not self.repeat:
            yield i + 1, {**bound, self.name: fig}
            return
        # one or more figures joined by short links ("18 % et 8,8 %", "A, B and C")
        figs = [fig]
        j = i + 1
        ends = [(j, tuple(figs))]
        while j < ctx.end:
            k = j
            while k < ctx.end and k - j < self.repeat and ctx.tokens[k].figure is None:
                k += 1
            if k < ctx.end and k > j and ctx.tokens[k].figure is not None and self.test.accepts(ctx.tokens[k].figure):
                figs.append(ctx.tokens[k].figure)  # type: ignore[arg-type]
                j = k + 1
                ends.append((j, tuple(figs)))
            else:
                break
        for j, group in reversed(ends):  # longest first
            yield j, {**bound, self.name: group}

    def slots(self) -> list[str]:
        return [self.name]

    def requirements(self) -> list[frozenset[str]]:
        return [self.test.kinds] if self.test.kinds else []

    def first_starts(self, ctx: Context) -> frozenset[int] | None:
        return figure_starts(ctx.stream) if ctx.stream is not None else None


@dataclass(frozen=True)
class Gap(Element):
    """Up to ``most`` tokens of anything (figures only when ``figures`` is set)."""

    most: int
    figures: bool = False
    stop: tuple[tuple[str, ...], ...] = ()  # words the gap may not cross (a comma in a list)
    stop_classes: tuple[str, ...] = ()  # classes it may not cross (@clause_break: "while", "alors que")

    def match(self, ctx: Context, i: int, bound: dict[str, object]) -> Iterator[tuple[int, dict[str, object]]]:
        for j in self.positions(ctx, i):
            yield j, bound

    def classes(self) -> list[str]:
        return list(self.stop_classes)

    def positions(self, ctx: Context, i: int) -> list[int]:
        """Where the gap may end, shortest first (breadth-first, each once). An aside in
        brackets may be stepped over as one word, whatever it holds ("41.000 millones de
        euros (unos 45.700 millones de dólares), un 9 % más"), or entered ("(Vorjahr: 3,7
        Mrd.)")."""
        tokens = ctx.tokens
        out: list[int] = []
        seen: set[int] = set()
        frontier = [i]
        steps = 0
        while frontier:
            following: list[int] = []
            for j in frontier:
                if j in seen:
                    continue
                seen.add(j)
                out.append(j)
                if j >= ctx.end or steps >= self.most:
                    continue
                tok = tokens[j]
                fig = tok.figure
                blocked = (fig is not None and not self.figures and not _context_figure(fig)) or (
                    bool(self.stop) and any(match_words(words, tokens, j, ctx.end) >= 0 for words in self.stop)) or (
                    bool(self.stop_classes) and any(next(WordClass(c).match(ctx, j, {}), None) is not None
                                                    for c in self.stop_classes))
                if not blocked:
                    following.append(j + 1)
                if tok.norm == "(" and not self.figures:
                    close = _closing_bracket(ctx, j)
                    if close is not None:
                        following.append(close + 1)
            frontier = following
            steps += 1
        return out


_TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "quarter"})


def _context_figure(fig: Figure) -> bool:
    """Ordinals ("la première fois") and durations ("l'an dernier", "en un an") read as
    words between the figures a rule links: a gap may cross them."""
    return fig.kind == "ordinal" or (fig.kind == "quantity" and fig.unit in _TIME_UNITS)


def _closing_bracket(ctx: Context, j: int, longest: int = 16) -> int | None:
    """Index of the ")" closing the "(" at ``j``, if near and in the same sentence."""
    depth = 0
    for k in range(j, min(ctx.end, j + longest)):
        word = ctx.tokens[k].norm
        if word == "(":
            depth += 1
        elif word == ")":
            depth -= 1
            if depth == 0:
                return k
    return None


@dataclass(frozen=True)
class Sequence(Element):
    items: tuple[Element, ...]

    def match(self, ctx: Context, i: int, bound: dict[str, object]) -> Iterator[tuple[int, dict[str, object]]]:
        yield from self._from(ctx, 0, i, bound)

    def _from(self, ctx: Context, k: int, i: int, bound: dict[str, object]) -> Iterator[tuple[int, dict[str, object]]]:
        if k == len(self.items):
            yield i, bound
            return
        for j, b in self.items[k].match(ctx, i, bound):
            yield from self._from(ctx, k + 1, j, b)

    def slots(self) -> list[str]:
        return [s for it in self.items for s in it.slots()]

    def requirements(self) -> list[frozenset[str]]:
        return [r for it in self.items for r in it.requirements()]

    def first_starts(self, ctx: Context) -> frozenset[int] | None:
        return self.items[0].first_starts(ctx) if self.items else None

    def required_classes(self) -> list[str]:
        """Classes every match must contain: a sentence without one of them is skipped."""
        return [it.name for it in self.items if isinstance(it, WordClass)]

    def classes(self) -> list[str]:
        return [c for it in self.items for c in it.classes()]


@dataclass(frozen=True)
class Optional(Element):
    inner: Sequence

    def match(self, ctx: Context, i: int, bound: dict[str, object]) -> Iterator[tuple[int, dict[str, object]]]:
        yield from self.inner.match(ctx, i, bound)
        yield i, bound

    def slots(self) -> list[str]:
        return self.inner.slots()

    def classes(self) -> list[str]:
        return self.inner.classes()


@dataclass(frozen=True)
class Choice(Element):
    options: tuple[Sequence, ...]

    def match(self, ctx: Context, i: int, bound: dict[str, object]) -> Iterator[tuple[int, dict[str, object]]]:
        for opt in self.options:
            yield from opt.match(ctx, i, bound)

    def slots(self) -> list[str]:
        return [s for o in self.options for s in o.slots()]

    def classes(self) -> list[str]:
        return [c for o in self.options for c in o.classes()]


MAX_ALTERNATIVES = 24


def find_all(pattern: Sequence, ctx: Context, start: int,
             accept: Callable[[dict[str, object]], bool] = lambda b: True,
             positions: list[int] | None = None) -> Iterator[tuple[int, int, dict[str, object]]]:
    """Leftmost, non-overlapping matches of ``pattern`` between ``start`` and ``ctx.end``.

    At each position the matcher's alternatives (longest repeat first, shortest gap
    first) are offered to ``accept`` in turn: a binding the rule cannot use (no figure
    to pick, a failed ``where``) lets the next alternative try, as a reader would.
    """
    if positions is None:
        starts = pattern.first_starts(ctx)
        if starts is None:
            candidates: Iterable[int] = range(start, ctx.end)
        else:
            candidates = sorted(i for i in starts if start <= i < ctx.end)
    else:
        candidates = positions
    i = start
    for pos in candidates:
        if pos < i:
            continue
        for n, (end, bound) in enumerate(pattern.match(ctx, pos, {})):
            if n >= MAX_ALTERNATIVES:
                break
            if end > pos and accept(bound):
                yield pos, end, bound
                i = end
                break
