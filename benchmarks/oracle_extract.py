"""Extraction oracle: every figure and period factcheck finds in the project's texts, as text.

Run it before and after a change that must not change behaviour (a speed-up, a refactor)
and ``diff`` the two files: any difference is a change of output.

    python benchmarks/oracle_extract.py > /tmp/oracle-before.txt
    ... change ...
    python benchmarks/oracle_extract.py > /tmp/oracle-after.txt && diff /tmp/oracle-{before,after}.txt

Texts: each article of benchmarks/accuracy/*.yaml (language from the file stem's prefix,
None for ``mixed*``); each examples/*.txt with its language, with none (detection per
block), and with a character lexicon.folded does not fold (the passes' case-insensitive
path); and the extraction benchmark's text (benchmarks/corpus.py, normal and dense, no
language, as benchmarks/extract.py reads it; one article in four also unfolded). For
each: ``repr`` of each Figure of ``factcheck.extract`` and the periods of ``figures.scan``.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import corpus  # noqa: E402

import factcheck  # noqa: E402
from factcheck import document, figures  # noqa: E402


def texts(size: int) -> Iterator[tuple[str, str, str | None]]:
    """(label, text, language) of every text the oracle reads, in a fixed order."""
    for path in sorted((HERE / "accuracy").glob("*.yaml")):
        lang = None if path.stem.startswith("mixed") else path.stem.split("-")[0]
        for i, art in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            if isinstance(art, dict) and art.get("text"):
                yield f"{path.name}#{i}", art["text"], lang
    for path in sorted((HERE.parent / "examples").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        yield f"{path.name}[{path.stem[:2]}]", text, path.stem[:2]
        yield f"{path.name}[auto]", text, None
        # a character that lexicon.folded will not fold: the passes' case-insensitive path
        yield f"{path.name}[unfolded]", text + "\n\u017f\n", None
    for dense in (False, True):
        for i, art in enumerate(corpus.articles(size, dense=dense)):
            yield f"corpus{'-dense' if dense else ''}#{i}", art, None
            if i % 4 == 0:
                yield f"corpus{'-dense' if dense else ''}#{i}[unfolded]", art + "\n\u017f\n", None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=1_000_000, help="characters of benchmark text (default 1e6)")
    args = ap.parse_args()
    out = sys.stdout
    for label, text, lang in texts(args.size):
        out.write(f"=== {label} {lang}\n")
        for fig in factcheck.extract(text, lang):
            out.write(repr(fig) + "\n")
        for period in figures.scan(document.build("<text>", text, language=lang)).periods:
            out.write(repr(period) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
