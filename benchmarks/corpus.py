"""A benchmark text built from the project's own sentences: rule examples, lexicon
corpora and example articles, in every language, shuffled into paragraphs.

Deterministic (fixed seed) so that runs compare; sized by the caller.
"""
from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def sentences() -> list[str]:
    out: list[str] = []
    for path in sorted((ROOT / "rules" / "lexicons" / "corpus").glob("*.yaml")):
        out += [c["text"] for c in yaml.safe_load(path.read_text(encoding="utf-8")) or [] if c.get("figures")]
    for path in sorted((ROOT / "rules" / "checks").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for rule in data.get("rules", []) or []:
            out += [e["text"] for e in rule.get("examples", []) or []]
        for examples in (data.get("examples") or {}).values():
            out += [e["text"] for e in examples or []]
    for path in sorted((ROOT / "examples").glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("---", 2)[-1]
        out += [p for p in body.split("\n\n") if p.strip()]
    return [s.strip().replace("\n\n", "\n") for s in out if s.strip()]


def text(size: int, seed: int = 7) -> str:
    """About ``size`` characters of paragraphs of 3–6 sentences each."""
    rng = random.Random(seed)
    pool = sentences()
    parts: list[str] = []
    total = 0
    while total < size:
        para = " ".join(rng.choice(pool) for _ in range(rng.randint(3, 6)))
        parts.append(para)
        total += len(para) + 2
    return "\n\n".join(parts) + "\n"


def prose() -> list[str]:
    """Sentences without figures (benchmarks/prose.txt): the text between the figures."""
    path = Path(__file__).resolve().parent / "prose.txt"
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def articles(size: int, seed: int = 7, dense: bool = False) -> list[str]:
    """About ``size`` characters cut into articles of 2–6 KB, each with a headline line:
    what the tool checks in a newsroom, one article at a time.

    By default two sentences in three are figure-free prose. The rule examples that
    make up the rest hold more figures each as rules read longer passages, so this
    text has about 10 figures per KB (the benchmark scripts print it): twice the seed
    article's 5, and near the 11 of the articles in benchmarks/accuracy, written to
    be rich in claims. Rates measured on it are conservative for real pages, whose
    time goes per figure. ``dense`` uses only sentences with figures (about 25 per
    KB), a worst case.
    """
    rng = random.Random(seed)
    pool = sentences()
    if not dense:
        filler = prose()
        pool = pool + filler * max(1, (2 * len(pool)) // len(filler))
    out: list[str] = []
    total = 0
    while total < size:
        target = rng.randint(2000, 6000)
        title = rng.choice(pool).split(".")[0][:90]
        paras: list[str] = [title]
        length = len(title)
        while length < target:
            para = " ".join(rng.choice(pool) for _ in range(rng.randint(3, 6)))
            paras.append(para)
            length += len(para) + 2
        art = "\n\n".join(paras) + "\n"
        out.append(art)
        total += len(art)
    return out


def best_of(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of ``repeat`` runs, in seconds: warm timing with the least noise."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)
