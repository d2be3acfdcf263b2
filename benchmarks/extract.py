"""Extraction throughput, warm, in MB of text per second on one core.

Prints ``factcheck.extract``'s rate on the benchmark text (benchmarks/corpus.py) and,
measured in the same run on the same text, the ratio against peers when they are
installed: Recognizers-Text's Python release (``recognizers-text-suite``: its French
Number, Percent and Currency models, as factcheck finds numbers, percentages and
money at once) and quantulum3 (English quantities). Peers are slow, so they run on a
sample and their rate is scaled; ratios compare across machines where MB/s do not.

    python benchmarks/extract.py [--size 1000000] [--repeat 3] [--sample 20000] [--profile]
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import corpus  # noqa: E402
from corpus import best_of  # noqa: E402

import factcheck  # noqa: E402


def _mb(text: str) -> float:
    return len(text.encode("utf-8")) / 1e6


def recognizers_rate(sample: str) -> float | None:
    """MB/s of Recognizers-Text's French Number + Percent + Currency models."""
    try:
        from recognizers_number import Culture, NumberRecognizer  # type: ignore[import-not-found]
        from recognizers_number_with_unit import NumberWithUnitRecognizer  # type: ignore[import-not-found]
    except Exception:  # noqa: BLE001 - any import failure (missing, or its emoji<2 pin) means "not measured"
        return None
    nums = NumberRecognizer(Culture.French)
    units = NumberWithUnitRecognizer(Culture.French)
    models = [nums.get_number_model(), nums.get_percentage_model(), units.get_currency_model()]
    paras = [p for p in sample.split("\n") if p.strip()]
    for m in models:
        m.parse(paras[0])  # warm
    t = best_of(lambda: [m.parse(p) for p in paras for m in models], 1)
    return _mb(sample) / t


def quantulum_rate(sample: str) -> float | None:
    try:
        from quantulum3 import parser  # type: ignore[import-not-found]
    except Exception:  # noqa: BLE001
        return None
    paras = [p for p in sample.split("\n") if p.strip()]
    parser.parse(paras[0])  # warm: quantulum loads its unit tables on first use
    t = best_of(lambda: [parser.parse(p) for p in paras], 1)
    return _mb(sample) / t


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=1_000_000, help="characters of text (default 1e6)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sample", type=int, default=20_000, help="characters given to the (slow) peers")
    ap.add_argument("--dense", action="store_true", help="only sentences with figures (worst case)")
    ap.add_argument("--profile", action="store_true", help="cProfile one extraction pass instead")
    args = ap.parse_args()
    arts = corpus.articles(args.size, dense=args.dense)
    text = "\n".join(arts)
    mb = _mb(text)
    # Warm: every language's lexicon, screens and number grammar compiled, text2num loaded.
    # One article only warmed one language: the profile then counted the others' ~20
    # re.compile (about a tenth of the profiled pass) as extraction time.
    for a in arts:
        factcheck.extract(a)
    if args.profile:
        import cProfile
        import pstats

        cProfile.runctx("[factcheck.extract(a) for a in arts]", globals(), {"arts": arts, "factcheck": factcheck},
                        "/tmp/extract.prof")
        pstats.Stats("/tmp/extract.prof").sort_stats(os.environ.get("PROFILE_SORT", "cumulative")).print_stats(30)
        return 0
    t = best_of(lambda: [factcheck.extract(a) for a in arts], args.repeat)
    n_figs = sum(len(factcheck.extract(a)) for a in arts)
    rate = mb / t
    print(f"text: {len(arts)} articles, {mb:.2f} MB, {n_figs / (len(text) / 1000):.1f} figures per KB, best of {args.repeat}")
    print(f"factcheck extract  {rate:8.2f} MB/s  (1 core, warm)")
    sample = text[: args.sample]
    for name, fn, hint in (
        ("recognizers-text", recognizers_rate, "pip install recognizers-text-suite 'emoji<2'"),
        ("quantulum3", quantulum_rate, "pip install quantulum3"),
    ):
        peer = fn(sample)
        if peer is None:
            print(f"{name:18} not installed ({hint}) — skipped")
        else:
            print(f"{name:18} {peer:8.3f} MB/s  factcheck extract is {rate / peer:.0f}x faster")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
