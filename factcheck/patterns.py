"""Pattern elements and the matcher that binds figures to a rule's slots.

A pattern is a sequence of elements over the token stream: literal words
(accent- and case-insensitive, ``*`` for a stem, rapidfuzz for inflections),
lexicon classes (``@rise``), typed figure slots, bounded gaps, optional parts and
alternatives. The matcher backtracks, which is cheap because patterns are short
and run only on sentences holding enough figures.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Sequence as Seq
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import TypeVar

from rapidfuzz import fuzz

from . import lexicon
from .figures import DURATION_CODES
from .model import Figure
from .tokens import Stream, Token, phrase_words

_SIGNS = "+-−–"  # a sign written before the digits ("+40 %", "−3 %")

T = TypeVar("T")

FUZZY_MIN_LENGTH = 6
FUZZY_SCORE = 88.0


@cache
def _exact_words() -> frozenset[str]:
    """Words no near spelling stands for (common.yaml ``exact_words``): a word one letter
    from its opposite ("dessus", "dessous") would otherwise match it as an inflection."""
    words = [str(w) for w in lexicon.common().get("exact_words", []) or []]
    return frozenset(w for word in words for w in phrase_words(word) if len(w) > 1)


@cache
def _figure_prepositions() -> frozenset[str]:
    """Classes whose phrase governs the figure right after it (common.yaml ``figure_prepositions``)."""
    return frozenset(str(c) for c in lexicon.common().get("figure_prepositions", []) or [])


def _fuzzy_ok(pattern: str, token: str) -> bool:
    """Whether a long word's near spelling is an inflection of it: same first four letters,
    rapidfuzz's ratio at least FUZZY_SCORE, and neither word one of the exact words."""
    return (
        len(pattern) >= FUZZY_MIN_LENGTH
        and len(token) >= FUZZY_MIN_LENGTH
        and token[:4] == pattern[:4]
        and fuzz.ratio(pattern, token) >= FUZZY_SCORE
        and pattern not in _exact_words() and token not in _exact_words()
    )


@lru_cache(maxsize=262_144)
def _word_ok(pattern: str, norm: str, lower: str) -> bool:
    """Whether a pattern word matches a token, given the token's two spellings (without
    accents when the pattern word has none, with them otherwise). Memoised: it depends
    on the words alone, and the same pattern words meet the same text words again and again."""
    token = norm if pattern.isascii() else lower
    if not token:
        return False
    if pattern.endswith("*"):
        return token.startswith(pattern[:-1])
    if pattern == token:
        return True
    # Inflections ("augmentée", "augmentés") without listing them: only for long
    # words, where a near spelling is seldom another common word (those that are, listed)
    return _fuzzy_ok(pattern, token)


def match_words(words: tuple[str, ...], tokens: tuple[Token, ...], i: int, end: int) -> int:
    """End index if ``words`` match the tokens from ``i``, else -1.

    Words are whole words: a match that a hyphen glues to more letters after it is the
    head of a compound ("after-tax profit" holds no "after", "year-on-year" no "year
    on"). Glued before, it is the compound's last part and keeps its sense: a
    "Smartphone-Markt" is a market."""
    j = i
    for w in words:
        if j >= end:
            return -1
        t = tokens[j]
        # a lone "*" is any one word or mark, or a duration written as a word ("after
        # nine-month revenue reached": the "nine-month" is a figure, a period, no amount);
        # a lone "#" is a duration only ("nach #" is "nach neun Monaten", a time, no base)
        if t.figure is not None and (w == "*" or w == "#") and is_duration(t.figure):
            j += 1
            continue
        if w == "#":
            return -1
        # a lone "$" is one figure, no duration: "of $" opens "Of last year's £36m turnover, …"
        if w == "$":
            if t.figure is None or is_duration(t.figure):
                return -1
            j += 1
            continue
        if not _word_ok(w, t.norm, t.lower):
            return -1
        j += 1
    if _glued_on(tokens, j - 1, j):
        return -1
    return j


def _glued_on(tokens: tuple[Token, ...], k: int, h: int) -> bool:
    """Whether the word at ``k`` continues through a hyphen at ``h = k + 1`` into
    another word, with no space between: the head of a compound."""
    if h + 1 >= len(tokens) or k < 0 or tokens[h].lower != "-" or not tokens[k].norm.isalpha():
        return False
    return tokens[k].end == tokens[h].start and tokens[h].end == tokens[h + 1].start and tokens[h + 1].norm.isalpha()


def _words(stream: Stream) -> list[tuple[str, str, list[int]]]:
    """Every distinct word of the document as (norm, lower, token indices), all
    languages together (a word used in two languages comes twice), once per document."""
    got = stream.cache.get("words")
    if got is None:
        toks = stream.tokens
        got = stream.cache["words"] = [(toks[idx[0]].norm, lw, idx)
                                       for words in stream.vocabulary.values() for lw, idx in words.items()]
    return got  # type: ignore[return-value]


def _prefix_index(stream: Stream, accented: bool) -> dict[str, list[tuple[str, str, list[int]]]]:
    """The document's words by the first four letters of their normal form (or,
    ``accented``, of their lower-case form), once per document. Every way a pattern
    word matches (equal, stem of four letters or more, near spelling) needs those four equal."""
    key = ("prefixes", accented)
    got = stream.cache.get(key)
    if got is None:
        index: dict[str, list[tuple[str, str, list[int]]]] = {}
        for word in _words(stream):
            p = word[1 if accented else 0][:4]
            same = index.get(p)
            if same is None:
                index[p] = [word]
            else:
                same.append(word)
        got = stream.cache[key] = index
    return got  # type: ignore[return-value]


def _tokens_matching(stream: Stream, word: str) -> list[int]:
    """Indices of the tokens ``word`` matches (``_word_ok``), in any order: each
    distinct word of the document is tried once."""
    stem = word[:-1] if word.endswith("*") else None
    if stem is None and len(word) < FUZZY_MIN_LENGTH:
        return _tokens_spelled(stream, word)
    if stem is not None and len(stem) < 4:
        candidates: Iterable[tuple[str, str, list[int]]] = _words(stream)
    else:
        candidates = _prefix_index(stream, not word.isascii()).get(word[:4], ())
    out: list[int] = []
    for n, lw, idx in candidates:
        if _word_ok(word, n, lw):
            out += idx
    return out


