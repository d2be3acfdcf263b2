"""The figure-annotated token stream that rule patterns match against.

Words are normalised (lower case, no accents, one kind of apostrophe) so that
patterns written by an editor match "augmenté", "Augmente" and "augmente" alike;
each figure stands as a single token carrying the Figure.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple
from functools import lru_cache

from collections.abc import Callable, Iterator

from .errors import InputError
from .model import Document, Figure, Sentence

_TOKEN = re.compile(r"[^\W\d_]+|\d+|[^\w\s]")
_PHRASE_TOKEN = re.compile(r"[^\W\d_]+\*?|\d+\*?|[^\w\s]")


@lru_cache(maxsize=65536)
def lower(word: str) -> str:
    return word.lower().replace("’", "'")


@lru_cache(maxsize=65536)
def norm(word: str) -> str:
    """Lower case without accents: how patterns written without accents are compared."""
    w = lower(word).replace("ß", "ss")
    if w.isascii():
        return w
    return "".join(c for c in unicodedata.normalize("NFKD", w) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def _spellings(word: str) -> tuple[str, str]:
    """``norm`` and ``lower`` of a word in one cache look-up (tokenize's inner loop). A bar
    reads as a colon: the two divide a table's label from its figure alike ("Atlantik |
    1.742", "Atlantik: 1.742"), and rules name the colon."""
    if word == "|":
        return ":", ":"
    return norm(word), lower(word)


def phrase_words(phrase: str) -> tuple[str, ...]:
    """A phrase as pattern words: "pour s’établir à" → ("pour", "s", "'", "établir", "à").

    A word written with accents must meet them in the text ("à" is not the verb
    "a"); a word written without accents matches with or without them.
    """
    return tuple(lower(w) for w in _PHRASE_TOKEN.findall(phrase))


class Token(NamedTuple):
    """One word, punctuation mark or figure. A named tuple rather than a frozen
    dataclass: a document makes thousands, and tuples are built several times faster."""

    start: int
    end: int
    norm: str  # without accents; "" for figure tokens
    lower: str  # with accents
    figure: Figure | None
    sentence: int
    block: int


@dataclass(frozen=True)
class Stream:
    """All tokens of a document, with indexes of where each sentence and block starts.

    ``cache`` holds what the matcher works out once per document (where each word
    class may begin), shared by every rule.

    ``vocabulary`` lists, per block language, each distinct word (its ``lower``
    spelling, from which ``norm`` follows) with the indices of its tokens: what
    depends on a word alone (its classes, whether a pattern word matches it) is
    then worked out once per word of the document, not once per token.
    """

    tokens: tuple[Token, ...]
    sentence_ranges: tuple[tuple[int, int], ...]  # token index ranges, one per sentence
    block_ranges: dict[int, tuple[int, int]]
    block_languages: dict[int, str] = field(default_factory=dict)
    cache: dict[object, object] = field(default_factory=dict)
    vocabulary: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    # words in capitals inside a sentence of a block whose language capitalises names only
    # ("contre 14 % pour LVMH", "for HSBC"): names, though classes still match them ("du PIB")
    acronyms: frozenset[int] = frozenset()


def tokenize(doc: Document, figures: tuple[Figure, ...]) -> Stream:
    text = doc.text
    out: list[Token] = []
    sent_ranges: list[tuple[int, int]] = []
    blocks: dict[int, list[int]] = {}
    languages = {b.index: b.language for b in doc.blocks}
    vocabulary: dict[str, dict[str, list[int]]] = {}
    name_blocks = _name_blocks(doc)
    acronyms: set[int] = set()
    fig_iter = iter(figures)
    nxt = next(fig_iter, None)
    finditer = _TOKEN.finditer
    new = tuple.__new__  # Token(...) without the named tuple's Python-level __new__
    append = out.append
    for si, sent in enumerate(doc.sentences):
        first = len(out)
        # Figures ending before the sentence are passed over (as the first token would).
        while nxt is not None and nxt.end <= sent.start:
            nxt = next(fig_iter, None)
        if nxt is None or nxt.start >= sent.end:
            # No figure in the sentence, the common case: words and marks only.
            tail = (None, si, sent.block)
            for m in finditer(text, sent.start, sent.end):
                append(new(Token, m.span() + _spellings(m.group()) + tail))
        else:
            nxt = _tokens_with_figures(text, sent, si, out, finditer, fig_iter, nxt)
        if len(out) > first:
            months = name_blocks.get(sent.block)
            if months is not None:
                _mark_names(text, out, first, len(out), months, acronyms)
            sent_ranges.append((first, len(out)))
            b = blocks.setdefault(sent.block, [first, len(out)])
            b[1] = len(out)
            words = vocabulary.get(languages.get(sent.block, ""))
            if words is None:
                words = vocabulary[languages.get(sent.block, "")] = {}
            for i in range(first, len(out)):
                lw = out[i].lower
                if lw:
                    idx = words.get(lw)
                    if idx is None:
                        words[lw] = [i]
                    else:
                        idx.append(i)
        else:
            sent_ranges.append((0, 0))
    return Stream(
        tokens=tuple(out),
        sentence_ranges=tuple(sent_ranges),
        block_languages=languages,
        block_ranges={k: (v[0], v[1]) for k, v in blocks.items()},
        vocabulary=vocabulary,
        acronyms=frozenset(acronyms),
    )


def _tokens_with_figures(text: str, sent: Sentence, si: int, out: list[Token], finditer: Callable[..., Iterator[re.Match[str]]],
                         fig_iter: Iterator[Figure], nxt: Figure | None) -> Figure | None:
    """The tokens of a sentence that holds figures, appended to ``out``; returns the
    next figure not yet placed."""
    pos = sent.start
    for m in finditer(text, sent.start, sent.end):
        s, e = m.span()
        if s < pos:
            continue
        while nxt is not None and nxt.end <= s:
            nxt = next(fig_iter, None)
        if nxt is not None and (nxt.start <= s < nxt.end or s <= nxt.start < e):
            word = text[nxt.start:nxt.end]
            # an ordinal written in words ("première", "first") still reads as a word
            # for word classes ("pour la première fois"), and as a figure for slots
            spelled = nxt.kind == "ordinal" and word.isalpha()
            n, lw = _spellings(word) if spelled else ("", "")
            out.append(tuple.__new__(Token, (nxt.start, nxt.end, n, lw, nxt, si, sent.block)))
            pos = nxt.end
            nxt = next(fig_iter, None)
            continue
        n, lw = _spellings(m.group())
        out.append(tuple.__new__(Token, (s, e, n, lw, None, si, sent.block)))
    return nxt


# Marks after which a capitalised word may start a quotation or a clause of its own.
_OPENERS = frozenset("\"“”«»‘'(:-–—.…;")


def _name_blocks(doc: Document) -> dict[int, frozenset[str]]:
    """The blocks where a capitalised word inside a sentence is a name, not a class
    word ("gevolgd door Jumbo met 21,6 %, Plus met 6,3 %": "Plus" is a supermarket, not
    a rise): the body of a language that capitalises names only. Titles are left alone:
    headline style capitalises common words. Each block maps to its language's month
    names, lower case (the lexicon's ``month_numbers``, not the abbreviations nor a name of
    three letters, which may be a person's, "May"): capitalised by spelling, no names."""
    from . import lexicon

    flagged: dict[str, frozenset[str] | None] = {}
    out: dict[int, frozenset[str]] = {}
    for b in doc.blocks:
        if b.kind == "title":
            continue
        if b.language not in flagged:
            try:
                lex = lexicon.load(b.language)
            except InputError:  # an unknown language: nothing to mark
                flagged[b.language] = None
            else:
                flagged[b.language] = frozenset(lower(n) for n in lex.month_numbers if len(n) >= 4 and n.isalpha()) \
                    if lex.capitalized_names else None
        months = flagged[b.language]
        if months is not None:
            out[b.index] = months
    return out


def _mark_names(text: str, out: list[Token], first: int, end: int, months: frozenset[str] = frozenset(),
                acronyms: set[int] | None = None) -> None:
    """In tokens [first, end) of one sentence, a capitalised word after its first keeps
    its capitals in ``norm``/``lower``, so that no lower-case pattern word or class
    entry matches it. A month (``months``, lower case) is capitalised by spelling, not
    as a name: "a figure that in August topped 90,000" meets a class's "in august". A word
    in capitals keeps none (a class may hold it: "du PIB"), nor does one with capitals inside
    ("CaixaBank", "RevPAR"); the index of either goes to ``acronyms``."""
    for i in range(first + 1, end):
        t = out[i]
        if t.figure is not None or t.end - t.start < 2 or not text[t.start].isupper():
            continue
        word = text[t.start:t.end]
        if acronyms is not None and word.isalpha() and (word.isupper() or not word[1:].islower()):
            acronyms.add(i)
            continue
        if word[1:].islower() and (out[i - 1].lower not in _OPENERS or _elided(text, out, i - 1)) \
                and t.lower not in months:
            out[i] = t._replace(norm=word, lower=word)


def _elided(text: str, out: list[Token], k: int) -> bool:
    """Whether token ``k`` is a straight apostrophe that elides the short word glued before it
    ("l'Allemagne", "d'Orange"), not a quote that opens: the word after it is inside the
    sentence, as after a typographic "’", which opens nothing."""
    if out[k].lower != "'" or k == 0:
        return False
    prev = out[k - 1]
    return prev.figure is None and prev.end == out[k].start and out[k].end == out[k + 1].start \
        and prev.end - prev.start <= 6 and text[prev.start:prev.end].isalpha()