def _tokens_spelled(stream: Stream, word: str) -> list[int]:
    """Indices of the tokens a short word (no stem, too short for a near spelling)
    matches: those spelled as it is, found in the vocabulary rather than by trying
    the document's words. A word written with accents meets the tokens' own
    spelling; one without, their spelling without accents: the tokens spelled
    alike, and those whose accents drop to it ("à" for "a")."""
    out: list[int] = []
    for words in stream.vocabulary.values():
        out += words.get(word, ())
    if word.isascii():
        out += _unaccented(stream).get(word, ())
    return out


def _unaccented(stream: Stream) -> dict[str, list[int]]:
    """The tokens spelled with letters beyond ASCII, by their spelling without
    accents, once per document."""
    got = stream.cache.get("unaccented")
    if got is None:
        got = {}
        toks = stream.tokens
        for words in stream.vocabulary.values():
            for lw, idx in words.items():
                if not lw.isascii():
                    got.setdefault(toks[idx[0]].norm, []).extend(idx)
        stream.cache["unaccented"] = got
    return got  # type: ignore[return-value]


Alternatives = Iterable[tuple[int, dict[str, object]]]


class Element:
    """One pattern element. ``match`` gives (next token index, bindings), best first.

    Leaf elements (words, classes, slots, gaps) return a list: their alternatives are
    few and cheap to compute, and a list costs far less than a generator frame on the
    matcher's hot path. Composite elements stay lazy.
    """

    def match(self, ctx: Context, i: int, bound: dict[str, object]) -> Alternatives:
        raise NotImplementedError

    def slots(self) -> list[str]:
        return []

    def min_figures(self) -> int:
        """How many figures every match of this element binds at the least: an
        optional slot, or an option binding fewer, counts for none."""
        return 0

    def classes(self) -> list[str]:
        return []

    def figure_tests(self) -> list[frozenset[FigureTest]]:
        """Figures every match of this element binds, as clauses: each clause a set of
        slot tests one of which a figure inside the match's span passes (its block's
        kind included), at or after its start.

        A unit (sentence, paragraph) without a figure passing one of a clause's tests
        cannot hold a match, and a match cannot start after the last such figure:
        an exact pre-filter, as ``needs`` is for words.
        """
        return []

    def needs(self) -> list[frozenset[str]]:
        """Words every match of this element holds, as clauses: each clause a set of
        atoms one of which begins at a token inside the match's span, at or after its
        start. An atom is a class name ("rise") or "=" and a literal's first word
        ("=(", matched as ``Literal.match`` would, figure tokens included).

        A unit (sentence, paragraph) lacking one clause's every atom cannot hold a
        match, and a match cannot start after the last place where a clause is met:
        an exact pre-filter, as ``figure_tests`` is for figures. Elements that may
        match without a word (gaps, slots, optional parts, negations) need nothing.
        """
        return []

    def first_starts(self, ctx: Context) -> frozenset[int] | None:
        """Token indices where a match may begin, or None when any may."""
        return None

    def exact_starts(self, ctx: Context) -> frozenset[int] | None:
        """Token indices where ``match`` may succeed (more will do, never fewer), or
        None when any may. Unlike a literal's ``first_starts``, figure tokens included."""
        return None


@dataclass(frozen=True)
class Context:
    tokens: tuple[Token, ...]
    end: int
    language: str
    block_kind: str = "paragraph"
    memo: dict[tuple[str, str, int], tuple[int, ...]] | None = None  # class matches, shared by rules
    stream: Stream | None = None
    # where each class of the language may begin (``_class_starts``), at hand: the
    # matcher asks it at every token it tries a class on, and most start none
    class_starts: dict[str, frozenset[int]] | None = field(default=None, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.stream is not None:
            object.__setattr__(self, "class_starts", _class_starts(self.stream, self.language))


def _glued_hyphen(toks: tuple[Token, ...], k: int) -> bool:
    """Whether token ``k`` is a hyphen joining the words on either side, no space around it:
    "crémiers-fromagers", "Noord-Holland" are one word each to a reader."""
    t = toks[k]
    return t.lower == "-" and 0 < k < len(toks) - 1 and toks[k - 1].end == t.start and toks[k + 1].start == t.end \
        and toks[k - 1].figure is None and toks[k + 1].figure is None


@dataclass(frozen=True)
class Literal(Element):
    words: tuple[str, ...]

    def match(self, ctx: Context, i: int, bound: dict[str, object]) -> Alternatives:
        j = match_words(self.words, ctx.tokens, i, ctx.end)
        return [(j, bound)] if j >= 0 else []

    def needs(self) -> list[frozenset[str]]:
        return [] if " " in self.words[0] else [frozenset(["=" + self.words[0]])]

    def first_starts(self, ctx: Context) -> frozenset[int] | None:
        if ctx.stream is None or " " in self.words[0]:
            return None
        return phrase_starts(ctx.stream, ctx.language, "=" + " ".join(self.words))

    def exact_starts(self, ctx: Context) -> frozenset[int] | None:
        """Every token where ``match`` may succeed, figure tokens included (a spelled
        ordinal carries words): unlike ``first_starts``, which skips figures."""
        if ctx.stream is None or " " in self.words[0]:
            return None
        return need_starts(ctx.stream, ctx.language, "=" + self.words[0])


@dataclass(frozen=True)
class WordClass(Element):
    name: str

    def match(self, ctx: Context, i: int, bound: dict[str, object]) -> Alternatives:
        if i >= ctx.end:
            return []
        starts = ctx.class_starts
        if starts is not None and i not in starts.get(self.name, _NO_STARTS):
            return []  # as class_ends would find, without the call: most tokens start no phrase
        end = ctx.end
        return [(j, bound) for j in class_ends(ctx, self.name, i) if j <= end]

    def classes(self) -> list[str]:
        return [self.name]

    def needs(self) -> list[frozenset[str]]:
        return [frozenset([self.name])]

    def first_starts(self, ctx: Context) -> frozenset[int] | None:
        # the context's table of the language's class starts (``phrase_starts``), at hand
        starts = ctx.class_starts
        return None if starts is None else starts.get(self.name, _NO_STARTS)

    exact_starts = first_starts  # a class phrase never begins at a figure token


def class_ends(ctx: Context, name: str, i: int) -> tuple[int, ...]:
    """Token indices where a phrase of class ``name`` beginning at ``i`` ends (not cut
    at ``ctx.end``). Memoised in ``ctx.memo``, shared by every rule of the document."""
    starts = ctx.class_starts
    if starts is not None and i not in starts.get(name, _NO_STARTS):
        return ()  # most tokens start no phrase of the class
    key = (ctx.language, name, i)
    memo = ctx.memo
    ends = memo.get(key) if memo is not None else None
    if ends is None:
        found: list[int] = []
        for words in _class_index(ctx.language, name).candidates(ctx.tokens[i]):
            j = match_words(words, ctx.tokens, i, len(ctx.tokens))
            if j >= 0 and j not in found:
                found.append(j)
        if found and _excepted(ctx, name, i):
            found = []
        ends = tuple(found)
        if memo is not None:
            memo[key] = ends
    return ends


EXCEPT_LOOKBACK = 3  # an except phrase begun this many tokens back may still cover a token


def _excepted(ctx: Context, name: str, i: int) -> bool:
    """Whether a phrase of class ``<name>_except`` begins at ``i``, or began up to
    ``EXCEPT_LOOKBACK`` tokens before and runs past it: there the class does not match.
    German "nach" is a comparison ("nach 8,0 Mrd. im Vorjahr"), "nach Angaben des
    Konzerns" is not; in Spanish "la marca que más crece" neither "más" nor "crece"
    tells a rise (``rise_except: ["más crece"]``); the lexicon says so, not the rules."""
    toks = ctx.tokens
    index = _class_index(ctx.language, name + "_except")
    n = len(toks)
    for k in range(max(0, i - EXCEPT_LOOKBACK), i + 1):
        if toks[k].sentence != toks[i].sentence:
            continue
        for words in index.candidates(toks[k]):
            if len(words) > i - k and match_words(words, toks, k, n) > i:
                return True
    return False


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
            if w.isascii() and w != norm_word and _fuzzy_ok(w, norm_word):
                names |= ws
    if len(lower_word) >= FUZZY_MIN_LENGTH:
        for w, ws in fuzzy.get(lower_word[:4], ()):
            if not w.isascii() and w != lower_word and _fuzzy_ok(w, lower_word):
                names |= ws
    return frozenset(names)


_NO_STARTS: frozenset[int] = frozenset()


def _class_starts(stream: Stream, language: str) -> dict[str, frozenset[int]]:
    """Every class of ``language`` → token indices where one of its phrases may begin
    (in the blocks of that language), once per document and language."""
    per_lang = stream.cache.get("class-starts")
    if per_lang is None:
        per_lang = stream.cache["class-starts"] = {}
    got = per_lang.get(language)  # type: ignore[attr-defined]
    if got is not None:
        return got  # type: ignore[no-any-return]
    found: dict[str, list[int]] = {}
    toks = stream.tokens
    # classes with a phrase opened by a lone "$" (one figure: "$ van de $") may begin at any figure
    opened_by_figure = _first_word_table(language)[0].get("$", frozenset())
    if opened_by_figure:
        langs = stream.block_languages
        figs = [i for i, t in enumerate(toks) if t.figure is not None and langs.get(t.block, "") == language]
        for name in opened_by_figure:
            found[name] = list(figs)
    for lw, idx in stream.vocabulary.get(language, {}).items():
        n = toks[idx[0]].norm
        if not n:
            continue
        for name in _word_classes(language, n, lw):
            have = found.get(name)
            if have is None:
                found[name] = list(idx)
            else:
                have += idx
    result = {name: frozenset(idx) for name, idx in found.items()}
    per_lang[language] = result  # type: ignore[index]
    return result


def class_starts(stream: Stream, language: str) -> dict[str, frozenset[int]]:
    """Every class of ``language`` → token indices where one of its phrases may begin
    (``_class_starts``), for callers that read many classes in a row."""
    return _class_starts(stream, language)


def phrase_starts(stream: Stream, language: str, name: str) -> frozenset[int]:
    """Token indices where a phrase of class ``name`` (or literal "=words") may start."""
    if name[0] != "=":
        return _class_starts(stream, language).get(name, _NO_STARTS)
    key = ("literal-starts", name)
    got = stream.cache.get(key)
    if got is None:
        first = name[1:].split(" ")[0]
        toks = stream.tokens
        got = frozenset(i for i in _tokens_matching(stream, first) if toks[i].figure is None)
        stream.cache[key] = got
    return got  # type: ignore[return-value]


def phrase_positions(stream: Stream, language: str, phrase: str) -> Seq[int]:
    """Token indices, in order, where a class ("@name") or a literal phrase may begin:
    where a phrase of the class may, or the phrase's first word matches (figure
    tokens included, as ``match_words`` tries them). Once per document."""
    key = ("phrase-positions", language, phrase)
    got = stream.cache.get(key)
    if got is None:
        if phrase.startswith("@"):
            got = sorted(_class_starts(stream, language).get(phrase[1:], _NO_STARTS))
        else:
            words = _phrase_words(phrase)
            got = sorted(need_starts(stream, language, "=" + words[0])) if words else range(len(stream.tokens))
        stream.cache[key] = got
    return got  # type: ignore[return-value]


def has_phrase(ctx: Context, phrase: str, s: int, e: int) -> bool:
    """Whether a class ("@name") or a literal phrase occurs within tokens [s, e) of
    the context's stream, tried only where it may begin (``phrase_positions``)."""
    positions = phrase_positions(ctx.stream, ctx.language, phrase)  # type: ignore[arg-type]
    lo = bisect_left(positions, s)
    hi = bisect_left(positions, e, lo)
    if phrase.startswith("@"):
        name = phrase[1:]
        return any(k <= e for i in positions[lo:hi] for k in class_ends(ctx, name, i))
    words = _phrase_words(phrase)
    return any(match_words(words, ctx.tokens, i, e) >= 0 for i in positions[lo:hi])


def begins_phrase(ctx: Context, phrase: str, j: int, e: int) -> bool:
    """Whether a class ("@name") or a literal phrase begins at token ``j`` and ends by ``e``
    (``has_phrase`` asks whether it begins anywhere in a range)."""
    positions = phrase_positions(ctx.stream, ctx.language, phrase)  # type: ignore[arg-type]
    k = bisect_left(positions, j)
    if k == len(positions) or positions[k] != j:
        return False
    if phrase.startswith("@"):
        return any(end <= e for end in class_ends(ctx, phrase[1:], j))
    return match_words(_phrase_words(phrase), ctx.tokens, j, e) >= 0


@cache
def _phrase_words(phrase: str) -> tuple[str, ...]:
    """``phrase_words``, once per phrase of the rules."""
    return phrase_words(phrase)


def need_starts(stream: Stream, language: str, atom: str) -> frozenset[int]:
    """Token indices where a ``needs`` atom may begin: a class phrase of ``language``,
    or ("=word") any token the literal word matches, figure tokens included."""
    if atom[0] != "=":
        return _class_starts(stream, language).get(atom, _NO_STARTS)
    key = ("literal-starts-all", atom[1:])
    got = stream.cache.get(key)
    if got is None:
        got = stream.cache[key] = frozenset(_tokens_matching(stream, atom[1:]))
    return got  # type: ignore[return-value]


def sentence_openers(stream: Stream) -> frozenset[int]:
    """Token indices where ``Opening(want=True)`` holds: each sentence's first token, and
    the tokens after marks (quotes, dashes) that open it, up to its first word or figure
    included. Once per document."""
    got = stream.cache.get("openers")
    if got is None:
        toks = stream.tokens
        found: list[int] = []
        for s, e in stream.sentence_ranges:
            for k in range(s, e):
                found.append(k)
                if toks[k].figure is not None or toks[k].norm.isalnum():
                    break
        got = stream.cache["openers"] = frozenset(found)
    return got  # type: ignore[return-value]


def figure_starts_list(stream: Stream) -> list[int]:
    """Indices of the figure tokens, in order (one pass, shared)."""
    got = stream.cache.get("figure-list")
    if got is None:
        got = stream.cache["figure-list"] = [i for i, t in enumerate(stream.tokens) if t.figure is not None]
    return got  # type: ignore[return-value]


def figure_starts(stream: Stream) -> frozenset[int]:
    got = stream.cache.get("figures")
    if got is None:
        got = stream.cache["figures"] = frozenset(figure_starts_list(stream))
    return got  # type: ignore[return-value]


class _ClassIndex:
    """A class's phrases indexed by their first word, so that a token is tried only
    against the phrases that could start there (exact word, stem, or near spelling)."""

    def __init__(self, phrases: tuple[tuple[str, ...], ...]) -> None:
        self.exact: dict[str, list[tuple[str, ...]]] = {}
        self.stems: list[tuple[str, tuple[str, ...]]] = []
        self.fuzzy: dict[str, list[tuple[str, ...]]] = {}
        # per word (both spellings), its phrases: they depend on the word alone, and the
        # same words begin the class's phrases in document after document
        self._of_word: dict[tuple[str, str], tuple[tuple[str, ...], ...]] = {}
        for words in phrases:
            first = words[0]
            if first.endswith("*"):
                self.stems.append((first[:-1], words))
                continue
            self.exact.setdefault(first, []).append(words)
            if len(first) >= FUZZY_MIN_LENGTH:
                self.fuzzy.setdefault(first[:4], []).append(words)

    def candidates(self, tok: Token) -> Seq[tuple[str, ...]]:
        if tok.figure is not None and "$" in self.exact:
            return self.exact["$"]  # a phrase opened by a figure: "$ van de $"
        if not tok.norm:
            return ()
        key = (tok.norm, tok.lower)
        got = self._of_word.get(key)
        if got is None:
            if len(self._of_word) >= WORDS_KEPT:
                self._of_word.clear()  # a long-running server reads ever more words
            got = self._of_word[key] = self._phrases(tok.norm, tok.lower)
        return got

    def _phrases(self, norm: str, lower: str) -> tuple[tuple[str, ...], ...]:
        """The phrases a word (spelled ``norm`` without accents, ``lower`` with) may begin."""
        out = list(self.exact.get(norm, ()))
        if lower != norm:
            out += self.exact.get(lower, ())
        out += [w for stem, w in self.stems if norm.startswith(stem) or lower.startswith(stem)]
        if len(norm) >= FUZZY_MIN_LENGTH:
            out += self.fuzzy.get(norm[:4], ())
            if lower[:4] != norm[:4]:
                out += self.fuzzy.get(lower[:4], ())
        return tuple(out)


WORDS_KEPT = 20_000  # per class and language, the words whose phrases ``_ClassIndex`` keeps


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
    sign: str | None = None  # "positive" | "negative" | "unsigned" (written without + or −)
    ranged: bool | None = None  # a range ("18% to 26%", "entre 5 et 7 milliards") or not

    @staticmethod
    def facts(fig: Figure, block_kind: str | None = None) -> tuple[object, ...]:
        """All that ``accepts`` reads of a figure and its block: figures alike in
        these pass or fail every test alike."""
        hedged = fig.hedge is not None and fig.hedge != "range"
        return (fig.kind, fig.unit, hedged, block_kind, fig.value < 0, fig.value >= 0, fig.text[:1] in _SIGNS,
                fig.hedge == "range")

    def accepts(self, fig: Figure, block_kind: str | None = None) -> bool:
        if self.kinds and fig.kind not in self.kinds:
            return False
        if self.units and fig.unit not in self.units:
            return False
        if not self.units and fig.unit == "pp":
            return False  # points are a difference of percentages: a slot takes them only when it names the unit
        if self.hedged is not None and (fig.hedge is not None and fig.hedge != "range") != self.hedged:
            return False
        if self.ranged is not None and (fig.hedge == "range") != self.ranged:
            return False
        if self.blocks and block_kind is not None and block_kind not in self.blocks:
            return False
        if self.sign == "positive" and fig.value < 0 or self.sign == "negative" and fig.value >= 0:
            return False
        if self.sign == "unsigned" and fig.text[:1] in _SIGNS:
            return False  # "+40 %" in brackets is a change told with its sign, no share
        return True


def _spelled_count_rejected(test: "FigureTest", fig: Figure) -> bool:
    """A count written in words, with no unit ("the two phones"), that ``test`` does not take."""
    return fig.kind == "number" and fig.unit is None and not any(c.isdigit() for c in fig.text) \
        and not test.accepts(fig)


@dataclass(frozen=True)
class Slot(Element):
    name: str
    test: FigureTest
    repeat: int = 0  # 0: one figure; N: one or more, joined by links of at most N words
    # classes none of which may stand in the few words before the figure, in its sentence:
    # the headline's "supera por primera vez los 30 millones" is a threshold, not a value
    not_after: tuple[str, ...] = ()
    # the same, anywhere from the sentence's start: "Het doel is om die verhouding binnen
    # drie jaar onder de 52 procent te krijgen" is an aim however far the aim word stands
    not_after_in_sentence: tuple[str, ...] = ()
    # classes none of which may begin right after the figure: "£4.2bn of the total, or £1.05bn
    # per season" holds an amount each, no part of a list
    not_before: tuple[str, ...] = ()
    # classes that, right before a figure between two of a repeat, make it a part of the last
    # one, passed over as a word of the link: "devant l'Asie (6,2 milliards, dont 3,1 milliards
    # en Chine), l'Amérique du Nord (6,5 milliards)" lists 6,2 and 6,5
    pass_over: tuple[str, ...] = ()

    def match(self, ctx: Context, i: int, bound: dict[str, object]) -> Alternatives:
        if i >= ctx.end:
            return []
        fig = ctx.tokens[i].figure
        if fig is None or not self.test.accepts(fig, ctx.block_kind):
            return []
        if self.not_after and self._after_class(ctx, i):
            return []
        if self.not_before and self._before_class(ctx, i):
            return []
        if self.not_after_in_sentence and self._after_class_in_sentence(ctx, i):
            return []
        if not self.repeat:
            return [(i + 1, {**bound, self.name: fig})]
        # one or more figures joined by short links ("18 % et 8,8 %", "A, B and C")
        figs = [fig]
        j = i + 1
        ends = [(j, tuple(figs))]
        while j < ctx.end:
            k = j
            words = 0  # a hyphen inside a compound is no word of the link: "crémiers-fromagers"
            # a count written as a word that the slot does not take is a word of the link:
            # "£3.50 for broadband, £3 for the two phones and £2 for television"
            # (a figure ``pass_over`` names is passed over and counts for no word)
            while k < ctx.end and words < self.repeat:
                link = ctx.tokens[k].figure
                if link is None or _spelled_count_rejected(self.test, link):
                    if not _glued_hyphen(ctx.tokens, k):
                        words += 1
                elif not self._passed_over(ctx, k):
                    break
                k += 1
            if k < ctx.end and k > j and ctx.tokens[k].figure is not None and self.test.accepts(ctx.tokens[k].figure) \
                    and ctx.tokens[k].sentence == ctx.tokens[i].sentence and not self._excluded_link(ctx, k):
                figs.append(ctx.tokens[k].figure)  # type: ignore[arg-type]
                j = k + 1
                ends.append((j, tuple(figs)))
            else:
                break
        return [(j, {**bound, self.name: group}) for j, group in reversed(ends)]  # longest first

    def _passed_over(self, ctx: Context, k: int) -> bool:
        """Whether figure ``k`` is a part of the figure before it (``pass_over``): one of
        the classes begins in the two tokens before it, in its sentence."""
        if not self.pass_over:
            return False
        toks = ctx.tokens
        return any(toks[j].sentence == toks[k].sentence and _class_at(ctx, c, j)
                   for j in range(max(0, k - 2), k) for c in self.pass_over)

    def _excluded_link(self, ctx: Context, k: int) -> bool:
        """Whether a later figure of a repeat is barred by the slot's ``not_after``: each
        figure the slot takes passes it, so "dont 6,3 milliards et 4,7 milliards ; le reste,
        soit 7,4 milliards" ends the parts before the rest."""
        return bool(self.not_after) and self._after_class(ctx, k) or bool(self.not_before) and self._before_class(ctx, k)

    def _before_class(self, ctx: Context, i: int) -> bool:
        """Whether a phrase of one of ``not_before`` begins right after token ``i``, in its sentence."""
        j = i + 1
        return j < len(ctx.tokens) and ctx.tokens[j].sentence == ctx.tokens[i].sentence \
            and any(_class_at(ctx, c, j) for c in self.not_before)

    def _after_class(self, ctx: Context, i: int) -> bool:
        toks = ctx.tokens
        sentence = toks[i].sentence
        lo = max(0, i - NOT_AFTER_WORDS)
        starts = ctx.class_starts
        for c in self.not_after:
            # only where a phrase of the class may begin (most tokens begin none)
            at = starts.get(c, _NO_STARTS) if starts is not None else None
            for j in range(lo, i):
                if (at is None or j in at) and toks[j].sentence == sentence and _class_at(ctx, c, j) \
                        and not _hedge_of_other(ctx, c, j, i) and not _closed_before(toks, j, i) \
                        and not _object_of_other(ctx, c, j, i):
                    return True
        return False

    def _after_class_in_sentence(self, ctx: Context, i: int) -> bool:
        """Whether a phrase of ``not_after_in_sentence`` stands from the sentence's start to
        token ``i``: tried only where one may begin (``phrase_positions``), as a walk over
        every token made a page-long sentence (a scraped table, a PDF without full stops)
        cost the square of its length: the first phrase of each class in each sentence is
        found once (``_first_in_sentence``)."""
        toks = ctx.tokens
        sentence = toks[i].sentence
        stream = ctx.stream
        if stream is None:
            j = i
            while j > 0 and toks[j - 1].sentence == sentence:
                j -= 1
            return any(_class_at(ctx, c, k) for k in range(j, i) for c in self.not_after_in_sentence)
        return any(_first_in_sentence(ctx, c, sentence) < i for c in self.not_after_in_sentence)

    def slots(self) -> list[str]:
        return [self.name]

    def min_figures(self) -> int:
        return 1

    def classes(self) -> list[str]:
        return list(self.not_after) + list(self.not_after_in_sentence) + list(self.not_before) + list(self.pass_over)

    def figure_tests(self) -> list[frozenset[FigureTest]]:
        return [frozenset([self.test])]

    def first_starts(self, ctx: Context) -> frozenset[int] | None:
        """Figure tokens passing the slot's test (all but its block condition, which
        depends on where the match is tried): elsewhere the slot cannot match."""
        if ctx.stream is None:
            return None
        key = ("slot-starts", self.test)
        got = ctx.stream.cache.get(key)
        if got is None:
            test = self.test
            toks = ctx.stream.tokens
            got = ctx.stream.cache[key] = frozenset(
                i for i in figure_starts(ctx.stream) if test.accepts(toks[i].figure))  # type: ignore[arg-type]
        return got  # type: ignore[return-value]

    exact_starts = first_starts


NOT_AFTER_WORDS = 6  # "supera por primera vez los": the class word may stand that far back


@dataclass(frozen=True)
class Gap(Element):
    """Up to ``most`` tokens of anything (figures only when ``figures`` is set)."""

    most: int
    figures: bool = False
    stop: tuple[tuple[str, ...], ...] = ()  # words the gap may not cross (a comma in a list)
    stop_classes: tuple[str, ...] = ()  # classes it may not cross (@clause_break: "while", "alors que")
    # the spellings a stop may begin with (``norm`` for words written without accents,
    # ``lower`` for the others), when every stop begins with a plain short word: a token
    # spelled otherwise begins none, found without trying each stop. None: try them all.
    _stop_firsts: tuple[frozenset[str], frozenset[str]] | None = field(init=False, default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        firsts = [words[0] for words in self.stop]
        if all(w not in ("*", "#", "$") and not w.endswith("*") and len(w) < FUZZY_MIN_LENGTH for w in firsts):
            object.__setattr__(self, "_stop_firsts", (frozenset(w for w in firsts if w.isascii()),
                                                      frozenset(w for w in firsts if not w.isascii())))

    def match(self, ctx: Context, i: int, bound: dict[str, object]) -> Alternatives:
        return [(j, bound) for j in self.positions(ctx, i)]

    def classes(self) -> list[str]:
        # "per": a gap steps over the size of the unit a price is told per (``_unit_size``)
        return list(self.stop_classes) + ([] if self.figures else ["per"])

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
        stop, firsts, stop_classes = self.stop, self._stop_firsts, self.stop_classes
        starts = ctx.class_starts
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
                blocked = (fig is not None and not self.figures and not _context_figure(fig) and not _unit_size(ctx, j)
                           and not _subject_count(ctx, j)) or (
                    bool(stop) and (firsts is None or tok.norm in firsts[0] or tok.lower in firsts[1])
                    and any(match_words(words, tokens, j, ctx.end) >= 0 for words in stop)) or (
                    bool(stop_classes) and any((starts is None or j in starts.get(c, _NO_STARTS)) and _class_at(ctx, c, j)
                                               for c in stop_classes))
                if not blocked:
                    following.append(j + 1)
                if tok.norm == "(" and not self.figures:
                    close = _closing_bracket(ctx, j)
                    if close is not None:
                        following.append(close + 1)
            frontier = following
            steps += 1
        return out


def _first_in_sentence(ctx: Context, name: str, sentence: int) -> int:
    """The first token of sentence ``sentence`` where a phrase of class ``name`` matches
    within the context (``_class_at``), or the sentence's end when none does. Once per
    document, class, sentence and context end: a phrase before token ``i`` is then one
    test, whatever the sentence's length."""
    stream = ctx.stream
    assert stream is not None
    key = ("first-in-sentence", ctx.language, name, sentence, ctx.end)
    got = stream.cache.get(key)
    if got is None:
        s, e = stream.sentence_ranges[sentence]
        positions = phrase_positions(stream, ctx.language, "@" + name)
        got = e
        for k in positions[bisect_left(positions, s):bisect_left(positions, e)]:
            if _class_at(ctx, name, k):
                got = k
                break
        stream.cache[key] = got
    return got  # type: ignore[no-any-return]


def _class_at(ctx: Context, name: str, j: int) -> bool:
    """Whether a phrase of the class matches at ``j`` within the context (what
    ``WordClass(name).match`` finding anything means)."""
    starts = ctx.class_starts
    if starts is not None and j not in starts.get(name, _NO_STARTS):
        return False  # as class_ends would find, without the call
    return j < ctx.end and any(k <= ctx.end for k in class_ends(ctx, name, j))


def _hedge_of_other(ctx: Context, name: str, j: int, i: int) -> bool:
    """Whether the phrase of the class at ``j`` only qualifies another figure before ``i``,
    as its hedge: "about 8.1 million acres, yielding 38 bushels" -- the "about" is the
    acres', no aside before the 38."""
    toks = ctx.tokens
    ends = [k for k in class_ends(ctx, name, j) if k <= ctx.end]
    return bool(ends) and all(k < i and toks[k].figure is not None and bool(toks[k].figure.hedge) for k in ends)


def _object_of_other(ctx: Context, name: str, j: int, i: int) -> bool:
    """Whether the phrase of the class at ``j`` is a preposition whose object is another
    figure before ``i``: "sales from 296 stores, or about 19 million pounds" -- the "from"
    is the 296's. A duration or a rank in between is no object ("from a year earlier")."""
    if name not in _figure_prepositions():
        return False
    toks = ctx.tokens
    ends = [k for k in class_ends(ctx, name, j) if k <= ctx.end]
    return bool(ends) and all(k < i and (f := toks[k].figure) is not None and not _context_figure(f) for k in ends)


def _closed_before(toks: tuple[Token, ...], j: int, i: int) -> bool:
    """Whether the phrase at ``j`` opens a bracket that closes before token ``i``: an aside of
    its own ("Beurre doux (250 g) : 2,59 €"), no opening of one around the figure at ``i``."""
    return toks[j].lower == "(" and any(toks[k].lower == ")" for k in range(j + 1, i))


def _context_figure(fig: Figure) -> bool:
    """Ordinals ("la première fois") and durations ("l'an dernier", "en un an") read as
    words between the figures a rule links: a gap may cross them."""
    return fig.kind == "ordinal" or is_duration(fig)


def is_duration(fig: Figure) -> bool:
    """A length of time ("three years", "nine-month"): a period, no amount."""
    return fig.kind == "quantity" and fig.unit in DURATION_CODES


def _unit_size(ctx: Context, j: int) -> bool:
    """Whether the figure at ``j`` is the size of the unit a price is told per, a word
    between the figures a rule links: "1,59 Euro je 250-Gramm-Packung, nach 2,29 Euro",
    "4,50 euros por 100 gramos": a count or quantity right after a ``@per`` phrase that
    follows an amount of money."""
    fig = ctx.tokens[j].figure
    if fig is None or fig.kind not in ("number", "quantity"):
        return False
    for k in (j - 1, j - 2):
        if k >= 1 and j in class_ends(ctx, "per", k):
            before = ctx.tokens[k - 1].figure
            return before is not None and before.kind == "money"
    return False


SUBJECT_COUNT_MOST = 12  # "the twelve banks" names its subjects; "the 40 banks" may be a figure told


def _subject_count(ctx: Context, j: int) -> bool:
    """Whether the figure at ``j`` is a small count written in words right after a word of
    class ``subject_count_front`` ("the", "les", "de", "los"), fewer figures before it in its
    sentence than it counts: it names the subjects of the sentence, a word between the figures
    a rule links ("Over the last five years the two zoos have drawn 8.6 million visitors, an
    average of 2.1m a year"), not a group of figures just told."""
    fig = ctx.tokens[j].figure
    if fig is None or fig.kind != "number" or not 1 < fig.value <= SUBJECT_COUNT_MOST or any(c.isdigit() for c in fig.text):
        return False
    if not (j >= 1 and _class_at(ctx, "subject_count_front", j - 1)):
        return False
    # not a group of figures told before it in its sentence: "Ivory Coast … 2.2m and Ghana 0.7m,
    # meaning the two neighbours will still account for roughly 59%" (a share of both, no word between)
    toks = ctx.tokens
    sentence = toks[j].sentence
    told = 0
    for k in range(j - 1, -1, -1):
        if toks[k].sentence != sentence:
            break
        f = toks[k].figure
        if f is not None and not _context_figure(f):
            told += 1
    return told < fig.value


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
        """Depth-first over the items, in the order of each item's alternatives.

        Iterative, with a stack of the items' alternatives, rather than one nested
        generator per item: the same order, without a generator frame per step.
        """
        items = self.items
        n = len(items)
        if n == 0:
            yield i, bound
            return
        if n == 1:
            yield from items[0].match(ctx, i, bound)
            return
        last = n - 1
        stack = [iter(items[0].match(ctx, i, bound))]
        while stack:
            depth = len(stack)
            for j, b in stack[-1]:
                if depth == last:
                    yield from items[last].match(ctx, j, b)
                else:
                    stack.append(iter(items[depth].match(ctx, j, b)))
                    break
            else:
                stack.pop()

    def slots(self) -> list[str]:
        return [s for it in self.items for s in it.slots()]

    def min_figures(self) -> int:
        return sum(it.min_figures() for it in self.items)

    def figure_tests(self) -> list[frozenset[FigureTest]]:
        return _minimal([c for it in self.items for c in it.figure_tests()])

    def first_starts(self, ctx: Context) -> frozenset[int] | None:
        if not self.items:
            return None
        got = self.items[0].first_starts(ctx)
        return got if got is not None else self.exact_starts(ctx)

    def exact_starts(self, ctx: Context) -> frozenset[int] | None:
        """Where the first element that consumes a token may begin: a negation (``Not``)
        consumes nothing, so what follows it begins where it does; an optional part may
        be left out, so where it or what follows begins. A rule opening with "not
        @of_total" then tries only where a phrase of the next class begins, not at every token.
        An ``opening: true`` before them holds only where a sentence opens
        (``sentence_openers``): "{opening: true}, {gap: 2}, …" tries a token or so per
        sentence, not every token. Once per document and language (``_starts_memo``)."""
        return _starts_memo(ctx, self, self._exact_starts)

    def _exact_starts(self, ctx: Context) -> frozenset[int] | None:
        out: frozenset[int] = frozenset()
        openers: frozenset[int] | None = None
        optional = False  # an optional part met: an opening after it may be past the start
        for it in self.items:
            if isinstance(it, Opening):
                if it.want and ctx.stream is not None and not optional:
                    openers = sentence_openers(ctx.stream)
                continue
            if isinstance(it, Not):
                continue
            got = it.inner.exact_starts(ctx) if isinstance(it, Optional) else it.exact_starts(ctx)
            if got is None:
                return openers
            out = out | got if out else got
            if not isinstance(it, Optional):
                return out if openers is None else out & openers
            optional = True
        return openers  # every element may match nothing: a match may begin anywhere (an opening aside)

    def needs(self) -> list[frozenset[str]]:
        return _minimal([c for it in self.items for c in it.needs()])

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
class Not(Element):
    """Succeeds, consuming nothing, where ``inner`` does not match: "a percentage not
    followed by 'to' and another percentage" (the start of a new from/to pair)."""

    inner: Sequence

    def match(self, ctx: Context, i: int, bound: dict[str, object]) -> Alternatives:
        return [] if next(iter(self.inner.match(ctx, i, bound)), None) is not None else [(i, bound)]

    def classes(self) -> list[str]:
        return self.inner.classes()


@dataclass(frozen=True)
class Opening(Element):
    """Succeeds, consuming nothing, where the token is (``want`` true) or is not (false)
    the first word of its sentence, punctuation before it aside. A mark that opens its
    sentence states a condition, not where a value stands: "Boven de 100 procent maakt
    een verzekeraar verlies", "Above $80 a barrel, demand falls"."""

    want: bool

    def match(self, ctx: Context, i: int, bound: dict[str, object]) -> Alternatives:
        toks = ctx.tokens
        if i >= len(toks):
            return []
        sentence = toks[i].sentence
        j = i - 1
        while j >= 0 and toks[j].sentence == sentence and toks[j].figure is None and not toks[j].norm.isalnum():
            j -= 1
        opens = j < 0 or toks[j].sentence != sentence
        return [(i, bound)] if opens == self.want else []


@dataclass(frozen=True)
class Name(Element):
    """One word written with a capital inside its sentence: a name, in the languages whose
    body text capitalises names only (tokens.py keeps such a word's capitals). "tegen 27
    procent voor Voltera": the figure before the name is another holder's, no earlier
    value of the same thing. A word in capitals is one too ("contre 14 % pour LVMH"). In German
    every noun is capitalised, so no word is a name there."""

    def match(self, ctx: Context, i: int, bound: dict[str, object]) -> Alternatives:
        if i >= ctx.end:
            return []
        t = ctx.tokens[i]
        if t.figure is None and (t.lower[:1].isupper() or (ctx.stream is not None and i in ctx.stream.acronyms)):
            return [(i + 1, bound)]
        return []


@dataclass(frozen=True)
class Choice(Element):
    options: tuple[Sequence, ...]

    def match(self, ctx: Context, i: int, bound: dict[str, object]) -> Iterator[tuple[int, dict[str, object]]]:
        starts = self._option_starts(ctx)
        for opt, at in zip(self.options, starts):
            if at is not None and i not in at:
                continue  # the option's first element matches nowhere here
            yield from opt.match(ctx, i, bound)

    def _option_starts(self, ctx: Context) -> tuple[frozenset[int] | None, ...]:
        """Per option, the token indices where it may begin, when its first element is a
        class, a slot or a literal word (their ``exact_starts``; None otherwise: it may
        begin anywhere). Once per document and language: most options of a choice begin
        with a word or figure absent from the token tried, and are passed without a try."""
        if ctx.stream is None:
            return (None,) * len(self.options)
        key = ("option-starts", id(self), ctx.language)
        got = ctx.stream.cache.get(key)
        if got is None:
            got = ctx.stream.cache[key] = tuple(
                opt.exact_starts(ctx) if opt.items and _plain_first(opt.items[0]) else None for opt in self.options)
        return got  # type: ignore[return-value]

    def first_starts(self, ctx: Context) -> frozenset[int] | None:
        """Where some option may begin: the union of their exact first positions
        (``Sequence.exact_starts``: nested choices, negations and optional parts
        looked through), or None when one option may begin anywhere. Once per document
        and language (``_starts_memo``)."""
        return _starts_memo(ctx, self, self._first_starts)

    def _first_starts(self, ctx: Context) -> frozenset[int] | None:
        out: set[int] = set()
        for opt in self.options:
            got = opt.exact_starts(ctx)
            if got is None:
                return None
            out |= got
        return frozenset(out)

    exact_starts = first_starts

    def slots(self) -> list[str]:
        """The names the options bind, each once: options name the same figure in their
        own word order ("jumps 28%" / "15 procent hoger"), and the matcher counts slots
        to know how many figures a sentence needs."""
        return list(dict.fromkeys(s for o in self.options for s in o.slots()))

    def min_figures(self) -> int:
        return min((o.min_figures() for o in self.options), default=0)

    def classes(self) -> list[str]:
        return [c for o in self.options for c in o.classes()]

    def needs(self) -> list[frozenset[str]]:
        return _any_of([o.needs() for o in self.options])

    def figure_tests(self) -> list[frozenset[FigureTest]]:
        return _any_of([o.figure_tests() for o in self.options])


_UNSET = object()


def _starts_memo(ctx: Context, element: Element,
                 compute: Callable[[Context], frozenset[int] | None]) -> frozenset[int] | None:
    """``compute(ctx)``, where a composite element may begin, once per document (its
    stream), element and language: the rule's own start positions, each of its choices
    (``Choice._option_starts``) and the choices it is an option of all ask for it, and
    each union made anew copies the sets it joins. Starts read only the stream and the
    language, never where in the stream the context ends."""
    if ctx.stream is None:
        return compute(ctx)
    key = ("starts", id(element), ctx.language)
    cache = ctx.stream.cache
    got = cache.get(key, _UNSET)
    if got is _UNSET:
        got = cache[key] = compute(ctx)
    return got  # type: ignore[return-value]


def _plain_first(it: Element) -> bool:
    """Whether an element's ``exact_starts`` are exactly where its ``match`` may begin: a
    class, a slot, a literal opened by a plain word (not the "*", "#" or "$" that match
    figure tokens ``match_words`` reads apart)."""
    if isinstance(it, Literal):
        return it.words[0] not in ("*", "#", "$")
    return isinstance(it, (WordClass, Slot))


def _any_of(per_option: list[list[frozenset[T]]]) -> list[frozenset[T]]:
    """The clauses of alternatives: a clause of each option, joined, as whichever
    option matches meets the union. Every combination while they are few, else the
    first clause of each; none when an option needs nothing."""
    if not per_option or not all(per_option):
        return []
    combos: list[frozenset[T]] = [frozenset()]
    for clauses in per_option:
        if len(combos) * len(clauses) > MAX_NEED_COMBINATIONS:
            clauses = clauses[:1]
        combos = [c | d for c in combos for d in clauses]
    return _minimal(combos)


def _minimal(clauses: list[frozenset[T]]) -> list[frozenset[T]]:
    """The clauses, in order, without repeats and without those another one implies
    (a clause holding all the atoms of another is met wherever that one is)."""
    unique = list(dict.fromkeys(clauses))
    return [c for c in unique if not any(d < c for d in unique)]


MAX_ALTERNATIVES = 24
MAX_NEED_COMBINATIONS = 16


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
